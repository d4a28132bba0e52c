/**
 * Runs a child process and measures it: wall time, every output line with the time it arrived, and
 * the peak resident memory of its whole process tree. The child is started in its own process group
 * and /proc/<pid>/stat of every process is polled (every 50 ms by default) for that group; the sum
 * of VmRSS over the group is the "tree RSS". VmHWM (the kernel's own per-process peak) is kept too,
 * so a short spike in one process between two polls is not missed for that process.
 *
 * CPU time (user + system) of the tree is what the kernel charges to this process for the children it
 * has waited for (`cutime` + `cstime` in /proc/self/stat, which include their own waited-for
 * descendants), read before the child starts and after it has been reaped; a descendant nobody waits
 * for (a helper left to exit on its own) is not in it, so the polled per-process times are summed too
 * and the larger figure is kept. On a build the two agree within about 1%.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TimedLine {
  /** Milliseconds since the child was started. */
  ms: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface MemorySample {
  ms: number;
  /** Sum of VmRSS over the process group, bytes. */
  rss: number;
}

export interface RunResult {
  code: number | null;
  wallMs: number;
  lines: TimedLine[];
  samples: MemorySample[];
  /** Highest tree RSS seen, bytes. */
  peakTreeRss: number;
  /** Highest VmHWM of any single process in the group, bytes, with its command name. */
  peakProcess: { rss: number; name: string };
  /** User + system CPU time of the process tree, ms: the larger of `reapedCpuMs` and `sampledCpuMs`. */
  cpuMs: number;
  /** CPU time of the child and every descendant reaped within the tree (exact for those), ms. */
  reapedCpuMs: number;
  /**
   * The last utime + stime seen of each process in the group, summed, ms. It misses each process's
   * last poll interval, but counts a descendant nobody waited for.
   */
  sampledCpuMs: number;
}

let clockTicks: number | undefined;
/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux unless configured otherwise). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * CPU fields of a /proc/<pid>/stat line, in clock ticks: the process's own user + system time, and
 * that of its children it has waited for. The command name may hold spaces and parentheses, so fields
 * are counted from the last ')'.
 */
export function statCpuTicks(stat: string): { own: number; reapedChildren: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  const at = (field: number) => Number(fields[field - 3]);
  return { own: at(14) + at(15), reapedChildren: at(16) + at(17) };
}

const reapedChildrenTicks = () => statCpuTicks(readFileSync('/proc/self/stat', 'latin1')).reapedChildren;

/** The processes of a group, each with its own CPU time so far (clock ticks). */
function groupProcesses(pgid: number): { pid: number; cpuTicks: number }[] {
  const found: { pid: number; cpuTicks: number }[] = [];
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) > 57) continue; // not a digit
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      // pid (comm) state ppid pgrp ...: comm may hold spaces, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) found.push({ pid: Number(name), cpuTicks: statCpuTicks(stat).own });
    } catch {
      // the process ended between readdir and read
    }
  }
  return found;
}

function status(pid: number): { rss: number; hwm: number; name: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'latin1');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM'), name: /^Name:\s+(.*)$/m.exec(text)?.[1] ?? '?' };
  } catch {
    return undefined;
  }
}

export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; pollMs?: number; echo?: boolean },
): Promise<RunResult> {
  const pollMs = options.pollMs ?? 50;
  const ticks = ticksPerSecond();
  const reapedBefore = reapedChildrenTicks();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: TimedLine[] = [];
  const samples: MemorySample[] = [];
  let peakTreeRss = 0;
  let peakProcess = { rss: 0, name: '' };
  const pgid = child.pid!;
  const lastCpuTicks = new Map<number, number>();

  const sample = () => {
    let total = 0;
    for (const { pid, cpuTicks } of groupProcesses(pgid)) {
      lastCpuTicks.set(pid, cpuTicks);
      const s = status(pid);
      if (!s) continue;
      total += s.rss;
      if (s.hwm > peakProcess.rss) peakProcess = { rss: s.hwm, name: s.name === 'MainThread' ? 'node' : s.name };
    }
    if (total > 0) samples.push({ ms: performance.now() - started, rss: total });
    if (total > peakTreeRss) peakTreeRss = total;
  };
  const timer = setInterval(sample, pollMs);
  sample();

  const collect = (stream: 'stdout' | 'stderr') => {
    let pending = '';
    child[stream]!.setEncoding('utf8');
    child[stream]!.on('data', (chunk: string) => {
      const ms = performance.now() - started;
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const text of parts) {
        lines.push({ ms, stream, text });
        if (options.echo) process.stderr.write(`    ${text}\n`);
      }
    });
    child[stream]!.on('end', () => {
      if (pending) lines.push({ ms: performance.now() - started, stream, text: pending });
    });
  };
  collect('stdout');
  collect('stderr');

  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const reapedCpuMs = ((reapedChildrenTicks() - reapedBefore) * 1000) / ticks;
      const sampledCpuMs = ([...lastCpuTicks.values()].reduce((sum, t) => sum + t, 0) * 1000) / ticks;
      const cpuMs = Math.max(reapedCpuMs, sampledCpuMs);
      resolve({ code, wallMs, lines, samples, peakTreeRss, peakProcess, cpuMs, reapedCpuMs, sampledCpuMs });
    });
  });
}

