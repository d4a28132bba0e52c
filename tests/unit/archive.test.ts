import { describe, expect, test } from 'vitest';
import { archiveUrl, entryLinks } from '../../src/site/archive.ts';

describe('archiveUrl', () => {
  test('is the Wayback Machine address of the URL, with no network call', () => {
    expect(archiveUrl('https://example.com/post?id=1')).toBe('https://web.archive.org/web/https://example.com/post?id=1');
  });
  test('drops the fragment', () => {
    expect(archiveUrl('http://example.com/a#b')).toBe('https://web.archive.org/web/http://example.com/a');
  });
  test('is undefined for a URL that is not http(s)', () => {
    expect(archiveUrl('ftp://example.com/file')).toBeUndefined();
  });
});

describe('entryLinks', () => {
  test('a live entry links to the article, with the archive as an extra', () => {
    expect(entryLinks('https://example.com/', undefined)).toEqual({
      primary: 'https://example.com/',
      original: 'https://example.com/',
      archive: 'https://web.archive.org/web/https://example.com/',
      deadSince: undefined,
    });
  });
  test('a dead entry links to the archived copy first and says since when it is dead', () => {
    expect(entryLinks('https://example.com/', { state: 'dead', checked: '2024-03-01' })).toEqual({
      primary: 'https://web.archive.org/web/https://example.com/',
      original: 'https://example.com/',
      archive: 'https://web.archive.org/web/https://example.com/',
      deadSince: '2024-03-01',
    });
  });
});
