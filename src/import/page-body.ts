/**
 * Reads the body of a page — headings, entries, quotes, notes — into an ImportPlan. Both formats
 * share it; a format only says what each heading is (a section, a group, something to skip) and
 * reads its own page head (frontmatter, or an awesome list's title and tagline).
 *
 * What it understands, as nodes of the syntax tree rather than line patterns:
 * - an entry: a paragraph or a bullet that starts with a link (after emoji shortcodes, its tags),
 *   then an optional description (`: `, ` - `, ` – `, ` — `, or the next line); several links joined
 *   only by `,` `/` `and` … are an entry each;
 * - its quotes: blockquotes after it or indented under it, and `- > quote` bullets;
 * - its notes: bullets and paragraphs after it or indented under it (the description first);
 * - links bulleted under an entry (favourite posts under a blog): entries of their own, right after
 *   it, noting what they were listed under; a bold label line (`**Misc favorites:**`) or a bullet
 *   of plain text with links nested under it does the same for the run below it;
 * - a section's first plain paragraph (or blockquote) is its summary; other prose between its
 *   entries is kept in its introduction, said out loud.
 * Badges, images, HTML blocks and comments, tables of contents and "back to top" links are left out,
 * each with a line saying so. Anything else is refused with its page line.
 */
import type { Blockquote, Definition, Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { isHttpUrl } from '../schemas/content.ts';
import { DESCRIPTION_SEPARATOR, LINK_JOINER, REPEAT_MARK, SHORTCODES, labelText, tagOfShortcode } from './conventions.ts';
import { endLineOf, inlineMarkdown, isBadge, isComment, lineCount, lineOf, markdownOf, readerText } from './markdown.ts';
import { type ImportPlan, type ListedUnder, type PlanEntry, type PlanListing, type PlanSection } from './plan.ts';

/** What a heading stands for on this page. */
export type HeadingRole =
  | { role: 'section' }
  | { role: 'group'; id: string; heading: string }
  | { role: 'skip'; why: string }
  | { role: 'refuse'; message: string };

export interface BodyRules {
  /** What the heading `text` at `level` (1 for `#`) is. */
  heading(level: number, text: string, node: Heading): HeadingRole;
}

interface OpenSection {
  section: PlanSection;
  /** Heading level (0 for the page itself). */
  level: number;
  /** The group entries are listed under now; undefined before the first group heading. */
  kind: string | undefined;
  /** Blocks read under its heading so far (the first plain one is the summary). */
  blocks: number;
  entries: number;
}

/** A link as an entry reads it: the text a reader sees and the address. */
interface EntryLink {
  title: string;
  url: string;
  line: number;
  /** The link's own title attribute (`[Name](url "tooltip")`), which an entry has no place for. */
  tooltip?: string | null | undefined;
}

/** Emoji characters (with their joiners and variation selectors) standing before a link. */
const EMOJI_PREFIX =
  /^\s*(?:(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\u200d|\ufe0f|\p{Extended_Pictographic}|\p{Regional_Indicator})*\s*)+$/u;

/** Reads `nodes` (the page after its head) into `plan`, under the page itself. */
export function readBody(
  plan: ImportPlan,
  file: string,
  nodes: readonly RootContent[],
  rules: BodyRules,
  definitions: readonly Definition[],
): void {
  const footnotes = inlineFootnotes(nodes);
  const urlOf = new Map(definitions.map((definition) => [definition.identifier.toLowerCase(), definition.url]));
  const pageSection = plan.sections[0]!;
  const stack: OpenSection[] = [
    { section: pageSection, level: 0, kind: undefined, blocks: pageSection.summary ? 1 : 0, entries: 0 },
  ];
  const top = () => stack[stack.length - 1]!;
  let sectionCount = 0;
  /** The last entry written as a paragraph: blocks after it are its quotes, notes and favourites. */
  let openEntry: PlanEntry | undefined;
  /** The last entry at the top level of the section (a paragraph or a bullet). */
  let lastEntry: PlanEntry | undefined;
  let label: { text: string; line: number; used: boolean; node: Paragraph } | undefined;
  /** Set while the content under a skipped or refused heading is passed over. */
  let skipping: { level: number; problem?: ImportPlan['problems'][number] } | undefined;

  const refuse = (node: Nodes, field: string, message: string) => {
    plan.problems.push({ file, line: lineOf(node), field, message, lines: lineCount(node) });
  };
  const notice = (node: Nodes, message: string) => plan.notices.push({ file, line: lineOf(node), message });
  const listingHere = (line: number): PlanListing => ({ section: top().section.key, kind: top().kind, line });
  const keepInIntro = (node: RootContent, why: string) => {
    top().section.intro.push(markdownOf([node]));
    notice(node, `${why}: kept in the introduction of "${top().section.title}"`);
  };
  const endLabel = () => {
    if (label && !label.used) {
      top().section.intro.push(markdownOf([label.node]));
      notice(
        label.node,
        `the label "${label.text}" has no entries under it: kept in the introduction of "${top().section.title}"`,
      );
    }
    label = undefined;
  };
  const closeEntries = () => {
    openEntry = undefined;
    lastEntry = undefined;
  };

  const resolveLink = (node: PhrasingContent): { link: EntryLink; node: PhrasingContent } | undefined => {
    let inner = node;
    // `**[Title](url)**`: a bold link is the link.
    while (
      (inner.type === 'strong' || inner.type === 'emphasis') &&
      inner.children.filter((child) => !isBlankText(child)).length === 1
    ) {
      inner = inner.children.find((child) => !isBlankText(child))!;
    }
    if (isBadge(inner)) return undefined;
    if (inner.type === 'link') {
      return { link: { title: readerText(inner), url: inner.url, line: lineOf(inner), tooltip: inner.title }, node: inner };
    }
    if (inner.type === 'linkReference') {
      const url = urlOf.get(inner.identifier.toLowerCase());
      if (url !== undefined) return { link: { title: readerText(inner), url, line: lineOf(inner) }, node: inner };
    }
    return undefined;
  };

  /** The entries a paragraph starts, or undefined when it does not start with a link. */
  const readEntryLine = (paragraph: Paragraph) => {
    const children = paragraph.children;
    let index = 0;
    const tags: string[] = [];
    let prefix = '';
    const first = children[0];
    if (first?.type === 'text' && !resolveLink(first)) {
      if (SHORTCODES.test(first.value)) tags.push(...(first.value.match(/:[a-z0-9_+-]+:/gi) ?? []).map(tagOfShortcode));
      else if (EMOJI_PREFIX.test(first.value)) prefix = first.value.trim();
      else if (first.value.trim() !== '') return undefined;
      index = 1;
    }
    const head = children[index];
    const firstLink = head && resolveLink(head);
    if (!firstLink) return undefined;
    const links: EntryLink[] = [firstLink.link];
    for (;;) {
      const between = children[index + 1];
      const next = children[index + 2];
      if (between?.type === 'text' && LINK_JOINER.test(between.value) && next && resolveLink(next)) {
        links.push(resolveLink(next)!.link);
        index += 2;
      } else if (between && resolveLink(between)) {
        links.push(resolveLink(between)!.link);
        index += 1;
      } else {
        break;
      }
    }
    let rest = children.slice(index + 1);
    const repeat = rest.some((node) => node.type === 'html' && node.value.trim() === REPEAT_MARK);
    rest = rest.filter((node) => !(node.type === 'html' && isComment(node.value)));
    rest = trimInline(rest);
    if (rest[0]?.type === 'text') {
      const value = rest[0].value.replace(DESCRIPTION_SEPARATOR, '');
      rest = value ? [{ ...rest[0], value }, ...rest.slice(1)] : rest.slice(1);
    }
    if (prefix) links[0] = { ...links[0]!, title: `${prefix} ${links[0]!.title}` };
    return { links, tags, description: rest.length > 0 ? inlineMarkdown(rest) : undefined, repeat };
  };

  /**
   * Makes the entries of an entry line; returns the last, which the quotes, notes and links below the
   * line belong to (so they stay in the page's reading order: `[Part 1](…), [Part 2](…)` then a quote).
   */
  const addEntries = (
    paragraph: Paragraph,
    line: ReturnType<typeof readEntryLine> & object,
    under: ListedUnder | undefined,
    listing: PlanListing,
  ) => {
    const made: PlanEntry[] = [];
    const internal = line.links.filter((link) => link.url.startsWith('#'));
    if (internal.length === line.links.length) {
      notice(paragraph, `a link within the page ("${line.links[0]!.title}") is not an entry: left out`);
      return undefined;
    }
    for (const link of line.links) {
      if (link.tooltip) notice(paragraph, `the tooltip "${link.tooltip}" of the link to ${link.url} is left out`);
      if (link.url.startsWith('#')) {
        notice(paragraph, `a link within the page ("${link.title}") is not an entry: left out`);
        continue;
      }
      if (!isHttpUrl(link.url)) {
        plan.problems.push({
          file,
          line: link.line,
          field: 'url',
          message: `"${link.url}" must be an absolute http:// or https:// URL`,
          lines: 1,
        });
        continue;
      }
      if (link.title === '') {
        plan.problems.push({
          file,
          line: link.line,
          field: 'title',
          message: `the link to ${link.url} has no text: write "[Title](${link.url})"`,
          lines: 1,
        });
        continue;
      }
      const entry: PlanEntry = {
        line: link.line,
        title: link.title,
        url: link.url,
        listings: [{ ...listing, line: link.line }],
        quotes: [],
        tags: [...line.tags],
        notes: line.description ? [line.description] : [],
        under,
        repeat: line.repeat,
      };
      plan.entries.push(entry);
      made.push(entry);
    }
    if (made.length > 0) {
      top().entries += made.length;
      if (label && under && 'label' in under) label.used = true;
    }
    return made[made.length - 1];
  };

  const underLabel = (): ListedUnder | undefined => (label ? { label: label.text } : undefined);

  /**
   * Reads one bullet: an entry (with what is indented under it), a quote or note of `owner` (the
   * entry above it), or a label for the links bulleted under it. `parent` is the entry it is
   * listed under, if any; `under` what its entries are listed under instead (a label).
   */
  const readItem = (
    item: ListItem,
    context: { parent: PlanEntry | undefined; owner: PlanEntry | undefined; under: ListedUnder | undefined },
    notes: Map<PlanEntry, ListItem[]>,
  ): PlanEntry | undefined => {
    const { parent, owner, under } = context;
    const [first, ...rest] = item.children;
    const entryLine = first?.type === 'paragraph' ? readEntryLine(first) : undefined;
    if (first?.type === 'paragraph' && entryLine) {
      const listedUnder = under ?? (parent ? { entry: { title: parent.title, url: parent.url } } : undefined);
      const entry = addEntries(first, entryLine, listedUnder, listingHere(lineOf(first)));
      if (entry) readUnder(entry, rest);
      return entry;
    }
    if (first?.type === 'blockquote') {
      if (!owner) {
        refuse(item, 'quote', 'a quote must be under the entry it is from: indent it under "[Title](https://…)"');
        return undefined;
      }
      for (const child of item.children) {
        if (child.type === 'blockquote') owner.quotes.push(...quotesOf(child));
        else owner.notes.push(markdownOf([child]));
      }
      return undefined;
    }
    // A bullet of plain text with links bulleted under it labels them (`- Python` / `  - [lib](…)`).
    const nested = rest.filter((child): child is List => child.type === 'list');
    if (first?.type === 'paragraph' && nested.some((list) => list.children.some(startsWithEntry))) {
      const text = labelText(readerText(first));
      for (const child of rest) {
        if (child.type === 'list') readList(child, undefined, { label: text });
        else
          refuse(
            child,
            'line',
            `not understood under the label "${text}": only bulleted entries "[Title](https://…)" are read there`,
          );
      }
      return undefined;
    }
    if (owner) {
      const list = notes.get(owner);
      if (list) list.push(item);
      else notes.set(owner, [item]);
      return undefined;
    }
    refuse(
      item,
      'line',
      `not understood: "${clip(readerText(item))}" is a bullet without a link; an entry is "- [Title](https://…)", and a note goes under its entry`,
    );
    return undefined;
  };

  /**
   * Reads a list: bulleted entries, and the quotes and notes of the entry each bullet is under —
   * `parent` for the whole list, else the entry bulleted above it.
   */
  const readList = (list: List, parent: PlanEntry | undefined, under: ListedUnder | undefined): PlanEntry | undefined => {
    if (isNavigation(list)) {
      notice(
        list,
        `a list of links within the page (a table of contents) is left out (lines ${lineOf(list)}–${endLineOf(list)})`,
      );
      return undefined;
    }
    const notes = new Map<PlanEntry, ListItem[]>();
    let last: PlanEntry | undefined;
    for (const item of list.children) {
      const made = readItem(item, { parent, owner: parent ?? last, under }, notes);
      if (made) last = made;
    }
    // One list of notes per entry, in the order written, so the bullets stay one list.
    for (const [owner, items] of notes) owner.notes.push(markdownOf([{ ...list, children: items }]));
    return last;
  };

  /** What is indented under an entry's bullet: quotes, notes and the links listed under it. */
  const readUnder = (entry: PlanEntry, blocks: readonly RootContent[]) => {
    for (const block of blocks) {
      if (block.type === 'blockquote') entry.quotes.push(...quotesOf(block));
      else if (block.type === 'list') readList(block, entry, undefined);
      else if (block.type === 'html' && isComment(block.value)) notice(block, 'an HTML comment is left out');
      else entry.notes.push(markdownOf([block]));
    }
  };

  const isSummary = (node: RootContent) => {
    const current = top();
    if (current.blocks > 0 || current.entries > 0 || current.section.summary !== undefined || current.kind !== undefined)
      return undefined;
    const paragraph = node.type === 'blockquote' && node.children.length === 1 ? node.children[0] : node;
    if (paragraph?.type !== 'paragraph' || !paragraph.children.every(isPlainPhrasing)) return undefined;
    const text = readerText(paragraph);
    return text === '' ? undefined : text;
  };

  for (const node of nodes) {
    if (skipping) {
      if (node.type === 'heading' && node.depth <= skipping.level) {
        skipping = undefined;
      } else {
        if (skipping.problem) skipping.problem.lines += lineCount(node);
        continue;
      }
    }
    if (node.type === 'heading') {
      endLabel();
      closeEntries();
      const text = readerText(node, { html: false });
      const role: HeadingRole =
        text === '' ? { role: 'refuse', message: 'a heading without text' } : rules.heading(node.depth, text, node);
      if (role.role === 'skip') {
        notice(node, `"${text}" is left out: ${role.why}`);
        skipping = { level: node.depth };
        continue;
      }
      if (role.role === 'refuse') {
        refuse(node, 'heading', `${role.message} (what is under it is not imported)`);
        skipping = { level: node.depth, problem: plan.problems[plan.problems.length - 1]! };
        continue;
      }
      while (stack.length > 1 && top().level >= node.depth) stack.pop();
      if (role.role === 'group') {
        const current = top();
        current.kind = role.id;
        current.blocks++;
        if (!current.section.groups.includes(role.id)) current.section.groups.push(role.id);
        if (!plan.groups.some((group) => group.id === role.id)) plan.groups.push({ id: role.id, heading: role.heading });
        continue;
      }
      const section: PlanSection = {
        key: `s${++sectionCount}`,
        line: lineOf(node),
        title: text,
        intro: [],
        parent: top().section.key,
        groups: [],
      };
      plan.sections.push(section);
      stack.push({ section, level: node.depth, kind: undefined, blocks: 0, entries: 0 });
      continue;
    }
    const current = top();
    if (node.type === 'thematicBreak') {
      endLabel();
      closeEntries();
      continue;
    }
    if (node.type === 'definition') continue; // read with the links that use it
    if (node.type === 'html') {
      notice(
        node,
        isComment(node.value)
          ? 'an HTML comment is left out'
          : `an HTML block is left out (lines ${lineOf(node)}–${endLineOf(node)})`,
      );
      continue;
    }
    if (node.type === 'footnoteDefinition') {
      if (!footnotes.has(node.identifier))
        notice(node, `the footnote [^${node.label ?? node.identifier}] is referred to nowhere: left out`);
      continue;
    }
    if (node.type === 'paragraph') {
      const entryLine = readEntryLine(node);
      if (entryLine) {
        const entry = addEntries(node, entryLine, underLabel(), listingHere(lineOf(node)));
        current.blocks++;
        if (entry) openEntry = lastEntry = entry;
        continue;
      }
      if (isLabel(node)) {
        endLabel();
        closeEntries();
        label = { text: labelText(readerText(node)), line: lineOf(node), used: false, node };
        current.blocks++;
        continue;
      }
      if (
        node.children.every(
          (child) =>
            child.type === 'image' ||
            child.type === 'imageReference' ||
            isBadge(child) ||
            isBlankText(child) ||
            child.type === 'break',
        )
      ) {
        notice(node, 'badges and images are left out');
        continue;
      }
      if (openEntry) {
        openEntry.notes.push(markdownOf([node]));
        continue;
      }
      const summary = isSummary(node);
      if (summary !== undefined) current.section.summary = summary;
      else if (current.entries === 0 && current.kind === undefined) current.section.intro.push(markdownOf([node]));
      else keepInIntro(node, 'a paragraph between entries');
      current.blocks++;
      continue;
    }
    if (node.type === 'blockquote') {
      const owner = openEntry ?? lastEntry;
      if (owner) {
        owner.quotes.push(...quotesOf(node));
        continue;
      }
      const summary = isSummary(node);
      if (summary !== undefined) current.section.summary = summary;
      else if (current.entries === 0) current.section.intro.push(markdownOf([node]));
      else refuse(node, 'quote', 'a quote must follow the entry it is from ("[Title](https://…)")');
      current.blocks++;
      continue;
    }
    if (node.type === 'list') {
      // Bullets under an entry paragraph are listed under it; otherwise under the label, if any.
      const last = readList(node, openEntry, openEntry ? undefined : underLabel());
      if (!openEntry && last) lastEntry = last;
      current.blocks++;
      continue;
    }
    if (node.type === 'table') {
      refuse(node, 'table', 'tables are not read: write each row as a bullet "- [Name](https://…) - description"');
      continue;
    }
    // Code and anything else that is not an entry: part of the open entry's notes, else the section's intro.
    if (openEntry) openEntry.notes.push(markdownOf([node]));
    else if (current.entries === 0) current.section.intro.push(markdownOf([node]));
    else keepInIntro(node, `a ${node.type} block between entries`);
    current.blocks++;
  }
  endLabel();
  refuseUngroupedEntries(plan, file);
}

/**
 * Footnotes become part of the text that refers to them — `slides.[^1]` reads `slides. (Slides are
 * linked from the talk page.)` — so a description keeps its footnote wherever the entry goes.
 * Returns the identifiers of the footnotes used.
 */
function inlineFootnotes(nodes: readonly RootContent[]): Set<string> {
  const definitions = new Map<string, PhrasingContent[]>();
  for (const node of nodes) {
    if (node.type !== 'footnoteDefinition') continue;
    const parts = node.children.flatMap((child, index): PhrasingContent[] =>
      child.type === 'paragraph'
        ? [...(index > 0 ? [{ type: 'text', value: ' ' } as const] : []), ...child.children]
        : [{ type: 'text', value: readerText(child) }],
    );
    definitions.set(node.identifier, parts);
  }
  const used = new Set<string>();
  const visit = (node: Nodes) => {
    if (!('children' in node) || node.type === 'footnoteDefinition') return;
    const children = node.children as Nodes[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.type === 'footnoteReference' && definitions.has(child.identifier)) {
        used.add(child.identifier);
        children.splice(index, 1, { type: 'text', value: ' (' }, ...definitions.get(child.identifier)!, {
          type: 'text',
          value: ')',
        });
        index += definitions.get(child.identifier)!.length + 1;
      } else {
        visit(child);
      }
    }
  };
  nodes.forEach(visit);
  return used;
}

