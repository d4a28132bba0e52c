/** checkUrl against a real local server, one route per case; sleeps are recorded, not waited. */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl } from '../../src/links/check-url.ts';
import type { CheckOptions } from '../../src/links/types.ts';
import { answer, closedPort, redirect, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;

function dribble(status: number, response: ServerResponse): void {
  response.writeHead(status, { 'content-type': 'text/html' });
  response.flushHeaders();
  const timer = setInterval(() => response.write('.'), 100);
  const stop = setTimeout(() => response.end(), 5_000);
  response.on('close', () => {
    clearInterval(timer);
    clearTimeout(stop);
  });
}
const sleeps: number[] = [];
const NOW = Date.parse('2025-03-01T12:00:00Z');

/** Fast, deterministic options: short timeouts, sleeps recorded instead of waited. */
const fast = (extra: Partial<CheckOptions> = {}): Partial<CheckOptions> => ({
  timeoutMs: 300,
  retries: 2,
  backoffBaseMs: 100,
  maxWaitMs: 5_000,
  slowMs: 1_000,
  now: () => NOW,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer({
    '/ok': answer(200),
    '/moved': redirect(301, '/moved-again'),
    '/moved-again': redirect(302, '/final'),
    '/final': answer(200),
    '/perm-a': redirect(308, '/perm-b'),
    '/perm-b': redirect(301, '/perm-c'),
    '/perm-c': answer(200),
    '/temporary': redirect(307, '/final'),
    '/loop-a': redirect(302, '/loop-b'),
    '/loop-b': redirect(302, '/loop-a'),
    '/moved-to-gone': redirect(301, '/gone-404'),
    '/gone-404': answer(404),
    '/gone-410': answer(410),
    '/rate-limited': (_request, response, hits) =>
      hits === 0 ? response.writeHead(429, { 'retry-after': '2' }).end() : response.writeHead(200).end(),
    '/rate-limited-date': (_request, response, hits) =>
      hits === 0
        ? response.writeHead(429, { 'retry-after': new Date(NOW + 3_000).toUTCString() }).end()
        : response.writeHead(200).end(),
    '/rate-limited-long': (_request, response, hits) =>
      hits === 0 ? response.writeHead(429, { 'retry-after': '86400' }).end() : response.writeHead(200).end(),
    '/always-500': answer(500),
    '/once-503': (_request, response, hits) => response.writeHead(hits === 0 ? 503 : 200).end(),
    '/hang': () => {},
    '/no-head': (request, response) => response.writeHead(request.method === 'HEAD' ? 405 : 200).end(),
    '/no-head-404': (request, response) => response.writeHead(request.method === 'HEAD' ? 405 : 404).end(),
    '/head-lies': (request, response) => response.writeHead(request.method === 'HEAD' ? 404 : 206).end(),
    '/flaky-get-404': (request, response, hits) =>
      response.writeHead(request.method === 'HEAD' ? 501 : hits === 1 ? 404 : 200).end(),
    // Headers at once, then a byte every 100 ms for 5 s: only a checker that reads bodies waits.
    '/dribble': (request, response) => dribble(request.method === 'HEAD' ? 405 : 200, response),
    '/dribble-head': (_request, response) => dribble(200, response),
    '/slow-headers': (_request, response) => {
      setTimeout(() => response.writeHead(200).end(), 250);
    },
  });
});

afterAll(() => server.close());

describe('checkUrl', () => {
  it('reports a 200 as ok with one HEAD request', async () => {
    const result = await checkUrl(server.url('/ok'), fast());
    expect(result).toMatchObject({
      state: 'ok',
      httpStatus: 200,
      finalUrl: server.url('/ok'),
      redirects: [],
      requests: 1,
      slow: false,
    });
    expect(result.suggestedUrl).toBeUndefined();
    expect(server.requests.filter((seen) => seen.path === '/ok').map((seen) => seen.method)).toEqual(['HEAD']);
  });

  it('follows 301 → 302 → 200, reports the final URL and suggests the 301 target', async () => {
    const result = await checkUrl(server.url('/moved'), fast());
    expect(result.state).toBe('redirected');
    expect(result.finalUrl).toBe(server.url('/final'));
    // The 302 is temporary, so the entry should point where the 301 said, not at /final.
    expect(result.suggestedUrl).toBe(server.url('/moved-again'));
    expect(result.reason).toBe(`moved permanently: update url to ${server.url('/moved-again')}`);
    expect(result.redirects).toEqual([
      { url: server.url('/moved'), status: 301 },
      { url: server.url('/moved-again'), status: 302 },
    ]);
    expect(result.requests).toBe(3);
  });

  it('suggests the end of a run of permanent redirects', async () => {
    const result = await checkUrl(server.url('/perm-a'), fast());
    expect(result).toMatchObject({ state: 'redirected', suggestedUrl: server.url('/perm-c'), finalUrl: server.url('/perm-c') });
  });

  it('treats a temporary redirect to a working page as ok, with no suggestion', async () => {
    const result = await checkUrl(server.url('/temporary'), fast());
    expect(result).toMatchObject({ state: 'ok', finalUrl: server.url('/final'), reason: '200 OK after 1 redirect(s)' });
    expect(result.suggestedUrl).toBeUndefined();
  });

  it('reports a redirect loop as an error', async () => {
    const result = await checkUrl(server.url('/loop-a'), fast());
    expect(result.state).toBe('error');
    expect(result.reason).toBe(`redirect loop: ${server.url('/loop-a')} → ${server.url('/loop-b')} → ${server.url('/loop-a')}`);
    expect(result.requests).toBe(2);
  });

  it('stops after maxRedirects', async () => {
    const result = await checkUrl(server.url('/perm-a'), fast({ maxRedirects: 1 }));
    expect(result).toMatchObject({ state: 'error', reason: 'more than 1 redirects' });
  });

  it('calls a 404 dead only after HEAD and GET agree', async () => {
    const before = server.hitsOn('/gone-404');
    const result = await checkUrl(server.url('/gone-404'), fast());
    expect(result).toMatchObject({ state: 'dead', httpStatus: 404, reason: '404 Not Found', requests: 2 });
    expect(
      server.requests
        .filter((seen) => seen.path === '/gone-404')
        .slice(before)
        .map((seen) => seen.method),
    ).toEqual(['HEAD', 'GET']);
  });

  it('calls a 410 dead', async () => {
    const result = await checkUrl(server.url('/gone-410'), fast());
    expect(result).toMatchObject({ state: 'dead', httpStatus: 410, reason: '410 Gone' });
  });

  it('calls a permanent redirect to a 404 dead, reporting where it ended', async () => {
    const result = await checkUrl(server.url('/moved-to-gone'), fast());
    expect(result).toMatchObject({ state: 'dead', httpStatus: 404, finalUrl: server.url('/gone-404') });
    expect(result.suggestedUrl).toBeUndefined();
  });

  it('waits for Retry-After (seconds) on 429, then retries', async () => {
    sleeps.length = 0;
    const result = await checkUrl(server.url('/rate-limited'), fast());
    expect(result).toMatchObject({ state: 'ok', httpStatus: 200, requests: 2 });
    expect(sleeps).toEqual([2_000]);
    expect(server.hitsOn('/rate-limited', 'HEAD')).toBe(2);
  });

  it('waits for Retry-After given as an HTTP date', async () => {
    sleeps.length = 0;
    const result = await checkUrl(server.url('/rate-limited-date'), fast());
    expect(result.state).toBe('ok');
    expect(sleeps).toEqual([3_000]);
  });

  it('caps a long Retry-After at maxWaitMs', async () => {
    sleeps.length = 0;
    await checkUrl(server.url('/rate-limited-long'), fast());
    expect(sleeps).toEqual([5_000]);
  });

  it('retries a 503 with backoff and reports ok when it recovers', async () => {
    sleeps.length = 0;
    const result = await checkUrl(server.url('/once-503'), fast());
    expect(result).toMatchObject({ state: 'ok', requests: 2 });
    expect(sleeps).toEqual([100]);
  });

  it('reports a persistent 500 as an error (not dead) after retries with doubling backoff', async () => {
    sleeps.length = 0;
    const result = await checkUrl(server.url('/always-500'), fast());
    expect(result).toMatchObject({ state: 'error', httpStatus: 500, reason: '500 Internal Server Error' });
    // 3 HEADs, then GET (HEAD may be what breaks), 3 GETs.
    expect(result.requests).toBe(6);
    expect(sleeps).toEqual([100, 200, 100, 200]);
  });

  it('times out on a server that never answers, retrying once', async () => {
    const started = performance.now();
    const result = await checkUrl(server.url('/hang'), fast({ timeoutMs: 200, retries: 1 }));
    expect(result).toMatchObject({ state: 'error', reason: 'timed out after 200 ms', requests: 2 });
    expect(result.httpStatus).toBeUndefined();
    expect(server.hitsOn('/hang')).toBe(2);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reports a refused connection as an error', async () => {
    const port = await closedPort();
    sleeps.length = 0;
    const result = await checkUrl(`http://127.0.0.1:${port}/x`, fast());
    expect(result).toMatchObject({ state: 'error', reason: 'connection refused (ECONNREFUSED)', requests: 3 });
    expect(sleeps).toEqual([100, 200]);
  });

  it('falls back to a one-byte GET when HEAD is refused with 405', async () => {
    const before = server.hitsOn('/no-head');
    const result = await checkUrl(server.url('/no-head'), fast());
    expect(result).toMatchObject({ state: 'ok', httpStatus: 200, requests: 2 });
    const seen = server.requests.filter((request) => request.path === '/no-head').slice(before);
    expect(seen.map((request) => request.method)).toEqual(['HEAD', 'GET']);
    expect(seen[1]!.headers.range).toBe('bytes=0-0');
  });

  it('asks GET twice before calling a link dead that HEAD could not judge', async () => {
    sleeps.length = 0;
    const result = await checkUrl(server.url('/no-head-404'), fast());
    expect(result).toMatchObject({ state: 'dead', httpStatus: 404, requests: 3 });
    expect(sleeps).toEqual([100]);
  });

  it('does not call a link dead on one 404 when the next GET works', async () => {
    const result = await checkUrl(server.url('/flaky-get-404'), fast());
    expect(result).toMatchObject({ state: 'ok', httpStatus: 200 });
  });

  it('believes GET over a HEAD that says 404', async () => {
    const result = await checkUrl(server.url('/head-lies'), fast());
    expect(result).toMatchObject({ state: 'ok', httpStatus: 206 });
  });

  it('does not read a slow body: the GET fallback finishes as soon as headers arrive', async () => {
    const started = performance.now();
    const result = await checkUrl(server.url('/dribble'), fast({ timeoutMs: 2_000 }));
    expect(result).toMatchObject({ state: 'ok', httpStatus: 200, slow: false, requests: 2 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('does not wait for a HEAD response that never ends', async () => {
    const started = performance.now();
    const result = await checkUrl(server.url('/dribble-head'), fast({ timeoutMs: 2_000 }));
    expect(result).toMatchObject({ state: 'ok', httpStatus: 200, requests: 1 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reports headers that arrive after the slow threshold as slow', async () => {
    const result = await checkUrl(server.url('/slow-headers'), fast({ timeoutMs: 2_000, slowMs: 100 }));
    expect(result).toMatchObject({ state: 'ok', slow: true });
    expect(result.elapsedMs).toBeGreaterThanOrEqual(240);
    const quick = await checkUrl(server.url('/ok'), fast({ slowMs: 100 }));
    expect(quick.slow).toBe(false);
  });
});
