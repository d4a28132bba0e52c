/**
 * `npm run new`: scaffolds one entry file. In a terminal it asks for each field; otherwise (or for
 * any field given as a flag) it takes flags. The file is written with the canonical serialiser and
 * checked with the same validation as `npm run validate` before the path is printed.
 */
import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { checkFile, readReadingList, type EntryFile, type SectionFile } from '../content/content-files.ts';
import { isEntryPoint, parseCommandLine, runAsProgram, type CliIo } from './args.ts';
import { serialiseEntry } from '../content/entry-file.ts';
import { nearest } from '../content/nearest.ts';
import { formatProblem, type Problem } from '../content/problems.ts';
import { slugify, uniqueSlug } from '../content/slugs.ts';
import { normaliseUrl } from '../content/urls.ts';
import {
  ENTRY_KEYS,
  ENTRY_KINDS,
  SLUG_PATTERN,
  entrySchema,
  isHttpUrl,
  type EntryData,
  type EntryKind,
} from '../schemas/content.ts';

const USAGE = `Usage: npm run new [-- --url <url> --title <title> --section <id> --kind framing|approach
                     [--quote <text>]... [--tag <tag>]... [--notes <markdown>] [--content <dir>]]

Writes content/entries/<section>/<slug>.md and prints its path. In a terminal, asks for
whatever is not given as a flag; otherwise --url, --title, --section and --kind are required.
Notes that start with "-" need "=": --notes="- a point worth keeping".`;

export interface NewEntryAnswers {
  url: string;
  title: string;
  section: string;
  kind: string;
  quotes: string[];
  tags: string[];
  notes: string;
}

/** The list as it is now: what a new entry must not clash with. */
interface CurrentList {
  sections: SectionFile[];
  entries: EntryFile[];
}

/** Why `url` cannot be added (not http(s), or already in the list, naming the file), if it cannot. */
export function urlProblem(url: string, list: CurrentList): string | undefined {
  if (!isHttpUrl(url)) return `"${url}" must be an absolute http:// or https:// URL`;
  const key = normaliseUrl(url);
  const owner = list.entries.find((entry) => normaliseUrl(entry.data.url) === key);
  return owner ? `this link is already in the list: ${owner.file}` : undefined;
}

export function sectionProblem(section: string, list: CurrentList): string | undefined {
  const ids = list.sections.map((known) => known.id);
  if (ids.includes(section)) return undefined;
  const hint = nearest(section, ids);
  return `no section "${section}"; ${hint ? `did you mean "${hint}"?` : `the sections are ${ids.join(', ')}`}`;
}

export function kindProblem(kind: string): string | undefined {
  return (ENTRY_KINDS as readonly string[]).includes(kind) ? undefined : `kind must be one of: ${ENTRY_KINDS.join(', ')}`;
}

export function tagsProblem(tags: string[]): string | undefined {
  const bad = tags.filter((tag) => !SLUG_PATTERN.test(tag));
  return bad.length
    ? `tags are lowercase-with-hyphens, like "data-engineering"; not ${bad.map((tag) => `"${tag}"`).join(', ')}`
    : undefined;
}

/** Today as YYYY-MM-DD in the contributor's time zone (the day they added it). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Every entry slug in use, from file names (slugs are unique across the whole list). */
function takenSlugs(entriesDir: string): Set<string> {
  if (!existsSync(entriesDir)) return new Set();
  const names = readdirSync(entriesDir, { recursive: true }) as string[];
  return new Set(names.filter((name) => name.endsWith('.md')).map((name) => name.split(sep).pop()!.replace(/\.md$/, '')));
}

