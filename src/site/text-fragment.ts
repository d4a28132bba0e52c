/**
 * Links to a quoted passage inside its article with a URL text fragment (`#:~:text=`), as specified
 * in https://wicg.github.io/scroll-to-text-fragment/. Browsers that support it scroll to and highlight
 * the passage; others simply open the article.
 */
import { isHttpUrl } from '../schemas/content.ts';

/** Quotes longer than this are matched by their first and last words (`textStart,textEnd`). */
export const LONG_QUOTE_CHARS = 300;
/** How many words make up each end of a `textStart,textEnd` range. */
export const RANGE_WORDS = 5;

/**
 * A fragment term, percent-encoded: everything `encodeURIComponent` encodes, plus `-` (it marks a
 * prefix/suffix), and `&` and `,` stay encoded (they separate directives and terms).
 */
export function encodeFragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** Whitespace collapsed and an editor's leading/trailing ellipsis (`...`, `…`) dropped: the article has neither. */
export function passageText(quote: string): string {
  return quote
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\.{3}|…)\s*/, '')
    .replace(/\s*(?:\.{3}|…)$/, '')
    .trim();
}

/** True when the text holds more than one sentence (a full stop, `?` or `!` followed by more text). */
export function spansSentences(text: string): boolean {
  return /[.!?]["'”’)]*\s+\S/.test(text);
}

/**
 * The `text=` value for a quote: the exact passage, or — when it is long, spans sentences (the article
 * may break it over paragraphs) or leaves words out with an ellipsis — its first and last words as
 * `textStart,textEnd`. Undefined when nothing is left to match.
 */
export function textDirective(quote: string): string | undefined {
  const text = passageText(quote);
  if (!text) return undefined;
  const elided = /\s*(?:\.{3}|…)\s*/.exec(text);
  if (elided) {
    const start = text.slice(0, elided.index).trim();
    const end = text.slice(elided.index + elided[0].length).trim();
    if (start && end) {
      return `${encodeFragmentTerm(firstWords(start, RANGE_WORDS))},${encodeFragmentTerm(lastWords(end, RANGE_WORDS))}`;
    }
  }
  const words = text.split(' ');
  if ((text.length > LONG_QUOTE_CHARS || spansSentences(text)) && words.length > RANGE_WORDS * 2) {
    return `${encodeFragmentTerm(words.slice(0, RANGE_WORDS).join(' '))},${encodeFragmentTerm(words.slice(-RANGE_WORDS).join(' '))}`;
  }
  return encodeFragmentTerm(text);
}

const firstWords = (text: string, n: number) => text.split(' ').slice(0, n).join(' ');
const lastWords = (text: string, n: number) => text.split(' ').slice(-n).join(' ');

/**
 * The article's URL (as written, minus any fragment it had) pointing at the quoted passage.
 * Undefined for a non-http(s) URL or an empty quote.
 */
export function quoteLink(articleUrl: string, quote: string): string | undefined {
  if (!isHttpUrl(articleUrl)) return undefined;
  const directive = textDirective(quote);
  if (!directive) return undefined;
  const hash = articleUrl.indexOf('#');
  const bare = hash === -1 ? articleUrl : articleUrl.slice(0, hash);
  return `${bare}#:~:text=${directive}`;
}
