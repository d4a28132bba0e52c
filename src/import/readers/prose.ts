/**
 * The prose reader: what a paragraph or bullet that is not an entry is to a reader — a bold label
 * over a run of entries, a line of badges, a one-line summary, a table of contents — and the
 * links it holds, so what is kept as text or left out can be accounted for.
 */
import type { Definition, List, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { isHttpUrl } from '../../schemas/content.ts';
import { isBadge, readerText } from '../markdown.ts';
import type { UrlOf } from './entry-line.ts';

const isBlankText = (node: Nodes) => node.type === 'text' && node.value.trim() === '';

/** Text a one-line summary may hold: words and their emphasis, but no links, images or HTML. */
export function isPlainPhrasing(node: PhrasingContent): boolean {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'break') return true;
  if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete') return node.children.every(isPlainPhrasing);
  return false;
}

/** A paragraph that is only bold text (`**Misc favorites:**`): a label for the entries below it. */
export function isLabel(paragraph: Paragraph): boolean {
  const parts = paragraph.children.filter((child) => !isBlankText(child));
  const [bold, after] = parts;
  return (
    bold?.type === 'strong' &&
    bold.children.every(isPlainPhrasing) &&
    readerText(bold) !== '' &&
    (parts.length === 1 || (parts.length === 2 && after?.type === 'text' && after.value.trim() === ':'))
  );
}

/** A paragraph of nothing but badges and images (a line of shields under the title). */
export function isPicturesOnly(paragraph: Paragraph): boolean {
  return paragraph.children.every(
    (child) =>
      child.type === 'image' || child.type === 'imageReference' || isBadge(child) || isBlankText(child) || child.type === 'break',
  );
}

/** A list whose every link points within the page: a table of contents, or "back to top". */
export function isNavigation(list: List): boolean {
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link') urls.push(node.url);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(list);
  return urls.length > 0 && urls.every((url) => url.startsWith('#'));
}

/** `href="http…"` in HTML. */
const HREF = /\bhref\s*=\s*(?:"(https?:\/\/[^"]*)"|'(https?:\/\/[^']*)')/gi;

/**
 * The distinct http(s) addresses a reader can follow in these nodes, in page order: links, reference
 * links whose definition is on the page, bare URLs GitHub links, and `href`s in HTML (not in comments).
 */
export function linksIn(nodes: Nodes | readonly Nodes[], urlOf: UrlOf, into: Set<string> = new Set()): Set<string> {
  const visit = (node: Nodes) => {
    if (node.type === 'link' && isHttpUrl(node.url)) into.add(node.url);
    if (node.type === 'linkReference') {
      const url = urlOf(node.identifier.toLowerCase());
      if (url !== undefined && isHttpUrl(url)) into.add(url);
    }
    if (node.type === 'html' && !/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) {
      for (const match of node.value.replace(/<!--[\s\S]*?-->/g, '').matchAll(HREF)) into.add(match[1] ?? match[2]!);
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const node of Array.isArray(nodes) ? nodes : [nodes as Nodes]) visit(node);
  return into;
}

/** The address book of a page's reference links (`[label]: https://…`). */
export function definitionsOf(nodes: readonly RootContent[]): UrlOf {
  const urls = new Map<string, string>();
  for (const node of nodes) {
    if (node.type === 'definition') {
      const key = (node as Definition).identifier.toLowerCase();
      if (!urls.has(key)) urls.set(key, node.url);
    }
  }
  return (identifier) => urls.get(identifier);
}
