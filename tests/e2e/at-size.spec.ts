/**
 * Reading and searching a list at any size (issue 18): search results before filters, facets that
 * hide values with no results, a compact home page, section pages alike with groups or without, a
 * true tagline, a heading outline without skipped levels and no axe findings on the new states.
 * Runs against two fixture lists built by tests/e2e/fixture-list.ts: the 150-section list generated
 * by tests/support/large-list.ts (E2E_LIST=large) and the three-level shapes list (E2E_LIST=shapes).
 * Expectations are computed from the same content files.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { listingsOf, sectionGroupIds, declaredGroups, sectionTree } from '../../src/content/list-shape.ts';
import { domainOf } from '../../src/content/urls.ts';
import { expect, test } from './fixtures.ts';
import { readerContent } from './reader-content.ts';

const content = readerContent();
const tree = sectionTree(content.sections);
const groups = declaredGroups(content.list);
const sectionPage = (id: string) => `/${id}/`;
const listedIn = (sectionId: string) =>
  content.entries.filter((entry) => listingsOf(entry.data).some((listing) => listing.section === sectionId));
const inSubtree = (sectionId: string) =>
  new Set(tree.subtreeOf(sectionId).flatMap((section) => listedIn(section.id).map((entry) => entry.id)));
const hasGroups = (section: (typeof content.sections)[number]) => sectionGroupIds(section.data, groups).length > 0;
const grouped = content.sections.find((section) => hasGroups(section) && listedIn(section.id).length > 0)!;
const ungrouped = content.sections.find((section) => !hasGroups(section) && listedIn(section.id).length > 0)!;
const parent = tree.inOrder.find((section) => tree.childrenOf(section.id).some((child) => listedIn(child.id).length > 0))!;
const fullText = (entry: (typeof content.entries)[number]) =>
  [entry.data.title, entry.data.url, ...entry.data.quotes, ...entry.data.tags, entry.body ?? ''].join(' ').toLowerCase();
const wordsOf = (text: string) => text.toLowerCase().match(/[a-z]{6,}/g) ?? [];

/** A word of one entry's title found in no other entry's text nor in any section's or group's name: a query matching one entry. */
function queryForOneEntry() {
  const names = [...content.sections.map((section) => section.data.title), ...groups.map((group) => group.heading)]
    .join(' ')
    .toLowerCase();
  for (const entry of content.entries) {
    for (const word of wordsOf(entry.data.title)) {
      if (names.includes(word)) continue;
      if (content.entries.filter((other) => fullText(other).includes(word)).length === 1) return { word, entry };
    }
  }
  throw new Error('no title word unique to one entry in this fixture');
}
const one = queryForOneEntry();

const searchFor = async (page: Page, query: string) => {
  await page.goto(`/search/?${new URLSearchParams({ q: query })}`);
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible({ timeout: 30_000 });
};

test('the fixture has the shapes these tests are about', () => {
  expect(grouped, 'a section with groups').toBeDefined();
  expect(ungrouped, 'a section without groups').toBeDefined();
  expect(parent, 'a section whose sub-sections list entries').toBeDefined();
  if (process.env.E2E_LIST === 'shapes') expect(quoted, 'an entry with a quote word of its own').toBeDefined();
  if (process.env.E2E_LIST === 'large') {
    expect(long, 'a section page long enough for "On this page"').toBeDefined();
    expect(content.sections).toHaveLength(150);
    expect(content.entries).toHaveLength(3000);
    expect(groups).toHaveLength(25);
  }
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`the first search result starts within the first 900 px at ${viewport.width} × ${viewport.height}, for a query matching one entry`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await searchFor(page, one.word);
    await expect(page.locator('[data-search-summary]')).toHaveText(`1 entry for “${one.word}”.`);
    const first = page.locator('[data-search-results] > li').first();
    await expect(first.locator('.result-title')).toHaveText(one.entry.data.title);
    const top = await first.evaluate((item) => item.getBoundingClientRect().top + window.scrollY);
    console.log(`${process.env.E2E_LIST} ${viewport.width}×${viewport.height}: first result at ${Math.round(top)} px`);
    expect(top).toBeLessThan(900);
  });
}

