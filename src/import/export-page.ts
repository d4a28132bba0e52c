/**
 * The reverse walk of the importer: a list (or one section with its sub-sections) as one Markdown
 * page, legacy or awesome, built as a syntax tree and written by the same Markdown writer the
 * importer's notes use. Importing the page into an empty folder gives back the same list — entries,
 * quotes, notes, groups, sections and order — because every convention it writes is one the reader
 * reads (src/import/conventions.ts).
 *
 * What a page cannot carry: `added` dates and link `status` (git and the link checker find them
 * again), and notes holding a blockquote, an HTML comment, or a bullet that starts with a link or a
 * quote (an import would read those as quotes or entries): each such note is named in a warning.
 */
import GithubSlugger from 'github-slugger';
import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { EntryFile, ReadingListFiles, SectionFile } from '../content/content-files.ts';
import { declaredGroups, sectionGroupIds, sectionTree } from '../content/list-shape.ts';
import { listingsBySection } from '../site/reading-list.ts';
import type { GroupDeclaration } from '../schemas/content.ts';
import { slugify } from '../content/slugs.ts';
import {
  idMark,
  NO_SUMMARY_MARK,
  REPEAT_MARK,
  isAboutTheReadme,
  isContentsHeading,
  readUnderParagraph,
  shortcodeOfTag,
} from './conventions.ts';
import { blocksOf, readerText, stringifyPage } from './markdown.ts';
import type { PageFormat } from './plan.ts';
import { isEntryLine, readWebEntryLine } from './readers/entry-line.ts';
import { isLabel, isPicturesOnly } from './readers/prose.ts';

export interface ExportOptions {
  format: PageFormat;
  /** Export only this section and its sub-sections, as a page of its own. */
  section?: string | undefined;
}

export type ExportResult = { text: string; warnings: string[] } | { error: string };

/** One entry where a section lists it, with the favourites nested under it. */
interface Item {
  entry: EntryFile;
  /** Listed in full elsewhere on the page: written as a marked repeat. */
  repeat: boolean;
  /** The notes' blocks, without the "Listed under" paragraph when the page shows that by nesting. */
  notes: RootContent[];
  label: string | undefined;
  children: Item[];
}

const BASE_LEVEL: Record<PageFormat, number> = { legacy: 1, awesome: 2 };

