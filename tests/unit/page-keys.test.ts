import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/site/page-keys.ts';

describe('pageKey', () => {
  it('gives equal parts equal keys, however they were built', () => {
    const quotes = ['A passage.'];
    expect(pageKey({ title: 'T', quotes }, 3)).toBe(pageKey({ title: 'T', quotes: ['A passage.'] }, 3));
  });

  it('changes with any value in the parts, however deep', () => {
    const page = { entry: { data: { title: 'T', quotes: ['one', 'two'] } }, related: [{ title: 'R' }] };
    const keys = new Set([
      pageKey(page),
      pageKey({ ...page, related: [{ title: 'R2' }] }),
      pageKey({ ...page, entry: { data: { title: 'T', quotes: ['one', 'two!'] } } }),
      pageKey({ ...page, entry: { data: { title: 'T', quotes: ['two', 'one'] } } }),
      pageKey(page, 2),
    ]);
    expect(keys.size).toBe(5);
  });

  it('tells a missing value from an undefined one and from null', () => {
    expect(new Set([pageKey({}), pageKey({ heading: undefined }), pageKey({ heading: null })]).size).toBe(3);
    expect(pageKey([undefined])).not.toBe(pageKey([null]));
  });

  it('refuses a Map, a Set or a function, which JSON would flatten to nothing', () => {
    expect(() => pageKey({ counts: new Map([['a', 1]]) })).toThrow(/Map/);
    expect(() => pageKey([new Set(['a'])])).toThrow(/Set/);
    expect(() => pageKey({ label: () => 'x' })).toThrow(/function/);
  });

  it('reads dates as their ISO text', () => {
    expect(pageKey(new Date('2024-05-31T00:00:00Z'))).toBe(pageKey('2024-05-31T00:00:00.000Z'));
  });
});
