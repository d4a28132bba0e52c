/**
 * The search page's state in the URL, and the filter argument it hands Pagefind. That argument's
 * effect (same results and scores as no filter, counts for the three facets only) is checked against
 * Pagefind itself in tests/e2e/search.spec.ts.
 */
import { describe, expect, test } from 'vitest';
import { hasFilters, pagefindFilters, readSearchState, writeSearchState } from '../../src/search/search-state.ts';

describe('search state in the URL', () => {
  test('reads the query and each facet’s values, deduplicated and sorted, ignoring empty ones', () => {
    expect(readSearchState('?q=+kafka+&section=Teams&section=Essays&section=Teams&tag=&kind=Why')).toEqual({
      query: 'kafka',
      filters: { section: ['Essays', 'Teams'], kind: ['Why'], tag: [] },
    });
  });

  test('writes equal states as equal URLs, and no state as none', () => {
    const state = readSearchState('?tag=b&q=x&tag=a');
    expect(writeSearchState(state)).toBe('?q=x&tag=a&tag=b');
    expect(writeSearchState(readSearchState(writeSearchState(state)))).toBe('?q=x&tag=a&tag=b');
    expect(writeSearchState(readSearchState(''))).toBe('');
    expect(hasFilters(readSearchState('?q=x'))).toBe(false);
    expect(hasFilters(readSearchState('?kind=Why'))).toBe(true);
  });
});

describe('pagefindFilters', () => {
  test('names every facet, so Pagefind loads and counts each: chosen values as any-of, the others as an empty any', () => {
    expect(pagefindFilters({ section: ['Essays', 'Teams'], kind: [], tag: [] })).toEqual({
      section: { any: ['Essays', 'Teams'] },
      kind: { any: [] },
      tag: { any: [] },
    });
  });

  test('never names the filters behind a result’s details line', () => {
    expect(Object.keys(pagefindFilters({ section: [], kind: ['Why'], tag: ['x'] })).sort()).toEqual(['kind', 'section', 'tag']);
  });
});
