/**
 * `npm run import -- <page.md> [--out content] [--dry-run] [--skip-unmapped]`: turns a legacy
 * hand-written page into content files (list.md, sections/<id>.md, entries/<section>/<slug>.md),
 * written with the canonical serialisers, so the result is exactly what `npm run new` would write.
 *
 * Safe to run twice: a file that already holds exactly what would be written is left alone and is
 * not a duplicate. Nothing is overwritten; anything that cannot be mapped is reported with the page's
 * line number, and then nothing is written unless --skip-unmapped is given.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readReadingList } from '../content/content-files.ts';
import { count, isEntryPoint, parseCommandLine, runAsProgram, USAGE_ERROR, type CliIo } from './args.ts';
import { serialiseEntry, serialiseList, serialiseSection } from '../content/entry-file.ts';
import { parseLegacyPage, type LegacyPlan } from '../import/legacy-page.ts';
import { formatProblem, sortProblems, type Problem } from '../content/problems.ts';
import { slugify, uniqueSlug } from '../content/slugs.ts';
import { normaliseUrl } from '../content/urls.ts';

const USAGE = `Usage: npm run import -- <page.md> [--out <dir>] [--dry-run] [--skip-unmapped]

Converts a legacy reading-list page into content files.
  --out <dir>        where to write (default: content)
  --dry-run          print what would be written; write nothing
  --skip-unmapped    write what can be mapped even if some lines cannot be (they are still listed)
Running it twice changes nothing. Existing files are never overwritten.`;

/** One file the import would write, relative to the output folder. */
export interface PlannedFile {
  path: string;
  text: string;
  /** True when the file already exists with exactly this text. */
  unchanged: boolean;
}

/** What is already in the output folder and can clash with the page. */
interface Existing {
  /** Text of a file in the output folder, if it exists. */
  read(path: string): string | undefined;
  /** Every entry slug in use, from the file names (valid or not). */
  slugs: Set<string>;
  /** Normalised URL → file (relative to the output folder) of each valid entry. */
  urls: Map<string, string>;
}

export interface ImportResult {
  files: PlannedFile[];
  problems: Problem[];
  counts: { sections: number; entries: number; quotes: number; notes: number };
  /** Existing list/section files that differ from the page and are left as they are. */
  kept: string[];
}

/** Turns a parsed page into files, resolving slugs and URLs against what the folder already has. */
export function planFiles(plan: LegacyPlan, existing: Existing, pageFile: string): ImportResult {
  const problems = [...plan.problems];
  const files: PlannedFile[] = [];
  const add = (path: string, text: string) => files.push({ path, text, unchanged: existing.read(path) === text });
  // An existing list or section that differs is kept as it is: the page's entries join it.
  const kept: string[] = [];
  const addUnlessKept = (path: string, text: string) => {
    const current = existing.read(path);
    if (current === undefined || current === text) add(path, text);
    else kept.push(path);
  };
  if (plan.list) addUnlessKept('list.md', serialiseList(plan.list.data));
  for (const section of plan.sections) addUnlessKept(`sections/${section.id}.md`, serialiseSection(section.data));

  const usedSlugs = new Set<string>();
  const counts = { sections: plan.sections.length, entries: 0, quotes: 0, notes: 0 };
  for (const entry of plan.entries) {
    const text = serialiseEntry(entry.data, entry.notes);
    const pathOf = (slug: string) => `entries/${entry.data.section}/${slug}.md`;
    // A slug is free unless another entry of this page or a different existing file holds it.
    const slug = uniqueSlug(
      slugify(entry.data.title),
      (candidate) => usedSlugs.has(candidate) || (existing.slugs.has(candidate) && existing.read(pathOf(candidate)) !== text),
    );
    const path = pathOf(slug);
    const owner = existing.urls.get(normaliseUrl(entry.data.url));
    if (owner !== undefined && !(owner === path && existing.read(path) === text)) {
      problems.push({
        file: pageFile,
        line: entry.line,
        field: 'url',
        message: `the same link is already in the list: ${owner}`,
      });
      continue;
    }
    usedSlugs.add(slug);
    add(path, text);
    counts.entries++;
    counts.quotes += entry.data.quotes.length;
    counts.notes += entry.notes.split('\n').filter((line) => line.trim() !== '').length;
  }
  return { files, problems: sortProblems(problems), counts, kept };
}

