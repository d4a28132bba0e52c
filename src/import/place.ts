/**
 * Puts the plans of one or more pages into a list: which sections and groups they become, the
 * order of every entry, one file per link, and what changes in the list that is already there.
 * Pure: it reads the existing list through `ExistingList` and returns the files to write.
 *
 * - One page into an empty list is the list: its title is the list's title, its subtitle the list's
 *   description, its sections the list's sections. (So is a page whose title is the list's title:
 *   importing it again changes nothing.) Otherwise each page becomes a top-level section — or goes
 *   under `into` — titled and summarised by the page, with its headings as sub-sections.
 * - A link met twice (on the pages, or already in the list) is one entry, its quotes and notes
 *   joined, and reported. Met again in the same section, or in a section above or below one it is
 *   listed in, it is kept once there (the site shows a section's sub-sections with it); met in a
 *   section apart, it is cross-listed there too (`also_in`). An existing entry gains only the
 *   listings, quotes and notes it lacks, and only when its file is in the canonical layout.
 * - Existing list and section files are not replaced: one that differs from the page is kept as it
 *   is. Groups the pages use and the list lacks are appended to list.md, and each existing section
 *   that showed every declared group is given the `groups:` it showed (src/import/group-edits.ts),
 *   so what it offers contributors does not change; every other byte of those files stays.
 */
import { serialiseEntry, serialiseList, serialiseSection } from '../content/entry-file.ts';
import type { EntryFile, ReadingListFiles } from '../content/content-files.ts';
import { declaredGroups, listingsOf } from '../content/list-shape.ts';
import type { Problem } from '../content/problems.ts';
import { slugify, uniqueSlug } from '../content/slugs.ts';
import { normaliseUrl } from '../content/urls.ts';
import {
  DEFAULT_GROUPS,
  RESERVED_SECTION_IDS,
  type CrossListing,
  type EntryData,
  type GroupDeclaration,
  type ListData,
  type SectionData,
} from '../schemas/content.ts';
import { isNode, parseDocument, visit } from 'yaml';
import { underParagraph } from './conventions.ts';
import { appendListGroups, pinSectionGroups, YamlEditError } from './group-edits.ts';
import { blocksOf, markdownOf } from './markdown.ts';
import { PAGE_KEY, type ImportPlan, type PlanEntry, type PlanGroup, type PlanListing, type PlanSection } from './plan.ts';

/** The list already in the output folder. */
export interface ExistingList {
  /** Its valid files (the import refuses to start when it has problems). */
  files: Pick<ReadingListFiles, 'list' | 'sections' | 'entries'>;
  /** The text of a file, by its path in the folder (`entries/x/y.md`), if it exists. */
  read(path: string): string | undefined;
}

export interface PlaceOptions {
  /** Put each page under this existing section instead of at the top level. */
  into?: string | undefined;
  /** The list's title when several pages start a new list. */
  title?: string | undefined;
  /** How problems name a file of the output folder (`content/list.md`). */
  display(path: string): string;
}

/** A file the import writes: new, or an existing entry that gains listings, quotes or notes. */
export interface PlannedFile {
  /** Path within the output folder, `/`-separated. */
  path: string;
  text: string;
  /** Its text now, for an existing file; undefined for a new one. */
  current: string | undefined;
}

export interface Placement {
  files: PlannedFile[];
  /** Files that already hold exactly what the pages say. */
  unchanged: string[];
  /** Existing list and section files that differ from the pages, kept as they are. */
  kept: string[];
  /** Each page's lines that could not be read (what --skip-unmapped leaves out). */
  problems: Problem[];
  /** What stops the pages being placed at all: a missing `--into` section, groups list.md lacks. */
  blockers: Problem[];
  /** How many page lines the refusals cover (what --skip-unmapped leaves out). */
  unmappedLines: number;
  /** Lines to show: what was left out on purpose, cross-listed, joined. */
  notices: string[];
  counts: { sections: number; entries: number; quotes: number; notes: number; crossListings: number };
  /** Headings of the groups appended to list.md (the pages use them; the list did not declare them). */
  groupsAdded: string[];
  /** Existing section files given an explicit `groups:`, so they keep offering the groups they offered. */
  sectionsPinned: string[];
}

interface Occurrence {
  entry: PlanEntry;
  listing: PlanListing;
  file: string;
  section: string;
  kind: string | undefined;
  order: number;
}

interface MergedEntry {
  file: string;
  line: number;
  data: EntryData;
  notes: string[];
  /** The slug the page gives its file, if any. */
  slug: string | undefined;
}

