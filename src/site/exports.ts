/**
 * The list as files other tools read: `entries.json` (schema in docs/exports.md) and a Netscape
 * bookmark file that browsers and bookmark managers (linkding, Firefox, Chrome) import.
 */
import { isHttpUrl } from '../schemas/content.ts';
import type { EntryRecord } from './entry-record.ts';
import { escapeHtml } from './escape.ts';
import { dayToDate } from './feeds.ts';

/** Bumped when a field of entries.json changes meaning or goes away (adding a field does not bump it). */
export const ENTRIES_JSON_VERSION = 1;

export interface ExportSection {
  id: string;
  title: string;
  summary: string | undefined;
  /** Absolute URL of the section's page. */
  page: string;
}

export interface EntriesJson {
  version: number;
  title: string;
  description: string | null;
  home: string;
  sections: ExportSection[];
  entries: {
    id: string;
    title: string;
    url: string;
    section: string;
    kind: string | undefined;
    quotes: string[];
    tags: string[];
    added: string | null;
    addedFrom: 'entry' | 'git' | null;
    status: { state: 'dead'; checked: string } | null;
    archive: string | null;
    permalink: string;
    notes: string;
  }[];
}

export interface ExportInput {
  title: string;
  description: string | undefined;
  home: string;
  sections: ExportSection[];
  entries: readonly EntryRecord[];
  /** Absolute permalink URL of an entry. */
  permalink: (entry: EntryRecord) => string;
}

/** The whole list, in reading order; only http(s) URLs are emitted (others cannot pass the schema). */
export function entriesJson({ title, description, home, sections, entries, permalink }: ExportInput): EntriesJson {
  return {
    version: ENTRIES_JSON_VERSION,
    title,
    description: description ?? null,
    home,
    sections,
    entries: entries
      .filter((entry) => isHttpUrl(entry.url))
      .map((entry) => ({
        id: entry.id,
        title: entry.title,
        url: entry.url,
        section: entry.section,
        kind: entry.kind,
        quotes: entry.quotes,
        tags: entry.tags,
        added: entry.added ?? null,
        addedFrom: entry.addedFrom ?? null,
        status: entry.status ? { state: entry.status.state, checked: entry.status.checked } : null,
        archive: entry.archive ?? null,
        permalink: permalink(entry),
        notes: entry.notes,
      })),
  };
}

/** Text on one line for a bookmark file (it is line-based), escaped. */
const oneLine = (text: string) => escapeHtml(text.replace(/\s+/g, ' ').trim());

/** Seconds since the epoch at 00:00 UTC of `YYYY-MM-DD`, as bookmark files write ADD_DATE. */
export const addDate = (day: string) => String(Math.floor(dayToDate(day).getTime() / 1000));

/** A bookmark's description: the quotes, then the notes, on one line. */
function bookmarkDescription(entry: EntryRecord): string {
  return [...entry.quotes.map((quote) => `“${quote}”`), entry.notes].filter(Boolean).join(' ');
}

/**
 * A Netscape bookmark file: one folder per section (in the order given), entries in the order given,
 * ADD_DATE from `added`, TAGS from tags, the quotes and notes as the description. Entries whose URL
 * is not http(s) are left out.
 */
export function bookmarksHtml(
  title: string,
  sections: readonly { id: string; title: string }[],
  entries: readonly EntryRecord[],
): string {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${oneLine(title)}</TITLE>`,
    `<H1>${oneLine(title)}</H1>`,
    '<DL><p>',
  ];
  const bySection = new Map<string, EntryRecord[]>();
  for (const entry of entries) {
    if (!isHttpUrl(entry.url)) continue;
    const list = bySection.get(entry.section);
    if (list) list.push(entry);
    else bySection.set(entry.section, [entry]);
  }
  for (const section of sections) {
    const inSection = bySection.get(section.id);
    if (!inSection) continue;
    lines.push(`    <DT><H3>${oneLine(section.title)}</H3>`, '    <DL><p>');
    for (const entry of inSection) {
      const attributes = [`HREF="${escapeHtml(entry.url)}"`];
      if (entry.added) attributes.push(`ADD_DATE="${addDate(entry.added)}"`);
      if (entry.tags.length) attributes.push(`TAGS="${escapeHtml(entry.tags.join(','))}"`);
      lines.push(`        <DT><A ${attributes.join(' ')}>${oneLine(entry.title)}</A>`);
      const description = bookmarkDescription(entry);
      if (description) lines.push(`        <DD>${oneLine(description)}`);
    }
    lines.push('    </DL><p>');
  }
  lines.push('</DL><p>', '');
  return lines.join('\n');
}
