/**
 * Search on the built list (content/, then the readers fixture list). Queries are chosen from the content (a word of an entry's quote,
 * its title, a word no entry holds), so the tests hold for any valid list and keep holding as it grows.
 */
import { notesText } from '../../src/content/notes.ts';
import { domainOf } from '../../src/content/urls.ts';
import { declaredGroups, listingsOf } from '../../src/content/list-shape.ts';
import { FACETS } from '../../src/search/search-state.ts';
import { expect, test } from './fixtures.ts';
import { needs, readerContent } from './reader-content.ts';
import { pagefindWholeListCounts, searchPageCountsWithoutPagefind, shownCounts } from './whole-list-facet-counts.ts';

const content = readerContent();
type Entry = (typeof content.entries)[number];
const permalinks = new Set(content.entries.map((entry) => `/${entry.id}/`));

/** Everything of an entry a reader can search for, lowercased. */
const searchable = (entry: Entry) =>
  [entry.data.title, ...entry.data.quotes, notesText(entry.body), entry.data.url].join('\n').toLowerCase();
const texts = content.entries.map(searchable);
/** Each entry's searchable text, computed once: reading notes parses Markdown, and a real list has hundreds. */
const textOf = new Map(content.entries.map((entry, index) => [entry.id, texts[index]!]));
const wordsOf = (text: string) => [...new Set(text.toLowerCase().match(/\p{L}{5,}/gu) ?? [])];
/** Entries whose text holds `word` or a word sharing its stem (a generous guess at Pagefind's stemming). */
const entriesHolding = (word: string) =>
  texts.filter((text) => text.includes(word.slice(0, Math.max(4, word.length - 3)))).length;
/** The word of `text` the fewest entries hold: a query that finds its entry among few others. */
const rarestWord = (text: string) => wordsOf(text).sort((a, b) => entriesHolding(a) - entriesHolding(b) || a.localeCompare(b))[0];

/** Titles and URLs Pagefind's own client (dist/pagefind/pagefind.js) returns for a query, best first. */
async function pagefindResults(page: import('@playwright/test').Page, query: string): Promise<{ title: string; url: string }[]> {
  return page.evaluate(async (q) => {
    const clientUrl = '/pagefind/pagefind.js'; // served by the built site, not a module of this repo
    const pagefind = await import(clientUrl);
    const search = await pagefind.search(q);
    const results = await Promise.all(
      search.results.map((result: { data: () => Promise<{ url: string; meta: { title: string } }> }) => result.data()),
    );
    return results.map((result) => ({ title: result.meta.title, url: result.url }));
  }, query);
}

test('Pagefind’s own client finds every entry by its title and by words of its quotes, notes and domain, and only entries', async ({
  page,
}) => {
  // Four queries an entry, each a second or more on a loaded 2-core machine: a real list of hundreds takes many minutes.
  test.setTimeout(30_000 + content.entries.length * 6_000);
  expect(content.entries.length).toBeGreaterThan(0);
  await page.goto('/');
  for (const entry of content.entries) {
    const queries = [
      entry.data.title,
      rarestWord(entry.data.quotes.join('\n')),
      rarestWord(notesText(entry.body)),
      domainOf(entry.data.url).split('.')[0],
    ].filter((query): query is string => Boolean(query));
    for (const query of queries) {
      const results = await pagefindResults(page, query);
      expect(
        results.map((result) => result.url),
        `“${query}” finds ${entry.id}`,
      ).toContain(`/${entry.id}/`);
      for (const result of results) expect(permalinks.has(result.url), `${result.url} is an entry`).toBe(true);
    }
  }
});

