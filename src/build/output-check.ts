/**
 * "Nothing lost": proves, from the built HTML, that every entry reached the site whole. In every
 * section it is listed in (its own and its cross-listings), across that section's listing pages, it
 * is shown exactly once, in reading order; its permalink page holds it alone; and each time it shows
 * its link, its title, every quote word for word and the text of its notes.
 *
 * Pages are read with an HTML parser (htmlparser2: a real tokenizer, several times faster than a
 * spec tree builder on 100 MB of pages), so only real elements count: text in a note that
 * reads ` data-entry="x"` is text, never an entry marker. The markup contract the pages keep:
 * - a section's listing pages (`<id>/`, `<id>/page/<n>/`) hold its listing in ONE element carrying
 *   `data-listing="<section id>"`, each entry in it an element carrying `data-entry="<entry id>"`
 *   (a sub-section's listing shown on the same page has its own `data-listing` element, outside it);
 * - a permalink page `<entry id>/` holds one `<article data-pagefind-body data-entry="<entry id>">`;
 * - inside an entry's element, its notes are the one element with `class="notes"` (Notes.astro), and
 *   its quotes are the `<blockquote>` of each `<figure class="quote">`, in order (Quotes.astro).
 * The notes are compared with their Markdown read by another route than the page's (notes-text.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import type { ReadingListFiles } from '../content/content-files.ts';
import type { CheckMemo } from './check-memo.ts';
import { declaredGroups, listingsOf } from '../content/list-shape.ts';
import { listingsBySection, orderSections } from '../site/reading-list.ts';
import { notesMatch, notesText, withoutSpace } from './notes-text.ts';

type Document = ReturnType<typeof parseDocument>;
type Node = Document | Document['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

export interface ExpectedEntry {
  id: string;
  url: string;
  title: string;
  quotes: string[];
  /** The text its notes say (whitespace aside: see notes-text.ts); empty for no notes. */
  notes: string;
  /**
   * The notes' Markdown, when the entry was read from a file. A page's verdict is then kept by the
   * Markdown (`notes` is rendered from it only when a page is checked afresh: most of a warm build's
   * check was rendering notes of pages that had not changed).
   */
  notesMarkdown?: string;
  /** Every section it is listed in: its own, then its cross-listings. */
  listedIn: string[];
}

export interface ExpectedSection {
  id: string;
  /** The ids of the entries its listing shows, in reading order. */
  order: string[];
}

export interface ExpectedSite {
  sections: ExpectedSection[];
  entries: ExpectedEntry[];
}

export interface OutputProblem {
  /** The entry at fault (or the section, when it is not about one entry). */
  entry: string;
  message: string;
}

// ---- Reading the parsed HTML. ----

const isElement = (node: Node): node is Element => 'attribs' in node;
const childrenOf = (node: Node): Node[] => ('children' in node ? node.children : []);
const textData = (node: Node): string => (node.type === ElementType.Text && 'data' in node ? node.data : '');
const attribute = (element: Element, name: string): string | undefined => element.attribs[name];

/** Elements carrying attribute `name`, in document order (including those inside one another). */
function elementsWith(root: Node, name: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      if (attribute(child, name) !== undefined) found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

const hasClass = (element: Element, name: string) => (attribute(element, 'class') ?? '').split(/\s+/).includes(name);

/** What one entry's element shows: its links, the text of each of its quotes in order, and the text of its notes. */
function blockFacts(block: Element) {
  const links: { href: string | undefined; text: string }[] = [];
  const quotes: string[] = [];
  const notes: string[] = [];
  const visit = (node: Node): string => {
    if (!isElement(node)) return textData(node);
    const text = node.children.map(visit).join('');
    if (node.name === 'a') links.push({ href: attribute(node, 'href'), text });
    if (hasClass(node, 'notes')) notes.push(text);
    const parent = node.parent;
    if (node.name === 'blockquote' && parent && isElement(parent) && hasClass(parent, 'quote')) quotes.push(text.trim());
    return text;
  };
  visit(block);
  return { links, quotes, notes };
}

/**
 * Problems with one entry's element: a link to its URL, a link reading its title, each quote as the
 * whole text of an element, and its notes as the whole text of its one `class="notes"` element
 * (src/components/Notes.astro), so a word added, changed or dropped anywhere in them is caught.
 */
function checkBlock(block: Element, entry: ExpectedEntry, where: string): OutputProblem[] {
  const facts = blockFacts(block);
  const problems: OutputProblem[] = [];
  const problem = (message: string) => problems.push({ entry: entry.id, message: `${where}: ${message}` });
  if (!facts.links.some((link) => link.href === entry.url)) problem(`no link to ${entry.url}`);
  if (!facts.links.some((link) => link.text === entry.title)) problem('the title is not shown as written');
  // Each quote in its own quote element, in order, each once: not merely some text on the page.
  entry.quotes.forEach((quote, index) => {
    if (facts.quotes[index] !== quote.trim()) problem(`quote ${index + 1} is missing or changed`);
  });
  if (facts.quotes.length > entry.quotes.length)
    problem(`shows ${facts.quotes.length} quotes where the entry has ${entry.quotes.length}`);
  const shownNotes = facts.notes.map((text) => text.trim()).filter(Boolean);
  const notes = entry.notes.trim();
  const sameNotes = (shown: string) =>
    entry.notesMarkdown !== undefined ? notesMatch(shown, entry.notesMarkdown) : withoutSpace(shown) === withoutSpace(notes);
  if (notes ? shownNotes.length !== 1 || !sameNotes(shownNotes[0]!) : shownNotes.length > 0)
    problem(notes ? 'the notes are missing or changed' : 'shows notes the entry does not have');
  return problems;
}

// ---- The pages. ----

/** A file's bytes, or undefined when there is none (one system call fewer than asking first: 10,000 pages). */
function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A section's listing pages: `<section>/index.html`, then `<section>/page/<n>/index.html` by n. */
export function sectionPageFiles(outDir: string, sectionId: string): string[] {
  const first = join(outDir, sectionId, 'index.html');
  const pagesDir = join(outDir, sectionId, 'page');
  const more = existsSync(pagesDir)
    ? readdirSync(pagesDir)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(pagesDir, name, 'index.html')))
        .sort((a, b) => Number(a) - Number(b))
        .map((name) => join(pagesDir, name, 'index.html'))
    : [];
  return existsSync(first) ? [first, ...more] : more;
}

