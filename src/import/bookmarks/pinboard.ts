/**
 * A Pinboard JSON export (Settings → Backup → JSON, or the API's posts/all): an array of
 *
 *   { "href": "https://…", "description": "the title", "extended": "the description",
 *     "meta": "…", "hash": "…", "time": "2011-04-13T21:27:03Z",
 *     "shared": "yes" | "no", "toread": "yes" | "no", "tags": "space separated" }
 *
 * (the field names are del.icio.us's: `description` is the title, `extended` the description).
 * Pinboard has no folders: every bookmark is listed at the top, its tags kept as tags.
 */
import type { ImportPlan } from '../plan.ts';
import {
  dayFromIso,
  ExportReadError,
  jsonItemLines,
  planFromBookmarks,
  type Bookmark,
  type BookmarkOptions,
} from './bookmark-plan.ts';

/** True for a JSON array whose first item has Pinboard's `href` and `description`. */
export function isPinboardExport(value: unknown): boolean {
  return Array.isArray(value) && isObject(value[0]) && 'href' in value[0] && 'description' in value[0];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function readPinboardExport(source: string, file: string, options: BookmarkOptions = {}): ImportPlan {
  const items: unknown = JSON.parse(source);
  if (!Array.isArray(items)) throw new ExportReadError(1, 'a Pinboard export is a JSON array of bookmarks');
  const lines = jsonItemLines(source);
  const bookmarks: Bookmark[] = items.map((item: unknown, index) => {
    const line = lines[index] ?? 1;
    if (!isObject(item) || typeof item['href'] !== 'string')
      throw new ExportReadError(line, `bookmark ${index + 1} has no "href" (the address)`);
    return {
      line,
      url: item['href'],
      title: text(item['description']),
      folder: [],
      tags: text(item['tags']).split(/\s+/).filter(Boolean),
      notes: [text(item['extended'])].filter((note) => note.trim()),
      quotes: [],
      added: dayFromIso(text(item['time'])),
      private: item['shared'] === 'no',
      unread: item['toread'] === 'yes',
    };
  });
  return planFromBookmarks(file, 'pinboard', 'Pinboard bookmarks', bookmarks, [], options);
}
