/**
 * What `npm run build` does after `astro build` has written the site and exited: prove nothing was
 * lost (./output-check.ts) while building the search index from the entry pages (./search-index.ts),
 * and write `_headers`. It runs after Astro's process has ended, not in an `astro:build:done` hook, so
 * the indexer's memory does not add to Astro's (a 10,000-entry build peaked at 1.5 GB that way,
 * ~1.0 GB this way; see docs/benchmark.md). Any failure fails the build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReadingList } from '../content/content-files.ts';
import { headersFile } from '../site/csp.ts';
import { CheckMemo } from './check-memo.ts';
import { checkOutputInTurns, expectedSite } from './output-check.ts';
import { ContentError } from '../content/problems.ts';
import { buildSearchIndex } from '../search/search-index.ts';

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
): Promise<void> {
  // Read the files again, independently of what Astro rendered, to compare the two.
  const files = readReadingList(contentDir, projectRoot);
  if (files.problems.length > 0) throw new ContentError(files.problems);
  const expected = expectedSite(files);

  const memoFile = cacheDir === undefined ? undefined : join(cacheDir, 'commonplace-output-check.json');
  const memo = memoFile === undefined ? undefined : CheckMemo.load(memoFile, checkerCode());
  // Index while checking: the indexer is a separate process, so the two share the cores. The
  // index is only kept if the check passes (a failed build discards the whole staging folder).
  const indexing = buildSearchIndex(
    outDir,
    expected.entries.map((entry) => entry.id),
    cacheDir === undefined ? undefined : join(cacheDir, 'commonplace-search'),
  ).then(
    ({ records, reused }) => ({ records, reused }),
    (error: unknown) => ({ error }),
  );
  const problems = await checkOutputInTurns(outDir, expected, memo);
  const listings = expected.entries.reduce((sum, entry) => sum + entry.listedIn.length, 0);
  // Said as soon as it is known (the index may still be building), so a log shows each one's time.
  if (problems.length === 0)
    log(
      `checked ${expected.entries.length} entries: each once in every section it is listed in (${listings} listings) and on its permalink page, with its link, title, quotes and notes${memo?.reused ? ` (${memo.reused} pages byte for byte as a previous build checked them: verdicts kept)` : ''}`,
    );
  const indexed = await indexing;
  if (problems.length > 0) {
    throw new Error(
      `The built site lost or changed ${problems.length === 1 ? 'an entry' : 'entries'}:\n` +
        problems.map((problem) => `  ${problem.entry}: ${problem.message}`).join('\n'),
    );
  }
  if (memo && memoFile) memo.save(memoFile);
  if ('error' in indexed) throw indexed.error;
  log(
    `indexed ${indexed.records} entries into pagefind/${indexed.reused ? ' (reused: every record as the last build made it)' : ''}`,
  );
  writeFileSync(join(outDir, '_headers'), headersFile());
}
