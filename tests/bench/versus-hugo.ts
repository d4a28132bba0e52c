/**
 * `npm run bench -- --vs-hugo`: the same generated list built by our `npm run build` and by the peer,
 * Hugo (the system's, with the minimal templates in tests/bench/hugo/) followed by `pagefind --site`
 * over its output, as a curator who wants search would run them; the two are timed as one build, and
 * Hugo's part is kept as a second figure. Alternately, in several rounds. A round:
 *
 *   cold     both output folders and caches emptied, then each tool builds;
 *   add      one entry added to the largest section, each tool rebuilds with what its last build left;
 *   edit     one entry of that section edited (title and a quote), rebuilt the same way;
 *   rename   that section's title changed, rebuilt the same way;
 *
 * then the three changes are undone for the next round. "Rebuilds with what its last build left" is
 * whatever the tool reuses: for us, the output folder and Astro's cache folder (the content layer's
 * data store, and any incremental-build manifest the build comes to use); for Hugo, its public/,
 * resources/ and cache folders. The measurement does not know what is reused, so it stays right as the
 * build learns to reuse more.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchChanges } from './content-changes.ts';
import { createHugoSite, mirrorForHugo } from './hugo-site.ts';
import { plain, runMeasured } from './measure.ts';
import { oursFirst, SCENARIOS, type Scenario, type ToolRun, type VersusHugo } from './versus-stats.ts';

export interface VersusOptions {
  /** The list both tools build; changed during the rounds and put back as it was at the end. */
  contentDir: string;
  /** An empty working folder for both tools' output and caches. */
  workDir: string;
  /** tests/bench/hugo/layouts in the measured snapshot. */
  layoutsDir: string;
  hugo: { bin: string; version: string };
  /** Pagefind's binary (tests/bench/hugo-site.ts, findPagefind). */
  pagefind: { bin: string; version: string };
  rounds: number;
  /** Our build of `contentDir` into `outDir` with `cacheDir` (run.ts's build, which runs `npm run build`'s script). */
  buildOurs(outDir: string, cacheDir: string): Promise<ToolRun>;
  log(text: string): void;
  echo?: boolean;
}

export async function versusHugo(options: VersusOptions): Promise<VersusHugo> {
  const started = performance.now();
  const start = loadavg();
  /** The 1-minute load average as each build starts: how busy the shared machine was, build by build. */
  const during: number[] = [];
  const ours = { outDir: join(options.workDir, 'ours', 'out'), cacheDir: join(options.workDir, 'ours', 'cache') };
  const site = createHugoSite(join(options.workDir, 'hugo'), options.contentDir, options.layoutsDir);
  const changes = benchChanges(options.contentDir);
  const runs: VersusHugo['runs'] = {
    cold: { ours: [], hugo: [], hugoAlone: [] },
    add: { ours: [], hugo: [], hugoAlone: [] },
    edit: { ours: [], hugo: [], hugoAlone: [] },
    rename: { ours: [], hugo: [], hugoAlone: [] },
  };

  const measured = async (bin: string, args: string[], what: string): Promise<ToolRun> => {
    const run = await runMeasured(bin, args, { cwd: site.siteDir, ...(options.echo ? { echo: true } : {}) });
    if (run.code !== 0) {
      options.log(
        run.lines
          .slice(-20)
          .map((line) => plain(line.text))
          .join('\n'),
      );
      throw new Error(`${what} failed (exit ${run.code}) for ${site.siteDir}`);
    }
    return { wallMs: run.wallMs, cpuMs: run.cpuMs, peakRss: Math.max(run.peakTreeRss, run.peakProcess.rss) };
  };
  /** The peer's build: Hugo, then Pagefind over what Hugo wrote (it writes public/pagefind/ afresh each time). */
  const buildHugo = async (): Promise<{ peer: ToolRun; alone: ToolRun }> => {
    mirrorForHugo(options.contentDir, site.contentDir); // before the clock: Hugo's copy of the change
    const alone = await measured(options.hugo.bin, ['--source', site.siteDir], 'hugo');
    const search = await measured(options.pagefind.bin, ['--site', site.publishDir, '--silent'], 'pagefind');
    return {
      alone,
      peer: {
        wallMs: alone.wallMs + search.wallMs,
        cpuMs: alone.cpuMs + search.cpuMs,
        peakRss: Math.max(alone.peakRss, search.peakRss),
      },
    };
  };
  const emptyCaches = () => {
    for (const dir of [ours.outDir, `${ours.outDir}.staging`, `${ours.outDir}.previous`, ours.cacheDir])
      rmSync(dir, { recursive: true, force: true });
    for (const dir of [site.publishDir, site.cacheDir, site.resourceDir]) rmSync(dir, { recursive: true, force: true });
  };
  const figures = (run: ToolRun) =>
    `${(run.wallMs / 1000).toFixed(2)} s, CPU ${(run.cpuMs / 1000).toFixed(2)} s, ${Math.round(run.peakRss / 1e6)} MB`;

  try {
    for (let round = 0; round < options.rounds; round++) {
      emptyCaches();
      for (const [index, scenario] of SCENARIOS.entries()) {
        if (scenario !== 'cold') changes[scenario].apply();
        const tools: [string, () => Promise<void>][] = [
          [
            'ours',
            async () => {
              const run = await options.buildOurs(ours.outDir, ours.cacheDir);
              runs[scenario].ours.push(run);
              options.log(`  vs Hugo, round ${round + 1}/${options.rounds}, ${scenario}: ours ${figures(run)}`);
            },
          ],
          [
            'hugo',
            async () => {
              const { peer, alone } = await buildHugo();
              runs[scenario].hugo.push(peer);
              runs[scenario].hugoAlone!.push(alone);
              options.log(
                `  vs Hugo, round ${round + 1}/${options.rounds}, ${scenario}: Hugo + Pagefind ${figures(peer)} (Hugo alone ${figures(alone)})`,
              );
            },
          ],
        ];
        if (!oursFirst(round, index)) tools.reverse();
        for (const [, build] of tools) {
          during.push(loadavg()[0]!);
          await build();
        }
      }
      undoAll(changes);
    }
  } finally {
    undoAll(changes);
  }
  return {
    hugoVersion: options.hugo.version,
    pagefindVersion: options.pagefind.version,
    rounds: options.rounds,
    changes: { add: changes.add.description, edit: changes.edit.description, rename: changes.rename.description },
    runs,
    loadAverage: { start, end: loadavg(), during },
    ms: performance.now() - started,
  };
}

function undoAll(changes: ReturnType<typeof benchChanges>): void {
  for (const scenario of [...SCENARIOS].reverse() as Scenario[]) if (scenario !== 'cold') changes[scenario].undo();
}
