/**
 * `npm run export`: the list as one page, legacy or awesome; importing that page into an empty folder
 * gives back the same files (import(export(list)) == list) for the shipped list and every fixture.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/args.ts';
import { main as exportList } from '../../src/cli/export.ts';
import { main as importPages } from '../../src/cli/import.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { declaredGroups, sectionGroupIds, sectionTree } from '../../src/content/list-shape.ts';
import { exportPage } from '../../src/import/export-page.ts';
import { listingsBySection } from '../../src/site/reading-list.ts';
import { PAGE_FORMATS } from '../../src/import/plan.ts';
import { FIXTURE_LIST, isShippedList } from '../support/fixture-list.ts';
import { sharedAvailable } from '../support/shared-folder.ts';

const repo = resolve(import.meta.dirname, '../..');
const originDir = join(repo, '..', 'shared', 'legacy', 'origin');

let out: string[];
let err: string[];
let dir: string;
const io = (): CliIo => ({ cwd: repo, env: {}, out: (line) => out.push(line), err: (line) => err.push(line) });
beforeEach(() => {
  out = [];
  err = [];
  dir = mkdtempSync(join(tmpdir(), 'commonplace-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `folder`, as relative path → text. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of (readdirSync(folder, { recursive: true }) as string[]).sort()) {
    const path = join(folder, name);
    try {
      files.set(name.split('\\').join('/'), readFileSync(path, 'utf8'));
    } catch {
      // a folder
    }
  }
  return files;
}

/** What a list says, without file layout, `order` numbers, `added` dates or link status. */
function listShape(folder: string) {
  const files = readReadingList(folder, repo);
  expect(files.problems).toEqual([]);
  const groups = declaredGroups(files.list?.data);
  const listed = listingsBySection(files.entries, files.sections, groups);
  return {
    list: { title: files.list?.data.title, description: files.list?.data.description, groups },
    sections: sectionTree(files.sections).inOrder.map((section) => ({
      id: section.id,
      title: section.data.title,
      summary: section.data.summary,
      parent: section.data.parent,
      groups: sectionGroupIds(section.data, groups),
      intro: section.body.trim(),
      listing: (listed.get(section.id) ?? []).map((group) => [group.kind, group.entries.map((entry) => entry.data.url)]),
    })),
    entries: files.entries
      .map((entry) => ({
        url: entry.data.url,
        title: entry.data.title,
        section: entry.data.section,
        kind: entry.data.kind,
        quotes: entry.data.quotes,
        tags: entry.data.tags,
        notes: entry.body.trim(),
        alsoIn: entry.data.also_in.map((listing) => [listing.section, listing.kind]),
      }))
      .sort((a, b) => (a.url < b.url ? -1 : 1)),
  };
}

/** Exports `content` in `format`, imports the page into an empty folder and returns that folder. */
function roundTrip(content: string, format: string): string {
  const page = join(dir, `page-${format}.md`);
  expect(exportList(['--format', format, '--out', page, content], io()), err.join('\n')).toBe(0);
  const again = join(dir, `again-${format}`);
  expect(importPages([page, '--out', again], io()), err.join('\n')).toBe(0);
  return again;
}

/** Imports fixture pages into a fresh folder: the list a round trip starts from. */
function importedList(name: string, ...pages: string[]): string {
  const folder = join(dir, name);
  expect(importPages([...pages, '--out', folder], io()), err.join('\n')).toBe(0);
  return folder;
}

const fixtureLists: [string, string[]][] = [
  ...readdirSync(join(repo, 'tests/fixtures/import-legacy'))
    .filter((name) => name !== 'refusals.md')
    .map((name): [string, string[]] => [name, [join(repo, 'tests/fixtures/import-legacy', name)]]),
  ['awesome-birding.md', [join(repo, 'tests/fixtures/import-awesome/awesome-birding.md')]],
  [
    'every fixture page at once',
    [
      join(repo, 'tests/fixtures/import-legacy/sections-and-groups.md'),
      join(repo, 'tests/fixtures/import-legacy/favourites.md'),
      join(repo, 'tests/fixtures/import-awesome/awesome-birding.md'),
    ],
  ],
];

describe.each(PAGE_FORMATS)('a round trip through the %s format', (format) => {
  it.runIf(isShippedList('the round trip of the shipped list'))(
    'gives back the shipped list: the same entries, quotes, notes, groups, sections and order',
    () => {
      // Compared by what the list says, not its bytes, so the test holds however the shipped list grows
      // (its `order` numbers may have gaps, and `added` dates are not part of a page).
      const content = join(repo, 'content');
      expect(listShape(roundTrip(content, format))).toEqual(listShape(content));
    },
  );

  it('gives back the list the legacy page was first imported as byte for byte', () => {
    const list = join(repo, 'tests/fixtures/legacy-imported');
    expect(snapshot(roundTrip(list, format))).toEqual(snapshot(list));
  });

  it.each(fixtureLists)('gives back the list imported from %s byte for byte', (_name, pages) => {
    const list = importedList('list', ...pages);
    expect(snapshot(roundTrip(list, format))).toEqual(snapshot(list));
  });

  it.runIf(sharedAvailable(originDir))('gives back the list imported from the origin site’s three pages', () => {
    const pages = ['feeds.md', 'platforms.md', 'roles_teams_orgs.md'].map((name) => join(originDir, name));
    const list = importedList('origin', ...pages);
    expect(snapshot(roundTrip(list, format))).toEqual(snapshot(list));
  });
});

