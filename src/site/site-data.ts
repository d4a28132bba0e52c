/**
 * The one place pages get content from: collections are loaded once per build, and the sorted,
 * grouped views every page uses are computed here (rules in src/site/reading-list.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentDirectory } from '../content/content-loader.ts';
import { declaredGroups } from '../content/list-shape.ts';
import { entriesBySection, groupByKind, orderSections, sectionPages, type KindGroup, type ListingPage } from './reading-list.ts';
import { domainOf } from '../content/urls.ts';
import { countByMonth, type MonthCount } from './added-chart.ts';
import { entryRecord, type EntryRecord } from './entry-record.ts';
import { gitAddedDates, resolveAdded } from '../content/git-dates.ts';
import { notesText } from '../content/notes.ts';
import { entryPath } from './paths.ts';
import { recentlyAdded } from './recent.ts';
import { relatedEntries } from './related.ts';
import { listCounts } from './stats.ts';
import { tagViews, type TagView } from './tags.ts';

export type Entry = CollectionEntry<'entries'>;
export type Section = CollectionEntry<'sections'>;

const [lists, sectionEntries, allEntries] = await Promise.all([
  getCollection('list'),
  getCollection('sections'),
  getCollection('entries'),
]);

const listEntry = lists[0];
if (!listEntry) throw new Error('content/list.md is missing: it gives the list its title');

/** The list as a whole (title, description). */
export const list = listEntry.data;

/** The groups the list declares (Framing / Selected Approaches unless it declares its own), in order. */
export const groups = declaredGroups(list);
const headings = new Map(groups.map((group) => [group.id, group.heading]));
export const groupHeading = (id: string) => headings.get(id) ?? id;

/** Sections in home-page order. */
export const sections: Section[] = orderSections(sectionEntries);

const bySection = entriesBySection(allEntries);

export interface SectionView {
  section: Section;
  /** Every entry of the section, in reading order. */
  entries: Entry[];
  /** The same entries as the page shows them: Framing, then Selected Approaches. */
  groups: KindGroup<Entry>[];
  /** The listing pages: page 1 at the section's path, then `page/2/`… (see ENTRIES_PER_PAGE). */
  pages: ListingPage<Entry>[];
}

/** One view per section, in order; entries grouped once for all pages. */
export const sectionViews: SectionView[] = sections.map((section) => {
  const entries = bySection.get(section.id) ?? [];
  return { section, entries, groups: groupByKind(entries), pages: sectionPages(entries) };
});

const sectionTitles = new Map(sections.map((section) => [section.id, section.data.title]));
export const sectionTitle = (sectionId: string) => sectionTitles.get(sectionId) ?? sectionId;

/** All entries in reading order: sections in order, each Framing first. */
export const entries: Entry[] = sectionViews.flatMap((view) => view.entries);

/** The part of an entry's id after the section: its file name without `.md`. */
export const entrySlug = (entry: Entry) => entry.id.slice(entry.id.indexOf('/') + 1);

export const entryDomain = (entry: Entry) => domainOf(entry.data.url);

// ---- Reader features: added dates, records for feeds and exports, tags, related entries, counts. ----

/** `added` from git for entries that do not write one (one `git log` call, only when needed). */
const gitAdded = allEntries.some((entry) => !entry.data.added)
  ? gitAddedDates(process.cwd(), join(contentDirectory(pathToFileURL(`${process.cwd()}/`)), 'entries'))
  : new Map<string, string>();

/** The day an entry was added: its own `added`, else the day git first saw its file, else undefined. */
export const entryAdded = (entry: Entry) => resolveAdded(entry.data.added, entry.filePath, gitAdded);

const recordById = new Map<string, EntryRecord>(
  entries.map((entry) => [
    entry.id,
    entryRecord({
      id: entry.id,
      data: entry.data,
      sectionTitle: sectionTitle(entry.data.section),
      added: entryAdded(entry),
      path: entryPath(entry.id),
      notes: entry.body ? notesText(entry.body) : '',
      notesHtml: entry.rendered?.html ?? '',
    }),
  ]),
);

/** Everything derived from an entry (permalink, archive, added, notes text) for pages, feeds and exports. */
export const recordOf = (entry: Entry) => recordById.get(entry.id)!;

/** Every entry's record, in reading order. */
export const records: EntryRecord[] = entries.map(recordOf);

/** Each section's records, in reading order (for section feeds). */
export const sectionRecords = new Map<string, EntryRecord[]>(
  sectionViews.map((view) => [view.section.id, view.entries.map(recordOf)]),
);

/** Tags A–Z with their entries in reading order. */
export const tags: TagView<Entry>[] = tagViews(entries);

/** A handful of related entries for a permalink page (shared tags first, then the same section). */
export const relatedTo: (entry: Entry) => Entry[] = relatedEntries(entries);

/** Entries per section and kind, for the About page. */
export const counts = listCounts(
  sectionViews.map((view) => ({
    id: view.section.id,
    title: view.section.data.title,
    kinds: view.entries.map((entry) => entry.data.kind),
  })),
  groups,
);

/** Entries added per month (known dates only), first month to last. */
export const addedByMonth: MonthCount[] = countByMonth(records.map((record) => record.added));

/** Dated entries, newest first, grouped by day, for the "Recently added" page. */
export const recent = recentlyAdded(records, 50);
