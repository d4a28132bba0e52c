/**
 * What an entry's search record says about where it is listed, and the order facets are offered in.
 *
 * Pagefind filters are multi-valued and counted per record: a record carrying a value once counts
 * once under it. So each entry's record carries every section it is listed in AND all their
 * ancestors (choosing a parent then matches its sub-sections' entries, and its count is the number
 * of distinct entries below it), and every group it is listed under. It stays one record however
 * many sections list it.
 */
import type { Listing } from '../content/list-shape.ts';
import { FACETS, type Facet } from './search-state.ts';

/** Per facet, per value: how many entries' records carry it. */
export type FacetCounts = Record<Facet, Record<string, number>>;

/** A section facet value as the search page lists it: in tree order, indented by depth. */
export interface FacetOption {
  value: string;
  depth: number;
}

/**
 * The section facet values of one entry: each section it is listed in and every section above
 * those, each once, in tree order (`position`: a section's place in the tree's reading order).
 */
export function sectionFacetValues(
  listings: readonly Listing[],
  ancestorsOf: (sectionId: string) => readonly { id: string }[],
  labelOf: (sectionId: string) => string,
  position: (sectionId: string) => number,
): string[] {
  const ids = new Set<string>();
  for (const listing of listings) {
    for (const ancestor of ancestorsOf(listing.section)) ids.add(ancestor.id);
    ids.add(listing.section);
  }
  return [...ids].sort((a, b) => position(a) - position(b)).map(labelOf);
}

/** The group facet values of one entry: the heading of each group it is listed under, each once, in listing order. */
export function groupFacetValues(listings: readonly Listing[], headingOf: (groupId: string) => string): string[] {
  const headings: string[] = [];
  for (const listing of listings) {
    if (listing.kind === undefined) continue; // listed in a section without groups
    const heading = headingOf(listing.kind);
    if (!headings.includes(heading)) headings.push(heading);
  }
  return headings;
}

/**
 * Facet values with counts, in the order the page offers them: those in `order` first, in its
 * order (the section tree, the declared groups), then any others A–Z (tags).
 */
export function orderFacetValues(
  counts: Record<string, number>,
  order: readonly FacetOption[] = [],
): { value: string; count: number; depth: number }[] {
  const known = new Set(order.map((option) => option.value));
  const first = order
    .filter((option) => Object.hasOwn(counts, option.value))
    .map((option) => ({ value: option.value, count: counts[option.value]!, depth: option.depth }));
  const rest = Object.keys(counts)
    .filter((value) => !known.has(value))
    .sort((a, b) => a.localeCompare(b, 'en'))
    .map((value) => ({ value, count: counts[value]!, depth: 0 }));
  return [...first, ...rest];
}

const FACET_LEGENDS: Record<Facet, string> = { section: 'Section', kind: 'Kind', tag: 'Tag' };

/** The search page's fieldsets: each facet that has values, with its values in the order offered. */
export function facetFieldsets(
  counts: FacetCounts,
  order: Partial<Record<Facet, readonly FacetOption[]>>,
): { facet: Facet; legend: string; options: { value: string; count: number; depth: number }[] }[] {
  return FACETS.filter((facet) => Object.keys(counts[facet]).length > 0).map((facet) => ({
    facet,
    legend: FACET_LEGENDS[facet],
    options: orderFacetValues(counts[facet], order[facet]),
  }));
}

/**
 * Whether an entry's facet values are just the section and group its page already names: then
 * those visible names carry the filters and the record needs no extra markup (most entries;
 * ~300 bytes on each of 10,000 pages). Entries cross-listed or in a sub-section need the values
 * listed out, and their own section and group named apart for the result's details line.
 */
export function facetsAreOwnPlace(
  facets: { sections: readonly string[]; groups: readonly string[] },
  own: { section: string; group: string | undefined },
): boolean {
  const groups = own.group === undefined ? [] : [own.group];
  return (
    facets.sections.length === 1 &&
    facets.sections[0] === own.section &&
    facets.groups.length === groups.length &&
    facets.groups.every((group, index) => group === groups[index])
  );
}
