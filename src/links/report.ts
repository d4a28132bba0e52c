/** The checker's reports: JSON for machines, Markdown for the weekly issue, a few lines for a terminal. */
import type { LinkResult, LinkState } from './types.ts';
import { codeSpan, terminalText } from './untrusted-text.ts';

/** A result with the entry it belongs to. */
export interface EntryResult extends LinkResult {
  /** `data-platforms/dataops-principles` */
  id: string;
  /** `content/entries/data-platforms/dataops-principles.md` */
  file: string;
}

export interface Summary {
  total: number;
  ok: number;
  redirected: number;
  dead: number;
  error: number;
  slow: number;
}

export interface JsonReport {
  checkedAt: string;
  /** Set with --only-changed: the ref entries were compared against. */
  changedSince?: string;
  summary: Summary;
  results: EntryResult[];
}

export function summarise(results: readonly LinkResult[]): Summary {
  const count = (state: LinkState) => results.filter((result) => result.state === state).length;
  return {
    total: results.length,
    ok: count('ok'),
    redirected: count('redirected'),
    dead: count('dead'),
    error: count('error'),
    slow: results.filter((result) => result.slow).length,
  };
}

export function buildJsonReport(results: EntryResult[], checkedAt: Date, changedSince?: string): JsonReport {
  return {
    checkedAt: checkedAt.toISOString(),
    ...(changedSince !== undefined ? { changedSince } : {}),
    summary: summarise(results),
    results,
  };
}

/**
 * An autolink, for the entry's own URL only (validated content; `new URL().href` percent-encodes the
 * `<`, `>` and spaces that would break one). Everything a server sent — reasons with status texts,
 * redirect targets — goes in a code span instead: never a link, image, mention or HTML.
 */
export const link = (url: string) => `<${new URL(url).href}>`;
const code = codeSpan;

function section(title: string, items: readonly EntryResult[], line: (result: EntryResult) => string): string[] {
  return [`## ${title} (${items.length})`, '', ...(items.length ? items.map((item) => `- ${line(item)}`) : ['None.']), ''];
}

export function renderMarkdown(report: JsonReport): string {
  const { summary, results } = report;
  const of = (state: LinkState) => results.filter((result) => result.state === state);
  const scope = report.changedSince !== undefined ? ` (entries changed since ${code(report.changedSince)})` : '';
  return [
    '# Link check report',
    '',
    `Checked ${summary.total} link${summary.total === 1 ? '' : 's'}${scope} on ${report.checkedAt.slice(0, 10)}: ` +
      `${summary.ok} ok, ${summary.redirected} redirected, ${summary.dead} dead, ${summary.error} errors, ${summary.slow} slow.`,
    '',
    ...section('Dead', of('dead'), (r) => `${code(r.file)}: ${link(r.url)}: ${code(r.reason)}`),
    ...section(
      'Redirected',
      of('redirected'),
      (r) => `${code(r.file)}: ${link(r.url)}: update url to ${code(r.suggestedUrl ?? r.finalUrl)}`,
    ),
    ...section(
      'Slow',
      results.filter((r) => r.slow),
      (r) => `${code(r.file)}: ${link(r.url)}: ${r.elapsedMs} ms`,
    ),
    ...section('Errors', of('error'), (r) => `${code(r.file)}: ${link(r.url)}: ${code(r.reason)}`),
    'Dead links stay in the list: run `npm run check:links -- --mark-dead` to mark them, so the site shows their archived copy.',
    '',
  ].join('\n');
}

/** The few lines printed to stdout. */
export function renderSummary(report: JsonReport): string {
  const { summary } = report;
  const lines = [
    `checked ${summary.total} links: ${summary.ok} ok, ${summary.redirected} redirected, ${summary.dead} dead, ${summary.error} errors, ${summary.slow} slow`,
  ];
  for (const result of report.results) {
    if (result.state === 'dead' || result.state === 'error')
      lines.push(`  ${result.state}: ${result.file}: ${result.url}: ${terminalText(result.reason)}`);
    if (result.state === 'redirected')
      lines.push(`  redirected: ${result.file}: update url to ${terminalText(result.suggestedUrl ?? result.finalUrl)}`);
  }
  return `${lines.join('\n')}\n`;
}
