/**
 * Imported lists on the built site. An awesome README imported on its own is browsable by its
 * sections and sub-sections, and a word found only in an entry's description finds that entry.
 * Every link and quote of every imported page — the awesome fixture, the legacy fixtures, and the
 * origin site's pages when ../shared/legacy/origin exists — is on the site, in the page's order.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { main as importPages } from '../../src/cli/import.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { sectionTree } from '../../src/content/list-shape.ts';
import { buildSite, projectRoot, tempSite, type SiteDirs } from '../support/build-site.ts';
import { countPage, firstOutOfOrder } from '../support/import-counts.ts';
import { expect, test } from './fixtures.ts';
import { serveDirectory } from './serve-dist.ts';
import { sharedAvailable } from '../support/shared-folder.ts';

// In order in one worker, each build once; a failing test does not stop the others from being reported.
test.describe.configure({ mode: 'default', timeout: 600_000 });

const AWESOME = join(projectRoot, 'tests/fixtures/import-awesome/awesome-birding.md');
const LEGACY_DIR = join(projectRoot, 'tests/fixtures/import-legacy');
const ORIGIN_DIR = join(projectRoot, '..', 'shared', 'legacy', 'origin');
const basePort = Number(process.env.E2E_PORT ?? 4329) + 200 + 10 * Number(process.env.TEST_WORKER_INDEX ?? 0);

// Images in imported descriptions point at example hosts; the browser has no network, so answer them here.
test.beforeEach(async ({ page }) => {
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
  );
});

/** Imports `pages` into a fresh site folder and builds it; returns the folders. */
function importAndBuild(prefix: string, pages: string[]): SiteDirs {
  const site = tempSite(prefix);
  const said: string[] = [];
  const io = { cwd: projectRoot, env: {}, out: (line: string) => said.push(line), err: (line: string) => said.push(line) };
  expect(importPages([...pages, '--out', site.contentDir, '--title', 'Imported'], io), said.join('\n')).toBe(0);
  const built = buildSite(site);
  expect(built.status, built.output).toBe(0);
  return site;
}

/**
 * What each entry shows in each section's own listing, sections in tree order: its link
 * (`link:<url>`), its quotes (`quote:<text>`) and the links in its notes.
 */
async function siteBlocks(page: Page, base: string, contentDir: string): Promise<string[][]> {
  const files = readReadingList(contentDir, projectRoot);
  const blocks: string[][] = [];
  for (const section of sectionTree(files.sections).inOrder) {
    await page.goto(`${base}/${section.id}/`);
    const listing = page.locator(`[data-listing="${section.id}"]`);
    blocks.push(
      ...(await listing
        .locator('[data-entry]')
        .evaluateAll((entries) =>
          entries.map((entry) => [
            `link:${entry.querySelector('.entry-title a')?.getAttribute('href') ?? ''}`,
            ...[...entry.querySelectorAll('blockquote p')].map((quote) => `quote:${quote.textContent ?? ''}`),
            ...[...entry.querySelectorAll('.notes a')].map((link) => `link:${link.getAttribute('href') ?? ''}`),
          ]),
        )),
    );
  }
  return blocks;
}

/** What a page's links and quotes look like on the site: links and quotes only, in page order. */
const pageSequence = (path: string) => countPage(path).sequence;

