/** Shapes shared by the link checker's modules (no behaviour here). */

/**
 * What became of one link:
 * - `ok`: it answered 2xx (possibly after temporary redirects);
 * - `redirected`: it moved permanently (301/308) and the entry should point at the new address;
 * - `dead`: the article is gone (404, 410, no such host), confirmed by a second request;
 * - `error`: the checker could not tell (timeouts, 5xx after retries, refused, redirect loops, …).
 */
export type LinkState = 'ok' | 'redirected' | 'dead' | 'error';

export interface RedirectHop {
  /** The address that answered with a redirect. */
  url: string;
  status: number;
}

export interface LinkResult {
  url: string;
  state: LinkState;
  /** The last HTTP status seen, when a server answered at all. */
  httpStatus?: number;
  /** Where the redirects (if any) ended. */
  finalUrl: string;
  /** Set when the link moved permanently: the address the entry should use instead. */
  suggestedUrl?: string;
  redirects: RedirectHop[];
  /** Human-readable why, e.g. "404 Not Found", "timed out after 10000 ms", "redirect loop". */
  reason: string;
  /** Time the final request took to return headers (ms). */
  elapsedMs: number;
  /** True when the final request took longer than the slow threshold to answer. */
  slow: boolean;
  /** Requests sent in all, across methods, redirects and retries. */
  requests: number;
}

/**
 * One HTTP exchange as the checker sees it: status and headers, and the body only when the request
 * asked for it (the quote checker does; the link checker never reads one).
 */
export type ProbeOutcome =
  | { kind: 'response'; status: number; statusText: string; headers: Headers; elapsedMs: number; body?: BodyOutcome }
  | { kind: 'timeout'; elapsedMs: number }
  | { kind: 'network'; code: string; message: string; elapsedMs: number };

/** How much of a 2xx body to read, and of which media types (`''` stands for a missing Content-Type). */
export interface BodyLimits {
  /** Bytes kept after decompression; the rest is never downloaded. */
  maxBytes: number;
  /** Time allowed for the whole body once headers arrived, so a server sending a byte a second ends. */
  timeoutMs: number;
  mediaTypes: readonly string[];
}

export type BodyOutcome =
  /** `truncated`: the body went on past `maxBytes`; `bytes` holds its first `maxBytes`. */
  | { kind: 'read'; bytes: Uint8Array; truncated: boolean }
  /** A media type the request did not ask for (a PDF, an image): not downloaded. */
  | { kind: 'skipped' }
  | { kind: 'timeout'; bytesRead: number }
  | { kind: 'failed'; message: string };

export interface ProbeRequest {
  url: string;
  method: 'HEAD' | 'GET';
  headers: Record<string, string>;
  timeoutMs: number;
  /** Read a 2xx body within these limits; without it the body is cancelled unread. */
  body?: BodyLimits;
}

/** Sends one request; injectable so classification can be tested without sockets. */
export type Probe = (request: ProbeRequest) => Promise<ProbeOutcome>;

export interface CheckOptions {
  /** Time allowed for a server to connect and send its headers, per request. */
  timeoutMs: number;
  /** Extra tries after a transient failure (timeout, network error, 5xx, 429). */
  retries: number;
  /** First backoff wait; doubles with each retry. */
  backoffBaseMs: number;
  /** Longest backoff or Retry-After wait honoured. */
  maxWaitMs: number;
  maxRedirects: number;
  /** Answers slower than this are reported as slow. */
  slowMs: number;
  userAgent: string;
  probe: Probe;
  /** Waits; tests pass one that records and returns at once. */
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch; used for Retry-After dates. */
  now: () => number;
}
