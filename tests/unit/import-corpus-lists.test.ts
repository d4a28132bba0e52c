/**
 * Real lists move in: each README of ../shared/corpus/ imports with no flags into an empty list and
 * into a copy of the shipped list (as first imported: tests/fixtures/legacy-imported), and the result passes the checks `npm run validate`
 * runs; the origin site's pages (../shared/legacy/origin/) import into the shipped list in one call
 * with no refusal. The shipped list keeps what it had: its files, its groups in their order, and the
 * groups each of its sections offers. The folders are read-only inputs; without them (outside this
 * machine and CI) these tests do not run, and on CI their absence fails.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/args.ts';
import { main } from '../../src/cli/import.ts';
import { readReadingList, type ReadingListFiles } from '../../src/content/content-files.ts';
import { declaredGroups, sectionGroupIds } from '../../src/content/list-shape.ts';
import { normaliseUrl } from '../../src/content/urls.ts';
import { countPage } from '../support/import-counts.ts';
import { FIXTURE_LIST } from '../support/fixture-list.ts';

const repo = resolve(import.meta.dirname, '../..');
// The shipped list as first imported, not content/: content/ is the curator's and may be their own import.
const shipped = FIXTURE_LIST;
const corpusDir = resolve(repo, '../shared/corpus');
const originDir = resolve(repo, '../shared/legacy/origin');

/** A folder these tests need: its absence skips them here, and fails them on CI. */
function required(dir: string): boolean {
  if (existsSync(dir)) return true;
  if (process.env.CI) {
    it(`finds ${dir}`, () => {
      throw new Error(`${dir} is missing: CI must provide the shared folder these tests read`);
    });
  }
  return false;
}

let dir: string;
let said: string[];
let refused: string[];
const io = (): CliIo => ({ cwd: repo, env: {}, out: (line) => said.push(line), err: (line) => refused.push(line) });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-corpus-'));
  said = [];
  refused = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Imports `pages` with no flags but --out; expects exit 0 and a list with no problems, and returns it. */
function importClean(pages: string[], out: string): ReadingListFiles {
  const status = main([...pages, '--out', out], io());
  expect(status, [...refused, ...said.slice(-3)].join('\n')).toBe(0);
  expect(refused).toEqual([]);
  const list = readReadingList(out, repo);
  expect(list.problems).toEqual([]);
  return list;
}

/** What the shipped list offers: its groups in order, and the groups each section shows. */
function offered(files: Pick<ReadingListFiles, 'list' | 'sections'>) {
  const groups = declaredGroups(files.list?.data);
  return {
    groups: groups.map((group) => `${group.id}: ${group.heading}`),
    sections: Object.fromEntries(files.sections.map((section) => [section.id, sectionGroupIds(section.data, groups)])),
  };
}

/** Checks that the shipped list is all still there in `out`, and offers what it offered. */
function expectShippedKept(out: string, result: ReadingListFiles): void {
  const before = readReadingList(shipped, repo);
  const after = offered(result);
  const was = offered(before);
  expect(after.groups.slice(0, was.groups.length)).toEqual(was.groups);
  for (const [id, shown] of Object.entries(was.sections)) expect(after.sections[id], id).toEqual(shown);
  // list.md keeps every byte it had before the groups it gains; entries keep theirs, or only gain listings.
  const listBefore = readFileSync(join(shipped, 'list.md'), 'utf8').split('\n---\n')[0]!;
  expect(readFileSync(join(out, 'list.md'), 'utf8').startsWith(listBefore)).toBe(true);
  const urls = new Set(result.entries.map((entry) => normaliseUrl(entry.data.url)));
  for (const entry of before.entries) expect(urls.has(normaliseUrl(entry.data.url)), entry.file).toBe(true);
}

const corpus = required(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => name !== 'README.md' && name.endsWith('.md'))
      .sort()
  : [];

describe.runIf(corpus.length > 0)('the real lists of ../shared/corpus/', () => {
  it('are the nine the folder’s README names', () => {
    const readme = readFileSync(join(corpusDir, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/^\| ([\w.-]+__[\w.-]+\.md) \|/gm)].map((match) => match[1]).sort();
    expect(corpus).toEqual(named);
    expect(corpus).toHaveLength(9);
  });

  describe.each(corpus)('%s', (name) => {
    const page = join(corpusDir, name);

    it('imports with no flags into an empty list that validates', { timeout: 120_000 }, () => {
      const list = importClean([page], dir);
      expect(list.entries.length).toBeGreaterThan(0);
      // The page is the list: its sections are the list's own, under no made-up parent.
      expect(list.sections.every((section) => section.data.title.trim() !== '')).toBe(true);
    });

    it('imports with no flags into a copy of the shipped list that validates and keeps what it had', { timeout: 120_000 }, () => {
      cpSync(shipped, dir, { recursive: true });
      const list = importClean([page], dir);
      expectShippedKept(dir, list);
      expect(list.entries.length).toBeGreaterThan(readReadingList(shipped, repo).entries.length);
    });
  });
});

const origin = required(originDir)
  ? readdirSync(originDir)
      .filter((name) => name !== 'README.md' && name.endsWith('.md'))
      .sort()
      .map((name) => join(originDir, name))
  : [];

describe.runIf(origin.length > 0)('the origin site’s pages (../shared/legacy/origin/)', () => {
  it('import into the shipped list in one call, with no refusal, adding the groups they use', () => {
    cpSync(shipped, dir, { recursive: true });
    const list = importClean(origin, dir);
    expectShippedKept(dir, list);
    expect(said.some((line) => /: (url|line|quote|heading|kind|title|table|frontmatter):/.test(line))).toBe(false);
    // Every link of the pages is in the list, as an entry or within one.
    const urls = new Set(
      list.entries.flatMap((entry) => [entry.data.url, ...(entry.body.match(/https?:\/\/[^\s)\]>"]+/g) ?? [])]).map(normaliseUrl),
    );
    for (const path of origin) for (const url of countPage(path).links) expect(urls.has(normaliseUrl(url)), url).toBe(true);
    // The groups the pages use are declared now, after the list's own, and reported.
    const groups = declaredGroups(list.list?.data).map((group) => group.heading);
    expect(groups.slice(0, 2)).toEqual(['Framing', 'Selected Approaches']);
    expect(groups).toEqual(expect.arrayContaining(['Newsletters', 'Podcasts', 'Blogs', 'Culture', 'Peer Review']));
    expect(said.some((line) => line.includes('list.md:') && line.includes('groups the pages use added after'))).toBe(true);
    expect(said.find((line) => line.startsWith('✓ Imported'))).toMatch(/^✓ Imported .* groups added to list.md from /);
  });
});
