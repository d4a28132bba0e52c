/**
 * `npm run validate [content-dir]`: checks every file in content/ against the schema module — the
 * same code the site build runs (src/content/content-files.ts) — without building the site. Prints every
 * problem at once, one `path:line: field: message` line each, then a one-line summary.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readReadingList } from '../content/content-files.ts';
import { count, isEntryPoint, parseCommandLine, runAsProgram, USAGE_ERROR, type CliIo } from './args.ts';
import { formatGithubAnnotation, formatProblem, sortProblems } from '../content/problems.ts';

const USAGE = `Usage: npm run validate [-- <content-dir>]

Checks every file in <content-dir> (default: content) without building the site.
Prints each problem as "path:line: field: message" and exits 1 if there is any.
When GITHUB_ACTIONS=true, problems are also printed as GitHub annotations.`;

export function main(args: string[], io: CliIo): number {
  const flags = parseCommandLine(args, { help: { type: 'boolean', short: 'h' } }, USAGE, io);
  if (typeof flags === 'number') return flags;
  if (flags.positionals.length > 1) {
    io.err(`expected at most one content folder, got ${flags.positionals.length}\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const contentDir = resolve(io.cwd, flags.positionals[0] ?? 'content');
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    io.err(`✗ no content folder at ${contentDir}`);
    return 1;
  }

  const { sections, entries, problems } = readReadingList(contentDir, io.cwd);
  if (problems.length === 0) {
    io.out(`✓ ${count(entries.length, 'entry', 'entries')} in ${count(sections.length, 'section')}`);
    return 0;
  }
  // On GitHub the annotation marks the line in the pull request; the plain line keeps the log readable.
  const annotate = io.env.GITHUB_ACTIONS === 'true';
  for (const problem of sortProblems(problems)) {
    if (annotate) io.out(formatGithubAnnotation(problem));
    io.out(formatProblem(problem));
  }
  const files = new Set(problems.map((problem) => problem.file)).size;
  io.out(`✗ ${count(problems.length, 'problem')} in ${count(files, 'file')}`);
  return 1;
}

if (isEntryPoint(import.meta.url)) runAsProgram(main);
