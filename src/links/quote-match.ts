/**
 * Is a quote on its page? Pure functions over two texts: the page's (as a reader sees it) and the
 * quote (as written in the entry).
 *
 * - **found**: word for word once what a reader would not see as different is folded away: runs of
 *   whitespace and non-breaking spaces, soft hyphens and zero-width characters, curly and straight
 *   quotes and apostrophes, the kind of dash (and the spaces around it), `…` and `...`, and the case
 *   of a part's first letter (quoting a sentence from its middle may capitalise it). An ellipsis
 *   inside a quote marks words left out: each part must be found, in order.
 * - **close**: found with a few words changed, missing or added, or letters in another case: the
 *   differences are listed and the page's own wording suggested.
 * - **not found**: neither.
 */

/** Characters a reader does not see. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/;
const SPACE = /\s/;
const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B\u02BC";
const DOUBLE_QUOTES = '"\u201C\u201D\u201E\u201F';
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A text with the invisible differences folded away, and for each folded character the stretch of
 * the original it came from (`start[i]`..`end[i]`), so a match can be mapped back to the page's own
 * wording.
 */
export interface FoldedText {
  /** The original, NFC-normalised (composed and decomposed accents look the same). */
  source: string;
  /** Folded: one space between words, `'` `"` `-` and `...` for their variants, no invisibles. */
  text: string;
  /** `text` in lower case, for searching (same length: letters whose lower case is longer stay). */
  lower: string;
  start: Int32Array;
  end: Int32Array;
}

/** `text.toLowerCase()` where that keeps every offset; letter by letter otherwise (`İ` lower-cases to two). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return [...text].map((char) => (char.toLowerCase().length === char.length ? char.toLowerCase() : char)).join('');
}

const PLAIN = 0;
const INVISIBLE_KIND = 1;
const SPACE_KIND = 2;
const DASH_KIND = 3;
const SINGLE_QUOTE_KIND = 4;
const DOUBLE_QUOTE_KIND = 5;
const ELLIPSIS_KIND = 6;

/** The kind of every UTF-16 code unit, worked out once from the character classes above. */
const KINDS = (() => {
  const kinds = new Uint8Array(0x10000);
  for (let code = 0; code < kinds.length; code++) {
    const char = String.fromCharCode(code);
    if (INVISIBLE.test(char)) kinds[code] = INVISIBLE_KIND;
    else if (SPACE.test(char)) kinds[code] = SPACE_KIND;
    else if (DASHES.includes(char)) kinds[code] = DASH_KIND;
    else if (SINGLE_QUOTES.includes(char)) kinds[code] = SINGLE_QUOTE_KIND;
    else if (DOUBLE_QUOTES.includes(char)) kinds[code] = DOUBLE_QUOTE_KIND;
    else if (char === '\u2026') kinds[code] = ELLIPSIS_KIND;
  }
  return kinds;
})();

export function foldText(original: string): FoldedText {
  const source = original.normalize('NFC');
  const length = source.length;
  const kindAt = (index: number) => KINDS[source.charCodeAt(index)]!;
  // An ellipsis folds to three characters: room for the worst case.
  const starts = new Int32Array(length * 3);
  const ends = new Int32Array(length * 3);
  const pieces: string[] = [];
  let count = 0;
  let lastIsDash = false;
  const emit = (char: string, from: number, to: number) => {
    pieces.push(char);
    starts[count] = from;
    ends[count++] = to;
    lastIsDash = char === '-';
  };
  let pendingSpace = -1;
  for (let index = 0; index < length;) {
    const kind = kindAt(index);
    if (kind === INVISIBLE_KIND) {
      index++;
      continue;
    }
    if (kind === SPACE_KIND) {
      if (pendingSpace < 0) pendingSpace = index;
      index++;
      continue;
    }
    if (kind === DASH_KIND) {
      // A dash is one `-` whatever its kind, its length (`--`) or the spaces around it.
      let after = index;
      while (after < length && (kindAt(after) === DASH_KIND || kindAt(after) === INVISIBLE_KIND)) after++;
      emit('-', index, after);
      pendingSpace = -1;
      index = after;
      while (index < length && (kindAt(index) === SPACE_KIND || kindAt(index) === INVISIBLE_KIND)) index++;
      continue;
    }
    if (pendingSpace >= 0 && count > 0 && !lastIsDash) emit(' ', pendingSpace, index);
    pendingSpace = -1;
    if (kind === SINGLE_QUOTE_KIND || kind === DOUBLE_QUOTE_KIND || kind === ELLIPSIS_KIND) {
      if (kind === ELLIPSIS_KIND) for (let dot = 0; dot < 3; dot++) emit('.', index, index + 1);
      else emit(kind === SINGLE_QUOTE_KIND ? "'" : '"', index, index + 1);
      index++;
    } else {
      // A run of ordinary characters is copied as it is.
      let after = index + 1;
      while (after < length && kindAt(after) === PLAIN) after++;
      pieces.push(source.slice(index, after));
      for (let at = index; at < after; at++) {
        starts[count] = at;
        ends[count++] = at + 1;
      }
      lastIsDash = false;
      index = after;
    }
  }
  const text = pieces.join('');
  return { source, text, lower: lowerSameLength(text), start: starts.slice(0, count), end: ends.slice(0, count) };
}

