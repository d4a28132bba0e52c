/**
 * What the "How to contribute" page tells a contributor about this list's own shape: which section
 * ids and group ids an entry may name, and an example entry file that is valid for this list.
 */
import { serialiseEntry } from '../content/entry-file.ts';
import { sectionGroupIds, sectionTree } from '../content/list-shape.ts';
import type { GroupDeclaration, SectionData } from '../schemas/content.ts';

interface SectionLike {
  id: string;
  data: Pick<SectionData, 'title' | 'order' | 'parent' | 'groups'>;
}

export interface SectionGuideRow {
  /** What an entry writes as `section:` (and the folder its file goes in). */
  id: string;
  title: string;
  /** The titles of the sections above it, top level first. */
  path: string[];
  /** The groups its page shows, in order: what an entry there writes as `kind:`. None: entries leave `kind` out. */
  groups: GroupDeclaration[];
}

/** Every section, depth first in reading order, with the groups an entry in it may name. */
export function sectionGuide(sections: readonly SectionLike[], groups: readonly GroupDeclaration[]): SectionGuideRow[] {
  const tree = sectionTree(sections);
  const declared = new Map(groups.map((group) => [group.id, group]));
  return tree.inOrder.map((section) => ({
    id: section.id,
    title: section.data.title,
    path: tree.ancestorsOf(section.id).map((ancestor) => ancestor.data.title),
    groups: sectionGroupIds(section.data, groups).flatMap((id) => declared.get(id) ?? []),
  }));
}

/** An entry file for the first section (and the first group it shows), as `npm run new` writes one. */
export function exampleEntry(rows: readonly SectionGuideRow[], added: string): string | undefined {
  const section = rows[0];
  if (!section) return undefined;
  return serialiseEntry(
    {
      title: 'The Article’s Title, As It Is Written',
      url: 'https://example.com/the-article',
      section: section.id,
      ...(section.groups[0] ? { kind: section.groups[0].id } : {}),
      added,
      tags: ['a-topic'],
      quotes: ['A passage copied word for word, that makes sense without the article.'],
    },
    '- Why it is worth reading, in your own words.',
  );
}
