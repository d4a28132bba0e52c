/**
 * Writes content files in the one canonical layout that `npm run new` and `npm run import` share, so
 * a reviewer always sees the same field order and quoting. Text is written as YAML double-quoted
 * scalars (JSON strings are valid YAML), so no text — colons, `#`, a leading `>` or quotes — can
 * change the structure of the file. Ids and tags stay plain (`section: data-platforms`) unless YAML
 * would read them as something other than text (`2024`, `1e3`, `true`, `null`): those are quoted.
 */
import type { EntryInput, ListData, SectionData } from '../schemas/content.ts';

const text = (value: string) => JSON.stringify(value);

/** Words YAML 1.1 or 1.2 reads as booleans or null; a plain scalar that is one of these is not text. */
const NOT_TEXT = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/** A slug written plain when YAML reads it back as the same string, else quoted. */
export function idScalar(value: string): string {
  const plainText = /^[a-z][a-z0-9-]*$/.test(value) && !NOT_TEXT.test(value);
  return plainText ? value : text(value);
}

function frontmatter(lines: string[], body: string): string {
  const trimmedBody = body.trim();
  return `---\n${lines.join('\n')}\n---\n${trimmedBody ? `\n${trimmedBody}\n` : ''}`;
}

function list(name: string, values: readonly string[] | undefined, render: (value: string) => string): string[] {
  return values?.length ? [`${name}:`, ...values.map((value) => `  - ${render(value)}`)] : [];
}

/** An entry file: frontmatter in contract order, then the notes. */
export function serialiseEntry(data: EntryInput, notes = ''): string {
  return frontmatter(
    [
      `title: ${text(data.title)}`,
      `url: ${text(data.url)}`,
      `section: ${idScalar(data.section)}`,
      ...(data.kind !== undefined ? [`kind: ${idScalar(data.kind)}`] : []),
      ...(data.order !== undefined ? [`order: ${data.order}`] : []),
      ...(data.added !== undefined ? [`added: ${data.added}`] : []),
      ...list('tags', data.tags, idScalar),
      ...list('quotes', data.quotes, text),
      ...(data.also_in?.length
        ? [
            'also_in:',
            ...data.also_in.flatMap((listing) => [
              `  - section: ${idScalar(listing.section)}`,
              ...(listing.kind !== undefined ? [`    kind: ${idScalar(listing.kind)}`] : []),
              ...(listing.order !== undefined ? [`    order: ${listing.order}`] : []),
            ]),
          ]
        : []),
      ...(data.status ? ['status:', `  state: ${data.status.state}`, `  checked: ${data.status.checked}`] : []),
    ],
    notes,
  );
}

export function serialiseSection(data: SectionData, intro = ''): string {
  return frontmatter(
    [
      `title: ${text(data.title)}`,
      ...(data.summary !== undefined ? [`summary: ${text(data.summary)}`] : []),
      ...(data.order !== undefined ? [`order: ${data.order}`] : []),
      ...(data.parent !== undefined ? [`parent: ${idScalar(data.parent)}`] : []),
      ...(data.groups !== undefined ? (data.groups.length ? list('groups', data.groups, idScalar) : ['groups: []']) : []),
    ],
    intro,
  );
}

export function serialiseList(data: ListData, body = ''): string {
  return frontmatter(
    [
      `title: ${text(data.title)}`,
      ...(data.description !== undefined ? [`description: ${text(data.description)}`] : []),
      ...(data.groups?.length
        ? ['groups:', ...data.groups.flatMap((group) => [`  - id: ${idScalar(group.id)}`, `    heading: ${text(group.heading)}`])]
        : []),
    ],
    body,
  );
}
