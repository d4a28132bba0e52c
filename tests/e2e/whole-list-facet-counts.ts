/**
 * The search page's counts with no query are rendered into the page at build time from the content
 * (src/search/facet-counts.ts, src/components/SearchFacets.astro), not fetched from Pagefind's filter
 * index. These checks prove, on a built site, that they are Pagefind's own counts and that the page
 * shows them, in its HTML as served, without loading anything of Pagefind's.
 */
import type { Page } from '@playwright/test';
import { FACETS } from '../../src/search/search-state.ts';
import { expect } from './fixtures.ts';

/** What Pagefind's own client reports for the facets over the whole list (those with any value). */
export async function pagefindWholeListCounts(page: Page): Promise<Record<string, Record<string, number>>> {
  await page.goto('/');
  const all = await page.evaluate(async () => {
    const clientUrl = '/pagefind/pagefind.js'; // served by the built site, not a module of this repo
    const pagefind = await import(clientUrl);
    return (await pagefind.filters()) as Record<string, Record<string, number>>;
  });
  return Object.fromEntries(
    FACETS.map((facet) => [facet, all[facet] ?? {}] as const).filter(([, values]) => Object.keys(values).length > 0),
  );
}

/** The counts the search page shows, by facet and value (`value (count)` labels of its checkboxes). */
export async function shownCounts(page: Page): Promise<Record<string, Record<string, number>>> {
  const shown = await page.locator('[data-facets] input[type=checkbox]').evaluateAll((boxes) =>
    boxes.map((box) => ({
      facet: (box as HTMLInputElement).name,
      value: (box as HTMLInputElement).value,
      count: Number(/\((\d+)\)/.exec(box.parentElement!.querySelector('.facet-count')!.textContent!)![1]),
    })),
  );
  const counts: Record<string, Record<string, number>> = {};
  for (const { facet, value, count } of shown) (counts[facet] ??= {})[value] = count;
  return counts;
}

/**
 * Opens the search page with no query and returns the counts it shows, checking that it loaded
 * nothing of Pagefind's and that the served HTML already held every one of them.
 */
export async function searchPageCountsWithoutPagefind(page: Page): Promise<Record<string, Record<string, number>>> {
  const fetched: string[] = [];
  page.context().on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const served = await (await page.goto('/search/'))!.text();
  await expect(page.locator('[data-facets] fieldset').first()).toBeVisible();
  const counts = await shownCounts(page);
  expect(fetched.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
  const values = Object.values(counts).reduce((sum, values) => sum + Object.keys(values).length, 0);
  expect(served.match(/class="facet-count"/g)?.length).toBe(values);
  return counts;
}
