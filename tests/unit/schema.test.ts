import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { entrySchema, isCalendarDate, isHttpUrl } from '../../src/schemas/content.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const valid = {
  title: 'DataOps Principles',
  url: 'https://retina.ai/blog/dataops-principles/',
  section: 'data-platforms',
  kind: 'framing',
};

/** The issues of a failed parse, reduced to what a contributor is shown: where and what. */
function issuesOf(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = entrySchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

const URL_MESSAGE = 'must be an absolute http:// or https:// URL, like "https://example.com/post"';
const DATE_MESSAGE = 'must be a real date written YYYY-MM-DD, like "2024-05-31"';
const TAG_MESSAGE = 'must be a tag: lowercase letters, digits and hyphens, like "data-platforms"';

/** Properties any valid list has, checked on the shipped one: never its counts, which grow with every contribution. */
describe('the shipped content', () => {
  const files = readReadingList(join(projectRoot, 'content'), projectRoot);

  test('has no problems', () => {
    expect(files.problems).toEqual([]);
  });

  test('has a titled list, and sections that hold every entry', () => {
    expect(files.list?.data.title.trim()).not.toBe('');
    const sections = new Set(files.sections.map((section) => section.id));
    for (const entry of files.entries) expect(sections.has(entry.data.section), entry.id).toBe(true);
  });

  test('reads every Markdown file under content/entries as an entry, with its section/slug id and path', () => {
    const onDisk = (readdirSync(join(projectRoot, 'content', 'entries'), { recursive: true }) as string[])
      .map((path) => path.split(sep).join('/'))
      .filter((path) => path.endsWith('.md'))
      .sort();
    expect(onDisk.length).toBeGreaterThan(0);
    expect(files.entries.map((entry) => `${entry.id}.md`).sort()).toEqual(onDisk);
    for (const entry of files.entries) {
      expect(entry.id).toBe(`${entry.data.section}/${entry.slug}`);
      expect(entry.file).toBe(`content/entries/${entry.id}.md`);
    }
  });
});

describe('entrySchema', () => {
  test('accepts a minimal entry and defaults quotes and tags to empty lists', () => {
    const result = entrySchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ ...valid, quotes: [], tags: [], also_in: [] });
  });

  test('accepts every optional field when well formed', () => {
    const full = {
      ...valid,
      quotes: ['A passage'],
      tags: ['data-engineering', 'ml2'],
      added: '2024-02-29',
      order: 2.5,
      also_in: [{ section: 'teams', kind: 'culture', order: 3 }, { section: 'reading' }],
      status: { state: 'dead', checked: '2024-05-31' },
    };
    expect(entrySchema.safeParse(full).data).toEqual(full);
  });

  test('refuses an entry without a title', () => {
    const { title: _title, ...untitled } = valid;
    expect(issuesOf(untitled)).toEqual([{ path: ['title'], message: 'must be the article title (text)' }]);
  });

  test('refuses a blank title', () => {
    expect(issuesOf({ ...valid, title: '   ' })).toEqual([{ path: ['title'], message: 'must not be empty' }]);
  });

  test('refuses a title that is not text', () => {
    expect(issuesOf({ ...valid, title: 42 })).toEqual([{ path: ['title'], message: 'must be the article title (text)' }]);
  });

  test.each([
    ['an ftp: URL', 'ftp://example.com/file.txt'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a javascript: URL dressed up with slashes', 'javascript://example.com/%0Aalert(1)'],
    ['a relative URL', '/data-platforms/'],
    ['a scheme-relative URL', '//example.com/post'],
    ['a mailto: URL', 'mailto:someone@example.com'],
    ['a bare host', 'example.com/post'],
    ['an empty URL', ''],
  ])('refuses %s', (_name, url) => {
    expect(issuesOf({ ...valid, url })).toEqual([{ path: ['url'], message: URL_MESSAGE }]);
  });

  test("accepts any group id as kind, and no kind at all (the list's shape decides, see shape-checks)", () => {
    expect(entrySchema.safeParse({ ...valid, kind: 'peer-review' }).success).toBe(true);
    const { kind: _kind, ...ungrouped } = valid;
    expect(entrySchema.safeParse(ungrouped).success).toBe(true);
  });

  test('refuses a kind written in capitals', () => {
    expect(issuesOf({ ...valid, kind: 'Framing' })).toEqual([
      { path: ['kind'], message: 'must be a group id: lowercase letters, digits and hyphens, like "data-platforms"' },
    ]);
  });

  test('refuses a cross-listing without a section or with an unknown field', () => {
    expect(issuesOf({ ...valid, also_in: [{ kind: 'culture' }] })).toEqual([
      { path: ['also_in', 0, 'section'], message: 'must be a section id' },
    ]);
    expect(issuesOf({ ...valid, also_in: [{ section: 'teams', shelf: 'x' }] }).map((issue) => issue.path)).toEqual([
      ['also_in', 0],
    ]);
  });

  test('refuses an empty quote, naming its position in the list', () => {
    expect(issuesOf({ ...valid, quotes: ['A passage', ''] })).toEqual([{ path: ['quotes', 1], message: 'must not be empty' }]);
  });

  test('refuses a quote that is only spaces', () => {
    expect(issuesOf({ ...valid, quotes: [' \t\n '] })).toEqual([{ path: ['quotes', 0], message: 'must not be empty' }]);
  });

  test('refuses quotes written as one string instead of a list', () => {
    expect(issuesOf({ ...valid, quotes: 'A passage' })).toEqual([{ path: ['quotes'], message: 'must be a list of quotes' }]);
  });

  test.each([
    ['a day February does not have', '2023-02-30'],
    ['a thirteenth month', '2024-13-01'],
    ['a word instead of a date', 'yesterday'],
    ['a date with a time', '2024-05-31T10:00:00Z'],
    ['a date without zero padding', '2024-5-31'],
  ])('refuses an added date that is %s', (_name, added) => {
    expect(issuesOf({ ...valid, added })).toEqual([{ path: ['added'], message: DATE_MESSAGE }]);
  });

  test('refuses a misspelt key', () => {
    const result = entrySchema.safeParse({ ...valid, qoutes: ['A passage'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['qoutes'], path: [] })]);
  });

  test('refuses tags that are not lowercase slugs, naming each bad one', () => {
    expect(issuesOf({ ...valid, tags: ['Data', 'ok', 'data_engineering', 'two  words', '-edge'] })).toEqual([
      { path: ['tags', 0], message: TAG_MESSAGE },
      { path: ['tags', 2], message: TAG_MESSAGE },
      { path: ['tags', 3], message: TAG_MESSAGE },
      { path: ['tags', 4], message: TAG_MESSAGE },
    ]);
  });

  test('refuses a section id that is not a slug', () => {
    expect(issuesOf({ ...valid, section: 'Data Platforms' })).toEqual([
      { path: ['section'], message: 'must be a section id: lowercase letters, digits and hyphens, like "data-platforms"' },
    ]);
  });

  test('refuses a status whose state is not "dead"', () => {
    expect(issuesOf({ ...valid, status: { state: 'alive', checked: '2024-05-31' } })).toEqual([
      { path: ['status', 'state'], message: 'must be "dead"' },
    ]);
  });

  test('refuses a status without the day it was checked', () => {
    expect(issuesOf({ ...valid, status: { state: 'dead' } })).toEqual([
      { path: ['status', 'checked'], message: 'must be the day the link was checked written YYYY-MM-DD' },
    ]);
  });

  test('refuses a status checked on an impossible day', () => {
    expect(issuesOf({ ...valid, status: { state: 'dead', checked: '2023-02-29' } })).toEqual([
      { path: ['status', 'checked'], message: DATE_MESSAGE },
    ]);
  });

  test('refuses a status with an unknown key', () => {
    const result = entrySchema.safeParse({ ...valid, status: { state: 'dead', checked: '2024-05-31', archive: 'x' } });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['archive'], path: ['status'] }),
    ]);
  });

  test('refuses an order that is not a finite number', () => {
    expect(issuesOf({ ...valid, order: '3' })).toEqual([{ path: ['order'], message: 'must be a number, e.g. 10' }]);
    expect(issuesOf({ ...valid, order: Number.POSITIVE_INFINITY })).toEqual([
      { path: ['order'], message: 'must be a number, e.g. 10' },
    ]);
  });
});

