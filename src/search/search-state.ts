/**
 * The search page's state as it lives in the URL (`/search/?q=…&section=…&kind=…&tag=…`), so a
 * search can be shared, bookmarked and reloaded, and the back button restores it.
 */

/** The facets readers can filter by; each is a Pagefind filter set on entry pages. */
export const FACETS = ['section', 'kind', 'tag'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  query: string;
  filters: Record<Facet, string[]>;
}

export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(
    FACETS.map((facet) => [facet, [...new Set(params.getAll(facet).filter((value) => value.length > 0))].sort()]),
  ) as Record<Facet, string[]>;
  return { query: (params.get('q') ?? '').trim(), filters };
}

/** `?q=…&section=…`: parameters in a fixed order, so equal states make equal URLs. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const facet of FACETS) for (const value of [...state.filters[facet]].sort()) params.append(facet, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's filter argument: any of the chosen values within a facet, every facet at once. */
export function pagefindFilters(filters: Record<Facet, string[]>): Record<string, { any: string[] }> {
  return Object.fromEntries(FACETS.filter((facet) => filters[facet].length > 0).map((facet) => [facet, { any: filters[facet] }]));
}

export const hasFilters = (state: SearchState) => FACETS.some((facet) => state.filters[facet].length > 0);