test('on a narrow screen the filters are one closed "Filter" control above the results, opened on demand', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await searchFor(page, one.word);
  const filter = page.locator('[data-search-filters]');
  await expect(filter.locator('summary')).toHaveText('Filter');
  await expect(filter).not.toHaveAttribute('open');
  await expect(page.locator('[data-facets] fieldset').first()).toBeHidden();
  await filter.locator('summary').click();
  await expect(page.locator('[data-facets] fieldset').first()).toBeVisible();
});

test('no facet value with no results is visible until "Show all" is pressed; then they are, dimmed', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await searchFor(page, one.word);
  const visibleCounts = () =>
    page
      .locator('[data-facets] label')
      .evaluateAll((labels) =>
        labels
          .filter((label) => (label as HTMLElement).checkVisibility())
          .map((label) => Number(/\((\d+)\)/.exec(label.querySelector('.facet-count')!.textContent!)![1])),
      );
  await expect.poll(async () => (await visibleCounts()).length).toBeGreaterThan(0);
  expect((await visibleCounts()).filter((count) => count === 0)).toEqual([]);
  const sections = page.locator('fieldset[data-facet="section"]');
  const more = sections.locator('[data-facet-more]');
  await expect(more).toHaveText(new RegExp(`^Show all ${content.sections.length}`));
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const labels = sections.locator('label');
  await expect(labels.filter({ visible: true })).toHaveCount(content.sections.length);
  expect(await sections.locator('label.facet-empty').count()).toBe(
    content.sections.length - tree.ancestorsOf(one.entry.data.section).length - 1,
  );
});

test('a parent section filter still matches its sub-sections’ entries', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/search/');
  const sections = page.locator('fieldset[data-facet="section"]');
  const box = sections.getByRole('checkbox', { name: new RegExp(`^${parent.data.title} \\(`) });
  if (!(await box.isVisible())) await sections.locator('[data-facet-more]').click();
  await box.check();
  const expected = inSubtree(parent.id).size;
  await expect(page.locator('[data-search-summary]')).toHaveText(`${expected} entries.`, { timeout: 30_000 });
  expect(expected).toBeGreaterThan(listedIn(parent.id).length);
});

test('the home page links every section, and at 1280 × 900 is under four screen heights', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const hrefs = await page.locator('main .section-tree a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(new Set(hrefs)).toEqual(new Set(content.sections.map((section) => sectionPage(section.id))));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`${process.env.E2E_LIST} home page: ${height} px at 1280 × 900`);
  expect(height).toBeLessThan(4 * 900);
});

test('the tagline is true for the list: links in the site’s number format, passages only when there are some', async ({
  page,
}) => {
  await page.goto('/');
  const passages = content.entries.reduce((sum, entry) => sum + entry.data.quotes.length, 0);
  const links = content.entries.length.toLocaleString('en');
  const expected =
    content.list.description ??
    (passages === 0
      ? `A reading list of ${links} links.`
      : `A reading list of ${links} links, with ${passages.toLocaleString('en')} passages copied from them.`);
  await expect(page.locator('.lede')).toHaveText(expected);
});

test('no line of the home page or a parent section’s page starts or ends with a dangling " · "', async ({ page }) => {
  for (const path of ['/', sectionPage(parent.id)]) {
    await page.goto(path);
    const lines = (await page.locator('main').innerText()).split('\n').map((line) => line.trim());
    expect(
      lines.filter((line) => line.startsWith('·') || line.endsWith('·')),
      path,
    ).toEqual([]);
  }
});

test('entry titles have the same computed size on a section page with groups and one without', async ({ page }) => {
  const size = async (id: string) => {
    await page.goto(sectionPage(id));
    return page
      .locator(`[data-listing="${id}"] .entry-title`)
      .first()
      .evaluate((title) => getComputedStyle(title).fontSize);
  };
  const withGroups = await size(grouped.id);
  const withoutGroups = await size(ungrouped.id);
  console.log(`${process.env.E2E_LIST} entry title: ${withGroups} with groups, ${withoutGroups} without`);
  expect(withoutGroups).toBe(withGroups);
});

