/**
 * After Astro writes the site: prove nothing was lost (src/lib/output-check.ts), build the search
 * index from the entry pages (./pagefind.ts), and write `_headers`. Any failure fails the build.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readReadingList } from '../lib/content-files.ts';
import { contentDirectory } from '../lib/content-loader.ts';
import { headersFile } from '../lib/csp.ts';
import { checkOutput } from '../lib/output-check.ts';
import { ContentError } from '../lib/problems.ts';
import { entriesBySection } from '../lib/reading-list.ts';
import { buildSearchIndex } from './pagefind.ts';

export function siteOutput(): AstroIntegration {
  let projectRoot: URL | undefined;
  return {
    name: 'commonplace:output',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!projectRoot) throw new Error('commonplace:output ran before the config was resolved');
        const outDir = fileURLToPath(dir);
        // Read the files again, independently of what Astro rendered, to compare the two.
        const files = readReadingList(contentDirectory(projectRoot), fileURLToPath(projectRoot));
        if (files.problems.length > 0) throw new ContentError(files.problems);
        const ordered = [...entriesBySection(files.entries).values()].flat();

        const problems = checkOutput(
          outDir,
          ordered.map((entry) => ({ id: entry.id, section: entry.data.section, title: entry.data.title, quotes: entry.data.quotes })),
        );
        if (problems.length > 0) {
          throw new Error(
            `The built site lost or changed ${problems.length === 1 ? 'an entry' : 'entries'}:\n` +
              problems.map((problem) => `  ${problem.entry}: ${problem.message}`).join('\n'),
          );
        }
        logger.info(`checked ${ordered.length} entries: each once on its section page and its permalink page, quotes verbatim`);

        const records = await buildSearchIndex(outDir, ordered.map((entry) => entry.id));
        logger.info(`indexed ${records} entries into pagefind/`);
        writeFileSync(join(outDir, '_headers'), headersFile());
      },
    },
  };
}