/** In a section with groups, an entry above its first group heading has no group to be listed in. */
function refuseUngroupedEntries(plan: ImportPlan, file: string): void {
  const grouped = new Set(plan.sections.filter((section) => section.groups.length > 0).map((section) => section.key));
  const titles = new Map(plan.sections.map((section) => [section.key, section.title]));
  plan.entries = plan.entries.filter((entry) => {
    const listing = entry.listings[0]!;
    if (listing.kind !== undefined || !grouped.has(listing.section)) return true;
    plan.problems.push({
      file,
      line: entry.line,
      field: 'kind',
      message: `"${entry.title}" is above the first group heading of "${titles.get(listing.section)}", which lists its entries under groups: add a group heading above it`,
      lines: 1,
    });
    return false;
  });
}

/** The quotes of a blockquote: each paragraph (or other block) in it is one quote, as a reader sees it. */
function quotesOf(blockquote: Blockquote): string[] {
  return blockquote.children
    .flatMap((child) => (child.type === 'list' ? child.children.map((item) => readerText(item)) : [readerText(child)]))
    .filter(Boolean);
}

const isBlankText = (node: Nodes) => node.type === 'text' && node.value.trim() === '';

/** Text a one-line summary may hold: words and their emphasis, but no links, images or HTML. */
function isPlainPhrasing(node: PhrasingContent): boolean {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'break') return true;
  if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete') return node.children.every(isPlainPhrasing);
  return false;
}

