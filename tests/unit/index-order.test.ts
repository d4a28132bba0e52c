/**
 * The order of the search index's records: the order Astro writes the entry pages in (sections in
 * reading order, each one's own entries by its listing), so the indexer can follow Astro's output.
 */
import { describe, expect, test } from 'vitest';
import { indexOrder } from '../../src/build/finish-site.ts';
import type { ExpectedSite } from '../../src/build/output-check.ts';

const entry = (id: string, section: string) => ({ id, data: { section } });
const expected = (sections: [string, string[]][], ids: string[]) =>
  ({
    sections: sections.map(([id, order]) => ({ id, order })),
    entries: ids.map((id) => ({ id, url: '', title: '', quotes: [], listedIn: [], notes: '', notesMarkdown: '' })),
  }) as unknown as ExpectedSite;

describe('indexOrder', () => {
  test('takes sections in reading order and each one’s own entries in its listing order, not file order', () => {
    const files = { entries: [entry('a/1', 'a'), entry('a/2', 'a'), entry('b/1', 'b')] } as never;
    const site = expected(
      [
        ['b', ['b/1']],
        ['a', ['a/2', 'a/1']],
      ],
      ['a/1', 'a/2', 'b/1'],
    );
    expect(indexOrder(files, site)).toEqual(['b/1', 'a/2', 'a/1']);
  });

  test('places a cross-listed entry once, where its own section lists it', () => {
    const files = { entries: [entry('a/1', 'a'), entry('b/1', 'b')] } as never;
    const site = expected(
      [
        ['a', ['b/1', 'a/1']],
        ['b', ['b/1']],
      ],
      ['a/1', 'b/1'],
    );
    expect(indexOrder(files, site)).toEqual(['a/1', 'b/1']);
  });

  test('keeps an entry no section lists, last, so the index still holds every entry', () => {
    const files = { entries: [entry('a/1', 'a'), entry('a/lost', 'a')] } as never;
    expect(indexOrder(files, expected([['a', ['a/1']]], ['a/lost', 'a/1']))).toEqual(['a/1', 'a/lost']);
  });
});
