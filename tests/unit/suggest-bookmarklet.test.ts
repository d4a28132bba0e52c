/**
 * The "Suggest this page" bookmarklet (src/scripts/suggest-this-page.ts): the form address it
 * builds, cutting a long passage, shell quoting for lists not on GitHub; where the build finds the
 * repository (src/site/bookmarklet.ts); and the issue body GitHub writes from the prefilled fields,
 * read by the suggestion parser into a valid entry with the quote word for word.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { declaredGroups, sectionGroupIds } from '../../src/content/list-shape.ts';
import { SUGGESTION_FIELDS } from '../../src/contributing/suggestion-form.ts';
import { suggestionFromIssue } from '../../src/contributing/suggestion.ts';
import {
  cutAtWord,
  ELLIPSIS,
  MAX_URL_LENGTH,
  newEntryCommand,
  shellQuote,
  suggestionUrl,
  suggestThisPage,
  withQuery,
} from '../../src/scripts/suggest-this-page.ts';
import { bookmarkletCode, parseRepository, siteRepository, suggestionFormUrl } from '../../src/site/bookmarklet.ts';
import { quoteField, readQuoteField } from '../../src/contributing/form-quotes.ts';

const repo = resolve(import.meta.dirname, '../..');
const FORM = 'https://github.com/example-owner/example-list/issues/new?template=suggest-a-link.yml';
/** A passage of 300 characters with what URLs and forms mangle: &, #, +, a newline, quotes, an emoji. */
const PASSAGE = (() => {
  const start = 'Fish & chips #1 + "quoted" \'single\' 100% ✓\nSecond line 😀 of the passage, ';
  let text = start;
  while (text.length < 300) text += 'words after words ';
  return text.slice(0, 300).replace(/\s+$/, 'x');
})();

