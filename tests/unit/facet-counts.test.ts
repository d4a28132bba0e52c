/**
 * The whole list's facet counts, written at build time for the search page: a record counts once
 * under each value it carries, as Pagefind counts it (tests/e2e/search.spec.ts and shapes.spec.ts
 * compare the written file with Pagefind's own counts on built sites).
 */
import { describe, expect, test } from 'vitest';
import { facetCounts, recordFacets } from '../../src/search/facet-counts.ts';

const list = (groups?: { id: string; heading: string }[]) => ({ data: groups ? { groups } : {} });
const section = (id: string, title: string, parent?: string, order = 0) => ({
  id,
  data: { title, order, ...(parent ? { parent } : {}) },
});
const entry = (sectionId: string, kind?: string, tags: string[] = [], also_in: { section: string; kind?: string }[] = []) => ({
  data: { section: sectionId, ...(kind ? { kind } : {}), tags, also_in },
});

const sections = [
  section('page', 'Page', undefined, 1),
  section('teams', 'Teams', 'page', 1),
  section('hiring', 'Hiring', 'teams', 1),
  section('other', 'Other', undefined, 2),
  // Same title as a section elsewhere: the facet names it by its trail.
  section('other-hiring', 'Hiring', 'other', 1),
];

describe('recordFacets', () => {
  test('an entry carries its section and those above it, its group’s heading and its tags', () => {
    const facetsOf = recordFacets({ list: list(), sections, entries: [] });
    expect(facetsOf(entry('hiring', 'framing', ['people', 'hiring']))).toEqual({
      section: ['Page', 'Teams', 'Teams › Hiring'],
      kind: ['Framing'],
      tag: ['people', 'hiring'],
    });
  });

  test('a cross-listed entry carries every section it is listed in, a shared parent once, and each group once', () => {
    const facetsOf = recordFacets({
      list: list([
        { id: 'why', heading: 'Why' },
        { id: 'how', heading: 'How' },
      ]),
      sections,
      entries: [],
    });
    expect(facetsOf(entry('teams', 'how', [], [{ section: 'hiring', kind: 'how' }, { section: 'other' }]))).toEqual({
      section: ['Page', 'Teams', 'Teams › Hiring', 'Other'],
      kind: ['How'],
      tag: [],
    });
  });
});

describe('facetCounts', () => {
  test('counts each entry once under every value it carries: a parent counts the distinct entries below it', () => {
    const counts = facetCounts({
      list: list(),
      sections,
      entries: [
        entry('hiring', 'framing', ['people']),
        entry('teams', 'approach', ['people', 'growth'], [{ section: 'hiring', kind: 'approach' }]),
        entry('other-hiring', 'framing'),
        entry('page', 'framing', [], [{ section: 'other', kind: 'approach' }]),
      ],
    });
    expect(counts).toEqual({
      section: { Page: 3, Teams: 2, 'Teams › Hiring': 2, Other: 2, 'Other › Hiring': 1 },
      kind: { Framing: 3, 'Selected Approaches': 2 },
      tag: { people: 2, growth: 1 },
    });
  });

  test('an entry in a section without groups adds to no group, and a list of no entries counts nothing', () => {
    const noGroups = [section('notes', 'Notes')];
    expect(facetCounts({ list: list(), sections: noGroups, entries: [entry('notes')] })).toEqual({
      section: { Notes: 1 },
      kind: {},
      tag: {},
    });
    expect(facetCounts({ list: list(), sections: noGroups, entries: [] })).toEqual({ section: {}, kind: {}, tag: {} });
  });
});
