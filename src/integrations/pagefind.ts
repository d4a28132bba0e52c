/**
 * Builds the Pagefind index after Astro has written the site. Only entry permalink pages carry
 * `data-pagefind-body`, so results are entries, never whole section pages.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'commonplace:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) fail('createIndex', errors);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) fail('indexing', added.errors);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) fail('writeFiles', written.errors);
          logger.info(`indexed ${added.page_count} pages into pagefind/ (only entry pages carry data-pagefind-body)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
