/**
 * Reads and checks the whole of `content/`: every file against the schema module, then the rules that
 * span files (unique URLs and slugs, folders that match sections). The site build (through the
 * collections' loader) and `npm run validate` both call this, so they refuse exactly the same things.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import {
  ENTRY_KEYS,
  LIST_KEYS,
  RESERVED_SECTION_IDS,
  SECTION_KEYS,
  SLUG_PATTERN,
  entrySchema,
  listSchema,
  sectionSchema,
  type EntryData,
  type ListData,
  type SectionData,
} from '../schemas/content.ts';
import { isSyntaxError, parseContentFile, type ParsedFile } from './frontmatter.ts';
import { shapeProblems } from './shape-checks.ts';
import { nearest } from './nearest.ts';
import { slugify } from './slugs.ts';
import type { Problem } from './problems.ts';
import { normaliseUrl } from './urls.ts';

export interface ContentFile<Data> {
  /** `data-platforms`, or `data-platforms/dataops-principles` for an entry. */
  id: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  data: Data;
  /** Markdown body (notes for an entry, intro for a section). */
  body: string;
}
export type ListFile = ContentFile<ListData>;
export type SectionFile = ContentFile<SectionData>;
export type EntryFile = ContentFile<EntryData> & { slug: string };

export interface ReadingListFiles {
  list: ListFile | undefined;
  sections: SectionFile[];
  entries: EntryFile[];
  /** Every problem in every file; the content is only usable when this is empty. */
  problems: Problem[];
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Validates one file's text against a schema, reporting each issue at the line it is written on. */
export function checkFile<Schema extends z.ZodType>(
  file: string,
  source: string,
  schema: Schema,
  knownKeys: readonly string[],
): { parsed?: ParsedFile; data?: z.output<Schema>; problems: Problem[] } {
  const parsed = parseContentFile(source);
  if (isSyntaxError(parsed)) return { problems: [{ file, ...parsed }] };
  const result = schema.safeParse(parsed.data);
  if (result.success) return { parsed, data: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const hint = nearest(key, knownKeys);
        problems.push({
          file,
          line: parsed.keys.find((written) => written.key === key)?.line ?? 1,
          field: key,
          message: `unknown field${hint ? `: did you mean "${hint}"?` : `; the fields are ${knownKeys.join(', ')}`}`,
        });
      }
      continue;
    }
    const field = issue.path.reduce<string>(
      (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
      '',
    );
    const missing = issue.path.length === 1 && parsed.data[issue.path[0] as string] === undefined;
    problems.push({
      file,
      line: parsed.lineOf(issue.path),
      field: field || 'frontmatter',
      message: missing ? `is missing: add a line "${field}: …"` : issue.message,
    });
  }
  return { parsed, problems };
}

/** Paths of the files and folders below `dir`, relative to it; none when `dir` does not exist. */
function listFilesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: false }) as string[];
  } catch {
    return [];
  }
}