/** The original text behind folded characters `from`..`to` (exclusive). */
const sourceOf = (folded: FoldedText, from: number, to: number) =>
  to > from ? folded.source.slice(folded.start[from], folded.end[to - 1]) : '';

/** Text as the page shows it, ready to be a quote: invisibles gone, plain single spaces. */
export function cleanWording(text: string): string {
  return text.replace(new RegExp(INVISIBLE.source, 'g'), '').replace(/\s+/g, ' ').trim();
}

/** What differs between a quote and the page where it matched. */
export type DifferenceKind =
  | 'quotation marks'
  | 'apostrophes'
  | 'dashes'
  | 'ellipsis'
  | 'spaces'
  | 'invisible characters'
  | 'letter case'
  | 'punctuation'
  | 'words';

/** Typographic kinds: `--fix-wording` may rewrite these and nothing else. */
export const TYPOGRAPHIC: ReadonlySet<DifferenceKind> = new Set([
  'quotation marks',
  'apostrophes',
  'dashes',
  'ellipsis',
  'spaces',
  'invisible characters',
]);

export interface Difference {
  kind: DifferenceKind;
  /** As the quote has it (`''` when the quote leaves the page's words out). */
  quote: string;
  /** As the page has it (`''` when the page does not have the quote's words). */
  page: string;
}

/** The typographic variants each text uses, in order: where they differ, so do the texts. */
function typographicDifferences(quote: string, page: string): Difference[] {
  const classes: [DifferenceKind, RegExp][] = [
    ['quotation marks', new RegExp(`[${DOUBLE_QUOTES}]`, 'g')],
    ['apostrophes', new RegExp(`[${SINGLE_QUOTES}]`, 'g')],
    ['dashes', new RegExp(`\\s*[${DASHES}]+\\s*`, 'g')],
    ['ellipsis', /\u2026|\.\.\./g],
  ];
  const differences: Difference[] = [];
  for (const [kind, pattern] of classes) {
    const inQuote = (quote.match(pattern) ?? []).map((text) => text.replace(/\s+/g, ' '));
    const onPage = (page.match(pattern) ?? []).map((text) => text.replace(/\s+/g, ' '));
    if (inQuote.join('\u0000') === onPage.join('\u0000')) continue;
    const distinct = (list: string[]) => [...new Set(list)].join(' ');
    differences.push({ kind, quote: distinct(inQuote), page: distinct(onPage) });
  }
  // The quote's own odd spaces and invisible characters; the page's never matter (it is cleaned).
  const oddSpaces = quote.match(/[^\S ]|  +/g);
  if (oddSpaces) differences.push({ kind: 'spaces', quote: [...new Set(oddSpaces)].join(''), page: ' ' });
  const invisible = quote.match(new RegExp(INVISIBLE.source, 'g'));
  if (invisible) differences.push({ kind: 'invisible characters', quote: [...new Set(invisible)].join(''), page: '' });
  return differences;
}

