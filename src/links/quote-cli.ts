/**
 * `npm run check:quotes`: reads the content, fetches the article of every entry with quotes (or of
 * those a branch changed) and says, per quote, whether the passage is still there. Same conventions
 * as check:links (src/links/cli.ts): a report, not a failure — the exit code is non-zero only when the
 * checker itself cannot run. `--fix-wording` rewrites quotes whose only differences are typographic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readReadingList, type EntryFile } from '../content/content-files.ts';
import { isSyntaxError, parseContentFile } from '../content/frontmatter.ts';
import { formatProblem, sortProblems } from '../content/problems.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_PER_HOST } from './check-all.ts';
import { selectEntries, UsageError, whole, writeReport, type CliIo } from './cli.ts';
import { DEFAULT_PAGE_OPTIONS, type PageOptions } from './fetch-page.ts';
import { looksOffline } from './offline.ts';
import { createProgress } from './progress.ts';
import { checkEntryQuotes, type EntryQuotes } from './quote-check.ts';
import { buildQuoteReport, renderQuoteMarkdown, renderQuoteSummary } from './quote-report.ts';
import { terminalText } from './untrusted-text.ts';
import { replaceScalar, YamlEditError } from './yaml-edit.ts';

export const QUOTES_USAGE = `Usage: npm run check:quotes -- [options]

Fetches the article of every entry with quotes and says, per quote, whether the passage is on the
page: found, close (with the differences and the page's wording), not found, or could not check.

  --content <dir>       content folder (default: content)
  --json <file>         write the full report as JSON
  --markdown <file>     write a Markdown report
  --only-changed        check only entries changed against --base (for pull requests)
  --base <ref>          the ref --only-changed compares with (default: origin/main)
  --fix-wording         rewrite quotes found with only typographic differences (quotes,
                        apostrophes, dashes, ellipses, spaces) in the page's wording
  --timeout <ms>        per-request time to get headers (default: ${DEFAULT_PAGE_OPTIONS.timeoutMs})
  --body-timeout <ms>   time to receive a whole page (default: ${DEFAULT_PAGE_OPTIONS.bodyTimeoutMs})
  --max-bytes <n>       bytes of a page read, after decompression (default: ${DEFAULT_PAGE_OPTIONS.maxBytes})
  --retries <n>         retries after a transient failure (default: ${DEFAULT_PAGE_OPTIONS.retries})
  --concurrency <n>     pages fetched at once (default: ${DEFAULT_CONCURRENCY})
  --per-host <n>        pages fetched at once from one host (default: ${DEFAULT_PER_HOST})
  --help                show this help

Exit code: 0 when the check ran (even with missing quotes); 1 when the content is invalid, git
cannot answer --only-changed, or no server answered at all (the network looks down); 2 for bad
arguments.`;

export interface QuoteCliIo extends Omit<CliIo, 'checkOptions'> {
  /** Lets tests make backoff instant and timeouts short; the real run uses the defaults. */
  pageOptions?: Partial<PageOptions>;
}

interface QuoteCliOptions {
  content: string;
  json?: string;
  markdown?: string;
  onlyChanged: boolean;
  base: string;
  fixWording: boolean;
  help: boolean;
  timeoutMs: number;
  bodyTimeoutMs: number;
  maxBytes: number;
  retries: number;
  concurrency: number;
  perHost: number;
}

export function parseQuoteArgs(argv: string[]): QuoteCliOptions {
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
        'fix-wording': { type: 'boolean', default: false },
        timeout: { type: 'string' },
        'body-timeout': { type: 'string' },
        'max-bytes': { type: 'string' },
        retries: { type: 'string' },
        concurrency: { type: 'string' },
        'per-host': { type: 'string' },
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
    fixWording: values['fix-wording'],
    help: values.help,
    timeoutMs: whole('timeout', values.timeout, DEFAULT_PAGE_OPTIONS.timeoutMs, 1),
    bodyTimeoutMs: whole('body-timeout', values['body-timeout'], DEFAULT_PAGE_OPTIONS.bodyTimeoutMs, 1),
    maxBytes: whole('max-bytes', values['max-bytes'], DEFAULT_PAGE_OPTIONS.maxBytes, 1024),
    retries: whole('retries', values.retries, DEFAULT_PAGE_OPTIONS.retries, 0),
    concurrency: whole('concurrency', values.concurrency, DEFAULT_CONCURRENCY, 1),
    perHost: whole('per-host', values['per-host'], DEFAULT_PER_HOST, 1),
  };
}

export interface WordingFix {
  file: string;
  /** 1-based quote numbers rewritten. */
  quotes: number[];
  error?: string;
}

