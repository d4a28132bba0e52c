/**
 * Checks every quote of every entry against its article: one fetch per entry (under the link
 * checker's concurrency bounds), then each quote judged on the page's text. When a passage is not
 * on the page, the page itself may say why (too large to read whole, a paywall, a login form, a shell
 * that needs JavaScript): then the quote is "could not check", never a false "not found".
 */
import type { EntryFile } from '../content/content-files.ts';
import { textDirective } from '../site/text-fragment.ts';
import { DEFAULT_PAGE_OPTIONS, fetchPage, type PageFetch, type PageOptions, type UnavailableCause } from './fetch-page.ts';
import { createLimiter, hostKey } from './limiter.ts';
import { cleanWording, foldText, matchQuote, typographicRewrite, type Difference, type FoldedText } from './quote-match.ts';

export type QuoteVerdict = 'found' | 'close' | 'not-found' | 'could-not-check';

export interface QuoteResult {
  /** Position in the entry's `quotes` (0-based). */
  index: number;
  quote: string;
  verdict: QuoteVerdict;
  /** For could-not-check: why, in words, and as a kind. */
  reason?: string;
  cause?: UnavailableCause | 'link-dead';
  differences: Difference[];
  /** The page's own wording, when it differs from the quote (close, or found after normalising). */
  pageWording?: string;
  /** What `--fix-wording` writes: set only when every difference is typographic. */
  fixWording?: string;
  /** Whether the site's passage link (text fragment) finds the quote on this page as written. */
  passageLinkHighlights?: boolean;
}

export interface EntryQuotes {
  /** `data-platforms/dataops-principles` */
  id: string;
  /** `content/entries/data-platforms/dataops-principles.md` */
  file: string;
  url: string;
  /** Where redirects ended; the entry's url when none. */
  finalUrl: string;
  httpStatus?: number;
  requests: number;
  /** How the page was read: its media type, encoding, and whether it was cut at the size limit. */
  page?: { mediaType: string; encoding: string; truncated: boolean };
  quotes: QuoteResult[];
}

/** Fewer visible words than this, and scripts on the page: the text is probably drawn by JavaScript. */
export const SCRIPT_SHELL_WORDS = 100;

const highlightTextCache = new WeakMap<FoldedText, string>();
const forHighlight = (text: string) => cleanWording(text).toLowerCase();

/**
 * Whether the passage link the site builds (src/site/text-fragment.ts) would find this quote on the
 * page: its `textStart` (and `textEnd` after it) present as written, letter case aside (text
 * fragments ignore case), whitespace collapsed. Typographic variants are not forgiven: browsers do
 * not promise to treat `'` and `’` alike.
 */
export function passageLinkHighlights(page: FoldedText, quote: string): boolean {
  const directive = textDirective(quote);
  if (!directive) return false;
  let text = highlightTextCache.get(page);
  if (text === undefined) {
    text = forHighlight(page.source);
    highlightTextCache.set(page, text);
  }
  const [start, end] = directive.split(',').map((term) => forHighlight(decodeURIComponent(term)));
  const at = text.indexOf(start!);
  if (at === -1) return false;
  return end === undefined || text.indexOf(end, at + start!.length) !== -1;
}

/** Why a page that was read may still not show a passage. */
function whyNotShown(
  page: PageFetch & { kind: 'page' },
  maxBytes: number,
): { cause: UnavailableCause; reason: string } | undefined {
  const words = page.text.text.split(/\s+/).filter(Boolean).length;
  if (page.truncated) {
    const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
    return {
      cause: 'too-large',
      reason: `the page is larger than ${megabytes} MB and the passage is not in its first ${megabytes} MB`,
    };
  }
  if (page.text.notFree) return { cause: 'paywall', reason: 'the page says its text is not free to read (a paywall)' };
  if (page.text.passwordField) return { cause: 'login', reason: 'the page shows a login form instead of the article' };
  if (page.text.scripts > 0 && words < SCRIPT_SHELL_WORDS)
    return {
      cause: 'needs-javascript',
      reason: `the page shows only ${words} words without running its scripts (it needs JavaScript)`,
    };
  return undefined;
}

/** Judges each quote on a fetched page (pure: no network). */
export function judgeQuotes(quotes: readonly string[], page: PageFetch, maxBytes: number): QuoteResult[] {
  if (page.kind === 'unavailable') {
    return quotes.map((quote, index) => ({
      index,
      quote,
      verdict: 'could-not-check',
      cause: page.cause,
      reason: page.reason,
      differences: [],
    }));
  }
  const folded = foldText(page.text.text);
  return quotes.map((quote, index): QuoteResult => {
    const match = matchQuote(folded, quote);
    const highlights = passageLinkHighlights(folded, quote);
    if (match.verdict === 'not-found') {
      const excuse = whyNotShown(page, maxBytes);
      if (excuse) return { index, quote, verdict: 'could-not-check', ...excuse, differences: [] };
      return { index, quote, verdict: 'not-found', differences: [], passageLinkHighlights: highlights };
    }
    const fixWording = typographicRewrite(quote, match);
    return {
      index,
      quote,
      verdict: match.verdict,
      differences: match.differences,
      ...(match.pageWording !== undefined && match.pageWording !== quote ? { pageWording: match.pageWording } : {}),
      ...(fixWording !== undefined ? { fixWording } : {}),
      passageLinkHighlights: highlights,
    };
  });
}

export interface CheckQuotesOptions extends Partial<PageOptions> {
  concurrency: number;
  perHost: number;
  onResult?: (result: EntryQuotes, done: number, total: number) => void;
}

/** Entries marked dead are not fetched: their passage links point at the archived copy. */
function skipDead(entry: EntryFile): EntryQuotes {
  return {
    id: entry.id,
    file: entry.file,
    url: entry.data.url,
    finalUrl: entry.data.url,
    requests: 0,
    quotes: entry.data.quotes.map((quote, index) => ({
      index,
      quote,
      verdict: 'could-not-check',
      cause: 'link-dead',
      reason: `the link is marked dead (since ${entry.data.status!.checked}); run check:links`,
      differences: [],
    })),
  };
}

/** Checks the quotes of `entries` (those without quotes are left out); results in the entries' order. */
export async function checkEntryQuotes(entries: readonly EntryFile[], options: CheckQuotesOptions): Promise<EntryQuotes[]> {
  const { concurrency, perHost, onResult, ...pageOptions } = options;
  const quoted = entries.filter((entry) => entry.data.quotes.length > 0);
  const limiter = createLimiter(concurrency, perHost);
  const maxBytes = pageOptions.maxBytes ?? DEFAULT_PAGE_OPTIONS.maxBytes;
  let done = 0;
  return Promise.all(
    quoted.map(async (entry) => {
      const result =
        entry.data.status?.state === 'dead'
          ? skipDead(entry)
          : await limiter.run(hostKey(entry.data.url), async () => {
              const page = await fetchPage(entry.data.url, pageOptions);
              return {
                id: entry.id,
                file: entry.file,
                url: entry.data.url,
                finalUrl: page.finalUrl,
                ...(page.httpStatus !== undefined ? { httpStatus: page.httpStatus } : {}),
                requests: page.requests,
                ...(page.kind === 'page'
                  ? { page: { mediaType: page.mediaType, encoding: page.encoding, truncated: page.truncated } }
                  : {}),
                quotes: judgeQuotes(entry.data.quotes, page, maxBytes),
              } satisfies EntryQuotes;
            });
      onResult?.(result, ++done, quoted.length);
      return result;
    }),
  );
}
