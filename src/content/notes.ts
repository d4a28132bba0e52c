/**
 * Renders an entry's notes (GitHub-flavoured Markdown) to HTML that is safe to put on the page.
 * Raw HTML in a note is shown as text, never interpreted, and links may only be http(s), mailto or
 * relative: a note is data, whoever wrote it.
 */
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string;
  children?: MdNode[];
}
interface HastElement {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastElement[];
}

/** Raw HTML becomes literal text, so `<script>` in a note reads as `<script>` on the page. */
function rawHtmlAsText() {
  const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
  const visit = (node: MdNode) => {
    if (!node.children) return;
    node.children = node.children.map((child) => {
      // Schemes compare case-blind (HTTPS: is https:); the sanitiser below does not.
      if ((child.type === 'link' || child.type === 'image') && child.url) {
        child.url = child.url.replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase());
      }
      // An image must be an absolute http(s) address: a relative one would point into this site.
      if (child.type === 'image' && !/^https?:\/\//.test(child.url ?? '')) return { type: 'text', value: child.alt ?? '' };
      if (child.type !== 'html') return child;
      const text: MdNode = { type: 'text', value: child.value ?? '' };
      // A block of HTML stands as its own paragraph of text.
      return flowParents.has(node.type) ? { type: 'paragraph', children: [text] } : text;
    });
    node.children.forEach(visit);
  };
  return (tree: MdNode) => visit(tree);
}

/** Links out of a note open safely, like the entry's own link. */
function externalLinksSafe() {
  const visit = (node: HastElement) => {
    if (node.tagName === 'a' && /^https?:/i.test(String(node.properties?.href ?? ''))) {
      node.properties = { ...node.properties, rel: ['noopener', 'noreferrer'] };
    }
    node.children?.forEach(visit);
  };
  return (tree: HastElement) => visit(tree);
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(rawHtmlAsText)
  .use(remarkRehype)
  .use(rehypeSanitize, {
    ...defaultSchema,
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
    // remark-rehype already prefixes footnote ids with `user-content-` (so they cannot clobber DOM
    // globals); a second prefix here would break the footnote links.
    clobberPrefix: '',
  })
  .use(externalLinksSafe)
  .use(rehypeStringify)
  .freeze();

/** HTML for a Markdown note; empty string for no notes. */
export function renderNotes(markdown: string): string {
  if (!markdown.trim()) return '';
  return String(processor.processSync(markdown));
}

/** The notes as plain text (for feeds, exports and checks), without Markdown syntax. */
export function notesText(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode;
  const parts: string[] = [];
  const visit = (node: MdNode) => {
    if (node.value !== undefined && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'code')) parts.push(node.value);
    node.children?.forEach(visit);
    if (['paragraph', 'listItem', 'heading', 'tableCell', 'code', 'blockquote'].includes(node.type)) parts.push('\n');
  };
  visit(tree);
  return parts.join('').replace(/[ \t]*\n+[ \t]*/g, '\n').trim();
}
