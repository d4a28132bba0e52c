/**
 * Builds the Pagefind index from the entry permalink pages only, one record per entry, and proves
 * that count afterwards: results are entries, never whole section pages, and none is missing.
 *
 * Pagefind cannot update an index (Pagefind issue #71): any change rebuilds it whole. So a finished
 * index is kept in the cache folder under a key made of every record's input (./index-records.ts);
 * a build whose records are all as they were copies it instead of indexing again. Pagefind writes
 * the same bytes for the same records, so the copy is what indexing would have written.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { indexedPart, indexKey, type IndexRecord } from './index-records.ts';

/** Pages handed to Pagefind at once: enough to keep its indexer busy, few enough to bound memory. */
const IN_FLIGHT = 32;
/** Pagefind's options (none: its defaults). */
const PAGEFIND_CONFIG = {};

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Pagefind's version, its options and this file's own text: a change to any of them indexes afresh. */
function indexerIdentity(): string {
  // Its package does not export package.json; it sits one folder above the entry point (lib/index.js).
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  return JSON.stringify({
    pagefind: version,
    config: PAGEFIND_CONFIG,
    code: readFileSync(fileURLToPath(import.meta.url), 'utf8'),
  });
}

/** Runs Pagefind over the records and writes its files to `into`. */
async function runPagefind(records: IndexRecord[], into: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
  if (!index) fail('createIndex', errors);
  try {
    let next = 0;
    const worker = async () => {
      while (next < records.length) {
        const record = records[next++]!;
        // Site-relative URL: the client prefixes the deployment's base path itself.
        const added = await index.addHTMLFile({ url: record.url, content: record.content });
        if (added.errors.length) fail(`indexing ${record.url}`, added.errors);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, records.length) }, worker));
    const written = await index.writeFiles({ outputPath: into });
    if (written.errors.length) fail('writeFiles', written.errors);
  } finally {
    await pagefind.close();
  }
}

/** Keeps `folder` as the index for `key`, dropping older ones. A cache that cannot be written only costs the next build time. */
function keepInCache(cacheDir: string, key: string, folder: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const staging = join(cacheDir, `.${key}.${process.pid}`);
    cpSync(folder, staging, { recursive: true });
    rmSync(join(cacheDir, key), { recursive: true, force: true });
    renameSync(staging, join(cacheDir, key)); // whole or absent: a key's folder is never half-written
    for (const name of readdirSync(cacheDir)) if (name !== key) rmSync(join(cacheDir, name), { recursive: true, force: true });
  } catch (error) {
    console.warn(`The search index was not cached (${(error as Error).message}); the next build will index again.`);
  }
}

/**
 * Indexes `<outDir>/<id>/index.html` for each entry id into `<outDir>/pagefind/`, or copies the
 * index kept in `cacheDir` for the same records.
 */
export async function buildSearchIndex(
  outDir: string,
  entryIds: readonly string[],
  cacheDir?: string,
): Promise<{ records: number; reused: boolean }> {
  const records: IndexRecord[] = [];
  for (const id of entryIds) {
    // Read at once: one system call, where the promise API opens, stats, reads and closes in turns
    // (seconds more at 10,000 pages, while the output check runs beside it).
    const html = readFileSync(join(outDir, id, 'index.html'), 'utf8');
    records.push({ url: `/${id}/`, content: indexedPart(html) });
  }
  const output = join(outDir, 'pagefind');
  const key = cacheDir === undefined ? undefined : indexKey(records, indexerIdentity());
  const cached = cacheDir !== undefined && key !== undefined ? join(cacheDir, key) : undefined;

  let reused = false;
  if (cached && existsSync(cached)) {
    try {
      rmSync(output, { recursive: true, force: true });
      cpSync(cached, output, { recursive: true });
      reused = true;
    } catch {
      reused = false; // removed by another build meanwhile: index instead
    }
  }
  if (!reused) {
    rmSync(output, { recursive: true, force: true });
    await runPagefind(records, output);
    if (cacheDir !== undefined && key !== undefined) keepInCache(cacheDir, key, output);
  }

  const manifest = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const count = Object.values(manifest.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (count !== entryIds.length) {
    throw new Error(`The search index holds ${count} records for ${entryIds.length} entries: some entry is missing from search.`);
  }
  return { records: count, reused };
}
