/** Counts for the About page: entries per section and per kind. */
import { DEFAULT_GROUPS, type GroupDeclaration } from '../schemas/content.ts';

type EntryKind = string;

export interface CountRow {
  id: string;
  title: string;
  /** Entries per group, in the declared order. */
  byKind: Record<EntryKind, number>;
  total: number;
}

export interface ListCounts {
  kinds: { kind: EntryKind; heading: string }[];
  rows: CountRow[];
  totals: CountRow;
}

/** One row per section (in the order given), plus totals; every kind has a column, even at 0. */
export function listCounts(
  sections: readonly { id: string; title: string; kinds: readonly (EntryKind | undefined)[] }[],
  groups: readonly GroupDeclaration[] = DEFAULT_GROUPS,
): ListCounts {
  const zero = () => Object.fromEntries(groups.map((group) => [group.id, 0])) as Record<EntryKind, number>;
  const totals: CountRow = { id: 'total', title: 'All sections', byKind: zero(), total: 0 };
  const rows = sections.map(({ id, title, kinds }) => {
    const row: CountRow = { id, title, byKind: zero(), total: kinds.length };
    for (const kind of kinds) {
      if (kind === undefined) continue; // listed without a group
      row.byKind[kind] = (row.byKind[kind] ?? 0) + 1;
      totals.byKind[kind] = (totals.byKind[kind] ?? 0) + 1;
    }
    totals.total += kinds.length;
    return row;
  });
  return { kinds: groups.map((group) => ({ kind: group.id, heading: group.heading })), rows, totals };
}
