/**
 * The rules that span files and come from the shape a list declares: groups, nested sections and
 * cross-listings. Each problem names the file, the line and the field, and says how to fix it.
 */
import type { EntryData, ListData, SectionData } from '../schemas/content.ts';
import { declaredGroups, listingsOf, parentCycle, sectionGroupIds } from './list-shape.ts';
import { nearest } from './nearest.ts';
import type { Problem } from './problems.ts';

/** The line a frontmatter path is written on in `file`. */
export type LineOf = (file: string, path: readonly PropertyKey[]) => number;

interface Checked<Data> {
  file: string;
  data: Data;
}

export interface ShapeInput {
  list: Checked<ListData> | undefined;
  sections: (Checked<SectionData> & { id: string })[];
  entries: Checked<EntryData>[];
  lineOf: LineOf;
}

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
const didYouMean = (word: string, candidates: readonly string[], what: string) => {
  const hint = nearest(word, candidates);
  return hint ? `did you mean "${hint}"? The ${what} are ${quoted(candidates)}` : `the ${what} are ${quoted(candidates)}`;
};

/** Group ids declared twice in `content/list.md`. */
function listProblems({ list, lineOf }: ShapeInput): Problem[] {
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  list?.data.groups?.forEach((group, index) => {
    const line = lineOf(list.file, ['groups', index, 'id']);
    const first = firstLine.get(group.id);
    if (first !== undefined) {
      problems.push({
        file: list.file,
        line,
        field: `groups[${index}].id`,
        message: `the group "${group.id}" is already declared on line ${first}: give each group its own id`,
      });
    } else {
      firstLine.set(group.id, line);
    }
  });
  return problems;
}

/** Unknown, self-naming and cyclic parents; groups a section shows that the list does not declare. */
function sectionProblems({ list, sections, lineOf }: ShapeInput): Problem[] {
  const problems: Problem[] = [];
  const groupIds = declaredGroups(list?.data).map((group) => group.id);
  const sectionIds = sections.map((section) => section.id);
  const parentOf = new Map(sections.map((section) => [section.id, section.data.parent]));
  const groupsSource = list?.data.groups ? 'content/list.md declares' : 'the list has (content/list.md declares none)';
  for (const { id, file, data } of sections) {
    if (data.parent !== undefined) {
      const line = lineOf(file, ['parent']);
      if (data.parent === id) {
        problems.push({ file, line, field: 'parent', message: 'a section cannot be its own parent: name another section, or remove the line' });
      } else if (!sectionIds.includes(data.parent)) {
        const others = sectionIds.filter((other) => other !== id);
        problems.push({
          file,
          line,
          field: 'parent',
          message: `no section "${data.parent}" (there is no content/sections/${data.parent}.md); ${didYouMean(data.parent, others, 'sections')}`,
        });
      } else {
        const cycle = parentCycle(id, parentOf);
        if (cycle) {
          problems.push({
            file,
            line,
            field: 'parent',
            message: `sections cannot contain each other: ${cycle.join(' → ')}; remove "parent" from one of them`,
          });
        }
      }
    }
    const seen = new Set<string>();
    data.groups?.forEach((group, index) => {
      const field = `groups[${index}]`;
      const line = lineOf(file, ['groups', index]);
      if (!groupIds.includes(group)) {
        problems.push({ file, line, field, message: `no group "${group}": the groups ${groupsSource} are ${quoted(groupIds)}${hintFor(group, groupIds)}` });
      } else if (seen.has(group)) {
        problems.push({ file, line, field, message: `the group "${group}" is listed twice: keep one` });
      }
      seen.add(group);
    });
  }
  return problems;
}

const hintFor = (word: string, candidates: readonly string[]) => {
  const hint = nearest(word, candidates);
  return hint ? `; did you mean "${hint}"?` : '';
};

/** Each listing of each entry: the section exists and is not named twice, and the group fits the section. */
function entryProblems({ list, sections, entries, lineOf }: ShapeInput): Problem[] {
  const problems: Problem[] = [];
  const groups = declaredGroups(list?.data);
  const groupIds = groups.map((group) => group.id);
  const sectionById = new Map(sections.map((section) => [section.id, section]));
  const sectionIds = sections.map((section) => section.id);
  for (const { file, data } of entries) {
    const listed = new Set<string>();
    listingsOf(data).forEach((listing, index) => {
      // Index 0 is the entry's own section (`section`, `kind`); the rest are `also_in[index - 1]`.
      const base: PropertyKey[] = index === 0 ? [] : ['also_in', index - 1];
      const name = (field: string) => (index === 0 ? field : `also_in[${index - 1}].${field}`);
      const section = sectionById.get(listing.section);
      if (index > 0) {
        const line = lineOf(file, [...base, 'section']);
        if (listing.section === data.section) {
          problems.push({
            file,
            line,
            field: name('section'),
            message: `"${listing.section}" is this entry's own section: list other sections here, or remove the line`,
          });
          return;
        }
        if (!section) {
          problems.push({
            file,
            line,
            field: name('section'),
            message: `no section "${listing.section}" (there is no content/sections/${listing.section}.md); ${didYouMean(listing.section, sectionIds, 'sections')}`,
          });
          return;
        }
        if (listed.has(listing.section)) {
          problems.push({ file, line, field: name('section'), message: `the entry is already listed in "${listing.section}": keep one` });
          return;
        }
      }
      listed.add(listing.section);
      if (!section) return; // the own section's absence is reported with the file's other checks
      const shown = sectionGroupIds(section.data, groups);
      const kindLine = lineOf(file, listing.kind === undefined ? [...base, 'section'] : [...base, 'kind']);
      if (shown.length === 0) {
        if (listing.kind !== undefined) {
          problems.push({
            file,
            line: kindLine,
            field: name('kind'),
            message: `section "${listing.section}" lists its entries without groups (its groups: []): remove this line`,
          });
        }
        return;
      }
      if (listing.kind === undefined) {
        problems.push({
          file,
          line: kindLine,
          field: name('kind'),
          message: `is missing: section "${listing.section}" lists its entries under the groups ${quoted(shown)}; add a line "${index === 0 ? 'kind' : '  kind'}: ${shown[0]}"`,
        });
      } else if (!groupIds.includes(listing.kind)) {
        const sectionShows = shown.length < groupIds.length ? ` (section "${listing.section}" shows ${quoted(shown)})` : '';
        problems.push({
          file,
          line: kindLine,
          field: name('kind'),
          message: `no group "${listing.kind}" is declared; ${didYouMean(listing.kind, groupIds, 'groups')}${sectionShows}`,
        });
      } else if (!shown.includes(listing.kind)) {
        problems.push({
          file,
          line: kindLine,
          field: name('kind'),
          message: `section "${listing.section}" does not show the group "${listing.kind}": it shows ${quoted(shown)}; choose one of those, or add "${listing.kind}" to the section's groups`,
        });
      }
    });
  }
  return problems;
}

/** Every problem with the shape the list declares. */
export function shapeProblems(input: ShapeInput): Problem[] {
  return [...listProblems(input), ...sectionProblems(input), ...entryProblems(input)];
}
