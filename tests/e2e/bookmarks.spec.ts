/**
 * Bookmarks in and out, and the "Suggest this page" bookmarklet, on a built site: the shapes
 * fixture list (nested sections, tags, a cross-listed entry) built as a list hosted on GitHub.
 *
 * - Its bookmarks.html, and its entries.json, imported into an empty list give the same entries,
 *   sections (titles and nesting), listings and tags.
 * - The bookmarklet's code, taken from the built Contribute page, run in real Chromium on an article
 *   served here with a passage selected, opens the issue form with each field as selected; a
 *   20,000-character selection is cut after a word, with the notice.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { main as importList } from '../../src/cli/import.ts';
import { readReadingList, type ReadingListFiles } from '../../src/content/content-files.ts';
import { sectionTree } from '../../src/content/list-shape.ts';
import { ELLIPSIS } from '../../src/scripts/suggest-this-page.ts';
import { buildSite, projectRoot, tempSite, type SiteDirs } from '../support/build-site.ts';
import { expect, test } from './fixtures.ts';
import { readQuoteField } from '../../src/contributing/form-quotes.ts';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

const SHAPES = join(projectRoot, 'tests/fixtures/shapes-content');
const REPOSITORY = 'https://github.com/example-owner/example-list';
let site: SiteDirs;
let article: Server;
let articleBase: string;

/** The passage the reader selects: 300 characters with &, #, +, quotes, a newline and an emoji. */
const PASSAGE = (() => {
  let text = 'Fish & chips #1 + "quoted" 100% 😀 done.\nA second line, and ';
  while (text.length < 300) text += 'more words of the article ';
  return text.slice(0, 299).trimEnd().padEnd(300, 'x');
})();
const LONG = Array.from({ length: 2_000 }, (_, index) => `word${index} & #`)
  .join(' ')
  .slice(0, 20_000)
  .trimEnd();

function articleHtml(passage: string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // pre-wrap keeps the newline a newline in the selection, as a <pre> or a poem would.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An essay: &amp; # + “quotes” 😀</title></head>
<body><h1>An essay</h1><p>Before the passage.</p><p id="passage" style="white-space: pre-wrap">${escape(passage)}</p><p>After it.</p></body></html>`;
}

test.beforeAll(async () => {
  site = tempSite('bookmarks');
  const saved = process.env['COMMONPLACE_REPOSITORY'];
  process.env['COMMONPLACE_REPOSITORY'] = REPOSITORY;
  try {
    const built = buildSite({ ...site, contentDir: SHAPES });
    expect(built.status, built.output).toBe(0);
  } finally {
    if (saved === undefined) delete process.env['COMMONPLACE_REPOSITORY'];
    else process.env['COMMONPLACE_REPOSITORY'] = saved;
  }
  article = createServer((request, response) => {
    const passage = request.url?.startsWith('/long') ? LONG : PASSAGE;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(passage));
  });
  await new Promise<void>((done) => article.listen(Number(process.env['E2E_ARTICLE_PORT'] ?? 0), '127.0.0.1', done));
  articleBase = `http://127.0.0.1:${(article.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((done) => article?.close(done));
  if (site) rmSync(join(site.outDir, '..'), { recursive: true, force: true });
});

/** What a list is, seen as titles: sections with their parents' titles, entries with their sections' titles and tags. */
function shape(files: Pick<ReadingListFiles, 'sections' | 'entries'>) {
  const tree = sectionTree(files.sections);
  const titleOf = (id: string) => files.sections.find((section) => section.id === id)!.data.title;
  const listed = new Set(
    files.entries.flatMap((entry) => [entry.data.section, ...entry.data.also_in.map((also) => also.section)]),
  );
  // bookmarks.html leaves out folders with nothing in them or below them.
  const holds = (id: string): boolean => listed.has(id) || tree.childrenOf(id).some((child) => holds(child.id));
  return {
    sections: tree.inOrder
      .filter((section) => holds(section.id))
      .map((section) => [section.data.title, section.data.parent ? titleOf(section.data.parent) : null]),
    entries: files.entries
      .map((entry) => ({
        url: entry.data.url,
        title: entry.data.title,
        sections: [entry.data.section, ...entry.data.also_in.map((also) => also.section)].map(titleOf).sort(),
        tags: [...entry.data.tags].sort(),
      }))
      .sort((a, b) => (a.url < b.url ? -1 : 1)),
  };
}

function importInto(file: string): ReadingListFiles {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-round-trip-'));
  const said: string[] = [];
  const io = { cwd: projectRoot, env: {}, out: (line: string) => said.push(line), err: (line: string) => said.push(line) };
  try {
    expect(importList([file, '--out', dir], io), said.join('\n')).toBe(0);
    const files = readReadingList(dir, projectRoot);
    expect(files.problems).toEqual([]);
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the site’s bookmarks.html imported into an empty list gives the same entries, sections and tags', () => {
  const original = shape(readReadingList(SHAPES, projectRoot));
  expect(original.entries.some((entry) => entry.sections.length > 1)).toBe(true);
  const imported = importInto(join(site.outDir, 'bookmarks.html'));
  expect(shape(imported)).toEqual(original);
});