export function exportPage(files: Pick<ReadingListFiles, 'list' | 'sections' | 'entries'>, options: ExportOptions): ExportResult {
  const { format } = options;
  const list = files.list;
  if (!list) return { error: 'the list has no list.md' };
  const groups = declaredGroups(list.data);
  const tree = sectionTree(files.sections);
  const root = options.section === undefined ? undefined : tree.get(options.section);
  if (options.section !== undefined && !root) {
    return {
      error: `no section "${options.section}"; the sections are ${tree.inOrder.map((section) => `"${section.id}"`).join(', ')}`,
    };
  }
  const inScope = root ? tree.subtreeOf(root.id) : tree.inOrder;
  const scopeIds = new Set(inScope.map((section) => section.id));
  const position = new Map(inScope.map((section, index) => [section.id, index]));
  const listed = listingsBySection(files.entries, inScope, groups);
  const heading = new Map(groups.map((group) => [group.id, group.heading]));
  const warnings: string[] = [];

  // Where each entry is written in full: its own section, else the first section of the page listing it.
  const fullSection = new Map<string, string>();
  for (const section of inScope) {
    for (const group of listed.get(section.id) ?? []) {
      for (const entry of group.entries) {
        const own = scopeIds.has(entry.data.section) ? entry.data.section : undefined;
        const current = fullSection.get(entry.id);
        if (own) fullSection.set(entry.id, own);
        else if (current === undefined || position.get(section.id)! < position.get(current)!)
          fullSection.set(entry.id, section.id);
      }
    }
  }

  // The groups the page declares, so an import reads the same headings as the same groups.
  const shown = new Set(inScope.flatMap((section) => sectionGroupIds(section.data, groups)));
  const pageGroups: GroupDeclaration[] = root ? groups.filter((group) => shown.has(group.id)) : [...groups];
  const declare = format === 'legacy' || shown.size > 0 || (!root && list.data.groups !== undefined);
  const groupHeadings = new Set(declare ? pageGroups.map((group) => group.heading.toLowerCase()) : []);

  const problems: string[] = [];
  const base = BASE_LEVEL[format];
  const levelOf = (depth: number) => base + depth - 1;
  // 1 for the page's top sections (the list's, or the exported section's sub-sections).
  const depthOf = (section: SectionFile) =>
    tree.ancestorsOf(section.id).length + 1 - (root ? tree.ancestorsOf(root.id).length + 1 : 0);
  for (const section of inScope) {
    const title = section.data.title;
    if (section === root) continue;
    if (groupHeadings.has(title.toLowerCase()))
      problems.push(`section "${section.id}" has the same title as a group ("${title}"): rename one of them`);
    if (isAboutTheReadme(title) || isContentsHeading(title))
      problems.push(`section "${section.id}" is titled "${title}", which an import leaves out: rename it`);
    const groupLevel = levelOf(depthOf(section)) + (sectionGroupIds(section.data, groups).length > 0 ? 1 : 0);
    if (groupLevel > 6) problems.push(`section "${section.id}" is nested too deep for Markdown headings in the ${format} format`);
  }
  if (problems.length > 0) return { error: problems.join('\n') };

  const children: RootContent[] = [];
  const pageTitle = root ? root.data.title : list.data.title;
  const pageSubtitle = root ? root.data.summary : list.data.description;
  const pageIntro = blocksOf(root ? root.body : list.body);
  checkIntro(root ? root.file : list.file, pageIntro, warnings);
  if (format === 'awesome') {
    children.push(headingNode(1, pageTitle));
    if (pageSubtitle) children.push({ type: 'blockquote', children: [textParagraph(pageSubtitle)] });
  }
  if (!pageSubtitle && pageIntro.length > 0) children.push({ type: 'html', value: NO_SUMMARY_MARK });
  children.push(...pageIntro);
  if (pageIntro.at(-1)?.type === 'paragraph' && isLabel(pageIntro.at(-1) as Paragraph)) children.push({ type: 'thematicBreak' });
  if (format === 'awesome' && declare) children.push({ type: 'html', value: groupsComment(pageGroups) });

  const sectionHeadings = new Map<string, Heading>();
  const contentsIndex = children.length;

  const entryItems = (section: SectionFile, kind: string | undefined): Item[] => {
    const group = (listed.get(section.id) ?? []).find((each) => each.kind === kind);
    const top: Item[] = [];
    let stack: Item[] = [];
    for (const entry of group?.entries ?? []) {
      const repeat = fullSection.get(entry.id) !== section.id;
      const notes = repeat ? [] : blocksOf(entry.body);
      const under = repeat ? undefined : readUnderParagraph(notes[notes.length - 1]);
      const item: Item = { entry, repeat, notes, label: undefined, children: [] };
      if (under && 'entry' in under) {
        const at = stack.findLastIndex(
          (open) => open.entry.data.url === under.entry.url && open.entry.data.title === under.entry.title,
        );
        if (at >= 0) {
          notes.pop();
          stack = stack.slice(0, at + 1);
          stack[at]!.children.push(item);
          stack.push(item);
          continue;
        }
      }
      if (under && 'label' in under) {
        notes.pop();
        item.label = under.label;
      }
      top.push(item);
      stack = [item];
    }
    return top;
  };

  const renderSection = (section: SectionFile, level: number, asPage: boolean) => {
    if (!asPage) {
      const node = headingNode(level, section.data.title);
      sectionHeadings.set(section.id, node);
      children.push(node);
      if (section.id !== slugify(section.data.title)) children.push({ type: 'html', value: idMark(section.id) });
      const intro = blocksOf(section.body);
      checkIntro(section.file, intro, warnings);
      if (section.data.summary) children.push(textParagraph(section.data.summary));
      else if (intro.length > 0) children.push({ type: 'html', value: NO_SUMMARY_MARK });
      children.push(...intro);
      // An introduction ending in a bold line would be read as the label of the entries below it: a rule ends it.
      if (intro.at(-1)?.type === 'paragraph' && isLabel(intro.at(-1) as Paragraph)) children.push({ type: 'thematicBreak' });
    }
    const groupLevel = asPage ? base : level + 1;
    const ids = sectionGroupIds(section.data, groups);
    if (ids.length === 0) children.push(...renderItems(entryItems(section, undefined), format, warnings));
    for (const id of ids) {
      children.push(headingNode(groupLevel, heading.get(id) ?? id));
      children.push(...renderItems(entryItems(section, id), format, warnings));
    }
    for (const child of tree.childrenOf(section.id)) renderSection(child, asPage ? base : level + 1, false);
  };
  if (root) renderSection(root, base, true);
  else for (const section of tree.roots) renderSection(section, base, false);

  if (format === 'awesome' && sectionHeadings.size > 0) {
    const contents = headingNode(2, 'Contents');
    children.splice(contentsIndex, 0, contents);
    children.splice(
      contentsIndex + 1,
      0,
      contentsList(root ? tree.childrenOf(root.id) : tree.roots, tree, sectionHeadings, children),
    );
  }
  const frontmatter =
    format === 'legacy'
      ? [
          '---',
          `title: ${JSON.stringify(pageTitle)}`,
          ...(pageSubtitle ? [`subtitle: ${JSON.stringify(pageSubtitle)}`] : []),
          ...(pageGroups.length > 0
            ? [
                'groups:',
                ...pageGroups.flatMap((group) => [`  - id: ${group.id}`, `    heading: ${JSON.stringify(group.heading)}`]),
              ]
            : ['groups: []']),
          '---',
          '',
        ].join('\n')
      : '';
  // Spacing a rendered page does not keep: runs of spaces, tabs, spaces at either end, blank lines beyond one.
  for (const entry of files.entries.filter((each) => fullSection.has(each.id))) {
    if (/\s{2,}|[\t\n]|^\s|\s$/.test(entry.data.title))
      warnings.push(`${entry.file}: its title holds spacing an import reads as one space`);
    if (entry.data.quotes.some((quote) => ODD_SPACING.test(quote)))
      warnings.push(`${entry.file}: a quote holds spacing an import reads as one space or one blank line`);
  }
  // What no page carries: said once for the page, not per entry (most lists date every entry).
  const exported = files.entries.filter((entry) => fullSection.has(entry.id));
  const dated = exported.filter((entry) => entry.data.added !== undefined).length;
  const checked = exported.filter((entry) => entry.data.status !== undefined).length;
  if (dated > 0)
    warnings.push(
      `${countOf(dated, 'entry', 'entries')} an \`added\` date, which a page does not carry (an import takes it from git)`,
    );
  if (checked > 0)
    warnings.push(
      `${countOf(checked, 'entry', 'entries')} a link \`status\`, which a page does not carry (npm run check:links finds it again)`,
    );
  const body = children.length > 0 ? stringifyPage({ type: 'root', children } satisfies Root) : '';
  return { text: `${frontmatter}${frontmatter && body ? '\n' : ''}${body}`, warnings };
}

