/**
 * check:quotes end to end over a temporary content folder pointing at a local server; and both
 * Markdown reports fed hostile server text (status texts, Location headers, page wording).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { runCheckLinks } from '../../src/links/cli.ts';
import { runCheckQuotes } from '../../src/links/quote-cli.ts';
import type { QuoteJsonReport } from '../../src/links/quote-report.ts';
import { entrySchema } from '../../src/schemas/content.ts';
import { liveParts } from '../support/markdown-safety.ts';
import { closedPort, startTestServer, type TestServer } from '../support/test-server.ts';

const CHECKED_AT = new Date('2025-03-01T12:00:00Z');
const HOSTILE = '[click](https://evil.example/) ![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> @admin #12 ```';

let server: TestServer;
/** Run when /typography-edited is fetched: a curator editing the entry while the check runs. */
let whileFetching: (() => void) | undefined;
const folders: string[] = [];

const article = (paragraphs: string) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body>${paragraphs}<p>${'Plenty of ordinary words to read here. '.repeat(30)}</p></body></html>`;

beforeAll(async () => {
  server = await startTestServer({
    '/typography': (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(article('<p>Don’t “ship” it — ever.</p><p>Frequent small changes over infrequent large changes.</p>')),
    '/typography-edited': (_request, response) => {
      whileFetching?.();
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(article('<p>Don’t “ship” it — ever.</p><p>Frequent small changes over infrequent large changes.</p>'));
    },
    '/hostile-page': (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          article(
            `<p>Quoted words then [click](https://evil.example/) ![pixel](https://evil.example/p.png) @admin #12 end of it.</p>`,
          ),
        ),
    '/hostile-status': (_request, response) => response.writeHead(403, HOSTILE).end(),
    '/hostile-redirect': (_request, response) => response.writeHead(302, { location: `http://[${HOSTILE}` }).end(),
    '/hostile-move': (_request, response) =>
      response.writeHead(301, { location: '/@admin/![pixel](https:/evil.example/p.png)' }).end(),
    '/@admin/![pixel](https:/evil.example/p.png)': (_request, response) => response.writeHead(200).end('moved'),
  });
});
afterAll(async () => {
  await server.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A hand-written entry: CRLF, comments, single quotes, flow tags, keys in no canonical order. */
const handWritten = (url: string) =>
  [
    '---',
    '# kept by hand',
    "title: 'Shipping, or not'   # a title",
    `url: ${url}`,
    'kind: framing',
    'section: reading',
    'quotes:',
    `  - 'Don''t "ship" it - ever.'  # typed on a phone`,
    '  - "Frequent small changes over infrequent large changes."',
    '  - Frequent small changes over rare large changes.',
    'tags: [shipping]',
    '---',
    '',
    'Notes.',
    '',
  ].join('\r\n');

function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'quote-check-'));
  folders.push(root);
  mkdirSync(join(root, 'content/sections'), { recursive: true });
  mkdirSync(join(root, 'content/entries/reading'), { recursive: true });
  writeFileSync(join(root, 'content/list.md'), serialiseList({ title: 'Test list' }));
  writeFileSync(
    join(root, 'content/sections/reading.md'),
    serialiseSection({ title: 'Reading', summary: 'Things to read', order: 1 }),
  );
  for (const [slug, text] of Object.entries(files)) writeFileSync(join(root, `content/entries/reading/${slug}.md`), text);
  return root;
}

const canonical = (path: string, quotes: string[]) =>
  serialiseEntry(entrySchema.parse({ title: path, url: server.url(path), section: 'reading', kind: 'approach', quotes }), '');

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const fast = { sleep: async () => {}, backoffBaseMs: 1, timeoutMs: 2_000, bodyTimeoutMs: 2_000 };
  return {
    out,
    err,
    io: {
      cwd,
      stdout: { write: (text: string) => out.push(text) },
      stderr: { isTTY: false, write: (text: string) => err.push(text) },
      now: () => CHECKED_AT,
      pageOptions: fast,
      checkOptions: fast,
    },
  };
}