const DEFAULT_GROUP_IDS = new Set(DEFAULT_GROUPS.map((group) => group.id));

export function placePages(plans: readonly ImportPlan[], existing: ExistingList, options: PlaceOptions): Placement {
  const problems: Problem[] = plans.flatMap((plan) => plan.problems.map(({ lines: _lines, ...problem }) => problem));
  const unmappedLines = plans.reduce((sum, plan) => sum + plan.problems.reduce((n, problem) => n + problem.lines, 0), 0);
  const notices = plans.flatMap((plan) =>
    [...plan.notices].sort((a, b) => a.line - b.line).map((notice) => `${notice.file}:${notice.line}: ${notice.message}`),
  );
  const placement: Placement = {
    files: [],
    unchanged: [],
    kept: [],
    problems,
    blockers: [],
    unmappedLines,
    notices,
    counts: { sections: 0, entries: 0, quotes: 0, notes: 0, crossListings: 0 },
    groupsAdded: [],
    sectionsPinned: [],
  };
  const { files } = existing;
  const listIsEmpty = files.sections.length === 0 && files.entries.length === 0;
  const single = plans.length === 1 ? plans[0] : undefined;
  const pageIsList =
    single !== undefined && options.into === undefined && (listIsEmpty || files.list?.data.title === single.title?.text);
  const { blockers } = placement;
  if (options.into !== undefined && !files.sections.some((section) => section.id === options.into)) {
    blockers.push({
      file: options.display('sections'),
      line: 1,
      field: 'into',
      message: `no section "${options.into}" in the list to import into; the sections are ${files.sections.map((section) => `"${section.id}"`).join(', ') || 'none yet'}`,
    });
    return placement;
  }

  // ---- Groups: the list's own, then those the pages use that it lacks (appended to list.md). ----
  const shownBefore = declaredGroups(files.list?.data);
  const listGroups: GroupDeclaration[] = files.list ? [...shownBefore] : [];
  const groupIdOf = new Map<string, string>(); // `${plan index}\n${plan group id}` → list group id
  const missing: GroupDeclaration[] = [];
  plans.forEach((plan, index) => {
    for (const group of plan.groups) {
      const known =
        listGroups.find((listed) => listed.heading.toLowerCase() === group.heading.toLowerCase()) ??
        listGroups.find((listed) => listed.id === group.id);
      if (known) {
        groupIdOf.set(`${index}\n${group.id}`, known.id);
        continue;
      }
      const id = uniqueSlug(group.id, (candidate) => listGroups.some((listed) => listed.id === candidate));
      listGroups.push({ id, heading: group.heading });
      groupIdOf.set(`${index}\n${group.id}`, id);
      if (files.list) missing.push({ id, heading: group.heading });
    }
  });
  // A new list that only uses the first list's groups declares none, as the first list does.
  const declaresDefaults = (groups: readonly PlanGroup[]) =>
    groups.length === DEFAULT_GROUPS.length &&
    groups.every((group, index) => group.id === DEFAULT_GROUPS[index]!.id && group.heading === DEFAULT_GROUPS[index]!.heading);
  const newListGroups =
    listGroups.every((group) => DEFAULT_GROUP_IDS.has(group.id)) &&
    plans.every((plan) => !plan.groupsDeclared || declaresDefaults(plan.groups))
      ? undefined
      : listGroups;
  const listDeclares = files.list ? files.list.data.groups !== undefined || missing.length > 0 : newListGroups !== undefined;
  const kindOf = (planIndex: number, kind: string | undefined) =>
    kind === undefined ? undefined : groupIdOf.get(`${planIndex}\n${kind}`);

  // Existing files the import edits in place: list.md gains the groups, and each section that showed
  // every declared group names the ones it showed, so it does not start offering the new ones.
  const edits = new Map<string, string>();
  if (files.list && missing.length > 0) {
    const listText = existing.read('list.md');
    const sectionsShowingAll = files.sections.filter((section) => section.data.groups === undefined);
    try {
      if (listText === undefined) throw new YamlEditError('it cannot be read');
      edits.set('list.md', appendListGroups(listText, shownBefore, missing));
      placement.groupsAdded = missing.map((group) => group.heading);
      placement.notices.push(
        `${options.display('list.md')}: ${plural(missing.length, 'group')} the pages use added after the ${files.list.data.groups ? 'groups it declares' : `groups it showed (${shownBefore.map((group) => `"${group.heading}"`).join(', ')}), now declared`}: ${missing.map((group) => `"${group.heading}" (${group.id})`).join(', ')}`,
      );
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
      blockers.push({
        file: options.display('list.md'),
        line: 1,
        field: 'groups',
        message:
          `the pages list entries under groups the list does not declare (${missing.map((group) => `"${group.heading}"`).join(', ')}), ` +
          `and they cannot be appended to list.md without rewriting it (${error.message}); declare them there by hand:\ngroups:\n${listGroups.map((group) => `  - id: ${group.id}\n    heading: ${JSON.stringify(group.heading)}`).join('\n')}`,
      });
    }
    for (const section of sectionsShowingAll) {
      const path = `sections/${section.id}.md`;
      const text = existing.read(path);
      const ids = shownBefore.map((group) => group.id);
      try {
        if (text === undefined) throw new YamlEditError('it cannot be read');
        edits.set(path, pinSectionGroups(text, ids));
        placement.sectionsPinned.push(path);
        placement.notices.push(
          `${options.display(path)}: "groups: [${ids.join(', ')}]" written, so "${section.data.title}" keeps offering only the groups it offered`,
        );
      } catch (error) {
        if (!(error instanceof YamlEditError)) throw error;
        blockers.push({
          file: options.display(path),
          line: 1,
          field: 'groups',
          message: `shows every group the list declares, so it would start offering the new ones; it cannot be edited in place (${error.message}): add "groups: [${ids.join(', ')}]" to it by hand`,
        });
      }
    }
  }

  // ---- The list file. ----
  const rootIsSection = (plan: ImportPlan) =>
    plan.sections[0]!.groups.length > 0 || plan.entries.some((entry) => entry.listings[0]!.section === PAGE_KEY);
  // A file that is there already is never replaced: identical, it is unchanged; different, it is kept.
  // One the import edits in place (above) is written with that edit only.
  const add = (path: string, text: string) => {
    const current = existing.read(path);
    const edited = edits.get(path);
    if (edited !== undefined) {
      placement.files.push({ path, text: edited, current });
      edits.delete(path);
    } else if (current === text) placement.unchanged.push(path);
    else if (current !== undefined) placement.kept.push(path);
    else placement.files.push({ path, text, current });
  };
  const listBody = pageIsList && single && !rootIsSection(single) ? joinBlocks(single.sections[0]!.intro) : '';
  if (pageIsList || !files.list) {
    const data: ListData = {
      title: pageIsList && single?.title ? single.title.text : (options.title ?? 'Reading list'),
      ...(pageIsList && single?.description ? { description: single.description } : {}),
      ...(newListGroups ? { groups: newListGroups } : {}),
    };
    add('list.md', serialiseList(data, listBody));
  }

  // ---- Sections: ids, parents and order. ----
  const existingById = new Map(files.sections.map((section) => [section.id, section]));
  const plannedIds = new Set<string>();
  const idOfKey = new Map<string, string | undefined>(); // `${plan index}\n${key}` → section id (undefined: the list itself)
  const isFree = (id: string, parent: string | undefined) =>
    !(RESERVED_SECTION_IDS as readonly string[]).includes(id) &&
    !plannedIds.has(id) &&
    (!existingById.has(id) || existingById.get(id)!.data.parent === parent);
  // Ids the pages give their sections (an export's marks) are kept for them: a section without one
  // does not take one of those from a section further down.
  const givenIds = new Set(plans.flatMap((plan) => plan.sections.flatMap((section) => (section.id ? [section.id] : []))));
  const chooseId = (section: PlanSection, parent: string | undefined, file: string) => {
    if (section.id !== undefined) {
      if (isFree(section.id, parent)) return section.id;
      placement.notices.push(
        `${file}:${section.line}: the page gives "${section.title}" the id "${section.id}", which ${(RESERVED_SECTION_IDS as readonly string[]).includes(section.id) ? 'is reserved' : 'another section has'}: it gets another`,
      );
    }
    const wanted = slugify(section.title) || 'section';
    const free = (candidate: string) => isFree(candidate, parent) && (candidate === section.id || !givenIds.has(candidate));
    if (free(wanted)) return wanted;
    return uniqueSlug(parent ? `${parent}-${wanted}` : wanted, (candidate) => !free(candidate));
  };
  const topOrders = files.sections
    .filter((section) => section.data.parent === options.into)
    .map((section) => section.data.order ?? 0);
  let nextTopOrder = Math.max(0, ...topOrders) + 1;
  const titleOf = new Map<string, string>(files.sections.map((section) => [section.id, section.data.title]));
  const parentOf = new Map<string, string | undefined>(files.sections.map((section) => [section.id, section.data.parent]));
  plans.forEach((plan, planIndex) => {
    const siblings = new Map<string | undefined, number>();
    for (const section of plan.sections) {
      const isPage = section.key === PAGE_KEY;
      if (isPage && pageIsList && !rootIsSection(plan)) {
        idOfKey.set(`${planIndex}\n${section.key}`, undefined);
        continue;
      }
      const parent = isPage ? (pageIsList ? undefined : options.into) : idOfKey.get(`${planIndex}\n${section.parent}`);
      const id = chooseId(section, parent, plan.file);
      plannedIds.add(id);
      idOfKey.set(`${planIndex}\n${section.key}`, id);
      titleOf.set(id, section.title);
      const matched = existingById.get(id);
      let order: number;
      if (isPage && !pageIsList) {
        order = matched?.data.order ?? nextTopOrder++;
      } else {
        order = (siblings.get(parent) ?? 0) + 1;
        siblings.set(parent, order);
      }
      const groups = section.groups.map((group) => kindOf(planIndex, group)!);
      const showsDefaults =
        !listDeclares &&
        groups.length === DEFAULT_GROUPS.length &&
        groups.every((group, index) => group === DEFAULT_GROUPS[index]!.id);
      const summary = isPage && pageIsList ? undefined : section.summary;
      const data: SectionData = {
        title: section.title,
        ...(summary !== undefined ? { summary } : {}),
        order,
        ...(parent !== undefined ? { parent } : {}),
        ...(showsDefaults ? {} : { groups }),
      };
      add(`sections/${id}.md`, serialiseSection(data, joinBlocks(section.intro)));
      parentOf.set(id, parent);
      placement.counts.sections++;
    }
  });
  // The edits left are to files the pages do not place again (list.md of another list, its sections).
  for (const [path, text] of edits) placement.files.push({ path, text, current: existing.read(path) });
  edits.clear();

  // ---- Entries: every listing numbered in page order, then one entry per link. ----
  const occurrences: Occurrence[] = [];
  const counters = new Map<string, number>();
  plans.forEach((plan, planIndex) => {
    for (const entry of plan.entries) {
      for (const listing of entry.listings) {
        const section = idOfKey.get(`${planIndex}\n${listing.section}`);
        if (section === undefined) continue; // cannot happen: a page with its own entries is a section
        const kind = kindOf(planIndex, listing.kind);
        const key = `${section}\n${kind ?? ''}`;
        const order = (counters.get(key) ?? 0) + 1;
        counters.set(key, order);
        occurrences.push({ entry, listing, file: plan.file, section, kind, order });
      }
    }
  });
  const byUrl = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const key = normaliseUrl(occurrence.entry.url);
    const list = byUrl.get(key);
    if (list) list.push(occurrence);
    else byUrl.set(key, [occurrence]);
  }
  const merged: MergedEntry[] = [];
  const related = relatedSections(parentOf);
  for (const list of byUrl.values()) merged.push(mergeOccurrences(list, titleOf, related, placement));

  const existingByUrl = new Map(files.entries.map((entry) => [normaliseUrl(entry.data.url), entry]));
  const slugs = new Set(files.entries.map((entry) => entry.slug));
  // Slugs the pages give their entries are kept for them, as section ids are.
  const givenSlugs = new Set(merged.flatMap((entry) => (entry.slug ? [entry.slug] : [])));
  for (const entry of merged) {
    placement.counts.entries++;
    placement.counts.quotes += entry.data.quotes.length;
    placement.counts.notes += entry.notes.length;
    placement.counts.crossListings += entry.data.also_in.length;
    const owner = existingByUrl.get(normaliseUrl(entry.data.url));
    if (owner) {
      joinExisting(owner, entry, existing, placement, options, titleOf, related);
      continue;
    }
    let slug = entry.slug !== undefined && !slugs.has(entry.slug) ? entry.slug : undefined;
    if (entry.slug !== undefined && slug === undefined)
      placement.notices.push(
        `${entry.file}:${entry.line}: the page gives "${entry.data.title}" the file name "${entry.slug}.md", which another entry has: it gets another`,
      );
    slug ??= uniqueSlug(slugify(entry.data.title), (candidate) => slugs.has(candidate) || givenSlugs.has(candidate));
    slugs.add(slug);
    add(`entries/${entry.data.section}/${slug}.md`, serialiseEntry(entry.data, joinBlocks(entry.notes)));
  }
  return placement;
}