describe('the form address', () => {
  it('carries url, title and quote so that each arrives exactly as given', () => {
    const page = { url: 'https://example.com/a?x=1&y=2#part', title: 'A & B + C #3 “quoted” 😀', quote: PASSAGE };
    const { url, cut } = suggestionUrl(FORM, page);
    expect(cut).toBe(false);
    const params = new URL(url).searchParams;
    expect(params.get('template')).toBe('suggest-a-link.yml');
    expect(params.get('url')).toBe(page.url);
    expect(params.get('title')).toBe(page.title);
    // Over two lines, so written as a quote block that the Quotes field reads as one quote.
    expect(params.get('quotes')).toBe(quoteField(PASSAGE));
    expect(readQuoteField(params.get('quotes')!)).toEqual([PASSAGE]);
    expect(params.get('notes')).toBeNull();
    // Nothing in the address a browser or GitHub would read as its end, a fragment or a space.
    expect(url.slice(url.indexOf('?'))).not.toMatch(/[\s#"+😀]|&(?!(?:url|title|quotes|notes)=)/u);
    expect(new URL(url).hash).toBe('');
  });
  it('leaves the quote out without a selection', () => {
    const params = new URL(suggestionUrl(FORM, { url: 'https://e.example/', title: 'T', quote: '' }).url).searchParams;
    expect(params.has('quotes')).toBe(false);
    expect(params.get('title')).toBe('T');
  });
  it('cuts a passage too long for an address after a whole word, with an ellipsis and a notice', () => {
    const words = Array.from({ length: 4000 }, (_, index) => `w${index}😀&#`).join(' ');
    const { url, cut } = suggestionUrl(FORM, { url: 'https://e.example/', title: 'T', quote: words });
    expect(cut).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    const params = new URL(url).searchParams;
    const quote = params.get('quotes')!;
    expect(quote.endsWith(ELLIPSIS)).toBe(true);
    const kept = quote.slice(0, -ELLIPSIS.length);
    expect(words.startsWith(kept)).toBe(true);
    expect(words[kept.length]).toBe(' ');
    expect(kept.length).toBeGreaterThan(MAX_URL_LENGTH / 4);
    expect(params.get('notes')).toMatch(
      new RegExp(
        `^The selected passage was ${Array.from(words).length.toLocaleString('en')} characters long, too long for a link`,
      ),
    );
  });
  it('cuts at a word, never inside an emoji, and inside a first word only when it must', () => {
    const fits = (limit: number) => (text: string) => text.length <= limit;
    expect(cutAtWord('one two three', fits(100))).toEqual({ text: 'one two three', cut: false });
    expect(cutAtWord('one two three', fits(9))).toEqual({ text: 'one two…', cut: true });
    expect(cutAtWord('one two three', fits(8))).toEqual({ text: 'one two…', cut: true });
    expect(cutAtWord('one two three', fits(7))).toEqual({ text: 'one…', cut: true });
    expect(cutAtWord('abcdefghij', fits(5))).toEqual({ text: 'abcd…', cut: true });
    expect(cutAtWord('😀😀😀😀😀😀', fits(7)).text).toBe('😀😀😀…');
  });
  it('adds fields to an address with or without a query already, leaving empty ones out', () => {
    expect(withQuery('https://x.example/new', { a: '1 2', b: '' })).toBe('https://x.example/new?a=1%202');
    expect(withQuery('https://x.example/new?t=f', { a: '&' })).toBe('https://x.example/new?t=f&a=%26');
  });
});

describe('lists not hosted on GitHub', () => {
  it('quote each argument as one shell word, whatever it holds', () => {
    const hostile = `it's $(rm -rf /) \`x\` "q" \\ ; | & > * ~ !\n😀`;
    expect(shellQuote(hostile)).toBe(`'it'\\''s $(rm -rf /) \`x\` "q" \\ ; | & > * ~ !\n😀'`);
    const command = newEntryCommand({ url: 'https://e.example/?a=1&b=2', title: hostile, quote: hostile });
    // sh reads the command's arguments back exactly.
    const echoed = spawnSync('sh', ['-c', `printf '%s\\0' ${command.replace(/^npm run new -- /, '')}`], { encoding: 'utf8' });
    expect(echoed.stdout.split('\0').slice(0, -1)).toEqual([
      '--url',
      'https://e.example/?a=1&b=2',
      '--title',
      hostile,
      '--quote',
      hostile,
    ]);
  });
  it('copies the command instead of opening a form, and leaves the quote out without a selection', async () => {
    const copied: string[] = [];
    const opened: string[] = [];
    const told: string[] = [];
    const document = {
      location: { href: 'https://e.example/post' },
      title: 'Post',
      querySelector: () => null,
    } as unknown as Document;
    const browser = {
      document,
      selection: '',
      open: (url: string) => opened.push(url),
      go: (url: string) => opened.push(url),
      copy: async (text: string) => void copied.push(text),
      tell: (message: string) => void told.push(message),
      show: () => undefined,
    };
    suggestThisPage({ form: null }, browser);
    await Promise.resolve();
    await Promise.resolve();
    expect(opened).toEqual([]);
    expect(copied).toEqual([`npm run new -- --url 'https://e.example/post' --title 'Post'`]);
    expect(told[0]).toMatch(/^Copied an "npm run new" command/);
    suggestThisPage({ form: FORM }, { ...browser, selection: '  a passage \r\n' });
    expect(new URL(opened[0]!).searchParams.get('quotes')).toBe('a passage');
  });
});

describe('where the build finds the repository', () => {
  it('reads npm’s shorthands, https, git+https and scp-like addresses', () => {
    const github = { host: 'github', owner: 'o', name: 'r' };
    for (const spec of [
      'o/r',
      'github:o/r',
      'https://github.com/o/r',
      'git+https://github.com/o/r.git',
      'git@github.com:o/r.git',
      { type: 'git', url: 'https://github.com/o/r.git' },
    ])
      expect(parseRepository(spec)).toEqual(github);
    expect(parseRepository('https://gitlab.com/o/r.git')).toEqual({ host: 'other', url: 'https://gitlab.com/o/r.git' });
    expect(parseRepository('gitlab:o/r')).toEqual({ host: 'other', url: 'gitlab:o/r' });
    expect(parseRepository('')).toBeUndefined();
    expect(parseRepository(42)).toBeUndefined();
  });
  it('takes COMMONPLACE_REPOSITORY first, then package.json, then the origin remote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'commonplace-repository-'));
    try {
      expect(siteRepository({ COMMONPLACE_REPOSITORY: 'a/b' }, dir)).toEqual({ host: 'github', owner: 'a', name: 'b' });
      expect(siteRepository({}, dir)).toBeUndefined();
      spawnSync('git', ['init', '-q'], { cwd: dir });
      spawnSync('git', ['remote', 'add', 'origin', 'git@github.com:from/remote.git'], { cwd: dir });
      expect(siteRepository({}, dir)).toEqual({ host: 'github', owner: 'from', name: 'remote' });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ repository: 'github:from/package' }));
      expect(siteRepository({}, dir)).toEqual({ host: 'github', owner: 'from', name: 'package' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('opens the form of a GitHub repository, and none elsewhere', () => {
    expect(suggestionFormUrl({ host: 'github', owner: 'o', name: 'r' })).toBe(
      'https://github.com/o/r/issues/new?template=suggest-a-link.yml',
    );
    expect(suggestionFormUrl({ host: 'other', url: 'https://gitlab.com/o/r' })).toBeNull();
    expect(suggestionFormUrl(undefined)).toBeNull();
  });
  it('compiles the module into one self-contained statement with the form baked in', () => {
    const code = bookmarkletCode({ form: FORM });
    expect(code).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/);
    expect(code).toContain(JSON.stringify(FORM).slice(1, -1));
    expect(code.length).toBeLessThan(4000);
  });
});

describe('the issue GitHub writes from the prefilled form', () => {
  /** The body of a submitted issue form: each field's label as `### Label`, its answer, `_No response_` for none. */
  function issueBody(answers: Partial<Record<keyof typeof SUGGESTION_FIELDS, string>>): string {
    return (Object.keys(SUGGESTION_FIELDS) as (keyof typeof SUGGESTION_FIELDS)[])
      .map((id) => `### ${SUGGESTION_FIELDS[id].label}\n\n${answers[id] ?? '_No response_'}`)
      .join('\n\n');
  }
  it('reads into a valid entry whose quote is the selected passage, word for word', () => {
    const project = mkdtempSync(join(tmpdir(), 'commonplace-bookmarklet-'));
    try {
      cpSync(join(repo, 'content'), join(project, 'content'), { recursive: true });
      const list = readReadingList(join(project, 'content'), project);
      const section = list.sections[0]!;
      const group = declaredGroups(list.list?.data).find((each) =>
        sectionGroupIds(section.data, declaredGroups(list.list?.data)).includes(each.id),
      );
      // Over two lines, with &, #, + and an emoji: one quote, word for word.
      const passage = PASSAGE;
      const page = { url: 'https://example.com/essay?a=1&b=2', title: 'An essay: & # + “quotes” 😀', quote: passage };
      const params = new URL(suggestionUrl(FORM, page).url).searchParams;
      const answers = {
        url: params.get('url')!,
        title: params.get('title')!,
        quotes: params.get('quotes')!,
        section: `${section.data.title} (${section.id})`,
        ...(group ? { kind: `${group.heading} (${group.id})` } : {}),
      };
      const body = issueBody(answers);
      const suggestion = suggestionFromIssue(body, list);
      expect(suggestion.problems).toEqual([]);
      expect(suggestion.answers).toMatchObject({ url: page.url, title: page.title, quotes: [passage] });
      // The whole body through `npm run suggestion`, as the workflow runs it.
      writeFileSync(join(project, 'issue.md'), body);
      const run = spawnSync(join(repo, 'node_modules/.bin/node'), [join(repo, 'src/cli/suggestion.ts'), 'issue.md'], {
        cwd: project,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const written = readReadingList(join(project, 'content'), project).entries.find((entry) => entry.data.url === page.url);
      expect(written?.data).toMatchObject({ title: page.title, quotes: [passage], section: section.id });
      expect(readFileSync(join(project, run.stdout.trim()), 'utf8')).toContain(page.title);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('the Quotes field', () => {
  it('reads each plain line as a quote and each run of "> " lines as one quote with its breaks', () => {
    expect(readQuoteField('One.\n\n> First line\n> second line\n>\n> 1) listed\nTwo.\r\n> Another')).toEqual([
      'One.',
      'First line\nsecond line\n\n1) listed',
      'Two.',
      'Another',
    ]);
  });
  it('writes a quote so that it reads back the same: a one-line quote as it is, others as a "> " block', () => {
    for (const quote of ['Plain & simple', 'Two\nlines', 'Para one.\n\nPara two.', '> starts with a marker', '😀 # + &']) {
      expect(readQuoteField(quoteField(quote))).toEqual([quote]);
    }
    expect(quoteField('Plain & simple')).toBe('Plain & simple');
  });
});
