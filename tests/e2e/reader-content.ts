/**
 * What the browser tests expect, read from the same content the site was built from
 * (COMMONPLACE_CONTENT_DIR, default content/): the tests compare the built pages and files against it.
 */
import { resolve } from 'node:path';
import { compareSections } from '../../src/content/list-shape.ts';
import { readReadingList } from '../../src/content/content-files.ts';

export function readerContent() {
  const dir = resolve(process.env.COMMONPLACE_CONTENT_DIR ?? 'content');
  const files = readReadingList(dir, process.cwd());
  if (files.problems.length) throw new Error(`content has problems: ${JSON.stringify(files.problems)}`);
  const sections = [...files.sections].sort(compareSections);
  const entries = files.entries;
  const tags = [...new Set(entries.flatMap((entry) => entry.data.tags))].sort();
  return {
    /** The content folder, absolute. */
    dir,
    list: files.list!.data,
    sections,
    entries,
    tags,
    bySection: (id: string) => entries.filter((entry) => entry.data.section === id),
  };
}
