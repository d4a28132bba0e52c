/**
 * The page-head reader: an awesome list's title, from the first of
 * 1. the title the curator gives (`--title`);
 * 2. a `#` heading (its text, even when it is a link), the first on the page unless headings other
 *    than a table of contents stand before it;
 * 3. the first `<h1>` of an HTML header block before the first heading, else the alt text of its
 *    first image (a logo);
 * 4. the file's name, as a repository names it (`avelino__awesome-go.md` → "awesome-go").
 * Never empty: a page with none of these is "Reading list".
 */
import type { Heading, RootContent } from 'mdast';
import { basename, dirname } from 'node:path';
import { isComment, lineOf, readerText } from '../markdown.ts';

export type TitleSource = 'given' | 'heading' | 'html' | 'file name' | 'default';

export interface PageTitle {
  text: string;
  line: number;
  source: TitleSource;
  /** The `#` heading that is the title, to take out of the body. */
  heading?: Heading | undefined;
}

export const DEFAULT_TITLE = 'Reading list';

export function readPageTitle(
  nodes: readonly RootContent[],
  file: string,
  options: { given?: string | undefined; isContents?: (heading: Heading) => boolean } = {},
): PageTitle {
  const given = options.given?.trim();
  if (given) return { text: given, line: 1, source: 'given', heading: titleHeading(nodes, options.isContents) };
  const heading = titleHeading(nodes, options.isContents);
  if (heading) {
    const text = readerText(heading, { html: false });
    if (text) return { text, line: lineOf(heading), source: 'heading', heading };
  }
  const html = htmlTitle(nodes);
  if (html) return { ...html, source: 'html' };
  const fromName = titleOfFileName(file);
  if (fromName) return { text: fromName, line: 1, source: 'file name' };
  return { text: DEFAULT_TITLE, line: 1, source: 'default' };
}

/** The `#` heading that titles the page: the first, with nothing but a table of contents above it. */
function titleHeading(nodes: readonly RootContent[], isContents = (_heading: Heading) => false): Heading | undefined {
  let inContents: number | undefined;
  for (const node of nodes) {
    if (node.type !== 'heading') continue;
    if (node.depth === 1) return node;
    if (inContents !== undefined && node.depth > inContents) continue;
    if (isContents(node)) inContents = node.depth;
    else return undefined;
  }
  return undefined;
}

/** `<h1>` text, else the first `<img alt="…">`, in the HTML blocks before the first heading. */
function htmlTitle(nodes: readonly RootContent[]): { text: string; line: number } | undefined {
  let image: { text: string; line: number } | undefined;
  for (const node of nodes) {
    if (node.type === 'heading') break;
    if (node.type !== 'html' || isComment(node.value)) continue;
    const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(node.value);
    if (h1) {
      const text = htmlText(h1[1]!);
      if (text) return { text, line: lineOf(node) };
    }
    if (!image) {
      const alt = /<img\b[^>]*\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(node.value);
      const text = alt ? htmlText(alt[1] ?? alt[2] ?? '') : '';
      if (text) image = { text, line: lineOf(node) };
    }
  }
  return image;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The words of an HTML fragment: tags out, entities read, spaces collapsed. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** `owner__repo.md` → "repo"; `README.md` → its folder's name; `my-list.md` → "my-list". */
export function titleOfFileName(file: string): string | undefined {
  let name = basename(file).replace(/\.(?:md|markdown|mdown|txt)$/i, '');
  if (/^readme$/i.test(name)) name = basename(dirname(file));
  const repository = name.includes('__') ? name.slice(name.lastIndexOf('__') + 2) : name;
  const text = repository.trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : undefined;
}
