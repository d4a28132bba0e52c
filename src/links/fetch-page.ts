/**
 * Fetches an article for the quote checker through the link checker's own fetcher (fetcher.ts: same
 * retries, Retry-After, redirects by hand), reading the body this time: at most `maxBytes` of it,
 * within `bodyTimeoutMs`, decompressed, decoded in its charset, and turned into the text a reader
 * sees. When the page cannot be read, the reason says why in a curator's words.
 */
import { DEFAULT_CHECK_OPTIONS } from './check-url.ts';
import { mediaTypeOf } from './fetch-probe.ts';
import { describeNetworkError, followRedirects, statusLine } from './fetcher.ts';
import { decodeBody, htmlToText, type PageText } from './page-text.ts';
import type { BodyLimits, CheckOptions, RedirectHop } from './types.ts';

export interface PageOptions extends CheckOptions {
  /** Bytes of a page read (after decompression); a longer page is read that far. */
  maxBytes: number;
  /** Time allowed for the whole body once headers arrived. */
  bodyTimeoutMs: number;
}

export const DEFAULT_PAGE_OPTIONS: PageOptions = {
  ...DEFAULT_CHECK_OPTIONS,
  userAgent: 'commonplace-quote-checker/1.0 (checks that quoted passages are still in their articles)',
  maxBytes: 5 * 1024 * 1024,
  bodyTimeoutMs: 20_000,
};

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
const TEXT_TYPES = ['text/plain'];
/** `''`: no Content-Type at all; the body is read and kept only if it looks like HTML. */
const READABLE_TYPES = [...HTML_TYPES, ...TEXT_TYPES, ''];

/** Why a page could not be read. */
export type UnavailableCause =
  | 'not-html'
  | 'needs-javascript'
  | 'login'
  | 'paywall'
  | 'forbidden'
  | 'rate-limited'
  | 'too-large'
  | 'timeout'
  | 'gone'
  | 'error';

interface Fetched {
  url: string;
  finalUrl: string;
  redirects: RedirectHop[];
  /** The last HTTP status, when a server answered at all. */
  httpStatus?: number;
  requests: number;
}

export type PageFetch =
  | (Fetched & {
      kind: 'page';
      mediaType: string;
      encoding: string;
      text: PageText;
      /** The page went on past `maxBytes`: `text` is its beginning only. */
      truncated: boolean;
    })
  | (Fetched & { kind: 'unavailable'; cause: UnavailableCause; reason: string });

const LOGIN_SEGMENT =
  /^(?:log-?in|sign-?in|sign_in|signin|auth|oauth2?|sso|session|account|accounts|subscribe|subscription|paywall|register|join)$/i;

/** An address that is a login, sign-in or subscription page rather than an article. */
export function looksLikeLogin(url: string): boolean {
  try {
    const { pathname } = new URL(url);
    return pathname.split('/').some((segment) => LOGIN_SEGMENT.test(segment) || /log-?in|sign-?in/i.test(segment));
  } catch {
    return false;
  }
}

const looksLikeHtml = (text: string) => /<(?:!doctype\s+html|html|head|body|p|div|article)[\s>]/i.test(text.slice(0, 2048));

export async function fetchPage(url: string, overrides: Partial<PageOptions> = {}): Promise<PageFetch> {
  const options = { ...DEFAULT_PAGE_OPTIONS, ...overrides };
  const counter = { requests: 0 };
  const limits: BodyLimits = { maxBytes: options.maxBytes, timeoutMs: options.bodyTimeoutMs, mediaTypes: READABLE_TYPES };
  const { outcome, finalUrl, hops, chainError } = await followRedirects(url, options, counter, (requester) =>
    requester.send('GET', {
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1', 'accept-encoding': 'gzip, deflate, br' },
      body: limits,
    }),
  );
  const fetched: Fetched = {
    url,
    finalUrl,
    redirects: hops,
    requests: counter.requests,
    ...(outcome.kind === 'response' ? { httpStatus: outcome.status } : {}),
  };
  const unavailable = (cause: UnavailableCause, reason: string): PageFetch => ({
    ...fetched,
    kind: 'unavailable',
    cause,
    reason,
  });

  if (hops.length && looksLikeLogin(finalUrl) && !looksLikeLogin(url)) {
    return unavailable('login', `redirected to a login or subscription page: ${finalUrl}`);
  }
  if (chainError) return unavailable('error', chainError);
  if (outcome.kind === 'timeout') return unavailable('timeout', `no answer within ${options.timeoutMs} ms`);
  if (outcome.kind === 'network') return unavailable('error', describeNetworkError(outcome.code, outcome.message));
  const status = statusLine(outcome);
  if (outcome.status === 401 || outcome.status === 407) return unavailable('login', `${status}: the page needs a login`);
  if (outcome.status === 402) return unavailable('paywall', `${status}: the page is behind a paywall`);
  if (outcome.status === 403) return unavailable('forbidden', `${status}: the site refuses automated readers`);
  if (outcome.status === 429)
    return unavailable('rate-limited', `${status}: still rate limited after ${options.retries} retries`);
  if (outcome.status === 404 || outcome.status === 410)
    return unavailable('gone', `${status}: the article is gone (see the link report)`);
  if (outcome.status < 200 || outcome.status >= 300 || !outcome.body) return unavailable('error', status);

  const mediaType = mediaTypeOf(outcome.headers.get('content-type'));
  const body = outcome.body;
  if (body.kind === 'skipped') return unavailable('not-html', `not an HTML page (${mediaType})`);
  if (body.kind === 'timeout')
    return unavailable('timeout', `the page was still arriving after ${options.bodyTimeoutMs} ms (${body.bytesRead} bytes)`);
  if (body.kind === 'failed') return unavailable('error', `the page could not be read: ${body.message}`);

  const html = mediaType !== 'text/plain';
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeBody(body.bytes, outcome.headers.get('content-type'), html);
  } catch (error) {
    return unavailable('error', (error as Error).message);
  }
  if (mediaType === '' && !looksLikeHtml(decoded.text))
    return unavailable('not-html', 'no Content-Type, and it does not look like HTML');
  const text: PageText = html
    ? htmlToText(decoded.text)
    : { text: decoded.text, scripts: 0, passwordField: false, notFree: false };
  return {
    ...fetched,
    kind: 'page',
    mediaType: mediaType || 'text/html',
    encoding: decoded.encoding,
    text,
    truncated: body.truncated,
  };
}
