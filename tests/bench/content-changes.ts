/**
 * The changes a maintainer merges one at a time, applied to a list for the rebuild measurements of
 * `npm run bench -- --vs-hugo`: add one entry, edit one, rename a section (its title). All three touch
 * the largest section (the most pages depend on it). Files are read and written through the project's
 * own schema and serialisers, so they stay valid and canonical; each change can be undone byte for byte.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialiseEntry, serialiseSection } from '../../src/content/entry-file.ts';
import { isSyntaxError, parseContentFile } from '../../src/content/frontmatter.ts';
import { entrySchema, sectionSchema } from '../../src/schemas/content.ts';

export type ChangeName = 'add' | 'edit' | 'rename';

export interface ContentChange {
  name: ChangeName;
  /** What it does, for the report: "edits entries/streaming/x.md (title and first quote)". */
  description: string;
  apply(): void;
  undo(): void;
}

function parse(text: string, file: string) {
  const parsed = parseContentFile(text);
  if (isSyntaxError(parsed)) throw new Error(`${file}:${parsed.line}: ${parsed.field}: ${parsed.message}`);
  return parsed;
}

/** The entry file with its title marked as revised and one more sentence at the end of its first quote. */
export function editedEntry(text: string, file = 'entry'): string {
  const { data, body } = parse(text, file);
  const entry = entrySchema.parse(data);
  const [first, ...rest] = entry.quotes;
  return serialiseEntry(
    {
      ...entry,
      title: `${entry.title} (revised)`,
      quotes: [`${first ?? 'A passage'} One more sentence, added in an edit.`, ...rest],
    },
    body,
  );
}

/** The section file with a new title; everything else as it was. */
export function renamedSection(text: string, file = 'section'): string {
  const { data, body } = parse(text, file);
  const section = sectionSchema.parse(data);
  return serialiseSection({ ...section, title: `${section.title} (renamed)` }, body);
}

/** A new entry for `section`, shaped like `neighbour` (the same group and tags), so no new page appears. */
export function addedEntry(section: string, neighbourText: string, file = 'entry'): string {
  const neighbour = entrySchema.parse(parse(neighbourText, file).data);
  return serialiseEntry(
    {
      title: 'One Entry Added Since the Last Build',
      url: 'https://example.org/commonplace-bench/one-entry-added',
      section,
      ...(neighbour.kind !== undefined ? { kind: neighbour.kind } : {}),
      tags: neighbour.tags,
      quotes: ['A passage from the newly added article, long enough to be indexed like the others in the list.'],
      added: '2026-01-15',
    },
    'A short note on why this entry was added.',
  );
}

/** The three changes for the list in `contentDir`, none applied yet. */
export function benchChanges(contentDir: string): Record<ChangeName, ContentChange> {
  const entriesDir = join(contentDir, 'entries');
  const sizes = readdirSync(entriesDir, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory())
    .map((dirent) => ({
      id: dirent.name,
      files: readdirSync(join(entriesDir, dirent.name))
        .filter((f) => f.endsWith('.md'))
        .sort(),
    }))
    .filter((section) => section.files.length > 0)
    .sort((a, b) => b.files.length - a.files.length || a.id.localeCompare(b.id));
  const largest = sizes[0];
  if (!largest) throw new Error(`${entriesDir} holds no entries to change`);
  const sectionFile = join(contentDir, 'sections', `${largest.id}.md`);
  const editedFile = join(entriesDir, largest.id, largest.files[0]!);
  let addedSlug = 'one-entry-added-since-the-last-build';
  for (let n = 2; largest.files.includes(`${addedSlug}.md`); n++) addedSlug = `one-entry-added-since-the-last-build-${n}`;
  const addedFile = join(entriesDir, largest.id, `${addedSlug}.md`);
  const rel = (file: string) => file.slice(contentDir.length + 1);

  /** A change that rewrites one existing file, and puts the original text back on undo. */
  const rewrite = (name: ChangeName, description: string, file: string, change: (text: string) => string): ContentChange => {
    const original = readFileSync(file, 'utf8');
    return {
      name,
      description,
      apply: () => writeFileSync(file, change(original)),
      undo: () => writeFileSync(file, original),
    };
  };
  const neighbour = readFileSync(editedFile, 'utf8');
  return {
    add: {
      name: 'add',
      description: `adds ${rel(addedFile)}`,
      apply: () => writeFileSync(addedFile, addedEntry(largest.id, neighbour, editedFile)),
      undo: () => {
        if (existsSync(addedFile)) rmSync(addedFile);
      },
    },
    edit: rewrite('edit', `edits ${rel(editedFile)} (its title and first quote)`, editedFile, (text) =>
      editedEntry(text, editedFile),
    ),
    rename: rewrite('rename', `renames the section ${largest.id} (its title)`, sectionFile, (text) =>
      renamedSection(text, sectionFile),
    ),
  };
}
