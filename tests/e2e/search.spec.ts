import { expect, test } from './fixtures.ts';

/** Titles Pagefind's own client (dist/pagefind/pagefind.js) returns for a query, best first. */
async function pagefindTitles(page: import('@playwright/test').Page, query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    const clientUrl = '/pagefind/pagefind.js'; // served by the built site, not a module of this repo
    const pagefind = await import(clientUrl);
    const search = await pagefind.search(q);
    const results = await Promise.all(
      search.results.map((result: { data: () => Promise<{ meta: { title: string } }> }) => result.data()),
    );
    return results.map((result) => result.meta.title);
  }, query);
}

test("Pagefind's own client finds entries by words of their quotes and notes", async ({ page }) => {
  await page.goto('/');
  expect(await pagefindTitles(page, 'monetization')).toEqual(['Data-Informed Product Building']);
  expect((await pagefindTitles(page, 'repetitive parts'))[0]).toBe('DataOps Principles: How Startups Do Data The Right Way');
  expect(await pagefindTitles(page, 'Surface')).toEqual(['4 Pillars of Analytics']);
  // The link's domain is searchable too; section pages are never results.
  expect(await pagefindTitles(page, 'bentoml')).toEqual(['One Model to Rule Them All']);
  expect(await pagefindTitles(page, 'Framing and Approaches')).toEqual([]);
  // Section, kind and date are facets, not words of the entry: they must not match every entry.
  expect(await pagefindTitles(page, 'Selected')).toEqual([]);
  expect(await pagefindTitles(page, 'November')).toEqual([]);
});

test('typing into the home page search box shows matching entries', async ({ page }) => {
  await page.goto('/');
  await page.locator('#site-search').fill('obsession');
  const options = page.getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('One Model to Rule Them All');
  await expect(page.locator('#site-search')).toHaveAttribute('aria-expanded', 'true');
});

test('a word found only in a quote leads, by keyboard, to its entry', async ({ page }) => {
  await page.goto('/data-products/');
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('repetitive');
  await expect(page.getByRole('option').first()).toContainText('DataOps Principles');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/data-platforms\/dataops-principles-how-startups-do-data-the-right-way\/$/);
  await expect(page.locator('h1')).toHaveText('DataOps Principles: How Startups Do Data The Right Way');
});

test('Escape closes the results; Ctrl+K focuses the box', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('notebook');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.locator('#site-search')).toHaveAttribute('aria-expanded', 'false');
});

test('a section filter narrows results, lives in the URL, and survives a reload and the back button', async ({ page }) => {
  await page.goto('/search/?q=data');
  const results = page.locator('[data-search-results] > li');
  await expect(page.locator('[data-search-summary]')).toContainText('for “data”');
  await expect.poll(() => results.count()).toBeGreaterThan(3);
  const all = await results.count();
  await page.getByRole('checkbox', { name: /Data Products/ }).check();
  await expect(page).toHaveURL(/\?q=data&section=Data\+Products$/);
  await expect.poll(() => results.count()).toBeLessThan(all);
  const filtered = await results.count();
  for (const meta of await results.locator('.result-meta').allTextContents()) expect(meta).toContain('Data Products');

  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Data Products/ })).toBeChecked();
  await expect(page.locator('#search-query')).toHaveValue('data');
  await expect(results).toHaveCount(filtered);

  await page.goBack();
  await expect(page).toHaveURL(/\?q=data$/);
  await expect(results).toHaveCount(all);
});

test('facets alone browse the list: a kind with no query', async ({ page }) => {
  await page.goto('/search/?kind=Framing');
  const results = page.locator('[data-search-results] > li');
  await expect(results).toHaveCount(7);
  for (const meta of await results.locator('.result-meta').allTextContents()) expect(meta).toContain('Framing');
});
