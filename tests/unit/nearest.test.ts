import { describe, expect, test } from 'vitest';
import { editDistance, nearest } from '../../src/content/nearest.ts';
import { ENTRY_KEYS } from '../../src/schemas/content.ts';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['qoutes', 'quotes', 2],
    ['tag', 'tags', 1],
    ['Title', 'title', 1],
  ])('from %j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearest', () => {
  test.each([
    ['qoutes', 'quotes'],
    ['tag', 'tags'],
    ['urls', 'url'],
    ['ordr', 'order'],
    ['adde', 'added'],
    ['sction', 'section'],
    ['stat', 'status'],
    ['kinds', 'kind'],
    ['Title', 'title'],
    ['TITLE', 'title'],
  ])('suggests an entry key for the typo %j: %j', (typo, key) => {
    expect(nearest(typo, ENTRY_KEYS)).toBe(key);
  });

  test.each(['summary', 'linkstatus', 'description', 'xyz', 'q'])('suggests nothing for %j, which is no likely typo', (word) => {
    expect(nearest(word, ENTRY_KEYS)).toBeUndefined();
  });

  test('suggests the closest section id', () => {
    expect(nearest('data-platfroms', ['data-platforms', 'data-products'])).toBe('data-platforms');
    expect(nearest('data-prods', ['data-platforms', 'data-products'])).toBe('data-products');
  });

  test('suggests nothing when there are no candidates', () => {
    expect(nearest('anything', [])).toBeUndefined();
  });

  test('allows more edits for longer words: a third of the length', () => {
    expect(nearest('abcdefghijkl', ['abcdefghixyz'])).toBe('abcdefghixyz');
    expect(nearest('abcdefghijkl', ['abcdefgwxyzl'])).toBe('abcdefgwxyzl');
    expect(nearest('abcdefghijkl', ['abcdefvwxyzl'])).toBeUndefined();
  });

  test('keeps the first of two equally close candidates', () => {
    expect(nearest('ab', ['ax', 'ay'])).toBe('ax');
    expect(nearest('ab', ['ay', 'ax'])).toBe('ay');
  });

  test('returns the candidate as written, not lowercased', () => {
    expect(nearest('data', ['Date'])).toBe('Date');
  });
});
