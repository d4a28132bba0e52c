/**
 * The two edits an import makes to files that are already there, when the pages need groups the list
 * does not declare: the new groups appended to `list.md` (after the ones it declares, or after the
 * default groups it shows when it declares none), and an explicit `groups:` in each existing section
 * that showed every declared group, so it keeps offering what it offered. Every other byte of the file
 * stays as it was (comments, quoting, key order, line endings), and each edit is checked by reading
 * the file back: it must hold exactly the data it held, plus the groups, or the edit is refused.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, type Pair, type Scalar, type YAMLSeq } from 'yaml';
import { idScalar } from '../content/entry-file.ts';
import { isSyntaxError, parseContentFile } from '../content/frontmatter.ts';
import { appendTopLevelField, frontmatterSpan, YamlEditError } from '../links/yaml-edit.ts';
import type { GroupDeclaration } from '../schemas/content.ts';

export { YamlEditError };

function readData(source: string): Record<string, unknown> {
  const parsed = parseContentFile(source);
  if (isSyntaxError(parsed)) throw new YamlEditError(`line ${parsed.line}: ${parsed.message}`);
  return parsed.data;
}

/** The lines of one group declaration: `lead` is the dash and what follows it (`  - `), `keys` the indent under it. */
const groupLines = (group: GroupDeclaration, lead: string, keys: string) => [
  `${lead}id: ${idScalar(group.id)}`,
  `${keys}heading: ${JSON.stringify(group.heading)}`,
];

/**
 * `list.md` with `added` declared after its groups. A list that declares none shows the default
 * groups (`shown`), so it gains a `groups:` field naming those first, then `added`.
 */
export function appendListGroups(source: string, shown: readonly GroupDeclaration[], added: readonly GroupDeclaration[]): string {
  const span = frontmatterSpan(source);
  const before = readData(source);
  const doc = parseDocument(source.slice(span.start, span.end), { uniqueKeys: true });
  if (doc.errors.length) throw new YamlEditError(`the frontmatter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const pair = isMap(doc.contents)
    ? (doc.contents.items as Pair[]).find((each) => isScalar(each.key) && (each.key as Scalar).value === 'groups')
    : undefined;
  if (!pair) {
    const all = [...shown, ...added];
    return appendTopLevelField(
      source,
      'groups',
      all.map((group) => ({ ...group })),
      ['groups:', ...all.flatMap((group) => groupLines(group, '  - ', '    '))],
    );
  }
  const seq = pair.value;
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) throw new YamlEditError('its groups are not written one per line');
  const items = (seq as YAMLSeq<{ range?: [number, number, number] }>).items;
  const first = items[0]!.range;
  const last = items.at(-1)!.range;
  if (!first || !last) throw new YamlEditError('cannot find where its groups are written');
  // The first item's line gives the indentation: `  - id: …`, the keys under the id.
  const firstStart = span.start + first[0];
  const lineStart = source.lastIndexOf('\n', firstStart - 1) + 1;
  const lead = source.slice(lineStart, firstStart);
  if (!/^ *- +$/.test(lead)) throw new YamlEditError('its groups are not written one per line');
  const keys = ' '.repeat(lead.length);
  // Insert after the line the last group ends on.
  let at = span.start + last[1];
  if (source[at - 1] !== '\n') {
    const lineBreak = source.indexOf('\n', at);
    at = lineBreak === -1 || lineBreak > span.end ? span.end : lineBreak + 1;
  }
  const newline = span.newline;
  const text = added
    .flatMap((group) => groupLines(group, lead, keys))
    .map((line) => `${line}${newline}`)
    .join('');
  const edited = source.slice(0, at) + text + source.slice(at);
  const expected = { ...before, groups: [...(before.groups as unknown[]), ...added.map((group) => ({ ...group }))] };
  let after: Record<string, unknown>;
  try {
    after = readData(edited);
  } catch {
    throw new YamlEditError('appending the groups would not leave valid frontmatter');
  }
  if (!isDeepStrictEqual(after, expected)) throw new YamlEditError('appending the groups would change more than its groups');
  return edited;
}

/** A section file with `groups:` naming `groups`, the ones it showed before the list gained more. */
export function pinSectionGroups(source: string, groups: readonly string[]): string {
  return appendTopLevelField(
    source,
    'groups',
    [...groups],
    groups.length ? ['groups:', ...groups.map((id) => `  - ${idScalar(id)}`)] : ['groups: []'],
  );
}
