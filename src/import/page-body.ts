/**
 * Reads the body of a page — headings, entries, quotes, notes — into an ImportPlan. Both formats
 * share it; a format only says what each heading is (a section, a group, something to skip) and
 * reads its own page head (frontmatter, or an awesome list's title and tagline).
 *
 * The walk is short: it keeps the open section and entry, and hands each kind of node to its reader
 * in src/import/readers/ —
 * - entry-line.ts: a paragraph or bullet whose first link is the item (after emoji, images, badges,
 *   a bold word or a strike-through); several links joined only by `,` `/` `and` … are an entry each;
 * - table.ts: a table whose rows hold links, a row an entry;
 * - quote.ts: a blockquote after an entry (or indented under it), one passage;
 * - prose.ts: labels (`**Misc favorites:**`), badge lines, tables of contents, and the links in text.
 * An entry's notes are the bullets and paragraphs indented under it (the description first), and
 * links bulleted under it are entries of their own, right after it, noting what they were listed
 * under. A section's first plain paragraph (or blockquote) is its summary; any other text that is
 * not an entry — prose between entries, a legend bullet, a table row without a link — is kept in
 * the section's introduction, said out loud. Badges, HTML blocks, comments, tables of contents and
 * "back to top" links are left out, each with a line saying so and its links counted (plan.leftOut).
 * Nothing changes kind silently, and nothing is refused but a heading a format cannot place.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { isHttpUrl } from '../schemas/content.ts';
import { labelText, NO_SUMMARY_MARK, readIdMark } from './conventions.ts';
import { endLineOf, isComment, lineCount, lineOf, markdownOf, readerText } from './markdown.ts';
import { type ImportPlan, type ListedUnder, type PlanEntry, type PlanListing, type PlanSection } from './plan.ts';
import { readEntryLine, readWebEntryLine, type EntryLine, type UrlOf } from './readers/entry-line.ts';
import { isLabel, isNavigation, isPicturesOnly, isPlainPhrasing, linksIn } from './readers/prose.ts';
import { quoteOf } from './readers/quote.ts';
import { readTable } from './readers/table.ts';

/** What a heading stands for on this page. */
export type HeadingRole =
  | { role: 'section' }
  | { role: 'group'; id: string; heading: string }
  | { role: 'skip'; why: string }
  /** A heading that is no part of the list (an "Index" over the real sections): left out, what is under it read. */
  | { role: 'transparent'; why: string }
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

