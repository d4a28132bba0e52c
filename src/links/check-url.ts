/**
 * Checks one URL against the live web: HEAD first, GET where HEAD is refused, redirects followed by
 * hand (so every hop is seen), transient failures retried with backoff (all through the shared
 * fetcher.ts), and a dead verdict only when two requests agree.
 */
import { fetchProbe } from './fetch-probe.ts';
import {
  describeNetworkError,
  followRedirects,
  isNoSuchHost,
  isRedirect,
  statusLine as statusLineOf,
  type Ending,
  type Requester,
} from './fetcher.ts';
import { backoffMs } from './retry-after.ts';
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

const PERMANENT_REDIRECTS = new Set([301, 308]);
const GONE_STATUSES = new Set([404, 410]);

/** 2xx, or 416 to our one-byte Range GET (the resource exists, it is just empty). */
const isAlive = (outcome: ProbeOutcome) =>
  outcome.kind === 'response' && ((outcome.status >= 200 && outcome.status < 300) || outcome.status === 416);
const isGone = (outcome: ProbeOutcome) => outcome.kind === 'response' && GONE_STATUSES.has(outcome.status);

const ONE_BYTE = { headers: { range: 'bytes=0-0' } };

/** One address, one answer: HEAD, then GET when HEAD gives anything but success or a redirect. */
async function probeAddress(requester: Requester): Promise<ProbeOutcome> {
  const head = await requester.send('HEAD');
  if (head.kind !== 'response' || isAlive(head) || isRedirect(head)) return head;
  // Many servers refuse or mishandle HEAD (405, 501, 403, even 404): GET decides. One byte is
  // enough to know the page is there; the body is cancelled anyway.
  const get = await requester.send('GET', ONE_BYTE);
  if (isGone(get) && !isGone(head)) {
    // Only one request said "gone" so far; a dead verdict needs a second.
    await requester.options.sleep(backoffMs(0, requester.options.backoffBaseMs, requester.options.maxWaitMs));
    return requester.send('GET', ONE_BYTE);
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
  const statusLine = statusLineOf(outcome);
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
  const ending = await followRedirects(url, options, counter, probeAddress);
  return classify(url, ending, options, counter.requests);
}
