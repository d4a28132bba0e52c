/**
 * The section tree as readers browse it: how many entries each section lists (its own listing, and
 * its whole subtree with no entry counted twice), the listing of a whole subtree, the blocks a
 * section page shows for its sub-sections, breadcrumb trails, and names that tell apart sections
 * sharing a title. Pure functions over `sectionTree` (src/content/list-shape.ts); site-data.ts
 * applies them once per build.
 */
import type { SectionTree } from '../content/list-shape.ts';

interface SectionLike {
  id: string;
  data: { title: string };
}

export interface SectionCounts {
  /** Entries in the section's own listing: its own entries and those cross-listed into it. */
  own: number;
  /** Distinct entries listed in the section or any section below it (a cross-listed one counts once). */
  total: number;
}

/** Every section's counts, from the ids each section's own listing holds. */
export function sectionCounts<Section extends SectionLike>(
  tree: SectionTree<Section>,
  listedIds: (sectionId: string) => readonly string[],
): Map<string, SectionCounts> {
  const below = new Map<string, Set<string>>();
  const counts = new Map<string, SectionCounts>();
  // Children come after their parent in `inOrder`: walking it backwards sees every child first.
  for (const section of [...tree.inOrder].reverse()) {
    const own = listedIds(section.id);
    const children = tree.childrenOf(section.id);
    let ids: Set<string>;
    if (children.length === 0) ids = new Set(own);
    else {
      ids = new Set(own);
      for (const child of children) for (const id of below.get(child.id) ?? []) ids.add(id);
      for (const child of children) below.delete(child.id); // no longer needed: keeps memory to one level
    }
    below.set(section.id, ids);
    counts.set(section.id, { own: own.length, total: ids.size });
  }
  return counts;
}

const numbers = new Intl.NumberFormat('en');
/** A count as the site writes numbers: "3,033". */
export const formatNumber = (n: number) => numbers.format(n);

/** `n links` (`1 link`, `3,033 links`). */
export const linkCount = (n: number) => `${formatNumber(n)} link${n === 1 ? '' : 's'}`;

/**
 * What a section's count reads on the home page and in sub-section blocks: "14 links" for a
 * section with nothing below it (as before sections nested), else how many are its own and how many
 * its sub-sections add.
 */
export function countLabel({ own, total }: SectionCounts): string {
  if (own === total) return linkCount(total);
  if (own === 0) return `${linkCount(total)} in its sub-sections`;
  return `${linkCount(own)} here, ${formatNumber(total)} with its sub-sections`;
}

/**
 * The entries of a section and every section below it, each once: the section's own listing first,
 * then its sub-sections' in tree order (for a section's feed).
 */
export function subtreeListing<Section extends SectionLike, Entry extends { id: string }>(
  tree: SectionTree<Section>,
  sectionId: string,
  listingOf: (sectionId: string) => readonly Entry[],
): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const section of tree.subtreeOf(sectionId)) {
    for (const entry of listingOf(section.id)) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      out.push(entry);
    }
  }
  return out;
}

/**
 * A sub-section's listing is shown inline on its parent's page when it holds at most this many
 * entries: about a screen or two, so a short sub-section reads without a click, while a long one
 * (which has its own, paginated page) costs its parent one line.
 */
export const INLINE_LISTING_LIMIT = 10;

/**
 * At most this many entries are shown inline on one parent page, all sub-sections together (the
 * size of one listing page): a parent with many short sub-sections stays about as light as any
 * listing page; the sub-sections past the budget get a link and a count instead.
 */
export const INLINE_BUDGET = 100;

export interface SubsectionBlock<Section> {
  section: Section;
  counts: SectionCounts;
  /** Its own listing is shown on the parent's page. */
  inline: boolean;
  /** Its own sub-sections, shown as links with counts. */
  children: { section: Section; counts: SectionCounts }[];
}

/** What a section page shows after its own listing: each sub-section, inline when short, else a link and count. */
export function subsectionBlocks<Section extends SectionLike>(
  tree: SectionTree<Section>,
  sectionId: string,
  counts: ReadonlyMap<string, SectionCounts>,
  { limit = INLINE_LISTING_LIMIT, budget = INLINE_BUDGET } = {},
): SubsectionBlock<Section>[] {
  const countsOf = (id: string) => counts.get(id) ?? { own: 0, total: 0 };
  let shown = 0;
  return tree.childrenOf(sectionId).map((section) => {
    const own = countsOf(section.id).own;
    const inline = own > 0 && own <= limit && shown + own <= budget;
    if (inline) shown += own;
    return {
      section,
      counts: countsOf(section.id),
      inline,
      children: tree.childrenOf(section.id).map((child) => ({ section: child, counts: countsOf(child.id) })),
    };
  });
}

/** The sections from the top level down to `sectionId`, itself last (empty for an unknown id). */
export function breadcrumbTrail<Section extends SectionLike>(tree: SectionTree<Section>, sectionId: string): Section[] {
  const section = tree.get(sectionId);
  return section ? [...tree.ancestorsOf(sectionId), section] : [];
}

/**
 * A name for each section that no other section shares, for search facets and "Also in": its
 * title; where titles repeat, the titles above it too, as far up as it takes ("Teams › Culture");
 * where even the whole trail repeats, its id in brackets.
 */
export function sectionLabels<Section extends SectionLike>(tree: SectionTree<Section>): Map<string, string> {
  const trails = new Map(tree.inOrder.map((section) => [section.id, breadcrumbTrail(tree, section.id).map((s) => s.data.title)]));
  const depth = new Map(tree.inOrder.map((section) => [section.id, 1]));
  const labelOf = (id: string) => trails.get(id)!.slice(-depth.get(id)!).join(' › ');
  for (let changed = true; changed;) {
    changed = false;
    const byLabel = new Map<string, string[]>();
    for (const id of trails.keys()) byLabel.set(labelOf(id), [...(byLabel.get(labelOf(id)) ?? []), id]);
    for (const ids of byLabel.values()) {
      if (ids.length < 2) continue;
      for (const id of ids) {
        if (depth.get(id)! < trails.get(id)!.length) {
          depth.set(id, depth.get(id)! + 1);
          changed = true;
        }
      }
    }
  }
  const counted = new Map<string, number>();
  for (const id of trails.keys()) counted.set(labelOf(id), (counted.get(labelOf(id)) ?? 0) + 1);
  return new Map([...trails.keys()].map((id) => [id, counted.get(labelOf(id))! > 1 ? `${labelOf(id)} (${id})` : labelOf(id)]));
}
