/**
 * Reads a Markdown report the way GitHub does (CommonMark + GFM autolink literals) and lists what in
 * it would become live: links, images, raw HTML, and @mentions left in plain text.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface MarkdownLiveParts {
  /** Every link target (autolinks included) and image source. */
  links: string[];
  images: string[];
  html: string[];
  /** Plain text that GitHub would turn into a mention or an issue reference. */
  mentions: string[];
  /** The literal text of every inline code span. */
  code: string[];
}

export function liveParts(markdown: string): MarkdownLiveParts {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const parts: MarkdownLiveParts = { links: [], images: [], html: [], mentions: [], code: [] };
  const visit = (node: Nodes) => {
    if (node.type === 'link') parts.links.push(node.url);
    if (node.type === 'image') parts.images.push(node.url);
    if (node.type === 'html') parts.html.push(node.value);
    if (node.type === 'inlineCode') parts.code.push(node.value);
    if (node.type === 'text') parts.mentions.push(...(node.value.match(/(?:^|[^\w`])[@#][\w-]+/g) ?? []));
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return parts;
}
