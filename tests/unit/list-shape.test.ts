import { describe, expect, it } from 'vitest';
import {
  compareSections,
  declaredGroups,
  listingsOf,
  parentCycle,
  sectionGroupIds,
  sectionTree,
} from '../../src/content/list-shape.ts';
import { DEFAULT_GROUPS } from '../../src/schemas/content.ts';

const section = (id: string, data: { title?: string; order?: number; parent?: string } = {}) => ({
  id,
  data: { title: data.title ?? id, ...data },
});

describe('declaredGroups and sectionGroupIds', () => {
  it('gives Framing then Selected Approaches when the list declares no groups', () => {
    expect(declaredGroups({})).toEqual(DEFAULT_GROUPS);
    expect(declaredGroups(undefined).map((group) => group.heading)).toEqual(['Framing', 'Selected Approaches']);
  });

  it('gives the declared groups in the order written', () => {
    const groups = [
      { id: 'pitfalls', heading: 'Pitfalls' },
      { id: 'blogs', heading: 'Blogs' },
    ];
    expect(declaredGroups({ groups })).toEqual(groups);
  });

  it('lets a section show every group, a chosen few in its own order, or none', () => {
    const groups = declaredGroups({
      groups: [
        { id: 'a', heading: 'A' },
        { id: 'b', heading: 'B' },
        { id: 'c', heading: 'C' },
      ],
    });
    expect(sectionGroupIds({}, groups)).toEqual(['a', 'b', 'c']);
    expect(sectionGroupIds({ groups: ['c', 'a'] }, groups)).toEqual(['c', 'a']);
    expect(sectionGroupIds({ groups: [] }, groups)).toEqual([]);
  });
});

describe('listingsOf', () => {
  it('lists the entry’s own section first, then its cross-listings in the order written', () => {
    expect(
      listingsOf({
        section: 'teams',
        kind: 'culture',
        order: 2,
        also_in: [{ section: 'orgs', kind: 'culture' }, { section: 'reading' }],
      }),
    ).toEqual([{ section: 'teams', kind: 'culture', order: 2 }, { section: 'orgs', kind: 'culture' }, { section: 'reading' }]);
  });
});

describe('compareSections', () => {
  it('orders by order, then sections without one by title', () => {
    const sorted = [
      section('z', { title: 'Zebra' }),
      section('b', { order: 2 }),
      section('a', { title: 'Apple' }),
      section('c', { order: 1 }),
    ]
      .sort(compareSections)
      .map((found) => found.id);
    expect(sorted).toEqual(['c', 'b', 'a', 'z']);
  });
});

describe('parentCycle', () => {
  it('finds the chain that returns to the section', () => {
    const parents = new Map<string, string | undefined>([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]);
    expect(parentCycle('a', parents)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds nothing for a chain that ends at the top, at an unknown parent, or loops above the section', () => {
    expect(
      parentCycle(
        'a',
        new Map([
          ['a', 'b'],
          ['b', undefined],
        ]),
      ),
    ).toBeUndefined();
    expect(parentCycle('a', new Map([['a', 'nowhere']]))).toBeUndefined();
    expect(
      parentCycle(
        'a',
        new Map([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'b'],
        ]),
      ),
    ).toBeUndefined();
  });
});

describe('sectionTree', () => {
  const tree = sectionTree([
    section('rituals', { parent: 'teams', title: 'Rituals' }),
    section('orgs', { parent: 'roles', order: 2 }),
    section('teams', { parent: 'roles', order: 1 }),
    section('roles', { order: 2 }),
    section('platforms', { order: 1 }),
  ]);

  it('puts top-level sections and each section’s children in order', () => {
    expect(tree.roots.map((found) => found.id)).toEqual(['platforms', 'roles']);
    expect(tree.childrenOf('roles').map((found) => found.id)).toEqual(['teams', 'orgs']);
    expect(tree.childrenOf('platforms')).toEqual([]);
  });

  it('walks the tree depth first, a parent before its sub-sections, three levels deep', () => {
    expect(tree.inOrder.map((found) => found.id)).toEqual(['platforms', 'roles', 'teams', 'rituals', 'orgs']);
    expect(tree.subtreeOf('teams').map((found) => found.id)).toEqual(['teams', 'rituals']);
  });

  it('gives the breadcrumb trail of a section from the top level down', () => {
    expect(tree.ancestorsOf('rituals').map((found) => found.id)).toEqual(['roles', 'teams']);
    expect(tree.ancestorsOf('roles')).toEqual([]);
  });
});
