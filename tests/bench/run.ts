/**
 * `npm run bench`: GitHub issue 5's benchmark. For each list size N (default 1,000 and 10,000) it
 * generates a deterministic synthetic list in a temporary folder, then measures validate, a cold
 * build (split into content loading, rendering and Pagefind indexing), the output, search in headless
 * Chromium, and a warm build that reuses Astro's content-layer cache. With --vs-hugo it also builds
 * the same list with Hugo, alternately with ours (tests/bench/versus-hugo.ts). See docs/benchmark.md.
 *
 *   npm run bench                          # 1,000 and 10,000 entries
 *   npm run bench -- --entries 500,2000    # other sizes (also --entries 100000)
 *   npm run bench -- --vs-hugo             # and against Hugo: cold, and rebuilds after one change
 *   npm run bench -- --lighthouse          # and Lighthouse on every kind of page (tests/bench/lighthouse.ts)
 *   options: --json <path>  --keep  --repeat <n>  --no-search  --no-warm  --no-shipped  --no-save  --seed <n>  --echo
 *            --vs-hugo  --rounds <n>  --lighthouse
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chart } from './chart.ts';
import { generateList } from './generate.ts';
import { buildPhases, plain, runMeasured } from './measure.ts';
import { outputStats } from './output.ts';
import { machineLine, table } from './report.ts';
import { phaseMs, type BenchResults, type BuildResult, type SizeResult } from './results.ts';
import { measureSearch } from './search.ts';
import { findHugo } from './hugo-site.ts';
import { auditLargeList, auditPages, lighthouseTable, pageKinds } from './lighthouse.ts';
import { versusHugo } from './versus-hugo.ts';
import { versusMachineLine, versusTable } from './versus-report.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000,10000' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-warm': { type: 'boolean', default: false },
    'no-shipped': { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
    echo: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20240531' },
    repeat: { type: 'string', default: '2' },
    'vs-hugo': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    lighthouse: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`Usage: npm run bench [-- options]

Generates lists of N entries, builds them and prints build, size and search figures (docs/benchmark.md).
  --entries 1000,10000   list sizes (default 1000,10000)
  --repeat 2             cold builds per size; the fastest is reported
  --json <file>          also write the figures as JSON there
  --keep                 keep the temporary folder
  --no-search --no-warm --no-shipped   skip the browser search, the warm build, the shipped list
  --no-save              leave docs/bench/ and docs/benchmark.md alone
  --seed <n>             another generated list;  --echo  stream the build output
  --vs-hugo              also build each list with Hugo (the system's \`hugo\`, or HUGO_BIN), alternately
                         with ours: cold, and rebuilds after adding, editing one entry, renaming a section
  --rounds 3             rounds of the Hugo comparison; medians are reported
  --lighthouse           also audit every kind of page with Lighthouse, served compressed (mobile settings)
`);
  process.exit(0);
}
const sizes = values
  .entries!.split(',')
  .map((text) => Number(text.replace(/[_\s]/g, '')))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
if (!sizes.length) throw new Error('--entries takes a number or a comma-separated list, like --entries 500,2000');
const seed = Number(values.seed);
/** Cold builds per size; the fastest is reported (on a shared machine, the least disturbed one). */
const repeat = Math.max(1, Number(values.repeat) || 1);
const QUERIES: [string, string] = ['pipeline', 'kafka'];
/** Rounds of the Hugo comparison; each scenario's median over them is reported. */
const rounds = Math.max(1, Number(values.rounds) || 1);

const log = (text: string) => process.stderr.write(`${text}\n`);
const work = mkdtempSync(join(tmpdir(), 'commonplace-bench-'));
const started = performance.now();
log(`bench: working in ${work}${values.keep ? ' (kept)' : ''}`);

// Build from a snapshot of the project, not from the repository itself: Astro writes its
// intermediate build (.astro/.prerender/) under the project root whatever outDir and cacheDir say,
// so two builds in one folder (another engineer's `npm run build`, or CI) break each other; and the
// code measured must not change under the run while people edit src/. node_modules is linked.
const SKIP = new Set([
  'node_modules',
  '.git',
  '.astro',
  'dist',
  'test-results',
  'playwright-report',
  'docs',
  'dist.staging',
  'dist.previous',
]);
const project = join(work, 'project');
mkdirSync(project);
for (const name of readdirSync(repo)) if (!SKIP.has(name)) cpSync(join(repo, name), join(project, name), { recursive: true });
symlinkSync(join(repo, 'node_modules'), join(project, 'node_modules'));
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};
const revision = {
  commit: git('rev-parse', '--short', 'HEAD'),
  dirty: git('status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json') !== '',
};
log(`bench: measuring a snapshot of ${repo} at ${revision.commit}${revision.dirty ? ' with uncommitted changes in src/' : ''}`);
// The comparison is skipped, never failed, on a machine without Hugo.
const hugo = values['vs-hugo'] ? findHugo() : undefined;
if (values['vs-hugo'])
  log(
    hugo
      ? `bench: against ${hugo.version}`
      : 'bench: --vs-hugo skipped: no `hugo` found (install it, e.g. `apt-get install hugo`, or point HUGO_BIN at one); measuring the rest',
  );

