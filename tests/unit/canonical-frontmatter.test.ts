/**
 * The fast path for canonical files must read exactly what the full YAML parser reads: data, body,
 * body line, keys and the line of every field. Checked on every content file in the repository and
 * on generated files full of awkward text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCanonicalFile } from '../../src/content/canonical-frontmatter.ts';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { isSyntaxError, parseAnyYaml, type ParsedFile } from '../../src/content/frontmatter.ts';
import { entrySchema } from '../../src/schemas/content.ts';

const root = join(import.meta.dirname, '..', '..');
const normalise = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

function markdownFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));
}

/** Every path a test might ask the line of: each key, each list item, each nested key, one past the end. */
function paths(data: Record<string, unknown>): PropertyKey[][] {
  return Object.entries(data).flatMap(([key, value]) => [
    [key],
    ...(Array.isArray(value) ? [...value.keys(), value.length].map((index) => [key, index]) : []),
    ...(value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).map((nested) => [key, nested]) : []),
  ]);
}

function expectSameReading(text: string) {
  const fast = parseCanonicalFile(text);
  const full = parseAnyYaml(text);
  if (!fast) return false;
  if (isSyntaxError(full)) throw new Error(`the fast path read a file the full parser refuses: ${full.message}`);
  const view = (file: ParsedFile) => ({
    data: file.data,
    body: file.body,
    bodyLine: file.bodyLine,
    keys: file.keys,
    lines: paths(file.data).map((path) => [path.join('.'), file.lineOf(path)]),
  });
  expect(view(fast)).toEqual(view(full));
  return true;
}

const AWKWARD = [
  'Plain words',
  'Colons: everywhere: here',
  '# not a comment',
  '> not a quote',
  '"quoted" and \'single\'',
  'back\\slash \\n literal',
  'emoji 😀 and 日本語 and עברית',
  'line one\nline two',
  '---',
  'null',
  'true',
  '123',
  '2024-01-01',
  '  leading and trailing  ',
  'tab\there',
  'U+2028\u2028separator',
  '{not: a map}',
  '[not, a, list]',
  '- not an item',
  '&anchor *alias !tag',
];

describe('canonical fast path', () => {
  test('reads every content file in the repository exactly as the full parser does', () => {
    const files = [...markdownFiles(join(root, 'content')), ...markdownFiles(join(root, 'tests', 'fixtures'))];
    expect(files.length).toBeGreaterThan(40);
    let read = 0;
    for (const file of files) {
      const text = normalise(readFileSync(file, 'utf8'));
      if (!text.startsWith('---\n')) continue;
      if (expectSameReading(text)) read++;
    }
    // The shipped list is all canonical: the fast path must take at least those files.
    expect(read).toBeGreaterThanOrEqual(23);
  });

  test('reads generated entries with awkward text exactly as the full parser does', () => {
    for (const [index, text] of AWKWARD.entries()) {
      const data = entrySchema.parse({
        title: text,
        url: `https://example.com/${index}?q=${encodeURIComponent(text)}#frag`,
        section: 'data-platforms',
        kind: index % 2 ? 'framing' : 'approach',
        order: index,
        ...(index % 3 === 0 ? { added: '2024-02-29' } : {}),
        tags: index % 2 ? ['a-tag', 'b2'] : [],
        quotes: [text, `${text} again`],
        ...(index % 4 === 0 ? { status: { state: 'dead', checked: '2025-01-31' } } : {}),
      });
      expect(expectSameReading(serialiseEntry(data, `Notes: ${text}`)), text).toBe(true);
      expect(expectSameReading(serialiseSection({ title: text, summary: text, order: index + 0.5 }))).toBe(true);
      expect(expectSameReading(serialiseList({ title: text, description: text }))).toBe(true);
    }
  });

  test('leaves anything outside the canonical layout to the full parser', () => {
    const declined = [
      '---\ntitle: A # comment\n---\n',
      "---\ntitle: 'single'\n---\n",
      '---\ntitle: [a, b]\n---\n',
      '---\ntitle: |\n  block\n---\n',
      '---\ntitle: yes it is\n---\n',
      '---\norder: 1e3\n---\n',
      '---\norder: 0x10\n---\n',
      '---\nsection: null\n---\n',
      '---\ntags:\n---\n',
      '---\ntitle: "A"\ntitle: "B"\n---\n',
      '---\ntitle: "A"\n\nurl: "B"\n---\n',
      '---\n---\n',
      '---\ntitle: "unclosed\n---\n',
      '---\ntitle: "A"\n',
      '---\nquotes:\n    - deep\n---\n',
      '---\ntitle: &a "A"\n---\n',
    ];
    for (const text of declined) expect(parseCanonicalFile(text), text).toBeUndefined();
  });
});