test('a sub-section not listed on its parent’s page says where its links are, with a link', async ({ page }) => {
  await page.goto(sectionPage(parent.id));
  const linkedOnly = page.locator('main > .subsection').filter({ hasNot: page.locator('[data-listing]') });
  for (const block of await linkedOnly.all()) {
    const id = (await block.locator('h2').getAttribute('id'))!.replace(/^section-/, '');
    if (listedIn(id).length === 0) continue;
    await expect(block.locator('.subsection-more')).toContainText(`listed on its own page`);
    await expect(block.locator('.subsection-more a')).toHaveAttribute('href', sectionPage(id));
  }
});

// A section page long enough for "On this page": in the 150-section list, not in the small shapes list.
const long = content.sections.find(
  (section) => listedIn(section.id).length > 15 && (hasGroups(section) || tree.childrenOf(section.id).length > 0),
);
if (long !== undefined) {
  test('a long section page has an "On this page" list that jumps to each group and sub-section', async ({ page }) => {
    await page.goto(sectionPage(long.id));
    const links = page.getByRole('navigation', { name: 'On this page' }).locator('a');
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    for (const href of await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')!))) {
      await expect(page.locator(href)).toHaveCount(1);
    }
  });
}

// Excerpts are drawn from quotes and notes: only a list with quotes shows one that could repeat the title.
const quoted = content.entries.flatMap((entry) => {
  const word = wordsOf(entry.data.quotes.join(' ')).find(
    (candidate) =>
      !entry.data.title.toLowerCase().includes(candidate) &&
      content.entries.filter((other) => fullText(other).includes(candidate)).length === 1,
  );
  return word === undefined ? [] : [{ entry, word }];
})[0];
if (quoted !== undefined) {
  test('a result’s excerpt shows what matched, without the title and domain the result already shows', async ({ page }) => {
    await searchFor(page, quoted.word);
    const result = page.locator('[data-search-results] > li').filter({ hasText: quoted.entry.data.title });
    const excerpt = (await result.locator('.result-excerpt').textContent())!;
    expect(excerpt.toLowerCase()).toContain(quoted.word);
    expect(excerpt).not.toContain(quoted.entry.data.title);
    expect(excerpt).not.toContain(domainOf(quoted.entry.data.url));
  });
}

test('titles and domains are still searched', async ({ page }) => {
  // The query matching one entry is a word of its title only.
  await searchFor(page, one.word);
  await expect(page.locator('[data-search-results] .result-title').first()).toHaveText(one.entry.data.title);
  const domain = domainOf(one.entry.data.url);
  await searchFor(page, domain);
  const domains = await page.locator('[data-search-results] .result-meta').allTextContents();
  expect(domains.length).toBeGreaterThan(0);
  for (const meta of domains) expect(meta).toContain(domain);
});

const pageKinds: [string, string][] = [
  ['home', '/'],
  ['section with groups', sectionPage(grouped.id)],
  ['section without groups', sectionPage(ungrouped.id)],
  ['parent section', sectionPage(parent.id)],
  ['entry', `/${one.entry.id}/`],
  ['search with a query', `/search/?q=${one.word}`],
];

for (const [kind, path] of pageKinds) {
  test(`the heading outline of the ${kind} page skips no level`, async ({ page }) => {
    await page.goto(path);
    if (path.startsWith('/search/'))
      await expect(page.locator('[data-search-results] > li').first()).toBeVisible({ timeout: 30_000 });
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));
    expect(levels[0]).toBe(1);
    const skips = levels.flatMap((level, index) =>
      index > 0 && level > levels[index - 1]! + 1 ? [`h${levels[index - 1]} → h${level}`] : [],
    );
    expect(skips).toEqual([]);
  });
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test('axe finds nothing on the home page and a long section page', async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      for (const path of ['/', sectionPage(parent.id), sectionPage(ungrouped.id)]) {
        await page.goto(path);
        await expectNoViolations(page);
      }
    });

    test('axe finds nothing on the search page with results, all values shown, and on a narrow screen with Filter open', async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      await searchFor(page, one.word);
      await expectNoViolations(page);
      await page.locator('fieldset[data-facet="section"] [data-facet-more]').click();
      await expectNoViolations(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await searchFor(page, one.word);
      await expectNoViolations(page);
      await page.locator('[data-search-filters] summary').click();
      await expectNoViolations(page);
    });
  });
}
