/**
 * The one place pages get content from: collections are loaded once per build, and the sorted,
 * grouped views every page uses are computed here (rules in src/site/reading-list.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentDirectory, storedNotesText } from '../content/content-loader.ts';
import { declaredGroups, sectionGroupIds, sectionTree } from '../content/list-shape.ts';
import { listingPages, listingsBySection, type ListingGroup, type ListingPage } from './reading-list.ts';
import { domainOf } from '../content/urls.ts';
import { countByMonth, type MonthCount } from './added-chart.ts';
import { entryRecord, type EntryRecord } from './entry-record.ts';
import { gitAddedDates, resolveAdded } from '../content/git-dates.ts';
import { entryPath } from './paths.ts';
import { recentlyAdded } from './recent.ts';
import { relatedEntries } from './related.ts';
import {
  breadcrumbTrail,
  sectionCounts,
  sectionLabels,
  subsectionBlocks,
  subtreeListing,
  type SectionCounts,
  type SubsectionBlock,
} from './section-views.ts';
import { listCounts } from './stats.ts';
import { pageKey } from './page-keys.ts';
import { tagViews, type TagView } from './tags.ts';
import { facetCounts, recordFacets } from '../search/facet-counts.ts';
import { facetsAreOwnPlace, type FacetOption } from '../search/facets.ts';

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

/** The sections as a tree (parents, sub-sections, order among siblings). */
export const tree = sectionTree(sectionEntries);

/** Every section in reading order: top-level sections in home-page order, each followed by its sub-sections. */
export const sections: Section[] = tree.inOrder;

/** The groups a section shows, in order (none for a section that lists its entries directly). */
export const sectionGroups = (section: Section) => sectionGroupIds(section.data, groups);

const listings = listingsBySection(allEntries, sectionEntries, groups);
const listingOf = (sectionId: string): Entry[] => (listings.get(sectionId) ?? []).flatMap((group) => group.entries);

/** Per section: how many entries its own listing has, and how many its whole subtree has. */
const listedCounts = sectionCounts(tree, (id) => listingOf(id).map((entry) => entry.id));
export const countsOf = (sectionId: string): SectionCounts => listedCounts.get(sectionId) ?? { own: 0, total: 0 };

export interface SectionView {
  section: Section;
  /** The sections above it, from the top level down (empty for a top-level section). */
  ancestors: Section[];
  /** Its own listing, in reading order: its own entries and those cross-listed into it. */
  entries: Entry[];
  /** The same listing as the page shows it: by group, in the section's group order. */
  groups: ListingGroup<Entry>[];
  /** The listing pages: page 1 at the section's path, then `page/2/`… (see ENTRIES_PER_PAGE). */
  pages: ListingPage<Entry>[];
  counts: SectionCounts;
  /** What its page shows after its own listing: each sub-section, inline when short, else a link and count. */
  subsections: SubsectionBlock<Section>[];
}

/** One view per section, in reading order; entries grouped once for all pages. */
export const sectionViews: SectionView[] = sections.map((section) => {
  const sectionListing = listings.get(section.id) ?? [];
  return {
    section,
    ancestors: tree.ancestorsOf(section.id),
    entries: sectionListing.flatMap((group) => group.entries),
    groups: sectionListing,
    pages: listingPages(sectionListing),
    counts: countsOf(section.id),
    subsections: subsectionBlocks(tree, section.id, listedCounts),
  };
});
const viewById = new Map(sectionViews.map((view) => [view.section.id, view]));
/** The view of a section by id (for a sub-section shown inline on its parent's page). */
export const viewOf = (sectionId: string): SectionView => viewById.get(sectionId)!;

const sectionTitles = new Map(sections.map((section) => [section.id, section.data.title]));
export const sectionTitle = (sectionId: string) => sectionTitles.get(sectionId) ?? sectionId;

/** A name no other section shares: its title, with the titles above it where titles repeat. */
const labels = sectionLabels(tree);
export const sectionLabel = (sectionId: string) => labels.get(sectionId) ?? sectionId;

/** The sections from the top level down to this one, itself last (for breadcrumbs). */
export const sectionTrail = (sectionId: string): Section[] => breadcrumbTrail(tree, sectionId);

