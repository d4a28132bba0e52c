/**
 * A hand-written SVG chart of the results: build time (and its phases, and validate) against N on the
 * left, peak memory against N on the right; both axes logarithmic. Targets are drawn as dashed lines.
 */
import { phaseMs, type BenchResults } from './results.ts';

interface Series {
  label: string;
  color: string;
  points: [number, number][];
  dash?: string;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function niceTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

function panel(
  x0: number,
  title: string,
  yLabel: string,
  series: Series[],
  format: (v: number) => string,
  targets: { value: number; label: string }[],
  ns: number[],
): string {
  const w = 400;
  const h = 300;
  const left = x0 + 60;
  const right = x0 + w - 20;
  const top = 40;
  const bottom = h - 50;
  const values = [...series.flatMap((s) => s.points.map((p) => p[1])), ...targets.map((t) => t.value)].filter((v) => v > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const xMin = Math.min(...ns) / 1.5;
  const xMax = Math.max(...ns) * 1.5;
  const x = (v: number) => left + ((Math.log10(v) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * (right - left);
  const y = (v: number) => bottom - ((Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (bottom - top);
  const out: string[] = [];
  out.push(`<text x="${x0 + w / 2}" y="20" text-anchor="middle" font-weight="bold">${esc(title)}</text>`);
  out.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#999"/>`);
  for (const t of niceTicks(yMin, yMax)) {
    out.push(`<line x1="${left}" x2="${right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${esc(format(t))}</text>`);
  }
  for (const v of ns) {
    out.push(`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top}" y2="${bottom}" stroke="#eee"/>`);
    out.push(
      `<text x="${x(v).toFixed(1)}" y="${bottom + 16}" text-anchor="middle" font-size="11">${v.toLocaleString('en-GB')}</text>`,
    );
  }
  out.push(`<text x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle" font-size="12">entries (log scale)</text>`);
  out.push(
    `<text x="${x0 + 14}" y="${(top + bottom) / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${x0 + 14} ${(top + bottom) / 2})">${esc(yLabel)}</text>`,
  );
  for (const t of targets) {
    out.push(
      `<line x1="${left}" x2="${right}" y1="${y(t.value).toFixed(1)}" y2="${y(t.value).toFixed(1)}" stroke="#c00" stroke-dasharray="6 4"/>`,
    );
    out.push(`<text x="${left + 4}" y="${(y(t.value) - 4).toFixed(1)}" font-size="11" fill="#c00">${esc(t.label)}</text>`);
  }
  series.forEach((s, i) => {
    const pts = s.points.filter((p) => p[1] > 0);
    if (!pts.length) return;
    out.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} points="${pts.map((p) => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ')}"/>`,
    );
    for (const p of pts) out.push(`<circle cx="${x(p[0]).toFixed(1)}" cy="${y(p[1]).toFixed(1)}" r="3" fill="${s.color}"/>`);
    // Legend under the plot, two columns.
    const lx = left - 40 + (i % 2) * 190;
    const ly = bottom + 56 + Math.floor(i / 2) * 16;
    out.push(
      `<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    out.push(`<text x="${lx + 22}" y="${ly}" font-size="11">${esc(s.label)}</text>`);
  });
  return out.join('\n');
}

export function chart(results: BenchResults): string {
  const ns = results.sizes.map((r) => r.entries);
  const sec = (ms: number) => ms / 1000;
  const per = (f: (r: BenchResults['sizes'][number]) => number) =>
    results.sizes.map((r) => [r.entries, f(r)] as [number, number]);
  const time: Series[] = [
    { label: 'build, cold (total)', color: '#1f4e9c', points: per((r) => sec(r.cold.wallMs)) },
    { label: 'build, warm (total)', color: '#1f4e9c', dash: '3 3', points: per((r) => sec(r.warm?.wallMs ?? 0)) },
    { label: 'content loading', color: '#2a9d8f', points: per((r) => sec(phaseMs(r.cold, 'content'))) },
    { label: 'rendering', color: '#e9a03b', points: per((r) => sec(phaseMs(r.cold, 'render'))) },
    { label: 'Pagefind indexing', color: '#8e44ad', points: per((r) => sec(phaseMs(r.cold, 'index'))) },
    { label: 'validate', color: '#555', points: per((r) => sec(r.validate.wallMs)) },
  ];
  const memory: Series[] = [
    { label: 'build peak (process tree)', color: '#1f4e9c', points: per((r) => r.cold.peakRss / 1e6) },
    { label: 'largest process', color: '#e9a03b', points: per((r) => r.cold.peakProcess.rss / 1e6) },
    { label: 'validate peak RSS', color: '#555', points: per((r) => r.validate.peakRss / 1e6) },
  ];
  const fmtS = (v: number) => (v >= 1 ? `${v} s` : `${v * 1000} ms`);
  const fmtMB = (v: number) => (v >= 1000 ? `${v / 1000} GB` : `${v} MB`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="820" height="380" viewBox="0 0 820 380" font-family="system-ui, sans-serif" font-size="12">
<rect width="820" height="380" fill="#fff"/>
${panel(
  0,
  'Time against list size',
  'seconds (log scale)',
  time,
  fmtS,
  [
    { value: 20, label: 'target: 20 s at 10,000' },
    { value: 1, label: 'validate target: 1 s' },
  ],
  ns,
)}
${panel(410, 'Peak memory against list size', 'MB resident (log scale)', memory, fmtMB, [{ value: 1000, label: 'target: 1 GB' }], ns)}
<text x="410" y="374" text-anchor="middle" font-size="10" fill="#666">${esc(`commonplace npm run bench, ${results.generatedAt.slice(0, 10)}; ${results.machine.cpus} CPUs; timings noisy (shared machine)`)}</text>
</svg>
`;
}