async function build(contentDir: string, outDir: string, cacheDir: string): Promise<BuildResult> {
  // What `npm run build` runs: src/cli/build.ts (astro build, then the output check and the Pagefind
  // index once Astro has exited) when the project has it, else plain `astro build`.
  const script = existsSync(join(project, 'src/cli/build.ts'))
    ? [join(project, 'src/cli/build.ts')]
    : [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'];
  const run = await runMeasured(process.execPath, script, {
    cwd: project,
    env: {
      ...process.env,
      COMMONPLACE_CONTENT_DIR: contentDir,
      COMMONPLACE_OUT_DIR: outDir,
      COMMONPLACE_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
    },
    echo: values.echo,
  });
  if (run.code !== 0) {
    log(
      run.lines
        .slice(-30)
        .map((l) => plain(l.text))
        .join('\n'),
    );
    throw new Error(`astro build failed (exit ${run.code}) for ${contentDir}`);
  }
  const { phases, indexedPages } = buildPhases(run);
  return {
    ok: true,
    wallMs: run.wallMs,
    phases,
    peakRss: run.peakTreeRss,
    peakProcess: run.peakProcess,
    cpuMs: run.cpuMs,
    ...(indexedPages !== undefined ? { indexedPages } : {}),
  };
}

async function validate(contentDir: string): Promise<SizeResult['validate']> {
  const cli = join(project, 'src/cli/validate.ts');
  const usesCli = existsSync(cli);
  const script = usesCli ? cli : join(project, 'tests/bench/validate-direct.ts');
  const run = await runMeasured(process.execPath, [script, contentDir], { cwd: project, pollMs: 20, echo: values.echo });
  const inProcess = run.lines.map((l) => /readReadingList: .* in (\d+) ms/.exec(l.text)?.[1]).find(Boolean);
  if (run.code !== 0)
    log(
      `  validate exited ${run.code}:\n${run.lines
        .slice(-10)
        .map((l) => l.text)
        .join('\n')}`,
    );
  return {
    tool: usesCli ? 'node src/cli/validate.ts' : 'readReadingList (tests/bench/validate-direct.ts)',
    ok: run.code === 0,
    wallMs: run.wallMs,
    peakRss: Math.max(run.peakTreeRss, run.peakProcess.rss),
    ...(inProcess ? { inProcessMs: Number(inProcess) } : {}),
  };
}

const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg(),
  },
  revision,
  seed,
  queries: QUERIES,
  sizes: [],
  totalMs: 0,
};

