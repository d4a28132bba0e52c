/**
 * Figures of `npm run bench -- --vs-hugo`: each scenario runs both tools in several rounds; what is
 * reported is the median of each tool's runs and the ratio of the two medians (ours ÷ Hugo's), so one
 * disturbed run on a shared machine moves neither.
 */

/** The scenarios, in the order a round runs them: a cold build, then rebuilds after one change each. */
export const SCENARIOS = ['cold', 'add', 'edit', 'rename'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<Scenario, string> = {
  cold: 'cold build',
  add: 'rebuild after adding one entry',
  edit: 'rebuild after editing one entry',
  rename: 'rebuild after renaming a section',
};

/** One build by one tool. */
export interface ToolRun {
  wallMs: number;
  /** User + system CPU time of the whole process tree. */
  cpuMs: number;
  /** Peak resident memory of the process tree (the larger of the summed poll and any one process's own peak). */
  peakRss: number;
}

export interface VersusHugo {
  hugoVersion: string;
  /** Pagefind's version line: the peer is Hugo, then `pagefind --site public`, timed as one build. */
  pagefindVersion?: string;
  rounds: number;
  /** What each rebuild scenario changed. */
  changes: Record<Exclude<Scenario, 'cold'>, string>;
  /**
   * Every run, in round order. `hugo` is the peer, Hugo and then Pagefind over its output as one build
   * (wall and CPU summed, memory the larger peak); `hugoAlone` is the Hugo part of the same builds.
   */
  runs: Record<Scenario, { ours: ToolRun[]; hugo: ToolRun[]; hugoAlone?: ToolRun[] }>;
  /** Load average (1, 5, 15 min) when the comparison started and when it ended. */
  loadAverage: { start: number[]; end: number[]; during?: number[] };
  ms: number;
}

export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** ours ÷ theirs; NaN when there is nothing to divide by. */
export const ratio = (ours: number, theirs: number): number => (theirs > 0 ? ours / theirs : Number.NaN);

export interface Medians {
  wallMs: number;
  cpuMs: number;
  peakRss: number;
}

export const medians = (runs: readonly ToolRun[]): Medians => ({
  wallMs: median(runs.map((run) => run.wallMs)),
  cpuMs: median(runs.map((run) => run.cpuMs)),
  peakRss: median(runs.map((run) => run.peakRss)),
});

export interface ScenarioSummary {
  scenario: Scenario;
  ours: Medians;
  hugo: Medians;
  /** Hugo's part of the peer's builds, when they were timed apart. */
  hugoAlone?: Medians;
  /** Ratios of the medians, ours ÷ Hugo's, for the same scenario. */
  ratio: Medians;
  /** Our median wall time for this scenario ÷ Hugo's median cold build (the rebuild target). */
  wallVsHugoCold: number;
}

export function summarise(versus: VersusHugo): ScenarioSummary[] {
  const hugoCold = medians(versus.runs.cold.hugo);
  return SCENARIOS.filter((scenario) => versus.runs[scenario].ours.length && versus.runs[scenario].hugo.length).map(
    (scenario) => {
      const ours = medians(versus.runs[scenario].ours);
      const hugo = medians(versus.runs[scenario].hugo);
      const alone = versus.runs[scenario].hugoAlone;
      return {
        scenario,
        ours,
        hugo,
        ...(alone?.length ? { hugoAlone: medians(alone) } : {}),
        ratio: {
          wallMs: ratio(ours.wallMs, hugo.wallMs),
          cpuMs: ratio(ours.cpuMs, hugo.cpuMs),
          peakRss: ratio(ours.peakRss, hugo.peakRss),
        },
        wallVsHugoCold: ratio(ours.wallMs, hugoCold.wallMs),
      };
    },
  );
}

/**
 * Which tool builds first in a round's scenario: alternating from one scenario to the next and from
 * one round to the next, so neither tool always runs on the machine the other has just warmed up (or
 * loaded).
 */
export const oursFirst = (round: number, scenarioIndex: number): boolean => (round + scenarioIndex) % 2 === 0;
