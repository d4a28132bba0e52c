/**
 * How long a 429 (or 503) asks us to wait. `Retry-After` is either delay-seconds or an HTTP date;
 * anything else (or a missing header) gives undefined so the caller falls back to its own backoff.
 */
export function retryAfterMs(header: string | null, nowMs: number, capMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, capMs);
  // An HTTP date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse alone
  // would also accept "-5" as a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  // A date in the past means "now"; a far future one is capped so one host cannot stall the run.
  return Math.min(Math.max(date - nowMs, 0), capMs);
}

/** Exponential backoff: base, 2×base, 4×base, … never above cap. */
export function backoffMs(retry: number, baseMs: number, capMs: number): number {
  return Math.min(baseMs * 2 ** retry, capMs);
}
