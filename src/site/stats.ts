/** Counts for the About page: entries per section and per declared group, in the shape the list declares. */
import { sectionGroupIds, sectionTree } from '../content/list-shape.ts';
import { DEFAULT_GROUPS, type GroupDeclaration, type SectionData } from '../schemas/content.ts';

type EntryKind = string;

export interface CountRow {
  id: string;
  title: string;
  /** Entries per group, in the declared order. */
  byKind: Record<EntryKind, number>;
  /** Entries listed without a group (in a section that shows none). */
  ungrouped: number;
  total: number;
}

export interface ListCounts {
  kinds: { kind: EntryKind; heading: string }[];
  rows: CountRow[];
  totals: CountRow;
}

/** One row per section (in the order given), plus totals; every declared group has a column, even at 0. */
export function listCounts(
  sections: readonly { id: string; title: string; kinds: readonly (EntryKind | undefined)[] }[],
  groups: readonly GroupDeclaration[] = DEFAULT_GROUPS,
): ListCounts {
  const zero = () => Object.fromEntries(groups.map((group) => [group.id, 0])) as Record<EntryKind, number>;
  const totals: CountRow = { id: 'total', title: 'All sections', byKind: zero(), ungrouped: 0, total: 0 };
  const rows = sections.map(({ id, title, kinds }) => {
    const row: CountRow = { id, title, byKind: zero(), ungrouped: 0, total: kinds.length };
    for (const kind of kinds) {
      if (kind === undefined) {
        row.ungrouped += 1;
        totals.ungrouped += 1;
        continue;
      }
      row.byKind[kind] = (row.byKind[kind] ?? 0) + 1;
      totals.byKind[kind] = (totals.byKind[kind] ?? 0) + 1;
    }
    totals.total += kinds.length;
    return row;
  });
  return { kinds: groups.map((group) => ({ kind: group.id, heading: group.heading })), rows, totals };
}

interface SectionLike {
  id: string;
  data: Pick<SectionData, 'title' | 'order' | 'parent' | 'groups'>;
}

/** A section's row in the About page's table: its counts and where it sits in the tree. */
export interface CountTableRow extends CountRow {
  /** The titles of the sections above it, top level first (none for a top-level section). */
  path: string[];
  /** Its own entries and those of every section below it. */
  withSubsections: number;
}

export interface CountTable {
  /** The group columns: the declared groups that some section shows, in the declared order. */
  kinds: { kind: EntryKind; heading: string }[];
  /** Some entries are listed without a group: the table has a column for them. */
  hasUngrouped: boolean;
  /** Sections nest: the table has a column counting each section with its sub-sections. */
  nested: boolean;
  /** Sections depth first (a parent, then its sub-sections), in reading order. */
  rows: CountTableRow[];
  totals: CountRow;
}

/**
 * The counts as the About page shows them: rows in the order of the section tree, each with the path
 * above it; columns for the groups sections show, for entries without a group if any, and for a
 * section with its sub-sections when sections nest.
 */
export function countTable(counts: ListCounts, sections: readonly SectionLike[]): CountTable {
  const tree = sectionTree(sections);
  const groups = counts.kinds.map(({ kind, heading }) => ({ id: kind, heading }));
  const shown = new Set(sections.flatMap((section) => sectionGroupIds(section.data, groups)));
  const byId = new Map(counts.rows.map((row) => [row.id, row]));
  const zero = (section: SectionLike): CountRow => ({
    id: section.id,
    title: section.data.title,
    byKind: Object.fromEntries(groups.map((group) => [group.id, 0])),
    ungrouped: 0,
    total: 0,
  });
  const rowOf = (section: SectionLike) => byId.get(section.id) ?? zero(section);
  return {
    kinds: counts.kinds.filter(({ kind }) => shown.has(kind)),
    hasUngrouped: counts.totals.ungrouped > 0,
    nested: sections.some((section) => tree.ancestorsOf(section.id).length > 0),
    rows: tree.inOrder.map((section) => ({
      ...rowOf(section),
      path: tree.ancestorsOf(section.id).map((ancestor) => ancestor.data.title),
      withSubsections: tree.subtreeOf(section.id).reduce((sum, below) => sum + rowOf(below).total, 0),
    })),
    totals: counts.totals,
  };
}
