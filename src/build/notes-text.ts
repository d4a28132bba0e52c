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

/**
 * The text of `markdown` as a reader reads it, whitespace aside. Footnotes read as GitHub shows them:
 * each reference is its number (by first reference), and after the text a "Footnotes" list holds each
 * referenced note followed by its way back (`↩`, then `↩2`… for further references).
 */
export function notesText(markdown: string): { text: string; footnotes: boolean } {
  const tree = parser.parse(markdown) as Root;
  const definitions = new Map<string, string>();
  const footnoteNotes = new Map<string, Nodes>();
  const collect = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier.toUpperCase(), node.url);
    if (node.type === 'footnoteDefinition') footnoteNotes.set(node.identifier.toUpperCase(), node);
    if ('children' in node) node.children.forEach(collect);
  };
  collect(tree);
  /** Each referenced footnote's identifier, in the order first referred to, with how often. */
  const referenced = new Map<string, number>();
  const parts: string[] = [];
  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'definition':
      case 'footnoteDefinition':
        return;
      case 'footnoteReference': {
        const id = node.identifier.toUpperCase();
        referenced.set(id, (referenced.get(id) ?? 0) + 1);
        parts.push(String([...referenced.keys()].indexOf(id) + 1));
        return;
      }
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
  if (referenced.size > 0) {
    parts.push('Footnotes');
    // A note's own text may refer to another note, which then joins the list: walk until none is new.
    for (let index = 0; index < referenced.size; index++) {
      const [id, count] = [...referenced][index]!;
      const note = footnoteNotes.get(id);
      if (note && 'children' in note) (note.children as Nodes[]).forEach(visit);
      for (let back = 1; back <= count; back++) parts.push(back === 1 ? '↩' : `↩${back}`);
    }
  }
  return { text: parts.join(' ').replace(/\s+/g, ' ').trim(), footnotes: referenced.size > 0 };
}

/** `text` without any whitespace: block and line breaks fall differently in HTML and in Markdown. */
export const withoutSpace = (text: string) => text.replace(/\s+/g, '');

/** Whether the text a page shows for the notes is what their Markdown says: the same characters, whitespace aside. */
export function notesMatch(shown: string, markdown: string): boolean {
  return withoutSpace(shown) === withoutSpace(notesText(markdown).text);
}
