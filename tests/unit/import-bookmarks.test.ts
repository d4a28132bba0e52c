/**
 * Bookmark and highlight exports (src/import/bookmarks/): each reader on fixtures written by hand
 * after the format's documentation (tests/fixtures/import-bookmarks/), then `npm run import` on them
 * into a temporary list: what is left out and said, cross-listings, hostile text kept as text.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { dayFromEpoch, dayFromIso, jsonItemLines, tagSlug, textAsMarkdown } from '../../src/import/bookmarks/bookmark-plan.ts';
import { readHighlights } from '../../src/import/bookmarks/raindrop.ts';
import { detectBookmarkFormat, readExport } from '../../src/import/bookmarks/read-export.ts';
import { PAGE_KEY, type BookmarkFormat, type ImportPlan } from '../../src/import/plan.ts';
import { readImport } from '../../src/import/read-page.ts';
import { blocksOf } from '../../src/import/markdown.ts';
import { toString } from 'mdast-util-to-string';

const repo = resolve(import.meta.dirname, '../..');
const fixtures = join(repo, 'tests/fixtures/import-bookmarks');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const read = (name: string, format: BookmarkFormat, options = {}) => readExport(fixture(name), name, format, options);

/** Entries as [title, url, section title, tags]: what a reader sees of a plan. */
function entriesOf(plan: ImportPlan) {
  const title = (key: string) => plan.sections.find((section) => section.key === key)?.title;
  return plan.entries.map((entry) => [
    entry.title,
    entry.url,
    entry.listings.map((listing) => title(listing.section)),
    entry.tags,
  ]);
}
const noticesOf = (plan: ImportPlan) => plan.notices.map((notice) => `${notice.line}: ${notice.message}`);
/** Markdown as the text a reader sees once it is rendered. */
const rendered = (markdown: string) =>
  blocksOf(markdown)
    .map((block) => toString(block))
    .join('\n\n');

describe('telling the formats apart', () => {
  it('knows each export by its content, and a Markdown page as none of them', () => {
    expect(detectBookmarkFormat(fixture('browser.html'))).toBe('netscape');
    expect(detectBookmarkFormat(fixture('pinboard.json'))).toBe('pinboard');
    expect(detectBookmarkFormat(fixture('raindrop.csv'))).toBe('raindrop');
    expect(detectBookmarkFormat(fixture('hypothesis.json'))).toBe('hypothesis');
    expect(detectBookmarkFormat(fixture('entries.json'))).toBe('entries-json');
    expect(detectBookmarkFormat('---\ntitle: A page\n---\n# Section\n')).toBeUndefined();
    expect(detectBookmarkFormat('# Awesome things\n\n- [A](https://a.example) - b.\n')).toBeUndefined();
    expect(detectBookmarkFormat('[1, 2]')).toBeUndefined();
  });
  it('reads a page as a page and an export as an export through the one entry point', () => {
    expect(readImport('# Awesome\n\n## S\n\n- [A](https://a.example) - b.\n', 'README.md').format).toBe('awesome');
    expect(readImport(fixture('pinboard.json'), 'p.json').format).toBe('pinboard');
    expect(readImport(fixture('pinboard.json'), 'p.json', 'pinboard').entries.length).toBeGreaterThan(0);
  });
});

