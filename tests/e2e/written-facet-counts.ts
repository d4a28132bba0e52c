/**
 * The search page's counts with no query come from a file the build writes from the content
 * (src/search/facet-counts.ts), not from Pagefind's filter index. These checks prove, on a built
 * site, that the file holds Pagefind's own counts and that the page shows them without loading
 * Pagefind at all.
 */
import type { Page } from '@playwright/test';
import { FACET_COUNTS_PATH } from '../../src/search/facets.ts';
import { FACETS } from '../../src/search/search-state.ts';
import { expect } from './fixtures.ts';

/** The counts the build wrote, and those Pagefind's own client reports for the same facets. */
export async function writtenAndPagefindCounts(page: Page) {
  await page.goto('/');
  return page.evaluate(
    async ({ path, facets }) => {
      const written = (await (await fetch(`/${path}`)).json()) as Record<string, Record<string, number>>;
      const clientUrl = '/pagefind/pagefind.js'; // served by the built site, not a module of this repo
      const pagefind = await import(clientUrl);
      const all = (await pagefind.filters()) as Record<string, Record<string, number>>;
      const own = Object.fromEntries(facets.map((facet) => [facet, all[facet] ?? {}]));
      return { written, own };
    },
    { path: FACET_COUNTS_PATH, facets: [...FACETS] },
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

/** Opens the search page with no query and returns the counts it shows, checking it loaded nothing of Pagefind's. */
export async function searchPageCountsWithoutPagefind(page: Page): Promise<Record<string, Record<string, number>>> {
  const fetched: string[] = [];
  page.context().on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/search/');
  await expect(page.locator('[data-facets] fieldset').first()).toBeVisible({ timeout: 20_000 });
  const counts = await shownCounts(page);
  expect(fetched.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
  return counts;
}