const ODD_SPACING = /[^\S\n]{2,}|\t|^\s|\s$|\n{3,}|[^\S\n]\n|\n[^\S\n]/;

const countOf = (n: number, one: string, many: string) => `${n} ${n === 1 ? `${one} has` : `${many} have`}`;

function groupsComment(groups: readonly GroupDeclaration[]): string {
  const lines =
    groups.length > 0 ? groups.flatMap((group) => [`  - id: ${group.id}`, `    heading: ${JSON.stringify(group.heading)}`]) : [];
  return `<!--\ngroups:${groups.length > 0 ? `\n${lines.join('\n')}` : ' []'}\n-->`;
}

const textParagraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });
const headingNode = (depth: number, text: string): Heading => ({
  type: 'heading',
  depth: depth as Heading['depth'],
  children: [{ type: 'text', value: text }],
});

/** The table of contents: GitHub's anchor for every section heading, nested as the sections are. */
function contentsList(
  sections: readonly SectionFile[],
  tree: ReturnType<typeof sectionTree<SectionFile>>,
  headings: ReadonlyMap<string, Heading>,
  page: readonly RootContent[],
): List {
  // GitHub numbers repeated anchors in page order over every heading, so count them all.
  const slugger = new GithubSlugger();
  const anchors = new Map<Heading, string>();
  for (const node of page) if (node.type === 'heading') anchors.set(node, slugger.slug(readerText(node)));
  const items = (list: readonly SectionFile[]): List => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: list.map((section): ListItem => {
      const link: Paragraph = {
        type: 'paragraph',
        children: [
          {
            type: 'link',
            url: `#${anchors.get(headings.get(section.id)!) ?? ''}`,
            children: [{ type: 'text', value: section.data.title }],
          },
        ],
      };
      const nested = tree.childrenOf(section.id);
      return { type: 'listItem', spread: false, children: nested.length > 0 ? [link, items(nested)] : [link] };
    }),
  });
  return items(sections);
}