/** Reads `nodes` (the page after its head) into `plan`, under the page itself. */
export function readBody(plan: ImportPlan, file: string, nodes: readonly RootContent[], rules: BodyRules, urlOf: UrlOf): void {
  const footnotes = inlineFootnotes(nodes);
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
  let skipping: { level: number; problem?: ImportPlan['problems'][number]; part?: Set<string>; urls?: string[] } | undefined;

  const notice = (node: Nodes, message: string) => plan.notices.push({ file, line: lineOf(node), message });
  /** Leaves out a part of the page as a whole: said, and its links counted under `what`. */
  const leaveOut = (node: Nodes | readonly Nodes[], what: string, message: string) => {
    const first = (Array.isArray(node) ? node[0] : node) as Nodes | undefined;
    const line = first ? lineOf(first) : 1;
    plan.notices.push({ file, line, message });
    const urls = [...linksIn(node, urlOf)];
    if (urls.length > 0) plan.leftOut.push({ line, what, urls });
    return urls;
  };
  const listingHere = (line: number): PlanListing => ({ section: top().section.key, kind: top().kind, line });
  const keepInIntro = (node: RootContent, why: string) => {
    top().section.intro.push(markdownOf([node]));
    notice(node, `${why}: kept in the introduction of "${top().section.title}"`);
  };
  const addQuote = (owner: PlanEntry, node: Extract<RootContent, { type: 'blockquote' }>) => {
    const quote = quoteOf(node);
    if (quote) owner.quotes.push(quote);
    // A quote is words: the addresses of links in it are not kept.
    const urls = [...linksIn(node, urlOf)];
    if (urls.length > 0) plan.leftOut.push({ line: lineOf(node), what: 'links inside quotes (their words kept)', urls });
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

  /** An entry line whose first link is an address on the web; else (a link within the page or to a file) text. */
  const webEntryLine = (paragraph: Paragraph): EntryLine | undefined => readWebEntryLine(paragraph, urlOf);

  /**
   * Makes the entries of an entry line; returns the last, which the quotes, notes and links below the
   * line belong to (so they stay in the page's reading order: `[Part 1](…), [Part 2](…)` then a quote).
   */
  const addEntries = (
    node: Nodes,
    line: EntryLine,
    under: ListedUnder | undefined,
    listing: PlanListing,
    moreNotes: readonly string[] = [],
  ): PlanEntry => {
    let entry: PlanEntry | undefined;
    if (line.id !== undefined && line.links.length > 1)
      notice(node, `the id "${line.id}" on a line of ${line.links.length} links names none of them: left out`);
    for (const link of line.links) {
      if (link.tooltip) notice(node, `the tooltip "${link.tooltip}" of the link to ${link.url} is left out`);
      const title = link.title === '' ? link.url : link.title;
      if (link.title === '') notice(node, `the link to ${link.url} has no text: its address is its title`);
      entry = {
        line: link.line,
        title: line.prefix && entry === undefined ? `${line.prefix} ${title}` : title,
        url: link.url,
        listings: [{ ...listing, line: link.line }],
        quotes: [],
        tags: [...line.tags],
        notes: [...(line.description ? [line.description] : []), ...moreNotes],
        under,
        repeat: line.repeat,
        // The slug names one entry's file: on a line of several links it belongs to none of them.
        ...(line.id !== undefined && line.links.length === 1 ? { slug: line.id } : {}),
      };
      plan.entries.push(entry);
    }
    top().entries += line.links.length;
    if (label && under && 'label' in under) label.used = true;
    return entry!;
  };

  const underLabel = (): ListedUnder | undefined => (label ? { label: label.text } : undefined);

  /**
   * Reads one bullet: an entry (with what is indented under it), a quote of `owner` (the entry
   * above it), a note of `parent` (the entry the list is under), a label for the links bulleted
   * under it, or text kept in the section's introduction. Returns the entry it made, null when it
   * was a bullet that closes the entry above (so nothing below attaches to the wrong entry).
   */
  const readItem = (
    item: ListItem,
    context: { parent: PlanEntry | undefined; owner: PlanEntry | undefined; under: ListedUnder | undefined },
    notes: Map<PlanEntry, ListItem[]>,
    intro: ListItem[],
  ): PlanEntry | null | undefined => {
    const { parent, owner, under } = context;
    const [first, ...rest] = item.children;
    // `* * [Name](…)`: an empty bullet holding a list is that list.
    if (first?.type === 'list' && rest.length === 0) return readList(first, parent, under) ?? null;
    const entryLine = first?.type === 'paragraph' ? webEntryLine(first) : undefined;
    if (first?.type === 'paragraph' && entryLine) {
      const listedUnder = under ?? (parent ? { entry: { title: parent.title, url: parent.url } } : undefined);
      const entry = addEntries(first, entryLine, listedUnder, listingHere(lineOf(first)));
      readUnder(entry, rest);
      return entry;
    }
    if (first?.type === 'blockquote' && owner) {
      for (const child of item.children) {
        if (child.type === 'blockquote') addQuote(owner, child);
        else owner.notes.push(markdownOf([child]));
      }
      return undefined;
    }
    // A bullet of plain text with links bulleted under it labels them (`- Python` / `  - [lib](…)`).
    const nested = rest.filter((child): child is List => child.type === 'list');
    if (first?.type === 'paragraph' && nested.some((list) => list.children.some(startsWithEntry))) {
      const text = labelText(readerText(first));
      const kept = [first, ...rest.filter((child) => child.type !== 'list')];
      if (kept.length > 1 || linksIn(first, urlOf).size > 0) {
        top().section.intro.push(markdownOf(kept));
        notice(item, `the text of the label "${text}" is kept in the introduction of "${top().section.title}"`);
      }
      for (const child of nested) readList(child, undefined, { label: text });
      return null;
    }
    if (parent) {
      const list = notes.get(parent);
      if (list) list.push(item);
      else notes.set(parent, [item]);
      return undefined;
    }
    const notWeb = first?.type === 'paragraph' ? readEntryLine(first, urlOf) : undefined;
    if (notWeb && rest.length === 0 && notWeb.links.every((link) => link.url.startsWith('#'))) {
      notice(item, `a link within the page ("${notWeb.links[0]!.title}") is not an entry: left out`);
      return null;
    }
    // Not an entry and not under one (a legend, a licence name, a line about the list): kept as text.
    intro.push(item);
    notice(
      item,
      `a bullet that is not an entry ("${clip(readerText(item))}"): kept in the introduction of "${top().section.title}"`,
    );
    return first?.type === 'paragraph' && readEntryLine(first, urlOf) ? null : undefined;
  };

  /**
   * Reads a list: bulleted entries, and the quotes and notes of the entry each bullet is under —
   * `parent` for the whole list (its notes), else the entry bulleted above it (its `- > quotes`).
   */
  const readList = (list: List, parent: PlanEntry | undefined, under: ListedUnder | undefined): PlanEntry | undefined => {
    if (isNavigation(list)) {
      leaveOut(
        list,
        'tables of contents',
        `a list of links within the page (a table of contents) is left out (lines ${lineOf(list)}–${endLineOf(list)})`,
      );
      return undefined;
    }
    const notes = new Map<PlanEntry, ListItem[]>();
    const intro: ListItem[] = [];
    let last: PlanEntry | undefined;
    for (const item of list.children) {
      const made = readItem(item, { parent, owner: parent ?? last, under }, notes, intro);
      if (made) last = made;
      else if (made === null) last = undefined;
    }
    // One list of notes per entry, in the order written, so the bullets stay one list.
    for (const [owner, items] of notes) owner.notes.push(markdownOf([{ ...list, children: items }]));
    if (intro.length > 0) top().section.intro.push(markdownOf([{ ...list, children: intro }]));
    return last;
  };

  /** What is indented under an entry's bullet: quotes, notes and the links listed under it. */
  const readUnder = (entry: PlanEntry, blocks: readonly RootContent[]) => {
    for (const block of blocks) {
      if (block.type === 'blockquote') addQuote(entry, block);
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

  /** Text that is not an entry: the open entry's notes, else the section's introduction (said so after its first entry). */
  const keepText = (node: RootContent, what: string) => {
    const current = top();
    if (openEntry) openEntry.notes.push(markdownOf([node]));
    else if (current.entries === 0 && current.kind === undefined) current.section.intro.push(markdownOf([node]));
    else keepInIntro(node, what);
    current.blocks++;
  };

  const readHeading = (node: Heading) => {
    endLabel();
    closeEntries();
    const text = readerText(node, { html: false });
    const role: HeadingRole =
      text === '' ? { role: 'refuse', message: 'a heading without text' } : rules.heading(node.depth, text, node);
    if (role.role === 'skip') {
      notice(node, `"${text}" is left out: ${role.why}`);
      const part = { line: lineOf(node), what: `the part "${text}"`, urls: [...linksIn(node, urlOf)] };
      plan.leftOut.push(part);
      skipping = { level: node.depth, part: new Set(part.urls), urls: part.urls };
      return;
    }
    if (role.role === 'refuse') {
      plan.problems.push({
        file,
        line: lineOf(node),
        field: 'heading',
        message: `${role.message} (what is under it is not imported)`,
        lines: 1,
      });
      const part = { line: lineOf(node), what: 'parts refused (see the problems)', urls: [...linksIn(node, urlOf)] };
      plan.leftOut.push(part);
      skipping = {
        level: node.depth,
        problem: plan.problems[plan.problems.length - 1]!,
        part: new Set(part.urls),
        urls: part.urls,
      };
      return;
    }
    if (role.role === 'transparent') {
      notice(node, `the heading "${text}" is left out (${role.why}); the sections under it are read`);
      while (stack.length > 1 && top().level >= node.depth) stack.pop();
      return;
    }
    const headingLinks = [...linksIn(node, urlOf)];
    if (headingLinks.length > 0)
      plan.leftOut.push({ line: lineOf(node), what: 'links in headings (their words kept)', urls: headingLinks });
    while (stack.length > 1 && top().level >= node.depth) stack.pop();
    if (role.role === 'group') {
      const current = top();
      current.kind = role.id;
      current.blocks++;
      if (!current.section.groups.includes(role.id)) current.section.groups.push(role.id);
      if (!plan.groups.some((group) => group.id === role.id)) plan.groups.push({ id: role.id, heading: role.heading });
      return;
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
  };

  const readParagraph = (node: Paragraph) => {
    const current = top();
    const entryLine = webEntryLine(node);
    if (entryLine) {
      const entry = addEntries(node, entryLine, underLabel(), listingHere(lineOf(node)));
      current.blocks++;
      openEntry = lastEntry = entry;
      return;
    }
    const notWeb = readEntryLine(node, urlOf);
    if (notWeb) {
      closeEntries(); // nothing below belongs to the entry above any more
      if (notWeb.links.every((link) => link.url.startsWith('#'))) {
        notice(node, `a link within the page ("${notWeb.links[0]!.title}") is not an entry: left out`);
        return;
      }
      notice(node, `"${clip(readerText(node))}" links to ${notWeb.links[0]!.url}, not a web address: kept as text, not an entry`);
    }
    if (isLabel(node)) {
      endLabel();
      closeEntries();
      label = { text: labelText(readerText(node)), line: lineOf(node), used: false, node };
      current.blocks++;
      return;
    }
    if (isPicturesOnly(node)) {
      leaveOut(node, 'badges and images', 'badges and images are left out');
      return;
    }
    endLabel(); // text after a label with no entries yet: the label was text too, kept in its place
    if (!openEntry) {
      const summary = isSummary(node);
      if (summary !== undefined) {
        current.section.summary = summary;
        current.blocks++;
        return;
      }
    }
    keepText(node, 'a paragraph between entries');
  };

  for (const node of nodes) {
    if (skipping) {
      if (node.type === 'heading' && node.depth <= skipping.level) {
        skipping = undefined;
      } else {
        if (skipping.problem) skipping.problem.lines += lineCount(node);
        // What is under a skipped heading is left out with it, its links counted there.
        if (skipping.part) {
          for (const url of linksIn(node, urlOf)) {
            if (!skipping.part.has(url)) skipping.urls!.push(url);
            skipping.part.add(url);
          }
        }
        continue;
      }
    }
    const current = top();
    switch (node.type) {
      case 'heading':
        readHeading(node);
        break;
      case 'thematicBreak':
        endLabel();
        closeEntries();
        break;
      case 'definition':
        break; // read with the links that use it
      case 'html':
        // An export's mark that the section has no summary: the text below it is its introduction.
        if (node.value.trim() === NO_SUMMARY_MARK) current.blocks++;
        // An export's id of the section whose heading it follows (src/import/conventions.ts).
        else if (readIdMark(node.value) !== undefined && isFreshSection(current)) current.section.id = readIdMark(node.value);
        else if (isComment(node.value)) notice(node, 'an HTML comment is left out');
        else leaveOut(node, 'HTML blocks', `an HTML block is left out (lines ${lineOf(node)}–${endLineOf(node)})`);
        break;
      case 'footnoteDefinition':
        if (!footnotes.has(node.identifier))
          leaveOut(
            node,
            'footnotes referred to nowhere',
            `the footnote [^${node.label ?? node.identifier}] is referred to nowhere: left out`,
          );
        break;
      case 'paragraph':
        readParagraph(node);
        break;
      case 'blockquote': {
        const owner = openEntry ?? lastEntry;
        if (owner) {
          addQuote(owner, node);
          break;
        }
        const summary = isSummary(node);
        if (summary !== undefined) {
          current.section.summary = summary;
          current.blocks++;
        } else keepText(node, 'a quote that follows no entry');
        break;
      }
      case 'list': {
        // A bold line above bullets none of which is an entry was text, not a label: kept before them.
        if (!openEntry && !node.children.some(startsWithEntry)) endLabel();
        // Bullets under an entry paragraph are listed under it; otherwise under the label, if any.
        const last = readList(node, openEntry, openEntry ? undefined : underLabel());
        if (!openEntry) lastEntry = last;
        current.blocks++;
        break;
      }
      case 'table': {
        endLabel();
        closeEntries();
        const table = readTable(node, urlOf);
        for (const row of table.entries) {
          if (!row.entry.links.every((link) => isHttpUrl(link.url))) {
            table.rows.push({ line: row.line, markdown: row.entry.links.map((link) => link.title).join(', ') });
            continue;
          }
          addEntries(node, row.entry, undefined, listingHere(row.line), row.notes);
        }
        if (table.rows.length > 0) {
          table.rows.sort((a, b) => a.line - b.line);
          current.section.intro.push(
            markdownOf([
              {
                type: 'list',
                ordered: false,
                spread: false,
                children: table.rows.map((row) => ({
                  type: 'listItem',
                  spread: false,
                  children: [{ type: 'paragraph', children: [{ type: 'text', value: row.markdown }] }],
                })),
              },
            ]),
          );
          notice(
            node,
            `${table.rows.length} table row${table.rows.length === 1 ? '' : 's'} without an entry link: kept in the introduction of "${current.section.title}"`,
          );
        }
        current.blocks++;
        break;
      }
      default:
        // Code and anything else that is not an entry: part of the open entry's notes, else the section's intro.
        keepText(node, `a ${node.type} block between entries`);
    }
  }
  endLabel();
  refuseUngroupedEntries(plan, file);
}

/** A section whose heading was the last thing read: an id mark here is its id. */
const isFreshSection = (open: OpenSection): boolean =>
  open.level > 0 && open.blocks === 0 && open.entries === 0 && open.kind === undefined && open.section.id === undefined;

/** A bullet whose text is an entry line. */
function startsWithEntry(item: ListItem): boolean {
  const first = item.children[0];
  return first?.type === 'paragraph' && readEntryLine(first) !== undefined;
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

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
    plan.leftOut.push({ line: entry.line, what: 'parts refused (see the problems)', urls: [entry.url] });
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
