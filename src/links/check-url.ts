/**
 * Checks one URL against the live web: HEAD first, GET where HEAD is refused, redirects followed by
 * hand (so every hop is seen), transient failures retried with backoff, and a dead verdict only when
 * two requests agree.
 */
import { fetchProbe } from './fetch-probe.ts';
import { backoffMs, retryAfterMs } from './retry-after.ts';
import type { CheckOptions, LinkResult, ProbeOutcome, RedirectHop } from './types.ts';

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  timeoutMs: 10_000,
  retries: 2,
  backoffBaseMs: 1_000,
  maxWaitMs: 60_000,
  maxRedirects: 10,
  slowMs: 5_000,
  userAgent: 'commonplace-link-checker/1.0 (checks a reading list for dead links)',
  probe: fetchProbe,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS = new Set([301, 308]);
const GONE_STATUSES = new Set([404, 410]);

const isRedirect = (outcome: ProbeOutcome) => outcome.kind === 'response' && REDIRECT_STATUSES.has(outcome.status);
/** 2xx, or 416 to our one-byte Range GET (the resource exists, it is just empty). */
const isAlive = (outcome: ProbeOutcome) =>
  outcome.kind === 'response' && ((outcome.status >= 200 && outcome.status < 300) || outcome.status === 416);
const isGone = (outcome: ProbeOutcome) => outcome.kind === 'response' && GONE_STATUSES.has(outcome.status);
const isNoSuchHost = (outcome: ProbeOutcome) => outcome.kind === 'network' && outcome.code === 'ENOTFOUND';

/** Worth asking again: the answer may differ in a moment. */
function isTransient(outcome: ProbeOutcome): boolean {
  if (outcome.kind !== 'response') return true;
  return outcome.status === 429 || outcome.status >= 500;
}

/** Sends and counts requests; retries transient failures, honouring Retry-After on 429/503. */
class Requester {
  requests = 0;
  readonly url: string;
  readonly options: CheckOptions;
  constructor(url: string, options: CheckOptions) {
    this.url = url;
    this.options = options;
  }

  async send(method: 'HEAD' | 'GET'): Promise<ProbeOutcome> {
    const { retries, probe, timeoutMs, userAgent } = this.options;
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    // One byte is enough to know the page is there; the body is cancelled anyway.
    if (method === 'GET') headers.range = 'bytes=0-0';
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      const outcome = await probe({ url: this.url, method, headers, timeoutMs });
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

/** One address, one answer: HEAD, then GET when HEAD gives anything but success or a redirect. */
async function probeAddress(requester: Requester): Promise<ProbeOutcome> {
  const head = await requester.send('HEAD');
  if (head.kind !== 'response' || isAlive(head) || isRedirect(head)) return head;
  // Many servers refuse or mishandle HEAD (405, 501, 403, even 404): GET decides.
  const get = await requester.send('GET');
  if (isGone(get) && !isGone(head)) {
    // Only one request said "gone" so far; a dead verdict needs a second.
    await requester.options.sleep(backoffMs(0, requester.options.backoffBaseMs, requester.options.maxWaitMs));
    return requester.send('GET');
  }
  return get;
}

/** The address a permanent redirect chain at the start settles on, if the link began with one. */
function permanentTarget(start: string, hops: RedirectHop[], finalUrl: string): string | undefined {
  let target: string | undefined;
  for (let index = 0; index < hops.length && PERMANENT_REDIRECTS.has(hops[index]!.status); index++) {
    target = hops[index + 1]?.url ?? finalUrl;
  }
  return target !== undefined && target !== start ? target : undefined;
}

function describeNetworkError(code: string, message: string): string {
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

interface Ending {
  outcome: ProbeOutcome;
  finalUrl: string;
  hops: RedirectHop[];
  /** Set when the chain itself failed (loop, too long, bad Location). */
  chainError?: string;
}

/** Follows redirects by hand up to the limit, noticing loops. */
async function followRedirects(url: string, options: CheckOptions, counter: { requests: number }): Promise<Ending> {
  const hops: RedirectHop[] = [];
  const seen = new Set<string>([url]);
  let current = url;
  for (;;) {
    const requester = new Requester(current, options);
    const outcome = await probeAddress(requester);
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

/** Turns how the chain ended into a verdict. */
function classify(url: string, ending: Ending, options: CheckOptions, requests: number): LinkResult {
  const { outcome, finalUrl, hops, chainError } = ending;
  const base = {
    url,
    finalUrl,
    redirects: hops,
    elapsedMs: outcome.elapsedMs,
    requests,
    slow: outcome.kind === 'response' && outcome.elapsedMs > options.slowMs,
    ...(outcome.kind === 'response' ? { httpStatus: outcome.status } : {}),
  };
  if (chainError) return { ...base, state: 'error', reason: chainError };
  if (outcome.kind === 'timeout') return { ...base, state: 'error', reason: `timed out after ${options.timeoutMs} ms` };
  if (outcome.kind === 'network') {
    return {
      ...base,
      state: isNoSuchHost(outcome) ? 'dead' : 'error',
      reason: describeNetworkError(outcome.code, outcome.message),
    };
  }
  const statusLine = `${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ''}`;
  if (isGone(outcome)) return { ...base, state: 'dead', reason: statusLine };
  if (!isAlive(outcome)) return { ...base, state: 'error', reason: statusLine };
  const suggestedUrl = permanentTarget(url, hops, finalUrl);
  if (suggestedUrl)
    return { ...base, state: 'redirected', suggestedUrl, reason: `moved permanently: update url to ${suggestedUrl}` };
  return { ...base, state: 'ok', reason: hops.length ? `${statusLine} after ${hops.length} redirect(s)` : statusLine };
}

/** Checks one link; never throws for anything the remote does. */
export async function checkUrl(url: string, overrides: Partial<CheckOptions> = {}): Promise<LinkResult> {
  const options = { ...DEFAULT_CHECK_OPTIONS, ...overrides };
  const counter = { requests: 0 };
  const ending = await followRedirects(url, options, counter);
  return classify(url, ending, options, counter.requests);
}