describe('isCalendarDate', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-30', true],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['24-01-01', false],
    [' 2024-01-01', false],
    ['2024-01-01 ', false],
    ['2024/01/01', false],
    ['', false],
  ])('%j is a calendar date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe('isHttpUrl', () => {
  test.each([
    ['https://example.com', true],
    ['http://example.com/a?b=1#c', true],
    ['HTTPS://EXAMPLE.COM/Post', true],
    ['https://localhost:8080/', true],
    ['https://', false],
    ['http:/example.com', false],
    ['https:example.com', false],
    [' https://example.com', false],
    ['https://exa mple.com', false],
    ['https://example.com:99999/', false],
    ['ftp://example.com', false],
    ['javascript:alert(1)', false],
    ['mailto:a@example.com', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['/relative', false],
    ['', false],
  ])('%j is an http(s) URL: %s', (text, expected) => {
    expect(isHttpUrl(text)).toBe(expected);
  });
});

describe('rules that span files', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  const section = (title: string, order: number) =>
    `---\ntitle: "${title}"\nsummary: "Framing and Approaches"\norder: ${order}\n---\n`;
  const entry = (fields: string) => `---\n${fields.trim()}\n---\n`;

  /** Writes a small project with content/ in a temporary folder; returns what readReadingList finds. */
  function readTree(files: Record<string, string>) {
    root = mkdtempSync(join(tmpdir(), 'commonplace-schema-'));
    const all: Record<string, string> = {
      'list.md': '---\ntitle: "Test list"\n---\n',
      'sections/data-platforms.md': section('Data Platforms', 1),
      'sections/data-products.md': section('Data Products', 2),
      ...files,
    };
    for (const [path, text] of Object.entries(all)) {
      const full = join(root, 'content', path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    return readReadingList(join(root, 'content'), root);
  }

  test('reads a valid small tree without problems', () => {
    const files = readTree({
      'entries/data-platforms/first.md': entry(
        `title: "First"\nurl: "https://example.com/first"\nsection: data-platforms\nkind: framing`,
      ),
    });
    expect(files.problems).toEqual([]);
    expect(files.entries.map((found) => [found.id, found.slug, found.file])).toEqual([
      ['data-platforms/first', 'first', 'content/entries/data-platforms/first.md'],
    ]);
  });

  test('reports a duplicate URL on the second file at its url line, naming the first file and line', () => {
    const files = readTree({
      'entries/data-platforms/first.md': entry(
        `title: "First"\nurl: "https://example.com/post"\nsection: data-platforms\nkind: framing`,
      ),
      'entries/data-products/second.md': entry(
        `title: "Second"\nsection: data-products\nkind: approach\nurl: "http://www.Example.com/post/?utm_source=feed"`,
      ),
    });
    expect(files.problems).toEqual([
      {
        file: 'content/entries/data-products/second.md',
        line: 5,
        field: 'url',
        message:
          'the same link is already in the list: content/entries/data-platforms/first.md:3. To show that entry in section "data-products" too, list it there from its own file ("also_in:" then "  - section: data-products") and delete this one',
      },
    ]);
  });

  test('does not treat URLs that differ in a real query parameter as duplicates', () => {
    const files = readTree({
      'entries/data-platforms/first.md': entry(
        `title: "First"\nurl: "https://example.com/post?id=1"\nsection: data-platforms\nkind: framing`,
      ),
      'entries/data-platforms/second.md': entry(
        `title: "Second"\nurl: "https://example.com/post?id=2"\nsection: data-platforms\nkind: framing`,
      ),
    });
    expect(files.problems).toEqual([]);
  });

  test('reports an unknown section at the section line with a "did you mean" hint', () => {
    const files = readTree({
      'entries/data-platforms/typo.md': entry(
        `title: "Typo"\nurl: "https://example.com/typo"\nkind: framing\nsection: data-platfroms`,
      ),
    });
    expect(files.problems).toEqual([
      {
        file: 'content/entries/data-platforms/typo.md',
        line: 5,
        field: 'section',
        message: 'no section "data-platfroms" (there is no content/sections/data-platfroms.md); did you mean "data-platforms"?',
      },
    ]);
  });

  test('lists the sections when an unknown section is nothing like any of them', () => {
    const files = readTree({
      'entries/data-platforms/lost.md': entry(
        `title: "Lost"\nurl: "https://example.com/lost"\nsection: machine-learning\nkind: framing`,
      ),
    });
    expect(files.problems).toEqual([
      {
        file: 'content/entries/data-platforms/lost.md',
        line: 4,
        field: 'section',
        message:
          'no section "machine-learning" (there is no content/sections/machine-learning.md); the sections are data-platforms, data-products',
      },
    ]);
  });

  test('reports an entry whose section is not the folder it is in', () => {
    const files = readTree({
      'entries/data-products/misplaced.md': entry(
        `title: "Misplaced"\nurl: "https://example.com/m"\nsection: data-platforms\nkind: framing`,
      ),
    });
    expect(files.problems).toEqual([
      {
        file: 'content/entries/data-products/misplaced.md',
        line: 4,
        field: 'section',
        message:
          'is "data-platforms" but the file is in content/entries/data-products/: move the file to content/entries/data-platforms/ or set section: data-products',
      },
    ]);
  });

  test('reports a misspelt key at its line with the key it probably meant', () => {
    const files = readTree({
      'entries/data-platforms/typo.md': entry(
        `title: "Typo"\nurl: "https://example.com/typo"\nsection: data-platforms\nkind: framing\nqoutes:\n  - "A passage"`,
      ),
    });
    expect(files.problems).toEqual([
      {
        file: 'content/entries/data-platforms/typo.md',
        line: 6,
        field: 'qoutes',
        message: 'unknown field: did you mean "quotes"?',
      },
    ]);
  });

  test('reports a missing title on the opening line, asking for the line to be added', () => {
    const files = readTree({
      'entries/data-platforms/untitled.md': entry(`url: "https://example.com/u"\nsection: data-platforms\nkind: framing`),
    });
    expect(files.problems).toEqual([
      {
        file: 'content/entries/data-platforms/untitled.md',
        line: 1,
        field: 'title',
        message: 'is missing: add a line "title: …"',
      },
    ]);
    expect(files.entries).toEqual([]);
  });

  test('reports an empty quote at the line of that list item', () => {
    const files = readTree({
      'entries/data-platforms/quoted.md': entry(
        `title: "Quoted"\nurl: "https://example.com/q"\nsection: data-platforms\nkind: framing\nquotes:\n  - "Fine"\n  - "  "`,
      ),
    });
    expect(files.problems).toEqual([
      { file: 'content/entries/data-platforms/quoted.md', line: 8, field: 'quotes[1]', message: 'must not be empty' },
    ]);
  });

  test('reports a slug used in two sections on the second file', () => {
    const files = readTree({
      'entries/data-platforms/same.md': entry(`title: "A"\nurl: "https://example.com/a"\nsection: data-platforms\nkind: framing`),
      'entries/data-products/same.md': entry(`title: "B"\nurl: "https://example.com/b"\nsection: data-products\nkind: framing`),
    });
    expect(files.problems).toEqual([
      {
        file: 'content/entries/data-products/same.md',
        line: 1,
        field: 'file',
        message: 'the slug "same" is already used by content/entries/data-platforms/same.md: rename this file',
      },
    ]);
  });

  test('refuses an .mdx entry because MDX can run code', () => {
    const files = readTree({
      'entries/data-platforms/code.mdx': entry(
        `title: "Code"\nurl: "https://example.com/c"\nsection: data-platforms\nkind: framing`,
      ),
    });
    expect(files.problems).toEqual([
      {
        file: 'content/entries/data-platforms/code.mdx',
        line: 1,
        field: 'file',
        message: 'entries must be .md files: MDX can run code, so it is not accepted from contributors; rename it to .md',
      },
    ]);
    expect(files.entries).toEqual([]);
  });
});
