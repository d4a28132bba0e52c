/**
 * Export → import is exact: for random lists (titles, quotes and notes holding Markdown, HTML, emoji,
 * line breaks and numbers-as-text; nested sections; cross-listings; ids that are not the titles'
 * slugs), importing the exported page into an empty folder writes the same files, byte for byte, in
 * both page formats. Lists are made in memory and run through the exporter, the page reader and the
 * placement in-process (no CLI, no disk), so hundreds of cases run in seconds.
 *
 * What a page cannot carry (`added` dates, link `status`) is not generated: the exporter warns about
 * it (tested at the end).
 */
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { exportPage } from '../../src/import/export-page.ts';
import { placePages } from '../../src/import/place.ts';
import { PAGE_FORMATS, type PageFormat } from '../../src/import/plan.ts';
import { readPage } from '../../src/import/read-page.ts';
import { buildList, listShape, type Generated } from '../support/random-list.ts';

/** Export in `format`, read the page, place it into an empty list: the files the import would write. */
function roundTrip(files: Generated['files'], format: PageFormat) {
  const page = exportPage(files, { format });
  if ('error' in page) throw new Error(page.error);
  const plan = readPage(page.text, 'page.md', format);
  const placement = placePages(
    [plan],
    { files: { list: undefined, sections: [], entries: [] }, read: () => undefined },
    {
      display: (path) => `content/${path}`,
    },
  );
  return { page, placement, texts: new Map(placement.files.map((file) => [file.path, file.text])) };
}

const sorted = (texts: Map<string, string>) => new Map([...texts].sort(([a], [b]) => (a < b ? -1 : 1)));

describe.each(PAGE_FORMATS)('export → import through the %s format', (format) => {
  it('gives back the same files, byte for byte, for 500 random lists', () => {
    fc.assert(
      fc.property(listShape, (shape) => {
        const { files, texts } = buildList(shape);
        const { page, placement, texts: again } = roundTrip(files, format);
        expect(page.warnings).toEqual([]);
        expect(placement.problems, page.text).toEqual([]);
        expect(sorted(again), page.text).toEqual(sorted(texts));
      }),
      { numRuns: 500 },
    );
    // 500 cases take seconds alone; the limit only keeps a machine shared by other work from failing it.
  }, 300_000);
});

describe('the generated lists', () => {
  it('are valid lists, read from disk as they are held in memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'commonplace-property-'));
    let count = 0;
    try {
      fc.assert(
        fc.property(listShape, (shape) => {
          const { files, texts } = buildList(shape);
          const root = join(dir, String(count++));
          for (const [path, text] of texts) {
            mkdirSync(dirname(join(root, path)), { recursive: true });
            writeFileSync(join(root, path), text);
          }
          const read = readReadingList(root, root);
          expect(read.problems).toEqual([]);
          const byId = (list: readonly { id: string; data: unknown; body: string }[]) =>
            new Map(list.map((each) => [each.id, [each.data, each.body.trim()]]));
          expect(read.list?.data).toEqual(files.list.data);
          expect(byId(read.sections)).toEqual(byId(files.sections));
          expect(byId(read.entries)).toEqual(byId(files.entries));
        }),
        { numRuns: 10 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
