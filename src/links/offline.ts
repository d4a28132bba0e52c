/**
 * A machine without network sees every host fail DNS, which would read as "every link is dead" and,
 * with --mark-dead, mark the whole list. When links on several hosts were checked and not one server
 * answered at all, the network is the likelier culprit, so the run is refused instead.
 */
import { hostKey } from './limiter.ts';

export const OFFLINE_MIN_HOSTS = 3;

/** Link results, or the quote checker's page fetches: each with its address and the status a server gave, if any. */
export function looksOffline(results: readonly { url: string; httpStatus?: number | undefined }[]): boolean {
  const hosts = new Set(results.map((result) => hostKey(result.url)));
  return hosts.size >= OFFLINE_MIN_HOSTS && results.every((result) => result.httpStatus === undefined);
}
