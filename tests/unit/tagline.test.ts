import { describe, expect, it } from 'vitest';
import { listTagline } from '../../src/site/tagline.ts';

describe('listTagline', () => {
  it('counts links in the site number format and leaves passages out of a list without quotes', () => {
    expect(listTagline({ links: 3033, passages: 0 })).toBe('A reading list of 3,033 links.');
  });
  it('says how many passages there are when there are some', () => {
    expect(listTagline({ links: 12, passages: 1250 })).toBe('A reading list of 12 links, with 1,250 passages copied from them.');
  });
  it('writes one link and one passage in the singular', () => {
    expect(listTagline({ links: 1, passages: 1 })).toBe('A reading list of 1 link, with 1 passage copied from them.');
  });
});
