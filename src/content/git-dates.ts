/**
 * `added` dates for entries that do not write one, from git history: the day each entry file was
 * first committed. One `git log` call for all files at build time. Without git, in a shallow clone
 * (where every file looks added by the oldest commit there) or for an untracked file there is no
 * date — one is never invented.
 */
import { execFileSync } from 'node:child_process';

/** The marker that starts each commit in the log format below (a NUL never appears in a path). */
const COMMIT = '\u0000';

/** The `git log` arguments whose output {@link parseAddedLog} reads. Paths are relative to the cwd. */
export const gitLogArgs = (dir: string) => [
  'log',
  '--diff-filter=A',
  '--no-renames',
  '--relative',
  `--format=${'%x00'}%ad`,
  '--date=short',
  '--name-only',
  '--',
  dir,
];

/**
 * Maps each file to the day it was first added, from the output of `git log` with {@link gitLogArgs}
 * (newest commit first): an earlier commit adding the same path wins.
 */
export function parseAddedLog(output: string): Map<string, string> {
  const added = new Map<string, string>();
  let date: string | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith(COMMIT)) {
      const day = line.slice(1).trim();
      date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
    } else if (line.trim() && date) {
      added.set(line.trim(), date);
    }
  }
  return added;
}

/** Runs git once in `cwd`; an empty map when git is missing, this is no repository, or the clone is shallow. */
export function gitAddedDates(cwd: string, dir: string): Map<string, string> {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  try {
    if (git(['rev-parse', '--is-shallow-repository']).trim() !== 'false') return new Map();
    return parseAddedLog(git(['-c', 'core.quotePath=false', ...gitLogArgs(dir)]));
  } catch {
    return new Map();
  }
}

/** The day an entry was added: its own `added`, else the day git first saw its file, else none. */
export function resolveAdded(own: string | undefined, filePath: string | undefined, fromGit: ReadonlyMap<string, string>): string | undefined {
  if (own) return own;
  return filePath ? fromGit.get(filePath) : undefined;
}
