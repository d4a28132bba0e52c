/**
 * Writes content files in the one canonical layout that `npm run new` and `npm run import` share, so
 * a reviewer always sees the same field order and quoting. Strings are written as YAML double-quoted
 * scalars (JSON strings are valid YAML), so no text — colons, `#`, a leading `>` or quotes — can
 * change the structure of the file.
 */
import type { EntryData, ListData, SectionData } from '../schemas/content.ts';

const text = (value: string) => JSON.stringify(value);

function frontmatter(lines: string[], body: string): string {
  const trimmedBody = body.trim();
  return `---\n${lines.join('\n')}\n---\n${trimmedBody ? `\n${trimmedBody}\n` : ''}`;
}

function list(name: string, values: readonly string[], render: (value: string) => string): string[] {
  return values.length ? [`${name}:`, ...values.map((value) => `  - ${render(value)}`)] : [];
}

/** An entry file: frontmatter in contract order, then the notes. */
export function serialiseEntry(data: EntryData, notes = ''): string {
  return frontmatter(
    [
      `title: ${text(data.title)}`,
      `url: ${text(data.url)}`,
      `section: ${data.section}`,
      `kind: ${data.kind}`,
      ...(data.order !== undefined ? [`order: ${data.order}`] : []),
      ...(data.added !== undefined ? [`added: ${data.added}`] : []),
      ...list('tags', data.tags, (tag) => tag),
      ...list('quotes', data.quotes, text),
      ...(data.status ? ['status:', `  state: ${data.status.state}`, `  checked: ${data.status.checked}`] : []),
    ],
    notes,
  );
}

export function serialiseSection(data: SectionData, intro = ''): string {
  return frontmatter([`title: ${text(data.title)}`, `summary: ${text(data.summary)}`, `order: ${data.order}`], intro);
}

export function serialiseList(data: ListData, body = ''): string {
  return frontmatter(
    [`title: ${text(data.title)}`, ...(data.description !== undefined ? [`description: ${text(data.description)}`] : [])],
    body,
  );
}