/** The entries of one listing element: elements with `data-entry`, not those of another listing inside it. */
function entriesOf(listing: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child) || attribute(child, 'data-listing') !== undefined) continue;
      if (attribute(child, 'data-entry') !== undefined) found.push(child);
      else visit(child);
    }
  };
  visit(listing);
  return found;
}

function checkSection(
  outDir: string,
  section: ExpectedSection,
  entries: ReadonlyMap<string, ExpectedEntry>,
  memo?: CheckMemo,
): OutputProblem[] {
  const problems: OutputProblem[] = [];
  const files = sectionPageFiles(outDir, section.id);
  if (files.length === 0) return [{ entry: section.id, message: `the section page ${section.id}/index.html was not written` }];

  const pages = files.map((file) => readFileSync(file));
  const key = memo?.key(
    'section',
    JSON.stringify(section),
    ...section.order.map((id) => entryKeyJson(entries.get(id))),
    ...files.flatMap((file, index) => [file.slice(outDir.length), pages[index]!]),
  );
  if (key !== undefined && memo!.passed(key)) return [];

  const shown: Element[] = [];
  pages.forEach((bytes, index) => {
    const page = index === 0 ? `${section.id}/index.html` : `${section.id}/page/${index + 1}/index.html`;
    const document = parseDocument(bytes.toString('utf8'));
    const listings = elementsWith(document, 'data-listing').filter(
      (element) => attribute(element, 'data-listing') === section.id,
    );
    if (listings.length > 1)
      problems.push({
        entry: section.id,
        message: `${page} has ${listings.length} elements with data-listing="${section.id}"; expected one`,
      });
    if (listings.length === 0 && section.order.length > 0)
      problems.push({ entry: section.id, message: `${page} has no element with data-listing="${section.id}"` });
    shown.push(...listings.flatMap(entriesOf));
  });

  const shownIds = shown.map((element) => attribute(element, 'data-entry')!);
  const expected = new Set(section.order);
  const where = `the ${section.id} listing`;
  for (const id of section.order) {
    const found = shown.filter((_, index) => shownIds[index] === id);
    if (found.length !== 1) {
      problems.push({ entry: id, message: `appears ${found.length} times in ${where}; expected once` });
      continue;
    }
    problems.push(...checkBlock(found[0]!, entries.get(id)!, where));
  }
  for (const id of new Set(shownIds)) {
    if (!expected.has(id)) problems.push({ entry: id, message: `is shown in ${where} but is not listed in that section` });
  }
  if (problems.length === 0 && shownIds.join('\n') !== section.order.join('\n')) {
    const at = shownIds.findIndex((id, index) => id !== section.order[index]);
    problems.push({ entry: shownIds[at]!, message: `${where} is out of reading order (expected ${section.order[at]} here)` });
  }
  if (key !== undefined && problems.length === 0) memo!.pass(key);
  return problems;
}

/** Called with each permalink page the check reads, so the search indexer need not read it again. */
export type PageReader = (entryId: string, html: string) => void;

