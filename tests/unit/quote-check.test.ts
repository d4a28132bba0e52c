/**
 * The quote checker against a real local server serving pages written here: every way a passage can
 * be there, almost there, missing, or out of reach. Timeouts are short and sleeps recorded, not waited.
 */
import type { ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryFile } from '../../src/content/content-files.ts';
import { DEFAULT_PAGE_OPTIONS, type PageOptions } from '../../src/links/fetch-page.ts';
import { checkEntryQuotes, type QuoteResult } from '../../src/links/quote-check.ts';
import { entrySchema } from '../../src/schemas/content.ts';
import { answer, redirect, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
const sleeps: number[] = [];

/** Enough ordinary words that a page never looks like an empty shell waiting for its scripts. */
const FILLER = `<p>${'Ordinary words about building data platforms fill this paragraph so the page reads like an article. '.repeat(12)}</p>`;
const page = (body: string, head = '<meta charset="utf-8"><title>Article</title>') =>
  `<!doctype html><html><head>${head}</head><body>${FILLER}${body}${FILLER}</body></html>`;
const html =
  (body: string, headers: Record<string, string> = {}) =>
  (_request: unknown, response: ServerResponse) =>
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);

const HUGE_BYTES = 10 * 1024 * 1024;
let hugeBytesSent = 0;

beforeAll(async () => {
  server = await startTestServer({
    '/exact': html(page('<p>Frequent small changes over infrequent large changes.</p>')),
    '/typography': html(
      page(
        '<p>We said: “Don’t ship it” — and then&nbsp;we shipped it anyway.</p>' +
          '<p>Self\u00ADservice analytics is a long\u00ADstanding promise – rarely kept.</p>',
      ),
    ),
    '/split': html(
      page('<p>The <em>best</em> code is <a href="/x">no code <strong>at all</strong></a>,<br>said someone wise.</p>'),
    ),
    '/hidden': html(
      page(
        '<script>var passage = "A passage that only a script holds";</script>' +
          '<div hidden>A passage that only a hidden element holds</div>' +
          '<p style="color: red; display: none">A passage hidden by its inline style</p>' +
          '<template><p>A passage inside a template element</p></template>' +
          '<noscript><p>A passage shown only without scripts</p></noscript>' +
          '<div hidden="until-found">A passage that find in page reveals</div>' +
          '<p aria-hidden="true">A passage screen readers skip but eyes see</p>',
      ),
    ),
    '/one-word': html(page('<p>Treat your data pipelines like production software, with tests and reviews.</p>')),
    '/latin1': (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
        .end(
          Buffer.from(
            page('<p>Un café crème brûlée à la carte, s’il vous plaît.</p>', '<title>Café</title>').replace('’', "'"),
            'latin1',
          ),
        ),
    '/latin1-meta': (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(Buffer.from(page('<p>Déjà vu at the crème de la crème.</p>', '<meta charset="windows-1252">'), 'latin1')),
    '/gzip': (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
        .end(gzipSync(page('<p>Compressed with gzip, still readable.</p>'))),
    '/brotli': (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' })
        .end(brotliCompressSync(page('<p>Compressed with brotli, still readable.</p>'))),
    '/huge': (_request, response) => {
      hugeBytesSent = 0;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(HUGE_BYTES) });
      const opening = '<!doctype html><html><body><p>The opening passage of a very long page.</p>';
      const closing = '<p>The closing passage at the very end.</p></body></html>';
      const filler = `<p>${'padding '.repeat(8000)}</p>`;
      let left = HUGE_BYTES - opening.length - closing.length;
      const send = () => {
        while (left > 0) {
          const chunk = filler.slice(0, Math.min(filler.length, left));
          left -= chunk.length;
          hugeBytesSent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', send);
        }
        hugeBytesSent += closing.length;
        response.end(closing);
      };
      hugeBytesSent += opening.length;
      response.write(opening);
      send();
    },
    '/one-byte-a-second': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const body = page('<p>A passage that arrives far too slowly.</p>');
      let sent = 0;
      const timer = setInterval(() => response.write(body[sent++] ?? ''), 1_000);
      response.on('close', () => clearInterval(timer));
    },
    '/paper.pdf': (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'application/pdf' })
        .end(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100_000)])),
    '/forbidden': answer(403),
    '/members-only': redirect(302, '/login?next=/members-only'),
    '/login': html('<!doctype html><html><body><form><input name="user"><input type="password" name="pw"></form></body></html>'),
    '/app': html(
      '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body><div id="root"></div></body></html>',
    ),
    '/paywalled': html(
      page(
        '<p>The first paragraph is free.</p>',
        '<script type="application/ld+json">{"@type": "NewsArticle", "isAccessibleForFree": false}</script>',
      ),
    ),
    '/busy': (_request, response, hits) =>
      hits === 0
        ? response.writeHead(429, { 'retry-after': '3' }).end()
        : html(page('<p>Served after waiting as asked.</p>'))(_request, response),
    '/plain.txt': (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('A plain text passage, as is.\n'),
  });
});