/**
 * The entries of one group as blocks. Legacy pages write an entry as a paragraph (its quotes and
 * notes follow it) unless its notes hold something a paragraph entry cannot be followed by; awesome
 * lists write bullets. Bold label lines head runs of labelled entries; a rule ends a run.
 */
function renderItems(items: readonly Item[], format: PageFormat, warnings: string[]): RootContent[] {
  const blocks: RootContent[] = [];
  let label: string | undefined;
  let previous: 'paragraph' | 'bullet' | undefined;
  let list: List | undefined;
  for (const item of items) {
    checkNotes(item, warnings);
    const style = format === 'awesome' || !safeAfterParagraph(item.notes) ? 'bullet' : 'paragraph';
    const newLabel = item.label !== undefined && item.label !== label;
    // A bullet right after a paragraph entry would be read as listed under it: a rule closes that entry.
    const needsRule =
      (item.label === undefined && label !== undefined) || (style === 'bullet' && previous === 'paragraph' && !newLabel);
    if (needsRule) {
      blocks.push({ type: 'thematicBreak' });
      list = undefined;
      if (item.label !== undefined) blocks.push(labelParagraph(item.label));
    } else if (newLabel) {
      blocks.push(labelParagraph(item.label!));
      list = undefined;
    }
    label = item.label;
    if (style === 'paragraph') {
      blocks.push(...entryBlocks(item, format));
      list = undefined;
    } else {
      if (!list) {
        list = { type: 'list', ordered: false, spread: false, children: [] };
        blocks.push(list);
      }
      list.children.push(entryItem(item, format));
    }
    previous = style;
  }
  return blocks;
}

const labelParagraph = (label: string): Paragraph => ({
  type: 'paragraph',
  children: [{ type: 'strong', children: [{ type: 'text', value: `${label}:` }] }],
});

/** The line that names the entry: its tags, its link, its description; or the marked repeat. */
function entryLine(item: Item, format: PageFormat): { line: Paragraph; rest: RootContent[] } {
  const { entry } = item;
  const children: PhrasingContent[] = [];
  if (!item.repeat && entry.data.tags.length > 0)
    children.push({ type: 'text', value: `${entry.data.tags.map(shortcodeOfTag).join(' ')} ` });
  children.push({ type: 'link', url: entry.data.url, children: [{ type: 'text', value: entry.data.title }] });
  let rest = item.notes;
  const first = rest[0];
  if (first?.type === 'paragraph') {
    children.push({ type: 'text', value: format === 'legacy' ? ': ' : ' - ' }, ...first.children);
    rest = rest.slice(1);
  }
  if (item.repeat) children.push({ type: 'text', value: ' ' }, { type: 'html', value: REPEAT_MARK });
  else if (entry.slug !== slugify(entry.data.title))
    children.push({ type: 'text', value: ' ' }, { type: 'html', value: idMark(entry.slug) });
  return { line: { type: 'paragraph', children }, rest };
}

const quoteBlocks = (item: Item): RootContent[] =>
  item.repeat
    ? []
    : item.entry.data.quotes.map((quote) => ({
        type: 'blockquote',
        // A passage of several paragraphs (src/import/readers/quote.ts) is one blockquote of those
        // paragraphs; a line break within a paragraph is a hard break, which the quote reader keeps.
        children: quote.split(/\n\n+/).map((paragraph): Paragraph => ({
          type: 'paragraph',
          children: paragraph
            .split('\n')
            .flatMap((text, index): PhrasingContent[] => [
              ...(index > 0 ? [{ type: 'break' } as const] : []),
              { type: 'text', value: text },
            ]),
        })),
      }));

