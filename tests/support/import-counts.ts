/**
 * What a page holds and what reached content/, counted without the importer, so the import tests
 * compare two independent readings. The page side uses plain line patterns written for the test
 * fixtures and the origin pages (one quote per `>` line, links as `[text](http…)`), not the
 * syntax tree the importer reads.
 */
import { readFileSync } from 'node:fs';
import type { ReadingListFiles } from '../../src/content/content-files.ts';
import { declaredGroups, sectionTree } from '../../src/content/list-shape.ts';
import { listingsBySection } from '../../src/site/reading-list.ts';

/** `[text](http…)`, not an image, not a bracket inside another link's text; one level of brackets and parentheses inside. */
const LINK = /(?<![!\\[])\[((?:[^[\]]|\[[^[\]]*\])*)\]\((https?:\/\/[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)/g;
const REFERENCE = /(?<![!\\[])\[([^[\]]+)\]\[([^[\]]+)\]/g;
const DEFINITION = /^\s*\[([^\]]+)\]:\s*(\S+)\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s*(?:[-*]\s+)?>\s?(.*\S)\s*$/;
/** Sections a README has about itself, which an import leaves out. */
const LEFT_OUT = /^(contents|table of contents|contributing|license|footnotes)$/i;
/** A line of nothing but badges and images. */
const PICTURES_ONLY = /^\s*(?:\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?\s*)+$/;

/** Markdown as the words a reader sees: no emphasis marks, escapes or `&amp;`. */
export function plain(markdown: string): string {
  return markdown
    .replace(/(?<!\\)(\*\*|__|\*|_)(?=\S)(.+?)(?<=[^\s\\])\1/g, '$2')
    .replace(/\\(.)/g, '$1')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface PageCounts {
  /** Every link to an article or site, in page order (URLs). */
  links: string[];
  /** Every quote, in page order, as reader text. */
  quotes: string[];
  /** Every heading that is a section or a group (not the title, not what is left out). */
  headings: string[];
  /** Links and quotes interleaved in page order: `link:` / `quote:` items. */
  sequence: string[];
}

export function countPage(path: string): PageCounts {
  const lines = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  let start = 0;
  if (lines[0] === '---') start = lines.indexOf('---', 1) + 1;
  const body = lines.slice(start);
  const definitions = new Map<string, string>();
  for (const line of body) {
    const definition = DEFINITION.exec(line);
    if (definition) definitions.set(definition[1]!.toLowerCase(), definition[2]!);
  }
  const counts: PageCounts = { links: [], quotes: [], headings: [], sequence: [] };
  const hasFrontmatter = start > 0;
  let title = hasFrontmatter;
  let skipLevel: number | undefined;
  let inHtml = false;
  let tagline = !hasFrontmatter;
  for (const line of body) {
    if (inHtml) {
      if (line.trim() === '' || /-->\s*$/.test(line)) inHtml = false;
      continue;
    }
    if (/^\s*<(?!https?:)/.test(line)) {
      inHtml = !/-->\s*$/.test(line) && !/^\s*<[^>]*>.*<\/[^>]*>\s*$/.test(line);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const text = plain(heading[2]!.replace(LINK, '').replace(/\[?!\[[^\]]*\]\([^)]*\)(\]\([^)]*\))?/g, ''));
      if (skipLevel !== undefined && level > skipLevel) continue;
      skipLevel = undefined;
      if (!title) {
        title = true;
        continue;
      }
      tagline = false;
      if (LEFT_OUT.test(text)) {
        skipLevel = level;
        continue;
      }
      counts.headings.push(text);
      continue;
    }
    if (skipLevel !== undefined || DEFINITION.test(line) || PICTURES_ONLY.test(line)) continue;
    const quote = QUOTE.exec(line);
    if (quote) {
      if (tagline) {
        tagline = false;
        continue;
      }
      counts.quotes.push(plain(quote[1]!));
      counts.sequence.push(`quote:${plain(quote[1]!)}`);
      continue;
    }
    for (const match of line.matchAll(LINK)) addLink(counts, match[2]!);
    for (const match of line.matchAll(REFERENCE)) {
      const url = definitions.get(match[2]!.toLowerCase());
      if (url) addLink(counts, url);
    }
  }
  return counts;
}

function addLink(counts: PageCounts, url: string): void {
  counts.links.push(url);
  counts.sequence.push(`link:${url}`);
}

export interface ContentCounts {
  /** Every link in the content: each listing of each entry, and links in notes and introductions. */
  links: string[];
  quotes: string[];
  /** Sections and the group headings each shows. */
  headings: string[];
  /**
   * Each listed entry's links and quotes (its link, its quotes, the links in its notes), in reading
   * order: each section in tree order with its own and cross-listed entries.
   */
  blocks: string[][];
}

/** The paragraph an import adds to say what an entry was listed under: not a link of the page. */
const LISTED_UNDER = /^Listed under .*\.$/;

export function countContent(files: Pick<ReadingListFiles, 'list' | 'sections' | 'entries'>): ContentCounts {
  const linksIn = (markdown: string) =>
    markdown
      .split(/\n\s*\n/)
      .filter((block) => !LISTED_UNDER.test(block.trim()))
      .flatMap((block) => [...block.matchAll(LINK)].map((match) => match[2]!));
  const groups = declaredGroups(files.list?.data);
  const heading = new Map(groups.map((group) => [group.id, group.heading]));
  const tree = sectionTree(files.sections);
  const listed = listingsBySection(files.entries, tree.inOrder, groups);
  const counts: ContentCounts = { links: [], quotes: [], headings: [], blocks: [] };
  counts.links.push(...linksIn(files.list?.body ?? ''));
  for (const section of tree.inOrder) {
    counts.headings.push(
      section.data.title,
      ...(section.data.groups ?? groups.map((group) => group.id)).map((id) => heading.get(id) ?? id),
    );
    counts.links.push(...linksIn(section.body));
    for (const group of listed.get(section.id) ?? []) {
      for (const entry of group.entries) {
        counts.blocks.push([
          `link:${entry.data.url}`,
          ...entry.data.quotes.map((quote) => `quote:${quote}`),
          ...linksIn(entry.body).map((link) => `link:${link}`),
        ]);
      }
    }
  }
  for (const entry of files.entries) {
    counts.links.push(entry.data.url, ...entry.data.also_in.map(() => entry.data.url), ...linksIn(entry.body));
    counts.quotes.push(...entry.data.quotes);
  }
  return counts;
}

/**
 * The first of `items` (a page's links and quotes, in page order) not found in `blocks` (what each
 * entry shows, in reading order) without going back — each item must be in the block the previous one
 * was in, or a later one — or undefined when all are. Within one entry the order may differ (a page
 * writes the description's links before the quotes; the site shows the quotes first).
 */
export function firstOutOfOrder(items: readonly string[], blocks: readonly (readonly string[])[]): string | undefined {
  const left = blocks.map((block) => [...block]);
  let at = 0;
  for (const [position, item] of items.entries()) {
    let found = -1;
    for (let index = at; index < left.length && found < 0; index++) if (left[index]!.includes(item)) found = index;
    if (found < 0) return `item ${position + 1} of ${items.length}, ${item}`;
    left[found]!.splice(left[found]!.indexOf(item), 1);
    at = found;
  }
  return undefined;
}

/** Multiset equality, for comparing what a page holds with what reached content/ regardless of order. */
export const sorted = (items: readonly string[]): string[] => [...items].sort();