/** The quote at `index` in the entry file as it is on disk now, or undefined when it cannot be read. */
function quoteOnDisk(source: string, index: number): unknown {
  const parsed = parseContentFile(source);
  if (isSyntaxError(parsed)) return undefined;
  const quotes = parsed.data.quotes;
  return Array.isArray(quotes) ? quotes[index] : undefined;
}

/**
 * Rewrites, in each entry file, the quotes the check found with typographic differences only; each
 * edit touches that quote's value and nothing else. The file is read again before each edit: a
 * quote that is no longer the one checked (the file was edited while the pages were fetched) is left
 * alone, and so are the rest of that file's rewrites.
 */
export function applyWordingFixes(results: readonly EntryQuotes[], projectRoot: string): WordingFix[] {
  const fixes: WordingFix[] = [];
  for (const result of results) {
    const rewrites = result.quotes.filter((quote) => quote.fixWording !== undefined);
    if (!rewrites.length) continue;
    const path = join(projectRoot, result.file);
    const done: number[] = [];
    try {
      for (const quote of rewrites) {
        const source = readFileSync(path, 'utf8');
        if (quoteOnDisk(source, quote.index) !== quote.quote)
          throw new YamlEditError(`quote ${quote.index + 1} changed since it was checked`);
        writeFileSync(path, replaceScalar(source, ['quotes', quote.index], quote.fixWording!));
        done.push(quote.index + 1);
      }
      fixes.push({ file: result.file, quotes: done });
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
      fixes.push({ file: result.file, quotes: done, error: error.message });
    }
  }
  return fixes;
}

/** Runs the checker; returns the exit code. */
export async function runCheckQuotes(argv: string[], io: QuoteCliIo): Promise<number> {
  let options: QuoteCliOptions;
  try {
    options = parseQuoteArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`check-quotes: ${error.message}\n\n${QUOTES_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(`${QUOTES_USAGE}\n`);
    return 0;
  }

  const { entries, problems } = readReadingList(resolve(io.cwd, options.content), io.cwd);
  if (problems.length) {
    const lines = sortProblems(problems).map(formatProblem).join('\n');
    io.stderr.write(`check-quotes: the content is invalid (run \`npm run validate\`):\n${lines}\n`);
    return 1;
  }
  let selected: EntryFile[];
  try {
    selected = selectEntries(entries, options, io.cwd);
  } catch (error) {
    io.stderr.write(
      `check-quotes: cannot list changed files against ${options.base}: ${(error as Error).message.split('\n')[0]}\n`,
    );
    return 1;
  }

  const progress = createProgress<EntryQuotes>(io.stderr, [
    { label: 'not found', count: (result) => result.quotes.filter((quote) => quote.verdict === 'not-found').length },
    { label: 'close', count: (result) => result.quotes.filter((quote) => quote.verdict === 'close').length },
    { label: 'unchecked', count: (result) => result.quotes.filter((quote) => quote.verdict === 'could-not-check').length },
  ]);
  const results = await checkEntryQuotes(selected, {
    timeoutMs: options.timeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs,
    maxBytes: options.maxBytes,
    retries: options.retries,
    concurrency: options.concurrency,
    perHost: options.perHost,
    ...io.pageOptions,
    onResult: (result, done, total) => progress.update(result, done, total),
  });
  progress.finish();
  const fetched = results.filter((result) => result.requests > 0);
  if (looksOffline(fetched)) {
    io.stderr.write(
      `check-quotes: none of the ${fetched.length} pages on several hosts gave any answer (first: ${terminalText(fetched[0]!.quotes[0]?.reason ?? '')}); ` +
        'the network looks down, so nothing was reported or rewritten\n',
    );
    return 1;
  }

  const report = buildQuoteReport(results, io.now(), options.onlyChanged ? options.base : undefined);
  if (options.json) writeReport(resolve(io.cwd, options.json), `${JSON.stringify(report, null, 2)}\n`);
  if (options.markdown) writeReport(resolve(io.cwd, options.markdown), renderQuoteMarkdown(report));
  io.stdout.write(renderQuoteSummary(report));

  if (options.fixWording) {
    for (const fix of applyWordingFixes(results, io.cwd)) {
      if (fix.quotes.length)
        io.stdout.write(`  fixed wording: ${fix.file} (quote${fix.quotes.length === 1 ? '' : 's'} ${fix.quotes.join(', ')})\n`);
      if (fix.error) io.stderr.write(`check-quotes: could not fix the wording in ${fix.file} (edit it by hand): ${fix.error}\n`);
    }
  }
  return 0;
}
