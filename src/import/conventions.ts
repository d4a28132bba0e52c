/**
 * The small conventions the importer reads and the exporter writes, kept in one place so the two
 * always agree:
 *
 * - `[Title](url) - description` (also `:`, `–`, `—`): the description is the first paragraph of the
 *   entry's notes.
 * - `:movie_camera: [Title](url)`: emoji shortcodes before a link are the entry's tags
 *   (`movie-camera`); the exporter writes every tag back that way.
 * - A link listed under another entry (a favourite post under its blog) or under a bold label line
 *   (`**Misc favorites:**`) becomes an entry of its own, right after what it was under, and its
 *   notes end with one paragraph saying so: "Listed under [Blog](url)." / "Listed under **Misc
 *   favorites**." The exporter nests it there again.
 * - `<!-- cross-listing -->` after a link: a repeat of a link listed in full elsewhere on the page
 *   (exports mark every repeat, so the full one is the entry's own section).
 * - A page may declare its groups (frontmatter `groups:`, or an HTML comment holding that YAML at the
 *   top of an awesome list); then any heading whose text is a declared group's heading is that group.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { slugify } from '../content/slugs.ts';
import { SLUG_PATTERN } from '../schemas/content.ts';
import type { ListedUnder, PlanGroup } from './plan.ts';

/** What may stand between a link and its description: `: `, ` - `, ` – `, ` — `, or only a space or a line break. */
export const DESCRIPTION_SEPARATOR = /^\s*(?:[:\-–—](?=\s|$)|:)?\s*/;

/** Text between two links of one bullet that makes each of them an entry (`, ` `/` `|` `and` …). */
export const LINK_JOINER = /^\s*(?:,|\/|\||&|;|·|\+|and|or)?\s*$/i;

/** A run of emoji shortcodes (`:movie_camera: :star:`). */
export const SHORTCODES = /^\s*(?::[a-z0-9_+-]+:\s*)+$/i;

/** The tag an emoji shortcode stands for: `:movie_camera:` → `movie-camera`. */
export function tagOfShortcode(shortcode: string): string {
  return slugify(shortcode.replace(/^:|:$/g, '').replace(/\+/g, ' plus '));
}

/** The shortcode a tag is written as: `movie-camera` → `:movie_camera:`. */
export const shortcodeOfTag = (tag: string): string => `:${tag.replace(/-/g, '_')}:`;

/** Marks a repeated link in an export: the entry is listed in full elsewhere on the page. */
export const REPEAT_MARK = '<!-- cross-listing -->';

/** Stands where a section has no summary but an introduction follows, so the intro is not read as one. */
export const NO_SUMMARY_MARK = '<!-- no summary -->';

/**
 * Carries a section's id or an entry's slug on an exported page where readers do not see it: an HTML
 * comment after the section's heading, or at the end of the entry's line. Written only when the id is
 * not the one an import would make from the title, so an import gives back the same file names.
 */
export const idMark = (id: string): string => `<!-- id: ${id} -->`;

/** The id an `idMark` comment carries, if `html` is one. */
export function readIdMark(html: string): string | undefined {
  return /^\s*<!--\s*id:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*-->\s*$/.exec(html)?.[1];
}

/** The last paragraph of an entry's notes that says what it was listed under on its page. */
export function underParagraph(under: ListedUnder): Paragraph {
  const what: PhrasingContent =
    'entry' in under
      ? { type: 'link', url: under.entry.url, children: [{ type: 'text', value: under.entry.title }] }
      : { type: 'strong', children: [{ type: 'text', value: under.label }] };
  return { type: 'paragraph', children: [{ type: 'text', value: 'Listed under ' }, what, { type: 'text', value: '.' }] };
}

/** What a notes block says the entry was listed under, if it is that paragraph. */
export function readUnderParagraph(block: RootContent | undefined): ListedUnder | undefined {
  if (block?.type !== 'paragraph' || block.children.length !== 3) return undefined;
  const [before, what, after] = block.children;
  if (before?.type !== 'text' || before.value !== 'Listed under ' || after?.type !== 'text' || after.value !== '.')
    return undefined;
  const onlyText = (node: PhrasingContent) =>
    'children' in node && node.children.length === 1 && node.children[0]?.type === 'text' ? node.children[0].value : undefined;
  if (what?.type === 'link') {
    const title = onlyText(what);
    return title === undefined ? undefined : { entry: { title, url: what.url } };
  }
  if (what?.type === 'strong') {
    const label = onlyText(what);
    return label === undefined ? undefined : { label };
  }
  return undefined;
}

/** Heading words of a table of contents. */
const CONTENTS = /^(?:table of contents|contents|index|toc)$/i;
/** Sections about the README itself rather than the list: skipped, each with a line saying so. */
const ABOUT_THE_README = /^(?:contribut(?:e|ing|ion|ions|ors)|how to contribute|licen[cs]e|footnotes|code of conduct)$/i;

/** A heading's words without emoji, shortcodes and punctuation around them, for matching names. */
const bareHeading = (text: string) =>
  text
    .replace(/:[a-z0-9_+-]+:/gi, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const isContentsHeading = (text: string): boolean => CONTENTS.test(bareHeading(text));
export const isAboutTheReadme = (text: string): boolean => ABOUT_THE_README.test(bareHeading(text));

/** Bold label lines (`**Misc favorites:**`) as readers see them: "Misc favorites". */
export const labelText = (text: string): string => text.replace(/\s*:\s*$/, '').trim();

/** A page's `groups:` declaration (as content/list.md writes it): the groups, or what is wrong with it. */
export function readGroupDeclaration(value: unknown): PlanGroup[] | string {
  if (!Array.isArray(value)) return 'must be a list of groups, each with an id and a heading';
  const groups: PlanGroup[] = [];
  for (const group of value as unknown[]) {
    const { id, heading } = (group ?? {}) as { id?: unknown; heading?: unknown };
    if (typeof id !== 'string' || !SLUG_PATTERN.test(id) || typeof heading !== 'string' || !heading.trim()) {
      return 'each group needs an id (lowercase-with-hyphens, like "peer-review") and a heading';
    }
    groups.push({ id, heading: heading.trim() });
  }
  return groups;
}
