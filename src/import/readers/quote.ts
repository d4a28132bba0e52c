/**
 * The quote reader: a blockquote is one passage, as its author quoted it. Its paragraphs stay apart
 * (a blank line between them) and a list in it keeps its numbers (`1. …`) or bullets (`- …`), each
 * item a paragraph of its own; a hard line break within a paragraph stays a line break (a soft one,
 * the wrapping of the page's lines, is a space), so "The tenets are: 1) … 2) …" is still one quote that reads in
 * order, and the exporter writes it back as the same paragraphs.
 */
import type { Blockquote, List, Nodes } from 'mdast';
import { readerText } from '../markdown.ts';

export function quoteOf(blockquote: Blockquote): string | undefined {
  const parts = blockquote.children
    .map((child) => (child.type === 'list' ? listText(child) : readerText(child, { breaks: true })))
    .filter(Boolean);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function listText(list: List): string {
  const start = list.start ?? 1;
  if (!list.ordered && list.children.length === 1) return readerText(list.children[0] as Nodes);
  return list.children
    .map((item, index) => `${list.ordered ? `${start + index}.` : '-'} ${readerText(item as Nodes)}`)
    .join('\n\n');
}