/** The section's trail as text, "Management › Teams" (just its title at the top level). */
export const sectionTrailText = (sectionId: string) =>
  sectionTrail(sectionId)
    .map((section) => section.data.title)
    .join(' › ');

/**
 * All entries in reading order, each once: sections in reading order, each section's own entries
 * (not those cross-listed into it) by its groups.
 */
export const entries: Entry[] = sectionViews.flatMap((view) =>
  view.entries.filter((entry) => entry.data.section === view.section.id),
);
// Every entry file must reach the site: one left out of every listing would lose its permalink page.
if (entries.length !== allEntries.length) {
  const shown = new Set(entries.map((entry) => entry.id));
  const lost = allEntries.filter((entry) => !shown.has(entry.id)).map((entry) => entry.id);
  throw new Error(`These entries are in no section's listing, so the site would lose them: ${lost.join(', ')}`);
}

/** The part of an entry's id after the section: its file name without `.md`. */
export const entrySlug = (entry: Entry) => entry.id.slice(entry.id.indexOf('/') + 1);

export const entryDomain = (entry: Entry) => domainOf(entry.data.url);

/** The other sections an entry is listed in (its cross-listings), with the group there. */
export const alsoIn = (entry: Entry) =>
  entry.data.also_in.map((listing) => ({
    section: tree.get(listing.section)!,
    heading: listing.kind === undefined ? undefined : groupHeading(listing.kind),
  }));

// ---- Search facets: one record per entry, carrying every place it is listed. ----

/** The one derivation of a record's facet values, shared with the counts below (src/search/facet-counts.ts). */
const recordFacetsOf = recordFacets({ list: { data: list }, sections, entries });

/** The section and group facet values of an entry's search record (see src/search/facets.ts). */
export const entryFacets = (entry: Entry) => {
  const record = recordFacetsOf(entry);
  const facets = { sections: record.section, groups: record.kind };
  const { section, kind } = entry.data;
  // The visible section link shows the title; it can carry the filter only where label and title agree.
  const ownPlace =
    sectionLabel(section) === sectionTitle(section) &&
    facetsAreOwnPlace(facets, { section: sectionLabel(section), group: kind === undefined ? undefined : groupHeading(kind) });
  return { ...facets, ownPlace };
};

/** The section facet's values in tree order, with their depth, for the search page. */
export const sectionFacetOrder: FacetOption[] = sections.map((section) => ({
  value: sectionLabel(section.id),
  depth: tree.ancestorsOf(section.id).length,
}));

/** The group facet's values in the declared order. */
export const groupFacetOrder: FacetOption[] = groups.map((group) => ({ value: group.heading, depth: 0 }));

/** Every facet value's count over the whole list, as Pagefind counts its records: the search page before a search. */
export const wholeListFacetCounts = facetCounts({ list: { data: list }, sections, entries });

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
      notes: storedNotesText(entry),
      notesHtml: entry.rendered?.html ?? '',
    }),
  ]),
);

/** Everything derived from an entry (permalink, archive, added, notes text) for pages, feeds and exports. */
export const recordOf = (entry: Entry) => recordById.get(entry.id)!;

/** Every entry's record, in reading order. */
export const records: EntryRecord[] = entries.map(recordOf);

/**
 * Each section's feed records: what it lists and what every section below it lists, each entry once
 * (a reader following a section follows everything filed under it).
 */
export const sectionFeedRecords = (sectionId: string): EntryRecord[] => subtreeListing(tree, sectionId, listingOf).map(recordOf);

/** Each section's own listing as records (own and cross-listed entries), for the bookmark file's folders. */
export const sectionListingRecords = (sectionId: string): EntryRecord[] => listingOf(sectionId).map(recordOf);

/** Tags A–Z with their entries in reading order. */
export const tags: TagView<Entry>[] = tagViews(entries);

/** A handful of related entries for a permalink page (shared tags first, then a shared section). */
export const relatedTo: (entry: Entry) => Entry[] = relatedEntries(entries);

/** Entries per section and group (each entry once, in its own section), for the About page. */
export const counts = listCounts(
  sectionViews.map((view) => ({
    id: view.section.id,
    title: view.section.data.title,
    kinds: view.entries.filter((entry) => entry.data.section === view.section.id).map((entry) => entry.data.kind),
  })),
  groups,
);

