/**
 * The quote checker's reports: JSON for machines, Markdown for the weekly issue (beside the link
 * report), a few lines for a terminal. Quotes and page wording are shown in code spans, so nothing a
 * page says can become a link, an image, a mention or HTML in the issue.
 */
import { link } from './report.ts';
import type { EntryQuotes, QuoteResult } from './quote-check.ts';
import type { Difference } from './quote-match.ts';
import { codeSpan, terminalText } from './untrusted-text.ts';

export interface QuoteSummary {
  entries: number;
  quotes: number;
  /** Found; includes `otherWording`. */
  found: number;
  /** Found, but written differently from the page (typography): the passage link may not highlight it. */
  otherWording: number;
  close: number;
  notFound: number;
  couldNotCheck: number;
}

export interface QuoteJsonReport {
  checkedAt: string;
  /** Set with --only-changed: the ref entries were compared against. */
  changedSince?: string;
  summary: QuoteSummary;
  entries: EntryQuotes[];
}

const allQuotes = (entries: readonly EntryQuotes[]) =>
  entries.flatMap((entry) => entry.quotes.map((quote) => ({ entry, quote })));

export function summariseQuotes(entries: readonly EntryQuotes[]): QuoteSummary {
  const quotes = allQuotes(entries).map(({ quote }) => quote);
  const count = (test: (quote: QuoteResult) => boolean) => quotes.filter(test).length;
  return {
    entries: entries.length,
    quotes: quotes.length,
    found: count((quote) => quote.verdict === 'found'),
    otherWording: count((quote) => quote.verdict === 'found' && quote.pageWording !== undefined),
    close: count((quote) => quote.verdict === 'close'),
    notFound: count((quote) => quote.verdict === 'not-found'),
    couldNotCheck: count((quote) => quote.verdict === 'could-not-check'),
  };
}

export function buildQuoteReport(entries: EntryQuotes[], checkedAt: Date, changedSince?: string): QuoteJsonReport {
  return {
    checkedAt: checkedAt.toISOString(),
    ...(changedSince !== undefined ? { changedSince } : {}),
    summary: summariseQuotes(entries),
    entries,
  };
}

/** One difference in words, with both sides in code spans. */
export function describeDifference(difference: Difference, code: (text: string) => string = codeSpan): string {
  const { kind, quote, page } = difference;
  if (kind === 'words' && !quote) return `the page has ${code(page)} here, which the quote leaves out`;
  if (kind === 'words' && !page) return `the quote has ${code(quote)}, which the page does not`;
  if (kind === 'invisible characters') return 'the quote holds invisible characters';
  if (kind === 'spaces') return 'the quote has unusual spaces';
  return `${kind}: the page has ${code(page)} where the quote has ${code(quote)}`;
}

const quoteLabel = (entry: EntryQuotes, quote: QuoteResult) => `${codeSpan(entry.file)} quote ${quote.index + 1}`;

function section(title: string, lines: string[], count = `${lines.length}`): string[] {
  return [`## ${title} (${count})`, '', ...(lines.length ? lines.map((line) => `- ${line}`) : ['None.']), ''];
}

