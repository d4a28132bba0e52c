/**
 * `npm run export -- --format legacy|awesome [--section <id>] [--out <file>] [--check <file>] [content]`:
 * writes the list (or one section with its sub-sections) as one Markdown page — a site page in the
 * legacy format, or an awesome-list README — to stdout, or to a file. Importing that page into an
 * empty folder gives back the same list (src/import/export-page.ts).
 *
 * `--check <file>` writes nothing: it fails when the file is not what the export would write now,
 * so CI can keep a committed README in step with content/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { readReadingList } from '../content/content-files.ts';
import { formatProblem, sortProblems } from '../content/problems.ts';
import { exportPage } from '../import/export-page.ts';
import { PAGE_FORMATS, type PageFormat } from '../import/plan.ts';
import { count, isEntryPoint, parseCommandLine, runAsProgram, USAGE_ERROR, type CliIo } from './args.ts';

const USAGE = `Usage: npm run export -- --format legacy|awesome [--section <id>] [--out <file> | --check <file>] [content-dir]

Writes the list as one Markdown page: a site page (legacy) or a GitHub awesome-list README (awesome).
  --format <format>   legacy or awesome
  --section <id>      only this section and its sub-sections, as a page of its own
  --out <file>        write the page to this file (default: standard output)
  --check <file>      write nothing; fail if the file is not what the export would write now
  content-dir         the list to export (default: content)`;

export function main(args: string[], io: CliIo): number {
  const flags = parseCommandLine(
    args,
    {
      format: { type: 'string' },
      section: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    io,
  );
  if (typeof flags === 'number') return flags;
  const { format, section, out, check } = flags.values;
  if (format === undefined || !(PAGE_FORMATS as readonly string[]).includes(format)) {
    io.err(
      `${format === undefined ? 'give --format' : `--format must be ${PAGE_FORMATS.join(' or ')}, not "${format}"`}\n\n${USAGE}`,
    );
    return USAGE_ERROR;
  }
  if ((out !== undefined && check !== undefined) || flags.positionals.length > 1) {
    io.err(`give --out or --check, not both, and at most one content folder\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const display = (path: string) => {
    const inside = relative(io.cwd, path);
    return inside.startsWith('..') ? path : inside.split(sep).join('/') || '.';
  };
  const contentDir = resolve(io.cwd, flags.positionals[0] ?? 'content');
  const files = readReadingList(contentDir, io.cwd);
  if (files.problems.length > 0) {
    for (const problem of sortProblems(files.problems)) io.err(formatProblem(problem));
    io.err(`✗ ${display(contentDir)}/ has ${count(files.problems.length, 'problem')}: fix them first (npm run validate)`);
    return 1;
  }
  const result = exportPage(files, { format: format as PageFormat, section });
  if ('error' in result) {
    io.err(`✗ ${result.error}`);
    return 1;
  }
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  const command = `npm run export -- --format ${format}${section ? ` --section ${section}` : ''}`;
  if (check !== undefined) {
    const path = resolve(io.cwd, check);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === result.text) {
      io.out(`✓ ${display(path)} is current`);
      return 0;
    }
    io.err(`✗ ${display(path)} is ${current === undefined ? 'missing' : 'out of date'}: run ${command} --out ${check}`);
    return 1;
  }
  if (out !== undefined) {
    const path = resolve(io.cwd, out);
    writeFileSync(path, result.text);
    io.out(`✓ wrote ${display(path)}`);
    return 0;
  }
  if (io.stdout) io.stdout.write(result.text);
  else io.out(result.text.replace(/\n$/, ''));
  return 0;
}

if (isEntryPoint(import.meta.url)) runAsProgram(main);