/** Reads `content/` (or `root`) and returns what is valid along with every problem found. */
export function readReadingList(
  root: string,
  projectRoot = process.cwd(),
  { entries: readEntries = true }: { entries?: boolean } = {},
): ReadingListFiles {
  const problems: Problem[] = [];
  const display = (path: string) => toPosix(relative(projectRoot, path));
  // Where each field is written, for the checks that span files.
  const lineFinders = new Map<string, ParsedFile['lineOf']>();

  let list: ListFile | undefined;
  const listPath = join(root, 'list.md');
  try {
    const source = readFileSync(listPath, 'utf8');
    const checked = checkFile(display(listPath), source, listSchema, LIST_KEYS);
    problems.push(...checked.problems);
    if (checked.data && checked.parsed) {
      list = { id: 'list', file: display(listPath), data: checked.data, body: checked.parsed.body };
      lineFinders.set(list.file, checked.parsed.lineOf);
    }
  } catch {
    problems.push({ file: display(listPath), line: 1, field: 'file', message: 'missing: content/list.md gives the list its title' });
  }

  const sections: SectionFile[] = [];
  const sectionsDir = join(root, 'sections');
  for (const name of listFilesUnder(sectionsDir).sort()) {
    const path = join(sectionsDir, name);
    const file = display(path);
    if (statSync(path).isDirectory()) continue;
    const id = name.replace(/\.md$/, '');
    if (!name.endsWith('.md') || name.includes(sep)) {
      problems.push({ file, line: 1, field: 'file', message: 'only content/sections/<section-id>.md files belong here' });
      continue;
    }
    if (!SLUG_PATTERN.test(id)) {
      problems.push({ file, line: 1, field: 'file', message: `the file name must be a section id in lowercase-with-hyphens, like "data-platforms.md"` });
      continue;
    }
    if ((RESERVED_SECTION_IDS as readonly string[]).includes(id)) {
      problems.push({ file, line: 1, field: 'file', message: `"${id}" is the path of one of the site's own pages (/${id}/): choose another section id` });
      continue;
    }
    const checked = checkFile(file, readFileSync(path, 'utf8'), sectionSchema, SECTION_KEYS);
    problems.push(...checked.problems);
    if (checked.data && checked.parsed) {
      sections.push({ id, file, data: checked.data, body: checked.parsed.body });
      lineFinders.set(file, checked.parsed.lineOf);
    }
  }
  const sectionIds = sections.map((section) => section.id);

  const entries: EntryFile[] = [];
  const entriesDir = join(root, 'entries');
  const urlOwners = new Map<string, { file: string; line: number; section: string }>();
  const slugOwners = new Map<string, string>();
  for (const name of readEntries ? listFilesUnder(entriesDir).sort() : []) {
    const path = join(entriesDir, name);
    if (statSync(path).isDirectory()) continue;
    const file = display(path);
    const parts = toPosix(name).split('/');
    if (!name.endsWith('.md')) {
      problems.push({
        file,
        line: 1,
        field: 'file',
        message: name.endsWith('.mdx')
          ? 'entries must be .md files: MDX can run code, so it is not accepted from contributors; rename it to .md'
          : 'only .md entry files belong under content/entries/',
      });
      continue;
    }
    if (parts.length !== 2) {
      problems.push({ file, line: 1, field: 'file', message: 'an entry must be at content/entries/<section-id>/<slug>.md' });
      continue;
    }
    const [folder, fileName] = parts as [string, string];
    const slug = fileName.replace(/\.md$/, '');
    if (!SLUG_PATTERN.test(slug)) {
      problems.push({ file, line: 1, field: 'file', message: `the file name must be a slug in lowercase-with-hyphens, like "${slugify(slug)}.md"` });
      continue;
    }
    const checked = checkFile(file, readFileSync(path, 'utf8'), entrySchema, ENTRY_KEYS);
    problems.push(...checked.problems);
    if (!checked.data || !checked.parsed) continue;
    const { data, parsed } = checked;
    const sectionLine = parsed.lineOf(['section']);
    if (!sectionIds.includes(data.section)) {
      const hint = nearest(data.section, sectionIds);
      problems.push({
        file,
        line: sectionLine,
        field: 'section',
        message: `no section "${data.section}" (there is no content/sections/${data.section}.md); ${hint ? `did you mean "${hint}"?` : `the sections are ${sectionIds.join(', ')}`}`,
      });
    } else if (data.section !== folder) {
      problems.push({
        file,
        line: sectionLine,
        field: 'section',
        message: `is "${data.section}" but the file is in ${display(entriesDir)}/${folder}/: move the file to ${display(entriesDir)}/${data.section}/ or set section: ${folder}`,
      });
    }
    const urlKey = normaliseUrl(data.url);
    const urlOwner = urlOwners.get(urlKey);
    if (urlOwner) {
      problems.push({
        file,
        line: parsed.lineOf(['url']),
        field: 'url',
        message:
          `the same link is already in the list: ${urlOwner.file}:${urlOwner.line}. ` +
          (urlOwner.section === data.section
            ? 'Keep one of the two files'
            : `To show that entry in section "${data.section}" too, list it there from its own file ("also_in:" then "  - section: ${data.section}") and delete this one`),
      });
    } else {
      urlOwners.set(urlKey, { file, line: parsed.lineOf(['url']), section: data.section });
    }
    const slugOwner = slugOwners.get(slug);
    if (slugOwner) {
      problems.push({ file, line: 1, field: 'file', message: `the slug "${slug}" is already used by ${slugOwner}: rename this file` });
    } else {
      slugOwners.set(slug, file);
    }
    entries.push({ id: `${folder}/${slug}`, slug, file, data, body: parsed.body });
    lineFinders.set(file, parsed.lineOf);
  }
  problems.push(...shapeProblems({ list, sections, entries, lineOf: (file, path) => lineFinders.get(file)?.(path) ?? 1 }));
  return { list, sections, entries, problems };
}