describe('check-quotes (in process)', () => {
  it('reports every quote, and --fix-wording rewrites only the typographic one, keeping every other byte', async () => {
    const before = handWritten(server.url('/typography'));
    const root = makeProject({ shipping: before });
    const run = io(root);
    expect(await runCheckQuotes(['--json', 'out/q.json', '--markdown', 'out/q.md', '--fix-wording'], run.io)).toBe(0);

    const report = JSON.parse(readFileSync(join(root, 'out/q.json'), 'utf8')) as QuoteJsonReport;
    expect(report.summary).toEqual({ entries: 1, quotes: 3, found: 2, otherWording: 1, close: 1, notFound: 0, couldNotCheck: 0 });
    expect(report.entries[0]!.quotes.map((quote) => [quote.verdict, quote.fixWording])).toEqual([
      ['found', 'Don’t “ship” it — ever.'],
      ['found', undefined],
      ['close', undefined],
    ]);

    const after = readFileSync(join(root, 'content/entries/reading/shipping.md'), 'utf8');
    expect(after).toBe(before.replace(`'Don''t "ship" it - ever.'`, `'Don’t “ship” it — ever.'`));

    expect(run.out.join('')).toBe(
      [
        'checked 3 quotes from 1 entry: 2 found (1 in other wording), 1 close, 0 not found, 0 could not be checked',
        '  other wording: content/entries/reading/shipping.md quote 1: quotation marks: the page has "“ ”" where the quote has """; ' +
          `apostrophes: the page has "’" where the quote has "'"; dashes: the page has "—" where the quote has "-"`,
        '  close: content/entries/reading/shipping.md quote 3: words: the page has "infrequent" where the quote has "rare"',
        '  fixed wording: content/entries/reading/shipping.md (quote 1)',
        '',
      ].join('\n'),
    );
    const markdown = readFileSync(join(root, 'out/q.md'), 'utf8');
    expect(markdown).toContain(
      'Checked 3 quotes from 1 entry on 2025-03-01: 2 found (1 in other wording), 1 close, 0 not found, 0 could not be checked.',
    );
    expect(markdown).toContain(
      '## Found in other wording (1)\n\n- `content/entries/reading/shipping.md` quote 1: quotation marks:',
    );
    expect(markdown).toContain('The page says: `Frequent small changes over infrequent large changes.`');

    // A second run finds the fixed quote word for word, and has nothing left to rewrite.
    const again = io(root);
    expect(await runCheckQuotes(['--fix-wording'], again.io)).toBe(0);
    expect(again.out.join('')).toContain('2 found (0 in other wording)');
    expect(readFileSync(join(root, 'content/entries/reading/shipping.md'), 'utf8')).toBe(after);
  });

  it('--fix-wording reads the file again and leaves a quote edited during the check alone', async () => {
    const before = handWritten(server.url('/typography-edited'));
    const root = makeProject({ shipping: before });
    const file = join(root, 'content/entries/reading/shipping.md');
    const edited = before.replace(`'Don''t "ship" it - ever.'`, `'Never ship on a Friday.'`);
    whileFetching = () => writeFileSync(file, edited);
    const run = io(root);
    try {
      expect(await runCheckQuotes(['--fix-wording'], run.io)).toBe(0);
    } finally {
      whileFetching = undefined;
    }
    // The curator's edit stands: the checked quote's rewrite is not written over the new quote.
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(run.err.join('')).toContain(
      'check-quotes: could not fix the wording in content/entries/reading/shipping.md (edit it by hand): quote 1 changed since it was checked',
    );
    expect(run.out.join('')).not.toContain('fixed wording');
  });

  it('changes no file without --fix-wording', async () => {
    const before = handWritten(server.url('/typography'));
    const root = makeProject({ shipping: before });
    expect(await runCheckQuotes([], io(root).io)).toBe(0);
    expect(readFileSync(join(root, 'content/entries/reading/shipping.md'), 'utf8')).toBe(before);
  });

  it('checks only the entries changed against --base with --only-changed', async () => {
    const root = makeProject({
      kept: canonical('/typography', ['Don’t “ship” it — ever.']),
      edited: canonical('/exact-missing', ['x']),
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
        cwd: root,
        stdio: 'pipe',
      });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(root, 'content/entries/reading/edited.md'), canonical('/hostile-page', ['Quoted words then']));
    const run = io(root);
    expect(await runCheckQuotes(['--only-changed', '--base', 'HEAD', '--json', 'r.json'], run.io)).toBe(0);
    const report = JSON.parse(readFileSync(join(root, 'r.json'), 'utf8')) as QuoteJsonReport;
    expect(report.changedSince).toBe('HEAD');
    expect(report.entries.map((entry) => [entry.file, entry.quotes.map((quote) => quote.verdict)])).toEqual([
      ['content/entries/reading/edited.md', ['found']],
    ]);
    const bad = io(root);
    expect(await runCheckQuotes(['--only-changed', '--base', 'no-such-ref'], bad.io)).toBe(1);
    expect(bad.err.join('')).toContain('check-quotes: cannot list changed files against no-such-ref');
  });

  it('refuses to report or rewrite when no server answered at all (the network looks down)', async () => {
    const ports = [await closedPort(), await closedPort(), await closedPort()];
    const files = Object.fromEntries(
      ports.map((port, index) => [
        `host-${index}`,
        serialiseEntry(
          entrySchema.parse({
            title: `T${index}`,
            url: `http://127.0.0.1:${port}/x`,
            section: 'reading',
            kind: 'framing',
            quotes: ['q'],
          }),
        ),
      ]),
    );
    const root = makeProject(files);
    const run = io(root);
    expect(await runCheckQuotes(['--json', 'r.json', '--fix-wording'], run.io)).toBe(1);
    expect(run.err.join('')).toContain('the network looks down, so nothing was reported or rewritten');
    expect(existsSync(join(root, 'r.json'))).toBe(false);
  });

  it('exits 2 on bad arguments and 1 on invalid content', async () => {
    const root = makeProject({ plain: canonical('/typography', ['x']) });
    const bad = io(root);
    expect(await runCheckQuotes(['--max-bytes', '10'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('check-quotes: --max-bytes must be a whole number of at least 1024, not "10"');
    writeFileSync(join(root, 'content/entries/reading/plain.md'), '---\nurl: "not a url"\n---\n');
    const invalid = io(root);
    expect(await runCheckQuotes([], invalid.io)).toBe(1);
    expect(invalid.err.join('')).toContain('check-quotes: the content is invalid');
  });
});

describe('hostile server text reaches both Markdown reports escaped', () => {
  /** Only the entries' own URLs may be links; server text sits in code spans, literally. */
  function expectInert(markdown: string, entryUrls: string[]) {
    const parts = liveParts(markdown);
    expect(parts.links.sort()).toEqual(entryUrls.map((url) => new URL(url).href).sort());
    expect(parts.images).toEqual([]);
    expect(parts.html).toEqual([]);
    expect(parts.mentions).toEqual([]);
    return parts.code;
  }

  it('in the quote report: status texts, redirect targets and the page’s own wording', async () => {
    const root = makeProject({
      status: canonical('/hostile-status', ['Anything']),
      redirect: canonical('/hostile-redirect', ['Anything']),
      wording: canonical('/hostile-page', [
        'Quoted words then [click](https://evil.example/) ![pixel](https://evil.example/p.png) @admin #12 stop of it.',
      ]),
    });
    const run = io(root);
    expect(await runCheckQuotes(['--markdown', 'q.md', '--retries', '0'], run.io)).toBe(0);
    const markdown = readFileSync(join(root, 'q.md'), 'utf8');
    const code = expectInert(
      markdown,
      ['/hostile-status', '/hostile-redirect', '/hostile-page'].map((path) => server.url(path)),
    );
    expect(code).toContain(`403 ${HOSTILE}: the site refuses automated readers`);
    expect(code).toContain(`redirect to an invalid address: http://[${HOSTILE}`);
    expect(code).toContain(
      'Quoted words then [click](https://evil.example/) ![pixel](https://evil.example/p.png) @admin #12 end of it.',
    );
    const controls = [...run.out.join('')].filter((char) => char !== '\n' && char.charCodeAt(0) < 0x20);
    expect(controls).toEqual([]);
  });

  it('in the link report: status texts and Location headers, including where a link moved', async () => {
    const root = makeProject({
      status: canonical('/hostile-status', []),
      redirect: canonical('/hostile-redirect', []),
      move: canonical('/hostile-move', []),
    });
    const run = io(root);
    expect(await runCheckLinks(['--markdown', 'l.md', '--retries', '0'], run.io)).toBe(0);
    const markdown = readFileSync(join(root, 'l.md'), 'utf8');
    const code = expectInert(
      markdown,
      ['/hostile-status', '/hostile-redirect', '/hostile-move'].map((path) => server.url(path)),
    );
    expect(code).toContain(`403 ${HOSTILE}`);
    expect(code).toContain(`redirect to an invalid address: http://[${HOSTILE}`);
    expect(code).toContain(server.url('/@admin/![pixel](https:/evil.example/p.png)'));
  });
});