/** The stretch of a quote that must be on the page, between the editor's ellipses. */
export interface QuotePart {
  /** Offsets in the NFC-normalised quote. */
  start: number;
  end: number;
}

const ELLIPSIS = String.raw`(?:\.\.\.|\u2026|\[(?:\.\.\.|\u2026)\])`;
const LEADING = new RegExp(`^(?:\\s|${ELLIPSIS})+`);
const TRAILING = new RegExp(`(?:\\s|${ELLIPSIS})+$`);
const INSIDE = new RegExp(`\\s*${ELLIPSIS}\\s*`, 'g');

/** The quote without an editor's leading or trailing ellipsis; then split at ellipses inside it. */
export function quoteParts(quote: string): { whole: QuotePart; parts: QuotePart[] } {
  const start = LEADING.exec(quote)?.[0].length ?? 0;
  const end = Math.max(start, quote.length - (TRAILING.exec(quote.slice(start))?.[0].length ?? 0));
  const parts: QuotePart[] = [];
  let from = start;
  for (const gap of quote.slice(start, end).matchAll(INSIDE)) {
    const gapStart = start + gap.index;
    if (gapStart > from) parts.push({ start: from, end: gapStart });
    from = gapStart + gap[0].length;
  }
  if (end > from) parts.push({ start: from, end });
  return { whole: { start, end }, parts };
}

const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);
/** A match may not start or end inside a word ("cat" is not found in "concatenate"). */
const atWordBoundary = (text: string, index: number) => !(isWordChar(text[index - 1]) && isWordChar(text[index]));

/** True when `a` and `b` are equal, or differ only in the case of their first character. */
function sameButFirstLetterCase(a: string, b: string): boolean {
  return a.length === b.length && a.slice(1) === b.slice(1) && a[0]?.toLowerCase() === b[0]?.toLowerCase();
}

/** Where one part of a quote matched. */
export interface PartMatch {
  part: QuotePart;
  /** The page's text for it, cleaned; for a found part with the quote's first-letter case. */
  pageWording: string;
  /** Word edits needed (0 when found). */
  distance: number;
  differences: Difference[];
  /** Folded offsets on the page where it matched. */
  pageStart: number;
  pageEnd: number;
}

/** The page's wording for folded `from`..`to`, keeping `quotePart`'s first-letter case when asked. */
function wordingAt(page: FoldedText, from: number, to: number, keepCaseOf?: string): string {
  const wording = cleanWording(sourceOf(page, from, to));
  if (keepCaseOf === undefined || !wording || !keepCaseOf) return wording;
  const first = keepCaseOf.trimStart()[0]!;
  return wording[0]!.toLowerCase() === first.toLowerCase() ? first + wording.slice(1) : wording;
}

/** An exact (folded) occurrence of the part at or after `from`, with word boundaries and case respected. */
function findExact(page: FoldedText, quoteSource: string, part: QuotePart, from: number): PartMatch | undefined {
  const partSource = quoteSource.slice(part.start, part.end);
  const folded = foldText(partSource);
  if (!folded.text) return undefined;
  for (let at = page.lower.indexOf(folded.lower, from); at !== -1; at = page.lower.indexOf(folded.lower, at + 1)) {
    const end = at + folded.text.length;
    if (!atWordBoundary(page.text, at) || !atWordBoundary(page.text, end)) continue;
    if (!sameButFirstLetterCase(page.text.slice(at, end), folded.text)) continue;
    const pageSource = sourceOf(page, at, end);
    return {
      part,
      pageWording: wordingAt(page, at, end, partSource),
      distance: 0,
      differences: typographicDifferences(partSource, pageSource),
      pageStart: at,
      pageEnd: end,
    };
  }
  return undefined;
}

interface Word {
  /** Lower-case folded word without the punctuation around it, for comparing. */
  key: string;
  /** Folded word as written. */
  text: string;
  /** Folded offsets of the whole word, and of it without leading and trailing punctuation. */
  start: number;
  end: number;
  coreStart: number;
  coreEnd: number;
}

