/**
 * What the body walk (src/import/page-body.ts) keeps while it reads a page, and the small steps every
 * reader in src/import/readers/ takes with it: the open section and entry, the bold label over a run
 * of entries, making entries, keeping text, and saying what is left out (with its links counted).
 */
import type { Blockquote, Heading, Nodes, Paragraph, RootContent } from 'mdast';
import { lineOf, markdownOf, readerText } from './markdown.ts';
import type { ImportPlan, ListedUnder, PlanEntry, PlanListing, PlanSection } from './plan.ts';
import { readWebEntryLine, type EntryLine, type UrlOf } from './readers/entry-line.ts';
import { isPlainPhrasing, linksIn } from './readers/prose.ts';
import { quoteOf } from './readers/quote.ts';

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

export interface OpenSection {
  section: PlanSection;
  /** Heading level (0 for the page itself). */
  level: number;
  /** The group entries are listed under now; undefined before the first group heading. */
  kind: string | undefined;
  /** Blocks read under its heading so far (the first plain one is the summary). */
  blocks: number;
  entries: number;
}

/** A section whose heading was the last thing read: an id mark here is its id. */
export const isFreshSection = (open: OpenSection): boolean =>
  open.level > 0 && open.blocks === 0 && open.entries === 0 && open.kind === undefined && open.section.id === undefined;

export const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export class BodyState {
  readonly stack: OpenSection[];
  sectionCount = 0;
  /** The last entry written as a paragraph: blocks after it are its quotes, notes and favourites. */
  openEntry: PlanEntry | undefined;
  /** The last entry at the top level of the section (a paragraph or a bullet). */
  lastEntry: PlanEntry | undefined;
  label: { text: string; line: number; used: boolean; node: Paragraph } | undefined;
  /** Set while the content under a skipped or refused heading is passed over; its links are counted with it. */
  skipping: { level: number; problem: ImportPlan['problems'][number] | undefined; seen: Set<string>; urls: string[] } | undefined;

  readonly plan: ImportPlan;
  readonly file: string;
  readonly rules: BodyRules;
  readonly urlOf: UrlOf;

  constructor(plan: ImportPlan, file: string, rules: BodyRules, urlOf: UrlOf) {
    this.plan = plan;
    this.file = file;
    this.rules = rules;
    this.urlOf = urlOf;
    const page = plan.sections[0]!;
    this.stack = [{ section: page, level: 0, kind: undefined, blocks: page.summary ? 1 : 0, entries: 0 }];
  }

  top(): OpenSection {
    return this.stack[this.stack.length - 1]!;
  }

  notice(node: Nodes, message: string): void {
    this.plan.notices.push({ file: this.file, line: lineOf(node), message });
  }

  /** Leaves out a part of the page as a whole: said, and its links counted under `what`. */
  leaveOut(node: Nodes, what: string, message: string): string[] {
    this.notice(node, message);
    const urls = [...linksIn(node, this.urlOf)];
    if (urls.length > 0) this.plan.leftOut.push({ line: lineOf(node), what, urls });
    return urls;
  }

  listingHere(line: number): PlanListing {
    return { section: this.top().section.key, kind: this.top().kind, line };
  }

  keepInIntro(node: RootContent, why: string): void {
    this.top().section.intro.push(markdownOf([node]));
    this.notice(node, `${why}: kept in the introduction of "${this.top().section.title}"`);
  }

  /** Text that is not an entry: the open entry's notes, else the section's introduction (said so after its first entry). */
  keepText(node: RootContent, what: string): void {
    const current = this.top();
    if (this.openEntry) this.openEntry.notes.push(markdownOf([node]));
    else if (current.entries === 0 && current.kind === undefined) current.section.intro.push(markdownOf([node]));
    else this.keepInIntro(node, what);
    current.blocks++;
  }

  addQuote(owner: PlanEntry, node: Blockquote): void {
    const quote = quoteOf(node);
    if (quote) owner.quotes.push(quote);
    // A quote is words: the addresses of links in it are not kept.
    const urls = [...linksIn(node, this.urlOf)];
    if (urls.length > 0) this.plan.leftOut.push({ line: lineOf(node), what: 'links inside quotes (their words kept)', urls });
  }

  endLabel(): void {
    const { label } = this;
    if (label && !label.used) {
      this.top().section.intro.push(markdownOf([label.node]));
      this.notice(
        label.node,
        `the label "${label.text}" has no entries under it: kept in the introduction of "${this.top().section.title}"`,
      );
    }
    this.label = undefined;
  }

  closeEntries(): void {
    this.openEntry = undefined;
    this.lastEntry = undefined;
  }

  underLabel(): ListedUnder | undefined {
    return this.label ? { label: this.label.text } : undefined;
  }

  /** An entry line whose links are addresses on the web; else (a link within the page or to a file) text. */
  webEntryLine(paragraph: Paragraph): EntryLine | undefined {
    return readWebEntryLine(paragraph, this.urlOf);
  }

  /**
   * Makes the entries of an entry line; returns the last, which the quotes, notes and links below the
   * line belong to (so they stay in the page's reading order: `[Part 1](…), [Part 2](…)` then a quote).
   */
  addEntries(
    node: Nodes,
    line: EntryLine,
    under: ListedUnder | undefined,
    listing: PlanListing,
    moreNotes: readonly string[] = [],
  ): PlanEntry {
    let entry: PlanEntry | undefined;
    if (line.id !== undefined && line.links.length > 1)
      this.notice(node, `the id "${line.id}" on a line of ${line.links.length} links names none of them: left out`);
    for (const link of line.links) {
      if (link.tooltip) this.notice(node, `the tooltip "${link.tooltip}" of the link to ${link.url} is left out`);
      const title = link.title === '' ? link.url : link.title;
      if (link.title === '') this.notice(node, `the link to ${link.url} has no text: its address is its title`);
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
      this.plan.entries.push(entry);
    }
    this.top().entries += line.links.length;
    if (this.label && under && 'label' in under) this.label.used = true;
    return entry!;
  }

  /** The section's one-line summary, when this is its first plain paragraph (or a blockquote of one). */
  summaryOf(node: RootContent): string | undefined {
    const current = this.top();
    if (current.blocks > 0 || current.entries > 0 || current.section.summary !== undefined || current.kind !== undefined)
      return undefined;
    const paragraph = node.type === 'blockquote' && node.children.length === 1 ? node.children[0] : node;
    if (paragraph?.type !== 'paragraph' || !paragraph.children.every(isPlainPhrasing)) return undefined;
    const text = readerText(paragraph);
    return text === '' ? undefined : text;
  }
}
