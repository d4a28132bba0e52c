/**
 * Search as a reader meets it: the built site served over HTTP on 127.0.0.1 by a small static server
 * (gzip for text types when the browser asks for it, as GitHub Pages and most hosts do; Pagefind's
 * index files are already compressed and sent as they are), driven by headless Chromium.
 *
 * Bytes are what came over the wire for each finished request, for the page and its workers: the
 * encoded body as the server wrote it (Chromium reports none for a worker's own script) plus the
 * response headers (Playwright's request.sizes()). Time to first results runs from the
 * `input` event of the query (typed as one insertion into an empty, focused box) to the moment the
 * first `[role=option]` is added to `#site-search-results` (a MutationObserver in the page), so it
 * includes loading the search code, Pagefind, its WebAssembly and index, and the search box's
 * 120 ms debounce. The search page (/search/) is measured too, in a fresh browser context: what it
 * loads before a query, then its first query.
 *
 *   node tests/bench/search.ts <built site> [first query] [second query]   # each request, file by file
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright';
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

/**
 * The body bytes the server sent, by request URL (path and query), oldest first. Chromium does not
 * report a body size for a worker's own script (Playwright says 0 for pagefind-worker.js), so the
 * bench counts bodies here, where every response is written.
 */
export type SentBodies = Map<string, number[]>;

export function serveStatic(root: string): Promise<{ server: Server; origin: string; sent: SentBodies }> {
  const sent: SentBodies = new Map();
  const server = createServer((request, response) => {
    const counted = new PassThrough();
    let bodyBytes = 0;
    counted.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    counted.pipe(response);
    response.on('finish', () => {
      const key = request.url ?? '/';
      sent.set(key, [...(sent.get(key) ?? []), bodyBytes]);
    });
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
      createReadStream(path).pipe(createGzip()).pipe(counted);
    } else {
      response.writeHead(200, { ...headers, 'content-length': String(statSync(path).size) });
      createReadStream(path).pipe(counted);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent }),
    );
  });
}

export interface Transfer {
  requests: number;
  bytes: number;
  /** Bytes by kind: js, wasm, index (pagefind index/meta/filter chunks), fragment, other. */
  byKind: Record<string, number>;
  /** Each request: its path (without the query), kind and bytes, in the order they finished. */
  files: { path: string; kind: string; bytes: number }[];
}
export interface SearchStats {
  queries: [string, string];
  /** The home page and what it loads before the search box is used. */
  pageLoad: Transfer & { jsBytes: number };
  first: Transfer & { msToResults: number; results: number };
  second: Transfer & { msToResults: number; results: number };
  /** The search page (/search/): what it loads before a query, then its first query. */
  searchPage?: { pageLoad: Transfer; first: Transfer & { msToResults: number; results: number } };
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

/** Counts what each finished request of a browser context transferred, in buckets taken in turn. */
function recorder(context: BrowserContext, sent: SentBodies) {
  const empty = (): Transfer => ({ requests: 0, bytes: 0, byKind: {}, files: [] });
  let current = empty();
  let pending: Promise<void>[] = [];
  // Playwright's request events cover the page and its workers (Pagefind 1.6 fetches its WebAssembly,
  // index and fragments from a Web Worker, which a page-level CDP Network session does not see).
  context.on('requestfinished', (request) => {
    const bucket = current;
    pending.push(
      request.sizes().then(
        async (sizes) => {
          const url = new URL(request.url());
          const key = `${url.pathname}${url.search}`;
          // The server finished writing before the browser finished reading; wait briefly all the same.
          for (let wait = 0; !sent.get(key)?.length && wait < 50; wait++) await new Promise((done) => setTimeout(done, 20));
          const body = sent.get(key)?.shift() ?? sizes.responseBodySize;
          const bytes = body + sizes.responseHeadersSize;
          const kind = kindOf(request.url());
          bucket.requests++;
          bucket.bytes += bytes;
          bucket.byKind[kind] = (bucket.byKind[kind] ?? 0) + bytes;
          bucket.files.push({ path: url.pathname, kind, bytes });
        },
        () => undefined,
      ),
    );
  });
  return async () => {
    await Promise.all(pending);
    pending = [];
    const taken = current;
    current = empty();
    return taken;
  };
}

/** Types `text` into `input` and waits for the first `item` in `list`; what that transferred and took. */
async function query(page: Page, take: () => Promise<Transfer>, text: string, input: string, list: string, item: string) {
  await page.evaluate(
    ({ input, list, item }) => {
      const results = document.querySelector(list)!;
      const box = document.querySelector<HTMLInputElement>(input)!;
      const w = window as unknown as { __bench: { start: number; first: number } };
      w.__bench = { start: 0, first: 0 };
      box.addEventListener('input', () => (w.__bench.start ||= performance.now()), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (results.querySelector(item)) {
          w.__bench.first = performance.now();
          observer.disconnect();
        }
      }).observe(results, { childList: true, subtree: true });
    },
    { input, list, item },
  );
  await page.focus(input);
  await page.keyboard.insertText(text);
  await page.waitForFunction(() => (window as unknown as { __bench: { first: number } }).__bench.first > 0, undefined, {
    timeout: 60_000,
  });
  // Let the rest of the result fragments finish loading before counting bytes.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const timing = await page.evaluate(
    ({ list, item }) => {
      const w = window as unknown as { __bench: { start: number; first: number } };
      return { ms: w.__bench.first - w.__bench.start, results: document.querySelectorAll(`${list} ${item}`).length };
    },
    { list, item },
  );
  return { ...(await take()), msToResults: timing.ms, results: timing.results };
}