function checkPermalink(outDir: string, entry: ExpectedEntry, memo?: CheckMemo, read?: PageReader): OutputProblem[] {
  const bytes = readIfThere(join(outDir, entry.id, 'index.html'));
  if (bytes === undefined) return [{ entry: entry.id, message: `its permalink page ${entry.id}/index.html was not written` }];
  read?.(entry.id, bytes.toString('utf8'));
  const key = memo?.key('permalink', entryKeyJson(entry), bytes);
  if (key !== undefined && memo!.passed(key)) return [];
  const document = parseDocument(bytes.toString('utf8'));
  const marked = elementsWith(document, 'data-entry');
  const article = marked[0];
  if (
    marked.length !== 1 ||
    article!.name !== 'article' ||
    attribute(article!, 'data-entry') !== entry.id ||
    attribute(article!, 'data-pagefind-body') === undefined ||
    elementsWith(document, 'data-pagefind-body').length !== 1
  ) {
    return [{ entry: entry.id, message: 'its permalink page does not hold exactly this one entry for the search index' }];
  }
  const problems = checkBlock(article!, entry, 'permalink page');
  if (key !== undefined && problems.length === 0) memo!.pass(key);
  return problems;
}

/**
 * The checks of the built site in `outDir` against what the content holds, one step per section
 * and per permalink page, each giving that step's problems. With `memo`, a page whose bytes and
 * expected content a previous build checked and passed keeps that verdict (./check-memo.ts); every
 * page is still read.
 */
function* outputChecks(outDir: string, expected: ExpectedSite, memo?: CheckMemo, read?: PageReader): Generator<OutputProblem[]> {
  const entries = new Map(expected.entries.map((entry) => [entry.id, entry]));
  // An entry a section's reading order leaves out would be lost without a word: name it.
  const ordered = new Map(expected.sections.map((section) => [section.id, new Set(section.order)]));
  const unordered: OutputProblem[] = [];
  for (const entry of expected.entries) {
    for (const section of entry.listedIn) {
      if (!ordered.get(section)?.has(entry.id))
        unordered.push({ entry: entry.id, message: `is listed in ${section}, but that section's reading order leaves it out` });
    }
  }
  yield unordered;
  for (const section of expected.sections) yield checkSection(outDir, section, entries, memo);
  for (const entry of expected.entries) yield checkPermalink(outDir, entry, memo, read);
}

/** Checks the built site in `outDir` against what the content holds; every problem found. */
export function checkOutput(outDir: string, expected: ExpectedSite, memo?: CheckMemo): OutputProblem[] {
  return [...outputChecks(outDir, expected, memo)].flat();
}

/**
 * The same check, giving way to other work every few pages: `npm run build` feeds the search
 * indexer (a separate process) meanwhile, so the two use both cores instead of one after the other.
 */
export async function checkOutputInTurns(
  outDir: string,
  expected: ExpectedSite,
  memo?: CheckMemo,
  pagesPerTurn = 50,
  /** Given every permalink page the check reads (the build's search indexer). */
  read?: PageReader,
): Promise<OutputProblem[]> {
  const problems: OutputProblem[] = [];
  let steps = 0;
  for (const found of outputChecks(outDir, expected, memo, read)) {
    problems.push(...found);
    if (++steps % pagesPerTurn === 0) await new Promise((resume) => setImmediate(resume));
  }
  return problems;
}

/**
 * What the site must show for the content: each section's entries in reading order (the same rules
 * the pages use, src/site/reading-list.ts), and each entry's link, title, quotes and notes' text.
 * The notes are rendered again, here, from the files, when a page that shows them is checked.
 */
export function expectedSite(files: Pick<ReadingListFiles, 'list' | 'sections' | 'entries'>): ExpectedSite {
  const sections = orderSections(files.sections);
  const listings = listingsBySection(files.entries, sections, declaredGroups(files.list?.data));
  return {
    sections: sections.map((section) => ({
      id: section.id,
      order: (listings.get(section.id) ?? []).flatMap((group) => group.entries.map((entry) => entry.id)),
    })),
    entries: files.entries.map((entry) =>
      withNotesFrom(entry.body, {
        id: entry.id,
        url: entry.data.url,
        title: entry.data.title,
        quotes: entry.data.quotes,
        listedIn: listingsOf(entry.data).map((listing) => listing.section),
      }),
    ),
  };
}

/** The entry with `notesMarkdown`, and `notes` rendered from it when first read. */
function withNotesFrom(markdown: string, entry: Omit<ExpectedEntry, 'notes' | 'notesMarkdown'>): ExpectedEntry {
  let notes: string | undefined;
  return Object.defineProperty({ ...entry, notesMarkdown: markdown }, 'notes', {
    get: () => (notes ??= markdown.trim() ? notesText(markdown).text : ''),
    enumerable: true,
  }) as ExpectedEntry;
}

/** What a verdict's key reads of an entry: every field, its notes by their Markdown when known (so they need not be rendered). */
function entryKeyJson(entry: ExpectedEntry | undefined): string {
  if (entry === undefined) return 'none';
  const fields = Object.keys(entry).sort() as (keyof ExpectedEntry)[];
  return JSON.stringify(fields.map((name) => [name, name === 'notes' && entry.notesMarkdown !== undefined ? null : entry[name]]));
}