/** Asks for each field not already given, re-asking until the answer can be used. */
async function askMissing(partial: Partial<NewEntryAnswers>, list: CurrentList, io: CliIo): Promise<NewEntryAnswers> {
  const rl = createInterface({ input: io.stdin!, output: io.stdout! });
  const ask = async (question: string, problem: (answer: string) => string | undefined): Promise<string> => {
    for (;;) {
      const answer = (await rl.question(question)).trim();
      const why = problem(answer);
      if (!why) return answer;
      io.err(`  ${why}`);
    }
  };
  try {
    const url = partial.url ?? (await ask('URL: ', (answer) => urlProblem(answer, list)));
    const title = partial.title ?? (await ask('Title: ', (answer) => (answer ? undefined : 'the title must not be empty')));
    const ids = list.sections.map((section) => section.id).join(', ');
    const section = partial.section ?? (await ask(`Section (${ids}): `, (answer) => sectionProblem(answer, list)));
    const kind = partial.kind ?? (await ask(`Kind (${ENTRY_KINDS.join(' or ')}): `, kindProblem));
    let quotes = partial.quotes ?? [];
    if (quotes.length === 0) {
      io.out('Quotes, word for word from the article (one per line; an empty line ends):');
      for (let quote = await rl.question('> '); quote.trim(); quote = await rl.question('> ')) quotes = [...quotes, quote.trim()];
    }
    const splitTags = (answer: string) =>
      answer
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
    const tags =
      partial.tags ?? splitTags(await ask('Tags (comma-separated, optional): ', (answer) => tagsProblem(splitTags(answer))));
    return { url, title, section, kind, quotes, tags, notes: partial.notes ?? '' };
  } finally {
    rl.close();
  }
}

/** Problems with the answers that can be told before anything is written. */
function answerProblems(answers: NewEntryAnswers, list: CurrentList): string[] {
  const missing = (['url', 'title', 'section', 'kind'] as const).filter((field) => !answers[field]);
  if (missing.length > 0) return [`missing ${missing.map((field) => `--${field}`).join(', ')} (see --help)`];
  return [urlProblem(answers.url, list), sectionProblem(answers.section, list), kindProblem(answers.kind)].filter(
    (problem): problem is string => problem !== undefined,
  );
}

export async function main(args: string[], io: CliIo): Promise<number> {
  const flags = parseCommandLine(
    args,
    {
      url: { type: 'string' },
      title: { type: 'string' },
      section: { type: 'string' },
      kind: { type: 'string' },
      quote: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      notes: { type: 'string' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    io,
  );
  if (typeof flags === 'number') return flags;
  const { values } = flags;
  const contentDir = resolve(io.cwd, values.content ?? 'content');
  const list = readReadingList(contentDir, io.cwd);
  const given: Partial<NewEntryAnswers> = {
    ...(values.url !== undefined ? { url: values.url.trim() } : {}),
    ...(values.title !== undefined ? { title: values.title.trim() } : {}),
    ...(values.section !== undefined ? { section: values.section.trim() } : {}),
    ...(values.kind !== undefined ? { kind: values.kind.trim() } : {}),
    ...(values.quote ? { quotes: values.quote.map((quote) => quote.trim()) } : {}),
    ...(values.tag ? { tags: values.tag.map((tag) => tag.trim()) } : {}),
    ...(values.notes !== undefined ? { notes: values.notes } : {}),
  };
  const answers: NewEntryAnswers =
    io.stdin?.isTTY && io.stdout
      ? await askMissing(given, list, io)
      : { url: '', title: '', section: '', kind: '', quotes: [], tags: [], notes: '', ...given };

  const problems = answerProblems(answers, list);
  if (problems.length > 0) {
    for (const problem of problems) io.err(`✗ ${problem}`);
    return 1;
  }
  const data: EntryData = {
    title: answers.title,
    url: answers.url,
    section: answers.section,
    kind: answers.kind as EntryKind,
    quotes: answers.quotes,
    tags: answers.tags,
    added: today(),
  };
  const slug = uniqueSlug(slugify(data.title), (candidate) => takenSlugs(join(contentDir, 'entries')).has(candidate));
  const path = join(contentDir, 'entries', data.section, `${slug}.md`);
  const file = relative(io.cwd, path).split(sep).join('/');
  const text = serialiseEntry(data, answers.notes);
  return writeChecked(path, file, text, contentDir, io);
}

/** Writes the entry only if it passes the schema, then re-reads the list to prove it validates. */
function writeChecked(path: string, file: string, text: string, contentDir: string, io: CliIo): number {
  const report = (problems: Problem[]) => {
    for (const problem of problems) io.err(formatProblem(problem));
    io.err(`✗ nothing written`);
    return 1;
  };
  const checked = checkFile(file, text, entrySchema, ENTRY_KEYS);
  if (checked.problems.length > 0) return report(checked.problems);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' });
  const ownProblems = readReadingList(contentDir, io.cwd).problems.filter((problem) => problem.file === file);
  if (ownProblems.length > 0) {
    unlinkSync(path);
    return report(ownProblems);
  }
  io.out(file);
  return 0;
}

if (isEntryPoint(import.meta.url)) runAsProgram(main);
