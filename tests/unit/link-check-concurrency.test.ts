/** checkAll's bounds, measured by servers that count requests being answered at the same moment. */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAll } from '../../src/links/check-all.ts';
import { startTestServer, type Route, type TestServer } from '../support/test-server.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const fast = { timeoutMs: 2_000, retries: 0, sleep: async () => {} };

/** Routes /page-0 … /page-(n-1), each answering after `delayMs`, counting overlap in `shared`. */
function slowPages(count: number, delayMs: number, shared: { now: number; max: number }): Record<string, Route> {
  const answerLater = (response: ServerResponse) => {
    shared.now++;
    shared.max = Math.max(shared.max, shared.now);
    response.on('close', () => shared.now--);
    setTimeout(() => response.writeHead(200).end(), delayMs);
  };
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [`/page-${index}`, (_request, response) => answerLater(response)]),
  );
}

describe('checkAll', () => {
  it('keeps at most perHost requests in flight against one host', async () => {
    const shared = { now: 0, max: 0 };
    const server = await startTestServer(slowPages(10, 60, shared));
    servers.push(server);
    const urls = Array.from({ length: 10 }, (_, index) => server.url(`/page-${index}`));
    const results = await checkAll(urls, { ...fast, concurrency: 8, perHost: 2 });
    expect(results.map((result) => result.state)).toEqual(Array(10).fill('ok'));
    // Results keep the input order even though they finish in any order.
    expect(results.map((result) => result.url)).toEqual(urls);
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBe(2);
    expect(server.maxConnections).toBeLessThanOrEqual(3);
  });

  it('keeps at most `concurrency` in flight across hosts, while using it fully', async () => {
    const shared = { now: 0, max: 0 };
    const first = await startTestServer(slowPages(6, 60, shared));
    const second = await startTestServer(slowPages(6, 60, shared));
    servers.push(first, second);
    const urls = Array.from({ length: 6 }, (_, index) => [first.url(`/page-${index}`), second.url(`/page-${index}`)]).flat();
    const done: number[] = [];
    const results = await checkAll(urls, { ...fast, concurrency: 3, perHost: 2, onResult: (_result, count) => done.push(count) });
    expect(results.every((result) => result.state === 'ok')).toBe(true);
    expect(shared.max).toBe(3);
    expect(first.maxInFlight).toBeLessThanOrEqual(2);
    expect(second.maxInFlight).toBeLessThanOrEqual(2);
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