export function renderQuoteMarkdown(report: QuoteJsonReport): string {
  const { summary } = report;
  const pairs = allQuotes(report.entries);
  const of = (test: (quote: QuoteResult) => boolean) => pairs.filter(({ quote }) => test(quote));
  const scope = report.changedSince !== undefined ? ` (entries changed since ${codeSpan(report.changedSince)})` : '';
  // Could-not-check reasons are usually the page's: one line per entry and reason.
  const unchecked = new Map<string, { entry: EntryQuotes; reason: string; indexes: number[] }>();
  for (const { entry, quote } of of((quote) => quote.verdict === 'could-not-check')) {
    const key = `${entry.file}\u0000${quote.reason}`;
    const group = unchecked.get(key) ?? { entry, reason: quote.reason ?? '', indexes: [] };
    group.indexes.push(quote.index + 1);
    unchecked.set(key, group);
  }
  return [
    '# Quote check report',
    '',
    `Checked ${summary.quotes} quote${summary.quotes === 1 ? '' : 's'} from ${summary.entries} entr${summary.entries === 1 ? 'y' : 'ies'}${scope} ` +
      `on ${report.checkedAt.slice(0, 10)}: ${summary.found} found (${summary.otherWording} in other wording), ${summary.close} close, ` +
      `${summary.notFound} not found, ${summary.couldNotCheck} could not be checked.`,
    '',
    ...section(
      'Not found',
      of((quote) => quote.verdict === 'not-found').map(
        ({ entry, quote }) => `${quoteLabel(entry, quote)}: ${link(entry.url)}: ${codeSpan(quote.quote, 200)}`,
      ),
    ),
    ...section(
      'Close',
      of((quote) => quote.verdict === 'close').map(
        ({ entry, quote }) =>
          `${quoteLabel(entry, quote)}: ${link(entry.url)}: ${quote.differences.map((difference) => describeDifference(difference)).join('; ')}. ` +
          `The page says: ${codeSpan(quote.pageWording ?? '', 500)}`,
      ),
    ),
    ...section(
      'Found in other wording',
      of((quote) => quote.verdict === 'found' && quote.pageWording !== undefined).map(
        ({ entry, quote }) =>
          `${quoteLabel(entry, quote)}: ${quote.differences.map((difference) => describeDifference(difference)).join('; ') || 'letter case'}` +
          `${quote.passageLinkHighlights ? '' : ' (its passage link does not highlight it)'}${quote.fixWording ? '' : ' (not fixable automatically)'}`,
      ),
    ),
    ...section(
      'Could not check',
      [...unchecked.values()].map(
        ({ entry, reason, indexes }) =>
          `${codeSpan(entry.file)} quote${indexes.length === 1 ? '' : 's'} ${indexes.join(', ')}: ${link(entry.url)}: ${codeSpan(reason)}`,
      ),
      `${summary.couldNotCheck} quote${summary.couldNotCheck === 1 ? '' : 's'}`,
    ),
    'Close and missing quotes need a person: compare with the article and correct the quote (or the link). ' +
      'Quotes found in other wording: `npm run check:quotes -- --fix-wording` rewrites them in the page’s wording (typography only), for review.',
    '',
  ].join('\n');
}

/** The few lines printed to stdout. */
export function renderQuoteSummary(report: QuoteJsonReport): string {
  const { summary } = report;
  const lines = [
    `checked ${summary.quotes} quote${summary.quotes === 1 ? '' : 's'} from ${summary.entries} entr${summary.entries === 1 ? 'y' : 'ies'}: ${summary.found} found (${summary.otherWording} in other wording), ` +
      `${summary.close} close, ${summary.notFound} not found, ${summary.couldNotCheck} could not be checked`,
  ];
  const plain = (text: string) => `"${terminalText(text, 120)}"`;
  for (const { entry, quote } of allQuotes(report.entries)) {
    const where = `${entry.file} quote ${quote.index + 1}`;
    if (quote.verdict === 'not-found') lines.push(`  not found: ${where}: ${plain(quote.quote)}`);
    if (quote.verdict === 'close')
      lines.push(`  close: ${where}: ${quote.differences.map((difference) => describeDifference(difference, plain)).join('; ')}`);
    if (quote.verdict === 'found' && quote.pageWording !== undefined)
      lines.push(
        `  other wording: ${where}: ${quote.differences.map((difference) => describeDifference(difference, plain)).join('; ') || 'letter case'}`,
      );
    if (quote.verdict === 'could-not-check') lines.push(`  could not check: ${where}: ${terminalText(quote.reason ?? '')}`);
  }
  return `${lines.join('\n')}\n`;
}
