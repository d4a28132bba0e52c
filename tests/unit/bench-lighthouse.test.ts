/**
 * The Lighthouse part of the benchmark without Lighthouse: which pages it audits, how it reports
 * them, and the compressed static server it audits them through.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lighthouseTable, pageKinds, type PageAudit } from '../bench/lighthouse.ts';
import { serveDirectory } from '../e2e/serve-dist.ts';

let site: string;
const page = (path: string, html = `<!doctype html><title>${path}</title>`) => {
  mkdirSync(join(site, path), { recursive: true });
  writeFileSync(join(site, path, 'index.html'), html);
};

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'commonplace-lighthouse-'));
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('pageKinds', () => {
  it('finds one page of each kind: the section and tag with most pages, their page 2, the first entry', () => {
    for (const path of ['', 'about', 'contribute', 'recent', 'search', 'tags', 'tags/sql', 'tags/dbt', 'tags/dbt/page/2'])
      page(path);
    for (const path of ['small', 'small/one', 'large', 'large/page/2', 'large/page/3', 'large/b-entry', 'large/a-entry'])
      page(path);
    mkdirSync(join(site, '_astro'));
    writeFileSync(join(site, '404.html'), '<!doctype html>');
    expect(pageKinds(site, 'kafka stream')).toEqual([
      { kind: 'home', path: '/' },
      { kind: 'section page', path: '/large/' },
      { kind: 'listing page 2', path: '/large/page/2/' },
      { kind: 'entry permalink', path: '/large/a-entry/' },
      { kind: 'tag index', path: '/tags/' },
      { kind: 'tag page', path: '/tags/dbt/' },
      { kind: 'tag page 2', path: '/tags/dbt/page/2/' },
      { kind: 'recent', path: '/recent/' },
      { kind: 'about', path: '/about/' },
      { kind: 'contribute', path: '/contribute/' },
      { kind: 'search', path: '/search/' },
      { kind: 'search with a query', path: '/search/?q=kafka%20stream' },
      { kind: '404 page', path: '/404.html' },
    ]);
  });

  it('leaves out the kinds a site does not have', () => {
    page('');
    page('only');
    page('only/entry');
    expect(pageKinds(site).map((kind) => kind.kind)).toEqual(['home', 'section page', 'entry permalink']);
  });
});

describe('lighthouseTable', () => {
  it('has a row per page with the four scores, each run’s performance and what was below full marks', () => {
    const audits: PageAudit[] = [
      {
        kind: 'home',
        path: '/',
        scores: { performance: 100, accessibility: 96, 'best-practices': 100, seo: null },
        failing: ['target-size'],
        metrics: { totalBlockingTime: '0 ms', largestContentfulPaint: '1.3 s', cumulativeLayoutShift: '0' },
        performanceRuns: [98, 100, 100],
      },
    ];
    expect(lighthouseTable(audits).split('\n')[2]).toBe(
      '| home | `/` | 100 | 96 | 100 | – | 98, 100, 100 | 0 ms | 0 | target-size |',
    );
  });
});

describe('serveDirectory with compress', () => {
  it('sends text brotli- or gzip-encoded as the browser accepts, and as it is otherwise', async () => {
    const html = `<!doctype html><p>${'a passage copied word for word '.repeat(50)}</p>`;
    page('', html);
    const server = serveDirectory(site, 0, '/', { compress: true });
    await new Promise<void>((ready) => server.once('listening', ready));
    const port = (server.address() as AddressInfo).port;
    // node:http leaves the body as it came over the wire (fetch would decode it).
    const get = (encoding: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((done, fail) => {
        request({ host: '127.0.0.1', port, path: '/', headers: { 'accept-encoding': encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
          .on('error', fail)
          .end();
      });
    try {
      const plain = await get('identity');
      expect(plain.encoding).toBeUndefined();
      expect(plain.body.toString()).toBe(html);
      const br = await get('gzip, deflate, br');
      expect(br.encoding).toBe('br');
      expect(br.body.length).toBeLessThan(html.length / 4);
      expect(brotliDecompressSync(br.body).toString()).toBe(html);
      const gzip = await get('gzip');
      expect(gzip.encoding).toBe('gzip');
      expect(gunzipSync(gzip.body).toString()).toBe(html);
    } finally {
      server.close();
    }
  });
});
