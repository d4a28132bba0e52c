/** Tag views: every tag with its entries, for the tag index and a page per tag. */
import type { EntryData } from '../schemas/content.ts';
import type { Ordered } from './reading-list.ts';

export interface TagView<Entry> {
  tag: string;
  /** The tag's entries, in the order they were given (reading order). */
  entries: Entry[];
}

/** Tags A–Z, each with its entries in the order given. One pass over the entries. */
export function tagViews<Entry extends Ordered<EntryData>>(entries: readonly Entry[]): TagView<Entry>[] {
  const byTag = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const tag of new Set(entry.data.tags)) {
      const list = byTag.get(tag);
      if (list) list.push(entry);
      else byTag.set(tag, [entry]);
    }
  }
  return [...byTag.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((tag) => ({ tag, entries: byTag.get(tag)! }));
}

/** Where a tag's page lives, relative to the site's base: `tags/data-engineering/`. */
export const tagPath = (tag: string) => `tags/${tag}/`;

/** Where the tag index lives. */
export const TAGS_PATH = 'tags/';
