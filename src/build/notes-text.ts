/**
 * What an entry's notes say, read from their Markdown by a route that is not the one the pages use:
 * the Markdown syntax tree (remark-parse with GFM), its words taken straight from the tree, never
 * through remark-rehype, the sanitiser or an HTML serialiser. The nothing-lost check compares this
 * with the text the page shows, so a fault in the page's rendering cannot agree with itself.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** An image shows on the page (no text) when its address is absolute http(s); otherwise as its alt text. */
const isShownImage = (url: string | undefined) => /^https?:\/\//i.test(url ?? '');

/** The text of `markdown` as a reader reads it, whitespace aside; footnotes are reported apart (the page numbers and labels them). */
export function notesText(markdown: string): { text: string; footnotes: boolean } {
  const tree = parser.parse(markdown) as Root;
  const definitions = new Map<string, string>();
  let footnotes = false;
  const collect = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier.toUpperCase(), node.url);
    if ('children' in node) node.children.forEach(collect);
  };
  collect(tree);
  const parts: string[] = [];
  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'definition':
        return;
      case 'footnoteReference':
      case 'footnoteDefinition':
        footnotes = true;
        break;
      case 'image':
        if (!isShownImage(node.url)) parts.push(node.alt ?? '');
        return;
      case 'imageReference':
        if (!isShownImage(definitions.get(node.identifier.toUpperCase()))) parts.push(node.alt ?? '');
        return;
      case 'text':
      case 'inlineCode':
      case 'code':
      case 'html':
        parts.push(node.value);
        return;
    }
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);
  return { text: parts.join(' ').replace(/\s+/g, ' ').trim(), footnotes };
}

/** `text` without any whitespace: block and line breaks fall differently in HTML and in Markdown. */
export const withoutSpace = (text: string) => text.replace(/\s+/g, '');

/**
 * Whether the text a page shows for the notes is what their Markdown says: the same characters,
 * whitespace aside; with footnotes (which the page numbers, labels and links back), the Markdown's
 * characters in order within what the page shows.
 */
export function notesMatch(shown: string, markdown: string): boolean {
  const { text, footnotes } = notesText(markdown);
  const page = withoutSpace(shown);
  const expected = withoutSpace(text);
  if (!footnotes) return page === expected;
  let at = 0;
  for (const char of expected) {
    at = page.indexOf(char, at);
    if (at === -1) return false;
    at += 1;
  }
  return true;
}
