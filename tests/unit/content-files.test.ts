/** readReadingList's rules across files, called directly (the same code validate and the build run). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { formatProblem, sortProblems } from '../../src/content/problems.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-files-'));
  write('list.md', '---\ntitle: "List"\n---\n');
  write('sections/alpha.md', '---\ntitle: "Alpha"\nsummary: "S"\norder: 1\n---\n');
  write('sections/beta.md', '---\ntitle: "Beta"\nsummary: "S"\norder: 2\n---\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
const entry = (url: string, section = 'alpha', extra = '') =>
  `---\ntitle: "T"\nurl: "${url}"\nsection: ${section}\nkind: framing\n${extra}---\n`;
const problems = () => sortProblems(readReadingList(dir, dir).problems).map(formatProblem);

describe('duplicate URLs after normalisation', () => {
  it.each([
    ['scheme', 'http://example.com/post'],
    ['www.', 'https://www.example.com/post'],
    ['trailing slash', 'https://example.com/post/'],
    ['host case', 'https://EXAMPLE.com/post'],
    ['utm_* parameters', 'https://example.com/post?utm_source=news&utm_campaign=x'],
  ])('treats a different %s as the same link', (_, url) => {
    write('entries/alpha/a.md', entry('https://example.com/post'));
    write('entries/alpha/b.md', entry(url));
    expect(problems()).toEqual([
      'entries/alpha/b.md:3: url: the same link is already in the list: entries/alpha/a.md:3. Keep one of the two files',
    ]);
  });

  it('keeps links that differ in path case, query or fragment apart', () => {
    write('entries/alpha/a.md', entry('https://example.com/post'));
    write('entries/alpha/b.md', entry('https://example.com/Post'));
    write('entries/alpha/c.md', entry('https://example.com/post?page=2'));
    write('entries/alpha/d.md', entry('https://example.com/post#part-2'));
    expect(problems()).toEqual([]);
  });
});

describe('files in the wrong place', () => {
  it('refuses non-.md files and files outside a section folder', () => {
    write('entries/alpha/notes.txt', 'hello');
    write('entries/stray.md', entry('https://example.com/stray'));
    expect(problems()).toEqual([
      'entries/alpha/notes.txt:1: file: only .md entry files belong under content/entries/',
      'entries/stray.md:1: file: an entry must be at content/entries/<section-id>/<slug>.md',
    ]);
  });

  it('lists the sections when an unknown section is nothing like any of them', () => {
    write('entries/alpha/a.md', entry('https://example.com/a', 'zzzzzzzzzz'));
    expect(problems()).toEqual([
      'entries/alpha/a.md:4: section: no section "zzzzzzzzzz" (there is no content/sections/zzzzzzzzzz.md); the sections are alpha, beta',
    ]);
  });

  it('reports a missing list.md', () => {
    rmSync(join(dir, 'list.md'));
    expect(problems()).toEqual(['list.md:1: file: missing: content/list.md gives the list its title']);
  });
});

describe('several problems in one file', () => {
  it('reports each at its own line', () => {
    write(
      'entries/alpha/a.md',
      '---\ntitle: ""\nurl: "https://example.com/a"\nsection: alpha\nkind: framing\ntags:\n  - ok\n  - Not Ok\nadded: 2024-13-01\n---\n',
    );
    expect(problems()).toEqual([
      'entries/alpha/a.md:2: title: must not be empty',
      'entries/alpha/a.md:8: tags[1]: must be a tag: lowercase letters, digits and hyphens, like "data-platforms"',
      'entries/alpha/a.md:9: added: must be a real date written YYYY-MM-DD, like "2024-05-31"',
    ]);
  });

  it('reads valid entries with their body and defaults', () => {
    write('entries/beta/b.md', `${entry('https://example.com/b', 'beta')}\n- a note\n`);
    const list = readReadingList(dir, dir);
    expect(list.problems).toEqual([]);
    expect(list.entries.map((item) => [item.id, item.file, item.data.quotes, item.data.tags, item.body])).toEqual([
      ['beta/b', 'entries/beta/b.md', [], [], '\n- a note\n'],
    ]);
  });
});