describe('the exported page', () => {
  it('writes an awesome README with a table of contents, the tagline, tags as shortcodes and favourites nested', () => {
    const list = importedList('list', join(repo, 'tests/fixtures/import-awesome/awesome-birding.md'));
    out = [];
    expect(exportList(['--format', 'awesome', list], io())).toBe(0);
    const page = out.join('\n');
    expect(
      page.startsWith(
        '# Awesome Birding\n\n> A curated list of guides, tools and talks for people who watch birds.\n\n## Contents\n\n- [Field Guides](#field-guides)\n  - [Regional Guides](#regional-guides)\n',
      ),
    ).toBe(true);
    expect(page).toContain(
      '- :round_pushpin: [Coastal Birds of the North](https://regional.example.net/coastal-north) - Shorebirds, gulls and the occasional puffin.\n' +
        '  - Updated every other year.\n' +
        '  * [Puffin Colonies](https://regional.example.net/coastal-north/puffins) - A chapter worth its own link.\n',
    );
    expect(page).toContain(
      '- [The Plumage Atlas](https://guides.example.org/plumage-atlas) <!-- cross-listing -->\n\n**Lightning talks:**\n\n- [Five Minutes of Owls]',
    );
  });

  it('writes a legacy page with frontmatter, paragraph entries and quote blocks', () => {
    expect(exportList(['--format', 'legacy', FIXTURE_LIST], io())).toBe(0);
    const page = out.join('\n');
    expect(page.startsWith('---\ntitle: "Platforms and Products"\ngroups:\n  - id: framing\n    heading: "Framing"\n')).toBe(
      true,
    );
    expect(page).toContain(
      '# Data Platforms\n\nFraming and Approaches\n\n## Framing\n\n[DataOps Principles: How Startups Do Data The Right Way](https://retina.ai/blog/dataops-principles/)\n\n> If it’s',
    );
    expect(page).toContain(
      '[4 Pillars of Analytics](https://medium.com/analytics-and-data/4-pillars-of-analytics-1ee79e2e5f5f)\n\n- Acquire, Process, Surface, Act\n',
    );
  });

  it('exports one section with its sub-sections as a page that imports as that part of the list', () => {
    const list = importedList('list', join(repo, 'tests/fixtures/import-awesome/awesome-birding.md'));
    const page = join(dir, 'tools.md');
    expect(exportList(['--format', 'awesome', '--section', 'tools', '--out', page, list], io())).toBe(0);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith('# Tools\n\n> Software for the field and the desk.\n')).toBe(true);
    const again = importedList('again', page);
    const titles = (folder: string) =>
      readReadingList(folder, repo)
        .entries.map((entry) => `${entry.data.title} ${entry.data.url}`)
        .sort();
    const original = readReadingList(list, repo).entries.filter((entry) =>
      ['apps', 'sound-identification'].includes(entry.data.section),
    );
    expect(titles(again)).toEqual(original.map((entry) => `${entry.data.title} ${entry.data.url}`).sort());
  });

  it('warns about notes a page cannot carry', () => {
    const list = importedList('list', join(repo, 'tests/fixtures/import-legacy/groups-at-top.md'));
    const file = join(list, 'entries/field-notes/notes-on-compost.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('- A short field guide, with diagrams.', '> A quotation kept in the notes.'),
    );
    const files = readReadingList(list, repo);
    const result = exportPage(files, { format: 'legacy' });
    expect('warnings' in result && result.warnings).toEqual([
      `${files.entries.find((entry) => entry.slug === 'notes-on-compost')!.file}: its notes hold a quote block, which an import reads as a quote`,
    ]);
  });

  it('refuses a section title an import would leave out, and an unknown section', () => {
    const list = importedList('list', join(repo, 'tests/fixtures/import-awesome/awesome-birding.md'));
    writeFileSync(
      join(list, 'sections/talks.md'),
      readFileSync(join(list, 'sections/talks.md'), 'utf8').replace('title: "Talks"', 'title: "License"'),
    );
    expect(exportList(['--format', 'awesome', list], io())).toBe(1);
    expect(err).toEqual(['✗ section "talks" is titled "License", which an import leaves out: rename it']);
    err = [];
    expect(exportList(['--format', 'awesome', '--section', 'nope', list], io())).toBe(1);
    expect(err[0]).toMatch(/^✗ no section "nope"; the sections are "field-guides", /);
  });
});

describe('--check', () => {
  it('passes when the committed README is what the export writes, and fails with the fix when not', () => {
    const readme = join(dir, 'README.generated.md');
    expect(exportList(['--format', 'awesome', '--check', readme], io())).toBe(1);
    expect(err).toEqual([`✗ ${readme} is missing: run npm run export -- --format awesome --out ${readme}`]);
    err = [];
    expect(exportList(['--format', 'awesome', '--out', readme], io())).toBe(0);
    expect(exportList(['--format', 'awesome', '--check', readme], io())).toBe(0);
    expect(out.at(-1)).toBe(`✓ ${readme} is current`);
    writeFileSync(readme, `${readFileSync(readme, 'utf8')}\nA hand edit.\n`);
    expect(exportList(['--format', 'awesome', '--check', readme], io())).toBe(1);
    expect(err).toEqual([`✗ ${readme} is out of date: run npm run export -- --format awesome --out ${readme}`]);
  });

  it('refuses a missing or unknown format and --out with --check', () => {
    expect(exportList([], io())).toBe(2);
    expect(exportList(['--format', 'html'], io())).toBe(2);
    expect(exportList(['--format', 'awesome', '--out', 'a.md', '--check', 'b.md'], io())).toBe(2);
  });

  it('refuses to export a list with problems', () => {
    mkdirSync(join(dir, 'bad/sections'), { recursive: true });
    writeFileSync(join(dir, 'bad/list.md'), '---\ntitle: ""\n---\n');
    expect(exportList(['--format', 'legacy', join(dir, 'bad')], io())).toBe(1);
    expect(err.at(-1)).toMatch(/has 1 problem: fix them first/);
  });
});
