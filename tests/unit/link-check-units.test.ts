/** The checker's pure parts: Retry-After, backoff, DNS verdicts (fake transport), reports, statuses. */
import { describe, expect, it } from 'vitest';
import { checkUrl } from '../../src/links/check-url.ts';
import { nextStatus } from '../../src/links/entry-status.ts';
import { serialiseEntry } from '../../src/content/entry-file.ts';
import { looksOffline } from '../../src/links/offline.ts';
import { createProgress, renderBar } from '../../src/links/progress.ts';
import { buildJsonReport, renderMarkdown, renderSummary, type EntryResult } from '../../src/links/report.ts';
import { backoffMs, retryAfterMs } from '../../src/links/retry-after.ts';
import type { LinkResult, Probe, ProbeRequest } from '../../src/links/types.ts';
import { parseContentFile, isSyntaxError } from '../../src/content/frontmatter.ts';
import { entrySchema, type EntryData } from '../../src/schemas/content.ts';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('retryAfterMs', () => {
  it('reads delay-seconds', () => expect(retryAfterMs('5', NOW, 60_000)).toBe(5_000));
  it('reads an HTTP date', () => expect(retryAfterMs('Sat, 01 Mar 2025 12:00:30 GMT', NOW, 60_000)).toBe(30_000));
  it('treats a past date as no wait', () => expect(retryAfterMs('Sat, 01 Mar 2025 11:00:00 GMT', NOW, 60_000)).toBe(0));
  it('caps both forms', () => {
    expect(retryAfterMs('3600', NOW, 60_000)).toBe(60_000);
    expect(retryAfterMs('Sun, 02 Mar 2025 12:00:00 GMT', NOW, 60_000)).toBe(60_000);
  });
  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(null, NOW, 60_000)).toBeUndefined();
    expect(retryAfterMs('soon', NOW, 60_000)).toBeUndefined();
    expect(retryAfterMs('-5', NOW, 60_000)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 4].map((retry) => backoffMs(retry, 500, 3_000))).toEqual([500, 1_000, 2_000, 3_000, 3_000]);
  });
});

describe('checkUrl with a fake transport', () => {
  const failing =
    (code: string, seen: ProbeRequest[]): Probe =>
    async (request) => {
      seen.push(request);
      return { kind: 'network', code, message: `getaddrinfo ${code}`, elapsedMs: 1 };
    };
  const noSleep = async () => {};

  it('calls "no such host" dead, but only after asking twice even with retries 0', async () => {
    const seen: ProbeRequest[] = [];
    const result = await checkUrl('https://gone.example/post', { probe: failing('ENOTFOUND', seen), retries: 0, sleep: noSleep });
    expect(result).toMatchObject({ state: 'dead', reason: 'no such host (DNS lookup failed) (ENOTFOUND)', requests: 2 });
    expect(seen.map((request) => request.method)).toEqual(['HEAD', 'HEAD']);
  });

  it('calls a temporary DNS failure an error after the retries', async () => {
    const seen: ProbeRequest[] = [];
    const result = await checkUrl('https://flaky.example/post', {
      probe: failing('EAI_AGAIN', seen),
      retries: 2,
      sleep: noSleep,
    });
    expect(result).toMatchObject({ state: 'error', reason: 'DNS lookup failed temporarily (EAI_AGAIN)', requests: 3 });
  });

  it('sends a user agent and asks for one byte on GET', async () => {
    const seen: ProbeRequest[] = [];
    const probe: Probe = async (request) => {
      seen.push(request);
      return {
        kind: 'response',
        status: request.method === 'HEAD' ? 403 : 200,
        statusText: '',
        headers: new Headers(),
        elapsedMs: 3,
      };
    };
    const result = await checkUrl('https://example.com/a', { probe, userAgent: 'test-agent', timeoutMs: 1234 });
    expect(result).toMatchObject({ state: 'ok', httpStatus: 200, reason: '200' });
    expect(seen.map(({ method, headers, timeoutMs }) => [method, headers['user-agent'], headers.range, timeoutMs])).toEqual([
      ['HEAD', 'test-agent', undefined, 1234],
      ['GET', 'test-agent', 'bytes=0-0', 1234],
    ]);
  });

  it('reports a redirect to a non-web scheme as an error', async () => {
    const probe: Probe = async () => ({
      kind: 'response',
      status: 302,
      statusText: 'Found',
      headers: new Headers({ location: 'ftp://x.example/' }),
      elapsedMs: 1,
    });
    const result = await checkUrl('https://example.com/a', { probe });
    expect(result).toMatchObject({ state: 'error', reason: 'redirect to a non-web address: ftp://x.example/' });
  });
});

