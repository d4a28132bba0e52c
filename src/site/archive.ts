/**
 * Archived copies on the Internet Archive's Wayback Machine, derived from the URL alone (no network
 * call): `https://web.archive.org/web/<url>` redirects to the latest capture of the page.
 */
import type { LinkStatus } from '../schemas/content.ts';
import { isHttpUrl } from '../schemas/content.ts';

/** The Wayback Machine address of an http(s) URL (its fragment dropped); undefined for anything else. */
export function archiveUrl(url: string): string | undefined {
  if (!isHttpUrl(url)) return undefined;
  const hash = url.indexOf('#');
  return `https://web.archive.org/web/${hash === -1 ? url : url.slice(0, hash)}`;
}

export interface EntryLinks {
  /** Where the entry's title links: the article, or its archived copy when the article is dead. */
  primary: string;
  /** The article's own URL, always shown. */
  original: string;
  /** The archived copy. */
  archive: string | undefined;
  /** The day the link was found dead; undefined while it is alive. */
  deadSince: string | undefined;
}

/** How an entry links out: a dead article sends readers to its archived copy first. */
export function entryLinks(url: string, status: LinkStatus | undefined): EntryLinks {
  const archive = archiveUrl(url);
  const dead = status?.state === 'dead';
  return {
    primary: dead && archive ? archive : url,
    original: url,
    archive,
    deadSince: dead ? status.checked : undefined,
  };
}
