import { describe, expect, test } from 'vitest';
import { shownFacetValues, showAllLabel } from '../../src/search/facet-display.ts';

const values = (counts: number[], checked: number[] = []) =>
  counts.map((count, index) => ({ value: `v${index}`, count, checked: checked.includes(index) }));

describe('shownFacetValues', () => {
  test('hides values with no results for the current search', () => {
    const { shown, hidden } = shownFacetValues(values([3, 0, 1, 0]));
    expect([...shown]).toEqual(['v0', 'v2']);
    expect(hidden).toBe(2);
  });

  test('shows only the largest values of a long facet, keeping the offered order', () => {
    const { shown, hidden } = shownFacetValues(values([1, 9, 2, 8, 3, 7]), { top: 3 });
    expect([...shown].sort()).toEqual(['v1', 'v3', 'v5']);
    expect(hidden).toBe(3);
  });

  test('breaks ties by the offered order', () => {
    expect([...shownFacetValues(values([5, 5, 5, 5]), { top: 2 }).shown]).toEqual(['v0', 'v1']);
  });

  test('keeps a ticked value visible even with no results or outside the largest', () => {
    const { shown } = shownFacetValues(values([9, 8, 0, 1], [2, 3]), { top: 2 });
    expect([...shown].sort()).toEqual(['v0', 'v1', 'v2', 'v3']);
  });

  test('shows every value, zero or not, once expanded', () => {
    expect(shownFacetValues(values([0, 0, 4]), { expanded: true })).toEqual({ shown: new Set(['v0', 'v1', 'v2']), hidden: 0 });
  });
});

describe('showAllLabel', () => {
  test('names how many values "show all" shows, or offers fewer', () => {
    expect(showAllLabel(150, false)).toBe('Show all 150');
    expect(showAllLabel(150, true)).toBe('Show fewer');
  });
});
