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

/** Control characters (C0, C1) and the direction overrides, which make text read differently from what it is. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]+/g;
/** The same, apart from the tab and newline a code block keeps: each shows as U+FFFD. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN_IN_CODE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` on one line, without control or direction-override characters.
 * @param {string} text
 */
export function oneLine(text) {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A fenced code block holding `text` verbatim: the fence is longer than any run of backticks in it.
 * @param {string} text
 * @param {string} [info]
 */
export function codeBlock(text, info = '') {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.replace(/\r\n?/g, '\n').replace(HIDDEN_IN_CODE, '\uFFFD');
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
