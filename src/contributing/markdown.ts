/**
 * Contributed text placed into GitHub-flavoured Markdown (pull-request comments, issue comments)
 * as text, never as markup: no mention that notifies someone, no issue cross-reference, no raw HTML,
 * no link or image, no autolinked address, no way out of a code block.
 */

/** U+200D ZERO WIDTH JOINER: invisible, and breaks `@name` and `#123` so GitHub links neither. */
const JOINER = '\u200D';

/**
 * C0 and C1 control characters (other than whitespace) and the bidirectional overrides, which
 * can make text read differently from what it is: each shows as U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text with hidden characters made visible and every run of whitespace (newlines too) one space. */
export function oneLine(text: string): string {
  return text.replace(HIDDEN, '\uFFFD').replace(/\s+/g, ' ').trim();
}

/**
 * `text` as literal inline Markdown. Every ASCII punctuation character is backslash-escaped
 * (CommonMark makes each one literal: no emphasis, link, image, HTML, entity or table cell). The
 * filters that run on the rendered text, after escapes are gone, are broken by a joiner instead:
 * after each `@` (mentions, e-mail addresses) and `#` (issue links), inside `://` and `www.`
 * (addresses GitHub would make links of).
 */
export function inlineText(text: string): string {
  const unlinkable = oneLine(text)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/\b(www)\./gi, `$1${JOINER}.`);
  return unlinkable.replace(/[!-/:-@[-`{-~]/g, (char) => {
    if (char === '@') return `@${JOINER}`;
    if (char === '#') return `\\#${JOINER}`;
    return `\\${char}`;
  });
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

/** A fenced code block holding `text` verbatim: the fence is longer than any run of backticks in it. */
export function codeBlock(text: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const body = text.replace(/\r\n?/g, '\n').replace(HIDDEN, '\uFFFD').replace(/\n+$/, '');
  return `${fence}${info}\n${body}\n${fence}`;
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
