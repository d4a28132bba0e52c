/**
 * Related entries for a permalink page: entries sharing the most tags first, then entries sharing a
 * section. An entry's sections are every section it is listed in (its own and its cross-listings).
 * Tags and sections are indexed once for the whole list; each entry then looks only at a bounded
 * number of neighbours per tag and per section, so the whole list costs O(N), never O(N²).
 */
import { listingsOf } from '../content/list-shape.ts';
import type { EntryData } from '../schemas/content.ts';
import type { Ordered } from './reading-list.ts';

/** How many related entries a page shows. */
export const RELATED_COUNT = 5;
/** How many neighbours (nearest in reading order) each tag or section list offers as candidates. */
export const CANDIDATES_PER_LIST = 32;

interface Indexed<Entry> {
  entries: Entry[];
  /** Position of each entry id in `entries`. */
  position: Map<string, number>;
}

function indexed<Entry extends Ordered<EntryData>>(lists: Map<string, Entry[]>): Map<string, Indexed<Entry>> {
  const result = new Map<string, Indexed<Entry>>();
  for (const [key, entries] of lists) {
    result.set(key, { entries, position: new Map(entries.map((entry, index) => [entry.id, index])) });
  }
  return result;
}

/** Up to `count` entries nearest to position `at` in `list` (alternating after, before), `at` itself left out. */
function neighbours<Entry>(list: Indexed<Entry> | undefined, id: string, count: number): Entry[] {
  if (!list) return [];
  const at = list.position.get(id) ?? -1;
  const found: Entry[] = [];
  for (let step = 1; found.length < count && (at + step < list.entries.length || at - step >= 0); step++) {
    const after = list.entries[at + step];
    if (after !== undefined) found.push(after);
    const before = at - step >= 0 ? list.entries[at - step] : undefined;
    if (before !== undefined && found.length < count) found.push(before);
  }
  return found;
}

/**
 * A function giving each entry its related entries. `entries` must be in reading order; it is walked
 * once here to index tags and sections.
 */
export function relatedEntries<Entry extends Ordered<EntryData>>(
  entries: readonly Entry[],
  { count = RELATED_COUNT, candidatesPerList = CANDIDATES_PER_LIST } = {},
): (entry: Entry) => Entry[] {
  const sectionsOf = (entry: Entry) => new Set(listingsOf(entry.data).map((listing) => listing.section));
  const byTag = new Map<string, Entry[]>();
  const bySection = new Map<string, Entry[]>();
  const order = new Map<string, number>();
  entries.forEach((entry, index) => {
    order.set(entry.id, index);
    for (const tag of new Set(entry.data.tags)) {
      const list = byTag.get(tag);
      if (list) list.push(entry);
      else byTag.set(tag, [entry]);
    }
    for (const section of sectionsOf(entry)) {
      const list = bySection.get(section);
      if (list) list.push(entry);
      else bySection.set(section, [entry]);
    }
  });
  const tagIndex = indexed(byTag);
  const sectionIndex = indexed(bySection);

  return (entry) => {
    const sections = sectionsOf(entry);
    const sharesSection = (other: Entry) => listingsOf(other.data).some((listing) => sections.has(listing.section));
    const shared = new Map<string, { entry: Entry; tags: number }>();
    for (const tag of new Set(entry.data.tags)) {
      for (const other of neighbours(tagIndex.get(tag), entry.id, candidatesPerList)) {
        const seen = shared.get(other.id);
        if (seen) seen.tags += 1;
        else shared.set(other.id, { entry: other, tags: 1 });
      }
    }
    const byTags = [...shared.values()]
      .map((candidate) => ({
        entry: candidate.entry,
        rank: [-candidate.tags, sharesSection(candidate.entry) ? 0 : 1, order.get(candidate.entry.id) ?? 0] as const,
      }))
      .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2])
      .map((candidate) => candidate.entry);
    const chosen = byTags.slice(0, count);
    const ids = new Set(chosen.map((other) => other.id));
    for (const section of sections) {
      for (const other of neighbours(sectionIndex.get(section), entry.id, count + chosen.length)) {
        if (chosen.length >= count) break;
        if (!ids.has(other.id) && other.id !== entry.id) {
          ids.add(other.id);
          chosen.push(other);
        }
      }
    }
    return chosen;
  };
}
