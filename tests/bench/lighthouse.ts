/**
 * `npm run bench -- --lighthouse`: Lighthouse's four categories on every kind of page of a built
 * generated list, served compressed (brotli) on 127.0.0.1 as a static host would, in headless
 * Chromium with Lighthouse's default mobile settings (simulated slow 4G and 4× CPU slowdown).
 *
 *   node tests/bench/lighthouse.ts <built site>     # the same audits on any built site
 *   node tests/bench/lighthouse.ts --large-list     # the 150-section list's home and search pages
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium.ts';
import { serveDirectory } from '../e2e/serve-dist.ts';
import { buildSite, tempSite } from '../support/build-site.ts';
import { writeLargeList } from '../support/large-list.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageAudit {
  kind: string;
  path: string;
  /** 0–100 per category; null when Lighthouse could not score it. */
  scores: Record<Category, number | null>;
  /** Scored audits below full marks (a metric at 0.99 included), with what Lighthouse showed for them. */
  failing: string[];
  /** Blocking time, largest contentful paint and layout shift, as Lighthouse displays them. */
  metrics: { totalBlockingTime: string; largestContentfulPaint: string; cumulativeLayoutShift: string };
  /** The performance score of every run, lowest first (this audit is the median one). */
  performanceRuns?: (number | null)[];
}

const pageAt = (outDir: string, path: string) => existsSync(join(outDir, path, 'index.html'));

/**
 * One page of each kind the site has, found in its output: the home page, the section with most
 * listing pages (page 1 and page 2), its first entry's permalink page, the tag index, the tag with
 * most pages (page 1 and 2), recent, about, contribute, search (no query, and a query), the 404 page.
 */