function wordsOf(folded: FoldedText): Word[] {
  const words: Word[] = [];
  for (const match of folded.text.matchAll(/[^ ]+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const leading = /^[^\p{L}\p{N}]*/u.exec(match[0])![0].length;
    const trailing = leading === match[0].length ? 0 : /[^\p{L}\p{N}]*$/u.exec(match[0])![0].length;
    const coreStart = start + leading;
    const coreEnd = Math.max(coreStart, end - trailing);
    const key = coreEnd > coreStart ? folded.lower.slice(coreStart, coreEnd) : folded.lower.slice(start, end);
    words.push({ key, text: match[0], start, end, coreStart, coreEnd });
  }
  return words;
}

/** Page words, computed once per page and reused for every quote on it. */
const pageWordsCache = new WeakMap<FoldedText, Word[]>();
function pageWords(page: FoldedText): Word[] {
  let words = pageWordsCache.get(page);
  if (!words) {
    words = wordsOf(page);
    pageWordsCache.set(page, words);
  }
  return words;
}

/** Most word edits a quote of `length` words may need to still count as close. */
export function allowedEdits(length: number): number {
  return length >= 4 ? Math.max(1, Math.floor(length / 5)) : 0;
}

/** Page word positions where a window as long as the quote shares the most words with it. */
function candidateStarts(page: Word[], quote: Word[], minimumOverlap: number, firstWord: number): number[] {
  const need = new Map<string, number>();
  for (const word of quote) need.set(word.key, (need.get(word.key) ?? 0) + 1);
  const have = new Map<string, number>();
  let overlap = 0;
  const scored: { start: number; overlap: number }[] = [];
  const add = (key: string) => {
    const count = have.get(key) ?? 0;
    if (count < (need.get(key) ?? 0)) overlap++;
    have.set(key, count + 1);
  };
  const remove = (key: string) => {
    const count = have.get(key)! - 1;
    have.set(key, count);
    if (count < (need.get(key) ?? 0)) overlap--;
  };
  for (let index = firstWord; index < page.length; index++) {
    add(page[index]!.key);
    if (index - firstWord >= quote.length) remove(page[index - quote.length]!.key);
    const start = Math.max(firstWord, index - quote.length + 1);
    if (overlap >= minimumOverlap) scored.push({ start, overlap });
  }
  scored.sort((a, b) => b.overlap - a.overlap || a.start - b.start);
  const chosen: number[] = [];
  for (const { start } of scored) {
    if (chosen.length >= 8) break;
    if (chosen.every((other) => Math.abs(other - start) >= quote.length)) chosen.push(start);
  }
  return chosen;
}

type Edit =
  | { op: 'same'; quote: Word; page: Word }
  | { op: 'changed'; quote: Word; page: Word }
  | { op: 'extra'; quote: Word }
  | { op: 'missing'; page: Word };

/** Best approximate occurrence of `quote` in `page[from..to)` (edit distance over words, free start and end). */
function alignWords(quote: Word[], page: Word[], from: number, to: number): { distance: number; edits: Edit[] } {
  const rows = quote.length + 1;
  const cols = to - from + 1;
  const cost = new Int32Array(rows * cols);
  for (let row = 1; row < rows; row++) cost[row * cols] = row;
  for (let row = 1; row < rows; row++) {
    for (let col = 1; col < cols; col++) {
      const same = quote[row - 1]!.key === page[from + col - 1]!.key ? 0 : 1;
      cost[row * cols + col] = Math.min(
        cost[(row - 1) * cols + col - 1]! + same,
        cost[(row - 1) * cols + col]! + 1,
        cost[row * cols + col - 1]! + 1,
      );
    }
  }
  let bestCol = 0;
  for (let col = 1; col < cols; col++) if (cost[(rows - 1) * cols + col]! < cost[(rows - 1) * cols + bestCol]!) bestCol = col;
  const edits: Edit[] = [];
  let row = rows - 1;
  let col = bestCol;
  while (row > 0) {
    const here = cost[row * cols + col]!;
    const quoteWord = quote[row - 1]!;
    const pageWord = col > 0 ? page[from + col - 1]! : undefined;
    if (pageWord && here === cost[(row - 1) * cols + col - 1]! + (quoteWord.key === pageWord.key ? 0 : 1)) {
      edits.unshift({ op: quoteWord.key === pageWord.key ? 'same' : 'changed', quote: quoteWord, page: pageWord });
      row--;
      col--;
    } else if (here === cost[(row - 1) * cols + col]! + 1) {
      edits.unshift({ op: 'extra', quote: quoteWord });
      row--;
    } else {
      edits.unshift({ op: 'missing', page: pageWord! });
      col--;
    }
  }
  return { distance: cost[(rows - 1) * cols + bestCol]!, edits };
}

/** Runs of edits that are not the same word, as differences; case-only runs say "letter case". */
function wordDifferences(edits: Edit[], quote: FoldedText, page: FoldedText): Difference[] {
  const differences: Difference[] = [];
  let quoteWords: Word[] = [];
  let pageWordsRun: Word[] = [];
  const flush = () => {
    if (!quoteWords.length && !pageWordsRun.length) return;
    const quoteText = quoteWords.length ? cleanWording(sourceOf(quote, quoteWords[0]!.start, quoteWords.at(-1)!.end)) : '';
    const pageText = pageWordsRun.length ? cleanWording(sourceOf(page, pageWordsRun[0]!.start, pageWordsRun.at(-1)!.end)) : '';
    const sameWords =
      quoteWords.length === pageWordsRun.length && quoteWords.every((word, index) => word.key === pageWordsRun[index]!.key);
    const caseOnly = sameWords && quoteText.toLowerCase() === pageText.toLowerCase();
    differences.push({ kind: caseOnly ? 'letter case' : sameWords ? 'punctuation' : 'words', quote: quoteText, page: pageText });
    quoteWords = [];
    pageWordsRun = [];
  };
  const last = edits.length - 1;
  edits.forEach((edit, index) => {
    // The quote may start or stop next to the page's punctuation ("changes" in "changes,").
    const sameText =
      edit.op === 'same' &&
      (edit.quote.text === edit.page.text ||
        ((index === 0 || index === last) && edgeEqual(edit.quote, edit.page, index === 0, index === last)));
    if (sameText) {
      flush();
      return;
    }
    if (edit.op !== 'missing') quoteWords.push(edit.quote);
    if (edit.op !== 'extra') pageWordsRun.push(edit.page);
  });
  flush();
  return differences;
}

/**
 * Same word at the edge of a quote: the page's word may carry punctuation on the outer side that
 * the quote does not take ("changes," where the quote ends at "changes").
 */
function edgeEqual(quote: Word, page: Word, first: boolean, lastWord: boolean): boolean {
  const quoteLead = quote.text.slice(0, quote.coreStart - quote.start);
  const quoteTrail = quote.text.slice(quote.coreEnd - quote.start);
  const pageLead = page.text.slice(0, page.coreStart - page.start);
  const pageTrail = page.text.slice(page.coreEnd - page.start);
  const core = (word: Word) => word.text.slice(word.coreStart - word.start, word.coreEnd - word.start);
  if (core(quote) !== core(page)) return false;
  const leadOk = quoteLead === pageLead || (first && quoteLead === '');
  const trailOk = quoteTrail === pageTrail || (lastWord && quoteTrail === '');
  return leadOk && trailOk;
}

/** A near occurrence of the part at or after page word `firstWord`, within the allowed edits. */
function findClose(page: FoldedText, quoteSource: string, part: QuotePart, fromOffset: number): PartMatch | undefined {
  const partSource = quoteSource.slice(part.start, part.end);
  const folded = foldText(partSource);
  const quote = wordsOf(folded);
  if (!quote.length) return undefined;
  const words = pageWords(page);
  const allowed = allowedEdits(quote.length);
  let firstWord = 0;
  while (firstWord < words.length && words[firstWord]!.start < fromOffset) firstWord++;
  let best: { distance: number; edits: Edit[] } | undefined;
  for (const start of candidateStarts(words, quote, Math.max(1, quote.length - 2 * allowed), firstWord)) {
    const from = Math.max(firstWord, start - allowed);
    const to = Math.min(words.length, start + quote.length + allowed);
    const aligned = alignWords(quote, words, from, to);
    if (!best || aligned.distance < best.distance) best = aligned;
  }
  if (!best || best.distance > allowed) return undefined;
  const matched = best.edits.filter((edit) => edit.op !== 'extra') as { page: Word; quote?: Word }[];
  if (!matched.length) return undefined;
  // Leave out the page's punctuation outside the quote's first and last words.
  const first = matched[0]!;
  const lastMatched = matched.at(-1)!;
  const pageStart = first.quote && first.quote.coreStart === first.quote.start ? first.page.coreStart : first.page.start;
  const pageEnd =
    lastMatched.quote && lastMatched.quote.coreEnd === lastMatched.quote.end ? lastMatched.page.coreEnd : lastMatched.page.end;
  const differences = wordDifferences(best.edits, folded, page);
  // Case differences alone (no word changed) are still "close": a reader sees them.
  if (best.distance === 0 && !differences.length) return undefined;
  return {
    part,
    pageWording: wordingAt(page, pageStart, pageEnd),
    distance: best.distance,
    differences: [...differences, ...typographicDifferences(partSource, sourceOf(page, pageStart, pageEnd))],
    pageStart,
    pageEnd,
  };
}

export type QuoteVerdict = 'found' | 'close' | 'not-found';

export interface QuoteMatch {
  verdict: QuoteVerdict;
  /** One per part found or close; empty when not found. */
  parts: PartMatch[];
  /** Every part's differences, in order. */
  differences: Difference[];
  /** The quote in the page's own wording (ellipses and the quote's first-letter case kept); undefined when not found. */
  pageWording?: string;
}

/** The quote with each part replaced by the page's wording for it. */
function rewriteParts(quote: string, parts: PartMatch[]): string {
  let result = '';
  let from = 0;
  for (const match of parts) {
    result += quote.slice(from, match.part.start) + match.pageWording;
    from = match.part.end;
  }
  return result + quote.slice(from);
}

/** Looks for `quoteText` in `page` (from `foldText(pageText)`). */
export function matchQuote(page: FoldedText, quoteText: string): QuoteMatch {
  const quote = quoteText.normalize('NFC');
  const { whole, parts } = quoteParts(quote);
  if (whole.end <= whole.start) return { verdict: 'not-found', parts: [], differences: [] };
  // The whole quote first (an ellipsis may be the article's own); then its parts, in order.
  const wholeMatch = findExact(page, quote, whole, 0);
  if (wholeMatch) return result('found', quote, [wholeMatch]);
  const matches: PartMatch[] = [];
  let verdict: QuoteVerdict = 'found';
  let from = 0;
  for (const part of parts.length > 1 ? parts : [whole]) {
    const exact = findExact(page, quote, part, from);
    const found = exact ?? findClose(page, quote, part, from);
    if (!found) return { verdict: 'not-found', parts: [], differences: [] };
    if (!exact) verdict = 'close';
    matches.push(found);
    from = found.pageEnd;
  }
  return result(verdict, quote, matches);
}

function result(verdict: QuoteVerdict, quote: string, parts: PartMatch[]): QuoteMatch {
  return {
    verdict,
    parts,
    differences: parts.flatMap((part) => part.differences),
    pageWording: rewriteParts(quote, parts),
  };
}

const lettersAndDigits = (text: string) => (text.normalize('NFC').match(/[\p{L}\p{N}]/gu) ?? []).join('');

/**
 * The rewrite `--fix-wording` may make: for a found quote whose wording differs from the page's only
 * typographically, the page's wording. Undefined when there is nothing to rewrite or anything more
 * than typography would change (every letter and digit must stay exactly as the quote has it).
 */
export function typographicRewrite(quoteText: string, match: QuoteMatch): string | undefined {
  if (match.verdict !== 'found' || match.pageWording === undefined || match.pageWording === quoteText) return undefined;
  if (!match.differences.every((difference) => TYPOGRAPHIC.has(difference.kind))) return undefined;
  if (lettersAndDigits(match.pageWording) !== lettersAndDigits(quoteText)) return undefined;
  if (foldText(match.pageWording).text !== foldText(quoteText).text) return undefined;
  return match.pageWording;
}
