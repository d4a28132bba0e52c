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
  /** A definition's label, and the label an `imageReference` or `linkReference` points at (both normalised by the parser). */
  identifier?: string;
  children?: MdNode[];
}
interface HastElement {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastElement[];
}

/** Schemes compare case-blind (HTTPS: is https:); the sanitiser below does not. */
const lowerScheme = (url: string) => url.replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase());

/** An image must be an absolute http(s) address: a relative one would point into this site. */
const isAbsoluteHttp = (url: string | undefined) => /^https?:\/\//.test(url ?? '');

/**
 * Raw HTML becomes literal text, so `<script>` in a note reads as `<script>` on the page; an image
 * that is not an absolute http(s) address, written inline (`![a](/x)`) or by reference (`![a][r]`
 * with `[r]: /x`), becomes its alt text.
 */
function rawHtmlAsText() {
  const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
  const collectDefinitions = (node: MdNode, definitions: Map<string, string>) => {
    if (node.type === 'definition' && node.identifier !== undefined) {
      node.url = lowerScheme(node.url ?? '');
      // Labels match case-blind and the first definition of a label wins, as in remark-rehype.
      const label = node.identifier.toUpperCase();
      if (!definitions.has(label)) definitions.set(label, node.url);
    }
    node.children?.forEach((child) => collectDefinitions(child, definitions));
  };
  const visit = (node: MdNode, definitions: ReadonlyMap<string, string>) => {
    if (!node.children) return;
    node.children = node.children.map((child) => {
      if ((child.type === 'link' || child.type === 'image') && child.url) child.url = lowerScheme(child.url);
      if (child.type === 'image' && !isAbsoluteHttp(child.url)) return { type: 'text', value: child.alt ?? '' };
      if (child.type === 'imageReference' && !isAbsoluteHttp(definitions.get((child.identifier ?? '').toUpperCase())))
        return { type: 'text', value: child.alt ?? '' };
      if (child.type !== 'html') return child;
      const text: MdNode = { type: 'text', value: child.value ?? '' };
      // A block of HTML stands as its own paragraph of text.
      return flowParents.has(node.type) ? { type: 'paragraph', children: [text] } : text;
    });
    node.children.forEach((child) => visit(child, definitions));
  };
  return (tree: MdNode) => {
    const definitions = new Map<string, string>();
    collectDefinitions(tree, definitions);
    visit(tree, definitions);
  };
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

/**
 * remark-rehype always names the footnotes' heading `footnote-label` (and points each reference's
 * `aria-describedby` at it); with several entries' notes on one page that id would repeat, so it
 * takes the entry's prefix like the footnotes themselves.
 */
function footnoteLabelPrefixed(prefix: string) {
  const label = 'footnote-label';
  const visit = (node: HastElement) => {
    const properties = node.properties;
    if (properties?.['id'] === label) properties['id'] = `${prefix}${label}`;
    const describedBy = properties?.['ariaDescribedBy'];
    if (properties && Array.isArray(describedBy))
      properties['ariaDescribedBy'] = describedBy.map((id) => (id === label ? `${prefix}${label}` : id));
    node.children?.forEach(visit);
  };
  return (tree: HastElement) => visit(tree);
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(rawHtmlAsText).freeze();

const sanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // remark-rehype already prefixes footnote ids (so they cannot clobber DOM globals); a second
  // prefix here would break the footnote links.
  clobberPrefix: '',
};

/** Markdown → safe HTML, footnote ids starting with `idPrefix`. */
const toHtml = (idPrefix: string) =>
  unified()
    .use(remarkRehype, { clobberPrefix: idPrefix })
    .use(footnoteLabelPrefixed, idPrefix)
    .use(rehypeSanitize, sanitizeSchema)
    .use(externalLinksSafe)
    .use(rehypeStringify)
    .freeze();

/**
 * Changes whenever the HTML {@link renderNotes} writes for the same Markdown changes (2: footnote ids
 * per entry), so builds that cached the old HTML render notes again (src/content/content-loader.ts).
 */
export const NOTES_HTML_VERSION = 2;

const GENERIC_PREFIX = 'user-content-';
const genericHtml = toHtml(GENERIC_PREFIX);

/**
 * The prefix of the ids in an entry's notes (footnotes and their back links): `user-content-`, so
 * no id clobbers a DOM global, then the entry id, so the notes of several entries on one page never
 * share an id and each footnote link jumps within its own entry. Section ids and slugs never hold
 * `--`, so `data-platforms/x` → `data-platforms--x` cannot meet another entry's prefix.
 */
export const notesIdPrefix = (entryId: string) => `${GENERIC_PREFIX}${entryId.replaceAll('/', '--')}-`;

/**
 * HTML for a Markdown note; empty string for no notes. Give the entry's id whenever notes of several
 * entries can share a page, so their footnote ids stay apart (see {@link notesIdPrefix}).
 */
export function renderNotes(markdownText: string, entryId?: string): string {
  if (!markdownText.trim()) return '';
  const html = entryId === undefined ? genericHtml : toHtml(notesIdPrefix(entryId));
  const tree = markdown.runSync(markdown.parse(markdownText));
  return html.stringify(html.runSync(tree as never));
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
