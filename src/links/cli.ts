/**
 * `npm run check:links`: reads the content, checks every entry's link (or those a branch changed),
 * writes the reports and, with --mark-dead, the entries' status. Dead links are a report, not a
 * failure: the exit code is non-zero only when the checker itself cannot run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readReadingList, type EntryFile } from '../content/content-files.ts';
import { formatProblem, sortProblems } from '../content/problems.ts';
import { changedFiles } from './changed-entries.ts';
import { checkAll, DEFAULT_CONCURRENCY, DEFAULT_PER_HOST } from './check-all.ts';
import { DEFAULT_CHECK_OPTIONS } from './check-url.ts';
import { applyLinkStatuses } from './entry-status.ts';
import { looksOffline } from './offline.ts';
import { createProgress, type ProgressStream } from './progress.ts';
import { buildJsonReport, renderMarkdown, renderSummary, type EntryResult } from './report.ts';
import type { CheckOptions } from './types.ts';

export const USAGE = `Usage: npm run check:links -- [options]

Checks every entry's URL against the live web and reports dead, moved, slow and failing links.

  --content <dir>      content folder (default: content)
  --json <file>        write the full report as JSON
  --markdown <file>    write a Markdown report (dead, redirected, slow, errors)
  --only-changed       check only entries changed against --base (for pull requests)
  --base <ref>         the ref --only-changed compares with (default: origin/main)
  --mark-dead          write status: {state: dead, checked: <today>} into dead entries,
                       and remove it from entries that work again (only those lines change)
  --timeout <ms>       per-request time to get headers (default: ${DEFAULT_CHECK_OPTIONS.timeoutMs})
  --retries <n>        retries after a transient failure (default: ${DEFAULT_CHECK_OPTIONS.retries})
  --concurrency <n>    links checked at once (default: ${DEFAULT_CONCURRENCY})
  --per-host <n>       links checked at once on one host (default: ${DEFAULT_PER_HOST})
  --slow <ms>          report answers slower than this as slow (default: ${DEFAULT_CHECK_OPTIONS.slowMs})
  --help               show this help

Exit code: 0 when the check ran (even with dead links); 1 when the content is invalid, git
cannot answer --only-changed, or no server answered at all (the network looks down); 2 for bad
arguments.`;

export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  now: () => Date;
  /** Lets tests make backoff instant and timeouts short; the real run uses the defaults. */
  checkOptions?: Partial<CheckOptions>;
}

export class UsageError extends Error {}

interface CliOptions {
  content: string;
  json?: string;
  markdown?: string;
  onlyChanged: boolean;
  base: string;
  markDead: boolean;
  help: boolean;
  timeoutMs: number;
  retries: number;
  concurrency: number;
  perHost: number;
  slowMs: number;
}

export function whole(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

export function parseCliArgs(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        content: { type: 'string', default: 'content' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        'only-changed': { type: 'boolean', default: false },
        base: { type: 'string' },
        'mark-dead': { type: 'boolean', default: false },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        concurrency: { type: 'string' },
        'per-host': { type: 'string' },
        slow: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.base !== undefined && !values['only-changed']) throw new UsageError('--base only makes sense with --only-changed');
  return {
    content: values.content,
    ...(values.json !== undefined ? { json: values.json } : {}),
    ...(values.markdown !== undefined ? { markdown: values.markdown } : {}),
    onlyChanged: values['only-changed'],
    base: values.base ?? 'origin/main',
    markDead: values['mark-dead'],
    help: values.help,
    timeoutMs: whole('timeout', values.timeout, DEFAULT_CHECK_OPTIONS.timeoutMs, 1),
    retries: whole('retries', values.retries, DEFAULT_CHECK_OPTIONS.retries, 0),
    concurrency: whole('concurrency', values.concurrency, DEFAULT_CONCURRENCY, 1),
    perHost: whole('per-host', values['per-host'], DEFAULT_PER_HOST, 1),
    slowMs: whole('slow', values.slow, DEFAULT_CHECK_OPTIONS.slowMs, 0),
  };
}

export function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** The entries to check: all, or those whose files changed. */
export function selectEntries(entries: EntryFile[], options: { onlyChanged: boolean; base: string }, cwd: string): EntryFile[] {
  if (!options.onlyChanged) return entries;
  const changed = changedFiles(options.base, cwd);
  return entries.filter((entry) => changed.has(resolve(cwd, entry.file)));
}

/** Runs the checker; returns the exit code. */
export async function runCheckLinks(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`check-links: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const contentRoot = resolve(io.cwd, options.content);
  const { entries, problems } = readReadingList(contentRoot, io.cwd);
  if (problems.length) {
    const lines = sortProblems(problems).map(formatProblem).join('\n');
    io.stderr.write(`check-links: the content is invalid (run \`npm run validate\`):\n${lines}\n`);
    return 1;
  }

  let selected: EntryFile[];
  try {
    selected = selectEntries(entries, options, io.cwd);
  } catch (error) {
    io.stderr.write(
      `check-links: cannot list changed files against ${options.base}: ${(error as Error).message.split('\n')[0]}\n`,
    );
    return 1;
  }

  const progress = createProgress(io.stderr);
  const results = await checkAll(
    selected.map((entry) => entry.data.url),
    {
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      slowMs: options.slowMs,
      concurrency: options.concurrency,
      perHost: options.perHost,
      ...io.checkOptions,
      onResult: (result, done, total) => progress.update(result, done, total),
    },
  );
  progress.finish();
  if (looksOffline(results)) {
    io.stderr.write(
      `check-links: none of the ${results.length} links on several hosts got any answer (first: ${results[0]!.reason}); ` +
        'the network looks down, so nothing was reported or marked\n',
    );
    return 1;
  }

  const checkedAt = io.now();
  const entryResults: EntryResult[] = results.map((result, index) => ({
    id: selected[index]!.id,
    file: selected[index]!.file,
    ...result,
  }));
  const report = buildJsonReport(entryResults, checkedAt, options.onlyChanged ? options.base : undefined);
  if (options.json) writeReport(resolve(io.cwd, options.json), `${JSON.stringify(report, null, 2)}\n`);
  if (options.markdown) writeReport(resolve(io.cwd, options.markdown), renderMarkdown(report));
  io.stdout.write(renderSummary(report));

  if (options.markDead) {
    const changes = applyLinkStatuses(selected, results, checkedAt.toISOString().slice(0, 10), io.cwd);
    for (const change of changes) {
      if (change.error)
        io.stderr.write(
          `check-links: could not ${change.to ? 'mark' : 'clear'} ${change.file} (edit it by hand): ${change.error}\n`,
        );
      else io.stdout.write(`  ${change.to ? 'marked dead' : 'cleared status'}: ${change.file}\n`);
    }
  }
  return 0;
}
