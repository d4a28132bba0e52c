/**
 * Every page shape, imported: the links, quotes and headings a page holds (counted by plain line
 * patterns, not by the importer) all reach content/; the origin site's real pages import with no
 * refusal and keep every link and quote in the page's order.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import.ts';
import type { CliIo } from '../../src/cli/args.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { readPage } from '../../src/import/read-page.ts';
import { countContent, countPage, firstOutOfOrder, plain, sorted } from '../support/import-counts.ts';
import { sharedAvailable } from '../support/shared-folder.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const originDir = join(projectRoot, '..', 'shared', 'legacy', 'origin');
const fixturePages = [
  ...readdirSync(join(projectRoot, 'tests/fixtures/import-legacy'))
    .filter((name) => name !== 'refusals.md')
    .map((name) => join(projectRoot, 'tests/fixtures/import-legacy', name)),
  ...readdirSync(join(projectRoot, 'tests/fixtures/import-awesome')).map((name) =>
    join(projectRoot, 'tests/fixtures/import-awesome', name),
  ),
];

let dir: string;
let said: string[];
const io = (): CliIo => ({ cwd: projectRoot, env: {}, out: (line) => said.push(line), err: (line) => said.push(line) });
beforeEach(() => {
  said = [];
  dir = mkdtempSync(join(tmpdir(), 'commonplace-import-fixtures-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Imports `pages` into the temporary folder and returns what it holds, checked. */
function imported(...pages: string[]) {
  expect(main([...pages, '--out', dir], io()), said.join('\n')).toBe(0);
  const files = readReadingList(dir, projectRoot);
  expect(files.problems).toEqual([]);
  return files;
}

describe.each(fixturePages.map((path) => [path.slice(projectRoot.length + 1), path]))('the fixture %s', (_name, path) => {
  it('is read without a refusal', () => {
    expect(readPage(readFileSync(path, 'utf8'), path).problems).toEqual([]);
  });

  it('brings every link, quote and heading of the page into content/', () => {
    const page = countPage(path);
    const files = imported(path);
    const content = countContent(files);
    expect(page.links.length).toBeGreaterThan(0);
    expect(sorted(content.links)).toEqual(sorted(page.links));
    expect(sorted(content.quotes)).toEqual(sorted(page.quotes));
    expect(firstOutOfOrder(page.sequence, content.blocks)).toBeUndefined();
    // A page whose own entries sit under its groups (no section headings) becomes a section of its own.
    const pageSection = files.sections.find(
      (section) => section.data.parent === undefined && section.data.title === files.list?.data.title,
    );
    const headings =
      pageSection && !page.headings.includes(pageSection.data.title)
        ? content.headings.filter((_, index) => index !== content.headings.indexOf(pageSection.data.title))
        : content.headings;
    expect(sorted(headings)).toEqual(sorted(page.headings));
  });
});

describe('reading text as a reader sees it', () => {
  it('resolves emphasis, escapes and entities in titles and quotes', () => {
    const files = imported(join(projectRoot, 'tests/fixtures/import-legacy/favourites.md'));
    const entry = files.entries.find((each) => each.data.url === 'https://misc.example.com/underscores');
    expect(entry?.data.title).toBe('Why _Underscores_ Matter');
    expect(entry?.data.quotes).toEqual(['Markup is not the message.']);
    expect(entry?.body).toContain('Escapes & entities, read as a reader sees them.');
    expect(plain('Why \\_Underscores\\_ Matter')).toBe(entry?.data.title);
  });
});

describe.runIf(sharedAvailable(originDir))('the origin site’s pages (../shared/legacy/origin/)', () => {
  const pages = existsSync(originDir)
    ? readdirSync(originDir)
        .filter((name) => name !== 'README.md' && name.endsWith('.md'))
        .map((name) => join(originDir, name))
    : [];

  it('are the three pages the README describes', () => {
    expect(pages.map((path) => path.slice(originDir.length + 1)).sort()).toEqual([
      'feeds.md',
      'platforms.md',
      'roles_teams_orgs.md',
    ]);
  });

  it.each(pages.map((path) => [path.slice(originDir.length + 1), path]))(
    '%s imports with no refusal, every link and quote in the page’s order',
    (_name, path) => {
      const files = imported(path);
      expect(said.filter((line) => /: (url|line|quote|heading|kind|title|table|frontmatter):/.test(line))).toEqual([]);
      const page = countPage(path);
      const content = countContent(files);
      expect(sorted(content.links)).toEqual(sorted(page.links));
      expect(sorted(content.quotes)).toEqual(sorted(page.quotes));
      expect(firstOutOfOrder(page.sequence, content.blocks)).toBeUndefined();
    },
  );

  it('import together: each page a section, the link two pages share one cross-listed entry', () => {
    const files = imported(...pages);
    // The pages are the list's top-level sections in the order given, each keeping its own order.
    const pageSequence = pages.flatMap((path) => countPage(path).sequence);
    expect(firstOutOfOrder(pageSequence, countContent(files).blocks)).toBeUndefined();
    const shared = files.entries.filter((entry) => entry.data.also_in.length > 0);
    expect(
      shared.map((entry) => [entry.data.title, entry.data.section, entry.data.also_in.map((listing) => listing.section)]),
    ).toEqual([['DataOps Principles: How Startups Do Data The Right Way', 'platforms', ['teams']]]);
    expect(shared[0]!.data.quotes).toHaveLength(2);
  });
});
