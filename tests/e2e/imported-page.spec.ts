/**
 * A legacy page the project has never seen imports into files that validate, build, and show every
 * link, quote and note on the site, in order. (The build's own nothing-lost check proves every entry
 * is once on its section page and its permalink page with each quote verbatim; this test reads the
 * pages in a browser as well, notes included.)
 */
import { readFileSync } from 'node:fs';
import { compareSections } from '../../src/content/list-shape.ts';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { main as importPage } from '../../src/cli/import.ts';
import { main as validate } from '../../src/cli/validate.ts';
import { readPage } from '../../src/import/read-page.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { buildSite, projectRoot, tempSite } from '../support/build-site.ts';
import { expect, test } from './fixtures.ts';
import { serveDirectory } from './serve-dist.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const PAGE = join(projectRoot, 'tests', 'fixtures', 'legacy', 'edge-cases.md');
let server: Server;
// Beside the main run's port (E2E_PORT), so that runs in two checkouts on one machine do not collide.
const port = Number(process.env.E2E_PORT ?? 4329) + 151 + Number(process.env.TEST_WORKER_INDEX ?? 0);
const site = tempSite('imported');

const io = (lines: string[]) => ({
  cwd: projectRoot,
  env: {},
  out: (line: string) => lines.push(line),
  err: (line: string) => lines.push(line),
});

test.beforeAll(() => {
  const said: string[] = [];
  expect(importPage([PAGE, '--out', site.contentDir], io(said)), said.join('\n')).toBe(0);
  expect(validate([site.contentDir], io(said)), said.join('\n')).toBe(0);
  const result = buildSite(site);
  expect(result.status, result.output).toBe(0);
  expect(result.output).toContain('[commonplace:output] checked');
  server = serveDirectory(site.outDir, port);
});
test.afterAll(() => {
  server?.close();
});

test('every link, quote and note of the imported page is on its section page, in order', async ({ page }) => {
  const files = readReadingList(site.contentDir, projectRoot);
  expect(files.problems).toEqual([]);
  for (const section of [...files.sections].sort(compareSections)) {
    await page.goto(`http://127.0.0.1:${port}/${section.id}/`);
    await expect(page.locator('h1')).toHaveText(section.data.title);
    const inFile = files.entries.filter((entry) => entry.data.section === section.id);
    const shown = page.locator('.entry');
    await expect(shown).toHaveCount(inFile.length);
    const order = await page.locator('.entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-entry')));
    // Reading order: Framing first, then the page's order within each group.
    const expected = [...inFile].sort((a, b) =>
      a.data.kind === b.data.kind ? a.data.order! - b.data.order! : a.data.kind === 'framing' ? -1 : 1,
    );
    expect(order).toEqual(expected.map((entry) => entry.id));
    for (const entry of expected) {
      const item = page.locator(`.entry[data-entry="${entry.id}"]`);
      expect(await item.locator('h3 a').textContent()).toBe(entry.data.title);
      expect(await item.locator('h3 a').getAttribute('href')).toBe(entry.data.url);
      expect(await item.locator('blockquote p').allTextContents()).toEqual(entry.data.quotes);
    }
  }
});

test('the site holds as many links, quotes and notes as the page, and the notes read as written', async ({ page }) => {
  const plan = readPage(readFileSync(PAGE, 'utf8'), 'edge-cases.md');
  expect(plan.problems).toEqual([]);
  const files = readReadingList(site.contentDir, projectRoot);
  expect(files.entries).toHaveLength(plan.entries.length);
  const bodies: { quotes: number; notes: number }[] = [];
  for (const entry of files.entries) {
    await page.goto(`http://127.0.0.1:${port}/${entry.id}/`);
    bodies.push({
      quotes: await page.locator('blockquote p').count(),
      notes: await page.locator('.notes > p, .notes > ul > li').count(),
    });
  }
  expect(bodies.reduce((n, body) => n + body.quotes, 0)).toBe(plan.entries.reduce((n, entry) => n + entry.quotes.length, 0));
  // Each note block is a paragraph or a list; a list shows one item per top-level bullet.
  const noteCount = (block: string) =>
    block.startsWith('- ') ? block.split('\n').filter((line) => line.startsWith('- ')).length : 1;
  expect(bodies.reduce((n, body) => n + body.notes, 0)).toBe(
    plan.entries.reduce((n, entry) => n + entry.notes.reduce((sum, block) => sum + noteCount(block), 0), 0),
  );
  await page.goto(`http://127.0.0.1:${port}/ecoles-schools/`);
  const notes = page.locator('.notes');
  await expect(notes.first()).toContainText('A definition — with an em dash, “curly quotes” and 🚀.');
  await expect(page.locator('.notes li', { hasText: 'A note with code, bold and a link.' })).toHaveCount(1);
  await expect(page.locator('.notes li', { hasText: 'Another note: ends with a colon:' })).toHaveCount(1);
  await expect(page.locator('.notes li li', { hasText: 'an indented sub-note' })).toHaveCount(1);
  await expect(page.locator('.notes a[href="https://example.com/note"]')).toHaveText('link');
});