test.describe('an awesome README imported on its own', () => {
  let site: SiteDirs;
  let server: Server;
  const port = basePort;
  const base = `http://127.0.0.1:${port}`;
  test.beforeAll(() => {
    site = importAndBuild('imported-awesome', [AWESOME]);
    server = serveDirectory(site.outDir, port);
  });
  test.afterAll(() => server?.close());

  test('is browsable by its sections and sub-sections, from the home page down', async ({ page }) => {
    await page.goto(`${base}/`);
    for (const title of ['Field Guides', 'Tools', 'Talks'])
      await expect(page.getByRole('link', { name: title, exact: true }).first()).toBeVisible();
    await page.getByRole('link', { name: 'Tools', exact: true }).first().click();
    await expect(page.locator('h1')).toHaveText('Tools');
    await expect(page.locator('.lede')).toHaveText('Software for the field and the desk.');
    await page.getByRole('link', { name: 'Apps', exact: true }).first().click();
    await expect(page.locator('h1')).toHaveText('Apps');
    await expect(page.locator('[data-listing="apps"] .entry-title a')).toHaveText(['Tally Counter', 'Field Diary']);
    await page.getByRole('link', { name: 'Sound Identification', exact: true }).first().click();
    await expect(page.locator('h1')).toHaveText('Sound Identification');
    await expect(page.locator('[data-listing="sound-identification"] .entry-title a')).toHaveText([
      'Hearing the Dawn Chorus',
      'Sonogram Reader',
    ]);
    // Tags from the emoji before a link.
    await expect(page.locator('[data-entry="sound-identification/hearing-the-dawn-chorus"]')).toContainText('movie-camera');
  });

  test('finds an entry by a word found only in its description', async ({ page }) => {
    await page.goto(`${base}/`);
    const titles = await page.evaluate(async () => {
      const clientUrl = '/pagefind/pagefind.js'; // served by the built site
      const pagefind = await import(clientUrl);
      const search = await pagefind.search('quillwork');
      const results = await Promise.all(
        search.results.map((result: { data: () => Promise<{ meta: { title: string } }> }) => result.data()),
      );
      return results.map((result) => result.meta.title);
    });
    expect(titles).toEqual(['Tally Counter']);
    await page.locator('#site-search').fill('quillwork');
    await expect(page.getByRole('option')).toHaveCount(1);
    await expect(page.getByRole('option').first()).toContainText('Tally Counter');
  });

  test('shows every link and quote of the README, in its order', async ({ page }) => {
    expect(firstOutOfOrder(pageSequence(AWESOME), await siteBlocks(page, base, site.contentDir))).toBeUndefined();
  });
});

test.describe('legacy pages imported together, the origin site’s with them when they are there', () => {
  const legacy = readdirSync(LEGACY_DIR)
    .filter((name) => name !== 'refusals.md')
    .map((name) => join(LEGACY_DIR, name));
  const origin = existsSync(ORIGIN_DIR)
    ? readdirSync(ORIGIN_DIR)
        .filter((name) => name.endsWith('.md') && name !== 'README.md')
        .map((name) => join(ORIGIN_DIR, name))
    : [];
  const pages = [...legacy, ...origin];
  let site: SiteDirs;
  let server: Server;
  const port = basePort + 1;
  const base = `http://127.0.0.1:${port}`;
  test.beforeAll(() => {
    site = importAndBuild('imported-legacy', pages);
    server = serveDirectory(site.outDir, port);
  });
  test.afterAll(() => server?.close());

  test('show every link and quote of each fixture page, each page in its order', async ({ page }) => {
    const blocks = await siteBlocks(page, base, site.contentDir);
    // The pages are top-level sections in the order given, so their sequences follow one another.
    expect(firstOutOfOrder(legacy.flatMap(pageSequence), blocks)).toBeUndefined();
    for (const path of legacy) expect(pageSequence(path).length, path).toBeGreaterThan(0);
  });

  test('show every link and quote of each of the origin site’s pages, in its order', async ({ page }) => {
    test.skip(!sharedAvailable(ORIGIN_DIR) || origin.length === 0, `${ORIGIN_DIR} does not exist here`);
    const blocks = await siteBlocks(page, base, site.contentDir);
    expect(origin.map((path) => path.slice(ORIGIN_DIR.length + 1)).sort()).toEqual([
      'feeds.md',
      'platforms.md',
      'roles_teams_orgs.md',
    ]);
    for (const path of origin) expect(firstOutOfOrder(pageSequence(path), blocks), path).toBeUndefined();
    expect(firstOutOfOrder(origin.flatMap(pageSequence), blocks)).toBeUndefined();
  });
});
