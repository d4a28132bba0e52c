/** The check-links command end to end over a temporary content folder pointing at a local server. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { runCheckLinks } from '../../src/links/cli.ts';
import type { JsonReport } from '../../src/links/report.ts';
import { entrySchema, type EntryData } from '../../src/schemas/content.ts';
import { answer, closedPort, redirect, startTestServer, type TestServer } from '../support/test-server.ts';

const REPO = resolve(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'src/cli/check-links.ts');
const CHECKED_AT = new Date('2025-03-01T12:00:00Z');

let server: TestServer;
const folders: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    '/alive': answer(200),
    '/gone': answer(404),
    '/old': redirect(301, '/new'),
    '/new': answer(200),
    '/back': answer(200),
    '/broken': answer(500),
  });
});
afterAll(async () => {
  await server.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const entry = (slug: string, path: string, extra: Partial<EntryData> = {}): [string, EntryData] => [
  slug,
  entrySchema.parse({ title: `Title of ${slug}`, url: server.url(path), section: 'reading', kind: 'approach', ...extra }),
];

/** A project folder with content/ holding five entries, one per outcome. */
function makeProject(entries = defaultEntries()): string {
  const root = mkdtempSync(join(tmpdir(), 'link-check-'));
  folders.push(root);
  mkdirSync(join(root, 'content/sections'), { recursive: true });
  mkdirSync(join(root, 'content/entries/reading'), { recursive: true });
  writeFileSync(join(root, 'content/list.md'), serialiseList({ title: 'Test list' }));
  writeFileSync(
    join(root, 'content/sections/reading.md'),
    serialiseSection({ title: 'Reading', summary: 'Things to read', order: 1 }),
  );
  for (const [slug, data] of entries) writeFileSync(entryPath(root, slug), serialiseEntry(data, `Notes on ${slug}.`));
  return root;
}

function defaultEntries(): [string, EntryData][] {
  return [
    entry('alive', '/alive', { order: 1, tags: ['kept'], quotes: ['A passage.'] }),
    entry('gone', '/gone', { order: 2, added: '2024-05-01', quotes: ['Gone but quoted.'] }),
    entry('moved', '/old'),
    entry('back', '/back', { status: { state: 'dead', checked: '2024-01-01' } }),
    entry('broken', '/broken', { status: { state: 'dead', checked: '2024-02-02' } }),
  ];
}

const entryPath = (root: string, slug: string) => join(root, 'content/entries/reading', `${slug}.md`);

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      cwd,
      stdout: { write: (text: string) => out.push(text) },
      stderr: { isTTY: false, write: (text: string) => err.push(text) },
      now: () => CHECKED_AT,
      checkOptions: { sleep: async () => {}, backoffBaseMs: 1, timeoutMs: 2_000 },
    },
  };
}

