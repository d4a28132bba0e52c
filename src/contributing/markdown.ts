/**
 * Contributed text placed into GitHub-flavoured Markdown (pull-request comments, issue comments)
 * as text, never as markup: no mention that notifies someone, no issue cross-reference, no raw HTML,
 * no link or image, no autolinked address, no way out of a code block.
 */

import { codeBlock, neutraliseReferences, oneLine } from '../../.github/scripts/untrusted-text.mjs';

/**
 * The writing jobs' rules, shared: they install nothing, so the one copy lives in .github/scripts.
 * `oneLine` shows hidden characters as U+FFFD and makes every run of whitespace one space;
 * `codeBlock` holds text verbatim behind a fence longer than any run of backticks in it.
 */
export { codeBlock, oneLine };

/**
 * `text` as literal inline Markdown. Every ASCII punctuation character is backslash-escaped
 * (CommonMark makes each one literal: no emphasis, link, image, HTML, entity or table cell). The
 * filters that run on the rendered text, after escapes are gone (mentions, issue references,
 * closing keywords, autolinked addresses), are broken first by `neutraliseReferences`.
 */
export function inlineText(text: string): string {
  return neutraliseReferences(oneLine(text)).replace(/[!-/:-?[-`{-~]/g, (char) => `\\${char}`);
}

/** The longest run of `char` in `text`. */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** An inline code span holding `text` (on one line): delimiters longer than any backtick run in it. */
export function inlineCode(text: string): string {
  const value = oneLine(text);
  const ticks = '`'.repeat(longestRun(value, '`') + 1);
  // A space on each side keeps a leading or trailing backtick apart from the delimiters.
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${value}${pad}${ticks}`;
}

/** True for an absolute http(s) URL: the only kind of address a summary links to. */
function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A link with escaped text to an http(s) `url`, written as `<destination>` so parentheses and spaces
 * in it cannot end it; anything that is not an http(s) URL is shown as text, not linked.
 */
export function link(text: string, url: string): string {
  if (!isWebAddress(url)) return inlineText(text);
  const destination = new URL(url).href.replace(/[<>\\\s]/g, (char) => encodeURIComponent(char));
  return `[${inlineText(text)}](<${destination}>)`;
}

/** A quote as a Markdown blockquote of literal text, its whitespace collapsed as a web page shows it. */
export function blockquote(text: string): string {
  return `> ${inlineText(text)}`;
}