describe('the Netscape bookmark file', () => {
  const plan = read('browser.html', 'netscape');
  it('makes folders sections, nested as they are, and loose bookmarks a section beside them', () => {
    expect(plan.title).toEqual({ text: 'Bookmarks & Highlights', line: 7 });
    expect(plan.sections.map((section) => [section.title, plan.sections.find((s) => s.key === section.parent)?.title])).toEqual([
      ['Bookmarks & Highlights', undefined],
      ['Bookmarks & Highlights', 'Bookmarks & Highlights'],
      ['Reading', 'Bookmarks & Highlights'],
      ['Essays', 'Reading'],
      ['Old', 'Bookmarks & Highlights'],
    ]);
  });
  it('keeps titles as text, makes tags slugs, an untitled bookmark its address, and duplicates one listing each', () => {
    expect(entriesOf(plan)).toEqual([
      ['On Craft & Care', 'https://example.com/essays/craft', ['Reading'], ['machine-learning', 'craft', 'data-work']],
      ['<script>alert(1)</script> Hostile', 'https://example.com/hostile', ['Reading'], []],
      ['https://example.com/untitled', 'https://example.com/untitled', ['Reading'], []],
      ['On Craft & Care (again)', 'https://example.com/essays/craft', ['Essays'], ['craft']],
      ['Second essay', 'https://example.com/essays/second', ['Essays'], []],
      ['Old one', 'https://example.com/old', ['Old'], []],
      ['At the top', 'https://example.com/top', ['Bookmarks & Highlights'], []],
    ]);
    expect(plan.entries.map((entry) => entry.added)).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      undefined,
      '2024-02-01',
      undefined,
      '2024-01-01',
    ]);
  });
  it('reads a description as text: markup in it renders as the characters written', () => {
    const hostile = plan.entries[1]!;
    expect(hostile.notes).toHaveLength(1);
    expect(rendered(hostile.notes[0]!)).toBe('Note with <script>alert("x")</script> *stars* and [a link](javascript:alert(1))');
    expect(rendered(plan.entries[0]!.notes[0]!)).toBe('A long read about <b>care</b>.');
  });
  it('leaves out every address that is not http(s), each said with its line, and goes on', () => {
    const refused = noticesOf(plan).filter((notice) => notice.includes('left out'));
    expect(refused.map((notice) => /^(\d+): left out .*?: (".*?") is/.exec(notice)?.slice(1))).toEqual([
      ['16', '"javascript:alert(document.cookie)"'],
      ['28', '"data:text/html,<h1>hi"'],
      ['29', '"file:///home/me/notes.txt"'],
      ['30', '"place:sort=8&maxResults=10"'],
      ['31', '"chrome://settings/"'],
      ['32', '"about:config"'],
      ['33', '"edge://flags"'],
      ['34', '"moz-extension://abc/page.html"'],
      ['35', '"vbscript:msgbox(1)"'],
      ['36', '"ftp://example.com/file"'],
      ['37', '"  "'],
    ]);
    expect(plan.entries.some((entry) => !/^https?:/.test(entry.url))).toBe(false);
    expect(plan.itemsLeftOut).toEqual({ 'with a non-http(s) address': 11, private: 1, unread: 1 });
  });
  it('says which folders have nothing to import, and makes no section of them', () => {
    expect(noticesOf(plan).filter((notice) => notice.includes('nothing to import'))).toEqual([
      '22: folder "Reading › Empty" has nothing to import; no section for it',
      '26: folder "Refused" has nothing to import; no section for it',
      '39: folder "Private stuff" has nothing to import; no section for it',
    ]);
  });
  it('brings private and unread bookmarks with includePrivate, and leaves out skipped folders by title or path', () => {
    const all = read('browser.html', 'netscape', { includePrivate: true });
    expect(all.entries.map((entry) => entry.title)).toContain('Private one');
    expect(all.entries.map((entry) => entry.title)).toContain('Read later');
    expect(all.itemsLeftOut).toEqual({ 'with a non-http(s) address': 11 });
    const byTitle = read('browser.html', 'netscape', { skipFolders: ['ESSAYS'] });
    const byPath = read('browser.html', 'netscape', { skipFolders: ['Reading/Essays'] });
    for (const skipped of [byTitle, byPath]) {
      expect(skipped.entries.map((entry) => entry.title)).not.toContain('Second essay');
      expect(skipped.sections.map((section) => section.title)).not.toContain('Essays');
      expect(skipped.itemsLeftOut?.['in a skipped folder']).toBe(2);
    }
  });
  it('reads a title written with raw markup as the characters written', () => {
    const source = [
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
      '<DL><p>',
      '<DT><A HREF="https://example.com/raw">Raw <script>alert(1)</script> <b>bold</b> title</A>',
      '</DL><p>',
    ].join('\n');
    expect(readExport(source, 'raw.html', 'netscape').entries[0]!.title).toBe('Raw <script>alert(1)</script> <b>bold</b> title');
  });
});

