/**
 * `npm run new`: scaffolds one entry file. In a terminal it asks for each field; otherwise (or for
 * any field given as a flag) it takes flags. The answers are checked and written by
 * src/content/new-entry.ts, with the same validation as `npm run validate`, before the path is printed.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { readReadingList } from '../content/content-files.ts';
import { declaredGroups } from '../content/list-shape.ts';
import {
  answerProblems,
  entryFromAnswers,
  groupsOfSection,
  kindProblem,
  sectionChoices,
  sectionProblem,
  tagsProblem,
  urlProblem,
  writeNewEntry,
  type CurrentList,
  type NewEntryAnswers,
} from '../content/new-entry.ts';
import { formatProblem } from '../content/problems.ts';
import { isEntryPoint, parseCommandLine, runAsProgram, type CliIo } from './args.ts';

export { today } from '../content/new-entry.ts';

const USAGE = `Usage: npm run new [-- --url <url> --title <title> --section <id> [--kind <group>]
                     [--quote <text>]... [--tag <tag>]... [--also <section>[/<group>]]...
                     [--notes <markdown>] [--content <dir>]]

Writes content/entries/<section>/<slug>.md and prints its path. In a terminal, asks for
whatever is not given as a flag; otherwise --url, --title and --section are required, and
--kind (or --group) when the section lists its entries in groups. --also lists the entry in
another section too. Notes that start with "-" need "=": --notes="- a point worth keeping".`;

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
    let section = partial.section;
    if (section === undefined) {
      io.out(['Sections:', ...sectionChoices(list).map((line) => `  ${line}`)].join('\n'));
      section = await ask(`Section (${list.sections.map((known) => known.id).join(', ')}): `, (answer) =>
        sectionProblem(answer, list),
      );
    }
    const shown = groupsOfSection(section, list);
    const headings = new Map(declaredGroups(list.list?.data).map((group) => [group.id, group.heading]));
    const choices = shown.map((id) => `${id} (${headings.get(id) ?? id})`).join(', ');
    const kind =
      partial.kind ??
      (shown.length === 0 ? '' : await ask(`Group (${choices}): `, (answer) => kindProblem(answer, section, list)));
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
    return { url, title, section, kind, quotes, tags, notes: partial.notes ?? '', also: partial.also ?? [] };
  } finally {
    rl.close();
  }
}

export async function main(args: string[], io: CliIo): Promise<number> {
  const flags = parseCommandLine(
    args,
    {
      url: { type: 'string' },
      title: { type: 'string' },
      section: { type: 'string' },
      kind: { type: 'string' },
      group: { type: 'string' },
      quote: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      also: { type: 'string', multiple: true },
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
  const kind = values.kind ?? values.group;
  const given: Partial<NewEntryAnswers> = {
    ...(values.url !== undefined ? { url: values.url.trim() } : {}),
    ...(values.title !== undefined ? { title: values.title.trim() } : {}),
    ...(values.section !== undefined ? { section: values.section.trim() } : {}),
    ...(kind !== undefined ? { kind: kind.trim() } : {}),
    ...(values.quote ? { quotes: values.quote.map((quote) => quote.trim()) } : {}),
    ...(values.tag ? { tags: values.tag.map((tag) => tag.trim()) } : {}),
    ...(values.also ? { also: values.also.map((also) => also.trim()) } : {}),
    ...(values.notes !== undefined ? { notes: values.notes } : {}),
  };
  const answers: NewEntryAnswers =
    io.stdin?.isTTY && io.stdout
      ? await askMissing(given, list, io)
      : { url: '', title: '', section: '', kind: '', quotes: [], tags: [], notes: '', also: [], ...given };

  const problems = answerProblems(answers, list);
  if (problems.length > 0) {
    for (const problem of problems) io.err(`✗ ${problem.field}: ${problem.message}`);
    io.err('✗ nothing written (see --help)');
    return 1;
  }
  const result = writeNewEntry(entryFromAnswers(answers), answers.notes, contentDir, io.cwd);
  if (!result.written) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    io.err('✗ nothing written');
    return 1;
  }
  io.out(result.file);
  return 0;
}

if (isEntryPoint(import.meta.url)) runAsProgram(main);
