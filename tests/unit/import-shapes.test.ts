/**
 * The shapes real READMEs use, on pages we wrote (tests/fixtures/import-shapes/): a table list, a title
 * in an HTML header block, a link repeated in one section, a legend bullet, a struck-through and an
 * emoji-led entry, a list inside a quote. Each is read, nothing is refused, and every link is counted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/args.ts';
import { main } from '../../src/cli/import.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { countLinks } from '../../src/import/link-accounting.ts';
import { readPage } from '../../src/import/read-page.ts';
import { pageLinks } from '../support/page-links.ts';

const repo = resolve(import.meta.dirname, '../..');
const shapes = join(repo, 'tests/fixtures/import-shapes');
const read = (name: string) => readPage(readFileSync(join(shapes, name), 'utf8'), name);
const byTitle = (plan: ReturnType<typeof read>, title: string) => plan.entries.filter((entry) => entry.title === title);

describe('a README in the shapes real lists use', () => {
  const plan = read('real-shapes.md');

  it('is read without a refusal, every link an entry', () => {
    expect(plan.problems).toEqual([]);
    const counts = countLinks(plan);
    expect(counts.onPage).toBe(pageLinks(join(shapes, 'real-shapes.md')).size);
    expect(counts).toMatchObject({ entries: counts.onPage, unaccounted: [] });
  });

  it('makes an emoji-led, an icon-led, a "New" and a struck-through bullet entries, never notes of the entry above', () => {
    expect(plan.entries.slice(0, 4).map((entry) => [entry.title, entry.tags])).toEqual([
      ['🚀 Rocket Editor', []],
      ['Icon Editor', []],
      ['Fresh Editor', ['new']],
      ['Old Editor', ['deprecated']],
    ]);
    expect(byTitle(plan, 'Legacy Editor')[0]?.tags).toEqual(['deprecated']);
    expect(byTitle(plan, 'Plain Editor')[0]?.url).toBe('https://plain.example.org/');
  });

  it('keeps a legend bullet and a paragraph between entries in the section introduction, and says so', () => {
    const editors = plan.sections.find((section) => section.title === 'Editors')!;
    expect(editors.intro).toEqual([
      '- \\[$] means the tool is paid.',
      'Some of these run in a terminal; the rest need a window.',
    ]);
    expect(plan.notices.map((notice) => notice.line)).toEqual([7, 16]);
  });

  it('keeps both listings of a link repeated in one section, and the one in its sub-section', () => {
    expect(byTitle(plan, '🚀 Rocket Editor').map((entry) => entry.notes)).toEqual([['Starts fast.']]);
    expect(byTitle(plan, 'Rocket Editor').map((entry) => [entry.listings[0]?.section, entry.notes])).toEqual([
      ['s1', ['Listed again, with another word.']],
      ['s2', ['Also runs in a browser.']],
    ]);
  });

  it('reads connective text after a link as a sentence, and the bullets under it as its favourites', () => {
    expect(byTitle(plan, 'Term Editor')[0]?.notes).toEqual(['Some favorites:']);
    expect(byTitle(plan, 'Term Tips')[0]?.under).toEqual({ entry: { title: 'Term Editor', url: 'https://term.example.org/' } });
  });

  it('keeps a quote holding a list as one passage, its numbers kept', () => {
    expect(byTitle(plan, 'Web Pad')[0]?.quotes).toEqual(['The tenets are:\n\n1. Keep it small.\n\n2. Keep it fast.']);
  });
});

describe('a line that is not an entry', () => {
  it('never hands its quotes and notes to the entry above it', () => {
    const plan = readPage(
      '# L\n\n## S\n\n- [Kept](https://kept.example/) - Fine.\n- [A file](notes.md) - Not on the web.\n- > A quote of the file.\n\n[Also a file](other.md)\n\n> Its quote.\n',
      'l.md',
    );
    expect(plan.problems).toEqual([]);
    expect(plan.entries.map((entry) => [entry.title, entry.quotes, entry.notes])).toEqual([['Kept', [], ['Fine.']]]);
    expect(plan.sections[1]?.intro).toEqual([
      '- [A file](notes.md) - Not on the web.\n- > A quote of the file.',
      '[Also a file](other.md)',
      '> Its quote.',
    ]);
  });
});

describe('a table list', () => {
  const plan = read('table-list.md');

  it('makes each row with a link an entry: description, <column>-<value> tags, links in cells kept', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.entries.map((entry) => [entry.title, entry.url, entry.tags, entry.notes])).toEqual([
      [
        'Skycast',
        'https://skycast.example.org/api',
        ['auth-apikey', 'https-yes', 'year-2019'],
        ['Hourly forecasts for any place, with a [status page](https://status.skycast.example.org/)'],
      ],
      ['Rainy Days', 'https://rainy.example.org/', ['auth-no', 'https-yes', 'year-2021'], ['Rain radar tiles and alerts']],
    ]);
    expect(countLinks(plan)).toMatchObject({ onPage: 3, entries: 2, inText: 1, unaccounted: [] });
  });

  it('keeps a row without a link as text in the section, and says so', () => {
    expect(plan.sections[1]?.intro).toEqual(['- API: Coming soon; Description: A radar for lightning; Auth: No; HTTPS: No']);
    expect(plan.notices.map((notice) => notice.message)).toEqual([
      '1 table row without an entry link: kept in the introduction of "Forecasts"',
    ]);
  });
});

describe('a page titled in an HTML header block', () => {
  it('takes its title from the logo, and counts the header and the contents as left out', () => {
    const plan = read('header-block.md');
    expect(plan.title).toEqual({ text: 'Awesome Lighthouses', line: 1 });
    expect(plan.sections.map((section) => section.title)).toEqual(['Awesome Lighthouses', 'Atlantic']);
    expect(countLinks(plan)).toEqual({
      onPage: 2,
      entries: 1,
      inText: 0,
      leftOut: [{ what: 'HTML blocks', links: 1, lines: [1] }],
      unaccounted: [],
    });
  });

  it('takes --title before anything the page says', () => {
    const plan = readPage(readFileSync(join(shapes, 'header-block.md'), 'utf8'), 'header-block.md', undefined, {
      title: 'Lights',
    });
    expect(plan.title?.text).toBe('Lights');
  });
});

describe('importing the shapes', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'commonplace-shapes-'));
    out = [];
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const io = (): CliIo => ({ cwd: repo, env: {}, out: (line) => out.push(line), err: (line) => err.push(line) });

  it('merges a link repeated in one section into one entry, cross-listed in the sub-section, and ends with the link counts', () => {
    expect(main([join(shapes, 'real-shapes.md'), '--out', dir], io())).toBe(0);
    expect(err).toEqual([]);
    const list = readReadingList(dir, repo);
    const rocket = list.entries.filter((entry) => entry.data.url === 'https://rocket.example.org/');
    expect(rocket).toHaveLength(1);
    expect(rocket[0]?.data.also_in.map((listing) => listing.section)).toEqual(['editors-for-the-web']);
    expect(rocket[0]?.body).toContain('Listed again, with another word.');
    expect(out.at(-1)).toBe(
      'tests/fixtures/import-shapes/real-shapes.md: 9 links on the page: 9 entries, 0 kept in the text of entries and sections, 0 left out with parts of the page',
    );
  });
});