describe('the Pinboard JSON export', () => {
  const plan = read('pinboard.json', 'pinboard');
  it('reads description as the title, extended as the note, time as added, space-separated tags', () => {
    expect(entriesOf(plan)).toEqual([
      [
        'Pinned <script>alert(1)</script> One',
        'https://example.com/pin/one',
        ['Pinboard bookmarks'],
        ['reading', 'essays', 'ml'],
      ],
      ['Pinned One again', 'https://example.com/pin/one', ['Pinboard bookmarks'], ['more']],
      ['https://example.com/pin/untitled', 'https://example.com/pin/untitled', ['Pinboard bookmarks'], []],
    ]);
    expect(plan.entries[0]!.added).toBe('2021-04-13');
    expect(plan.entries[0]!.notes.map(rendered)).toEqual(['Why: it is *good* & <b>bold</b>.\n\nSecond paragraph.']);
  });
  it('leaves out shared: "no" and toread: "yes" (counted) and a javascript: link (said with its line)', () => {
    expect(plan.itemsLeftOut).toEqual({ private: 1, unread: 1, 'with a non-http(s) address': 1 });
    expect(noticesOf(plan)[0]).toMatch(/^15: left out "A bookmarklet": "javascript:void\(0\)"/);
  });
  it('names the line of a bookmark with no address, and stops at JSON that does not parse', () => {
    const broken = readExport(
      '[\n  {"href": "https://a.example", "description": "A"},\n  {"description": "B"}\n]',
      'p.json',
      'pinboard',
    );
    expect(broken.problems.map(({ line, message }) => [line, message])).toEqual([[3, 'bookmark 2 has no "href" (the address)']]);
    const bad = readExport('[\n  {"href": "https://a.example",\n  "description": }\n]', 'p.json', 'pinboard');
    expect(bad.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('is not valid JSON')]);
    expect(bad.entries).toEqual([]);
  });
});

describe('the Raindrop.io CSV export', () => {
  const plan = read('raindrop.csv', 'raindrop');
  it('nests folders written a/b, makes highlights quotes and their notes notes', () => {
    expect(entriesOf(plan)).toEqual([
      ['Rain <script>x</script> One', 'https://example.com/rain/one', ['Essays'], ['deep-work', 'focus']],
      ['Rain Two', 'https://example.com/rain/two', ['Reading'], []],
      ['https://example.com/rain/untitled', 'https://example.com/rain/untitled', ['Unsorted'], []],
    ]);
    const first = plan.entries[0]!;
    expect(first.quotes).toEqual(['First passage & more.', 'Second passage\nover two lines']);
    expect(first.notes.map(rendered)).toEqual(['The page says "hello".', 'My note, with a comma', 'why it matters']);
    expect(first.added).toBe('2023-03-01');
    expect(plan.entries.map((entry) => entry.line)).toEqual([2, 7, 9]);
    expect(noticesOf(plan)[0]).toMatch(/^8: left out "Bad": "place:sort=8"/);
  });
  it('reads a highlights cell with and without labels', () => {
    expect(readHighlights('Highlight:One\nNote:n1\n\nHighlight:Two')).toEqual({ quotes: ['One', 'Two'], notes: ['n1'] });
    expect(readHighlights('just a line\nanother')).toEqual({ quotes: ['just a line', 'another'], notes: [] });
    expect(readHighlights('')).toEqual({ quotes: [], notes: [] });
  });
  it('stops at a CSV it cannot read, naming the line', () => {
    const broken = readExport('url,title,folder\nhttps://a.example,"unclosed,x\n', 'r.csv', 'raindrop');
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]!.message).toMatch(/^not a CSV file that can be read/);
  });
});

