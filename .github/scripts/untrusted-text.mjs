// @ts-check
/**
 * What the two jobs that hold a write token (suggestion-pull-request.mjs, pr-summary-comment.mjs)
 * share for handling an artifact made from someone else's text: bounded reads, strict UTF-8, and a
 * code block nothing can close early. Plain JavaScript, no dependencies: these jobs install nothing.
 */
import { readFileSync, statSync } from 'node:fs';

/**
 * The bytes of `path` as UTF-8 text, refusing a file that is larger than `maxBytes`, is not a plain
 * file, or is not valid UTF-8.
 * @param {string} path
 * @param {number} maxBytes
 * @returns {string}
 */
export function readBoundedText(path, maxBytes) {
  const stat = statSync(path);
  if (!stat.isFile()) throw new Error(`${path} is not a file`);
  if (stat.size > maxBytes) throw new Error(`${path} is ${stat.size} bytes, more than the ${maxBytes} allowed`);
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
}

/**
 * Control characters (C0, C1) and the marks that change the direction of text (overrides, isolates,
 * LRM/RLM/ALM), which make text read differently from what it is: each shows as U+FFFD. Tab and line
 * breaks are whitespace, kept in a code block and made one space on a line.
 */
const HIDDEN = /(?![\t\n\r])[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * `text` on one line: every run of whitespace (line breaks and U+2028/2029 too) one space, hidden
 * characters shown as U+FFFD. The one rule for every place untrusted text must fit on a line: the
 * writing jobs here, the pull-request summary (src/contributing/markdown.ts), the link checker's
 * reports (src/links/untrusted-text.ts) and the bookmark export.
 * @param {string} text
 * @returns {string}
 */
export function oneLine(text) {
  return text.replace(/\s+/g, ' ').replace(HIDDEN, '\uFFFD').trim();
}

/** U+200D ZERO WIDTH JOINER: invisible, and GitHub reads no mention, reference or address across it. */
export const JOINER = '\u200D';

/** The words that make a reference close an issue when merged (GitHub's list, any case, every form). */
const CLOSING_KEYWORD = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b(?=\s*:?\s*(?:[\w.-]+\/[\w.-]+)?(?:#|GH-\d|https?:))/gi;

/**
 * `text` with nothing GitHub acts on: no closing keyword (`fixes #12`, `Closes: owner/repo#3`,
 * `resolved https://github.com/o/r/issues/4`), no mention (`@user`, `@org/team`), no issue or
 * cross-repository reference (`#12`, `GH-12`, `owner/repo#12`, `owner/repo@sha`) and no address
 * GitHub would link. A joiner goes inside each, so the text reads the same and does nothing. For
 * every text the writing jobs put on GitHub: commit messages, branch names, titles, bodies, comments.
 * @param {string} text
 * @returns {string}
 */
export function neutraliseReferences(text) {
  return text
    .replace(CLOSING_KEYWORD, (word) => `${word.slice(0, 2)}${JOINER}${word.slice(2)}`)
    .replace(/@(?!\u200D)/g, `@${JOINER}`)
    .replace(/#(?!\u200D)/g, `#${JOINER}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${JOINER}-`)
    .replace(/:\/\/(?!\u200D)/g, `:${JOINER}//`)
    .replace(/\b(www)\.(?!\u200D)/gi, `$1${JOINER}.`);
}

/**
 * A fenced code block holding `text` verbatim: the fence is longer than any run of backticks in it.
 * @param {string} text
 * @param {string} [info]
 */
export function codeBlock(text, info = '') {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.replace(/\r\n?/g, '\n').replace(HIDDEN, '\uFFFD');
  return `${fence}${info}\n${body.replace(/\n+$/, '')}\n${fence}`;
}

/**
 * True for a positive whole number small enough to be an issue or pull-request number.
 * @param {unknown} value
 * @returns {value is number}
 */
export function isIssueNumber(value) {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