test('section, group and date are facets, not words of the entry’s search record', async ({ page }) => {
  await page.goto('/');
  const records = await page.evaluate(
    async (titles) => {
      const clientUrl = '/pagefind/pagefind.js';
      const pagefind = await import(clientUrl);
      const found: { url: string; content: string }[] = [];
      for (const title of titles) {
        const search = await pagefind.search(null, { filters: { section: title } });
        for (const result of search.results) found.push(await result.data());
      }
      return found.map((record) => ({ url: record.url, content: record.content }));
    },
    content.sections.map((section) => content.labelOf(section.id)),
  );
  // A section's filter matches its sub-sections' entries too: each record once.
  const unique = [...new Map(records.map((record) => [record.url, record])).values()];
  expect(unique.map((record) => record.url).sort()).toEqual([...permalinks].sort());
  const headings = new Map(declaredGroups(content.list).map((group) => [group.id, group.heading]));
  for (const record of unique) {
    const entry = content.entries.find((found) => `/${found.id}/` === record.url)!;
    const own = searchable(entry);
    const indexed = record.content.toLowerCase();
    const listings = listingsOf(entry.data);
    const facets = listings.map((listing) => content.labelOf(listing.section));
    for (const listing of listings) if (listing.kind) facets.push(headings.get(listing.kind)!);
    for (const facet of facets) {
      if (!own.includes(facet.toLowerCase()))
        expect(indexed, `${entry.id} is not searchable by “${facet}”`).not.toContain(facet.toLowerCase());
    }
    // "Added 26 November 2026" is shown on the page, not indexed.
    if (!/\badded\b/.test(own)) expect(indexed, `${entry.id}: no "Added …" date in its words`).not.toMatch(/\badded\b/);
  }
});

const quoted = content.entries.find((entry) => entry.data.quotes.length > 0);
const wordOfQuote = (entry: Entry) => rarestWord(entry.data.quotes.join('\n')) ?? rarestWord(entry.data.title)!;

test('typing into the home page search box shows matching entries', async ({ page }) => {
  const entry = quoted ?? content.entries[0]!;
  await page.goto('/');
  await page.locator('#site-search').fill(wordOfQuote(entry));
  await expect(page.getByRole('option').filter({ hasText: entry.data.title }).first()).toBeVisible();
  await expect(page.locator('#site-search')).toHaveAttribute('aria-expanded', 'true');
});

test('a word found in a quote leads, by keyboard, to an entry', async ({ page }) => {
  const entry = quoted ?? content.entries[0]!;
  await page.goto(`/${content.sections.at(-1)!.id}/`);
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type(wordOfQuote(entry));
  // Results for the whole word, not those of a prefix still shown while its search runs.
  await expect(page.locator('#site-search-results')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('option').filter({ hasText: entry.data.title }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  const first = page.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const href = (await first.locator('a').getAttribute('href'))!;
  const title = (await first.locator('a').first().innerText()).split('\n')[0]!.trim();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new URL(href, page.url()).href);
  await expect(page.locator('h1')).toHaveText(title);
});

test('Escape closes the results; Ctrl+K focuses the box', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type(rarestWord(content.entries[0]!.data.title) ?? content.entries[0]!.data.title);
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.locator('#site-search')).toHaveAttribute('aria-expanded', 'false');
});

/**
 * A word of titles in more than one section, and the section holding the fewest of its entries
 * (counting its sub-sections', as its filter does), of those that do not hold them all.
 */
function wordAcrossSections(): { word: string; section: (typeof content.sections)[number] } {
  const subtrees = new Map(content.sections.map((section) => [section.id, content.inSubtree(section.id)]));
  let best: { word: string; section: (typeof content.sections)[number]; spread: number } | undefined;
  for (const word of new Set(content.entries.flatMap((entry) => wordsOf(entry.data.title)))) {
    const matching = texts.filter((text) => text.includes(word)).length;
    const bySection = content.sections
      .map((section) => ({
        section,
        count: subtrees.get(section.id)!.filter((entry) => textOf.get(entry.id)!.includes(word)).length,
      }))
      .filter((found) => found.count > 0 && found.count < matching);
    if (bySection.length < 2) continue;
    if (!best || matching > best.spread) {
      const fewest = bySection.reduce((a, b) => (b.count < a.count ? b : a));
      best = { word, section: fewest.section, spread: matching };
    }
  }
  if (!best) throw new Error('no title word appears in two sections: the filter cannot be shown to narrow results');
  return best;
}

/** The number of results the search page reports ("12 entries for …"): it shows them 20 at a time. */
async function reportedTotal(page: import('@playwright/test').Page): Promise<number> {
  const summary = page.locator('[data-search-summary]');
  await expect(summary).toHaveText(/^\d+ entr/, { timeout: 15_000 });
  return Number(/^(\d+)/.exec((await summary.textContent())!)![1]);
}
const searchUrl = (params: Record<string, string>) => (url: URL) =>
  url.pathname === '/search/' && url.search === `?${new URLSearchParams(params)}`;

