/**
 * The shape a list declares: its groups, the tree its sections form, and the places each entry is
 * listed in. Pure functions over validated data, shared by the checks (content-files.ts), the site's
 * views (src/site/), search, exports and the importer, so they all read one shape the same way.
 */
import { DEFAULT_GROUPS, type EntryData, type GroupDeclaration, type ListData, type SectionData } from '../schemas/content.ts';

/** The list's groups in order: the ones `content/list.md` declares, else Framing / Selected Approaches. */
export function declaredGroups(list: Pick<ListData, 'groups'> | undefined): readonly GroupDeclaration[] {
  return list?.groups ?? DEFAULT_GROUPS;
}

/** The group ids a section shows, in order: its own `groups`, else every declared group. */
export function sectionGroupIds(section: Pick<SectionData, 'groups'>, groups: readonly GroupDeclaration[]): string[] {
  return section.groups ? [...section.groups] : groups.map((group) => group.id);
}

/** One place an entry is listed: a section, the group there (none in a section without groups), its position. */
export interface Listing {
  section: string;
  kind?: string | undefined;
  order?: number | undefined;
}

/** Every place an entry is listed, its own section first, then its cross-listings in the order written. */
export function listingsOf(entry: Pick<EntryData, 'section' | 'kind' | 'order' | 'also_in'>): Listing[] {
  return [{ section: entry.section, kind: entry.kind, order: entry.order }, ...entry.also_in];
}

interface SectionLike {
  id: string;
  data: Pick<SectionData, 'title' | 'order' | 'parent'>;
}

/** Siblings by `order` (those without one after those with one), then by title, then id. */
export function compareSections(a: SectionLike, b: SectionLike): number {
  const orderA = a.data.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.data.order ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  return a.data.title.localeCompare(b.data.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The chain of parents from `id` upwards that returns to a section already on it, if there is one
 * (`['a', 'b', 'a']`), else undefined. Unknown parents end the chain: they are reported elsewhere.
 */
export function parentCycle(id: string, parentOf: ReadonlyMap<string, string | undefined>): string[] | undefined {
  const chain = [id];
  for (let current = parentOf.get(id); current !== undefined; current = parentOf.get(current)) {
    chain.push(current);
    if (current === id) return chain;
    if (chain.indexOf(current) !== chain.length - 1) return undefined; // a cycle further up, not through `id`
    if (!parentOf.has(current)) return undefined;
  }
  return undefined;
}

export interface SectionTree<Section extends SectionLike> {
  /** Top-level sections in order. */
  roots: Section[];
  /** Every section, depth first in reading order (a parent, then its sub-sections). */
  inOrder: Section[];
  /** A section's direct sub-sections, in order. */
  childrenOf(id: string): Section[];
  /** A section's parents from the top level down, not including itself. */
  ancestorsOf(id: string): Section[];
  /** The section itself and every section below it, depth first. */
  subtreeOf(id: string): Section[];
  get(id: string): Section | undefined;
}

/**
 * The sections as a tree. Expects a checked list (no unknown parents, no cycles); a section whose
 * parent is missing is treated as top level so a half-valid list can still be shown by tools.
 */
export function sectionTree<Section extends SectionLike>(sections: readonly Section[]): SectionTree<Section> {
  const byId = new Map(sections.map((section) => [section.id, section]));
  const children = new Map<string, Section[]>();
  const roots: Section[] = [];
  for (const section of [...sections].sort(compareSections)) {
    const parent = section.data.parent;
    if (parent !== undefined && byId.has(parent) && parent !== section.id) {
      const siblings = children.get(parent);
      if (siblings) siblings.push(section);
      else children.set(parent, [section]);
    } else {
      roots.push(section);
    }
  }
  const childrenOf = (id: string) => children.get(id) ?? [];
  const subtreeOf = (id: string): Section[] => {
    const section = byId.get(id);
    if (!section) return [];
    const out: Section[] = [];
    const seen = new Set<string>();
    const walk = (node: Section) => {
      if (seen.has(node.id)) return; // a cycle in unchecked data must not loop forever
      seen.add(node.id);
      out.push(node);
      for (const child of childrenOf(node.id)) walk(child);
    };
    walk(section);
    return out;
  };
  const ancestorsOf = (id: string): Section[] => {
    const out: Section[] = [];
    const seen = new Set([id]);
    for (let parent = byId.get(id)?.data.parent; parent !== undefined && !seen.has(parent); parent = byId.get(parent)?.data.parent) {
      const section = byId.get(parent);
      if (!section) break;
      seen.add(parent);
      out.unshift(section);
    }
    return out;
  };
  return {
    roots,
    inOrder: roots.flatMap((root) => subtreeOf(root.id)),
    childrenOf,
    ancestorsOf,
    subtreeOf,
    get: (id) => byId.get(id),
  };
}
