import { describe, expect, test } from 'vitest';
import { entryPath, joinBase, listingPagePath, sectionPath } from '../../src/site/paths.ts';

describe('joinBase', () => {
  test.each([
    ['/', '', '/'],
    ['/', '/', '/'],
    ['/', 'data-platforms/', '/data-platforms/'],
    ['/', '/data-platforms/', '/data-platforms/'],
    ['/', 'data-platforms/dataops-principles/', '/data-platforms/dataops-principles/'],
    ['/repo/', '', '/repo/'],
    ['/repo/', 'data-platforms/', '/repo/data-platforms/'],
    ['/repo/', '/data-platforms/', '/repo/data-platforms/'],
    ['/repo', 'data-platforms/', '/repo/data-platforms/'],
    ['/repo//', '//data-platforms/', '/repo/data-platforms/'],
    ['/repo/', 'pagefind/pagefind.js', '/repo/pagefind/pagefind.js'],
    ['/repo/', 'rss.xml', '/repo/rss.xml'],
  ])('joins base %j and path %j as %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});

describe('page paths', () => {
  test('puts a section page at its id with a trailing slash', () => {
    expect(sectionPath('data-platforms')).toBe('data-platforms/');
  });

  test('puts an entry permalink at section/slug with a trailing slash', () => {
    expect(entryPath('data-platforms/dataops-principles-how-startups-do-data-the-right-way')).toBe(
      'data-platforms/dataops-principles-how-startups-do-data-the-right-way/',
    );
  });

  test('gives pages under a project base such as /repo/', () => {
    expect(joinBase('/repo/', sectionPath('data-products'))).toBe('/repo/data-products/');
    expect(joinBase('/', entryPath('data-products/one-model-to-rule-them-all'))).toBe(
      '/data-products/one-model-to-rule-them-all/',
    );
  });
});

describe('listingPagePath', () => {
  test('is the listing itself for page 1 and page/<n>/ below it after', () => {
    expect(listingPagePath('data-platforms/', 1)).toBe('data-platforms/');
    expect(listingPagePath('data-platforms/', 3)).toBe('data-platforms/page/3/');
    expect(listingPagePath('tags/etl/', 2)).toBe('tags/etl/page/2/');
  });
});
