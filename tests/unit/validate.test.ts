/**
 * `npm run validate` as a contributor meets it: one fixture per kind of mistake, each run as a real
 * child process, asserting the exact file, line and field reported and the exit status.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/validate.ts';
import type { CliIo } from '../../src/cli/args.ts';
import { readReadingList } from '../../src/content/content-files.ts';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
const validateScript = join(repo, 'src/cli/validate.ts');

function runValidate(contentDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(node, [validateScript, contentDir], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
  });
  return { status: result.status, lines: result.stdout.trimEnd().split('\n'), stderr: result.stderr };
}

const fixture = (name: string) => `tests/fixtures/invalid/${name}`;

/** [fixture, the one line validate must print for it]. */
const cases: [string, string][] = [
  ['missing-title', 'entries/alpha/no-title.md:1: title: is missing: add a line "title: …"'],
  [
    'non-http-url',
    'entries/alpha/script-link.md:3: url: must be an absolute http:// or https:// URL, like "https://example.com/post"',
  ],
  [
    'unknown-section',
    'entries/alpha/lost.md:4: section: no section "alpah" (there is no content/sections/alpah.md); did you mean "alpha"?',
  ],
  [
    'wrong-kind',
    'entries/alpha/odd-kind.md:5: kind: no group "framings" is declared; did you mean "framing"? The groups are "framing", "approach"',
  ],
  ['empty-quote', 'entries/alpha/blank-quote.md:8: quotes[1]: must not be empty'],
  ['impossible-date', 'entries/alpha/leap.md:6: added: must be a real date written YYYY-MM-DD, like "2024-05-31"'],
  ['unknown-key', 'entries/alpha/typo.md:6: qoutes: unknown field: did you mean "quotes"?'],
  [
    'duplicate-url',
    'entries/alpha/second.md:3: url: the same link is already in the list: tests/fixtures/invalid/duplicate-url/entries/alpha/first.md:3. Keep one of the two files',
  ],
  [
    'duplicate-slug',
    'entries/beta/same-name.md:1: file: the slug "same-name" is already used by tests/fixtures/invalid/duplicate-slug/entries/alpha/same-name.md: rename this file',
  ],
  [
    'folder-section',
    'entries/alpha/moved.md:4: section: is "beta" but the file is in tests/fixtures/invalid/folder-section/entries/alpha/: move the file to tests/fixtures/invalid/folder-section/entries/beta/ or set section: alpha',
  ],
  [
    'mdx-file',
    'entries/alpha/component.mdx:1: file: entries must be .md files: MDX can run code, so it is not accepted from contributors; rename it to .md',
  ],
  ['yaml-syntax', 'entries/alpha/unclosed.md:2: frontmatter: YAML syntax: Missing closing "quote'],
  [
    'no-frontmatter',
    'entries/alpha/plain.md:1: frontmatter: the file has no frontmatter: it must start with a line "---", the fields, then another "---"',
  ],
  ['tabs', 'entries/alpha/tabbed.md:7: frontmatter: YAML syntax: tabs are not allowed in frontmatter: indent with spaces'],
];

describe('validate on bad input', () => {
  it.each(cases)('%s: reports the exact file, line and field, and exits 1', (name, line) => {
    const result = runValidate(fixture(name));
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([`${fixture(name)}/${line}`, '✗ 1 problem in 1 file']);
  });

  it('prints GitHub annotations when GITHUB_ACTIONS=true', () => {
    const result = runValidate(fixture('unknown-key'), { GITHUB_ACTIONS: 'true' });
    expect(result.status).toBe(1);
    expect(result.lines[0]).toBe(
      `::error file=${fixture('unknown-key')}/entries/alpha/typo.md,line=6,title=qoutes::unknown field: did you mean "quotes"?`,
    );
    expect(result.lines[1]).toBe(
      `${fixture('unknown-key')}/entries/alpha/typo.md:6: qoutes: unknown field: did you mean "quotes"?`,
    );
  });
});

describe('validate on good input', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'commonplace-validate-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };
  const list = '---\ntitle: "List"\n---\n';
  const section = '---\ntitle: "Alpha"\nsummary: "Framing and Approaches"\norder: 1\n---\n';

  it('accepts the shipped content with a one-line summary of what it counted', () => {
    const files = readReadingList(join(repo, 'content'), repo);
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const result = runValidate('content');
    expect(result).toEqual({
      status: 0,
      lines: [`✓ ${count(files.entries.length, 'entry', 'entries')} in ${count(files.sections.length, 'section', 'sections')}`],
      stderr: '',
    });
  });

  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const root = write({
      'list.md': crlf(list),
      'sections/alpha.md': crlf(section),
      'entries/alpha/windows.md': crlf(
        '---\ntitle: "Saved on Windows"\nurl: "https://example.com/w"\nsection: alpha\nkind: approach\nquotes:\n  - "Line one."\n---\n\n- a note\n',
      ),
    });
    expect(runValidate(root)).toEqual({ status: 0, lines: ['✓ 1 entry in 1 section'], stderr: '' });
  });

  it('accepts markup in text: it is data, escaped on the page', () => {
    const root = write({
      'list.md': list,
      'sections/alpha.md': section,
      'entries/alpha/markup.md':
        '---\ntitle: "<script>alert(1)</script>"\nurl: "https://example.com/m"\nsection: alpha\nkind: framing\nquotes:\n  - "<img src=x onerror=alert(1)>"\n---\n',
    });
    expect(runValidate(root)).toEqual({ status: 0, lines: ['✓ 1 entry in 1 section'], stderr: '' });
  });

  it('lists every problem in every file at once, sorted, with a summary', () => {
    const root = write({
      'list.md': list,
      'sections/alpha.md': section,
      'entries/alpha/a.md': '---\ntitle: ""\nurl: "ftp://example.com"\nsection: alpha\nkind: framing\n---\n',
      'entries/alpha/b.md': '---\ntitle: "B"\nurl: "https://example.com/b"\nsection: alpha\nkind: how\n---\n',
    });
    const out: string[] = [];
    const io: CliIo = { cwd: root, env: {}, out: (line) => out.push(line), err: (line) => out.push(line) };
    expect(main(['.'], io)).toBe(1);
    expect(out).toEqual([
      'entries/alpha/a.md:2: title: must not be empty',
      'entries/alpha/a.md:3: url: must be an absolute http:// or https:// URL, like "https://example.com/post"',
      'entries/alpha/b.md:5: kind: no group "how" is declared; the groups are "framing", "approach"',
      '✗ 3 problems in 2 files',
    ]);
  });

  it('refuses a missing content folder and unknown flags', () => {
    const out: string[] = [];
    const io: CliIo = { cwd: repo, env: {}, out: (line) => out.push(line), err: (line) => out.push(line) };
    expect(main(['no-such-folder'], io)).toBe(1);
    expect(out).toEqual([`✗ no content folder at ${join(repo, 'no-such-folder')}`]);
    expect(main(['--nope'], io)).toBe(2);
  });
});
