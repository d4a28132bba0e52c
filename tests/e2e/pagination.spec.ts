/** A long section is split into listing pages that together list every link, in reading order. */
import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:http';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { ENTRIES_PER_PAGE } from '../../src/site/reading-list.ts';
import { entrySchema } from '../../src/schemas/content.ts';
import { buildSite, tempSite, writeTree } from '../support/build-site.ts';
import { expect, test } from './fixtures.ts';
import { serveDirectory } from './serve-dist.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const COUNT = 2 * ENTRIES_PER_PAGE + 30;
// Framing entries are numbered after approach ones, so the page must reorder them to come first.
const kindOf = (n: number) => (n > COUNT - 40 ? 'framing' : 'approach');
const titleOf = (n: number) => `Generated article ${String(n).padStart(3, '0')}`;
const expectedOrder = [
  ...Array.from({ length: 40 }, (_, i) => COUNT - 40 + i + 1),
  ...Array.from({ length: COUNT - 40 }, (_, i) => i + 1),
].map(titleOf);

let server: Server;
// Beside the main run's port (E2E_PORT), so that runs in two checkouts on one machine do not collide.
const port = Number(process.env.E2E_PORT ?? 4329) + 141 + Number(process.env.TEST_WORKER_INDEX ?? 0);

test.beforeAll(() => {
  const site = tempSite('pagination');
  const files: Record<string, string> = {
    'list.md': serialiseList({ title: 'Long list' }),
    'sections/long.md': serialiseSection({ title: 'A long section', summary: 'Many links', order: 1 }),
  };
  for (let n = 1; n <= COUNT; n++) {
    const data = entrySchema.parse({
      title: titleOf(n),
      url: `https://example.com/${n}`,
      section: 'long',
      kind: kindOf(n),
      order: n,
      quotes: [`Quote of article ${n}.`],
    });
    files[`entries/long/article-${n}.md`] = serialiseEntry(data);
  }
  writeTree(site.contentDir, files);
  const result = buildSite(site);
  expect(result.status, result.output).toBe(0);
  server = serveDirectory(site.outDir, port);
});
test.afterAll(() => {
  server?.close();
});

test('following Next through every page of a section lists each link once, in reading order', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/long/`);
  const titles: string[] = [];
  for (let number = 1; ; number++) {
    await expect(page.locator('h1')).toHaveText('A long section');
    await expect(page.locator('.pager [aria-current="page"]').first()).toHaveText(String(number));
    titles.push(...(await page.locator('.entry h3 a').allTextContents()));
    const next = page.locator('.pager a[rel="next"]').first();
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`/long/page/${number + 1}/$`));
  }
  expect(titles).toEqual(expectedOrder);
  expect(titles.length).toBe(COUNT);
});

test('each listing page holds at most a page worth of entries and links to every page', async ({ page }) => {
  const pages = Math.ceil(COUNT / ENTRIES_PER_PAGE);
  for (let number = 1; number <= pages; number++) {
    await page.goto(`http://127.0.0.1:${port}/long/${number === 1 ? '' : `page/${number}/`}`);
    const count = await page.locator('.entry').count();
    expect(count).toBe(number < pages ? ENTRIES_PER_PAGE : COUNT - ENTRIES_PER_PAGE * (pages - 1));
    const links = await page.locator('.pager').first().locator('ol li').allTextContents();
    expect(links.map((text) => text.trim())).toEqual(Array.from({ length: pages }, (_, i) => String(i + 1)));
  }
});

test('a listing page with a pager above and below passes axe: each pager is a landmark with a name of its own', async ({
  page,
}) => {
  for (const path of ['/long/', '/long/page/2/']) {
    await page.goto(`http://127.0.0.1:${port}${path}`);
    const names = await page.locator('nav.pager').evaluateAll((navs) => navs.map((nav) => nav.getAttribute('aria-label')));
    expect(names).toHaveLength(2);
    expect(new Set(names).size, path).toBe(2);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
      path,
    ).toEqual([]);
  }
});
