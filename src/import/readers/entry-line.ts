/**
 * The entry-line reader: is this paragraph (a bullet's first paragraph, a paragraph at the top
 * level, a table row's cells) an entry, and if so which links, tags and description does it hold?
 * The importer and the exporter share it (src/import/export-page.ts), so a note the exporter writes
 * can never read back as an entry.
 *
 * A line is an entry when its first link is the item: whatever stands before that link is only
 * emoji (characters or `:shortcodes:`, read as tags), images or badges, a short bold or italic word
 * (`**New**`, a tag), or a strike-through around the link itself (`~~[Old](…)~~`, tag `deprecated`).
 * A bare URL after a short name (`Company https://…`, a GFM autolink literal) is an entry titled by
 * that name. Anything else before the first link (a sentence, a code span) makes the line text.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { slugify } from '../../content/slugs.ts';
import { isHttpUrl } from '../../schemas/content.ts';
import { DESCRIPTION_SEPARATOR, LINK_JOINER, readIdMark, REPEAT_MARK, SHORTCODES, tagOfShortcode } from '../conventions.ts';
import { inlineMarkdown, isBadge, isComment, lineOf, readerText } from '../markdown.ts';

/** Turns a reference link's label into its address (`[Name][label]` with `[label]: https://…`). */
export type UrlOf = (identifier: string) => string | undefined;

/** A link as an entry reads it: the text a reader sees and the address. */
export interface EntryLink {
  title: string;
  url: string;
  line: number;
  /** The link's own title attribute (`[Name](url "tooltip")`), which an entry has no place for. */
  tooltip?: string | null | undefined;
}

export interface EntryLine {
  /** The links that are entries: the first, and any joined to it only by `,` `/` `and` …. */
  links: EntryLink[];
  tags: string[];
  /** Emoji characters before the link, kept at the start of the title. */
  prefix: string;
  /** Markdown of what follows the links, without the separator. */
  description: string | undefined;
  /** Marked `<!-- cross-listing -->`: written as a repeat of a link listed in full elsewhere. */
  repeat: boolean;
  /** The slug an export gave the entry (`<!-- id: … -->` on its line), see conventions.ts. */
  id?: string | undefined;
}

/** The tag of an entry marked as no longer kept up (struck through, "archived", "deprecated"). */
export const DEPRECATED_TAG = 'deprecated';

/** Emoji characters (with their joiners and variation selectors). */
export const EMOJI_PREFIX =
  /^\s*(?:(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\u200d|\ufe0f|\p{Extended_Pictographic}|\p{Regional_Indicator})*\s*)+$/u;

/** Words after a link that say the thing is no longer kept up. */
const DEPRECATED_WORDS = /\b(?:archived|deprecated|unmaintained)\b/i;

/** A bold or italic word before a link (`**New**`): at most three words, read as a tag. */
const MAX_MARK_WORDS = 3;

const noUrl: UrlOf = () => undefined;

const isBlankText = (node: PhrasingContent) => node.type === 'text' && node.value.trim() === '';

/** The link a node is, through bold, italic and strike-through around it; badges are not links. */
export function resolveLink(node: PhrasingContent, urlOf: UrlOf = noUrl): { link: EntryLink; struck: boolean } | undefined {
  let inner = node;
  let struck = false;
  while (
    (inner.type === 'strong' || inner.type === 'emphasis' || inner.type === 'delete') &&
    inner.children.filter((child) => !isBlankText(child)).length === 1
  ) {
    if (inner.type === 'delete') struck = true;
    inner = inner.children.find((child) => !isBlankText(child))!;
  }
  if (isBadge(inner)) return undefined;
  if (inner.type === 'link') {
    return { link: { title: readerText(inner), url: inner.url, line: lineOf(inner), tooltip: inner.title }, struck };
  }
  if (inner.type === 'linkReference') {
    const url = urlOf(inner.identifier.toLowerCase());
    if (url !== undefined) return { link: { title: readerText(inner), url, line: lineOf(inner) }, struck };
  }
  return undefined;
}

/** A bare URL as GitHub links it (autolink literal): the link's text is its address. */
const isBareUrl = (node: PhrasingContent | undefined) =>
  node?.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === node.url;

/** What may stand before an entry's first link, and what it adds to the entry. */
function readPrefix(node: PhrasingContent): { tags: string[]; emoji: string } | undefined {
  if (node.type === 'image' || node.type === 'imageReference' || isBadge(node) || node.type === 'break') {
    return { tags: [], emoji: '' };
  }
  if (node.type === 'html' && (isComment(node.value) || /^<img\b/i.test(node.value.trim()))) return { tags: [], emoji: '' };
  if (node.type === 'text') {
    if (node.value.trim() === '') return { tags: [], emoji: '' };
    if (SHORTCODES.test(node.value)) return { tags: (node.value.match(/:[a-z0-9_+-]+:/gi) ?? []).map(tagOfShortcode), emoji: '' };
    if (EMOJI_PREFIX.test(node.value)) return { tags: [], emoji: node.value.trim() };
    return undefined;
  }
  if (node.type === 'strong' || node.type === 'emphasis') {
    const text = readerText(node);
    const plain = node.children.every((child) => child.type === 'text');
    if (plain && text !== '' && text.split(/\s+/).length <= MAX_MARK_WORDS) {
      const tag = /[a-z0-9]/i.test(text.normalize('NFKD')) ? slugify(text) : undefined;
      return { tags: tag ? [tag] : [], emoji: '' };
    }
  }
  return undefined;
}