afterAll(() => server.close());

const fast: Partial<PageOptions> = {
  timeoutMs: 2_000,
  bodyTimeoutMs: 800,
  retries: 2,
  backoffBaseMs: 1,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
};

function entryAt(path: string, quotes: string[], extra: Record<string, unknown> = {}): EntryFile {
  const slug = path.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
  return {
    id: `reading/${slug}`,
    slug,
    file: `content/entries/reading/${slug}.md`,
    body: '',
    data: entrySchema.parse({ title: slug, url: server.url(path), section: 'reading', kind: 'framing', quotes, ...extra }),
  };
}

async function check(path: string, quotes: string[], options: Partial<PageOptions> = {}): Promise<QuoteResult[]> {
  const [result] = await checkEntryQuotes([entryAt(path, quotes)], { concurrency: 2, perHost: 2, ...fast, ...options });
  return result!.quotes;
}

describe('check:quotes against pages served locally', () => {
  it('finds an exact quote, and its passage link highlights it', async () => {
    const [result] = await check('/exact', ['Frequent small changes over infrequent large changes']);
    expect(result).toEqual({
      index: 0,
      quote: 'Frequent small changes over infrequent large changes',
      verdict: 'found',
      differences: [],
      passageLinkHighlights: true,
    });
  });

  it('finds a quote typed with straight quotes, plain spaces, no soft hyphens and another dash, and offers the page’s wording', async () => {
    const [speech, service] = await check('/typography', [
      `We said: "Don't ship it" - and then we shipped it anyway.`,
      'Selfservice analytics is a longstanding promise -- rarely kept.',
    ]);
    expect(speech).toMatchObject({
      verdict: 'found',
      pageWording: 'We said: “Don’t ship it” — and then we shipped it anyway.',
      fixWording: 'We said: “Don’t ship it” — and then we shipped it anyway.',
      passageLinkHighlights: false,
    });
    expect(speech!.differences.map((difference) => difference.kind)).toEqual(['quotation marks', 'apostrophes', 'dashes']);
    expect(service).toMatchObject({
      verdict: 'found',
      pageWording: 'Selfservice analytics is a longstanding promise – rarely kept.',
      fixWording: 'Selfservice analytics is a longstanding promise – rarely kept.',
      differences: [{ kind: 'dashes', quote: ' -- ', page: ' – ' }],
    });
    // Once rewritten in the page's wording, the link highlights it.
    const [fixed] = await check('/typography', [speech!.fixWording!]);
    expect(fixed).toMatchObject({ verdict: 'found', differences: [], passageLinkHighlights: true });
    expect(fixed!.pageWording).toBeUndefined();
  });

  it('finds a quote split across <em>, <a>, <strong> and a line break', async () => {
    const [result] = await check('/split', ['The best code is no code at all, said someone wise.']);
    expect(result).toMatchObject({ verdict: 'found', differences: [] });
  });

  it('does not find text a reader never sees: scripts, hidden elements, inline display:none, templates, noscript', async () => {
    const results = await check('/hidden', [
      'A passage that only a script holds',
      'A passage that only a hidden element holds',
      'A passage hidden by its inline style',
      'A passage inside a template element',
      'A passage shown only without scripts',
    ]);
    expect(results.map((result) => result.verdict)).toEqual(['not-found', 'not-found', 'not-found', 'not-found', 'not-found']);
  });

  it('finds text that is on screen or revealed by find in page: aria-hidden and hidden="until-found"', async () => {
    const results = await check('/hidden', ['A passage screen readers skip but eyes see', 'A passage that find in page reveals']);
    expect(results.map((result) => result.verdict)).toEqual(['found', 'found']);
  });

  it('reports a missing quote as not found', async () => {
    const [result] = await check('/exact', ['Move fast and break things']);
    expect(result).toMatchObject({ verdict: 'not-found', differences: [] });
  });

  it('reports a quote with one word changed as close, says which, and suggests the page’s wording', async () => {
    const [result] = await check('/one-word', ['Treat your data pipelines like production code, with tests and reviews.']);
    expect(result).toMatchObject({
      verdict: 'close',
      differences: [{ kind: 'words', quote: 'code,', page: 'software,' }],
      pageWording: 'Treat your data pipelines like production software, with tests and reviews.',
      passageLinkHighlights: false,
    });
    expect(result!.fixWording).toBeUndefined();
  });

  it('reads a latin-1 page by its HTTP charset, and a windows-1252 one by its <meta charset>', async () => {
    expect((await check('/latin1', ["Un café crème brûlée à la carte, s'il vous plaît."]))[0]).toMatchObject({
      verdict: 'found',
      differences: [],
    });
    expect((await check('/latin1-meta', ['Déjà vu at the crème de la crème.']))[0]).toMatchObject({ verdict: 'found' });
    const [entry] = await checkEntryQuotes([entryAt('/latin1', ['x'])], { concurrency: 1, perHost: 1, ...fast });
    expect(entry!.page).toEqual({ mediaType: 'text/html', encoding: 'windows-1252', truncated: false });
  });

  it('reads gzip and brotli responses', async () => {
    expect((await check('/gzip', ['Compressed with gzip, still readable.']))[0]!.verdict).toBe('found');
    expect((await check('/brotli', ['Compressed with brotli, still readable.']))[0]!.verdict).toBe('found');
    const encodings = server.requests.filter((seen) => seen.path === '/brotli').map((seen) => seen.headers['accept-encoding']);
    expect(encodings[0]).toContain('br');
  });

  it('reads a 10 MB page only up to the cap: a passage there is found, one further on cannot be checked', async () => {
    // The default cap is 5 MB; 1 MB here keeps the test quick on a busy machine.
    expect(DEFAULT_PAGE_OPTIONS.maxBytes).toBe(5 * 1024 * 1024);
    const [opening, closing] = await check(
      '/huge',
      ['The opening passage of a very long page.', 'The closing passage at the very end.'],
      {
        maxBytes: 1024 * 1024,
      },
    );
    expect(opening!.verdict).toBe('found');
    expect(closing).toMatchObject({
      verdict: 'could-not-check',
      cause: 'too-large',
      reason: 'the page is larger than 1 MB and the passage is not in its first 1 MB',
    });
    // The connection was closed at the cap: the server never got to send most of the page.
    expect(hugeBytesSent).toBeGreaterThan(1024 * 1024);
    expect(hugeBytesSent).toBeLessThan(HUGE_BYTES / 2);
  }, 20_000);

  it('gives up on a server that sends one byte a second', async () => {
    const started = performance.now();
    const [result] = await check('/one-byte-a-second', ['A passage that arrives far too slowly.'], { bodyTimeoutMs: 500 });
    expect(result).toMatchObject({ verdict: 'could-not-check', cause: 'timeout' });
    expect(result!.reason).toMatch(/^the page was still arriving after 500 ms \(\d bytes\)$/);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('does not download a PDF: not an HTML page', async () => {
    const [result] = await check('/paper.pdf', ['Anything at all']);
    expect(result).toMatchObject({ verdict: 'could-not-check', cause: 'not-html', reason: 'not an HTML page (application/pdf)' });
  });

  it('cannot check behind a 403', async () => {
    const [result] = await check('/forbidden', ['Anything at all']);
    expect(result).toMatchObject({
      verdict: 'could-not-check',
      cause: 'forbidden',
      reason: '403 Forbidden: the site refuses automated readers',
    });
  });

  it('cannot check when the article redirects to a login page', async () => {
    const [result] = await check('/members-only', ['Anything at all']);
    expect(result).toMatchObject({
      verdict: 'could-not-check',
      cause: 'login',
      reason: `redirected to a login or subscription page: ${server.url('/login?next=/members-only')}`,
    });
  });

  it('says a page that draws its text with JavaScript, or marks it not free, could not be checked rather than missing the quote', async () => {
    expect((await check('/app', ['Anything at all']))[0]).toMatchObject({
      verdict: 'could-not-check',
      cause: 'needs-javascript',
    });
    expect((await check('/paywalled', ['The paragraph behind the paywall']))[0]).toMatchObject({
      verdict: 'could-not-check',
      cause: 'paywall',
    });
    // What the paywalled page does show is still checked.
    expect((await check('/paywalled', ['The first paragraph is free.']))[0]!.verdict).toBe('found');
  });

  it('waits as a 429’s Retry-After asks, through the link checker’s fetcher', async () => {
    sleeps.length = 0;
    expect((await check('/busy', ['Served after waiting as asked.']))[0]!.verdict).toBe('found');
    expect(sleeps).toEqual([3_000]);
  });

  it('reads text/plain pages as they are', async () => {
    expect((await check('/plain.txt', ['A plain text passage, as is.']))[0]!.verdict).toBe('found');
  });

  it('does not fetch an entry whose link is marked dead', async () => {
    const before = server.hitsOn('/exact');
    const [entry] = await checkEntryQuotes(
      [entryAt('/exact', ['Frequent small changes', 'Another'], { status: { state: 'dead', checked: '2024-05-01' } })],
      {
        concurrency: 1,
        perHost: 1,
        ...fast,
      },
    );
    expect(server.hitsOn('/exact')).toBe(before);
    expect(entry!.quotes.map((quote) => [quote.verdict, quote.cause])).toEqual([
      ['could-not-check', 'link-dead'],
      ['could-not-check', 'link-dead'],
    ]);
  });
});