/** Entries added per month (known dates only), first month to last. */
export const addedByMonth: MonthCount[] = countByMonth(records.map((record) => record.added));

/** Dated entries, newest first, grouped by day, for the "Recently added" page. */
export const recent = recentlyAdded(records, 50);

// ---- What each page shows, and its key for the incremental build (src/site/page-keys.ts). ----
// A page's key digests everything its route and the layout read from the content, so a page is
// reused only when it would render the same; the pages read what they show from these views.

/** What the layout shows from the content on every page: the list's title and description, and on a section's pages its feed. */
export const layoutData = (sectionId: string | undefined) => {
  const section = sectionId === undefined ? undefined : tree.get(sectionId);
  return {
    title: list.title,
    description: list.description,
    sectionFeed: section ? { id: section.id, title: section.data.title } : undefined,
  };
};

const shownKeys = new Map(
  entries.map((entry) => [entry.id, pageKey(entry.id, entry.data, entry.rendered?.html, entryAdded(entry))]),
);
/** A digest of what an entry shows in a listing (src/components/EntryItem.astro). */
const entryShownKey = (entry: Entry) => shownKeys.get(entry.id)!;
const groupsShown = (listing: ListingGroup<Entry>[]) =>
  listing.map((group) => [group.kind, group.heading, group.entries.map(entryShownKey)]);

/** Another entry as a permalink page's "Related entries" shows it. */
export interface RelatedLink {
  id: string;
  title: string;
  domain: string;
  /** Its section's trail as text ("Management › Teams"). */
  trail: string;
}

/** Everything an entry's permalink page shows. */
export interface PermalinkView {
  entry: Entry;
  domain: string;
  added: string | undefined;
  sectionTitle: string;
  /** Its own section's unique name (the search facet). */
  sectionLabel: string;
  /** The heading of its group, when its section has groups. */
  kindHeading: string | undefined;
  /** Its section and those above it, from the top level down. */
  trail: Section[];
  /** The other sections it is listed in. */
  alsoIn: { section: string; label: string; heading: string | undefined }[];
  facets: ReturnType<typeof entryFacets>;
  related: RelatedLink[];
}

export function permalinkView(entry: Entry): PermalinkView {
  const { section, kind } = entry.data;
  return {
    entry,
    domain: entryDomain(entry),
    added: entryAdded(entry),
    sectionTitle: sectionTitle(section),
    sectionLabel: sectionLabel(section),
    kindHeading: kind === undefined ? undefined : groupHeading(kind),
    trail: sectionTrail(section),
    alsoIn: alsoIn(entry).map((other) => ({
      section: other.section.id,
      label: sectionLabel(other.section.id),
      heading: other.heading,
    })),
    facets: entryFacets(entry),
    related: relatedTo(entry).map((other) => ({
      id: other.id,
      title: other.data.title,
      domain: entryDomain(other),
      trail: sectionTrailText(other.data.section),
    })),
  };
}

/** The key of an entry's permalink page. */
export const permalinkKey = (view: PermalinkView) => pageKey(layoutData(view.entry.data.section), view);

/** The key of one of a section's listing pages (src/components/SectionListing.astro, SubsectionBlock.astro). */
export const sectionPageKey = (view: SectionView, page: ListingPage<Entry>) =>
  pageKey(
    layoutData(view.section.id),
    view.section,
    view.ancestors,
    view.counts,
    page.number,
    page.total,
    groupsShown(page.groups),
    [
      page.number === 1 &&
        view.subsections.map((block) => [
          block.section,
          block.counts,
          block.children,
          block.inline && groupsShown(viewOf(block.section.id).groups),
        ]),
    ],
  );

/** The key of one of a tag's pages (src/components/TagListing.astro): the tag, its count, this page's entries. */
export const tagPageKey = (view: TagView<Entry>, entries: readonly Entry[], number: number, total: number) =>
  pageKey(layoutData(undefined), view.tag, view.entries.length, number, total, entries.map(entryShownKey));

/** The key of a section's feed: the list's title, the section, and the records of what it lists. */
export const sectionFeedKey = (section: Section) => pageKey(list.title, section.data, sectionFeedRecords(section.id));
