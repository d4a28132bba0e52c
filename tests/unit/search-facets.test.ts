import { describe, expect, test } from 'vitest';
import { sectionTree } from '../../src/content/list-shape.ts';
import {
  facetFieldsets,
  facetsAreOwnPlace,
  groupFacetValues,
  orderFacetValues,
  sectionFacetValues,
} from '../../src/search/facets.ts';

const section = (id: string, title: string, parent?: string, order = 0) => ({
  id,
  data: { title, order, ...(parent ? { parent } : {}) },
});
const tree = sectionTree([
  section('page', 'Page', undefined, 1),
  section('teams', 'Teams', 'page', 1),
  section('hiring', 'Hiring', 'teams', 1),
  section('orgs', 'Organizations', 'page', 2),
  section('other', 'Other', undefined, 2),
]);
const position = new Map(tree.inOrder.map((found, index) => [found.id, index]));
const facetsOf = (listings: { section: string; kind?: string }[]) =>
  sectionFacetValues(
    listings,
    tree.ancestorsOf,
    (id) => tree.get(id)!.data.title,
    (id) => position.get(id)!,
  );

describe('sectionFacetValues', () => {
  test('holds the entry’s section and every section above it, so a parent’s facet matches its sub-sections', () => {
    expect(facetsOf([{ section: 'hiring' }])).toEqual(['Page', 'Teams', 'Hiring']);
  });

  test('holds every section a cross-listed entry is in, a shared ancestor once, in tree order', () => {
    expect(facetsOf([{ section: 'orgs' }, { section: 'hiring' }, { section: 'other' }])).toEqual([
      'Page',
      'Teams',
      'Hiring',
      'Organizations',
      'Other',
    ]);
  });
});

describe('groupFacetValues', () => {
  const headings: Record<string, string> = { culture: 'Culture', blogs: 'Blogs' };
  test('holds the heading of each group the entry is listed under, once each; a listing without a group adds none', () => {
    expect(
      groupFacetValues(
        [{ section: 'a', kind: 'culture' }, { section: 'b' }, { section: 'c', kind: 'blogs' }, { section: 'd', kind: 'culture' }],
        (id) => headings[id]!,
      ),
    ).toEqual(['Culture', 'Blogs']);
    expect(groupFacetValues([{ section: 'a' }], (id) => headings[id]!)).toEqual([]);
  });
});

describe('orderFacetValues', () => {
  test('offers the known values in the given order with their depth, then the others A–Z', () => {
    const order = [
      { value: 'Page', depth: 0 },
      { value: 'Teams', depth: 1 },
      { value: 'Hiring', depth: 2 },
      { value: 'Unused', depth: 0 },
    ];
    expect(orderFacetValues({ zeta: 1, Hiring: 2, Page: 5, alpha: 3, Teams: 0 }, order)).toEqual([
      { value: 'Page', count: 5, depth: 0 },
      { value: 'Teams', count: 0, depth: 1 },
      { value: 'Hiring', count: 2, depth: 2 },
      { value: 'alpha', count: 3, depth: 0 },
      { value: 'zeta', count: 1, depth: 0 },
    ]);
  });

  test('with no order (tags), lists values A–Z', () => {
    expect(orderFacetValues({ b: 1, a: 2 }).map((option) => option.value)).toEqual(['a', 'b']);
  });
});

describe('facetsAreOwnPlace', () => {
  test('is true for an entry whose facets are only its own top-level section and group, so the page’s visible names can carry them', () => {
    const facets = { sections: facetsOf([{ section: 'other', kind: 'framing' }]), groups: ['Framing'] };
    expect(facetsAreOwnPlace(facets, { section: 'Other', group: 'Framing' })).toBe(true);
    expect(facetsAreOwnPlace({ sections: ['Other'], groups: [] }, { section: 'Other', group: undefined })).toBe(true);
  });

  test('is false when the facets hold more than its own place: a sub-section’s ancestors, a cross-listing, another group', () => {
    const nested = { sections: facetsOf([{ section: 'hiring' }]), groups: [] };
    expect(facetsAreOwnPlace(nested, { section: 'Hiring', group: undefined })).toBe(false);
    const crossListed = { sections: facetsOf([{ section: 'other' }, { section: 'page' }]), groups: [] };
    expect(facetsAreOwnPlace(crossListed, { section: 'Other', group: undefined })).toBe(false);
    const twoGroups = { sections: ['Other'], groups: ['Framing', 'Culture'] };
    expect(facetsAreOwnPlace(twoGroups, { section: 'Other', group: 'Framing' })).toBe(false);
    expect(facetsAreOwnPlace({ sections: ['Other'], groups: ['Framing'] }, { section: 'Other', group: undefined })).toBe(false);
    expect(facetsAreOwnPlace({ sections: ['Other'], groups: [] }, { section: 'Another', group: undefined })).toBe(false);
  });
});

describe('facetFieldsets', () => {
  test('offers the facets that have values, in the search state’s order, each with its legend and ordered values', () => {
    const fieldsets = facetFieldsets(
      { section: { Tools: 2, 'Data › Lakes': 1, Data: 3 }, kind: {}, tag: { sql: 1, dbt: 2 } },
      {
        section: [
          { value: 'Data', depth: 0 },
          { value: 'Data › Lakes', depth: 1 },
          { value: 'Tools', depth: 0 },
        ],
      },
    );
    expect(fieldsets).toEqual([
      {
        facet: 'section',
        legend: 'Section',
        options: [
          { value: 'Data', count: 3, depth: 0 },
          { value: 'Data › Lakes', count: 1, depth: 1 },
          { value: 'Tools', count: 2, depth: 0 },
        ],
      },
      {
        facet: 'tag',
        legend: 'Tag',
        options: [
          { value: 'dbt', count: 2, depth: 0 },
          { value: 'sql', count: 1, depth: 0 },
        ],
      },
    ]);
  });
});
