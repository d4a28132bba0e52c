/**
 * The table reader: a list written as a table (public-apis: `| API | Description | Auth | HTTPS |
 * CORS |`). Each row whose cells hold an entry line is an entry:
 * - the first cell that is an entry line gives its title and URL (more links in that cell, such as
 *   "Source Code", stay in the description);
 * - the description column (named Description, About, Summary, Notes …, else the longest cell of the
 *   row) is the first paragraph of its notes;
 * - every other cell is a tag `<column>-<value>` (`auth-apikey`, `https-yes`, `year-2019`) when it is
 *   short (up to three words, no links), else a line of the notes, `Column: value`;
 * - the header row names the columns.
 * A row with no link is kept as text, and so is a table with no entry at all.
 */
import type { Paragraph, PhrasingContent, Table, TableRow } from 'mdast';
import { slugify } from '../../content/slugs.ts';
import { isHttpUrl } from '../../schemas/content.ts';
import type { BodyState } from '../body-state.ts';
import { inlineMarkdown, lineOf, markdownOf, readerText } from '../markdown.ts';
import { readEntryLine, type EntryLine, type UrlOf } from './entry-line.ts';

export interface TableEntry {
  line: number;
  entry: EntryLine;
  /** Notes after the description: the long cells, `Column: value`. */
  notes: string[];
}

export interface TableReading {
  entries: TableEntry[];
  /** Rows (after the header) without an entry line, as Markdown, each with its line. */
  rows: { line: number; markdown: string }[];
}

const DESCRIPTION_COLUMN = /^(?:description|desc|about|summary|notes?|details|what)$/i;
/** A cell short enough to be a tag: a year, "Yes", "apiKey", a language. */
const MAX_TAG_WORDS = 3;

const cellParagraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

export function readTable(table: Table, urlOf: UrlOf): TableReading {
  const [header, ...rows] = table.children;
  const columns = (header?.children ?? []).map((cell) => readerText(cell));
  const describedBy = columns.findIndex((name) => DESCRIPTION_COLUMN.test(name));
  const reading: TableReading = { entries: [], rows: [] };
  for (const row of rows) {
    const read = readRow(row, columns, describedBy, urlOf);
    if (read) reading.entries.push(read);
    else reading.rows.push({ line: lineOf(row), markdown: rowMarkdown(row, columns) });
  }
  return reading;
}

function readRow(row: TableRow, columns: readonly string[], describedBy: number, urlOf: UrlOf): TableEntry | undefined {
  const cells = row.children;
  const linkAt = cells.findIndex((cell) => readEntryLine(cellParagraph(cell.children), urlOf) !== undefined);
  if (linkAt < 0) return undefined;
  const entry = readEntryLine(cellParagraph(cells[linkAt]!.children), urlOf)!;
  const texts = cells.map((cell) => readerText(cell));
  let description = describedBy >= 0 && describedBy !== linkAt ? describedBy : -1;
  if (description < 0) {
    // No column says so: the longest cell that is not a tag describes the row.
    let longest = 0;
    texts.forEach((text, index) => {
      if (index !== linkAt && !isTagCell(cells[index]!.children, text) && text.length > longest) {
        longest = text.length;
        description = index;
      }
    });
  }
  const parts: string[] = [];
  if (entry.description) parts.push(entry.description);
  if (description >= 0 && texts[description]) parts.push(inlineMarkdown(cells[description]!.children));
  const tags = [...entry.tags];
  const notes: string[] = [];
  cells.forEach((cell, index) => {
    if (index === linkAt || index === description || texts[index] === '') return;
    const column = columns[index] || `Column ${index + 1}`;
    if (isTagCell(cell.children, texts[index]!)) {
      const tag = slugify(`${column} ${texts[index]}`);
      if (tag && !tags.includes(tag)) tags.push(tag);
    } else {
      notes.push(`${column}: ${inlineMarkdown(cell.children)}`);
    }
  });
  return {
    line: lineOf(row),
    entry: { ...entry, tags, description: parts.length > 0 ? parts.join(' ') : undefined },
    notes,
  };
}

function isTagCell(children: readonly PhrasingContent[], text: string): boolean {
  const hasLink = children.some((child) => child.type === 'link' || child.type === 'linkReference');
  return !hasLink && text !== '' && text.split(/\s+/).length <= MAX_TAG_WORDS && /[a-z0-9]/i.test(text.normalize('NFKD'));
}

/** A row kept as text: `Column: value` for each cell that holds something. */
function rowMarkdown(row: TableRow, columns: readonly string[]): string {
  return row.children
    .map((cell, index) => {
      const value = inlineMarkdown(cell.children);
      if (!value) return '';
      return columns[index] ? `${columns[index]}: ${value}` : value;
    })
    .filter(Boolean)
    .join('; ');
}

/** Reads a table into the open section: its rows with links as entries, the others kept as text, said so. */
export function placeTable(state: BodyState, node: Table): void {
  state.endLabel();
  state.closeEntries();
  const current = state.top();
  const table = readTable(node, state.urlOf);
  for (const row of table.entries) {
    if (!row.entry.links.every((link) => isHttpUrl(link.url))) {
      table.rows.push({ line: row.line, markdown: row.entry.links.map((link) => link.title).join(', ') });
      continue;
    }
    state.addEntries(node, row.entry, undefined, state.listingHere(row.line), row.notes);
  }
  if (table.rows.length > 0) {
    table.rows.sort((a, b) => a.line - b.line);
    const items = table.rows.map((row) => ({
      type: 'listItem' as const,
      spread: false,
      children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: row.markdown }] }],
    }));
    current.section.intro.push(markdownOf([{ type: 'list', ordered: false, spread: false, children: items }]));
    state.notice(
      node,
      `${table.rows.length} table row${table.rows.length === 1 ? '' : 's'} without an entry link: kept in the introduction of "${current.section.title}"`,
    );
  }
  current.blocks++;
}
