/**
 * Builds the Pagefind index from the entry permalink pages only, one record per entry, and proves
 * that count afterwards: results are entries, never whole section pages, and none is missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Indexes `<outDir>/<id>/index.html` for each entry id; returns the number of records written. */
export async function buildSearchIndex(outDir: string, entryIds: readonly string[]): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) fail('createIndex', errors);
  try {
    for (const id of entryIds) {
      const content = readFileSync(join(outDir, id, 'index.html'), 'utf8');
      // Site-relative URL: the client prefixes the deployment's base path itself.
      const added = await index.addHTMLFile({ url: `/${id}/`, content });
      if (added.errors.length) fail(`indexing ${id}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) fail('writeFiles', written.errors);
  } finally {
    await pagefind.close();
  }
  const manifest = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const records = Object.values(manifest.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (records !== entryIds.length) {
    throw new Error(`The search index holds ${records} records for ${entryIds.length} entries: some entry is missing from search.`);
  }
  return records;
}