/** Reads the output folder once: file texts on demand, entry slugs from names, URLs of valid entries. */
function readExisting(outDir: string, projectRoot: string): Existing {
  const read = (path: string) => {
    try {
      return readFileSync(join(outDir, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const slugs = new Set<string>();
  const entriesDir = join(outDir, 'entries');
  if (existsSync(entriesDir)) {
    for (const name of readdirSync(entriesDir, { recursive: true }) as string[]) {
      if (name.endsWith('.md')) slugs.add(name.split(sep).pop()!.replace(/\.md$/, ''));
    }
  }
  const urls = new Map<string, string>();
  if (existsSync(outDir)) {
    for (const entry of readReadingList(outDir, projectRoot).entries) {
      urls.set(normaliseUrl(entry.data.url), `entries/${entry.id}.md`);
    }
  }
  return { read, slugs, urls };
}

export function main(args: string[], io: CliIo): number {
  const flags = parseCommandLine(
    args,
    {
      out: { type: 'string', default: 'content' },
      'dry-run': { type: 'boolean' },
      'skip-unmapped': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    io,
  );
  if (typeof flags === 'number') return flags;
  const [page, ...extra] = flags.positionals;
  if (!page || extra.length > 0) {
    io.err(`give exactly one page to import\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const pagePath = resolve(io.cwd, page);
  if (!existsSync(pagePath)) {
    io.err(`✗ no such page: ${page}`);
    return 1;
  }
  const outDir = resolve(io.cwd, flags.values.out ?? 'content');
  // Paths inside the project are shown relative to it (clickable in editors), others in full.
  const display = (path: string) => {
    const inside = relative(io.cwd, path);
    return inside.startsWith('..') ? path : inside.split(sep).join('/') || '.';
  };
  const pageFile = display(pagePath);
  const plan = parseLegacyPage(readFileSync(pagePath, 'utf8'), pageFile);
  const result = planFiles(plan, readExisting(outDir, io.cwd), pageFile);

  for (const problem of result.problems) io.err(formatProblem(problem));
  const skip = Boolean(flags.values['skip-unmapped']);
  if (result.problems.length > 0 && !skip) {
    io.err(
      `✗ ${count(result.problems.length, 'line')} could not be mapped; nothing written (fix the page, or add --skip-unmapped to import the rest)`,
    );
    return 1;
  }

  const dryRun = Boolean(flags.values['dry-run']);
  const toWrite = result.files.filter((file) => !file.unchanged);
  for (const file of toWrite) {
    const target = join(outDir, file.path);
    if (dryRun) {
      io.out(`would write ${display(target)}`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  for (const path of result.kept) io.out(`kept ${display(join(outDir, path))} as it is (it differs from the page)`);
  const { sections, entries, quotes, notes } = result.counts;
  const what = `${count(sections, 'section')}, ${count(entries, 'entry', 'entries')}, ${count(quotes, 'quote')}, ${count(notes, 'note')}`;
  const files = `${count(toWrite.length, 'file')} ${dryRun ? 'to write' : 'written'}, ${result.files.length - toWrite.length} unchanged`;
  io.out(`${dryRun ? 'Would import' : '✓ Imported'} ${what} from ${pageFile} into ${display(outDir)}/ (${files})`);
  if (dryRun) return 0;

  // The result must pass the same checks as every contribution.
  const problems = readReadingList(outDir, io.cwd).problems;
  for (const problem of sortProblems(problems)) io.err(formatProblem(problem));
  if (problems.length > 0) {
    io.err(`✗ the imported content has ${count(problems.length, 'problem')}: run npm run validate`);
    return 1;
  }
  return 0;
}

if (isEntryPoint(import.meta.url)) runAsProgram(main);
