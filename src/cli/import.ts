/**
 * `npm run import -- <page.md>… [--out content] [--into <section>] [--format <format>]
 * [--title <text>] [--dry-run] [--skip-unmapped] [--include-private] [--skip-folder <name>]…`: brings
 * existing reading-list pages, and bookmark and highlight exports (src/import/bookmarks/), into content
 * files (list.md, sections/<id>.md, entries/<section>/<slug>.md), written with the canonical
 * serialisers, so the result is exactly what `npm run new` would write.
 *
 * Safe to run twice: what is already there is left alone. Nothing is overwritten; a link already in
 * the list becomes a cross-listing of its entry. Groups the pages need are appended to list.md (and
 * sections that showed every group keep showing the ones they showed). Every line the importer cannot
 * read is reported with its page line, and then nothing is written unless --skip-unmapped is given.
 * The result must pass the same checks as the list (src/import/write.ts), or nothing is written.
 * When the list is the project's own content/, the "Suggest a link" issue form is written again from
 * it, as `npm run suggestion -- --form` does, so its section and group choices stay true.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readReadingList } from '../content/content-files.ts';
import { formatProblem, sortProblems } from '../content/problems.ts';
import { countLinks, linkReport } from '../import/link-accounting.ts';
import { placePages } from '../import/place.ts';
import { IMPORT_FORMATS, PAGE_FORMATS, type ImportFormat } from '../import/plan.ts';
import { readImport } from '../import/read-page.ts';
import { writeChecked } from '../import/write.ts';
import { SUGGESTION_FORM_COMMAND, SUGGESTION_FORM_PATH, suggestionFormYaml } from '../contributing/suggestion-form.ts';
import { count, isEntryPoint, parseCommandLine, runAsProgram, USAGE_ERROR, type CliIo } from './args.ts';

const USAGE = `Usage: npm run import -- <page.md>… [--out <dir>] [--into <section-id>] [--format <format>]
                                   [--title <text>] [--dry-run] [--skip-unmapped]
                                   [--include-private] [--skip-folder <name>]…

Brings reading-list pages into content files: hand-written site pages (legacy: YAML frontmatter,
"# Section", "## Group", "[Title](url): description", "> quote") and GitHub awesome-list READMEs
("## Section", "- [Name](url) - Description.").
  One page into an empty list is the list; otherwise each page becomes a section of its own.
  --out <dir>          the list to import into (default: content)
  --into <section-id>  put each page under this existing section (--section is the same)
  --format <format>    legacy, awesome, or a bookmark or highlight export: netscape (bookmarks.html),
                       pinboard (JSON), raindrop (CSV), hypothesis (JSON), entries-json (this site's)
                       (default: told by the content; a page opening with "---" frontmatter is legacy)
  --include-private    bring in bookmarks marked private or "to read" too (left out and counted by default)
  --skip-folder <name> leave out a bookmark folder, by title or path ("Work/Old"); may be repeated
  --title <text>       the list's title, when several pages start a new list (default: "Reading list")
  --dry-run            check and say what would be written; write nothing
  --skip-unmapped      import the rest even if some lines cannot be read (they are still listed)
Running it twice changes nothing. Existing files are never overwritten; groups the pages use that
list.md lacks are appended to it, and the issue form is written again when <dir> is content/.`;

export function main(args: string[], io: CliIo): number {
  const flags = parseCommandLine(
    args,
    {
      out: { type: 'string', default: 'content' },
      into: { type: 'string' },
      section: { type: 'string' },
      format: { type: 'string' },
      'include-private': { type: 'boolean' },
      'skip-folder': { type: 'string', multiple: true },
      title: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'skip-unmapped': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    io,
  );
  if (typeof flags === 'number') return flags;
  const pages = flags.positionals;
  if (pages.length === 0) {
    io.err(`give at least one page to import\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const format = flags.values.format;
  if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    io.err(`--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${format}"\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const { into: intoFlag, section: sectionFlag } = flags.values;
  if (intoFlag !== undefined && sectionFlag !== undefined && intoFlag !== sectionFlag) {
    io.err(`--section is another name for --into: give one of them\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const into = intoFlag ?? sectionFlag;
  // Paths inside the project are shown relative to it (clickable in editors), others in full.
  const display = (path: string) => {
    const inside = relative(io.cwd, path);
    return inside.startsWith('..') ? path : inside.split(sep).join('/') || '.';
  };
  const pagePaths = pages.map((page) => resolve(io.cwd, page));
  const absent = pages.filter((_page, index) => !existsSync(pagePaths[index]!));
  if (absent.length > 0) {
    for (const page of absent) io.err(`✗ no such page: ${page}`);
    return 1;
  }
  const outDir = resolve(io.cwd, flags.values.out ?? 'content');
  const inOut = (path: string) => display(join(outDir, path));

  // A folder with none of a list's files (new, or just created) is an empty list.
  const hasList = ['list.md', 'sections', 'entries'].some((name) => existsSync(join(outDir, name)));
  const existing = hasList ? readReadingList(outDir, io.cwd) : { list: undefined, sections: [], entries: [], problems: [] };
  if (existing.problems.length > 0) {
    for (const problem of sortProblems(existing.problems)) io.err(formatProblem(problem));
    io.err(
      `✗ the list in ${display(outDir)}/ has ${count(existing.problems.length, 'problem')}: fix them first (npm run validate)`,
    );
    return 1;
  }
  // --title names the page when it is the whole list (one page), before anything the page says.
  const readOptions = {
    title: pagePaths.length === 1 ? flags.values.title : undefined,
    includePrivate: Boolean(flags.values['include-private']),
    skipFolders: flags.values['skip-folder'] ?? [],
  };
  const plans = pagePaths.map((path) =>
    readImport(readFileSync(path, 'utf8'), display(path), format as ImportFormat | undefined, readOptions),
  );
  const there = new Set(
    existsSync(outDir) ? (readdirSync(outDir, { recursive: true }) as string[]).map((path) => path.split(sep).join('/')) : [],
  );
  const placement = placePages(
    plans,
    {
      files: existing,
      read: (path) => {
        // Most paths of a new list's entries are not there: asking the folder's listing is much
        // cheaper than 3,000 failed reads.
        if (!there.has(path)) return undefined;
        try {
          return readFileSync(join(outDir, path), 'utf8');
        } catch {
          return undefined;
        }
      },
    },
    { into, title: flags.values.title, display: inOut },
  );

  for (const notice of placement.notices) io.out(`  ${notice}`);
  // What exports hold and the import leaves out on purpose (private, unread, skipped, refused), counted.
  const leftOut = new Map<string, number>();
  for (const plan of plans)
    for (const [reason, n] of Object.entries(plan.itemsLeftOut ?? {})) leftOut.set(reason, (leftOut.get(reason) ?? 0) + n);
  for (const path of placement.kept) io.out(`kept ${inOut(path)} as it is (it differs from the page)`);
  for (const problem of placement.problems) io.err(formatProblem(problem));
  const skip = Boolean(flags.values['skip-unmapped']);
  const { problems, unmappedLines } = placement;
  if (problems.length > 0 && !skip) {
    io.err(
      `✗ ${count(unmappedLines, 'line')} could not be read (${count(problems.length, 'problem')}); nothing written (fix the page, or add --skip-unmapped to import the rest)`,
    );
    return 1;
  }
  if (placement.blockers.length > 0) {
    for (const problem of placement.blockers) io.err(formatProblem(problem));
    io.err('✗ nothing written');
    return 1;
  }

  const dryRun = Boolean(flags.values['dry-run']);
  const invalid = writeChecked(outDir, placement.files, { dryRun, projectRoot: io.cwd, display: inOut });
  if (invalid.length > 0) {
    for (const problem of sortProblems(invalid)) io.err(formatProblem(problem));
    io.err(`✗ the imported list would have ${count(invalid.length, 'problem')}; nothing written`);
    return 1;
  }
  if (dryRun)
    for (const file of placement.files) io.out(`would ${file.current === undefined ? 'write' : 'update'} ${inOut(file.path)}`);
  const shapeChanged = placement.files.some((file) => file.path === 'list.md' || file.path.startsWith('sections/'));
  // A new list elsewhere is not the published one: only the project's content/ and lists that grow say so.
  if (shapeChanged && (hasList || outDir === resolve(io.cwd, 'content'))) io.out(issueForm(outDir, dryRun, io, display));
  const { sections, entries, quotes, notes, crossListings } = placement.counts;
  const what =
    `${count(sections, 'section')}, ${count(entries, 'entry', 'entries')}, ${count(quotes, 'quote')}, ${count(notes, 'note')}` +
    (crossListings > 0 ? `, ${count(crossListings, 'cross-listing')}` : '') +
    (placement.groupsAdded.length > 0 ? `, ${count(placement.groupsAdded.length, 'group')} added to list.md` : '');
  const written = placement.files.length;
  const files = `${count(written, 'file')} ${dryRun ? 'to write' : 'written'}, ${placement.unchanged.length} unchanged`;
  const skipped = skip && problems.length > 0 ? `; skipped ${count(unmappedLines, 'line')} that could not be read` : '';
  const left = [...leftOut].map(([reason, n]) => `${n} ${reason}`).join(', ');
  const leftNote = left
    ? `; left out ${left}${leftOut.has('private') || leftOut.has('unread') ? ' (--include-private brings private and unread ones)' : ''}`
    : '';
  io.out(
    `${dryRun ? 'Would import' : '✓ Imported'} ${what} from ${pages.map((_page, index) => display(pagePaths[index]!)).join(', ')} into ${display(outDir)}/ (${files})${skipped}${leftNote}`,
  );
  // Bookmark exports have no page links to account for: their left-out items are counted above.
  for (const plan of plans)
    if ((PAGE_FORMATS as readonly string[]).includes(plan.format))
      for (const line of linkReport(plan.file, countLinks(plan))) io.out(line);
  return 0;
}

/**
 * The issue form offers the sections and groups of content/: after an import into the project's own
 * content/ that changed them, it is written again (as `npm run suggestion -- --form` would); an import
 * into another folder only says how, as that list may be published from elsewhere.
 */
function issueForm(outDir: string, dryRun: boolean, io: CliIo, display: (path: string) => string): string {
  const formPath = resolve(io.cwd, SUGGESTION_FORM_PATH);
  if (outDir !== resolve(io.cwd, 'content'))
    return `  the "Suggest a link" form (${SUGGESTION_FORM_PATH}) is made from content/; for this list: ${SUGGESTION_FORM_COMMAND} --content ${display(outDir)}`;
  if (dryRun) return `would write ${SUGGESTION_FORM_PATH} (the issue form) again from the new sections and groups`;
  const text = suggestionFormYaml(readReadingList(outDir, io.cwd, { entries: false }));
  const current = existsSync(formPath) ? readFileSync(formPath, 'utf8') : undefined;
  if (current === text) return `  ${SUGGESTION_FORM_PATH} already offers the list's sections and groups`;
  mkdirSync(dirname(formPath), { recursive: true });
  writeFileSync(formPath, text);
  return `updated ${SUGGESTION_FORM_PATH} (the issue form) with the new sections and groups`;
}

if (isEntryPoint(import.meta.url)) runAsProgram(main);