/** The section of `listed` a listing in `section` falls in (the same, one above it, or one below it), if any. */
type Related = (
  section: string,
  listed: readonly string[],
) => { section: string; relation: 'same' | 'above' | 'below' } | undefined;

/**
 * The section of `listed` that `section` is, or sits under, or holds: a link there again is the same
 * listing on the site (a section shows its sub-sections' entries), so it is merged, not cross-listed.
 */
function relatedSections(parentOf: ReadonlyMap<string, string | undefined>): Related {
  const ancestors = (id: string) => {
    const chain = new Set<string>();
    for (let parent = parentOf.get(id); parent !== undefined && !chain.has(parent); parent = parentOf.get(parent))
      chain.add(parent);
    return chain;
  };
  return (section, listed) => {
    const above = ancestors(section);
    for (const other of listed) {
      if (other === section) return { section: other, relation: 'same' };
      if (above.has(other)) return { section: other, relation: 'above' };
      if (ancestors(other).has(section)) return { section: other, relation: 'below' };
    }
    return undefined;
  };
}

/**
 * Markdown blocks as one text. Two lists in a row need different bullets, or they read back as one
 * list: written as one document then (the writer alternates the bullet), else joined as they are.
 */
function joinBlocks(parts: readonly string[]): string {
  const adjacentLists = parts.some(
    (part, index) => index > 0 && blocksOf(parts[index - 1]!).at(-1)?.type === 'list' && blocksOf(part)[0]?.type === 'list',
  );
  return adjacentLists ? markdownOf(parts.flatMap((part) => blocksOf(part))) : parts.join('\n\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Notes `blocks` adds to `existing`, compared block by block (a note inside a longer one is still new). */
function newBlocks(blocks: readonly string[], existing: readonly string[]): string[] {
  const seen = new Set(existing.map((block) => block.trim()));
  const added: string[] = [];
  for (const block of blocks) {
    if (seen.has(block.trim())) continue;
    seen.add(block.trim());
    added.push(block);
  }
  return added;
}

/**
 * One entry from every occurrence of a link: the first full one owns it. Another occurrence in the
 * same section, or in a section above or below one it is listed in, is merged into that listing; one
 * in a section apart is a cross-listing. Quotes, tags and notes of every occurrence are joined.
 */
function mergeOccurrences(
  list: Occurrence[],
  titleOf: ReadonlyMap<string, string>,
  related: Related,
  placement: Placement,
): MergedEntry {
  const owner = list.find((occurrence) => !occurrence.entry.repeat) ?? list[0]!;
  const { entry } = owner;
  const notes = [...entry.notes];
  if (entry.under) notes.push(markdownOf([underParagraph(entry.under)]));
  const data: EntryData = {
    title: entry.title,
    url: entry.url,
    section: owner.section,
    ...(owner.kind !== undefined ? { kind: owner.kind } : {}),
    order: owner.order,
    ...(entry.added !== undefined ? { added: entry.added } : {}),
    quotes: [...entry.quotes],
    tags: [...new Set(entry.tags)],
    also_in: [],
  };
  for (const other of list) {
    if (other === owner) continue;
    const where = `${other.file}:${other.listing.line}`;
    const first = `${owner.file}:${owner.listing.line}`;
    const listed = [data.section, ...data.also_in.map((listing) => listing.section)];
    const same = related(other.section, listed);
    const gained: string[] = [];
    if (other.entry !== entry) {
      const quotes = other.entry.quotes.filter((quote) => !data.quotes.includes(quote));
      data.quotes.push(...quotes);
      for (const tag of other.entry.tags) if (!data.tags.includes(tag)) data.tags.push(tag);
      const otherNotes = [...other.entry.notes, ...(other.entry.under ? [markdownOf([underParagraph(other.entry.under)])] : [])];
      const added = newBlocks(otherNotes, notes);
      notes.push(...added);
      if (quotes.length) gained.push(plural(quotes.length, 'quote'));
      if (added.length) gained.push(plural(added.length, 'note'));
    }
    const joined = gained.length ? `its ${gained.join(' and ')} joined to it` : 'nothing new in it';
    if (same !== undefined) {
      const sub = `"${titleOf.get(other.section)}"`;
      const relation =
        same.relation === 'same' ? '' : same.relation === 'above' ? `, which holds ${sub},` : `, a sub-section of ${sub},`;
      if (!other.entry.repeat)
        placement.notices.push(
          `${where}: "${other.entry.title}" is listed in "${titleOf.get(same.section)}"${relation} already (${first}): one entry, kept once there, ${joined}`,
        );
    } else {
      const listing: CrossListing = {
        section: other.section,
        ...(other.kind !== undefined ? { kind: other.kind } : {}),
        order: other.order,
      };
      data.also_in.push(listing);
      if (!other.entry.repeat)
        placement.notices.push(
          `${where}: "${other.entry.title}" is listed at ${first} too: one entry, cross-listed in "${titleOf.get(other.section)}", ${joined}`,
        );
    }
  }
  return { file: owner.file, line: owner.listing.line, data, notes, slug: entry.slug };
}

/** A link already in the list: its entry gains the listings, quotes, tags and notes it lacks. */
function joinExisting(
  owner: EntryFile,
  entry: MergedEntry,
  existing: ExistingList,
  placement: Placement,
  options: PlaceOptions,
  titleOf: ReadonlyMap<string, string>,
  related: Related,
): void {
  const path = `entries/${owner.id}.md`;
  const where = `${entry.file}:${entry.line}`;
  const listed = listingsOf(owner.data).map((listing) => listing.section);
  const newListings = listingsOf(entry.data)
    .filter((listing) => related(listing.section, listed) === undefined)
    .map((listing): CrossListing => ({
      section: listing.section,
      ...(listing.kind !== undefined ? { kind: listing.kind } : {}),
      ...(listing.order !== undefined ? { order: listing.order } : {}),
    }));
  const newQuotes = entry.data.quotes.filter((quote) => !owner.data.quotes.includes(quote));
  const newTags = entry.data.tags.filter((tag) => !owner.data.tags.includes(tag));
  const body = owner.body.trim();
  // Block by block, as written and as the importer writes Markdown: a new note that happens to be
  // part of a longer existing one is still added.
  const newNotes = newBlocks(entry.notes, [...blocksOf(body).map((block) => markdownOf([block])), ...body.split(/\n[^\S\n]*\n/)]);
  if (newListings.length + newQuotes.length + newTags.length + newNotes.length === 0) {
    placement.unchanged.push(path);
    return;
  }
  const current = existing.read(path);
  // The file is written again in the canonical layout with what it gains; its data and notes are kept
  // as they are. Only comments in its frontmatter would be lost, so a file with comments is left to
  // the maintainer.
  const canonical = current === serialiseEntry(owner.data, owner.body);
  if (!canonical && current !== undefined && hasFrontmatterComments(current)) {
    placement.blockers.push({
      file: options.display(path),
      line: 1,
      field: 'file',
      message: `already holds ${entry.data.url} (${where}); the import would add ${describe(newListings, newQuotes, newNotes, titleOf)} to it, but rewriting it would lose the comments in its frontmatter: add them by hand`,
    });
    return;
  }
  const data: EntryData = {
    ...owner.data,
    quotes: [...owner.data.quotes, ...newQuotes],
    tags: [...owner.data.tags, ...newTags],
    also_in: [...owner.data.also_in, ...newListings],
  };
  placement.files.push({ path, text: serialiseEntry(data, [body, ...newNotes].filter(Boolean).join('\n\n')), current });
  placement.notices.push(
    `${where}: "${entry.data.title}" is already in the list (${options.display(path)}): ${describe(newListings, newQuotes, newNotes, titleOf)} added to it${canonical ? '' : ' (the file is rewritten in the layout "npm run new" writes)'}`,
  );
}

function describe(listings: CrossListing[], quotes: string[], notes: string[], titleOf: ReadonlyMap<string, string>): string {
  const parts = [
    ...listings.map((listing) => `a listing in "${titleOf.get(listing.section) ?? listing.section}"`),
    ...(quotes.length ? [`${quotes.length} quote${quotes.length === 1 ? '' : 's'}`] : []),
    ...(notes.length ? [`${notes.length} note${notes.length === 1 ? '' : 's'}`] : []),
  ];
  return parts.join(', ') || 'tags';
}

/** True when an entry file's frontmatter holds YAML comments, which rewriting it would drop. */
function hasFrontmatterComments(text: string): boolean {
  const match = /^---[^\S\n]*\n([\s\S]*?)\n---/.exec(text.replace(/\r\n?/g, '\n'));
  if (!match) return false;
  let found = false;
  const doc = parseDocument(match[1] ?? '');
  if (doc.commentBefore || doc.comment) return true;
  visit(doc, (_key, node) => {
    if (isNode(node) && (node.commentBefore || node.comment)) found = true;
  });
  return found;
}