test('the site’s entries.json imported into an empty list gives the same entries, sections, tags and quotes', () => {
  const source = readReadingList(SHAPES, projectRoot);
  const imported = importInto(join(site.outDir, 'entries.json'));
  expect(shape(imported)).toEqual(shape(source));
  const quotes = (files: ReadingListFiles) =>
    Object.fromEntries(files.entries.map((entry) => [entry.data.url, entry.data.quotes]));
  expect(quotes(imported)).toEqual(quotes(source));
});

/** The bookmarklet's code, as the built Contribute page links it. */
function bookmarkletCode(): string {
  const html = readFileSync(join(site.outDir, 'contribute/index.html'), 'utf8');
  const href = /<a class="bookmarklet" href="javascript:([^"]+)"/.exec(html)?.[1];
  expect(href, 'the Contribute page links the bookmarklet').toBeDefined();
  return decodeURIComponent(href!.replace(/&amp;/g, '&'));
}

/** Opens the article, selects the passage, runs the bookmarklet; returns the address it opened and what was selected. */
async function suggest(page: Page, path: string, select: boolean): Promise<{ opened: URL; selected: string }> {
  await page.goto(`${articleBase}${path}`);
  await page.evaluate(() => {
    (window as unknown as { opened: string[] }).opened = [];
    window.open = (url?: string | URL) => {
      (window as unknown as { opened: string[] }).opened.push(String(url));
      return window;
    };
  });
  if (select)
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('passage')!);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
  const selected = await page.evaluate(() => String(window.getSelection()));
  await page.evaluate((code) => (0, eval)(code), bookmarkletCode());
  const opened = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
  expect(opened).toHaveLength(1);
  return { opened: new URL(opened[0]!), selected };
}

test('the bookmarklet opens the form with the address, the title and the selected passage, each as it was', async ({ page }) => {
  const { opened, selected } = await suggest(page, '/essay?a=1&b=2', true);
  expect(`${opened.origin}${opened.pathname}`).toBe(`${REPOSITORY}/issues/new`);
  const fields = opened.searchParams;
  expect(fields.get('template')).toBe('suggest-a-link.yml');
  expect(fields.get('url')).toBe(`${articleBase}/essay?a=1&b=2`);
  expect(fields.get('title')).toBe('An essay: & # + “quotes” 😀');
  // A passage over lines is written as a quote block, which the suggestion parser reads as one quote.
  expect(readQuoteField(fields.get('quotes')!)).toEqual([selected]);
  expect(selected).toBe(PASSAGE);
  expect(selected).toHaveLength(300);
  expect(selected).toMatch(/&.*#.*\+.*😀.*\n/su);
  expect(fields.get('notes')).toBeNull();
});

test('without a selection the quote stays empty', async ({ page }) => {
  const fields = (await suggest(page, '/essay', false)).opened.searchParams;
  expect(fields.get('url')).toBe(`${articleBase}/essay`);
  expect(fields.has('quotes')).toBe(false);
});

test('a 20,000-character selection is cut after a whole word, with an ellipsis and a notice', async ({ page }) => {
  expect(LONG.length).toBeGreaterThan(19_000);
  const { opened, selected } = await suggest(page, '/long', true);
  expect(selected).toBe(LONG);
  expect(opened.href.length).toBeLessThanOrEqual(7500);
  const quote = opened.searchParams.get('quotes')!;
  expect(quote.endsWith(ELLIPSIS)).toBe(true);
  const kept = quote.slice(0, -ELLIPSIS.length);
  expect(LONG.startsWith(kept)).toBe(true);
  expect(LONG[kept.length]).toBe(' ');
  expect(kept.length).toBeGreaterThan(1000);
  expect(opened.searchParams.get('notes')).toContain(
    `The selected passage was ${LONG.length.toLocaleString('en')} characters long`,
  );
});

test('the shipped Contribute page offers the bookmarklet with how to install it; clicked there, it says to drag it', async ({
  page,
}) => {
  await page.goto('/contribute/');
  const link = page.locator('a.bookmarklet');
  await expect(link).toHaveText('Suggest this page');
  expect(await link.getAttribute('href')).toMatch(/^javascript:/);
  await expect(page.getByText('To install it, drag the link to your browser’s bookmarks bar')).toBeVisible();
  // A click on the page itself runs nothing (the policy would refuse it, and the fixture fails on that): it explains.
  await link.click();
  await expect(page.locator('[data-bookmarklet-status]')).toHaveText(/^Drag this link to your bookmarks bar/);
  await expect(page).toHaveURL(/\/contribute\/$/);
});
