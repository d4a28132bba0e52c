/**
 * Builds the Pagefind index from the entry permalink pages only, one record per entry, and proves
 * that count afterwards: results are entries, never whole section pages, and none is missing.
 *
 * Pagefind cannot update an index (Pagefind issue #71): any change rebuilds it whole. So a finished
 * index is kept in the cache folder under a key made of every record's input (./index-records.ts);
 * a build whose records are all as they were copies it instead of indexing again. Pagefind writes
 * the same bytes for the same records, so the copy is what indexing would have written.
 */
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
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

/**
 * One Pagefind index fed record by record, in the order given, up to IN_FLIGHT at once. Pagefind numbers
 * pages as they arrive, so the same records sent in the same order give the same bytes however they
 * were timed; sent in another order they do not.
 */
class PagefindFeed {
  #index: Promise<pagefind.PagefindIndex>;
  /** Records not sent yet, in order; sent from the front as answers come back. */
  #queue: IndexRecord[] = [];
  #next = 0;
  #inFlight = 0;
  #drained: (() => void) | undefined;
  #failure: Error | undefined;

  constructor() {
    this.#index = pagefind.createIndex(PAGEFIND_CONFIG).then(({ index, errors }) => index ?? fail('createIndex', errors));
    this.#index.catch((error: unknown) => {
      this.#failure ??= error as Error;
    });
  }

  /** Queues one record; records are sent in the order queued, up to IN_FLIGHT unanswered. */
  add(record: IndexRecord): void {
    this.#queue.push(record);
    this.#pump();
  }

  #pump(): void {
    while (this.#inFlight < IN_FLIGHT && this.#next < this.#queue.length && !this.#failure) {
      const record = this.#queue[this.#next]!;
      this.#queue[this.#next++] = undefined as unknown as IndexRecord; // its text is Pagefind's now
      this.#inFlight++;
      void this.#index
        .then((index) => index.addHTMLFile({ url: record.url, content: record.content }))
        .then((added) => {
          if (added.errors.length) fail(`indexing ${record.url}`, added.errors);
        })
        .catch((error: unknown) => {
          this.#failure ??= error as Error;
        })
        .finally(() => {
          this.#inFlight--;
          this.#pump();
          if (this.#inFlight === 0 && (this.#next === this.#queue.length || this.#failure)) this.#drained?.();
        });
    }
  }

  async write(into: string): Promise<void> {
    if (this.#inFlight > 0 || this.#next < this.#queue.length)
      await new Promise<void>((done) => {
        this.#drained = done;
      });
    if (this.#failure) throw this.#failure;
    const written = await (await this.#index).writeFiles({ outputPath: into });
    if (written.errors.length) fail('writeFiles', written.errors);
  }

  /** Ends Pagefind's process. */
  static async close(): Promise<void> {
    await pagefind.close();
  }
}

/**
 * Builds the index of the entry pages in `outDir`, in `order` (entry ids), fed as pages become known:
 *
 * - `follow()` reads pages while Astro is still writing them and sends each one whose turn it is (the
 *   next in `order`) once it is complete, so Pagefind indexes on the second core while Astro renders;
 * - `offer(id, html)` hands over a page the output check read after Astro exited: the one that counts.
 *   A page sent while following must be byte for byte what the check read; if one is not, everything
 *   sent is discarded and indexed again from the checked pages;
 * - `finish()` sends what is left, in order, and writes the index, or copies the index a previous
 *   build kept for the same records (./index-records.ts), which are then not sent at all.
 *
 * The records and their order are the same whether a page was sent early or late, so the index is the
 * same bytes either way. `sideBySide: false` sends nothing before finish(): the check and Pagefind run
 * one after the other (faster for very large lists, see docs/benchmark.md).
 */
export class SearchIndexer {
  readonly #outDir: string;
  readonly #order: readonly string[];
  readonly #position: Map<string, number>;
  readonly #cacheDir: string | undefined;
  readonly #sideBySide: boolean;
  /** What the check read, by position in `order`. */
  readonly #checked: (string | undefined)[];
  /** What was sent to Pagefind, by position: the first `#sent.length` records, in order. */
  #sent: string[] = [];
  #feed: PagefindFeed | undefined;
  #following: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(outDir: string, order: readonly string[], options: { cacheDir?: string; sideBySide?: boolean } = {}) {
    this.#outDir = outDir;
    this.#order = order;
    this.#position = new Map(order.map((id, index) => [id, index]));
    this.#cacheDir = options.cacheDir;
    this.#sideBySide = options.sideBySide ?? true;
    this.#checked = new Array<string | undefined>(order.length);
  }

  /** Sent so far (for the build's log). */
  get sent(): number {
    return this.#sent.length;
  }

  #url(index: number): string {
    return `/${this.#order[index]}/`; // site-relative: the client prefixes the deployment's base path itself
  }

  #send(content: string): void {
    this.#feed ??= new PagefindFeed();
    const index = this.#sent.length;
    this.#sent.push(content);
    this.#feed.add({ url: this.#url(index), content });
  }

  /**
   * Polls `outDir` every `intervalMs` and sends each next page in order once Astro has written it
   * whole (a page being written is a prefix of itself, so it lacks its closing `</html>`).
   */
  follow(intervalMs = 250): void {
    const poll = () => {
      if (this.#stopped) return;
      while (this.#sent.length < this.#order.length) {
        let html: string;
        try {
          html = readFileSync(join(this.#outDir, this.#order[this.#sent.length]!, 'index.html'), 'utf8');
        } catch {
          break; // not written yet
        }
        if (!html.trimEnd().endsWith('</html>')) break;
        this.#send(indexedPart(html));
      }
      if (this.#sent.length < this.#order.length) this.#following = setTimeout(poll, intervalMs);
    };
    poll();
  }

  /** Stops following (Astro has exited); what was sent stays, to be proved by the pages offered. */
  stopFollowing(): void {
    this.#stopped = true;
    clearTimeout(this.#following);
  }

  /** Ends Pagefind's process without writing anything (the build failed). */
  async abandon(): Promise<void> {
    this.stopFollowing();
    if (this.#feed) await PagefindFeed.close();
  }

  /** The entry page `id` as the output check read it. */
  offer(id: string, html: string): void {
    const index = this.#position.get(id);
    if (index === undefined) return;
    this.#checked[index] = indexedPart(html);
    if (this.#sideBySide) this.#sendChecked();
  }

  /** Sends the checked pages whose turn has come (finish() proves those sent while following). */
  #sendChecked(): void {
    while (this.#sent.length < this.#order.length) {
      const content = this.#checked[this.#sent.length];
      if (content === undefined) break;
      this.#send(content);
    }
  }

  /** Writes `<outDir>/pagefind/` (or copies the kept one); the number of records, and whether the kept index was reused. */
  async finish(): Promise<{ records: number; reused: boolean }> {
    this.stopFollowing();
    const records: IndexRecord[] = this.#order.map((id, index) => {
      // A page the check did not read (it fails the build anyway, or a caller without a check): read it now.
      const content = this.#checked[index] ?? indexedPart(readFileSync(join(this.#outDir, id, 'index.html'), 'utf8'));
      return { url: this.#url(index), content };
    });
    const output = join(this.#outDir, 'pagefind');
    const key = this.#cacheDir === undefined ? undefined : indexKey(records, indexerIdentity());
    const cached = this.#cacheDir !== undefined && key !== undefined ? join(this.#cacheDir, key) : undefined;
    try {
      let reused = false;
      if (cached && existsSync(cached)) {
        try {
          rmSync(output, { recursive: true, force: true });
          linkOrCopy(cached, output);
          reused = true;
        } catch {
          reused = false; // removed by another build meanwhile: index instead
        }
      }
      if (!reused) {
        // Anything sent early that is not what the check read: start again from the checked pages.
        if (this.#sent.some((content, index) => content !== records[index]!.content)) {
          await PagefindFeed.close();
          this.#feed = undefined;
          this.#sent = [];
        }
        for (let index = this.#sent.length; index < records.length; index++) this.#send(records[index]!.content);
        rmSync(output, { recursive: true, force: true });
        await (this.#feed ?? new PagefindFeed()).write(output);
        if (this.#cacheDir !== undefined && key !== undefined) keepInCache(this.#cacheDir, key, output);
      }
      const manifest = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      const count = Object.values(manifest.languages).reduce((sum, language) => sum + language.page_count, 0);
      if (count !== this.#order.length) {
        throw new Error(
          `The search index holds ${count} records for ${this.#order.length} entries: some entry is missing from search.`,
        );
      }
      return { records: count, reused };
    } finally {
      await PagefindFeed.close();
    }
  }
}

/**
 * Puts a copy of the folder `from` at `to` as hard links (the index is 10,000 files at 10,000 entries:
 * linking them takes a fraction of copying them), or copies it where links cannot be made (another
 * file system). Neither side is written to afterwards: Pagefind writes a fresh folder each time.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    const link = (source: string, target: string) => {
      mkdirSync(target);
      for (const entry of readdirSync(source, { withFileTypes: true })) {
        if (entry.isDirectory()) link(join(source, entry.name), join(target, entry.name));
        else linkSync(join(source, entry.name), join(target, entry.name));
      }
    };
    link(from, to);
  } catch {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
  }
}

/** Keeps `folder` as the index for `key`, dropping older ones. A cache that cannot be written only costs the next build time. */
function keepInCache(cacheDir: string, key: string, folder: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const staging = join(cacheDir, `.${key}.${process.pid}`);
    linkOrCopy(folder, staging);
    rmSync(join(cacheDir, key), { recursive: true, force: true });
    renameSync(staging, join(cacheDir, key)); // whole or absent: a key's folder is never half-written
    for (const name of readdirSync(cacheDir)) if (name !== key) rmSync(join(cacheDir, name), { recursive: true, force: true });
  } catch (error) {
    console.warn(`The search index was not cached (${(error as Error).message}); the next build will index again.`);
  }
}

/**
 * Indexes `<outDir>/<id>/index.html` for each entry id, in that order, into `<outDir>/pagefind/`, or
 * copies the index kept in `cacheDir` for the same records.
 */
export async function buildSearchIndex(
  outDir: string,
  entryIds: readonly string[],
  cacheDir?: string,
): Promise<{ records: number; reused: boolean }> {
  return new SearchIndexer(outDir, entryIds, cacheDir === undefined ? {} : { cacheDir }).finish();
}
