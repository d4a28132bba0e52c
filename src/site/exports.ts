/**
 * The list as files other tools read: `entries.json` (schema in docs/exports.md) and a Netscape
 * bookmark file that browsers and bookmark managers (linkding, Firefox, Chrome) import.
 */
import { isHttpUrl } from '../schemas/content.ts';
import type { EntryRecord } from './entry-record.ts';
import { escapeHtml } from './escape.ts';
import { dayToDate } from './feeds.ts';
import { oneLine } from '../../.github/scripts/untrusted-text.mjs';

/**
 * Bumped when a field of entries.json changes meaning or goes away (adding a field does not bump it).
 * 2: sections nest (`parent`, tree order), sections show declared groups, an entry may be listed in
 * several sections (`listings`); `summary` and `kind` may be null.
 */
export const ENTRIES_JSON_VERSION = 2;

export interface ExportSection {
  id: string;
  title: string;
  summary: string | null;
  /** The id of the section it sits under; null at the top level. */
  parent: string | null;
  /** The ids of the groups it shows, in order; empty when it lists its entries without groups. */
  groups: string[];
  /** Absolute URL of the section's page. */
  page: string;
}

export interface EntriesJson {
  version: number;
  title: string;
  description: string | null;
  home: string;
  groups: { id: string; heading: string }[];
  sections: ExportSection[];
  entries: {
    id: string;
    title: string;
    url: string;
    section: string;
    kind: string | null;
    listings: { section: string; kind: string | null }[];
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
  /** The groups the list declares, in order. */
  groups: readonly { id: string; heading: string }[];
  /** Every section, in tree order (a parent before its sub-sections). */
  sections: ExportSection[];
  entries: readonly EntryRecord[];
  /** Absolute permalink URL of an entry. */
  permalink: (entry: EntryRecord) => string;
}

/** The whole list, in reading order; only http(s) URLs are emitted (others cannot pass the schema). */
export function entriesJson({ title, description, home, groups, sections, entries, permalink }: ExportInput): EntriesJson {
  return {
    version: ENTRIES_JSON_VERSION,
    title,
    description: description ?? null,
    home,
    groups: groups.map((group) => ({ id: group.id, heading: group.heading })),
    sections,
    entries: entries
      .filter((entry) => isHttpUrl(entry.url))
      .map((entry) => ({
        id: entry.id,
        title: entry.title,
        url: entry.url,
        section: entry.section,
        kind: entry.kind ?? null,
        listings: entry.listings.map((listing) => ({ section: listing.section, kind: listing.kind ?? null })),
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

/** Text on one line for a bookmark file (it is line-based; the one oneLine rule), escaped. */
const line = (text: string) => escapeHtml(oneLine(text));

/** Seconds since the epoch at 00:00 UTC of `YYYY-MM-DD`, as bookmark files write ADD_DATE. */
export const addDate = (day: string) => String(Math.floor(dayToDate(day).getTime() / 1000));

/** A bookmark's description: the quotes, then the notes, on one line. */
function bookmarkDescription(entry: EntryRecord): string {
  return [...entry.quotes.map((quote) => `“${quote}”`), entry.notes].filter(Boolean).join(' ');
}

/** One folder of a bookmark file: a section, its listing, and its sub-sections' folders. */
export interface BookmarkFolder {
  title: string;
  /** Its own listing (own and cross-listed entries), in reading order. */
  entries: readonly EntryRecord[];
  folders: readonly BookmarkFolder[];
}

/** A folder's lines at `depth`, or none when nothing in it or below it has an http(s) link. */
function folderLines(folder: BookmarkFolder, depth: number): string[] {
  const pad = '    '.repeat(depth);
  const lines: string[] = [];
  for (const entry of folder.entries) {
    if (!isHttpUrl(entry.url)) continue;
    const attributes = [`HREF="${escapeHtml(entry.url)}"`];
    if (entry.added) attributes.push(`ADD_DATE="${addDate(entry.added)}"`);
    if (entry.tags.length) attributes.push(`TAGS="${escapeHtml(entry.tags.join(','))}"`);
    lines.push(`${pad}    <DT><A ${attributes.join(' ')}>${line(entry.title)}</A>`);
    const description = bookmarkDescription(entry);
    if (description) lines.push(`${pad}    <DD>${line(description)}`);
  }
  for (const child of folder.folders) lines.push(...folderLines(child, depth + 1));
  if (lines.length === 0) return [];
  return [`${pad}<DT><H3>${line(folder.title)}</H3>`, `${pad}<DL><p>`, ...lines, `${pad}</DL><p>`];
}

/**
 * A Netscape bookmark file: one folder per section, nested as the sections are, each holding the
 * entries the section lists (a cross-listed entry is in each of its folders) before its
 * sub-sections' folders; ADD_DATE from `added`, TAGS from tags, the quotes and notes as the
 * description. Entries whose URL is not http(s), and folders left empty, are left out.
 */
export function bookmarksHtml(title: string, folders: readonly BookmarkFolder[]): string {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${line(title)}</TITLE>`,
    `<H1>${line(title)}</H1>`,
    '<DL><p>',
    ...folders.flatMap((folder) => folderLines(folder, 1)),
    '</DL><p>',
    '',
  ];
  return lines.join('\n');
}