const result = (overrides: Partial<EntryResult>): EntryResult => ({
  id: 's/a',
  file: 'content/entries/s/a.md',
  url: 'https://a.example/post',
  state: 'ok',
  httpStatus: 200,
  finalUrl: 'https://a.example/post',
  redirects: [],
  reason: '200 OK',
  elapsedMs: 12,
  slow: false,
  requests: 1,
  ...overrides,
});

describe('reports', () => {
  const results = [
    result({}),
    result({
      id: 's/b',
      file: 'content/entries/s/b.md',
      url: 'https://b.example/x y',
      state: 'dead',
      httpStatus: 404,
      reason: '404 Not Found',
    }),
    result({
      id: 's/c',
      file: 'content/entries/s/c.md',
      url: 'https://c.example/old',
      state: 'redirected',
      suggestedUrl: 'https://c.example/new',
      finalUrl: 'https://c.example/new',
      redirects: [{ url: 'https://c.example/old', status: 301 }],
    }),
    result({
      id: 's/d',
      file: 'content/entries/s/d.md',
      url: 'https://d.example/',
      state: 'error',
      reason: 'timed out after 10000 ms',
    }),
    result({ id: 's/e', file: 'content/entries/s/e.md', url: 'https://e.example/', slow: true, elapsedMs: 6_500 }),
  ];
  const report = buildJsonReport(results, new Date('2025-03-01T12:00:00Z'));

  it('summarises every state and slow links', () => {
    expect(report.summary).toEqual({ total: 5, ok: 2, redirected: 1, dead: 1, error: 1, slow: 1 });
    expect(report.checkedAt).toBe('2025-03-01T12:00:00.000Z');
    expect(report).not.toHaveProperty('changedSince');
  });

  it('renders the Markdown report with a section per kind of problem', () => {
    expect(renderMarkdown(report)).toBe(
      [
        '# Link check report',
        '',
        'Checked 5 links on 2025-03-01: 2 ok, 1 redirected, 1 dead, 1 errors, 1 slow.',
        '',
        '## Dead (1)',
        '',
        '- `content/entries/s/b.md`: <https://b.example/x%20y>: `404 Not Found`',
        '',
        '## Redirected (1)',
        '',
        '- `content/entries/s/c.md`: <https://c.example/old>: update url to `https://c.example/new`',
        '',
        '## Slow (1)',
        '',
        '- `content/entries/s/e.md`: <https://e.example/>: 6500 ms',
        '',
        '## Errors (1)',
        '',
        '- `content/entries/s/d.md`: <https://d.example/>: `timed out after 10000 ms`',
        '',
        'Dead links stay in the list: run `npm run check:links -- --mark-dead` to mark them, so the site shows their archived copy.',
        '',
      ].join('\n'),
    );
  });

  it('says "None." for an empty section and names the base for --only-changed', () => {
    const markdown = renderMarkdown(buildJsonReport([result({})], new Date('2025-03-01T12:00:00Z'), 'origin/main'));
    expect(markdown).toContain('Checked 1 link (entries changed since `origin/main`) on 2025-03-01: 1 ok,');
    expect(markdown).toContain('## Dead (0)\n\nNone.\n');
  });

  it('prints a short summary with the problems', () => {
    expect(renderSummary(report)).toBe(
      [
        'checked 5 links: 2 ok, 1 redirected, 1 dead, 1 errors, 1 slow',
        '  dead: content/entries/s/b.md: https://b.example/x y: 404 Not Found',
        '  redirected: content/entries/s/c.md: update url to https://c.example/new',
        '  error: content/entries/s/d.md: https://d.example/: timed out after 10000 ms',
        '',
      ].join('\n'),
    );
  });
});

