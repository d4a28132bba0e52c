import { describe, expect, test } from 'vitest';
import { sectionTree } from '../../src/content/list-shape.ts';
import {
  breadcrumbTrail,
  countLabel,
  INLINE_LISTING_LIMIT,
  sectionCounts,
  sectionLabels,
  subsectionBlocks,
  subtreeListing,
} from '../../src/site/section-views.ts';

const section = (id: string, title: string, parent?: string, order?: number) => ({
  id,
  data: { title, ...(parent ? { parent } : {}), ...(order !== undefined ? { order } : {}) },
});

// A page → sections → sub-sections, with "Culture" as a title under two parents.
const tree = sectionTree([
  section('management', 'Management', undefined, 1),
  section('teams', 'Teams', 'management', 1),
  section('orgs', 'Organizations', 'management', 2),
  section('team-culture', 'Culture', 'teams', 1),
  section('org-culture', 'Culture', 'orgs', 1),
  section('reading', 'Reading', undefined, 2),
]);

// Listings: ids each section's own listing holds. `shared` is listed in both cultures.
const listed: Record<string, string[]> = {
  management: [],
  teams: ['t1', 't2'],
  orgs: ['o1'],
  'team-culture': ['c1', 'shared'],
  'org-culture': ['shared', 'c2', 'c3'],
  reading: ['r1'],
};
const counts = sectionCounts(tree, (id) => listed[id] ?? []);

describe('sectionCounts', () => {
  test('counts each section’s own listing, and its whole subtree with a cross-listed entry once', () => {
    expect(Object.fromEntries(counts)).toEqual({
      management: { own: 0, total: 7 }, // t1 t2 o1 c1 shared c2 c3: `shared` once, though listed twice
      teams: { own: 2, total: 4 },
      orgs: { own: 1, total: 4 },
      'team-culture': { own: 2, total: 2 },
      'org-culture': { own: 3, total: 3 },
      reading: { own: 1, total: 1 },
    });
  });
});

describe('countLabel', () => {
  test('reads as before for a section with nothing below it', () => {
    expect(countLabel({ own: 14, total: 14 })).toBe('14 links');
    expect(countLabel({ own: 1, total: 1 })).toBe('1 link');
    expect(countLabel({ own: 0, total: 0 })).toBe('0 links');
  });

  test('says what a section holds itself and what its sub-sections add', () => {
    expect(countLabel({ own: 0, total: 8 })).toBe('8 links in its sub-sections');
    expect(countLabel({ own: 2, total: 4 })).toBe('2 links here, 4 with its sub-sections');
  });

  test('writes counts in the site number format', () => {
    expect(countLabel({ own: 3033, total: 3033 })).toBe('3,033 links');
    expect(countLabel({ own: 1200, total: 4500 })).toBe('1,200 links here, 4,500 with its sub-sections');
  });
});

describe('subtreeListing', () => {
  test('lists a section’s own entries, then its sub-sections’ in tree order, each entry once', () => {
    const listingOf = (id: string) => (listed[id] ?? []).map((entryId) => ({ id: entryId }));
    expect(subtreeListing(tree, 'management', listingOf).map((entry) => entry.id)).toEqual([
      't1',
      't2',
      'c1',
      'shared',
      'o1',
      'c2',
      'c3',
    ]);
    expect(subtreeListing(tree, 'reading', listingOf).map((entry) => entry.id)).toEqual(['r1']);
  });
});

describe('subsectionBlocks', () => {
  test('gives each sub-section in order, with its counts and its own sub-sections as links', () => {
    const blocks = subsectionBlocks(tree, 'management', counts);
    expect(blocks.map((block) => [block.section.id, block.counts, block.children.map((child) => child.section.id)])).toEqual([
      ['teams', { own: 2, total: 4 }, ['team-culture']],
      ['orgs', { own: 1, total: 4 }, ['org-culture']],
    ]);
    expect(subsectionBlocks(tree, 'team-culture', counts)).toEqual([]);
  });

  test('shows a short listing inline and a long one as a link and count', () => {
    const sized = new Map([
      ['teams', { own: INLINE_LISTING_LIMIT, total: 50 }],
      ['orgs', { own: INLINE_LISTING_LIMIT + 1, total: INLINE_LISTING_LIMIT + 1 }],
    ]);
    expect(subsectionBlocks(tree, 'management', sized).map((block) => block.inline)).toEqual([true, false]);
  });

  test('shows nothing inline for a sub-section with no entries of its own', () => {
    const empty = new Map([['teams', { own: 0, total: 3 }]]);
    expect(subsectionBlocks(tree, 'management', empty)[0]!.inline).toBe(false);
  });

  test('stops showing listings inline once the page’s budget is spent', () => {
    const many = sectionTree([section('top', 'Top'), ...['a', 'b', 'c', 'd'].map((id) => section(id, id.toUpperCase(), 'top'))]);
    const sized = new Map(['a', 'b', 'c', 'd'].map((id) => [id, { own: 4, total: 4 }]));
    const blocks = subsectionBlocks(many, 'top', sized, { limit: 10, budget: 9 });
    // a and b fit (8); c would make 12; d would too.
    expect(blocks.map((block) => block.inline)).toEqual([true, true, false, false]);
  });
});

describe('breadcrumbTrail', () => {
  test('runs from the top level down to the section itself', () => {
    expect(breadcrumbTrail(tree, 'org-culture').map((found) => found.id)).toEqual(['management', 'orgs', 'org-culture']);
    expect(breadcrumbTrail(tree, 'reading').map((found) => found.id)).toEqual(['reading']);
    expect(breadcrumbTrail(tree, 'nowhere')).toEqual([]);
  });
});

describe('sectionLabels', () => {
  test('names a section by its title, and by the titles above it where titles repeat', () => {
    const labels = sectionLabels(tree);
    expect(labels.get('teams')).toBe('Teams');
    expect(labels.get('team-culture')).toBe('Teams › Culture');
    expect(labels.get('org-culture')).toBe('Organizations › Culture');
    expect(new Set(labels.values()).size).toBe(labels.size);
  });

  test('goes up as far as it takes, and falls back to the id when whole trails repeat', () => {
    const deep = sectionTree([
      section('a', 'A'),
      section('b', 'B'),
      section('a-x', 'X', 'a'),
      section('b-x', 'X', 'b'),
      section('a-x-y', 'Y', 'a-x'),
      section('b-x-y', 'Y', 'b-x'),
      section('twin-1', 'Twin'),
      section('twin-2', 'Twin'),
    ]);
    const labels = sectionLabels(deep);
    expect(labels.get('a-x-y')).toBe('A › X › Y');
    expect(labels.get('b-x-y')).toBe('B › X › Y');
    expect(labels.get('twin-1')).toBe('Twin (twin-1)');
    expect(labels.get('twin-2')).toBe('Twin (twin-2)');
    expect(labels.get('a')).toBe('A');
  });
});