test('a section filter narrows results, lives in the URL, and survives a reload and the back button', async ({ page }) => {
  const { word, section } = wordAcrossSections();
  const title = content.labelOf(section.id);
  await page.goto(`/search/?${new URLSearchParams({ q: word })}`);
  const results = page.locator('[data-search-results] > li');
  await expect(page.locator('[data-search-summary]')).toContainText(`for “${word}”`, { timeout: 15_000 });
  const all = await reportedTotal(page);
  expect(all).toBeGreaterThan(1);
  // Its label reads "<title> (<count>)"; titles may hold characters a pattern gives meaning to.
  const checkbox = page.getByRole('checkbox', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d`) });
  // A long list shows its first sections and a button for the rest.
  if (!(await checkbox.isVisible())) await page.locator('[data-facet="section"] [data-facet-more]').click();
  await checkbox.check();
  await expect(page).toHaveURL(searchUrl({ q: word, section: title }));
  await expect.poll(() => reportedTotal(page)).toBeLessThan(all);
  const filtered = await reportedTotal(page);
  await expect(results).toHaveCount(Math.min(filtered, 20));
  for (const meta of await results.locator('.result-meta').allTextContents()) expect(meta).toContain(title);

  await page.reload();
  await expect(checkbox).toBeChecked();
  await expect(page.locator('#search-query')).toHaveValue(word);
  expect(await reportedTotal(page)).toBe(filtered);

  await page.goBack();
  await expect(page).toHaveURL(searchUrl({ q: word }));
  await expect.poll(() => reportedTotal(page)).toBe(all);
});

test('facets alone browse the list: a group with no query finds each of its entries', async ({ page }) => {
  // A group no cross-listing uses, so that each result's own listing shows its heading.
  const group = declaredGroups(content.list).find(
    (found) =>
      content.entries.some((entry) => entry.data.kind === found.id) &&
      !content.entries.some((entry) => entry.data.also_in.some((listing) => listing.kind === found.id)),
  );
  needs('a group that entries are listed under', group !== undefined);
  const expected = content.entries.filter((entry) => entry.data.kind === group!.id).length;
  await page.goto(`/search/?${new URLSearchParams({ kind: group!.heading })}`);
  expect(await reportedTotal(page)).toBe(expected);
  const results = page.locator('[data-search-results] > li');
  await expect(results).toHaveCount(Math.min(expected, 20));
  for (const meta of await results.locator('.result-meta').allTextContents()) expect(meta).toContain(group!.heading);
});

test('with no query the search page shows the whole list’s counts, rendered at build time: Pagefind’s own, without loading Pagefind', async ({
  page,
}) => {
  const own = await pagefindWholeListCounts(page);
  expect(Object.keys(own['section'] ?? {}).length).toBeGreaterThan(0);
  expect(await searchPageCountsWithoutPagefind(page)).toEqual(own);
});

test('a query’s total and facet counts are Pagefind’s own, though the page loads only the three facets’ filter chunks', async ({
  page,
}) => {
  const { word } = wordAcrossSections();
  const filterChunks: string[] = [];
  page.context().on('request', (request) => {
    if (request.url().includes('/pagefind/filter/')) filterChunks.push(request.url());
  });
  await page.goto(`/search/?${new URLSearchParams({ q: word })}`);
  const total = await reportedTotal(page);
  const shown = await shownCounts(page);
  const loadedByPage = filterChunks.length;
  // Pagefind's own answer, with every filter chunk loaded first as its `filters()` does.
  const own = await page.evaluate(
    async ({ q, facets }) => {
      const clientUrl = '/pagefind/pagefind.js';
      const pagefind = await import(clientUrl);
      const all = await pagefind.filters();
      const search = await pagefind.search(q);
      const counts = Object.fromEntries(
        facets.map((facet) => [facet, search.filters[facet] ?? {}]).filter(([, values]) => Object.keys(values).length > 0),
      );
      return { total: search.results.length, counts, filterNames: Object.keys(all) };
    },
    { q: word, facets: [...FACETS] },
  );
  expect(total).toBe(own.total);
  expect(shown).toEqual(own.counts);
  expect(loadedByPage).toBeGreaterThan(0);
  // filters() fetched what the page had left out: the chunks of filters that are not facets (the own
  // section and group of cross-listed and nested entries), when the list has any; else nothing more.
  const others = own.filterNames.filter((name: string) => !(FACETS as readonly string[]).includes(name));
  if (others.length > 0) expect(filterChunks.length).toBeGreaterThan(loadedByPage);
  else expect(filterChunks.length).toBe(loadedByPage);
});