describe('the Hypothesis annotations export', () => {
  const plan = read('hypothesis.json', 'hypothesis');
  it('makes the annotations on one page one entry: passages in page order, texts as notes, tags joined', () => {
    expect(entriesOf(plan)).toEqual([['An Article', 'https://example.com/article', ['Highlights'], ['close-reading', 'craft']]]);
    const [entry] = plan.entries;
    expect(entry!.quotes).toEqual(['the earlier passage', 'the later passage']);
    expect(entry!.notes.map(rendered)).toEqual(['Second note <script>alert(1)</script>']);
    expect(entry!.added).toBe('2024-05-01');
  });
  it('keeps annotation order when a passage has no position', () => {
    const source = JSON.stringify([
      { uri: 'https://e.example/a', target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'second' }] }] },
      {
        uri: 'https://e.example/a',
        target: [
          {
            selector: [
              { type: 'TextQuoteSelector', exact: 'first' },
              { type: 'TextPositionSelector', start: 1, end: 5 },
            ],
          },
        ],
      },
    ]);
    expect(readExport(source, 'h.json', 'hypothesis').entries[0]!.quotes).toEqual(['second', 'first']);
  });
  it('leaves out replies, private annotations and a file: page, counted; includePrivate brings the private one', () => {
    expect(plan.itemsLeftOut).toEqual({ private: 1, 'with a non-http(s) address': 1, 'a reply to an annotation': 1 });
    expect(noticesOf(plan)).toEqual([expect.stringMatching(/^53: left out "A local PDF": "file:\/\/\/home\/reader\/paper.pdf"/)]);
    expect(read('hypothesis.json', 'hypothesis', { includePrivate: true }).entries.map((entry) => entry.title)).toEqual([
      'An Article',
      'Private page',
    ]);
  });
});

describe('this project’s entries.json', () => {
  const plan = read('entries.json', 'entries-json');
  it('keeps the list title, groups, nested sections and each entry’s listings, quotes, tags and added', () => {
    expect(plan.title?.text).toBe('Two Lists');
    expect(plan.groups).toEqual([
      { id: 'framing', heading: 'Framing' },
      { id: 'approach', heading: 'Selected Approaches' },
    ]);
    expect(plan.sections.map((section) => [section.key, section.parent, section.groups])).toEqual([
      [PAGE_KEY, undefined, []],
      ['section:tools', PAGE_KEY, ['framing', 'approach']],
      ['section:tools-cli', 'section:tools', []],
    ]);
    expect(
      plan.entries.map((entry) => [
        entry.title,
        entry.listings.map((listing) => [listing.section, listing.kind]),
        entry.quotes,
        entry.tags,
        entry.added,
      ]),
    ).toEqual([
      [
        'A <b>tool</b>',
        [
          ['section:tools', 'approach'],
          ['section:tools-cli', undefined],
        ],
        ['A passage & more'],
        ['cli', 'tools'],
        '2024-02-03',
      ],
      ['Shells', [['section:tools-cli', undefined]], [], [], undefined],
    ]);
    expect(plan.entries[0]!.notes.map(rendered)).toEqual(['Plain notes with *stars*.']);
  });
});

describe('small pieces', () => {
  it('makes tags slugs and drops a tag with no letter or digit', () => {
    expect(['Machine Learning', '  Data  Work ', 'C++', 'Ünïcode', '!!!'].map(tagSlug)).toEqual([
      'machine-learning',
      'data-work',
      'c',
      'unicode',
      undefined,
    ]);
  });
  it('reads dates in seconds, milliseconds or microseconds, and ISO 8601', () => {
    expect([
      dayFromEpoch('1704067200'),
      dayFromEpoch(1704067200000),
      dayFromEpoch('1704067200000000'),
      dayFromEpoch('x'),
    ]).toEqual(['2024-01-01', '2024-01-01', '2024-01-01', undefined]);
    expect([dayFromIso('2011-04-13T21:27:03Z'), dayFromIso('2024-02-29'), dayFromIso('1704067200'), dayFromIso('soon')]).toEqual([
      '2011-04-13',
      '2024-02-29',
      '2024-01-01',
      undefined,
    ]);
  });
  it('writes plain text as Markdown that renders as the same text', () => {
    for (const text of [
      '# not a heading',
      '- not a list',
      '1. not numbered',
      '> not a quote',
      'a_b*c* `d` <i>e</i> &amp; [f](g) ![h](i) | ~~j~~',
    ]) {
      expect(rendered(textAsMarkdown(text))).toBe(text);
    }
  });
  it('finds the line each item of a JSON array starts on, at the top or under a key', () => {
    expect(jsonItemLines('[\n {"a": "[{"},\n {\n "b": {"c": 1}}\n]')).toEqual([2, 3]);
    expect(jsonItemLines('{"sections": [{}],\n "entries": [\n  {"x": "}"},\n  {}\n]}', 'entries')).toEqual([3, 4]);
  });
});

