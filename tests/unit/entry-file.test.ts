import { describe, expect, test } from 'vitest';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { isSyntaxError, parseContentFile } from '../../src/content/frontmatter.ts';
import { entrySchema, listSchema, sectionSchema, type EntryData } from '../../src/schemas/content.ts';

/** Parses serialised text the way the site does: frontmatter, then the schema. */
function readBack<Schema extends typeof entrySchema | typeof sectionSchema | typeof listSchema>(text: string, schema: Schema) {
  const parsed = parseContentFile(text);
  if (isSyntaxError(parsed)) throw new Error(`line ${parsed.line}: ${parsed.message}\n${text}`);
  const result = schema.safeParse(parsed.data);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return { data: result.data, body: parsed.body };
}

const base: EntryData = {
  title: 'One Model to Rule Them All',
  url: 'https://bentoml.com/posts/2019-04-19-one-model/',
  section: 'data-products',
  kind: 'framing',
  quotes: [],
  tags: [],
  also_in: [],
};

const NASTY = [
  ['a colon and space', 'Getting started: the 3 stages'],
  ['a hash', '# not a comment'],
  ['a hash after a space', 'C# and F# #tips'],
  ['a leading >', '> folded, or a quote?'],
  ['a leading |', '| literal'],
  ['a leading -', '- a list item?'],
  ['double quotes', 'He said "hello"'],
  ['single quotes', "It's 'quoted'"],
  ['curly quotes', 'A Beginner’s “Guide”'],
  ['backslashes', 'C:\\Users\\data \\n is not a newline'],
  ['emoji', 'Rocket 🚀 launch ✨👩‍👩‍👧'],
  ['a newline', 'First line\nSecond line'],
  ['a Windows newline', 'First line\r\nSecond line'],
  ['a tab', 'Column\tColumn'],
  ['flow brackets', '[not] {a: map}'],
  ['an anchor-like &', '&anchor and *alias'],
  ['a tag-like !', '!!js/function evil'],
  ['a YAML directive', '%YAML 1.1'],
  ['a document marker', '---'],
  ['a keyword', 'null'],
  ['a boolean word', 'yes'],
  ['a number', '0x1F'],
  ['a date', '2024-01-01'],
  ['leading and trailing spaces', '  spaced  '],
  ['a line separator', 'before\u2028after'],
  ['backticks and HTML', '`code` <script>alert(1)</script>'],
] as const;

describe('serialiseEntry', () => {
  test('writes the fields in contract order, strings double-quoted', () => {
    const data: EntryData = {
      ...base,
      order: 2,
      added: '2024-05-31',
      tags: ['ml', 'data-products'],
      quotes: ['This post discusses our obsession with finding the best model'],
    };
    expect(serialiseEntry(data, 'Notes here')).toBe(
      [
        '---',
        'title: "One Model to Rule Them All"',
        'url: "https://bentoml.com/posts/2019-04-19-one-model/"',
        'section: data-products',
        'kind: framing',
        'order: 2',
        'added: 2024-05-31',
        'tags:',
        '  - ml',
        '  - data-products',
        'quotes:',
        '  - "This post discusses our obsession with finding the best model"',
        '---',
        '',
        'Notes here',
        '',
      ].join('\n'),
    );
  });

  test('leaves out empty lists and absent optional fields', () => {
    expect(serialiseEntry(base)).toBe(
      '---\ntitle: "One Model to Rule Them All"\nurl: "https://bentoml.com/posts/2019-04-19-one-model/"\nsection: data-products\nkind: framing\n---\n',
    );
  });

  test('writes an order of 0', () => {
    expect(serialiseEntry({ ...base, order: 0 })).toContain('\norder: 0\n');
  });

  test('writes no body for notes that are only whitespace', () => {
    expect(serialiseEntry(base, '  \n\n ')).toBe(serialiseEntry(base));
  });

  test('trims the notes and ends the file with one newline', () => {
    expect(
      serialiseEntry(base, '\n\n- Acquire, Process, Surface, Act\n\n\n').endsWith('---\n\n- Acquire, Process, Surface, Act\n'),
    ).toBe(true);
  });

  test('reads back a full entry and its notes unchanged', () => {
    const data: EntryData = { ...base, order: 1.5, added: '2024-02-29', tags: ['ml'], quotes: ['one', 'two'] };
    const notes = '- Acquire, Process, Surface, Act\n\n| a | b |\n| - | - |\n| 1 | 2 |';
    expect(readBack(serialiseEntry(data, notes), entrySchema)).toEqual({ data, body: `\n${notes}\n` });
  });

  test.each(NASTY)('reads back a title, quote and URL with %s unchanged', (_what, nasty) => {
    const data: EntryData = {
      ...base,
      title: nasty,
      url: `https://example.com/post?q=${encodeURIComponent(nasty)}&x=1#frag`,
      quotes: [nasty, `prefix: ${nasty}`, `${nasty} # suffix`],
    };
    expect(readBack(serialiseEntry(data), entrySchema).data).toEqual(data);
  });

  test.each(NASTY)('keeps notes with %s as the body, outside the frontmatter', (_what, nasty) => {
    const notes = `Before\n\n${nasty}\n\nAfter`;
    const { data, body } = readBack(serialiseEntry(base, notes), entrySchema);
    expect(data).toEqual(base);
    expect(body).toBe(`\n${notes.trim().replace(/\r\n/g, '\n')}\n`);
  });

  test('keeps a --- line in the notes in the body', () => {
    const { data, body } = readBack(serialiseEntry(base, 'Above\n\n---\n\ntitle: "Hijacked"'), entrySchema);
    expect(data.title).toBe('One Model to Rule Them All');
    expect(body).toBe('\nAbove\n\n---\n\ntitle: "Hijacked"\n');
  });
});

describe('serialiseSection', () => {
  test('writes title, summary and order, then the intro', () => {
    expect(serialiseSection({ title: 'Data Platforms', summary: 'Framing and Approaches', order: 1 }, 'Intro.')).toBe(
      '---\ntitle: "Data Platforms"\nsummary: "Framing and Approaches"\norder: 1\n---\n\nIntro.\n',
    );
  });

  test.each(NASTY)('reads back a title and summary with %s unchanged', (_what, nasty) => {
    const data = { title: nasty, summary: `Summary: ${nasty}`, order: -2 };
    expect(readBack(serialiseSection(data), sectionSchema).data).toEqual(data);
  });
});

describe('serialiseList', () => {
  test('writes the title alone when there is no description', () => {
    expect(serialiseList({ title: 'Platforms and Products' })).toBe('---\ntitle: "Platforms and Products"\n---\n');
  });

  test('reads back a title and description with nasty text unchanged', () => {
    const data = { title: 'Platforms: and # Products', description: '> "All" the \\ links 🚀\nand more' };
    expect(readBack(serialiseList(data), listSchema).data).toEqual(data);
  });
});