const favouritesList = (item: Item, format: PageFormat): List[] =>
  item.children.length > 0
    ? [{ type: 'list', ordered: false, spread: false, children: item.children.map((child) => entryItem(child, format)) }]
    : [];

/** A paragraph entry: its line, then its quotes, its other notes, and what is listed under it. */
function entryBlocks(item: Item, format: PageFormat): RootContent[] {
  const { line, rest } = entryLine(item, format);
  return [line, ...quoteBlocks(item), ...rest, ...favouritesList(item, format)];
}

/** A bulleted entry, with its quotes, notes and favourites indented under it. */
function entryItem(item: Item, format: PageFormat): ListItem {
  const { line, rest } = entryLine(item, format);
  const blocks = [line, ...quoteBlocks(item), ...rest, ...favouritesList(item, format)] as BlockContent[];
  // Blocks other than quotes and lists need a blank line, or they would run on into the line above.
  const spread = blocks.slice(1).some((block) => block.type !== 'blockquote' && block.type !== 'list');
  return { type: 'listItem', spread, children: blocks };
}

/** True when each of these note blocks reads back as a note after a paragraph entry at the top level. */
function safeAfterParagraph(notes: readonly RootContent[]): boolean {
  return notes.every((block, index) => {
    if (index === 0 && block.type === 'paragraph') return true; // the description, written on the entry's line
    if (block.type === 'paragraph') return !isEntryLine(block) && !isLabel(block) && !isPicturesOnly(block);
    return block.type === 'code' || block.type === 'list';
  });
}

/** Notes an import would read as something else: said, so a maintainer can reword them. */
function checkNotes(item: Item, warnings: string[]): void {
  const file = item.entry.file;
  for (const block of item.notes) {
    if (block.type === 'blockquote') warnings.push(`${file}: its notes hold a quote block, which an import reads as a quote`);
    if (block.type === 'html' && /^\s*<!--/.test(block.value))
      warnings.push(`${file}: its notes hold an HTML comment, which an import leaves out`);
    if (block.type === 'list' && block.children.some((child) => child.children[0]?.type === 'list'))
      warnings.push(`${file}: its notes hold a bullet holding only a list, which an import reads as that list`);
    if (block.type === 'list' && block.children.some((child) => startsWithLinkOrQuote(child))) {
      warnings.push(
        `${file}: its notes hold a bullet starting with a link or a quote, which an import reads as an entry or a quote`,
      );
    }
  }
}

/**
 * Introductions an import would read as something else: a heading starts a section or group, a line
 * or bullet led by a web link is an entry, an HTML block (a comment too) or a rule is left out. Said, not rewritten, so
 * the maintainer decides; everything else in an introduction comes back as written.
 */
function checkIntro(file: string, blocks: readonly RootContent[], warnings: string[]): void {
  for (const block of blocks) {
    const what =
      block.type === 'heading'
        ? 'a heading, which an import reads as a section or a group'
        : block.type === 'paragraph' && isWebEntryLine(block)
          ? 'a paragraph led by a link, which an import reads as an entry'
          : block.type === 'list' &&
              block.children.some((child) => child.children[0]?.type === 'paragraph' && isWebEntryLine(child.children[0]))
            ? 'a bullet led by a link, which an import reads as an entry'
            : block.type === 'list' && block.children.some((child) => child.children[0]?.type === 'list')
              ? 'a bullet holding only a list, which an import reads as that list'
              : block.type === 'html'
                ? 'an HTML block, which an import leaves out'
                : block.type === 'thematicBreak'
                  ? 'a rule, which an import leaves out'
                  : undefined;
    if (what) warnings.push(`${file}: its introduction holds ${what}`);
  }
}

const isWebEntryLine = (paragraph: Paragraph): boolean => readWebEntryLine(paragraph) !== undefined;

function startsWithLinkOrQuote(item: ListItem): boolean {
  const first = item.children[0];
  if (first?.type === 'blockquote') return true;
  return first?.type === 'paragraph' && isWebEntryLine(first);
}
