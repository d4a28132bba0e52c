/** The quote checker's reports, from results built by hand. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/links/progress.ts';
import type { EntryQuotes, QuoteResult } from '../../src/links/quote-check.ts';
import { buildQuoteReport, renderQuoteMarkdown, renderQuoteSummary, summariseQuotes } from '../../src/links/quote-report.ts';

const entry = (slug: string, quotes: QuoteResult[]): EntryQuotes => ({
  id: `reading/${slug}`,
  file: `content/entries/reading/${slug}.md`,
  url: `https://example.com/${slug}`,
  finalUrl: `https://example.com/${slug}`,
  requests: 1,
  quotes,
});
const pdf = (index: number, quote: string): QuoteResult => ({
  index,
  quote,
  verdict: 'could-not-check',
  cause: 'not-html',
  reason: 'not an HTML page (application/pdf)',
  differences: [],
});
const results = [
  entry('a', [
    { index: 0, quote: 'Move fast and break things', verdict: 'not-found', differences: [] },
    {
      index: 1,
      quote: 'Frequent small shifts over infrequent large changes',
      verdict: 'close',
      differences: [{ kind: 'words', quote: 'shifts', page: 'changes' }],
      pageWording: 'Frequent small changes over infrequent large changes',
    },
  ]),
  entry('b', [
    {
      index: 0,
      quote: `Don't "ship" it`,
      verdict: 'found',
      differences: [{ kind: 'apostrophes', quote: "'", page: '’' }],
      pageWording: 'Don’t “ship” it',
      fixWording: 'Don’t “ship” it',
      passageLinkHighlights: false,
    },
    { index: 1, quote: 'Exact', verdict: 'found', differences: [], passageLinkHighlights: true },
  ]),
  entry('c', [pdf(0, 'x'), pdf(1, 'y')]),
];
const report = buildQuoteReport(results, new Date('2025-03-03T05:30:00Z'));

describe('quote reports', () => {
  it('counts quotes by verdict, found in other wording among the found', () => {
    expect(summariseQuotes(results)).toEqual({
      entries: 3,
      quotes: 6,
      found: 2,
      otherWording: 1,
      close: 1,
      notFound: 1,
      couldNotCheck: 2,
    });
  });

  it('renders a Markdown section per verdict, one line per page and reason for quotes it could not check', () => {
    expect(renderQuoteMarkdown(report)).toBe(
      [
        '# Quote check report',
        '',
        'Checked 6 quotes from 3 entries on 2025-03-03: 2 found (1 in other wording), 1 close, 1 not found, 2 could not be checked.',
        '',
        '## Not found (1)',
        '',
        '- `content/entries/reading/a.md` quote 1: <https://example.com/a>: `Move fast and break things`',
        '',
        '## Close (1)',
        '',
        '- `content/entries/reading/a.md` quote 2: <https://example.com/a>: words: the page has `changes` where the quote has `shifts`. ' +
          'The page says: `Frequent small changes over infrequent large changes`',
        '',
        '## Found in other wording (1)',
        '',
        "- `content/entries/reading/b.md` quote 1: apostrophes: the page has `’` where the quote has `'` (its passage link does not highlight it)",
        '',
        '## Could not check (2 quotes)',
        '',
        '- `content/entries/reading/c.md` quotes 1, 2: <https://example.com/c>: `not an HTML page (application/pdf)`',
        '',
        'Close and missing quotes need a person: compare with the article and correct the quote (or the link). ' +
          'Quotes found in other wording: `npm run check:quotes -- --fix-wording` rewrites them in the page’s wording (typography only), for review.',
        '',
      ].join('\n'),
    );
  });

  it('prints a short summary with every quote that needs a look', () => {
    expect(renderQuoteSummary(report)).toBe(
      [
        'checked 6 quotes from 3 entries: 2 found (1 in other wording), 1 close, 1 not found, 2 could not be checked',
        '  not found: content/entries/reading/a.md quote 1: "Move fast and break things"',
        '  close: content/entries/reading/a.md quote 2: words: the page has "changes" where the quote has "shifts"',
        `  other wording: content/entries/reading/b.md quote 1: apostrophes: the page has "’" where the quote has "'"`,
        '  could not check: content/entries/reading/c.md quote 1: not an HTML page (application/pdf)',
        '  could not check: content/entries/reading/c.md quote 2: not an HTML page (application/pdf)',
        '',
      ].join('\n'),
    );
  });
});

describe('progress with the quote checker’s counters', () => {
  it('shows its own running counts after the bar', () => {
    const written: string[] = [];
    const progress = createProgress<number>({ isTTY: true, columns: 50, write: (text) => written.push(text) }, [
      { label: 'not found', count: (missing) => missing },
      { label: 'close', count: () => 0 },
    ]);
    progress.update(2, 1, 4);
    progress.update(1, 2, 4);
    progress.finish();
    expect(written).toEqual([
      '\r\x1b[2K[###-------] 1/4 not found 2 close 0',
      '\r\x1b[2K[#####-----] 2/4 not found 3 close 0',
      '\r\x1b[2K',
    ]);
  });
});
