/**
 * Pure rules for how a reading list is ordered and grouped. Pages never sort or group on their own:
 * they take these views from src/site/site-data.ts, which applies these functions once.
 */
import { compareSections, listingsOf, sectionGroupIds } from '../content/list-shape.ts';
import { DEFAULT_GROUPS, type EntryData, type GroupDeclaration, type SectionData } from '../schemas/content.ts';

export interface Ordered<Data> {
  id: string;
  data: Data;
}

/** Sections by `order` (those without one last), then title (so two sections with the same order still sort stably). */
export function orderSections<Section extends Ordered<SectionData>>(sections: readonly Section[]): Section[] {
  return [...sections].sort(compareSections);
}

/**
 * Entries within one group: those with `order` first, by it; then the rest oldest `added` first,
 * then those with no `added` at all; ties by title. A contributor appends an entry by writing no
 * `order`: dated today it follows every older entry, and undated it goes to the very end.
 */
export function compareEntries(a: Ordered<EntryData>, b: Ordered<EntryData>): number {
  const orderA = a.data.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.data.order ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  // '\uffff' sorts after every YYYY-MM-DD, so an undated entry joins the end of its group.
  const addedA = a.data.added ?? '\uffff';
  const addedB = b.data.added ?? '\uffff';
  if (addedA !== addedB) return addedA < addedB ? -1 : 1;
  return a.data.title.localeCompare(b.data.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface KindGroup<Entry> {
  kind: string;
  /** The heading the list declares for the group, e.g. "Framing" or "Selected Approaches". */
  heading: string;
  entries: Entry[];
}

/** One section's listing of one entry: the entry, with the group and order it has in that section. */
export interface Listed<Entry> {
  entry: Entry;
  kind?: string | undefined;
  order?: number | undefined;
}

/** A group as a section shows it; `kind` and `heading` are undefined in a section without groups. */
export interface ListingGroup<Entry> {
  kind: string | undefined;
  heading: string | undefined;
  entries: Entry[];
}

/**
 * Every section's entries as the section shows them — its own entries and those cross-listed into
 * it (`also_in`) — in its groups' order (a section without groups has one group with no heading),
 * each group in reading order by the order and date the entry has there. Empty groups are left out;
 * a section with no entries is absent from the map.
 */
export function listingsBySection<Entry extends Ordered<EntryData>>(
  entries: readonly Entry[],
  sections: readonly Ordered<Pick<SectionData, 'groups'>>[],
  groups: readonly GroupDeclaration[] = DEFAULT_GROUPS,
): Map<string, ListingGroup<Entry>[]> {
  const listed = new Map<string, Listed<Entry>[]>();
  for (const entry of entries) {
    for (const listing of listingsOf(entry.data)) {
      const item = { entry, kind: listing.kind, order: listing.order };
      const list = listed.get(listing.section);
      if (list) list.push(item);
      else listed.set(listing.section, [item]);
    }
  }
  const headings = new Map(groups.map((group) => [group.id, group.heading]));
  const byOrderThere = (a: Listed<Entry>, b: Listed<Entry>) =>
    compareEntries(
      { id: a.entry.id, data: { ...a.entry.data, order: a.order } },
      { id: b.entry.id, data: { ...b.entry.data, order: b.order } },
    );
  const result = new Map<string, ListingGroup<Entry>[]>();
  for (const section of sections) {
    const items = listed.get(section.id);
    if (!items) continue;
    const ids = sectionGroupIds(section.data, groups);
    const sectionGroups: ListingGroup<Entry>[] =
      ids.length === 0
        ? [{ kind: undefined, heading: undefined, entries: [...items].sort(byOrderThere).map((item) => item.entry) }]
        : ids.map((id) => ({
            kind: id,
            heading: headings.get(id) ?? id,
            entries: items
              .filter((item) => item.kind === id)
              .sort(byOrderThere)
              .map((item) => item.entry),
          }));
    result.set(
      section.id,
      sectionGroups.filter((group) => group.entries.length > 0),
    );
  }
  return result;
}

/**
 * Listing pages hold at most this many entries: every page of a section together lists every one
 * of its links, in reading order, and each page stays small enough for a phone to lay out without
 * blocking (Lighthouse on the 10,000-entry benchmark list: 100 entries a page, ~2,270 elements,
 * blocked the main thread 130–300 ms; 50 entries, 10–40 ms; docs/benchmark.md, "Lighthouse").
 */
export const ENTRIES_PER_PAGE = 50;

/** `items` in order, cut into pages of at most `size` (one empty page for no items). */
export function paginate<Item>(items: readonly Item[], size = ENTRIES_PER_PAGE): Item[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const pages: Item[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}

export interface ListingPage<Entry> {
  /** 1-based page number. */
  number: number;
  /** How many pages the listing has. */
  total: number;
  /** This page's entries, grouped as the section page shows them (a group may continue across pages). */
  groups: ListingGroup<Entry>[];
}

/**
 * A section's listing (its groups, in order) as listing pages of at most `size` entries: the
 * entries in reading order cut into pages, each page keeping the groups, and their headings, its
 * entries belong to (a group may continue on the next page).
 */
export function listingPages<Entry>(groups: readonly ListingGroup<Entry>[], size = ENTRIES_PER_PAGE): ListingPage<Entry>[] {
  const items = groups.flatMap((group) => group.entries.map((entry) => ({ group, entry })));
  const pages = paginate(items, size);
  return pages.map((pageItems, index) => {
    const pageGroups: ListingGroup<Entry>[] = [];
    let from: ListingGroup<Entry> | undefined;
    for (const { group, entry } of pageItems) {
      if (group === from) pageGroups.at(-1)!.entries.push(entry);
      else pageGroups.push({ kind: group.kind, heading: group.heading, entries: [entry] });
      from = group;
    }
    return { number: index + 1, total: pages.length, groups: pageGroups };
  });
}
