import { describe, expect, test } from 'vitest';
import { chartSummary, countByMonth, layoutBars } from '../../src/site/added-chart.ts';
import { entryRecord, type EntryRecord } from '../../src/site/entry-record.ts';
import { formatDay, newestFirst, recentlyAdded } from '../../src/site/recent.ts';
import { countTable, listCounts } from '../../src/site/stats.ts';
import type { EntryData } from '../../src/schemas/content.ts';

const data = (over: Partial<EntryData> = {}): EntryData => ({
  title: 'A title',
  url: 'https://www.example.com/post',
  section: 'sec',
  kind: 'framing',
  quotes: [],
  tags: [],
  also_in: [],
  ...over,
});

describe('entryRecord', () => {
  test('derives domain, archive copy and where the added date came from', () => {
    const record: EntryRecord = entryRecord({
      id: 'sec/a-title',
      data: data(),
      sectionTitle: 'Section',
      added: '2024-01-02',
      path: 'sec/a-title/',
      notes: '',
      notesHtml: '',
    });
    expect(record.domain).toBe('example.com');
    expect(record.archive).toBe('https://web.archive.org/web/https://www.example.com/post');
    expect(record.addedFrom).toBe('git');
    expect(
      entryRecord({
        id: 'x',
        data: data({ added: '2024-01-02' }),
        sectionTitle: '',
        added: '2024-01-02',
        path: '',
        notes: '',
        notesHtml: '',
      }).addedFrom,
    ).toBe('entry');
    expect(
      entryRecord({ id: 'x', data: data(), sectionTitle: '', added: undefined, path: '', notes: '', notesHtml: '' }).addedFrom,
    ).toBeUndefined();
  });
});

describe('newestFirst and recentlyAdded', () => {
  const list = [
    { id: 'a', added: '2024-01-01' },
    { id: 'b', added: undefined },
    { id: 'c', added: '2024-03-01' },
    { id: 'd', added: '2024-01-01' },
    { id: 'e', added: undefined },
  ];
  test('dated entries newest first (ties in the order given), then undated ones in the order given', () => {
    expect(newestFirst(list).map((e) => e.id)).toEqual(['c', 'a', 'd', 'b', 'e']);
  });
  test('recent entries are grouped by day, undated ones never listed, at most `limit`', () => {
    expect(recentlyAdded(list, 10).map((day) => [day.day, day.entries.map((e) => e.id)])).toEqual([
      ['2024-03-01', ['c']],
      ['2024-01-01', ['a', 'd']],
    ]);
    expect(recentlyAdded(list, 2).map((day) => [day.day, day.entries.map((e) => e.id)])).toEqual([
      ['2024-03-01', ['c']],
      ['2024-01-01', ['a']],
    ]);
  });
  test('formatDay writes a day for people', () => {
    expect(formatDay('2024-05-31')).toBe('31 May 2024');
  });
});

describe('added-over-time chart', () => {
  test('counts per month from the first to the last, gaps as zero, unknown dates ignored', () => {
    expect(countByMonth(['2023-11-05', undefined, '2024-02-01', '2023-11-30', '2024-02-29'])).toEqual([
      { month: '2023-11', count: 2 },
      { month: '2023-12', count: 0 },
      { month: '2024-01', count: 0 },
      { month: '2024-02', count: 2 },
    ]);
    expect(countByMonth([undefined])).toEqual([]);
  });
  test('bars share the width and the tallest reaches the top of the plot', () => {
    const layout = layoutBars(
      [
        { month: '2024-01', count: 1 },
        { month: '2024-02', count: 0 },
        { month: '2024-03', count: 4 },
        { month: '2024-04', count: 2 },
      ],
      { width: 400, height: 120, bottom: 20, top: 0 },
    );
    expect(layout.baseline).toBe(100);
    expect(layout.max).toBe(4);
    expect(layout.bars.map(({ x, y, width, height }) => [x, y, width, height])).toEqual([
      [2, 75, 96, 25],
      [102, 100, 96, 0],
      [202, 0, 96, 100],
      [302, 50, 96, 50],
    ]);
  });
  test('the summary states total, span and busiest month', () => {
    expect(
      chartSummary([
        { month: '2024-01', count: 1 },
        { month: '2024-02', count: 3 },
      ]),
    ).toBe('4 entries with a known date, added from 2024-01 to 2024-02; the most in one month was 3, in 2024-02.');
    expect(chartSummary([])).toBe('No entry has a known date it was added.');
  });
});

