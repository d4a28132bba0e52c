import { describe, expect, test } from 'vitest';
import { isSyntaxError, parseContentFile, type FileSyntaxError, type ParsedFile } from '../../src/content/frontmatter.ts';

function parsed(source: string): ParsedFile {
  const result = parseContentFile(source);
  if (isSyntaxError(result)) throw new Error(`expected the file to parse, got line ${result.line}: ${result.message}`);
  return result;
}

function refused(source: string): FileSyntaxError {
  const result = parseContentFile(source);
  if (!isSyntaxError(result)) throw new Error(`expected the file to be refused, got ${JSON.stringify(result.data)}`);
  return result;
}

const ENTRY = [
  '---', //                                   1
  'title: "4 Pillars of Analytics"', //        2
  'url: "https://medium.com/a"', //            3
  'section: data-platforms', //                4
  'kind: framing', //                          5
  'quotes:', //                                6
  '  - "First passage"', //                    7
  '  - "Second passage"', //                   8
  'status:', //                                9
  '  state: dead', //                          10
  '  checked: 2024-05-31', //                  11
  '---', //                                    12
  '', //                                       13
  '- Acquire, Process, Surface, Act', //       14
  '',
].join('\n');

describe('parseContentFile: data and positions', () => {
  test('reads the frontmatter as plain data', () => {
    expect(parsed(ENTRY).data).toEqual({
      title: '4 Pillars of Analytics',
      url: 'https://medium.com/a',
      section: 'data-platforms',
      kind: 'framing',
      quotes: ['First passage', 'Second passage'],
      status: { state: 'dead', checked: '2024-05-31' },
    });
  });

  test('keeps an unquoted date as text, not a Date', () => {
    expect(parsed('---\nadded: 2024-05-31\n---\n').data).toEqual({ added: '2024-05-31' });
  });

  test('gives the line of each top-level key', () => {
    const file = parsed(ENTRY);
    expect(file.lineOf(['title'])).toBe(2);
    expect(file.lineOf(['url'])).toBe(3);
    expect(file.lineOf(['section'])).toBe(4);
    expect(file.lineOf(['kind'])).toBe(5);
  });

  test('gives the line of each list item', () => {
    const file = parsed(ENTRY);
    expect(file.lineOf(['quotes', 0])).toBe(7);
    expect(file.lineOf(['quotes', 1])).toBe(8);
  });

  test('gives the line of a nested field', () => {
    expect(parsed(ENTRY).lineOf(['status', 'checked'])).toBe(11);
    expect(parsed(ENTRY).lineOf(['status', 'state'])).toBe(10);
  });

  test('gives the line of items in a flow list', () => {
    const file = parsed('---\ntitle: "A"\nquotes: ["one", "two"]\n---\n');
    expect(file.lineOf(['quotes', 1])).toBe(3);
  });

  test('falls back to the nearest written parent for a path that is not there', () => {
    expect(parsed(ENTRY).lineOf(['status', 'archive'])).toBe(10);
  });

  test('gives the opening line for a key that is absent', () => {
    expect(parsed(ENTRY).lineOf(['tags'])).toBe(1);
  });

  test('lists the top-level keys as written, with their lines', () => {
    expect(parsed('---\ntitle: "A"\n\nqoutes:\n  - "x"\nkind: framing\n---\n').keys).toEqual([
      { key: 'title', line: 2 },
      { key: 'qoutes', line: 4 },
      { key: 'kind', line: 6 },
    ]);
  });

  test('returns the body after the closing line and the line it starts on', () => {
    const file = parsed(ENTRY);
    expect(file.body).toBe('\n- Acquire, Process, Surface, Act\n');
    expect(file.bodyLine).toBe(13);
    expect(file.body.split('\n').indexOf('- Acquire, Process, Surface, Act') + file.bodyLine).toBe(14);
  });

  test('returns an empty body for a file that ends at the closing line', () => {
    const file = parsed('---\ntitle: "A"\n---\n');
    expect(file.body).toBe('');
    expect(file.bodyLine).toBe(4);
  });

  test('accepts a closing line without a final newline', () => {
    const file = parsed('---\ntitle: "A"\n---');
    expect(file.data).toEqual({ title: 'A' });
    expect(file.body).toBe('');
  });

  test('accepts Windows line endings and gives the same data, body and lines', () => {
    const file = parsed(ENTRY.replace(/\n/g, '\r\n'));
    const unix = parsed(ENTRY);
    expect(file.data).toEqual(unix.data);
    expect(file.body).toBe('\n- Acquire, Process, Surface, Act\n');
    expect(file.bodyLine).toBe(13);
    expect(file.lineOf(['quotes', 1])).toBe(8);
    expect(file.keys).toEqual(unix.keys);
  });

  test('accepts a UTF-8 byte-order mark before the opening line', () => {
    const file = parsed(`\uFEFF${ENTRY}`);
    expect(file.data['title']).toBe('4 Pillars of Analytics');
    expect(file.lineOf(['url'])).toBe(3);
  });

  test('keeps a "__proto__" key as plain data without touching Object.prototype', () => {
    const file = parsed('---\n__proto__:\n  polluted: true\ntitle: "A"\n---\n');
    expect(Object.keys(file.data)).toEqual(['__proto__', 'title']);
    expect(Object.getPrototypeOf(file.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseContentFile: what it refuses', () => {
  test('refuses JavaScript frontmatter (---js)', () => {
    expect(refused('---js\n{ title: "A" }\n---\n')).toEqual({
      line: 1,
      field: 'frontmatter',
      message: 'frontmatter must be YAML: the first line must be exactly "---"',
    });
  });

  test('runs no code from a ---js file', () => {
    const global = globalThis as Record<string, unknown>;
    delete global['pwned'];
    const sources = [
      '---js\nglobalThis.pwned = true;\nmodule.exports = { title: "A" };\n---\n',
      '---javascript\n({ title: (globalThis.pwned = true, "A") })\n---\n',
      '---coffee\nglobalThis.pwned = true\n---\n',
    ];
    for (const source of sources) expect(refused(source).line).toBe(1);
    expect(global['pwned']).toBeUndefined();
  });

  test('refuses a JSON language marker on the opening line', () => {
    expect(refused('---json\n{"title": "A"}\n---\n').message).toBe(
      'frontmatter must be YAML: the first line must be exactly "---"',
    );
  });

  test('refuses the !!js/function tag at its line and runs nothing', () => {
    const global = globalThis as Record<string, unknown>;
    delete global['pwned'];
    expect(refused('---\ntitle: "A"\nurl: !!js/function "function () { globalThis.pwned = true }"\n---\n')).toEqual({
      line: 3,
      field: 'frontmatter',
      message: 'YAML syntax: Unresolved tag: tag:yaml.org,2002:js/function',
    });
    expect(global['pwned']).toBeUndefined();
  });

  test('refuses any custom YAML tag', () => {
    expect(refused('---\ntitle: !include other.md\n---\n')).toEqual({
      line: 2,
      field: 'frontmatter',
      message: 'YAML syntax: Unresolved tag: !include',
    });
  });

  test('refuses an anchor and alias, at the anchor', () => {
    expect(refused('---\ntitle: &name "A"\nsummary: *name\n---\n')).toEqual({
      line: 2,
      field: 'frontmatter',
      message: 'YAML anchors and aliases (&name, *name) are not allowed: write the text out',
    });
  });

  test('refuses an anchor inside a list, at its line', () => {
    expect(refused('---\ntitle: "A"\nquotes:\n  - "x"\n  - &q "y"\n---\n').line).toBe(5);
  });

  test('does not mistake & or * inside text for an anchor or alias', () => {
    expect(parsed('---\ntitle: Tom & Jerry *stars*\nsummary: "&not *an alias"\n---\n').data).toEqual({
      title: 'Tom & Jerry *stars*',
      summary: '&not *an alias',
    });
  });

  test("refuses a tab used for indentation, reporting the tab's line", () => {
    expect(refused('---\ntitle: "A"\nquotes:\n\t- "x"\n---\n')).toEqual({
      line: 4,
      field: 'frontmatter',
      message: 'YAML syntax: tabs are not allowed in frontmatter: indent with spaces',
    });
  });

  test('refuses frontmatter that is never closed', () => {
    expect(refused('---\ntitle: "A"\nurl: "https://example.com"\n')).toEqual({
      line: 1,
      field: 'frontmatter',
      message: 'the frontmatter is not closed: add a line "---" after the last field',
    });
  });

  test('does not take a longer line of dashes as the closing line', () => {
    expect(refused('---\ntitle: "A"\n----\n').message).toBe(
      'the frontmatter is not closed: add a line "---" after the last field',
    );
  });

  test('refuses a file with no frontmatter', () => {
    expect(refused('title: "A"\n\nSome notes\n')).toEqual({
      line: 1,
      field: 'frontmatter',
      message: 'the file has no frontmatter: it must start with a line "---", the fields, then another "---"',
    });
  });

  test('refuses an empty file as having no frontmatter', () => {
    expect(refused('').message).toBe(
      'the file has no frontmatter: it must start with a line "---", the fields, then another "---"',
    );
  });

  test('refuses empty frontmatter', () => {
    expect(refused('---\n---\nNotes\n')).toEqual({ line: 1, field: 'frontmatter', message: 'the frontmatter is empty' });
  });

  test('refuses frontmatter that is a list instead of fields', () => {
    expect(refused('---\n- "A"\n---\n')).toEqual({
      line: 2,
      field: 'frontmatter',
      message: 'the frontmatter must be fields written "name: value"',
    });
  });

  test('refuses a key written twice, at the second one', () => {
    expect(refused('---\ntitle: "A"\nurl: "https://example.com"\ntitle: "B"\n---\n')).toEqual({
      line: 4,
      field: 'frontmatter',
      message: 'YAML syntax: Map keys must be unique',
    });
  });

  test('refuses an unterminated quoted string at its line', () => {
    expect(refused('---\ntitle: "A\n---\n')).toEqual({
      line: 2,
      field: 'frontmatter',
      message: 'YAML syntax: Missing closing "quote',
    });
  });
});
