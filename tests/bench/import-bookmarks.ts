/**
 * `npm run bench:import`: a generated Netscape bookmark file (default 20,000 bookmarks in 300
 * folders, nested three deep, with tags, descriptions, dates, links in two folders and a few
 * bookmarklets) imported into an empty list with `npm run import`, then `npm run validate` on the
 * result. Prints the wall time of each: the whole process, as a curator waits for it. See the end of docs/benchmark.md.
 *
 *   npm run bench:import                                   # 20,000 bookmarks, 300 folders, 3 runs
 *   npm run bench:import -- --bookmarks 5000 --folders 50 --runs 1 --keep
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpus, loadavg, totalmem } from 'node:os';
import { Random } from './prng.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    bookmarks: { type: 'string', default: '20000' },
    folders: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20240531' },
    keep: { type: 'boolean', default: false },
  },
});

const WORDS = [
  'data',
  'craft',
  'platform',
  'notes',
  'reading',
  'design',
  'systems',
  'people',
  'teams',
  'history',
  'maps',
  'tools',
];

/** A deterministic bookmark file: folders nested up to three deep, bookmarks spread over them. */
export function generateBookmarkFile(bookmarks: number, folders: number, seed: number): string {
  const generator = new Random(seed);
  const random = () => generator.uint32() / 2 ** 32;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  // Folder i's parent is one of the folders before it (or the top), at most three deep.
  const parent: number[] = [];
  const depth: number[] = [];
  for (let i = 0; i < folders; i++) {
    const candidates = [-1, ...Array.from({ length: i }, (_, j) => j).filter((j) => depth[j]! < 2)];
    const chosen = i < 12 ? -1 : pick(candidates.slice(-40));
    parent.push(chosen);
    depth.push(chosen === -1 ? 0 : depth[chosen]! + 1);
  }
  const inFolder: string[][] = Array.from({ length: folders }, () => []);
  for (let n = 0; n < bookmarks; n++) {
    const folder = n % folders;
    const id = n % 50 === 49 ? n - 49 : n; // every 50th links an earlier page again: a cross-listing
    const url = n % 997 === 996 ? `javascript:void(${n})` : `https://site${id % 400}.example/posts/${id}`;
    const tags = `${pick(WORDS)},${pick(WORDS)} ${pick(WORDS)}`;
    const day = 1_500_000_000 + Math.floor(random() * 200_000_000);
    inFolder[folder]!.push(`<DT><A HREF="${url}" ADD_DATE="${day}" TAGS="${tags}">${words(4)} &amp; ${n}</A>`);
    if (n % 3 === 0) inFolder[folder]!.push(`<DD>${words(12)} &lt;${n}&gt;`);
  }
  const lines: string[] = [];
  const write = (folder: number, pad: string) => {
    lines.push(`${pad}<DT><H3>Folder ${folder} ${words(2)}</H3>`, `${pad}<DL><p>`);
    for (const line of inFolder[folder]!) lines.push(`${pad}    ${line}`);
    parent.forEach((p, child) => p === folder && write(child, `${pad}    `));
    lines.push(`${pad}</DL><p>`);
  };
  parent.forEach((p, folder) => p === -1 && write(folder, '    '));
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    ...lines,
    '</DL><p>',
    '',
  ].join('\n');
}

/** Prints the process's CPU time (user + system, in seconds) on exit, for `timed`. */
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-seconds '+((u.user+u.system)/1e6)+'\\n')})`;

/**
 * Runs a project script as `npm run` does; times the whole process (wall) and its CPU time, which
 * stays near its idle value when other work shares the machine and the wall time does not.
 */
function timed(script: string, args: string[]): { seconds: number; cpu: number; status: number | null; output: string } {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', CPU_PROBE, join(repo, script), ...args], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = Number(/cpu-seconds ([\d.]+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  return { seconds, cpu, status: run.status, output: `${run.stdout}${run.stderr.replace(/\n?cpu-seconds [\d.]+\n/, '')}` };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const bookmarks = Number(values.bookmarks);
  const folders = Number(values.folders);
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-import-'));
  const file = join(dir, 'bookmarks.html');
  writeFileSync(file, generateBookmarkFile(bookmarks, folders, Number(values.seed)));
  console.log(
    `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`,
  );
  console.log(`${bookmarks.toLocaleString('en')} bookmarks in ${folders} folders (${file})`);
  const results: { importS: number; importCpu: number; validateS: number }[] = [];
  let failed = false;
  for (let run = 1; run <= Number(values.runs); run++) {
    const out = join(dir, `list-${run}`);
    const imported = timed('src/cli/import.ts', [file, '--out', out]);
    const summary = imported.output.trim().split('\n').at(-1) ?? '';
    const validated = timed('src/cli/validate.ts', [out]);
    const files = (readdirSync(out, { recursive: true }) as string[]).filter((name) => name.endsWith('.md')).length;
    console.log(
      `run ${run}: import ${imported.seconds.toFixed(2)} s (CPU ${imported.cpu.toFixed(2)} s, exit ${imported.status}), validate ${validated.seconds.toFixed(2)} s (CPU ${validated.cpu.toFixed(2)} s, exit ${validated.status}), ${files} files; load ${loadavg()[0]!.toFixed(1)}`,
    );
    console.log(`  ${summary}`);
    if (imported.status !== 0 || validated.status !== 0) {
      failed = true;
      console.error(imported.output.slice(-2000), validated.output.slice(-2000));
    }
    results.push({ importS: imported.seconds, importCpu: imported.cpu, validateS: validated.seconds });
    if (!values.keep) rmSync(out, { recursive: true, force: true });
  }
  const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
  console.log(
    `median: import ${median(results.map((r) => r.importS)).toFixed(2)} s (CPU ${median(results.map((r) => r.importCpu)).toFixed(2)} s), validate ${median(results.map((r) => r.validateS)).toFixed(2)} s`,
  );
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}