describe('check-links (in process)', () => {
  it('writes the JSON and Markdown reports and marks only the dead entry', async () => {
    const root = makeProject();
    const before = Object.fromEntries(
      ['alive', 'gone', 'moved', 'back', 'broken'].map((slug) => [slug, readFileSync(entryPath(root, slug), 'utf8')]),
    );
    const run = io(root);
    const code = await runCheckLinks(['--json', 'out/report.json', '--markdown', 'out/report.md', '--mark-dead'], run.io);
    expect(code).toBe(0);

    const report = JSON.parse(readFileSync(join(root, 'out/report.json'), 'utf8')) as JsonReport;
    expect(report.checkedAt).toBe('2025-03-01T12:00:00.000Z');
    expect(report.summary).toEqual({ total: 5, ok: 2, redirected: 1, dead: 1, error: 1, slow: 0 });
    expect(report.results.map((result) => [result.file, result.state, result.httpStatus])).toEqual([
      ['content/entries/reading/alive.md', 'ok', 200],
      ['content/entries/reading/back.md', 'ok', 200],
      ['content/entries/reading/broken.md', 'error', 500],
      ['content/entries/reading/gone.md', 'dead', 404],
      ['content/entries/reading/moved.md', 'redirected', 200],
    ]);
    expect(report.results[4]).toMatchObject({
      id: 'reading/moved',
      suggestedUrl: server.url('/new'),
      finalUrl: server.url('/new'),
    });

    const markdown = readFileSync(join(root, 'out/report.md'), 'utf8');
    expect(markdown).toContain('Checked 5 links on 2025-03-01: 2 ok, 1 redirected, 1 dead, 1 errors, 0 slow.');
    expect(markdown).toContain(
      `## Dead (1)\n\n- \`content/entries/reading/gone.md\`: <${server.url('/gone')}>: \`404 Not Found\`\n`,
    );
    expect(markdown).toContain(
      `## Redirected (1)\n\n- \`content/entries/reading/moved.md\`: <${server.url('/old')}>: update url to \`${server.url('/new')}\`\n`,
    );
    expect(markdown).toContain('## Slow (0)\n\nNone.\n');
    expect(markdown).toContain(
      `## Errors (1)\n\n- \`content/entries/reading/broken.md\`: <${server.url('/broken')}>: \`500 Internal Server Error\`\n`,
    );

    expect(run.out.join('')).toBe(
      [
        'checked 5 links: 2 ok, 1 redirected, 1 dead, 1 errors, 0 slow',
        `  error: content/entries/reading/broken.md: ${server.url('/broken')}: 500 Internal Server Error`,
        `  dead: content/entries/reading/gone.md: ${server.url('/gone')}: 404 Not Found`,
        `  redirected: content/entries/reading/moved.md: update url to ${server.url('/new')}`,
        '  cleared status: content/entries/reading/back.md',
        '  marked dead: content/entries/reading/gone.md',
        '',
      ].join('\n'),
    );
    expect(run.err).toEqual([]);

    // The dead entry gains its status, with everything else (order, quotes, notes) kept.
    const [, goneData] = defaultEntries()[1]!;
    expect(readFileSync(entryPath(root, 'gone'), 'utf8')).toBe(
      serialiseEntry({ ...goneData, status: { state: 'dead', checked: '2025-03-01' } }, 'Notes on gone.'),
    );
    expect(readFileSync(entryPath(root, 'gone'), 'utf8')).toContain(
      'status:\n  state: dead\n  checked: 2025-03-01\n---\n\nNotes on gone.\n',
    );
    // A link that works again loses its stale status; nothing else is rewritten.
    const [, backData] = defaultEntries()[3]!;
    const { status: _stale, ...backWithoutStatus } = backData;
    expect(readFileSync(entryPath(root, 'back'), 'utf8')).toBe(serialiseEntry(backWithoutStatus, 'Notes on back.'));
    for (const slug of ['alive', 'moved', 'broken']) expect(readFileSync(entryPath(root, slug), 'utf8')).toBe(before[slug]);

    const reread = readReadingList(join(root, 'content'), root);
    expect(reread.problems).toEqual([]);
    expect(Object.fromEntries(reread.entries.map((item) => [item.slug, item.data.status]))).toEqual({
      alive: undefined,
      back: undefined,
      broken: { state: 'dead', checked: '2024-02-02' },
      gone: { state: 'dead', checked: '2025-03-01' },
      moved: undefined,
    });
    expect(reread.entries.find((item) => item.slug === 'gone')!.body.trim()).toBe('Notes on gone.');
  });

  it('changes no file without --mark-dead', async () => {
    const root = makeProject();
    const before = readFileSync(entryPath(root, 'gone'), 'utf8');
    expect(await runCheckLinks([], io(root).io)).toBe(0);
    expect(readFileSync(entryPath(root, 'gone'), 'utf8')).toBe(before);
  });

  it('checks only the entries changed against --base with --only-changed', async () => {
    const root = makeProject();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
        cwd: root,
        stdio: 'pipe',
      });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const [, goneData] = defaultEntries()[1]!;
    writeFileSync(entryPath(root, 'gone'), serialiseEntry({ ...goneData, title: 'Retitled' }, 'Notes on gone.'));
    writeFileSync(entryPath(root, 'fresh'), serialiseEntry(entry('fresh', '/alive2')[1], ''));

    const run = io(root);
    expect(await runCheckLinks(['--only-changed', '--base', 'HEAD', '--json', 'r.json'], run.io)).toBe(0);
    const report = JSON.parse(readFileSync(join(root, 'r.json'), 'utf8')) as JsonReport;
    expect(report.changedSince).toBe('HEAD');
    expect(report.results.map((result) => [result.file, result.state])).toEqual([
      ['content/entries/reading/fresh.md', 'dead'],
      ['content/entries/reading/gone.md', 'dead'],
    ]);

    const bad = io(root);
    expect(await runCheckLinks(['--only-changed', '--base', 'no-such-ref'], bad.io)).toBe(1);
    expect(bad.err.join('')).toContain('check-links: cannot list changed files against no-such-ref');
  });

  it('refuses to report when no server answered at all (the network looks down)', async () => {
    const ports = [await closedPort(), await closedPort(), await closedPort()];
    const root = makeProject(
      ports.map((port, index) => [
        `host-${index}`,
        entrySchema.parse({ title: `T${index}`, url: `http://127.0.0.1:${port}/x`, section: 'reading', kind: 'framing' }),
      ]),
    );
    const run = io(root);
    expect(await runCheckLinks(['--json', 'r.json', '--mark-dead'], run.io)).toBe(1);
    expect(run.err.join('')).toContain('the network looks down, so nothing was reported or marked');
    expect(existsSync(join(root, 'r.json'))).toBe(false);
  });
});

describe('check-links (as a command)', () => {
  /** Async on purpose: the test server lives in this process and must keep answering. */
  const runCommand = (cwd: string, args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(NODE, [CLI, ...args], { cwd, timeout: 20_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });

  it('exits 0 with dead links and prints the summary', async () => {
    const root = makeProject();
    const result = await runCommand(root, ['--retries', '0', '--markdown', 'report.md']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('checked 5 links: 2 ok, 1 redirected, 1 dead, 1 errors, 0 slow');
    expect(readFileSync(join(root, 'report.md'), 'utf8')).toContain('## Dead (1)');
  }, 15_000);

  it('exits 2 on bad arguments and 1 on invalid content', async () => {
    const root = makeProject();
    const bad = await runCommand(root, ['--retries', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('check-links: --retries must be a whole number of at least 0, not "many"');
    expect((await runCommand(root, ['--base', 'x'])).status).toBe(2);

    writeFileSync(entryPath(root, 'broken'), '---\nurl: "not a url"\n---\n');
    const invalid = await runCommand(root, []);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('check-links: the content is invalid');
    expect(invalid.stderr).toContain('content/entries/reading/broken.md:');
  }, 20_000);
});