/** A paragraph that is only bold text (`**Misc favorites:**`): a label for the entries below it. */
function isLabel(paragraph: Paragraph): boolean {
  const parts = paragraph.children.filter((child) => !isBlankText(child));
  const [bold, after] = parts;
  return (
    bold?.type === 'strong' &&
    bold.children.every(isPlainPhrasing) &&
    readerText(bold) !== '' &&
    (parts.length === 1 || (parts.length === 2 && after?.type === 'text' && after.value.trim() === ':'))
  );
}

/** A bullet whose text starts with a link (not a badge), after optional emoji shortcodes. */
function startsWithEntry(item: ListItem): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const children = first.children.filter(
    (child, index) => !(index === 0 && child.type === 'text' && (SHORTCODES.test(child.value) || child.value.trim() === '')),
  );
  let head = children[0];
  while (head && (head.type === 'strong' || head.type === 'emphasis') && head.children.length === 1) head = head.children[0];
  return (head?.type === 'link' || head?.type === 'linkReference') && !isBadge(head);
}

/** A list whose every link points within the page: a table of contents, or "back to top". */
function isNavigation(list: List): boolean {
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link') urls.push(node.url);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(list);
  return urls.length > 0 && urls.every((url) => url.startsWith('#'));
}

/** Inline content without blank text at either end (and without the spaces that end its last text). */
function trimInline(nodes: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlankText(nodes[start]!)) start++;
  while (end > start && (isBlankText(nodes[end - 1]!) || nodes[end - 1]!.type === 'break')) end--;
  const out = nodes.slice(start, end);
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return out;
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
