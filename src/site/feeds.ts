/**
 * RSS items for the whole list and for each section (rendered by @astrojs/rss, which XML-escapes
 * every value). Newest entries first; each item links to the entry's permalink, and its content holds
 * the article link, the quotes (HTML-escaped) and the notes (already sanitised).
 */
import { isHttpUrl } from '../schemas/content.ts';
import type { EntryRecord } from './entry-record.ts';
import { escapeHtml } from './escape.ts';
import { joinBase } from './paths.ts';
import { newestFirst } from './recent.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate?: Date;
  description: string;
  content: string;
  categories: string[];
}

/** The whole list's feed, relative to the base. */
export const FEED_PATH = 'rss.xml';
/** A section's feed, relative to the base: `data-platforms/rss.xml`. */
export const sectionFeedPath = (sectionId: string) => `${sectionId}/rss.xml`;

/** `YYYY-MM-DD` → that day at 00:00 UTC. */
export const dayToDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** An absolute URL for a path relative to the site's base. */
export const absoluteUrl = (site: URL | string, base: string, path: string) => new URL(joinBase(base, path), site).href;

/** The HTML body of an entry's feed item. Every piece of content text is escaped. */
export function feedContent(entry: EntryRecord): string {
  const parts: string[] = [];
  const link = isHttpUrl(entry.url)
    ? `<a href="${escapeHtml(entry.url)}">${escapeHtml(entry.title)}</a>`
    : escapeHtml(entry.title);
  parts.push(`<p>${link} (${escapeHtml(entry.domain)})</p>`);
  if (entry.status?.state === 'dead') {
    parts.push(
      `<p>Link dead since ${escapeHtml(entry.status.checked)}.${entry.archive ? ` <a href="${escapeHtml(entry.archive)}">Archived copy</a>.` : ''}</p>`,
    );
  }
  for (const quote of entry.quotes) parts.push(`<blockquote><p>${escapeHtml(quote)}</p></blockquote>`);
  if (entry.notesHtml) parts.push(entry.notesHtml);
  return parts.join('\n');
}

/** Feed items for `entries`, newest added first (undated ones last, in the order given). */
export function feedItems(entries: readonly EntryRecord[], site: URL | string, base: string): FeedItem[] {
  return newestFirst(entries).map((entry) => ({
    title: entry.title,
    link: absoluteUrl(site, base, entry.path),
    ...(entry.added ? { pubDate: dayToDate(entry.added) } : {}),
    description: entry.quotes[0] ?? `${entry.title} (${entry.domain}), in ${entry.sectionTitle}.`,
    content: feedContent(entry),
    categories: [entry.sectionTitle, ...entry.tags],
  }));
}
