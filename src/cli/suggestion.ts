/**
 * `npm run suggestion -- <issue-body.md>`: turns the body of a "Suggest a link" issue into an entry
 * file, written and checked by the same code as `npm run new` (src/content/new-entry.ts), or prints
 * every problem and writes nothing. `--form` writes the issue form itself from the list.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readReadingList } from '../content/content-files.ts';
import { entryFromAnswers, writeNewEntry, type AnswerProblem } from '../content/new-entry.ts';
import { suggestionFromIssue } from '../contributing/suggestion.ts';
import { SUGGESTION_FORM_COMMAND, SUGGESTION_FORM_PATH, suggestionFormYaml } from '../contributing/suggestion-form.ts';
import { count, isEntryPoint, parseCommandLine, runAsProgram, USAGE_ERROR, type CliIo } from './args.ts';

const USAGE = `Usage: npm run suggestion -- <issue-body.md> [--issue <number>] [--out <dir>] [--content <dir>]
       npm run suggestion -- --form [--check] [--content <dir>]

Reads the body of a "Suggest a link" issue (GitHub's issue-form Markdown) and writes
content/entries/<section>/<slug>.md through the same checks as npm run new, then prints its path.
If anything is wrong, prints every problem as "field: message", writes nothing and exits 1.

  --issue <number>  the issue the body comes from: recorded in the --out metadata, which names
                    the branch (suggestion/<number>) and the pull request that closes the issue
  --out <dir>       also writes <dir>/suggestion.json (the outcome: file, title, or problems)
                    and, when an entry was written, <dir>/entry.md (a copy of it)
  --form            writes ${SUGGESTION_FORM_PATH} from the list's sections and groups
  --check           with --form: writes nothing, exits 1 if the committed form is out of date`;

/** What `--out` records for the workflow: plain data, read as untrusted by the job that writes. */
export interface SuggestionOutcome {
  ok: boolean;
  /** The issue the suggestion came from (`--issue`), or null. */
  issue: number | null;
  /** The entry file written, relative to the project root (`content/entries/<section>/<slug>.md`). */
  file?: string;
  section?: string;
  slug?: string;
  title?: string;
  pullRequest?: { branch: string | null; title: string };
  problems: AnswerProblem[];
}

/** A positive issue number written in digits, or undefined. */
function issueNumber(text: string): number | undefined {
  return /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : undefined;
}

function writeOutcome(dir: string | undefined, outcome: SuggestionOutcome, entryText?: string): void {
  if (dir === undefined) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'suggestion.json'), `${JSON.stringify(outcome, null, 2)}\n`);
  if (entryText !== undefined) writeFileSync(join(dir, 'entry.md'), entryText);
}

function form(contentDir: string, check: boolean, io: CliIo): number {
  const list = readReadingList(contentDir, io.cwd, { entries: false });
  if (list.problems.length > 0) {
    io.err(`✗ content/ has ${count(list.problems.length, 'problem')}: run npm run validate, then ${SUGGESTION_FORM_COMMAND}`);
    return 1;
  }
  const path = resolve(io.cwd, SUGGESTION_FORM_PATH);
  const text = suggestionFormYaml(list);
  if (check) {
    if (existsSync(path) && readFileSync(path, 'utf8') === text) {
      io.out(`✓ ${SUGGESTION_FORM_PATH} is up to date with the list`);
      return 0;
    }
    io.err(`✗ ${SUGGESTION_FORM_PATH} is out of date with the list's sections and groups: run ${SUGGESTION_FORM_COMMAND}`);
    return 1;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  io.out(SUGGESTION_FORM_PATH);
  return 0;
}

export function main(args: string[], io: CliIo): number {
  const flags = parseCommandLine(
    args,
    {
      issue: { type: 'string' },
      out: { type: 'string' },
      content: { type: 'string', default: 'content' },
      form: { type: 'boolean' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    io,
  );
  if (typeof flags === 'number') return flags;
  const { values, positionals } = flags;
  const contentDir = resolve(io.cwd, values.content ?? 'content');
  if (values.form) {
    if (positionals.length > 0 || values.issue !== undefined || values.out !== undefined) {
      io.err(`--form takes no issue body, --issue or --out\n\n${USAGE}`);
      return USAGE_ERROR;
    }
    return form(contentDir, values.check ?? false, io);
  }
  if (values.check) {
    io.err(`--check goes with --form\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const [bodyPath, ...extra] = positionals;
  if (bodyPath === undefined || extra.length > 0) {
    io.err(`expected one issue body file\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const issue = values.issue === undefined ? null : issueNumber(values.issue);
  if (issue === undefined) {
    io.err(`--issue must be an issue number, like 12\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  let body: string;
  try {
    body = readFileSync(resolve(io.cwd, bodyPath), 'utf8');
  } catch (error) {
    io.err(`✗ cannot read the issue body: ${(error as Error).message}`);
    return 1;
  }
  const outDir = values.out === undefined ? undefined : resolve(io.cwd, values.out);

  const list = readReadingList(contentDir, io.cwd);
  const { answers, problems } = suggestionFromIssue(body, list);
  const refuse = (found: AnswerProblem[]) => {
    for (const problem of found) io.err(`${problem.field}: ${problem.message}`);
    io.err(`✗ ${count(found.length, 'problem')}: nothing written`);
    writeOutcome(outDir, { ok: false, issue, problems: found });
    return 1;
  };
  if (problems.length > 0) return refuse(problems);

  const data = entryFromAnswers(answers);
  const result = writeNewEntry(data, answers.notes, contentDir, io.cwd);
  if (!result.written) return refuse(result.problems.map(({ field, message }) => ({ field, message })));

  const slug = result.file.split('/').pop()!.replace(/\.md$/, '');
  writeOutcome(
    outDir,
    {
      ok: true,
      issue,
      file: result.file,
      section: data.section,
      slug,
      title: data.title,
      pullRequest: { branch: issue === null ? null : `suggestion/${issue}`, title: `Add: ${data.title}` },
      problems: [],
    },
    readFileSync(resolve(io.cwd, result.file), 'utf8'),
  );
  io.out(result.file);
  return 0;
}

if (isEntryPoint(import.meta.url)) runAsProgram(main);