try {
  for (const entries of sizes) {
    const dir = join(work, `n${entries}`);
    log(`\n== ${entries.toLocaleString('en-GB')} entries`);
    const generated = generateList(join(dir, 'content'), entries, seed);
    log(`  generated ${generated.files} files (${(generated.bytes / 1e6).toFixed(1)} MB) in ${Math.round(generated.ms)} ms`);
    const validated = await validate(join(dir, 'content'));
    log(
      `  validate: ${Math.round(validated.wallMs)} ms, peak ${Math.round(validated.peakRss / 1e6)} MB${validated.ok ? '' : ' (FAILED)'}`,
    );
    const outDir = join(dir, 'out');
    const cacheDir = join(dir, 'cache');
    const colds: BuildResult[] = [];
    for (let i = 0; i < repeat; i++) {
      rmSync(cacheDir, { recursive: true, force: true });
      const run = await build(join(dir, 'content'), outDir, cacheDir);
      colds.push(run);
      log(
        `  cold build ${i + 1}/${repeat}: ${Math.round(run.wallMs)} ms, peak ${Math.round(run.peakRss / 1e6)} MB; ${run.phases.map((p) => `${p.name} ${Math.round(p.ms)}`).join(', ')}`,
      );
    }
    const cold = colds.reduce((best, run) => (run.wallMs < best.wallMs ? run : best));
    const output = outputStats(outDir, entries);
    log(`  output: ${output.files} files, ${(output.bytes / 1e6).toFixed(1)} MB`);
    const result: SizeResult = {
      entries,
      generate: { ms: generated.ms, files: generated.files, bytes: generated.bytes, largestSection: generated.largestSection },
      validate: validated,
      cold,
      coldRunsMs: colds.map((run) => run.wallMs),
      output,
    };
    if (!values['no-search']) {
      result.search = await measureSearch(outDir, QUERIES);
      log(
        `  search: first ${Math.round(result.search.first.bytes / 1000)} KB in ${Math.round(result.search.first.msToResults)} ms, second ${Math.round(result.search.second.bytes / 1000)} KB in ${Math.round(result.search.second.msToResults)} ms`,
      );
    }
    if (values.lighthouse) {
      log('  lighthouse: every kind of page, served compressed');
      result.lighthouse = await auditPages(outDir, pageKinds(outDir, QUERIES[0]), log);
    }
    if (!values['no-warm']) {
      result.warm = await build(join(dir, 'content'), outDir, cacheDir);
      log(
        `  warm build: ${Math.round(result.warm.wallMs)} ms; ${result.warm.phases.map((p) => `${p.name} ${Math.round(p.ms)}`).join(', ')}`,
      );
    }
    if (hugo) {
      log(`  against Hugo: ${rounds} round(s) of cold, add, edit, rename`);
      result.versusHugo = await versusHugo({
        contentDir: join(dir, 'content'),
        workDir: join(dir, 'vs-hugo'),
        layoutsDir: join(project, 'tests/bench/hugo/layouts'),
        hugo,
        rounds,
        buildOurs: async (outDir, cacheDir) => {
          const run = await build(join(dir, 'content'), outDir, cacheDir);
          return { wallMs: run.wallMs, cpuMs: run.cpuMs, peakRss: Math.max(run.peakRss, run.peakProcess.rss) };
        },
        log,
        echo: values.echo,
      });
    }
    results.sizes.push(result);
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
  if (!values['no-shipped']) {
    const dir = join(work, 'shipped');
    const buildResult = await build(join(project, 'content'), join(dir, 'out'), join(dir, 'cache'));
    const count = buildResult.indexedPages ?? 0;
    const output = outputStats(join(dir, 'out'), Math.max(1, count));
    results.shipped = { entries: count, build: buildResult, output };
    log(`\n== shipped list: ${count} entries, build ${Math.round(buildResult.wallMs)} ms`);
  }

  const [a, b] = [results.sizes[0], results.sizes.at(-1)];
  if (a && b && b.entries > a.entries) {
    const k = (x1: number, x2: number) => Math.log(x2 / x1) / Math.log(b.entries / a.entries);
    results.growth = {
      from: a.entries,
      to: b.entries,
      buildMs: k(a.cold.wallMs, b.cold.wallMs),
      contentMs: k(phaseMs(a.cold, 'content'), phaseMs(b.cold, 'content')),
      renderMs: k(phaseMs(a.cold, 'render'), phaseMs(b.cold, 'render')),
      indexMs: k(phaseMs(a.cold, 'index'), phaseMs(b.cold, 'index')),
      peakRss: k(a.cold.peakRss, b.cold.peakRss),
      validateMs: k(a.validate.wallMs, b.validate.wallMs),
      outputBytes: k(a.output!.bytes, b.output!.bytes),
    };
  }
  // The pages a list of 150 sections strains most (issue 18), on that list: printed with the others.
  const largeListAudits = values.lighthouse ? await auditLargeList(log) : [];
  results.totalMs = performance.now() - started;

  const markdown = table(results);
  process.stdout.write(`\n${markdown}\n\n${machineLine(results)}\n`);
  const versus = hugo ? `${versusTable(results)}\n\n${versusMachineLine(results)}` : '';
  if (versus) process.stdout.write(`\nAgainst Hugo:\n\n${versus}\n`);
  const audited = results.sizes.filter((size) => size.lighthouse);
  const audits = audited
    .map(
      (size) =>
        `Lighthouse, ${size.entries.toLocaleString('en-GB')} entries (commit ${revision.commit}):\n\n${lighthouseTable(size.lighthouse!)}`,
    )
    .join('\n\n');
  if (audits) process.stdout.write(`\n${audits}\n`);
  if (largeListAudits.length)
    process.stdout.write(
      `\nLighthouse, the 150-section list (commit ${revision.commit}):\n\n${lighthouseTable(largeListAudits)}\n`,
    );
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (values.json) writeFileSync(values.json, json);
  if (!values['no-save']) {
    const docs = join(repo, 'docs/bench');
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, 'latest.json'), json);
    writeFileSync(join(docs, 'latest.svg'), chart(results));
    const page = join(repo, 'docs/benchmark.md');
    if (existsSync(page)) {
      const text = readFileSync(page, 'utf8');
      const block = `<!-- bench:start -->\n${markdown}\n\n${machineLine(results)}\n<!-- bench:end -->`;
      let updated = text.replace(/<!-- bench:start -->[\s\S]*?<!-- bench:end -->/, () => block);
      // The comparison's block is replaced only by a run that compared; otherwise the last one stays.
      if (versus)
        updated = updated.replace(
          /<!-- bench-hugo:start -->[\s\S]*?<!-- bench-hugo:end -->/,
          () => `<!-- bench-hugo:start -->\n${versus}\n<!-- bench-hugo:end -->`,
        );
      if (audits)
        updated = updated.replace(
          /<!-- bench-lighthouse:start -->[\s\S]*?<!-- bench-lighthouse:end -->/,
          () => `<!-- bench-lighthouse:start -->\n${audits}\n<!-- bench-lighthouse:end -->`,
        );
      writeFileSync(page, updated);
    }
    log(`\nwrote docs/bench/latest.json, docs/bench/latest.svg${existsSync(page) ? ' and the table in docs/benchmark.md' : ''}`);
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
