import { describe, expect, test } from 'vitest';
import { pageContents } from '../../src/site/page-contents.ts';

const entries = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('pageContents', () => {
  test('links each group heading and each sub-section of a long page, in page order', () => {
    const links = pageContents(
      [
        { kind: 'books', heading: 'Books', entries: entries(12) },
        { kind: 'blogs', heading: 'Blogs', entries: entries(6) },
      ],
      [{ id: 'joinery', title: 'Joinery', shown: 0, total: 30 }],
    );
    expect(links).toEqual([
      { id: 'group-books', label: 'Books', count: 12 },
      { id: 'group-blogs', label: 'Blogs', count: 6 },
      { id: 'section-joinery', label: 'Joinery', count: 30 },
    ]);
  });

  test('gives a short page no list', () => {
    expect(
      pageContents(
        [
          { kind: 'books', heading: 'Books', entries: entries(4) },
          { kind: 'blogs', heading: 'Blogs', entries: entries(4) },
        ],
        [],
      ),
    ).toEqual([]);
  });

  test('counts the entries sub-sections show inline towards the page length', () => {
    const subsections = [
      { id: 'a', title: 'A', shown: 9, total: 9 },
      { id: 'b', title: 'B', shown: 9, total: 9 },
    ];
    expect(pageContents([], subsections).map((link) => link.id)).toEqual(['section-a', 'section-b']);
  });

  test('gives a long page with one place to jump to, or a section without groups and sub-sections, no list', () => {
    expect(pageContents([{ kind: undefined, heading: undefined, entries: entries(40) }], [])).toEqual([]);
    expect(pageContents([{ kind: 'books', heading: 'Books', entries: entries(40) }], [])).toEqual([]);
  });
});
