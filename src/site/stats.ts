/** Counts for the About page: entries per section and per kind. */
import { ENTRY_KINDS, KIND_HEADINGS, type EntryKind } from '../schemas/content.ts';

export interface CountRow {
  id: string;
  title: string;
  /** Entries per kind, in ENTRY_KINDS order. */
  byKind: Record<EntryKind, number>;
  total: number;
}

export interface ListCounts {
  kinds: { kind: EntryKind; heading: string }[];
  rows: CountRow[];
  totals: CountRow;
}

/** One row per section (in the order given), plus totals; every kind has a column, even at 0. */
export function listCounts(sections: readonly { id: string; title: string; kinds: readonly EntryKind[] }[]): ListCounts {
  const zero = () => Object.fromEntries(ENTRY_KINDS.map((kind) => [kind, 0])) as Record<EntryKind, number>;
  const totals: CountRow = { id: 'total', title: 'All sections', byKind: zero(), total: 0 };
  const rows = sections.map(({ id, title, kinds }) => {
    const row: CountRow = { id, title, byKind: zero(), total: kinds.length };
    for (const kind of kinds) {
      row.byKind[kind] += 1;
      totals.byKind[kind] += 1;
    }
    totals.total += kinds.length;
    return row;
  });
  return { kinds: ENTRY_KINDS.map((kind) => ({ kind, heading: KIND_HEADINGS[kind] })), rows, totals };
}
