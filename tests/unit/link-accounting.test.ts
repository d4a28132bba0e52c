/** Where every link of a page went (src/import/link-accounting.ts). */
import { expect, it } from 'vitest';
import { countLinks, linkReport } from '../../src/import/link-accounting.ts';
import { emptyPlan, type PlanEntry } from '../../src/import/plan.ts';

const entry = (url: string, notes: string[] = []): PlanEntry => ({
  line: 1,
  title: url,
  url,
  listings: [{ section: 'page', line: 1 }],
  quotes: [],
  tags: [],
  notes,
  under: undefined,
  repeat: false,
});

it('counts each address once: an entry, else in the text kept, else in the part left out, else unaccounted', () => {
  const plan = emptyPlan('p.md', 'awesome', 'P');
  plan.links = [
    'https://a.example/',
    'https://a.example/',
    'https://en.wikipedia.org/wiki/Byte_(magazine)',
    'https://x.example/?a=1&b=2',
    'https://toc.example/',
    'https://lost.example/',
  ];
  plan.entries = [
    entry('https://a.example/', [
      'See [Byte](https://en.wikipedia.org/wiki/Byte_\\(magazine\\)) and [demo](https://x.example/?a=1\\&b=2).',
    ]),
  ];
  plan.leftOut = [{ line: 3, what: 'tables of contents', urls: ['https://toc.example/', 'https://a.example/'] }];
  const counts = countLinks(plan);
  expect(counts).toEqual({
    onPage: 5,
    entries: 1,
    inText: 2,
    leftOut: [{ what: 'tables of contents', links: 1, lines: [3] }],
    unaccounted: ['https://lost.example/'],
  });
  expect(linkReport('p.md', counts)).toEqual([
    'p.md: 5 links on the page: 1 entries, 2 kept in the text of entries and sections, 1 left out with parts of the page, 1 NOT ACCOUNTED FOR',
    '  left out: 1 in tables of contents (line 3)',
    '  not accounted for: https://lost.example/',
  ]);
});