describe('entry status', () => {
  const data: EntryData = entrySchema.parse({
    title: 'A: "quoted"',
    url: 'https://a.example/',
    section: 's',
    kind: 'framing',
    tags: ['x'],
    quotes: ['q'],
  });
  const plain = result({}) as LinkResult;

  it('marks a dead link with today, keeps the first day it was found dead', () => {
    expect(nextStatus(undefined, { ...plain, state: 'dead' }, '2025-03-01')).toEqual({ state: 'dead', checked: '2025-03-01' });
    expect(nextStatus({ state: 'dead', checked: '2024-01-02' }, { ...plain, state: 'dead' }, '2025-03-01')).toEqual({
      state: 'dead',
      checked: '2024-01-02',
    });
  });

  it('clears a stale status when the link works, and leaves it on an error', () => {
    const stale = { state: 'dead', checked: '2024-01-02' } as const;
    expect(nextStatus(stale, plain, '2025-03-01')).toBeUndefined();
    expect(nextStatus(stale, { ...plain, state: 'redirected' }, '2025-03-01')).toBeUndefined();
    expect(nextStatus(stale, { ...plain, state: 'error' }, '2025-03-01')).toEqual(stale);
    expect(nextStatus(undefined, { ...plain, state: 'error' }, '2025-03-01')).toBeUndefined();
  });

  it('writes status last in the frontmatter, keeping the notes, and reads back the same data', () => {
    const text = serialiseEntry({ ...data, status: { state: 'dead', checked: '2025-03-01' } }, 'My notes.\n\n- one');
    expect(text).toBe(
      [
        '---',
        'title: "A: \\"quoted\\""',
        'url: "https://a.example/"',
        'section: s',
        'kind: framing',
        'tags:',
        '  - x',
        'quotes:',
        '  - "q"',
        'status:',
        '  state: dead',
        '  checked: 2025-03-01',
        '---',
        '',
        'My notes.',
        '',
        '- one',
        '',
      ].join('\n'),
    );
    const parsed = parseContentFile(text);
    if (isSyntaxError(parsed)) throw new Error(parsed.message);
    expect(entrySchema.parse(parsed.data)).toEqual({ ...data, status: { state: 'dead', checked: '2025-03-01' } });
  });

  it('writes no status when there is none', () => {
    expect(serialiseEntry(data, '')).not.toContain('status');
  });
});

describe('looksOffline', () => {
  const failed = (url: string) => ({ ...result({ url }), httpStatus: undefined as never, state: 'dead' as const });
  const withoutStatus = (url: string): LinkResult => {
    const { httpStatus: _unused, ...rest } = failed(url);
    return rest;
  };
  it('is true when links on three hosts all got no answer', () => {
    expect(looksOffline(['https://a.example/', 'https://b.example/', 'https://c.example/'].map(withoutStatus))).toBe(true);
  });
  it('is false when any server answered, or too few hosts were tried', () => {
    expect(
      looksOffline([...['https://a.example/', 'https://b.example/'].map(withoutStatus), result({ url: 'https://c.example/' })]),
    ).toBe(false);
    expect(looksOffline(['https://a.example/1', 'https://a.example/2', 'https://b.example/'].map(withoutStatus))).toBe(false);
  });
});

describe('progress', () => {
  it('draws a bar on a TTY and clears it at the end', () => {
    const written: string[] = [];
    const progress = createProgress({ isTTY: true, columns: 50, write: (text) => written.push(text) });
    progress.update(result({ state: 'dead' }), 1, 4);
    progress.finish();
    expect(written).toEqual(['\r\x1b[2K[###-------] 1/4 dead 1 errors 0', '\r\x1b[2K']);
    expect(renderBar(4, 4, 4)).toBe('[####]');
  });
  it('writes nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const progress = createProgress({ isTTY: false, write: (text) => written.push(text) });
    progress.update(result({}), 1, 1);
    progress.finish();
    expect(written).toEqual([]);
  });
});
