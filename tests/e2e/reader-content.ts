/**
 * What the browser tests expect, read from the same content the site was built from
 * (COMMONPLACE_CONTENT_DIR, default content/): the tests compare the built pages and files against it.
 * Any valid list will do, nested and cross-listed ones too: the main run reads content/, which a
 * curator replaces with their own list.
 */
import { resolve } from 'node:path';
import { test } from '@playwright/test';
import { listingsOf, sectionTree } from '../../src/content/list-shape.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { sectionLabels } from '../../src/site/section-views.ts';

export function readerContent() {
  const dir = resolve(process.env.COMMONPLACE_CONTENT_DIR ?? 'content');
  const files = readReadingList(dir, process.cwd());
  if (files.problems.length) throw new Error(`content has problems: ${JSON.stringify(files.problems)}`);
  const tree = sectionTree(files.sections);
  const entries = files.entries;
  const tags = [...new Set(entries.flatMap((entry) => entry.data.tags))].sort();
  const labels = sectionLabels(tree);
  /** The entries a section's own listing holds: its own, and those cross-listed in it. */
  const listedIn = (id: string) => entries.filter((entry) => listingsOf(entry.data).some((listing) => listing.section === id));
  return {
    /** The content folder, absolute. */
    dir,
    list: files.list!.data,
    /** Every section in reading order: a parent, then its sub-sections. */
    sections: tree.inOrder,
    tree,
    entries,
    tags,
    listedIn,
    /** Distinct entries in a section and every section below it (what its feed holds). */
    inSubtree: (id: string) => [
      ...new Map(tree.subtreeOf(id).flatMap((section) => listedIn(section.id).map((entry) => [entry.id, entry]))).values(),
    ],
    /** The section's name in search facets: its title, with the titles above it where titles repeat. */
    labelOf: (id: string) => labels.get(id)!,
  };
}

/**
 * For a test that needs content of some kind (quotes, groups, a known passage): the fixture runs
 * (E2E_LIST set, tests/e2e/fixture-list.ts) hold it and must, so there a missing kind fails; the
 * main run reads content/, which may be a curator's list without it, and there the test is skipped
 * with one line saying why.
 */
export function needs(what: string, present: boolean): void {
  if (process.env.E2E_LIST) {
    if (!present) throw new Error(`the ${process.env.E2E_LIST} fixture list must hold ${what}`);
    return;
  }
  test.skip(!present, `content/ holds no ${what}; the readers fixture list's run checks this`);
}
