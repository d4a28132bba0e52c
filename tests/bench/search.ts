/**
 * Search as a reader meets it: the built site served over HTTP on 127.0.0.1 by a small static server
 * (gzip for text types when the browser asks for it, as GitHub Pages and most hosts do; Pagefind's
 * index files are already compressed and sent as they are), driven by headless Chromium.
 *
 * Bytes are what came over the wire for each finished request (Playwright's request.sizes(): the
 * encoded response body plus response headers), for the page and its workers. Time to first results runs from the
 * `input` event of the query (typed as one insertion into an empty, focused box) to the moment the
 * first `[role=option]` is added to `#site-search-results` (a MutationObserver in the page), so it
 * includes loading the search code, Pagefind, its WebAssembly and index, and the search box's
 * 120 ms debounce.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

export function serveStatic(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = extname(path);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'max-age=600',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(path).pipe(createGzip()).pipe(response);
    } else {
      response.writeHead(200, { ...headers, 'content-length': String(statSync(path).size) });
      createReadStream(path).pipe(response);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

export interface Transfer {
  requests: number;
  bytes: number;
  /** Bytes by kind: js, wasm, index (pagefind index/meta/filter chunks), fragment, other. */
  byKind: Record<string, number>;
}
export interface SearchStats {
  queries: [string, string];
  /** The home page and what it loads before the search box is used. */
  pageLoad: Transfer & { jsBytes: number };
  first: Transfer & { msToResults: number; results: number };
  second: Transfer & { msToResults: number; results: number };
}

const kindOf = (address: string, url = address.split(/[?#]/)[0]!) =>
  /\.wasm|wasm\.[a-z-]+\.pagefind$/.test(url)
    ? 'wasm'
    : /\.pf_fragment$/.test(url)
      ? 'fragment'
      : /\.pf_(index|meta|filter)$|pagefind-entry\.json$/.test(url)
        ? 'index'
        : /\.m?js(\?|$)/.test(url)
          ? 'js'
          : 'other';

export async function measureSearch(root: string, queries: [string, string]): Promise<SearchStats> {
  const { server, origin } = await serveStatic(root);
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Playwright's request events cover the page and its workers (Pagefind 1.6 fetches its WebAssembly,
    // index and fragments from a Web Worker, which a page-level CDP Network session does not see).
    let current: Transfer = { requests: 0, bytes: 0, byKind: {} };
    let pending: Promise<void>[] = [];
    context.on('requestfinished', (request) => {
      const bucket = current;
      pending.push(
        request.sizes().then(
          (sizes) => {
            const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
            const kind = kindOf(request.url());
            bucket.requests++;
            bucket.bytes += bytes;
            bucket.byKind[kind] = (bucket.byKind[kind] ?? 0) + bytes;
          },
          () => undefined,
        ),
      );
    });
    const take = async () => {
      await Promise.all(pending);
      pending = [];
      const taken = current;
      current = { requests: 0, bytes: 0, byKind: {} };
      return taken;
    };

    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    const load = await take();
    const pageLoad = { ...load, jsBytes: load.byKind.js ?? 0 };

    const query = async (text: string) => {
      await page.evaluate(() => {
        const list = document.querySelector('#site-search-results')!;
        const input = document.querySelector<HTMLInputElement>('#site-search')!;
        const w = window as unknown as { __bench: { start: number; first: number } };
        w.__bench = { start: 0, first: 0 };
        input.addEventListener('input', () => (w.__bench.start ||= performance.now()), { capture: true, once: true });
        new MutationObserver((_, observer) => {
          if (list.querySelector('[role=option]')) {
            w.__bench.first = performance.now();
            observer.disconnect();
          }
        }).observe(list, { childList: true, subtree: true });
      });
      await page.focus('#site-search');
      await page.keyboard.insertText(text);
      await page.waitForFunction(() => (window as unknown as { __bench: { first: number } }).__bench.first > 0, undefined, {
        timeout: 60_000,
      });
      // Let the rest of the result fragments finish loading before counting bytes.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const timing = await page.evaluate(() => {
        const w = window as unknown as { __bench: { start: number; first: number } };
        return {
          ms: w.__bench.first - w.__bench.start,
          results: document.querySelectorAll('#site-search-results [role=option]').length,
        };
      });
      return { ...(await take()), msToResults: timing.ms, results: timing.results };
    };

    const first = await query(queries[0]);
    // Clear the box (its results go away), then the second query in the same page.
    await page.fill('#site-search', '');
    await page.waitForTimeout(200);
    await take();
    const second = await query(queries[1]);
    await context.close();
    return { queries, pageLoad, first, second };
  } finally {
    await browser.close();
    server.close();
  }
}