/**
 * The entry a line starts, or undefined when it is not an entry line. Does not check the links'
 * addresses: a line whose first link is not http(s) is still shaped as an entry, and the caller says
 * what becomes of it.
 */
export function readEntryLine(paragraph: Paragraph, urlOf: UrlOf = noUrl): EntryLine | undefined {
  const children = paragraph.children;
  const tags: string[] = [];
  const emoji: string[] = [];
  let index = 0;
  let first: ReturnType<typeof resolveLink>;
  for (; index < children.length; index++) {
    const child = children[index]!;
    first = resolveLink(child, urlOf);
    if (first) break;
    const prefix = readPrefix(child);
    if (prefix) {
      tags.push(...prefix.tags);
      if (prefix.emoji) emoji.push(prefix.emoji);
      continue;
    }
    // `Company https://…`: a short name, then a bare address.
    const next = children[index + 1];
    if (child.type === 'text' && isBareUrl(next) && nameBeforeUrl(child.value)) {
      const link = resolveLink(next!, urlOf)!.link;
      first = { link: { ...link, title: nameBeforeUrl(child.value)! }, struck: false };
      index++;
      break;
    }
    return undefined;
  }
  if (!first) return undefined;
  if (first.struck) tags.push(DEPRECATED_TAG);
  const links: EntryLink[] = [first.link];
  for (;;) {
    const between = children[index + 1];
    const next = children[index + 2];
    const joined = between?.type === 'text' && LINK_JOINER.test(between.value) && next ? resolveLink(next, urlOf) : undefined;
    const adjacent = between ? resolveLink(between, urlOf) : undefined;
    if (joined) {
      links.push(joined.link);
      if (joined.struck) tags.push(DEPRECATED_TAG);
      index += 2;
    } else if (adjacent) {
      links.push(adjacent.link);
      index += 1;
    } else {
      break;
    }
  }
  let rest = children.slice(index + 1);
  const repeat = rest.some((node) => node.type === 'html' && node.value.trim() === REPEAT_MARK);
  const id = rest.map((node) => (node.type === 'html' ? readIdMark(node.value) : undefined)).find(Boolean);
  rest = trimInline(rest.filter((node) => !(node.type === 'html' && isComment(node.value))));
  if (rest[0]?.type === 'text') {
    let value = rest[0].value.replace(DESCRIPTION_SEPARATOR, '');
    // `[Blog](…), some favorites:`: connective text reads as a sentence of its own.
    const connective = /^\s*[,;]\s*/.exec(value);
    if (connective) value = capitalise(value.slice(connective[0].length));
    rest = value ? [{ ...rest[0], value }, ...rest.slice(1)] : rest.slice(1);
  }
  const description = rest.length > 0 ? inlineMarkdown(rest) : undefined;
  if (description !== undefined && DEPRECATED_WORDS.test(readerText(rest))) tags.push(DEPRECATED_TAG);
  return { links, tags: [...new Set(tags)], prefix: emoji.join(' '), description, repeat, ...(id ? { id } : {}) };
}

/**
 * The entry line an import makes entries of: shaped as one, its links addresses on the web. (A line
 * shaped as an entry whose link is not on the web is text, but still ends the entry above it.)
 */
export function readWebEntryLine(paragraph: Paragraph, urlOf: UrlOf = noUrl): EntryLine | undefined {
  const line = readEntryLine(paragraph, urlOf);
  return line && line.links.every((link) => isHttpUrl(link.url)) ? line : undefined;
}

/** True when the paragraph is an entry line: the one rule the importer reads and the exporter keeps to. */
export const isEntryLine = (paragraph: Paragraph, urlOf: UrlOf = noUrl): boolean => readEntryLine(paragraph, urlOf) !== undefined;

/** Words that end a sentence pointing at an address ("see the list at https://…"), not a name. */
const POINTING = /\b(?:at|in|on|from|to|by|of|via|see|visit|here|is|are|and|or|the|a|an)$/i;

/** The name in `Company https://…`: up to four words, not a sentence ending in `.` or pointing at the address. */
function nameBeforeUrl(text: string): string | undefined {
  const name = text.replace(/[\s\-–—:]+$/, '').trim();
  if (name === '' || /[.!?,;]$/.test(name) || name.split(/\s+/).length > 4 || POINTING.test(name)) return undefined;
  return name;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Inline content without blank text at either end (and without the spaces that end its last text). */
export function trimInline(nodes: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlankText(nodes[start]!)) start++;
  while (end > start && (isBlankText(nodes[end - 1]!) || nodes[end - 1]!.type === 'break')) end--;
  const out = nodes.slice(start, end);
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return out;
}
