import { expect, test } from 'vitest';
import { tagPath, tagViews } from '../../src/site/tags.ts';
import type { EntryData } from '../../src/schemas/content.ts';

const entry = (id: string, tags: string[]) => ({
  id,
  data: {
    title: id,
    url: `https://example.com/${id}`,
    section: 's',
    kind: 'framing',
    quotes: [],
    tags,
    also_in: [],
  } as EntryData,
});

test('tags are listed A–Z, each with its entries in the order given, a repeated tag counted once', () => {
  const views = tagViews([entry('a', ['zeta', 'alpha']), entry('b', ['alpha', 'alpha']), entry('c', [])]);
  expect(views.map((view) => [view.tag, view.entries.map((e) => e.id)])).toEqual([
    ['alpha', ['a', 'b']],
    ['zeta', ['a']],
  ]);
});

test('a tag page lives under tags/', () => {
  expect(tagPath('data-engineering')).toBe('tags/data-engineering/');
});