describe('npm run import on exports', { timeout: 30_000 }, () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) =>
    main(args, { cwd: repo, env: {}, out: (line) => out.push(line), err: (line) => err.push(line) });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'commonplace-bookmarks-'));
    out = [];
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a bookmark file into an empty list that validates, keeping a link in a folder and its sub-folder once, and counts what it left out', () => {
    expect(run(join(fixtures, 'browser.html'), '--out', dir, '--skip-folder', 'Old')).toBe(0);
    expect(err).toEqual([]);
    expect(out.at(-1)).toMatch(
      /✓ Imported 3 sections, 5 entries, 0 quotes, 2 notes .*; left out 11 with a non-http\(s\) address, 1 private, 1 unread, 1 in a skipped folder \(--include-private brings private and unread ones\)$/,
    );
    const list = readReadingList(dir, repo);
    expect(list.problems).toEqual([]);
    expect(list.list?.data.title).toBe('Bookmarks & Highlights');
    const craft = list.entries.find((entry) => entry.data.url === 'https://example.com/essays/craft')!;
    // Essays is a sub-folder of Reading, whose page shows it: one listing there, not a cross-listing.
    expect(craft.data).toMatchObject({ section: 'reading', added: '2024-01-01', also_in: [] });
    const hostile = readFileSync(join(dir, 'entries/reading/script-alert-1-script-hostile.md'), 'utf8');
    expect(hostile).toContain('title: "<script>alert(1)</script> Hostile"');
    expect(out.join('\n')).toContain('browser.html:16: left out "A bookmarklet"');
    // A second run changes nothing.
    out = [];
    expect(run(join(fixtures, 'browser.html'), '--out', dir, '--skip-folder', 'Old')).toBe(0);
    expect(out.at(-1)).toMatch(/\(0 files written, 9 unchanged\)/);
  });
  it('adds highlights of a link already in the list to its entry as new quotes', () => {
    expect(run(join(fixtures, 'raindrop.csv'), '--out', dir)).toBe(0);
    const before = readdirSync(join(dir, 'entries'), { recursive: true }).length;
    const again = join(dir, 'more.json');
    const annotations = [
      {
        uri: 'https://example.com/rain/one',
        text: '',
        document: { title: ['Rain One'] },
        target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'A new passage' }] }],
      },
    ];
    writeFileSync(again, JSON.stringify(annotations));
    expect(run(again, '--out', dir, '--section', 'reading')).toBe(0);
    expect(readdirSync(join(dir, 'entries'), { recursive: true }).length).toBe(before);
    const entry = readReadingList(dir, repo).entries.find((each) => each.data.url === 'https://example.com/rain/one')!;
    expect(entry.data.quotes).toEqual(['First passage & more.', 'Second passage\nover two lines', 'A new passage']);
  });
  it('refuses a --format it does not know and --section beside a different --into', () => {
    expect(run(join(fixtures, 'pinboard.json'), '--out', dir, '--format', 'delicious')).toBe(2);
    expect(err[0]).toMatch(/--format must be one of legacy, awesome, netscape, pinboard, raindrop, hypothesis, entries-json/);
    err = [];
    expect(run(join(fixtures, 'pinboard.json'), '--out', dir, '--into', 'a', '--section', 'b')).toBe(2);
    expect(err[0]).toMatch(/--section is another name for --into/);
  });
  it('writes nothing from an export it cannot read, and names the line', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[\n  {"href": "https://a.example", "description": "A"},\n  {"description": "B"}\n]');
    expect(run(broken, '--out', join(dir, 'list'))).toBe(1);
    expect(err[0]).toMatch(/broken\.json:3: pinboard: bookmark 2 has no "href"/);
    expect(readdirSync(dir)).toEqual(['broken.json']);
  });
});
