/** The Hugo comparison as a Markdown table (printed by `npm run bench -- --vs-hugo`, and copied into docs/benchmark.md). */
import type { BenchResults } from './results.ts';
import { SCENARIO_LABELS, summarise } from './versus-stats.ts';

const s = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const mb = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${Math.round(bytes / 1e6)} MB`);
const x = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}×` : '–');
const n = (value: number) => value.toLocaleString('en-GB');
const load = (values: number[]) => values.map((l) => l.toFixed(2)).join(' ');

export function versusTable(results: BenchResults): string {
  const rows = [
    '| List | Build | Ours: wall | Hugo + Pagefind: wall | **× wall** | Hugo alone: wall | Ours: CPU | Hugo + Pagefind: CPU | **× CPU** | Ours: peak | Hugo + Pagefind: peak | **× memory** | Ours ÷ Hugo + Pagefind’s cold (wall) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const notes: string[] = [];
  for (const size of results.sizes) {
    const versus = size.versusHugo;
    if (!versus) continue;
    for (const row of summarise(versus))
      rows.push(
        `| ${n(size.entries)} | ${SCENARIO_LABELS[row.scenario]} | ${s(row.ours.wallMs)} | ${s(row.hugo.wallMs)} | **${x(row.ratio.wallMs)}** | ` +
          `${row.hugoAlone ? s(row.hugoAlone.wallMs) : '–'} | ` +
          `${s(row.ours.cpuMs)} | ${s(row.hugo.cpuMs)} | **${x(row.ratio.cpuMs)}** | ${mb(row.ours.peakRss)} | ${mb(row.hugo.peakRss)} | ` +
          `**${x(row.ratio.peakRss)}** | ${row.scenario === 'cold' ? '' : x(row.wallVsHugoCold)} |`,
      );
    const summary = summarise(versus);
    const of = (scenario: string) => summary.find((row) => row.scenario === scenario);
    const peaks = summary.map((row) => row.ours.peakRss);
    const during = versus.loadAverage.during ?? [];
    notes.push(
      `${n(size.entries)} entries: medians of ${versus.rounds} run(s) per tool and build, alternating which tool goes first; ` +
        `the peer is Hugo, then \`pagefind --site\` over its output (${versus.pagefindVersion ?? 'Pagefind'}), timed as one build; ` +
        `the rebuilds follow one change each (${versus.changes.add}; ${versus.changes.edit}; ${versus.changes.rename}). ` +
        `Targets (issue 20): rebuild after one added or edited entry ≤ 1.2× Hugo + Pagefind’s cold build (${x(of('add')?.wallVsHugoCold ?? Number.NaN)}, ${x(of('edit')?.wallVsHugoCold ?? Number.NaN)}); ` +
        `cold build ≤ 2.5× (${x(of('cold')?.ratio.wallMs ?? Number.NaN)}); peak memory ≤ 2 GB (${mb(peaks.length ? Math.max(...peaks) : 0)}, the largest median). ` +
        `Load average ${load(versus.loadAverage.start)} at the start, ${load(versus.loadAverage.end)} at the end` +
        (during.length
          ? `, ${Math.min(...during).toFixed(2)}–${Math.max(...during).toFixed(2)} (1 min) as the builds started`
          : '') +
        `; the comparison took ${s(versus.ms)}.`,
    );
  }
  return [...rows, '', ...notes.flatMap((note) => [note, ''])].join('\n').trimEnd();
}

export function versusMachineLine(results: BenchResults): string {
  const m = results.machine;
  const hugo = results.sizes.find((size) => size.versusHugo)?.versusHugo?.hugoVersion ?? 'Hugo';
  const at = `commit ${results.revision.commit}${results.revision.dirty ? ' plus uncommitted changes in src/' : ''}`;
  const pagefind = results.sizes.find((size) => size.versusHugo)?.versusHugo?.pagefindVersion;
  return `Measured ${at} against ${hugo}${pagefind ? ` with ${pagefind}` : ''}; ${m.cpus} CPUs, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; ${results.generatedAt}.`;
}
