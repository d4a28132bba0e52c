/**
 * The one place pages get content from: collections are loaded once per build, and the sorted,
 * grouped views every page uses are computed here (rules in src/lib/reading-list.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { entriesBySection, groupByKind, orderSections, type KindGroup } from './reading-list.ts';
import { domainOf } from './urls.ts';

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

/** Sections in home-page order. */
export const sections: Section[] = orderSections(sectionEntries);

const bySection = entriesBySection(allEntries);

export interface SectionView {
  section: Section;
  /** Every entry of the section, in reading order. */
  entries: Entry[];
  /** The same entries as the page shows them: Framing, then Selected Approaches. */
  groups: KindGroup<Entry>[];
}

/** One view per section, in order; entries grouped once for all pages. */
export const sectionViews: SectionView[] = sections.map((section) => {
  const entries = bySection.get(section.id) ?? [];
  return { section, entries, groups: groupByKind(entries) };
});

const sectionTitles = new Map(sections.map((section) => [section.id, section.data.title]));
export const sectionTitle = (sectionId: string) => sectionTitles.get(sectionId) ?? sectionId;

/** All entries in reading order: sections in order, each Framing first. */
export const entries: Entry[] = sectionViews.flatMap((view) => view.entries);

/** The part of an entry's id after the section: its file name without `.md`. */
export const entrySlug = (entry: Entry) => entry.id.slice(entry.id.indexOf('/') + 1);

export const entryDomain = (entry: Entry) => domainOf(entry.data.url);