describe('listCounts', () => {
  test('counts entries per section and kind, with totals and zero columns', () => {
    const counts = listCounts([
      { id: 'a', title: 'A', kinds: ['framing', 'approach', 'approach'] },
      { id: 'b', title: 'B', kinds: ['framing'] },
    ]);
    expect(counts.kinds).toEqual([
      { kind: 'framing', heading: 'Framing' },
      { kind: 'approach', heading: 'Selected Approaches' },
    ]);
    expect(counts.rows).toEqual([
      { id: 'a', title: 'A', byKind: { framing: 1, approach: 2 }, ungrouped: 0, total: 3 },
      { id: 'b', title: 'B', byKind: { framing: 1, approach: 0 }, ungrouped: 0, total: 1 },
    ]);
    expect(counts.totals).toEqual({
      id: 'total',
      title: 'All sections',
      byKind: { framing: 2, approach: 2 },
      ungrouped: 0,
      total: 4,
    });
  });

  test('counts by the groups the list declares, and entries listed without a group apart', () => {
    const groups = [
      { id: 'culture', heading: 'Culture' },
      { id: 'books', heading: 'Books' },
    ];
    const counts = listCounts(
      [
        { id: 'teams', title: 'Teams', kinds: ['culture', 'books', 'culture'] },
        { id: 'reading', title: 'Reading', kinds: [undefined, undefined] },
      ],
      groups,
    );
    expect(counts.kinds).toEqual([
      { kind: 'culture', heading: 'Culture' },
      { kind: 'books', heading: 'Books' },
    ]);
    expect(counts.rows.map((row) => [row.id, row.byKind, row.ungrouped, row.total])).toEqual([
      ['teams', { culture: 2, books: 1 }, 0, 3],
      ['reading', { culture: 0, books: 0 }, 2, 2],
    ]);
    expect(counts.totals).toMatchObject({ byKind: { culture: 2, books: 1 }, ungrouped: 2, total: 5 });
  });
});

describe('countTable', () => {
  const groups = [
    { id: 'culture', heading: 'Culture' },
    { id: 'books', heading: 'Books' },
    { id: 'podcasts', heading: 'Podcasts' },
  ];
  const section = (id: string, data: { parent?: string; order?: number; groups?: string[] } = {}) => ({
    id,
    data: { title: id[0]!.toUpperCase() + id.slice(1), ...data },
  });

  test('shows the tree depth first with each row’s path, and each section with its sub-sections', () => {
    const sections = [
      section('people', { order: 1, groups: [] }),
      section('teams', { parent: 'people', order: 1, groups: ['culture', 'books'] }),
      section('culture-club', { parent: 'teams', groups: ['culture'] }),
      section('tools', { order: 2, groups: ['books'] }),
    ];
    const counts = listCounts(
      [
        { id: 'tools', title: 'Tools', kinds: ['books'] },
        { id: 'people', title: 'People', kinds: [undefined] },
        { id: 'teams', title: 'Teams', kinds: ['culture', 'books'] },
        { id: 'culture-club', title: 'Culture-club', kinds: ['culture', 'culture', 'culture'] },
      ],
      groups,
    );
    const table = countTable(counts, sections);
    expect(table.rows.map((row) => [row.id, row.path, row.total, row.withSubsections])).toEqual([
      ['people', [], 1, 6],
      ['teams', ['People'], 2, 5],
      ['culture-club', ['People', 'Teams'], 3, 3],
      ['tools', [], 1, 1],
    ]);
    expect(table.nested).toBe(true);
    expect(table.hasUngrouped).toBe(true);
    // Podcasts is declared but no section shows it: no column for it.
    expect(table.kinds.map((kind) => kind.kind)).toEqual(['culture', 'books']);
    expect(table.totals.total).toBe(7);
  });

  test('keeps the plain table of a flat list with the default groups: no path, no extra columns', () => {
    const counts = listCounts([
      { id: 'b', title: 'B', kinds: ['approach'] },
      { id: 'a', title: 'A', kinds: ['framing'] },
    ]);
    const table = countTable(counts, [section('a', { order: 1 }), section('b', { order: 2 })]);
    expect(table.rows.map((row) => [row.id, row.path, row.total])).toEqual([
      ['a', [], 1],
      ['b', [], 1],
    ]);
    expect(table.kinds.map((kind) => kind.heading)).toEqual(['Framing', 'Selected Approaches']);
    expect(table.nested).toBe(false);
    expect(table.hasUngrouped).toBe(false);
  });

  test('gives a section without entries a row of zeros', () => {
    const table = countTable(listCounts([]), [section('empty')]);
    expect(table.rows).toEqual([
      { id: 'empty', title: 'Empty', path: [], byKind: { framing: 0, approach: 0 }, ungrouped: 0, total: 0, withSubsections: 0 },
    ]);
  });
});
