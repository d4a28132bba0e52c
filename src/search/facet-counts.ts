/**
 * The search page's facet counts with no query, computed from the content at build time and
 * rendered in the page (src/components/SearchFacets.astro). The page shows them without loading
 * Pagefind's filter index, which holds every record's filters (tens of kilobytes at 10,000
 * entries), and without moving once its script starts; it loads that index only once a reader
 * searches or narrows, when the counts depend on the results.
 *
 * They are Pagefind's own counts (a browser test compares the two): each entry's record carries the
 * values its permalink page marks as filters (src/search/facets.ts), and a record counts once under
 * each value it carries.
 */
import { declaredGroups, listingsOf, sectionTree, type SectionTree } from '../content/list-shape.ts';
import type { EntryData, GroupDeclaration, ListData, SectionData } from '../schemas/content.ts';
import { sectionLabels } from '../site/section-views.ts';
import { groupFacetValues, sectionFacetValues, type FacetCounts } from './facets.ts';
import type { Facet } from './search-state.ts';

interface ListShape {
  list: { data: Pick<ListData, 'groups'> } | undefined;
  sections: readonly { id: string; data: Pick<SectionData, 'title' | 'parent' | 'order'> }[];
  entries: readonly { data: Pick<EntryData, 'section' | 'kind' | 'order' | 'also_in' | 'tags'> }[];
}

/** The filter values each entry's search record carries, as its permalink page marks them. */
export function recordFacets(shape: ListShape): (entry: ListShape['entries'][number]) => Record<Facet, string[]> {
  const groups: readonly GroupDeclaration[] = declaredGroups(shape.list?.data);
  const headings = new Map(groups.map((group) => [group.id, group.heading]));
  const tree: SectionTree<ListShape['sections'][number]> = sectionTree(shape.sections);
  const labels = sectionLabels(tree);
  const position = new Map(tree.inOrder.map((section, index) => [section.id, index]));
  return (entry) => {
    const listings = listingsOf(entry.data);
    return {
      section: sectionFacetValues(
        listings,
        tree.ancestorsOf,
        (id) => labels.get(id) ?? id,
        (id) => position.get(id) ?? 0,
      ),
      kind: groupFacetValues(listings, (id) => headings.get(id) ?? id),
      tag: [...new Set(entry.data.tags)],
    };
  };
}

/** Every facet value's count over the whole list: what Pagefind's `filters()` reports for these facets. */
export function facetCounts(shape: ListShape): FacetCounts {
  const counts: FacetCounts = { section: {}, kind: {}, tag: {} };
  const facetsOf = recordFacets(shape);
  for (const entry of shape.entries) {
    const facets = facetsOf(entry);
    for (const facet of Object.keys(counts) as Facet[]) {
      for (const value of facets[facet]) counts[facet][value] = (counts[facet][value] ?? 0) + 1;
    }
  }
  return counts;
}
