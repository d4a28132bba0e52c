/**
 * What a change does to the list, from the list before and after it: entries added, removed,
 * changed (field by field), moved between sections, cross-listed; sections added, removed, changed;
 * the list's own fields. Pure: both lists come in already read.
 */
import type { EntryFile, ReadingListFiles, SectionFile } from '../content/content-files.ts';
import { listingsOf, type Listing } from '../content/list-shape.ts';
import { normaliseUrl } from '../content/urls.ts';

export type ListRevision = Pick<ReadingListFiles, 'list' | 'sections' | 'entries' | 'problems'>;

/** An entry's fields a reader sees change, apart from where it is listed (moves and cross-listings are told apart). */
export const ENTRY_FIELDS = ['title', 'url', 'kind', 'quotes', 'tags', 'notes', 'added', 'order', 'status', 'file'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export interface EntryChange {
  before: EntryFile;
  after: EntryFile;
  /** Fields that differ, in the order above (`file`: the file was renamed or moved). */
  fields: EntryField[];
  /** Set when the entry's own section changed. */
  moved?: { from: Listing; to: Listing };
  quotes: { added: string[]; removed: string[]; reordered: boolean };
  tags: { added: string[]; removed: string[] };
  /** Cross-listings (`also_in`) gained, lost, or moved to another group or position. */
  crossListings: { added: Listing[]; removed: Listing[]; changed: { before: Listing; after: Listing }[] };
}

export const SECTION_FIELDS = ['title', 'summary', 'order', 'parent', 'groups', 'intro'] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];

export interface SectionChange {
  before: SectionFile;
  after: SectionFile;
  fields: SectionField[];
}

