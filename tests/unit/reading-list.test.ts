import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import {
  compareEntries,
  ENTRIES_PER_PAGE,
  listingsBySection,
  listingPages,
  orderSections,
  paginate,
} from '../../src/site/reading-list.ts';
import type { EntryData, SectionData } from '../../src/schemas/content.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface TestEntry {
  id: string;
  data: EntryData;
}

let counter = 0;
function entry(title: string, fields: Partial<EntryData> = {}, id?: string): TestEntry {
  counter += 1;
  return {
    id: id ?? `data-platforms/e${counter}`,
    data: {
      title,
      url: `https://example.com/${counter}`,
      section: 'data-platforms',
      kind: 'approach',
      quotes: [],
      tags: [],
      also_in: [],
      ...fields,
    },
  };
}

const titles = (entries: readonly TestEntry[]) => entries.map((found) => found.data.title);
const sorted = (entries: TestEntry[]) => titles([...entries].sort(compareEntries));

function section(id: string, title: string, order: number): { id: string; data: SectionData } {
  return { id, data: { title, summary: 'Framing and Approaches', order } };
}

describe('orderSections', () => {
  test('puts sections in order of their order field', () => {
    const ordered = orderSections([section('c', 'Gamma', 3), section('a', 'Alpha', 1), section('b', 'Beta', 2)]);
    expect(ordered.map((found) => found.id)).toEqual(['a', 'b', 'c']);
  });

  test('breaks a tie in order by title', () => {
    const ordered = orderSections([section('z', 'Zeta', 1), section('m', 'Mu', 1), section('first', 'Alpha', 0)]);
    expect(ordered.map((found) => found.id)).toEqual(['first', 'm', 'z']);
  });

  test('handles negative and fractional orders', () => {
    const ordered = orderSections([section('a', 'A', 1.5), section('b', 'B', -1), section('c', 'C', 1)]);
    expect(ordered.map((found) => found.id)).toEqual(['b', 'c', 'a']);
  });

  test('returns a new array and leaves its input as it was', () => {
    const input = [section('b', 'B', 2), section('a', 'A', 1)];
    const output = orderSections(input);
    expect(output).not.toBe(input);
    expect(input.map((found) => found.id)).toEqual(['b', 'a']);
  });
});

describe('compareEntries', () => {
  test('puts entries with an order first, lowest order first', () => {
    expect(
      sorted([entry('No order'), entry('Third', { order: 3 }), entry('First', { order: 1 }), entry('Second', { order: 2 })]),
    ).toEqual(['First', 'Second', 'Third', 'No order']);
  });

  test('puts an order of 0 before 1', () => {
    expect(sorted([entry('One', { order: 1 }), entry('Zero', { order: 0 })])).toEqual(['Zero', 'One']);
  });

  test('sorts unordered entries oldest added first, and an undated one at the end of its group', () => {
    expect(
      sorted([
        entry('May', { added: '2024-05-01' }),
        entry('Undated'),
        entry('January', { added: '2024-01-15' }),
        entry('Last year', { added: '2023-12-31' }),
      ]),
    ).toEqual(['Last year', 'January', 'May', 'Undated']);
  });

  test('puts an ordered entry before an unordered one whatever their dates', () => {
    expect(
      sorted([entry('Old unordered', { added: '2001-01-01' }), entry('New ordered', { order: 99, added: '2030-01-01' })]),
    ).toEqual(['New ordered', 'Old unordered']);
  });

  test('sorts by title when order and added are the same', () => {
    expect(
      sorted([
        entry('beta', { added: '2024-01-01' }),
        entry('Alpha', { added: '2024-01-01' }),
        entry('Gamma', { added: '2024-01-01' }),
      ]),
    ).toEqual(['Alpha', 'beta', 'Gamma']);
  });

  test('sorts by title when two entries share an order', () => {
    expect(sorted([entry('Zebra', { order: 1 }), entry('Aardvark', { order: 1 })])).toEqual(['Aardvark', 'Zebra']);
  });

  test('falls back to the id when titles are equal', () => {
    const later = entry('Same', {}, 'data-platforms/b');
    const earlier = entry('Same', {}, 'data-platforms/a');
    expect([later, earlier].sort(compareEntries).map((found) => found.id)).toEqual(['data-platforms/a', 'data-platforms/b']);
  });

  test('is stable for entries that tie on everything', () => {
    const first = entry('Same', { order: 1 }, 'data-platforms/same');
    const second = entry('Same', { order: 1 }, 'data-platforms/same');
    const third = entry('Same', { order: 1 }, 'data-platforms/same');
    expect(compareEntries(first, second)).toBe(0);
    expect([first, second, third].sort(compareEntries)).toEqual([first, second, third]);
    expect([third, first, second].sort(compareEntries)[0]).toBe(third);
  });

  test('is antisymmetric', () => {
    const a = entry('A', { order: 1 });
    const b = entry('B');
    expect(compareEntries(a, b)).toBe(-1);
    expect(compareEntries(b, a)).toBe(1);
  });
});

