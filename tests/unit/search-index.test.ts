/**
 * The search index's records and its reuse: Pagefind is given only the part of a permalink page it
 * reads, indexes it exactly as it indexes the whole page, and a build whose records are all as they
 * were copies the kept index, byte for byte what indexing would write. Runs the real Pagefind.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { indexedPart, indexKey } from '../../src/search/index-records.ts';
import { buildSearchIndex, SearchIndexer } from '../../src/search/search-index.ts';

interface PageParts {
  title: string;
  quote: string;
  note?: string;
  tags?: string[];
  related?: string;
  header?: string;
}

/** A permalink page laid out as [slug].astro lays it out, with text around the article that Pagefind must not read. */
function permalinkPage(id: string, parts: PageParts): string {
  const { title, quote, note = '', tags = [], related = 'Another entry', header = 'Reading list' } = parts;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} · List</title>
<meta name="description" content="${quote}"><script type="module" src="/_astro/page.abc123.js"></script></head>
<body><header class="site-header"><a href="/">${header}</a><form data-search-box><input type="search"></form></header>
<main id="main"><nav class="breadcrumbs" data-pagefind-ignore><a href="/essays/">Essays</a></nav>
<article data-pagefind-body data-entry="${id}">
<h1 data-pagefind-meta="title"><a href="https://example.com/${id}">${title}</a></h1>
<p class="entry-meta"><span class="domain" data-pagefind-meta="domain">example.com</span>
<span data-pagefind-ignore>In <a href="/essays/">Essays</a></span><span data-pagefind-ignore>Framing</span></p>
<span data-pagefind-ignore><span data-pagefind-filter="section[data-value]" data-value="Essays"></span>
<span data-pagefind-filter="kind[data-value]" data-value="Framing"></span>
<span data-pagefind-filter="own-section[data-value]" data-value="Essays"></span></span>
<figure class="quote"><blockquote data-pagefind-weight="4" cite="https://example.com/${id}"><p>${quote}</p></blockquote>
<figcaption data-pagefind-ignore><a href="https://example.com/${id}">Read it</a></figcaption></figure>
<div class="notes"><p>${note}</p></div>
<ul class="tags">${tags.map((tag) => `<li><a href="/tags/${tag}/" data-pagefind-filter="tag">${tag}</a></li>`).join('')}</ul>
</article>
<p class="copy-link"><span>Permalink: <a href="https://example.org/${id}/">https://example.org/${id}/</a></span></p>
<section class="related" data-pagefind-ignore><h2>Related entries</h2><ul><li><a href="/essays/other/">${related}</a></li></ul></section>
</main><footer class="site-footer"><p>A commonplace book.</p></footer></body></html>`;
}

const ENTRIES: Record<string, PageParts> = {
  'essays/pipelines': {
    title: 'Pipelines that explain themselves',
    quote: 'Every pipeline should say where its data came from.',
    note: 'Read with the <em>lineage</em> essay.',
    tags: ['lineage', 'pipelines'],
  },
  'essays/teams': { title: 'Small teams', quote: 'A team of five ships more than a team of fifty.', tags: ['teams'] },
  'essays/quotes': { title: 'On quoting', quote: 'Quote “exactly” &amp; keep the &lt;tags&gt; as text.' },
};
const IDS = Object.keys(ENTRIES);

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'commonplace-search-index-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A built site of the entries' permalink pages; `change` edits one entry's page. */
function site(name: string, change: Partial<Record<string, Partial<PageParts>>> = {}): string {
  const outDir = join(work, name);
  for (const id of IDS) {
    mkdirSync(join(outDir, id), { recursive: true });
    writeFileSync(join(outDir, id, 'index.html'), permalinkPage(id, { ...ENTRIES[id]!, ...change[id] }));
  }
  return outDir;
}

/** Every file of a folder, by relative path, as bytes. */
function filesOf(folder: string): Map<string, Buffer> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(folder.length + 1), readFileSync(path)];
    }),
  );
}

describe('indexedPart', () => {
  test('keeps the html tag (its language) and the one data-pagefind-body article, and nothing around them', () => {
    const page = permalinkPage('essays/teams', { ...ENTRIES['essays/teams']!, header: 'HEADER-TEXT', related: 'RELATED-TEXT' });
    const part = indexedPart(page);
    expect(
      part.startsWith('<!doctype html><html lang="en"><head></head><body><article data-pagefind-body data-entry="essays/teams">'),
    ).toBe(true);
    expect(part.endsWith('</article></body></html>')).toBe(true);
    expect(part).toContain('A team of five ships more than a team of fifty.');
    expect(part).not.toContain('HEADER-TEXT');
    expect(part).not.toContain('RELATED-TEXT');
    expect(part).not.toContain('/_astro/');
  });

  test('gives the page whole when an attribute before the article holds its start tag as text', () => {
    // Astro escapes only & and " in attribute values: a quote in the description can hold "<article data-pagefind-body".
    const page = permalinkPage('essays/teams', { title: 'T', quote: 'see <article data-pagefind-body> here' });
    expect(indexedPart(page)).toBe(page);
  });

  test('gives a page without the article whole', () => {
    const page = '<!doctype html><html lang="en"><body><main>No entry here</main></body></html>';
    expect(indexedPart(page)).toBe(page);
  });
});

describe('indexKey', () => {
  const records = IDS.map((id) => ({ url: `/${id}/`, content: permalinkPage(id, ENTRIES[id]!) }));

  test('is the same for the same records and indexer', () => {
    expect(indexKey(records, 'pagefind 1.6.0')).toBe(
      indexKey(
        records.map((record) => ({ ...record })),
        'pagefind 1.6.0',
      ),
    );
  });

  test('changes with any record’s content or URL, their order, their number, or the indexer', () => {
    const base = indexKey(records, 'pagefind 1.6.0');
    const variants = [
      indexKey([{ ...records[0]!, content: `${records[0]!.content} ` }, ...records.slice(1)], 'pagefind 1.6.0'),
      indexKey([{ ...records[0]!, url: '/essays/renamed/' }, ...records.slice(1)], 'pagefind 1.6.0'),
      indexKey([...records].reverse(), 'pagefind 1.6.0'),
      indexKey(records.slice(1), 'pagefind 1.6.0'),
      indexKey(records, 'pagefind 1.6.1'),
    ];
    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  test('tells apart records that only join into the same text', () => {
    expect(indexKey([{ url: '/a/', content: 'bc' }], 'x')).not.toBe(indexKey([{ url: '/ab/', content: 'c' }], 'x'));
  });
});

// Each test runs Pagefind's binary up to four times: slow on a busy 2-core machine.
describe('buildSearchIndex', { timeout: 90_000 }, () => {
  test('indexes each entry’s article exactly as Pagefind indexes its whole page', async () => {
    const outDir = site('cut');
    await buildSearchIndex(outDir, IDS);
    const { index } = await pagefind.createIndex({});
    try {
      for (const id of IDS)
        await index!.addHTMLFile({ url: `/${id}/`, content: readFileSync(join(outDir, id, 'index.html'), 'utf8') });
      await index!.writeFiles({ outputPath: join(work, 'whole-pages') });
    } finally {
      await pagefind.close();
    }
    expect(filesOf(join(outDir, 'pagefind'))).toEqual(filesOf(join(work, 'whole-pages')));
  });

  test('a build whose records are all unchanged copies the kept index: the bytes a fresh indexing writes', async () => {
    const cacheDir = join(work, 'cache');
    expect(await buildSearchIndex(site('first'), IDS, cacheDir)).toEqual({ records: 3, reused: false });
    // The header and related entries changed, not the articles: the records are the same.
    const again = site('again', { 'essays/teams': { header: 'Renamed list', related: 'A new neighbour' } });
    expect(await buildSearchIndex(again, IDS, cacheDir)).toEqual({ records: 3, reused: true });
    const fresh = site('fresh', { 'essays/teams': { header: 'Renamed list', related: 'A new neighbour' } });
    expect(await buildSearchIndex(fresh, IDS)).toEqual({ records: 3, reused: false });
    expect(filesOf(join(again, 'pagefind'))).toEqual(filesOf(join(fresh, 'pagefind')));
  });

  test('a changed quote, or an entry more or less, indexes afresh and is kept for the next build', async () => {
    const cacheDir = join(work, 'cache');
    await buildSearchIndex(site('first'), IDS, cacheDir);
    const edited = site('edited', { 'essays/teams': { quote: 'A team of six.' } });
    expect(await buildSearchIndex(edited, IDS, cacheDir)).toEqual({ records: 3, reused: false });
    expect(await buildSearchIndex(site('fewer'), IDS.slice(1), cacheDir)).toEqual({ records: 2, reused: false });
    expect(await buildSearchIndex(site('fewer-again'), IDS.slice(1), cacheDir)).toEqual({
      records: 2,
      reused: true,
    });
    // Only the last index is kept.
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  test('a cache folder that cannot be written costs the next build its reuse, never this build', async () => {
    const notAFolder = join(work, 'cache-is-a-file');
    writeFileSync(notAFolder, 'in the way');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await buildSearchIndex(site('blocked'), IDS, notAFolder)).toEqual({ records: 3, reused: false });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('the next build will index again'));
    } finally {
      warn.mockRestore();
    }
    expect(filesOf(join(work, 'blocked', 'pagefind')).has('pagefind-entry.json')).toBe(true);
  });
});

// Pagefind numbers pages in the order they arrive: what is sent early must be sent in the same order.
describe('SearchIndexer following the build', { timeout: 90_000 }, () => {
  const tick = () => new Promise((resume) => setTimeout(resume, 60));
  const offerAll = (indexer: SearchIndexer, outDir: string) => {
    for (const id of IDS) indexer.offer(id, readFileSync(join(outDir, id, 'index.html'), 'utf8'));
  };

  test('sends pages as they are written, only once whole and in order, and writes what indexing afterwards writes', async () => {
    const outDir = join(work, 'following');
    const indexer = new SearchIndexer(outDir, IDS);
    indexer.follow(20);
    const [first, second, third] = IDS as [string, string, string];
    const write = (id: string, text = permalinkPage(id, ENTRIES[id]!)) => {
      mkdirSync(join(outDir, id), { recursive: true });
      writeFileSync(join(outDir, id, 'index.html'), text);
    };
    write(second); // written before the first: waits for it
    await tick();
    expect(indexer.sent).toBe(0);
    write(first, permalinkPage(first, ENTRIES[first]!).slice(0, 400)); // still being written
    await tick();
    expect(indexer.sent).toBe(0);
    write(first);
    await tick();
    expect(indexer.sent).toBe(2);
    write(third);
    await tick();
    expect(indexer.sent).toBe(3);
    offerAll(indexer, outDir);
    expect(await indexer.finish()).toEqual({ records: 3, reused: false });

    const afterwards = site('afterwards');
    await buildSearchIndex(afterwards, IDS);
    expect(filesOf(join(outDir, 'pagefind'))).toEqual(filesOf(join(afterwards, 'pagefind')));
  });

  test('a page sent early that is not what the check read is indexed again from the checked pages', async () => {
    const outDir = site('rewritten', { 'essays/teams': { quote: 'A first draft nobody should find.' } });
    const indexer = new SearchIndexer(outDir, IDS);
    indexer.follow(20);
    await tick();
    expect(indexer.sent).toBe(3);
    indexer.stopFollowing();
    const final = site('rewritten'); // the same folder, pages as finally written
    offerAll(indexer, final);
    await indexer.finish();

    const fresh = site('fresh');
    await buildSearchIndex(fresh, IDS);
    expect(filesOf(join(outDir, 'pagefind'))).toEqual(filesOf(join(fresh, 'pagefind')));
  });
});
