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