/** Peak tree RSS between two moments of a run (ms since start). */
export function peakBetween(samples: MemorySample[], from: number, to: number): number {
  let peak = 0;
  for (const s of samples) if (s.ms >= from && s.ms <= to && s.rss > peak) peak = s.rss;
  return peak;
}

// Strip ANSI colour codes (Astro colours its log when it thinks it may).
// eslint-disable-next-line no-control-regex -- the escape character is exactly what is matched
export const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

export interface Phase {
  name: string;
  /** ms since start of the run. */
  from: number;
  to: number;
  ms: number;
  peakRss: number;
}

/**
 * Splits an `astro build` run into phases by the log lines it prints, timed as they arrived:
 *   startup   process start → "[content] Syncing content" (Node, Vite and config loading)
 *   content   "Syncing content" → "Synced content" (the content layer: our loader reads, validates
 *             and renders notes of every file, or skips unchanged ones using the cache)
 *   bundle    → " generating static routes" (types, Vite build of the pages and scripts)
 *   render    → "[build] ✓ Completed in" after the routes (loading the data store, rendering
 *             every page to HTML and writing it)
 *   check     → "[commonplace:output] checked N entries" (optional: Astro exits, then src/cli/build.ts
 *             reads the content again and the HTML back to prove nothing was lost; in older versions
 *             the astro:build:done hook did this inside Astro's process)
 *   index     → "[commonplace:…] indexed N pages|entries" (Pagefind reads the HTML back, builds and
 *             writes the index; when there is no "checked" line, this phase includes the hook start;
 *             since the check and the indexing run side by side, this is what indexing takes beyond
 *             the check)
 *   finish    → process exit (moving the staged output into place)
 */
export function buildPhases(run: RunResult): { phases: Phase[]; indexedPages: number | undefined } {
  const marks: [string, (text: string) => boolean][] = [
    ['startup', (t) => t.includes('[content] Syncing content')],
    ['content', (t) => t.includes('[content] Synced content')],
    ['bundle', (t) => t.includes('generating static routes')],
    ['render', (t) => /\[build\] ✓ Completed in/.test(t)],
    ['check', (t) => /\[commonplace:[a-z-]+\] checked \d+ entries/.test(t)],
    ['index', (t) => /\[commonplace:[a-z-]+\] indexed \d+ (pages|entries)/.test(t)],
  ];
  const phases: Phase[] = [];
  let from = 0;
  let cursor = 0;
  let indexedPages: number | undefined;
  for (const [name, test] of marks) {
    const at = run.lines.findIndex((line, i) => i >= cursor && test(plain(line.text)));
    if (at < 0) continue; // a phase the build did not log: its time goes to the next one
    const to = run.lines[at]!.ms;
    phases.push({ name, from, to, ms: to - from, peakRss: peakBetween(run.samples, from, to) });
    if (name === 'index') indexedPages = Number(/indexed (\d+) (pages|entries)/.exec(plain(run.lines[at]!.text))?.[1]);
    from = to;
    cursor = at + 1;
  }
  phases.push({
    name: 'finish',
    from,
    to: run.wallMs,
    ms: run.wallMs - from,
    peakRss: peakBetween(run.samples, from, run.wallMs),
  });
  return { phases, indexedPages };
}