export async function measureSearch(root: string, queries: [string, string]): Promise<SearchStats> {
  const { server, origin, sent } = await serveStatic(root);
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  try {
    const context = await browser.newContext();
    const take = recorder(context, sent);
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    const load = await take();
    const pageLoad = { ...load, jsBytes: load.byKind.js ?? 0 };

    const boxQuery = (text: string) => query(page, take, text, '#site-search', '#site-search-results', '[role=option]');
    const first = await boxQuery(queries[0]);
    // Clear the box (its results go away), then the second query in the same page.
    await page.fill('#site-search', '');
    await page.waitForTimeout(200);
    await take();
    const second = await boxQuery(queries[1]);
    await context.close();

    // The search page, in a fresh context (nothing cached): what it loads at start, then its first query.
    const searchContext = await browser.newContext();
    const takeSearch = recorder(searchContext, sent);
    const searchPage = await searchContext.newPage();
    await searchPage.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
    await searchPage.waitForTimeout(300);
    const searchLoad = await takeSearch();
    const searchFirst = await query(searchPage, takeSearch, queries[0], '#search-query', '[data-search-results]', 'li');
    await searchContext.close();
    return { queries, pageLoad, first, second, searchPage: { pageLoad: searchLoad, first: searchFirst } };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Each request of a transfer, one line each, with the total. */
export function describeTransfer(label: string, transfer: Transfer): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  return [
    `${label}: ${kb(transfer.bytes)} in ${transfer.requests} requests`,
    ...transfer.files.map((file) => `  ${kb(file.bytes).padStart(9)}  ${file.kind.padEnd(8)} ${file.path}`),
  ].join('\n');
}

// `node tests/bench/search.ts <built site> [query] [query]`: what each step of a search transfers, file by file.
if (import.meta.main) {
  const [root, one = 'pipeline', two = 'kafka'] = process.argv.slice(2);
  if (!root) throw new Error('usage: node tests/bench/search.ts <built site folder> [first query] [second query]');
  const stats = await measureSearch(resolve(root), [one, two]);
  console.log(
    [
      describeTransfer('home page load', stats.pageLoad),
      describeTransfer(`search box, first query “${one}” (${Math.round(stats.first.msToResults)} ms)`, stats.first),
      describeTransfer(`search box, second query “${two}” (${Math.round(stats.second.msToResults)} ms)`, stats.second),
      ...(stats.searchPage
        ? [
            describeTransfer('search page load', stats.searchPage.pageLoad),
            describeTransfer(
              `search page, first query “${one}” (${Math.round(stats.searchPage.first.msToResults)} ms)`,
              stats.searchPage.first,
            ),
          ]
        : []),
    ].join('\n'),
  );
}
