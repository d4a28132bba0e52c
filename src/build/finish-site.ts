/**
 * What `npm run build` does around `astro build`: prove nothing was lost (./output-check.ts) and build
 * the search index from the entry pages (../search/search-index.ts), and write `_headers`. Any failure
 * fails the build.
 *
 * The index is built in Pagefind's own process while Astro renders (startFinish, before Astro starts:
 * each entry page is sent as soon as Astro has written it), then proved against the pages the check
 * reads once Astro has exited: each page is read once there, for both. Up to SIDE_BY_SIDE_MAX entries;
 * beyond, Pagefind's memory on top of Astro's and the check's is more than the time it saves (issue 20,
 * docs/benchmark.md), so the check runs first and Pagefind after it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReadingList, type ReadingListFiles } from '../content/content-files.ts';
import { headersFile } from '../site/csp.ts';
import { CheckMemo } from './check-memo.ts';
import { checkOutputInTurns, expectedSite, type ExpectedSite } from './output-check.ts';
import { ContentError } from '../content/problems.ts';
import { SearchIndexer } from '../search/search-index.ts';

/** Lists up to this size index while Astro renders and while the check runs; larger ones check, then index. */
export const SIDE_BY_SIDE_MAX = 50_000;

/** What the check's verdicts depend on besides the pages and the content: its code and the packages it uses. */
const checkerCode = () =>
  ['./output-check.ts', '../content/notes.ts', '../../package-lock.json']
    .map((path) => {
      try {
        return readFileSync(new URL(path, import.meta.url), 'utf8');
      } catch {
        return `${path} missing`;
      }
    })
    .join('\n');

/** The content as read before the build, and the search indexer that can follow Astro's output. */
export interface FinishStart {
  files: ReadingListFiles;
  expected: ExpectedSite;
  indexer: SearchIndexer;
}

/**
 * The order of the index's records: sections in reading order, each one's own entries in reading order,
 * the order Astro writes the entry pages in (src/site/site-data.ts, `entries`), so that following its
 * output sends each page soon after it is written. Any entry not placed so comes last (the check fails on it).
 */
export function indexOrder(files: Pick<ReadingListFiles, 'entries'>, expected: ExpectedSite): string[] {
  const own = new Map(files.entries.map((entry) => [entry.id, entry.data.section]));
  const order = new Set<string>();
  for (const section of expected.sections) for (const id of section.order) if (own.get(id) === section.id) order.add(id);
  for (const entry of expected.entries) order.add(entry.id);
  return [...order];
}

/**
 * Reads the content (independently of what Astro will render, to compare the two) and sets up the
 * search indexer for `outDir`; call before `astro build` to let the indexer follow its output.
 */
export function startFinish(outDir: string, contentDir: string, projectRoot: string, cacheDir?: string): FinishStart {
  const files = readReadingList(contentDir, projectRoot);
  if (files.problems.length > 0) throw new ContentError(files.problems);
  const expected = expectedSite(files);
  const indexer = new SearchIndexer(outDir, indexOrder(files, expected), {
    ...(cacheDir === undefined ? {} : { cacheDir: join(cacheDir, 'commonplace-search') }),
    sideBySide: expected.entries.length <= SIDE_BY_SIDE_MAX,
  });
  return { files, expected, indexer };
}

export async function finishSite(
  outDir: string,
  contentDir: string,
  projectRoot: string,
  log: (line: string) => void,
  /**
   * Where the check keeps its verdicts and the indexer its last index between builds (Astro's cache
   * folder); none: every page is checked and indexed afresh.
   */
  cacheDir?: string,
  /** What startFinish() read and set up before the build; without it, the content is read now. */
  started?: FinishStart,
): Promise<void> {
  const { expected, indexer } = started ?? startFinish(outDir, contentDir, projectRoot, cacheDir);
  indexer.stopFollowing();
  const sentWhileRendering = indexer.sent;

  const memoFile = cacheDir === undefined ? undefined : join(cacheDir, 'commonplace-output-check.json');
  const memo = memoFile === undefined ? undefined : CheckMemo.load(memoFile, checkerCode());
  // The check hands each entry page it reads to the indexer (a separate process, so the two share the
  // cores). The index is only kept if the check passes (a failed build discards the whole staging folder).
  const problems = await checkOutputInTurns(outDir, expected, memo, undefined, (id, html) => indexer.offer(id, html));
  const listings = expected.entries.reduce((sum, entry) => sum + entry.listedIn.length, 0);
  // Said as soon as it is known (the index may still be building), so a log shows each one's time.
  if (problems.length === 0)
    log(
      `checked ${expected.entries.length} entries: each once in every section it is listed in (${listings} listings) and on its permalink page, with its link, title, quotes and notes${memo?.reused ? ` (${memo.reused} pages byte for byte as a previous build checked them: verdicts kept)` : ''}`,
    );
  if (problems.length > 0) {
    await indexer.abandon(); // the staging folder is discarded
    throw new Error(
      `The built site lost or changed ${problems.length === 1 ? 'an entry' : 'entries'}:\n` +
        problems.map((problem) => `  ${problem.entry}: ${problem.message}`).join('\n'),
    );
  }
  if (memo && memoFile) memo.save(memoFile);
  const indexed = await indexer.finish();
  log(
    `indexed ${indexed.records} entries into pagefind/${indexed.reused ? ' (reused: every record as the last build made it)' : sentWhileRendering ? ` (${sentWhileRendering} sent while Astro rendered)` : ''}`,
  );
  writeFileSync(join(outDir, '_headers'), headersFile());
}
