/**
 * Markdown as a syntax tree, for reading pages and writing them back: one parser (remark-parse with
 * GitHub's extensions, every node keeping its source lines) and one writer (remark-stringify), so
 * the importer reads exactly what the exporter writes. Text a reader sees — a title, a quote, a
 * heading — is taken from the tree, so `**bold**`, `\_` and `&amp;` arrive as the words they show.
 */
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { parseDocument } from 'yaml';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const writer = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', emphasis: '*', strong: '*', rule: '-', fences: true })
  .freeze();

/** A page's YAML frontmatter, when it opens with one. */
export interface PageFrontmatter {
  data: Record<string, unknown>;
  /** Line of each top-level key. */
  lines: Map<string, number>;
  /** The YAML syntax error, if it could not be read. */
  error?: { line: number; message: string } | undefined;
}

export interface ParsedPage {
  tree: Root;
  frontmatter: PageFrontmatter | undefined;
}

/**
 * Parses a page. Frontmatter is read as YAML and blanked out of the Markdown (line for line), so
 * every node's position is still its line on the page.
 */
export function parsePage(source: string): ParsedPage {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  let frontmatter: PageFrontmatter | undefined;
  let body = text;
  if (/^---[^\S\n]*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[^\S\n]*$/.test(line));
    if (close > 0) {
      frontmatter = readFrontmatter(lines.slice(1, close).join('\n'));
      body = [...lines.slice(0, close + 1).map(() => ''), ...lines.slice(close + 1)].join('\n');
    }
  }
  return { tree: parser.parse(body), frontmatter };
}

/** YAML's failsafe schema: every value is text as written, so `title: 2024` or `1e3` stays what the author wrote. */
function readFrontmatter(yaml: string): PageFrontmatter {
  const doc = parseDocument(yaml, { schema: 'failsafe' });
  const lines = new Map<string, number>();
  const lineAt = (offset: number) => yaml.slice(0, offset).split('\n').length + 1;
  const error = doc.errors[0];
  if (error)
    return { data: {}, lines, error: { line: lineAt(error.pos[0]), message: error.message.split('\n')[0] ?? 'invalid YAML' } };
  const contents = doc.contents as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null;
  for (const item of contents?.items ?? []) {
    if (typeof item.key?.value === 'string' && item.key.range) lines.set(item.key.value, lineAt(item.key.range[0]));
  }
  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, lines };
}

/** The first line of a node on the page. */
export const lineOf = (node: Nodes): number => node.position?.start.line ?? 1;
/** The last line of a node on the page. */
export const endLineOf = (node: Nodes): number => node.position?.end.line ?? lineOf(node);
/** How many page lines a node spans. */
export const lineCount = (node: Nodes): number => endLineOf(node) - lineOf(node) + 1;

/** A link whose only content is images: a badge or a logo, not something to read. */
export function isBadge(node: Nodes): boolean {
  return (
    (node.type === 'link' || node.type === 'linkReference') &&
    node.children.length > 0 &&
    node.children.every((child) => child.type === 'image' || child.type === 'imageReference' || isBlank(child))
  );
}

const isBlank = (node: Nodes) => node.type === 'text' && node.value.trim() === '';
/** Stands for a hard line break while whitespace is collapsed (`breaks`: kept as a newline). */
const BREAK = '\uE000';

/**
 * The words a reader sees in `node`: text, code and (unless left out) inline HTML as written;
 * images and badges contribute nothing; line breaks and runs of spaces become one space (`breaks`:
 * a hard line break — a backslash or two spaces at the end of a line — stays a newline).
 */
export function readerText(
  node: Nodes | readonly Nodes[],
  { html = true, breaks = false }: { html?: boolean; breaks?: boolean } = {},
): string {
  const parts: string[] = [];
  const visit = (current: Nodes) => {
    if (current.type === 'image' || current.type === 'imageReference' || isBadge(current)) return;
    if (current.type === 'html') {
      if (html && !isComment(current.value)) parts.push(current.value);
      return;
    }
    if (current.type === 'break') {
      parts.push(breaks ? BREAK : ' ');
      return;
    }
    if ('value' in current && (current.type === 'text' || current.type === 'inlineCode' || current.type === 'code')) {
      parts.push(current.value);
      return;
    }
    if ('children' in current) for (const child of current.children) visit(child);
  };
  for (const each of Array.isArray(node) ? node : [node as Nodes]) visit(each);
  const text = parts.join('').replace(/\s+/g, ' ');
  return (breaks ? text.replace(/ ?\uE000 ?/g, '\n') : text).trim();
}

/** True for an HTML comment (`<!-- … -->`), which a reader never sees. */
export const isComment = (html: string): boolean => /^\s*<!--[\s\S]*-->\s*$/.test(html);

/** Markdown for blocks, in the one layout the exporter writes (`-` bullets, `*` emphasis). */
export function markdownOf(blocks: readonly RootContent[]): string {
  return writer.stringify({ type: 'root', children: [...blocks] } as Root).trim();
}

/** Markdown for inline content, as one paragraph. */
export function inlineMarkdown(children: readonly PhrasingContent[]): string {
  return markdownOf([{ type: 'paragraph', children: [...children] } satisfies Paragraph]);
}

/** Markdown text back as blocks (for notes and intros already written in Markdown). */
export function blocksOf(markdown: string): RootContent[] {
  return markdown.trim() ? parser.parse(markdown).children : [];
}

/** The whole page as Markdown text. */
export function stringifyPage(tree: Root): string {
  return `${writer.stringify(tree).trimEnd()}\n`;
}