export function pageKinds(outDir: string, query = 'pipeline'): { kind: string; path: string }[] {
  const pagesOf = (dir: string) => (existsSync(join(dir, 'page')) ? readdirSync(join(dir, 'page')).length + 1 : 1);
  const largest = (parent: string, exclude: Set<string>) =>
    readdirSync(join(outDir, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !exclude.has(entry.name) && pageAt(outDir, join(parent, entry.name)))
      .map((entry) => ({ name: entry.name, pages: pagesOf(join(outDir, parent, entry.name)) }))
      .sort((a, b) => b.pages - a.pages || a.name.localeCompare(b.name))[0];
  const kinds: { kind: string; path: string }[] = [{ kind: 'home', path: '/' }];
  const section = largest('', new Set(['_astro', 'pagefind', 'tags', 'search', 'recent', 'about', 'contribute']));
  if (section) {
    kinds.push({ kind: 'section page', path: `/${section.name}/` });
    if (section.pages > 1) kinds.push({ kind: 'listing page 2', path: `/${section.name}/page/2/` });
    const entry = readdirSync(join(outDir, section.name), { withFileTypes: true })
      .filter((item) => item.isDirectory() && item.name !== 'page' && pageAt(outDir, join(section.name, item.name)))
      .map((item) => item.name)
      .sort()[0];
    if (entry) kinds.push({ kind: 'entry permalink', path: `/${section.name}/${entry}/` });
  }
  if (pageAt(outDir, 'tags')) {
    kinds.push({ kind: 'tag index', path: '/tags/' });
    const tag = largest('tags', new Set());
    if (tag) {
      kinds.push({ kind: 'tag page', path: `/tags/${tag.name}/` });
      if (tag.pages > 1) kinds.push({ kind: 'tag page 2', path: `/tags/${tag.name}/page/2/` });
    }
  }
  for (const name of ['recent', 'about', 'contribute', 'search'])
    if (pageAt(outDir, name)) kinds.push({ kind: name, path: `/${name}/` });
  if (pageAt(outDir, 'search')) kinds.push({ kind: 'search with a query', path: `/search/?q=${encodeURIComponent(query)}` });
  // Lighthouse refuses to audit a response with status 404, so the page itself is fetched by name.
  if (existsSync(join(outDir, '404.html'))) kinds.push({ kind: '404 page', path: '/404.html' });
  return kinds;
}

/**
 * Audits each page in turn, `runs` times, in one Chromium, against the site served compressed, and
 * keeps each page's median run by performance score: one Lighthouse run varies by several points on
 * a shared machine (its blocking time is the page's own work slowed 4×, and so is any other load).
 */
export async function auditPages(
  outDir: string,
  pages: { kind: string; path: string }[],
  log: (line: string) => void = () => undefined,
  runs = 3,
): Promise<PageAudit[]> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`No built site at ${outDir}`);
  const server = serveDirectory(outDir, 0, '/', { compress: true });
  await new Promise<void>((ready) => server.once('listening', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chromePath = chromiumExecutable() ?? (await import('playwright')).chromium.executablePath();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const audits: PageAudit[] = [];
  try {
    for (const page of pages) {
      const tries: PageAudit[] = [];
      for (let run = 0; run < runs; run++) tries.push(await auditOnce(`${origin}${page.path}`, chrome.port, page));
      tries.sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
      const median = tries[Math.floor(tries.length / 2)]!;
      audits.push({ ...median, performanceRuns: tries.map((audit) => audit.scores.performance) });
      log(
        `  lighthouse ${page.kind} ${page.path}: ${CATEGORIES.map((id) => median.scores[id] ?? '–').join(' / ')} (performance in ${runs} runs: ${tries.map((audit) => audit.scores.performance ?? '–').join(', ')})${median.failing.length ? `; below full marks: ${median.failing.join(', ')}` : ''}`,
      );
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return audits;
}

/**
 * The pages of the 150-section list (tests/support/large-list.ts) the audit adds: the two a list of
 * that size strains most, the home page's section tree and the search page's facets.
 */
export const LARGE_LIST_PAGES = [
  { kind: '150-section list: home', path: '/' },
  { kind: '150-section list: search with a query', path: '/search/?q=kitchen' },
];

/** Generates and builds the 150-section list in a temporary folder and audits LARGE_LIST_PAGES there. */
export async function auditLargeList(log: (line: string) => void = () => undefined, runs = 3): Promise<PageAudit[]> {
  const site = tempSite('lighthouse-large');
  try {
    writeLargeList(site.contentDir);
    const built = buildSite(site);
    if (built.status !== 0) throw new Error(`Building the 150-section list failed:\n${built.output}`);
    return await auditPages(site.outDir, LARGE_LIST_PAGES, log, runs);
  } finally {
    rmSync(join(site.contentDir, '..'), { recursive: true, force: true });
  }
}

/** One Lighthouse run of one page. */
async function auditOnce(url: string, port: number, page: { kind: string; path: string }): Promise<PageAudit> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${page.path}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => {
      const score = lhr.categories[id]?.score;
      return [id, typeof score === 'number' ? Math.round(score * 100) : null];
    }),
  ) as Record<Category, number | null>;
  const scored = new Set(
    CATEGORIES.flatMap((id) => lhr.categories[id]?.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id) ?? []),
  );
  const failing = Object.values(lhr.audits)
    .filter((audit) => scored.has(audit.id) && typeof audit.score === 'number' && audit.score < 1)
    .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
  const shown = (id: string) => lhr.audits[id]?.displayValue ?? '–';
  return {
    ...page,
    scores,
    failing,
    metrics: {
      totalBlockingTime: shown('total-blocking-time'),
      largestContentfulPaint: shown('largest-contentful-paint'),
      cumulativeLayoutShift: shown('cumulative-layout-shift'),
    },
  };
}

/** Markdown table of the audits: a row per page, the four scores, what did not pass. */
export function lighthouseTable(audits: readonly PageAudit[]): string {
  const rows = audits.map(
    (audit) =>
      `| ${audit.kind} | \`${audit.path}\` | ${CATEGORIES.map((id) => audit.scores[id] ?? '–').join(' | ')} | ${audit.performanceRuns?.map((score) => score ?? '–').join(', ') ?? '–'} | ${audit.metrics.totalBlockingTime} | ${audit.metrics.cumulativeLayoutShift} | ${audit.failing.join(', ') || '–'} |`,
  );
  return [
    '| Page | Path | Performance | Accessibility | Best practices | SEO | Performance, each run | Blocking time | Layout shift | Scored audits below full marks |',
    '|---|---|---:|---:|---:|---:|---|---:|---:|---|',
    ...rows,
  ].join('\n');
}

if (import.meta.main) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node tests/bench/lighthouse.ts <built site> | --large-list');
    process.exit(2);
  }
  const log = (line: string) => console.error(line);
  const audits = outDir === '--large-list' ? await auditLargeList(log) : await auditPages(outDir, pageKinds(outDir), log);
  console.log(lighthouseTable(audits));
}
