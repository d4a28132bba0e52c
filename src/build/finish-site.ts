/**
 * What `npm run build` does after `astro build` has written the site and exited: prove nothing was
 * lost (./output-check.ts), build the search index from the entry pages (./search-index.ts), and
 * write `_headers`. It runs after Astro's process has ended, not in an `astro:build:done` hook, so
 * the indexer's memory does not add to Astro's (a 10,000-entry build peaked at 1.5 GB that way,
 * ~1.0 GB this way; see docs/benchmark.md). Any failure fails the build.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReadingList } from '../content/content-files.ts';
import { headersFile } from '../site/csp.ts';
import { checkOutput, expectedSite } from './output-check.ts';
import { ContentError } from '../content/problems.ts';
import { buildSearchIndex, searchCacheDir } from '../search/search-index.ts';
import { writeFacetCounts } from '../search/facet-counts.ts';

export async function finishSite(
  outDir: string,
  contentDir: string,
  projectRoot: string,
  log: (line: string) => void,
): Promise<void> {
  // Read the files again, independently of what Astro rendered, to compare the two.
  const files = readReadingList(contentDir, projectRoot);
  if (files.problems.length > 0) throw new ContentError(files.problems);
  const expected = expectedSite(files);

  const permalinkPages = new Map<string, string>();
  const problems = checkOutput(outDir, expected, permalinkPages);
  if (problems.length > 0) {
    throw new Error(
      `The built site lost or changed ${problems.length === 1 ? 'an entry' : 'entries'}:\n` +
        problems.map((problem) => `  ${problem.entry}: ${problem.message}`).join('\n'),
    );
  }
  const listings = expected.entries.reduce((sum, entry) => sum + entry.listedIn.length, 0);
  log(
    `checked ${expected.entries.length} entries: each once in every section it is listed in (${listings} listings) and on its permalink page, with its link, title, quotes and notes`,
  );

  const search = await buildSearchIndex(
    outDir,
    expected.entries.map((entry) => entry.id),
    permalinkPages,
    searchCacheDir(projectRoot),
  );
  writeFacetCounts(outDir, files);
  log(
    `indexed ${search.records} entries into pagefind/${search.reused ? ' (reused: every record as the last build made it)' : ''}`,
  );
  writeFileSync(join(outDir, '_headers'), headersFile());
}