export interface ListChanges {
  added: EntryFile[];
  removed: EntryFile[];
  /** Entries present before and after with any difference (see `fields`, `moved`, `crossListings`). */
  changed: EntryChange[];
  /** Entry files that were readable before and cannot be read now (their problems are in the validation). */
  unreadable: { before: EntryFile; file: string }[];
  sections: { added: SectionFile[]; removed: SectionFile[]; changed: SectionChange[] };
  /** The list's own fields (`title`, `description`, `groups`) that changed. */
  list: ('title' | 'description' | 'groups')[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Items of `after` not in `before`, each counted (a quote written twice is two). */
function missingFrom<T>(after: readonly T[], before: readonly T[]): T[] {
  const left = [...before];
  return after.filter((item) => {
    const index = left.indexOf(item);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
}

const listingKey = (listing: Listing) => listing.section;

function crossListingChanges(before: EntryFile, after: EntryFile): EntryChange['crossListings'] {
  const was = new Map(before.data.also_in.map((listing) => [listingKey(listing), listing]));
  const now = new Map(after.data.also_in.map((listing) => [listingKey(listing), listing]));
  return {
    added: after.data.also_in.filter((listing) => !was.has(listingKey(listing))),
    removed: before.data.also_in.filter((listing) => !now.has(listingKey(listing))),
    changed: after.data.also_in.flatMap((listing) => {
      const previous = was.get(listingKey(listing));
      return previous && !same(previous, listing) ? [{ before: previous, after: listing }] : [];
    }),
  };
}

function entryValue(entry: EntryFile, field: EntryField): unknown {
  if (field === 'notes') return entry.body.trim();
  if (field === 'file') return entry.file;
  return entry.data[field];
}

/** How one entry differs between two revisions; undefined when it does not. */
export function entryChange(before: EntryFile, after: EntryFile): EntryChange | undefined {
  const fields = ENTRY_FIELDS.filter((field) => !same(entryValue(before, field), entryValue(after, field)));
  const [from, to] = [listingsOf(before.data)[0]!, listingsOf(after.data)[0]!];
  const moved = before.data.section !== after.data.section ? { from, to } : undefined;
  const crossListings = crossListingChanges(before, after);
  const listed = crossListings.added.length + crossListings.removed.length + crossListings.changed.length > 0;
  if (fields.length === 0 && !moved && !listed) return undefined;
  const quotesAdded = missingFrom(after.data.quotes, before.data.quotes);
  const quotesRemoved = missingFrom(before.data.quotes, after.data.quotes);
  return {
    before,
    after,
    fields,
    ...(moved ? { moved } : {}),
    quotes: {
      added: quotesAdded,
      removed: quotesRemoved,
      reordered: quotesAdded.length === 0 && quotesRemoved.length === 0 && !same(before.data.quotes, after.data.quotes),
    },
    tags: { added: missingFrom(after.data.tags, before.data.tags), removed: missingFrom(before.data.tags, after.data.tags) },
    crossListings,
  };
}

function sectionChange(before: SectionFile, after: SectionFile): SectionChange | undefined {
  const value = (section: SectionFile, field: SectionField) => (field === 'intro' ? section.body.trim() : section.data[field]);
  const fields = SECTION_FIELDS.filter((field) => !same(value(before, field), value(after, field)));
  return fields.length ? { before, after, fields } : undefined;
}

/** The slug of an entry file's path (`content/entries/a/b.md` → `b`). */
const slugOfFile = (file: string) => file.split('/').pop()!.replace(/\.md$/, '');

/**
 * Compares two revisions of the list. An entry is the same entry when its slug is (slugs are unique
 * across the list, and a move keeps the file name), else when its URL is (a renamed file).
 */
export function listChanges(base: ListRevision, head: ListRevision): ListChanges {
  const headBySlug = new Map(head.entries.map((entry) => [entry.slug, entry]));
  const pairs: [EntryFile, EntryFile][] = [];
  const unmatchedBase: EntryFile[] = [];
  const matched = new Set<EntryFile>();
  for (const entry of base.entries) {
    const found = headBySlug.get(entry.slug);
    if (found) {
      pairs.push([entry, found]);
      matched.add(found);
    } else unmatchedBase.push(entry);
  }
  const headByUrl = new Map(
    head.entries.filter((entry) => !matched.has(entry)).map((entry) => [normaliseUrl(entry.data.url), entry]),
  );
  // Files with problems now: an entry in one of them was not removed, it cannot be read.
  const brokenBySlug = new Map(
    head.problems
      .filter((problem) => problem.file.endsWith('.md') && problem.file.includes('/entries/'))
      .map((problem) => [slugOfFile(problem.file), problem.file]),
  );
  const removed: EntryFile[] = [];
  const unreadable: ListChanges['unreadable'] = [];
  for (const entry of unmatchedBase) {
    const renamed = headByUrl.get(normaliseUrl(entry.data.url));
    if (renamed) {
      pairs.push([entry, renamed]);
      matched.add(renamed);
      headByUrl.delete(normaliseUrl(entry.data.url));
      continue;
    }
    const broken = brokenBySlug.get(entry.slug);
    if (broken) unreadable.push({ before: entry, file: broken });
    else removed.push(entry);
  }
  const changed = pairs.flatMap(([before, after]) => entryChange(before, after) ?? []);

  const baseSections = new Map(base.sections.map((section) => [section.id, section]));
  const headSections = new Map(head.sections.map((section) => [section.id, section]));
  const listFields = (['title', 'description', 'groups'] as const).filter(
    (field) => !same(base.list?.data[field], head.list?.data[field]),
  );
  return {
    added: head.entries.filter((entry) => !matched.has(entry)),
    removed,
    changed,
    unreadable,
    sections: {
      added: head.sections.filter((section) => !baseSections.has(section.id)),
      removed: base.sections.filter((section) => !headSections.has(section.id)),
      changed: head.sections.flatMap((section) => {
        const before = baseSections.get(section.id);
        return before ? (sectionChange(before, section) ?? []) : [];
      }),
    },
    list: base.list && head.list ? listFields : [],
  };
}

/** True when the change touches nothing in the list. */
export function isEmpty(changes: ListChanges): boolean {
  const { added, removed, changed, unreadable, sections, list } = changes;
  return [added, removed, changed, unreadable, sections.added, sections.removed, sections.changed, list].every(
    (items) => items.length === 0,
  );
}
