/**
 * The one fetcher both checkers share: requests with retries (backoff, Retry-After on 429/503) and
 * redirects followed by hand, so every hop is seen and loops are caught. What to ask at each address
 * (HEAD then a one-byte GET for links; a GET that reads the page for quotes) is the caller's choice.
 */
import { backoffMs, retryAfterMs } from './retry-after.ts';
import type { BodyLimits, CheckOptions, ProbeOutcome, RedirectHop } from './types.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export const isRedirect = (outcome: ProbeOutcome) => outcome.kind === 'response' && REDIRECT_STATUSES.has(outcome.status);
export const isNoSuchHost = (outcome: ProbeOutcome) => outcome.kind === 'network' && outcome.code === 'ENOTFOUND';

/** Worth asking again: the answer may differ in a moment. */
function isTransient(outcome: ProbeOutcome): boolean {
  if (outcome.kind !== 'response') return true;
  return outcome.status === 429 || outcome.status >= 500;
}

export interface SendOptions {
  /** Added to the user agent and `accept` every request carries. */
  headers?: Record<string, string>;
  /** Read a 2xx body within these limits (see fetch-probe.ts). */
  body?: BodyLimits;
}

/** Sends and counts requests to one address; retries transient failures, honouring Retry-After on 429/503. */
export class Requester {
  requests = 0;
  readonly url: string;
  readonly options: CheckOptions;
  constructor(url: string, options: CheckOptions) {
    this.url = url;
    this.options = options;
  }

  async send(method: 'HEAD' | 'GET', extra: SendOptions = {}): Promise<ProbeOutcome> {
    const { retries, probe, timeoutMs, userAgent } = this.options;
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      ...extra.headers,
    };
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      const outcome = await probe({ url: this.url, method, headers, timeoutMs, ...(extra.body ? { body: extra.body } : {}) });
      if (!isTransient(outcome)) return outcome;
      // "No such host" makes a link dead, so it is always asked twice: DNS hiccups happen.
      const allowed = isNoSuchHost(outcome) ? Math.max(retries, 1) : retries;
      if (attempt >= allowed) return outcome;
      await this.options.sleep(this.waitBeforeRetry(outcome, attempt));
    }
  }

  waitBeforeRetry(outcome: ProbeOutcome, attempt: number): number {
    const { backoffBaseMs, maxWaitMs, now } = this.options;
    if (outcome.kind === 'response' && (outcome.status === 429 || outcome.status === 503)) {
      const asked = retryAfterMs(outcome.headers.get('retry-after'), now(), maxWaitMs);
      if (asked !== undefined) return asked;
    }
    return backoffMs(attempt, backoffBaseMs, maxWaitMs);
  }
}

export function describeNetworkError(code: string, message: string): string {
  const known: Record<string, string> = {
    ENOTFOUND: 'no such host (DNS lookup failed)',
    EAI_AGAIN: 'DNS lookup failed temporarily',
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    UND_ERR_SOCKET: 'connection closed by the server',
    CERT_HAS_EXPIRED: 'TLS certificate has expired',
  };
  return `${known[code] ?? message} (${code})`;
}

/** `200 OK`, or just `200` when the server sent no reason phrase. */
export function statusLine(outcome: ProbeOutcome & { kind: 'response' }): string {
  return `${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ''}`;
}

export interface Ending {
  outcome: ProbeOutcome;
  finalUrl: string;
  hops: RedirectHop[];
  /** Set when the chain itself failed (loop, too long, bad Location). */
  chainError?: string;
}

/** What to ask one address; returns the answer that decides it. */
export type AskAddress = (requester: Requester) => Promise<ProbeOutcome>;

/** Follows redirects by hand up to the limit, noticing loops; `counter` adds up every request sent. */
export async function followRedirects(
  url: string,
  options: CheckOptions,
  counter: { requests: number },
  ask: AskAddress,
): Promise<Ending> {
  const hops: RedirectHop[] = [];
  const seen = new Set<string>([url]);
  let current = url;
  for (;;) {
    const requester = new Requester(current, options);
    const outcome = await ask(requester);
    counter.requests += requester.requests;
    if (outcome.kind !== 'response' || !isRedirect(outcome)) return { outcome, finalUrl: current, hops };
    const location = outcome.headers.get('location');
    hops.push({ url: current, status: outcome.status });
    if (!location)
      return { outcome, finalUrl: current, hops, chainError: `${outcome.status} redirect without a Location header` };
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return { outcome, finalUrl: current, hops, chainError: `redirect to an invalid address: ${location}` };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return { outcome, finalUrl: current, hops, chainError: `redirect to a non-web address: ${next.href}` };
    }
    if (seen.has(next.href)) {
      return {
        outcome,
        finalUrl: next.href,
        hops,
        chainError: `redirect loop: ${[...hops.map((hop) => hop.url), next.href].join(' → ')}`,
      };
    }
    if (hops.length >= options.maxRedirects) {
      return { outcome, finalUrl: next.href, hops, chainError: `more than ${options.maxRedirects} redirects` };
    }
    seen.add(next.href);
    current = next.href;
  }
}
