/**
 * Turning answers (from `npm run new`'s flags or prompts, or a "Suggest a link" issue) into one new
 * entry file: every problem with the answers as `field: message`, then the file written in the
 * canonical layout and checked by the same code as `npm run validate` before anything is kept.
 */
import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SLUG_PATTERN, entrySchema, isHttpUrl, ENTRY_KEYS, type EntryInput } from '../schemas/content.ts';
import { checkFile, readReadingList, type ReadingListFiles } from './content-files.ts';
import { serialiseEntry } from './entry-file.ts';
import { declaredGroups, sectionGroupIds, sectionTree } from './list-shape.ts';
import { nearest } from './nearest.ts';
import type { Problem } from './problems.ts';
import { slugify, uniqueSlug } from './slugs.ts';
import { normaliseUrl } from './urls.ts';

export interface NewEntryAnswers {
  url: string;
  title: string;
  section: string;
  /** The group within the section; empty for a section without groups. */
  kind: string;
  quotes: string[];
  tags: string[];
  notes: string;
  /** Other sections to list it in too, each `section` or `section/group`. */
  also: string[];
}

/** A problem with one answer, named by the entry field it would fill. */
export interface AnswerProblem {
  field: string;
  message: string;
}

/** The list as it is now: what a new entry must fit and must not clash with. */
export type CurrentList = Pick<ReadingListFiles, 'list' | 'sections' | 'entries'>;

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

/** Why `url` cannot be added (not http(s), or already in the list, naming the file), if it cannot. */
export function urlProblem(url: string, list: CurrentList): string | undefined {
  if (!isHttpUrl(url)) return `"${url}" must be an absolute http:// or https:// URL`;
  const key = normaliseUrl(url);
  const owner = list.entries.find((entry) => normaliseUrl(entry.data.url) === key);
  return owner
    ? `this link is already in the list: ${owner.file} (to show it in another section too, add that section to its "also_in")`
    : undefined;
}

export function sectionProblem(section: string, list: CurrentList): string | undefined {
  const ids = list.sections.map((known) => known.id);
  if (ids.includes(section)) return undefined;
  const hint = nearest(section, ids);
  return `no section "${section}"; ${hint ? `did you mean "${hint}"? The` : 'the'} sections are ${quoted(ids)}`;
}

/** The group ids `section` shows, in order (none for an unknown section or one without groups). */
export function groupsOfSection(section: string, list: CurrentList): string[] {
  const found = list.sections.find((known) => known.id === section);
  return found ? sectionGroupIds(found.data, declaredGroups(list.list?.data)) : [];
}

/** Why `kind` cannot be the entry's group in `section`, if it cannot (an unknown section is reported apart). */
export function kindProblem(kind: string, section: string, list: CurrentList): string | undefined {
  if (!list.sections.some((known) => known.id === section)) return undefined;
  const shown = groupsOfSection(section, list);
  if (shown.length === 0) return kind ? `section "${section}" lists its entries without groups: leave the group out` : undefined;
  if (!kind) return `section "${section}" lists its entries under the groups ${quoted(shown)}: choose one`;
  if (shown.includes(kind)) return undefined;
  const hint = nearest(kind, shown);
  const declared = declaredGroups(list.list?.data).map((group) => group.id);
  return declared.includes(kind)
    ? `section "${section}" does not show the group "${kind}"; it shows ${quoted(shown)}`
    : `no group "${kind}"; ${hint ? `did you mean "${hint}"? Section` : 'section'} "${section}" shows ${quoted(shown)}`;
}

export function tagsProblem(tags: string[]): string | undefined {
  const bad = tags.filter((tag) => !SLUG_PATTERN.test(tag));
  return bad.length
    ? `tags are lowercase-with-hyphens, like "data-engineering"; not ${bad.map((tag) => `"${tag}"`).join(', ')}`
    : undefined;
}

/** `section` or `section/group` → a cross-listing, with its problems. */
export function alsoProblem(also: string, own: string, list: CurrentList): string | undefined {
  const [section = '', kind = ''] = also.split('/', 2);
  if (section === own) return `"${section}" is the entry's own section`;
  return sectionProblem(section, list) ?? kindProblem(kind, section, list);
}

/** Every problem with the answers that can be told before anything is written. */
export function answerProblems(answers: NewEntryAnswers, list: CurrentList): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const add = (field: string, message: string | undefined) => {
    if (message !== undefined) problems.push({ field, message });
  };
  add('url', answers.url ? urlProblem(answers.url, list) : 'is missing: give the article URL');
  add('title', answers.title.trim() ? undefined : 'is missing: give the article title');
  if (!answers.section) add('section', `is missing: choose one of ${quoted(list.sections.map((s) => s.id))}`);
  else add('section', sectionProblem(answers.section, list) ?? undefined);
  if (answers.section) add('kind', kindProblem(answers.kind, answers.section, list));
  add('tags', tagsProblem(answers.tags));
  answers.quotes.forEach((quote, index) => add(`quotes[${index}]`, quote.trim() ? undefined : 'must not be empty'));
  answers.also.forEach((also, index) => add(`also_in[${index}]`, alsoProblem(also, answers.section, list)));
  return problems;
}

/** Today as YYYY-MM-DD in the contributor's time zone (the day they added it). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The entry's frontmatter from answers that have no problems. */
export function entryFromAnswers(answers: NewEntryAnswers, added = today()): EntryInput {
  return {
    title: answers.title.trim(),
    url: answers.url.trim(),
    section: answers.section,
    ...(answers.kind ? { kind: answers.kind } : {}),
    added,
    tags: answers.tags,
    quotes: answers.quotes.map((quote) => quote.trim()),
    also_in: answers.also.map((also) => {
      const [section = '', kind] = also.split('/', 2);
      return { section, ...(kind ? { kind } : {}) };
    }),
  };
}

/** The sections as an indented tree with ids, for a prompt: "data-platforms  Data Platforms". */
export function sectionChoices(list: CurrentList): string[] {
  const tree = sectionTree(list.sections);
  return tree.inOrder.map((section) => `${'  '.repeat(tree.ancestorsOf(section.id).length)}${section.id}  (${section.data.title})`);
}

/** Every entry slug in use, from file names (slugs are unique across the whole list). */
function takenSlugs(entriesDir: string): Set<string> {
  if (!existsSync(entriesDir)) return new Set();
  const names = readdirSync(entriesDir, { recursive: true }) as string[];
  return new Set(names.filter((name) => name.endsWith('.md')).map((name) => name.split(sep).pop()!.replace(/\.md$/, '')));
}

export type WriteResult = { written: true; file: string } | { written: false; problems: Problem[] };

/**
 * Writes `data` as a new entry file under `contentDir` (a slug no other entry uses, never over a
 * file), then re-reads the list and removes the file again if validation finds any problem in it.
 */
export function writeNewEntry(data: EntryInput, notes: string, contentDir: string, projectRoot: string): WriteResult {
  const slug = uniqueSlug(slugify(data.title), (candidate) => takenSlugs(join(contentDir, 'entries')).has(candidate));
  const path = join(contentDir, 'entries', data.section, `${slug}.md`);
  const file = relative(projectRoot, path).split(sep).join('/');
  const text = serialiseEntry(data, notes);
  const checked = checkFile(file, text, entrySchema, ENTRY_KEYS);
  if (checked.problems.length > 0) return { written: false, problems: checked.problems };
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' });
  const ownProblems = readReadingList(contentDir, projectRoot).problems.filter((problem) => problem.file === file);
  if (ownProblems.length > 0) {
    unlinkSync(path);
    return { written: false, problems: ownProblems };
  }
  return { written: true, file };
}
