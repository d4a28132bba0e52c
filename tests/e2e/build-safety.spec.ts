/** The build refuses to lose anything, and never leaves a half-written site in place of a good one. */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readReadingList } from '../../src/content/content-files.ts';
import { checkOutput } from '../../src/build/output-check.ts';
import { entriesBySection } from '../../src/site/reading-list.ts';
import { buildSite, copyShippedContent, projectRoot, startBuild, tempSite, writeTree } from '../support/build-site.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const shippedEntries = () => {
  const files = readReadingList(join(projectRoot, 'content'), projectRoot);
  return [...entriesBySection(files.entries).values()]
    .flat()
    .map((entry) => ({ id: entry.id, section: entry.data.section, title: entry.data.title, quotes: entry.data.quotes }));
};

test('the nothing-lost check passes on the built site and names an entry removed from it', () => {
  const dist = join(projectRoot, 'dist');
  expect(checkOutput(dist, shippedEntries())).toEqual([]);

  const copy = tempSite('lost').outDir;
  cpSync(dist, copy, { recursive: true });
  const sectionPage = join(copy, 'data-products', 'index.html');
  const html = readFileSync(sectionPage, 'utf8');
  const id = 'data-products/one-model-to-rule-them-all';
  const start = html.lastIndexOf('<li', html.indexOf(`data-entry="${id}"`));
  const end = html.indexOf('</li>', html.indexOf(`data-entry="${id}"`)) + '</li>'.length;
  expect(start).toBeGreaterThan(0);
  writeFileSync(sectionPage, html.slice(0, start) + html.slice(end));

  expect(checkOutput(copy, shippedEntries())).toEqual([
    { entry: id, message: 'appears 0 times on the data-products section page(s); expected once' },
  ]);
});

test('the nothing-lost check names an entry whose quote was changed or whose permalink page is gone', () => {
  const copy = tempSite('changed').outDir;
  cpSync(join(projectRoot, 'dist'), copy, { recursive: true });
  const page = join(copy, 'data-platforms', 'index.html');
  writeFileSync(
    page,
    readFileSync(page, 'utf8').replace('Frequent small changes over infrequent large changes', 'Frequent small changes'),
  );
  rmSync(join(copy, 'data-products', 'understanding-latent-style'), { recursive: true });
  expect(checkOutput(copy, shippedEntries())).toEqual([
    {
      entry: 'data-platforms/dataops-principles-how-startups-do-data-the-right-way',
      message: 'data-platforms section page: quote 3 is missing or changed',
    },
    {
      entry: 'data-products/understanding-latent-style',
      message: 'its permalink page data-products/understanding-latent-style/index.html was not written',
    },
  ]);
});

test('a build that fails leaves the previous site untouched', () => {
  const dirs = tempSite('failed');
  copyShippedContent(dirs.contentDir);
  writeTree(dirs.outDir, { 'index.html': 'previous site' });
  writeTree(dirs.contentDir, {
    'entries/data-products/broken.md': '---\ntitle: Broken\nurl: ftp://example.com\nsection: data-products\nkind: framing\n---\n',
  });

  const result = buildSite(dirs);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('broken.md:3: url: must be an absolute http:// or https:// URL');
  expect(readFileSync(join(dirs.outDir, 'index.html'), 'utf8')).toBe('previous site');
  expect(existsSync(`${dirs.outDir}.staging`)).toBe(false);
});

test('an interrupted build leaves the previous site untouched, and the next build replaces it whole', async () => {
  const dirs = tempSite('interrupted');
  copyShippedContent(dirs.contentDir);
  writeTree(dirs.outDir, { 'index.html': 'previous site' });

  const child = startBuild(dirs);
  // Wait until the build is writing pages into its staging folder, then kill every process of it.
  await expect
    .poll(() => existsSync(join(`${dirs.outDir}.staging`, 'index.html')), { timeout: 120_000, intervals: [50] })
    .toBe(true);
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  expect(readdirSync(dirs.outDir)).toEqual(['index.html']);
  expect(readFileSync(join(dirs.outDir, 'index.html'), 'utf8')).toBe('previous site');

  const result = buildSite(dirs);
  expect(result.status, result.output).toBe(0);
  expect(readFileSync(join(dirs.outDir, 'index.html'), 'utf8')).toContain('<h1>Platforms and Products</h1>');
  expect(existsSync(join(dirs.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  expect(existsSync(`${dirs.outDir}.staging`)).toBe(false);
  expect(existsSync(`${dirs.outDir}.previous`)).toBe(false);
});
