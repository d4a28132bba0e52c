/**
 * The "entries added over time" chart on the About page: counts per month, laid out as bars for an
 * inline SVG drawn at build time (no chart library, no client script).
 */

export interface MonthCount {
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

const monthIndex = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return year * 12 + (m - 1);
};
const monthName = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Entries per month from the first month with an entry to the last, months without one counted 0. */
export function countByMonth(days: readonly (string | undefined)[]): MonthCount[] {
  const counts = new Map<number, number>();
  for (const day of days) {
    if (!day) continue;
    const index = monthIndex(day.slice(0, 7));
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const indices = [...counts.keys()];
  const first = Math.min(...indices);
  const last = Math.max(...indices);
  const months: MonthCount[] = [];
  for (let index = first; index <= last; index++) months.push({ month: monthName(index), count: counts.get(index) ?? 0 });
  return months;
}

export interface Bar {
  month: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Where bars stand (the x axis), in SVG units from the top. */
  baseline: number;
  /** The highest count, labelled at the top of the axis. */
  max: number;
  bars: Bar[];
}

/**
 * Bars for `months` in a `width`×`height` box: equal widths with a gap, heights proportional to the
 * count (the tallest reaches the top of the plot), room left below for labels. Numbers are rounded to
 * two decimals so the SVG stays small and stable.
 */
export function layoutBars(months: readonly MonthCount[], { width = 600, height = 200, bottom = 24, top = 8 } = {}): ChartLayout {
  const round = (n: number) => Math.round(n * 100) / 100;
  const max = Math.max(0, ...months.map((m) => m.count));
  const baseline = height - bottom;
  const plot = baseline - top;
  const slot = months.length ? width / months.length : 0;
  const gap = Math.min(slot * 0.2, 4);
  return {
    width,
    height,
    baseline,
    max,
    bars: months.map((m, i) => {
      const barHeight = max ? round((m.count / max) * plot) : 0;
      return {
        month: m.month,
        count: m.count,
        x: round(i * slot + gap / 2),
        y: round(baseline - barHeight),
        width: round(slot - gap),
        height: barHeight,
      };
    }),
  };
}

/** A one-sentence summary of the chart, for its <desc> and for readers who do not see it. */
export function chartSummary(months: readonly MonthCount[]): string {
  if (months.length === 0) return 'No entry has a known date it was added.';
  const total = months.reduce((sum, m) => sum + m.count, 0);
  const busiest = months.reduce((best, m) => (m.count > best.count ? m : best));
  const span = months.length === 1 ? `in ${months[0]!.month}` : `from ${months[0]!.month} to ${months.at(-1)!.month}`;
  return `${total} ${total === 1 ? 'entry' : 'entries'} with a known date, added ${span}; the most in one month was ${busiest.count}, in ${busiest.month}.`;
}
