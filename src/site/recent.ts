/** Views by the day entries were added: newest first, for the "Recently added" page and the feeds. */

interface Dated {
  added: string | undefined;
}

/**
 * Dated entries newest first (same day: the order given, i.e. reading order), then the undated ones
 * in the order given. Stable; the input is not changed.
 */
export function newestFirst<Entry extends Dated>(entries: readonly Entry[]): Entry[] {
  const dated = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.added !== undefined)
    .sort((a, b) => (a.entry.added! < b.entry.added! ? 1 : a.entry.added! > b.entry.added! ? -1 : a.index - b.index))
    .map(({ entry }) => entry);
  return [...dated, ...entries.filter((entry) => entry.added === undefined)];
}

export interface AddedDay<Entry> {
  /** `YYYY-MM-DD`. */
  day: string;
  entries: Entry[];
}

/** The most recently added entries (at most `limit`, dated only), grouped by day, newest day first. */
export function recentlyAdded<Entry extends Dated>(entries: readonly Entry[], limit: number): AddedDay<Entry>[] {
  const days: AddedDay<Entry>[] = [];
  for (const entry of newestFirst(entries).slice(0, limit)) {
    if (entry.added === undefined) break;
    const last = days.at(-1);
    if (last && last.day === entry.added) last.entries.push(entry);
    else days.push({ day: entry.added, entries: [entry] });
  }
  return days;
}

/** `2024-05-31` → `31 May 2024` (UTC, English), for display beside a machine-readable <time>. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
