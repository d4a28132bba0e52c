/**
 * A section page's "On this page" list: its own groups and its sub-sections, as links to their
 * headings, for a page long enough to need one. A short page goes without: the list would be as
 * long as what it jumps over.
 */

/** Entries a page shows (its own and its sub-sections' inline ones) above which it gets the list: about three screens. */
export const CONTENTS_MIN_ENTRIES = 15;

export interface PageContentsLink {
  /** The heading's id on the page. */
  id: string;
  label: string;
  /** Entries under it on this page (a sub-section: its whole count). */
  count: number;
}

/**
 * The links, or none for a short page or one with fewer than two places to jump to.
 * `groups`: the page's own groups (a group without a heading has nothing to link to);
 * `subsections`: its sub-sections' blocks, with how many entries each shows inline (0 when only linked).
 */
export function pageContents(
  groups: readonly { kind: string | undefined; heading: string | undefined; entries: readonly unknown[] }[],
  subsections: readonly { id: string; title: string; shown: number; total: number }[],
  { groupIdPrefix = 'group-', subsectionIdPrefix = 'section-', minEntries = CONTENTS_MIN_ENTRIES } = {},
): PageContentsLink[] {
  const entriesShown =
    groups.reduce((sum, group) => sum + group.entries.length, 0) + subsections.reduce((sum, block) => sum + block.shown, 0);
  const links: PageContentsLink[] = [
    ...groups.flatMap((group) =>
      group.heading === undefined || group.kind === undefined
        ? []
        : [{ id: `${groupIdPrefix}${group.kind}`, label: group.heading, count: group.entries.length }],
    ),
    ...subsections.map((block) => ({ id: `${subsectionIdPrefix}${block.id}`, label: block.title, count: block.total })),
  ];
  return entriesShown > minEntries && links.length >= 2 ? links : [];
}
