/**
 * Text the checkers did not write — a server's status text, a `Location` header, a page's wording —
 * made safe where it lands. In Markdown (the weekly GitHub issue) it becomes an inline code span, the
 * one construct inside which GitHub renders no link, image, @mention, issue reference, emphasis or
 * HTML; in a terminal, control characters go, so no escape sequence reaches it.
 */
import { oneLine } from '../../.github/scripts/untrusted-text.mjs';

/** One line of plain text (the one `oneLine` rule: hidden characters shown as U+FFFD, whitespace one space), at most `max` characters. */
export function plainLine(text: string, max = 300): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * An inline code span holding `text` literally: fenced with one backtick more than the longest run
 * inside, and padded when the text starts or ends with a backtick (CommonMark strips one space each side).
 */
export function codeSpan(text: string, max = 300): string {
  const line = plainLine(text, max);
  if (!line) return '(empty)';
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** For stdout and stderr: no control characters (no terminal escape sequences), one line. */
export function terminalText(text: string, max = 500): string {
  return plainLine(text, max);
}
