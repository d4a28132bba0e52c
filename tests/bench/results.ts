/** The shape of docs/bench/latest.json, shared by run.ts, report.ts and chart.ts. */
import type { Phase } from './measure.ts';
import type { OutputStats } from './output.ts';
import type { SearchStats } from './search.ts';
import type { VersusHugo } from './versus-stats.ts';
import type { PageAudit } from './lighthouse.ts';

export interface BuildResult {
  ok: boolean;
  wallMs: number;
  phases: Phase[];
  /** Peak RSS of the whole process tree (Astro's Node process + Pagefind's binary), bytes. */
  peakRss: number;
  /** Largest single process peak (VmHWM), bytes, and its name. */
  peakProcess: { rss: number; name: string };
  /** User + system CPU time of the process tree, ms. */
  cpuMs: number;
  indexedPages?: number;
}

export interface SizeResult {
  entries: number;
  generate: { ms: number; files: number; bytes: number; largestSection: number };
  validate: { tool: string; ok: boolean; wallMs: number; peakRss: number; inProcessMs?: number };
  /** The fastest of the cold builds (see --repeat). */
  cold: BuildResult;
  /** Wall time of every cold build, in the order run. */
  coldRunsMs: number[];
  warm?: BuildResult;
  output?: OutputStats;
  search?: SearchStats;
  /** `--vs-hugo`: the same list built by Hugo and by us, alternately (tests/bench/versus-hugo.ts). */
  versusHugo?: VersusHugo;
  /** `--lighthouse`: every kind of page audited, served compressed (tests/bench/lighthouse.ts). */
  lighthouse?: PageAudit[];
}

export interface BenchResults {
  generatedAt: string;
  machine: { cpus: number; memoryGiB: number; node: string; platform: string; loadAverageAtStart: number[] };
  /** The commit measured, and whether src/ had uncommitted changes (the snapshot includes them). */
  revision: { commit: string; dirty: boolean };
  seed: number;
  queries: [string, string];
  sizes: SizeResult[];
  /** The shipped list (content/), built once for its page sizes. */
  shipped?: { entries: number; build: BuildResult; output: OutputStats };
  /** log(x2/x1)/log(n2/n1) between the smallest and largest N. */
  growth?: {
    from: number;
    to: number;
    buildMs: number;
    contentMs: number;
    renderMs: number;
    indexMs: number;
    peakRss: number;
    validateMs: number;
    outputBytes: number;
  };
  totalMs: number;
}

export const phaseMs = (build: BuildResult | undefined, name: string) => build?.phases.find((p) => p.name === name)?.ms ?? 0;
export const phaseRss = (build: BuildResult | undefined, name: string) =>
  build?.phases.find((p) => p.name === name)?.peakRss ?? 0;
/** Everything that is not content, render, output check or index: startup, types + Vite bundle, exit. */
export const otherMs = (build: BuildResult) =>
  build.wallMs - phaseMs(build, 'content') - phaseMs(build, 'render') - phaseMs(build, 'check') - phaseMs(build, 'index');
