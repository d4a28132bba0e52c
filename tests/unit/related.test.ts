import { expect, test } from 'vitest';
import { relatedEntries } from '../../src/site/related.ts';
import type { EntryData } from '../../src/schemas/content.ts';

const entry = (id: string, section: string, tags: string[] = []) => ({
  id,
  data: { title: id, url: `https://example.com/${id}`, section, kind: 'framing', quotes: [], tags, also_in: [] } as EntryData,
});

const list = [
  entry('s1/a', 's1', ['x', 'y']),
  entry('s1/b', 's1'),
  entry('s1/c', 's1', ['x']),
  entry('s2/d', 's2', ['x', 'y']),
  entry('s2/e', 's2', ['y']),
  entry('s2/f', 's2'),
];
const ids = (entries: { id: string }[]) => entries.map((e) => e.id);

test('entries sharing the most tags come first, then same-section ones, the entry itself never', () => {
  const related = relatedEntries(list, { count: 4 });
  // d shares x and y; c (same section) and e each share one tag; then b fills from the section.
  expect(ids(related(list[0]!))).toEqual(['s2/d', 's1/c', 's2/e', 's1/b']);
});

test('with no tags, the nearest entries of the same section fill the list', () => {
  const related = relatedEntries(list, { count: 5 });
  expect(ids(related(list[5]!))).toEqual(['s2/e', 's2/d']);
});

test('shows at most `count` entries', () => {
  expect(relatedEntries(list, { count: 2 })(list[0]!)).toHaveLength(2);
});

test('looks only at a bounded number of neighbours per tag, nearest in reading order', () => {
  const many = Array.from({ length: 100 }, (_, i) => entry(`s/${String(i).padStart(3, '0')}`, `s${i}`, ['common']));
  const related = relatedEntries(many, { count: 3, candidatesPerList: 4 });
  expect(ids(related(many[50]!))).toEqual(['s/048', 's/049', 's/051']);
});

test('a cross-listing counts as a shared section: the entries of the other section it is listed in fill the list too', () => {
  const shared = {
    ...entry('s1/shared', 's1'),
    data: { ...entry('s1/shared', 's1').data, also_in: [{ section: 's3' }] },
  };
  const withCrossListing = [shared, entry('s1/g', 's1'), entry('s3/h', 's3'), entry('s4/i', 's4')];
  const related = relatedEntries(withCrossListing, { count: 5 });
  expect(ids(related(shared))).toEqual(['s1/g', 's3/h']);
  // And from the other side: the entry listed in s3 is related to s3's own entry.
  expect(ids(related(withCrossListing[2]!))).toEqual(['s1/shared']);
});

test('with equal tags, an entry sharing a section through a cross-listing ranks before one sharing none', () => {
  const base = entry('s1/base', 's1', ['t']);
  const crossListed = {
    ...entry('s9/cross', 's9', ['t']),
    data: { ...entry('s9/cross', 's9', ['t']).data, also_in: [{ section: 's1' }] },
  };
  const stranger = entry('s8/stranger', 's8', ['t']);
  const related = relatedEntries([base, stranger, crossListed], { count: 2 });
  expect(ids(related(base))).toEqual(['s9/cross', 's8/stranger']);
});
