/** `--only-changed`: the entry files a branch or pull request touches, per `git diff --name-only`. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const lines = (text: string) => text.split('\n').filter((line) => line.length > 0);

/**
 * Absolute paths of files changed since `base` (from where this branch left it) plus uncommitted and
 * new files, so a contributor can check their entries before committing. Deleted files are left out.
 * Throws when git cannot answer (not a repository, unknown ref).
 */
export function changedFiles(base: string, cwd: string): Set<string> {
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  const names = [
    ...lines(git(['diff', '--name-only', '--diff-filter=d', `${base}...HEAD`, '--'], top)),
    ...lines(git(['diff', '--name-only', '--diff-filter=d', 'HEAD', '--'], top)),
    ...lines(git(['ls-files', '--others', '--exclude-standard'], top)),
  ];
  return new Set(names.map((name) => resolve(top, name)));
}