describe('the legacy list', () => {
  test('keeps the legacy order within a group', () => {
    const legacy = readFileSync(join(projectRoot, 'tests/fixtures/legacy-reference/platforms-and-products.md'), 'utf8');
    const expected: { section: string; groups: { heading: string; titles: string[] }[] }[] = [];
    for (const line of legacy.split('\n')) {
      let match: RegExpExecArray | null;
      if ((match = /^# (.+)$/.exec(line))) expected.push({ section: match[1]!, groups: [] });
      else if ((match = /^## (.+)$/.exec(line))) expected.at(-1)!.groups.push({ heading: match[1]!, titles: [] });
      else if ((match = /^\[(.+)\]\(.+\)$/.exec(line))) expected.at(-1)!.groups.at(-1)!.titles.push(match[1]!);
    }
    expect(expected.flatMap((found) => found.groups.flatMap((group) => group.titles))).toHaveLength(20);

    // The list the legacy page was imported as (content/ itself grows with every contribution).
    const files = readReadingList(join(projectRoot, 'tests/fixtures/legacy-imported'), projectRoot);
    const sections = orderSections(files.sections);
    const listings = listingsBySection(files.entries, sections);
    const actual = sections.map((found) => ({
      section: found.data.title,
      groups: (listings.get(found.id) ?? []).map((group) => ({ heading: group.heading, titles: titles(group.entries) })),
    }));
    expect(actual).toEqual(expected);
  });
});

describe('pagination of long listings', () => {
  const entry = (n: number, kind: 'framing' | 'approach') => ({
    id: `s/e${n}`,
    data: { title: `E${n}`, url: `https://example.com/${n}`, section: 's', kind, quotes: [], tags: [], also_in: [], order: n },
  });

  test('cuts items into pages of at most the given size, in order', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([1, 2], 2)).toEqual([[1, 2]]);
  });

  test('gives one empty page for no items, and refuses a size below 1', () => {
    expect(paginate([], 10)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });

  const pagesOf = (entries: ReturnType<typeof entry>[], size?: number) =>
    listingPages(listingsBySection(entries, [{ id: 's', data: {} }]).get('s') ?? [], size);

  test('keeps Framing before Selected Approaches, a group continuing across pages', () => {
    const entries = [entry(4, 'approach'), entry(1, 'framing'), entry(5, 'approach'), entry(2, 'framing'), entry(3, 'framing')];
    const pages = pagesOf(entries, 2);
    expect(
      pages.map((page) => ({
        number: page.number,
        total: page.total,
        groups: page.groups.map((g) => [g.heading, g.entries.map((e) => e.id)]),
      })),
    ).toEqual([
      { number: 1, total: 3, groups: [['Framing', ['s/e1', 's/e2']]] },
      {
        number: 2,
        total: 3,
        groups: [
          ['Framing', ['s/e3']],
          ['Selected Approaches', ['s/e4']],
        ],
      },
      { number: 3, total: 3, groups: [['Selected Approaches', ['s/e5']]] },
    ]);
  });

  test('lists every entry exactly once across the pages of the shipped default size', () => {
    const entries = Array.from({ length: 250 }, (_, index) => entry(index + 1, index < 40 ? 'framing' : 'approach'));
    const pages = pagesOf(entries);
    expect(pages).toHaveLength(Math.ceil(250 / ENTRIES_PER_PAGE));
    expect(pages.flatMap((page) => page.groups.flatMap((group) => group.entries.map((e) => e.id)))).toEqual(
      entries.map((e) => e.id),
    );
  });
});

describe('listingsBySection', () => {
  const groups = [
    { id: 'culture', heading: 'Culture' },
    { id: 'blogs', heading: 'Blogs' },
  ];
  const sections = [
    { id: 'teams', data: { groups: ['blogs', 'culture'] } },
    { id: 'orgs', data: {} },
    { id: 'reading', data: { groups: [] } },
    { id: 'empty', data: {} },
  ];

  test('shows each section’s own and cross-listed entries in its groups’ order, with the order each has there', () => {
    const shared = entry('Shared', {
      section: 'teams',
      kind: 'culture',
      order: 5,
      also_in: [
        { section: 'orgs', kind: 'blogs', order: 1 },
        { section: 'reading', order: 1 },
      ],
    });
    const listings = listingsBySection(
      [
        shared,
        entry('Teams blog', { section: 'teams', kind: 'blogs' }),
        entry('Teams culture', { section: 'teams', kind: 'culture', order: 1 }),
        entry('Orgs blog', { section: 'orgs', kind: 'blogs', order: 2 }),
        entry('Late reading', { section: 'reading', kind: undefined, added: '2024-01-01' }),
      ],
      sections,
      groups,
    );
    const shape = (id: string) =>
      listings.get(id)?.map((group) => [group.heading ?? null, group.entries.map((found) => found.data.title)]);
    expect(shape('teams')).toEqual([
      ['Blogs', ['Teams blog']],
      ['Culture', ['Teams culture', 'Shared']],
    ]);
    expect(shape('orgs')).toEqual([['Blogs', ['Shared', 'Orgs blog']]]);
    expect(shape('reading')).toEqual([[null, ['Shared', 'Late reading']]]);
    expect(listings.has('empty')).toBe(false);
  });
});

describe('listingPages', () => {
  const item = (n: number) => ({ id: `s/e${n}` });
  const ids = (pages: ReturnType<typeof listingPages<{ id: string }>>) =>
    pages.map((page) => ({
      number: page.number,
      total: page.total,
      groups: page.groups.map((group) => [group.heading ?? null, group.entries.map((found) => found.id)]),
    }));

  test('cuts a listing into pages, each keeping the declared headings of its entries’ groups', () => {
    const pages = listingPages(
      [
        { kind: 'pitfalls', heading: 'Pitfalls', entries: [item(1), item(2), item(3)] },
        { kind: 'blogs', heading: 'Blogs', entries: [item(4)] },
        { kind: 'books', heading: 'Books', entries: [item(5)] },
      ],
      2,
    );
    expect(ids(pages)).toEqual([
      { number: 1, total: 3, groups: [['Pitfalls', ['s/e1', 's/e2']]] },
      {
        number: 2,
        total: 3,
        groups: [
          ['Pitfalls', ['s/e3']],
          ['Blogs', ['s/e4']],
        ],
      },
      { number: 3, total: 3, groups: [['Books', ['s/e5']]] },
    ]);
  });

  test('pages a section without groups as one headless group', () => {
    const pages = listingPages([{ kind: undefined, heading: undefined, entries: [item(1), item(2), item(3)] }], 2);
    expect(ids(pages)).toEqual([
      { number: 1, total: 2, groups: [[null, ['s/e1', 's/e2']]] },
      { number: 2, total: 2, groups: [[null, ['s/e3']]] },
    ]);
  });

  test('gives one empty page for an empty listing', () => {
    expect(ids(listingPages([]))).toEqual([{ number: 1, total: 1, groups: [] }]);
  });
});
