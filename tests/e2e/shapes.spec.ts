/**
 * A list of any shape, as readers meet it: declared groups, sections three levels deep, a section
 * without groups or summary, an entry listed in two sections. Runs against the shapes fixture list
 * (tests/fixtures/shapes-content), built and served by tests/e2e/fixture-list.ts; expectations are
 * computed from the same content files.
 */
import AxeBuilder from '@axe-core/playwright';
import Parser from 'rss-parser';
import type { Page } from '@playwright/test';
import { declaredGroups, listingsOf, sectionGroupIds, sectionTree } from '../../src/content/list-shape.ts';
import { countLabel, INLINE_LISTING_LIMIT } from '../../src/site/section-views.ts';
import { expect, test } from './fixtures.ts';
import { readerContent } from './reader-content.ts';
import { pagefindWholeListCounts, searchPageCountsWithoutPagefind } from './whole-list-facet-counts.ts';

const content = readerContent();
const tree = sectionTree(content.sections);
const groups = declaredGroups(content.list);
const headingOf = (id: string) => groups.find((group) => group.id === id)!.heading;
const sectionPage = (id: string) => `/${id}/`;
const entryPage = (entry: { id: string }) => `/${entry.id}/`;

/** The entries a section's own listing holds, by the listings each entry file declares. */
const listedIn = (sectionId: string) =>
  content.entries.filter((entry) => listingsOf(entry.data).some((listing) => listing.section === sectionId));
/** Distinct entries in a section and every section below it. */
const inSubtree = (sectionId: string) => [
  ...new Map(tree.subtreeOf(sectionId).flatMap((section) => listedIn(section.id).map((entry) => [entry.id, entry]))).values(),
];
const countsOf = (sectionId: string) => ({ own: listedIn(sectionId).length, total: inSubtree(sectionId).length });
const crossListed = content.entries.filter((entry) => entry.data.also_in.length > 0);
const nested = tree.inOrder.filter((section) => tree.ancestorsOf(section.id).length > 0);

test('the fixture has the shapes these tests are about', () => {
  expect(Math.max(...tree.inOrder.map((section) => tree.ancestorsOf(section.id).length))).toBeGreaterThanOrEqual(2);
  expect(content.sections.some((section) => section.data.groups?.length === 0)).toBe(true);
  expect(content.sections.some((section) => section.data.summary === undefined)).toBe(true);
  expect(crossListed.length).toBeGreaterThan(0);
  expect(content.list.groups?.length).toBeGreaterThan(0);
});

test('with JavaScript off, every section and every entry is reachable from the home page, each entry from every section listing it', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  const ids = new Set(content.sections.map((section) => section.id));
  const queue = ['/'];
  const visited = new Set<string>();
  const permalinksFound = new Set<string>();
  const listed = new Map<string, Set<string>>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (visited.has(path)) continue;
    visited.add(path);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const hrefs = await page.locator('main a[href^="/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    for (const href of hrefs) {
      const parts = href.split('/').filter(Boolean);
      if (!ids.has(parts[0]!)) continue;
      if (parts.length === 1 || (parts.length === 3 && parts[1] === 'page')) queue.push(href);
      else if (parts.length === 2 && parts[1] !== 'rss.xml') permalinksFound.add(href);
    }
    const sectionId = path.split('/').filter(Boolean)[0];
    if (sectionId && ids.has(sectionId)) {
      const shown = await page
        .locator(`[data-listing="${sectionId}"] [data-entry]`)
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-entry')!));
      listed.set(sectionId, new Set([...(listed.get(sectionId) ?? []), ...shown]));
    }
  }
  await context.close();
  expect([...visited].filter((path) => path !== '/' && !path.includes('/page/')).sort()).toEqual(
    content.sections.map((section) => sectionPage(section.id)).sort(),
  );
  expect([...permalinksFound].sort()).toEqual(content.entries.map(entryPage).sort());
  for (const section of content.sections) {
    expect([...(listed.get(section.id) ?? [])].sort(), section.id).toEqual(
      listedIn(section.id)
        .map((entry) => entry.id)
        .sort(),
    );
  }
});

test('the home page shows the section tree, each section with its own and its subtree’s counts', async ({ page }) => {
  await page.goto('/');
  interface Node {
    href: string;
    count: string;
    children: Node[];
  }
  const shown = await page.locator('main > nav > .section-tree').evaluate((root) => {
    const read = (list: Element): { href: string; count: string; children: unknown[] }[] =>
      [...list.children].map((item) => ({
        href: item.querySelector(':scope > a')!.getAttribute('href')!,
        count: item.querySelector(':scope > .entry-count')!.textContent!,
        children: item.querySelector(':scope > ul') ? read(item.querySelector(':scope > ul')!) : [],
      }));
    return read(root);
  });
  const expected = (sections: typeof tree.roots): Node[] =>
    sections.map((section) => ({
      href: sectionPage(section.id),
      count: countLabel(countsOf(section.id)),
      children: expected(tree.childrenOf(section.id)),
    }));
  expect(shown).toEqual(expected(tree.roots));
  // A section that holds entries itself and has sub-sections says both.
  expect(shown.map((node) => node.count)).toContain(
    countLabel(countsOf(tree.roots.find((root) => tree.childrenOf(root.id).length > 0)!.id)),
  );
});

test('a section page lists its own entries under its declared group headings (none for a section without groups), each in the right group', async ({
  page,
}) => {
  for (const section of content.sections) {
    await page.goto(sectionPage(section.id));
    await expect(page.locator('h1')).toHaveText(section.data.title);
    const listing = page.locator(`[data-listing="${section.id}"]`);
    await expect(listing).toHaveCount(1);
    const entries = listedIn(section.id);
    const kindHere = (entry: (typeof entries)[number]) =>
      listingsOf(entry.data).find((listing) => listing.section === section.id)!.kind;
    const groupIds = sectionGroupIds(section.data, groups).filter((id) => entries.some((entry) => kindHere(entry) === id));
    // Group headings (in a section without groups, the entries' own titles are the h2s).
    expect(await listing.locator('h2:not(.entry-title)').allTextContents(), section.id).toEqual(groupIds.map(headingOf));
    for (const id of groupIds) {
      const group = listing.locator('section').filter({ has: page.locator('h2', { hasText: headingOf(id) }) });
      const shown = await group
        .locator('[data-entry]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-entry')));
      expect(shown.sort()).toEqual(
        entries
          .filter((entry) => kindHere(entry) === id)
          .map((entry) => entry.id)
          .sort(),
      );
    }
    if (groupIds.length === 0) {
      // Listed directly: entry titles one level below the page's heading.
      await expect(listing.locator('h3.entry-title, h4.entry-title')).toHaveCount(0);
      await expect(listing.locator('h2.entry-title')).toHaveCount(entries.length);
    }
    // Sub-sections' listings are never nested inside the section's own.
    await expect(page.locator('[data-listing] [data-listing]')).toHaveCount(0);
  }
});

test('a section page then shows each sub-section: its entries when short, a link and count when long, deeper levels as links with counts', async ({
  page,
}) => {
  let inline = 0;
  let linked = 0;
  for (const section of content.sections) {
    const children = tree.childrenOf(section.id);
    if (children.length === 0) continue;
    await page.goto(sectionPage(section.id));
    const blocks = page.locator('main > .subsection');
    await expect(blocks).toHaveCount(children.length);
    for (const [index, child] of children.entries()) {
      const block = blocks.nth(index);
      await expect(block.locator('h2 a')).toHaveAttribute('href', sectionPage(child.id));
      await expect(block.locator('h2')).toHaveText(child.data.title);
      await expect(block.locator('.subsection-meta .entry-count')).toHaveText(countLabel(countsOf(child.id)));
      const own = listedIn(child.id);
      const childListing = block.locator(`[data-listing="${child.id}"]`);
      if (own.length > 0 && own.length <= INLINE_LISTING_LIMIT) {
        inline += 1;
        const shown = await childListing
          .locator('[data-entry]')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-entry')));
        expect(shown.sort()).toEqual(own.map((entry) => entry.id).sort());
      } else {
        linked += 1;
        await expect(childListing).toHaveCount(0);
      }
      const deeper = tree.childrenOf(child.id);
      const links = block.locator('.subsection-links li');
      await expect(links).toHaveCount(deeper.length);
      for (const [deepIndex, grandchild] of deeper.entries()) {
        await expect(links.nth(deepIndex).locator('a')).toHaveAttribute('href', sectionPage(grandchild.id));
        await expect(links.nth(deepIndex).locator('.entry-count')).toHaveText(countLabel(countsOf(grandchild.id)));
      }
    }
  }
  expect(inline, 'a short sub-section shown inline').toBeGreaterThan(0);
  expect(linked, 'a long sub-section shown as a link and count').toBeGreaterThan(0);
});

test('nested section and entry pages carry breadcrumbs from the top level, the page itself current; top-level pages none', async ({
  page,
}) => {
  const crumbs = () => page.getByRole('navigation', { name: 'Breadcrumb' });
  for (const section of content.sections) {
    await page.goto(sectionPage(section.id));
    const trail = [...tree.ancestorsOf(section.id), section];
    if (trail.length === 1) {
      await expect(crumbs()).toHaveCount(0);
      continue;
    }
    const links = crumbs().locator('a');
    expect((await links.allTextContents()).map((text) => text.trim())).toEqual(trail.map((found) => found.data.title));
    expect(await links.evaluateAll((found) => found.map((link) => link.getAttribute('href')))).toEqual(
      trail.map((found) => sectionPage(found.id)),
    );
    await expect(crumbs().locator('[aria-current="page"]')).toHaveText(section.data.title);
  }
  for (const section of nested) {
    const entry = content.entries.find((candidate) => candidate.data.section === section.id);
    if (!entry) continue;
    await page.goto(entryPage(entry));
    const trail = [...tree.ancestorsOf(section.id), section];
    expect((await crumbs().locator('a').allTextContents()).map((text) => text.trim())).toEqual([
      ...trail.map((found) => found.data.title),
      entry.data.title,
    ]);
    await expect(crumbs().locator('[aria-current="page"]')).toHaveAttribute('href', entryPage(entry));
    // Up one level from the entry: its own section.
    await crumbs().getByRole('link', { name: section.data.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${sectionPage(section.id)}$`));
  }
});

/** Titles and URLs Pagefind's own client (served by the built site) returns for a query. */
async function pagefindResults(page: Page, query: string | null, filters: Record<string, string> = {}) {
  return page.evaluate(
    async ({ q, f }) => {
      const clientUrl = '/pagefind/pagefind.js'; // served by the built site, not a module of this repo
      const pagefind = await import(clientUrl);
      const search = await pagefind.search(q, { filters: f });
      const results = await Promise.all(
        search.results.map((result: { data: () => Promise<{ url: string; meta: { title: string } }> }) => result.data()),
      );
      return results.map((result) => ({ url: result.url, title: result.meta.title }));
    },
    { q: query, f: filters },
  );
}

test('a cross-listed entry is on each section page it is listed in, under its group there, with one permalink and one search result', async ({
  page,
  request,
}) => {
  for (const entry of crossListed) {
    for (const listing of listingsOf(entry.data)) {
      await page.goto(sectionPage(listing.section));
      const item = page.locator(`[data-listing="${listing.section}"] [data-entry="${entry.id}"]`);
      await expect(item).toHaveCount(1);
      await expect(item.locator('.entry-title a')).toHaveText(entry.data.title);
      await expect(item.locator('a.permalink')).toHaveAttribute('href', entryPage(entry));
      if (listing.kind !== undefined) {
        const group = page
          .locator(`[data-listing="${listing.section}"] section`)
          .filter({ has: page.locator('h2', { hasText: headingOf(listing.kind) }) });
        await expect(group.locator(`[data-entry="${entry.id}"]`)).toHaveCount(1);
      }
      const slug = entry.id.split('/')[1];
      if (listing.section !== entry.data.section) {
        expect((await request.get(`/${listing.section}/${slug}/`)).status()).toBe(404);
      }
    }
    await page.goto(entryPage(entry));
    await expect(page.locator('article[data-entry]')).toHaveCount(1);
    const also = page.locator('.also-in a');
    expect(await also.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(
      entry.data.also_in.map((listing) => sectionPage(listing.section)),
    );
    for (const listing of entry.data.also_in) {
      if (listing.kind) await expect(page.locator('.also-in')).toContainText(headingOf(listing.kind));
    }
    const results = await pagefindResults(page, entry.data.title);
    expect(results.filter((result) => result.title === entry.data.title)).toEqual([
      { url: entryPage(entry), title: entry.data.title },
    ]);
  }
});

test('a search result names the entry’s own section and group: top-level, nested and cross-listed entries alike', async ({
  page,
}) => {
  const topLevel = content.entries.find(
    (entry) => entry.data.also_in.length === 0 && tree.ancestorsOf(entry.data.section).length === 0,
  )!;
  const inSubSection = content.entries.find((entry) => tree.ancestorsOf(entry.data.section).length > 0)!;
  for (const entry of [topLevel, inSubSection, ...crossListed]) {
    await page.goto(`/search/?q=${encodeURIComponent(entry.data.title)}`);
    const result = page.locator('[data-search-results] > li').filter({ has: page.locator(`a[href="${entryPage(entry)}"]`) });
    await expect(result, entry.id).toHaveCount(1);
    const details = (await result.locator('.result-meta').textContent())!.split(' · ');
    const own = [tree.get(entry.data.section)!.data.title, ...(entry.data.kind ? [headingOf(entry.data.kind)] : [])];
    expect(details.slice(1), entry.id).toEqual(own);
  }
});

test('a parent’s section facet matches its sub-sections’ entries, each record once', async ({ page }) => {
  await page.goto('/');
  for (const section of content.sections) {
    const results = await pagefindResults(page, null, { section: section.data.title });
    expect(results.map((result) => result.url).sort(), section.id).toEqual(inSubtree(section.id).map(entryPage).sort());
  }
});

test('the search page offers sections as a tree and the declared groups, with live counts; the URL keeps the choice', async ({
  page,
}) => {
  await page.goto('/search/');
  const fieldset = (legend: string) =>
    page.locator('[data-facets] fieldset').filter({ has: page.locator('legend', { hasText: legend }) });
  const options = async (legend: string) =>
    fieldset(legend)
      .locator('label')
      .evaluateAll((labels) => labels.map((label) => ({ text: label.textContent!.trim(), depth: label.className })));
  const countsUnder = (sectionIds: string[] | undefined) => {
    const scope = sectionIds ? new Set(sectionIds.flatMap((id) => inSubtree(id).map((entry) => entry.id))) : undefined;
    const records = content.entries.filter((entry) => !scope || scope.has(entry.id));
    return groups.map((group) => ({
      heading: group.heading,
      count: records.filter((entry) => listingsOf(entry.data).some((listing) => listing.kind === group.id)).length,
    }));
  };
  const expectGroupCounts = async (sectionIds?: string[]) => {
    const expected = countsUnder(sectionIds).filter((group) => group.count > 0);
    const shown = (await options('Kind')).map((option) => option.text).filter((text) => !text.endsWith('(0)'));
    expect(shown).toEqual(expected.map((group) => `${group.heading} (${group.count})`));
  };

  // Pagefind's filter index loads first (slow on a busy machine).
  await expect(fieldset('Section')).toBeVisible({ timeout: 20_000 });
  expect(await options('Section')).toEqual(
    tree.inOrder.map((section) => {
      const depth = tree.ancestorsOf(section.id).length;
      return { text: `${section.data.title} (${inSubtree(section.id).length})`, depth: depth ? `facet-depth-${depth}` : '' };
    }),
  );
  await expectGroupCounts();

  // Choose a sub-section that has its own sub-section: results and group counts follow.
  const parent = nested.find((section) => tree.childrenOf(section.id).length > 0)!;
  await fieldset('Section')
    .getByRole('checkbox', { name: new RegExp(`^${parent.data.title} \\(`) })
    .check();
  await expect(page).toHaveURL(new RegExp(`\\?section=${encodeURIComponent(parent.data.title).replace(/%20/g, '\\+')}$`));
  const results = page.locator('[data-search-results] > li');
  await expect(page.locator('[data-search-summary]')).toHaveText(`${inSubtree(parent.id).length} entries.`);
  await expectGroupCounts([parent.id]);
  await expect(results).toHaveCount(inSubtree(parent.id).length);
  const urls = await results
    .locator('a')
    .evaluateAll((links) => links.map((link) => new URL(link.getAttribute('href')!, location.href).pathname));
  expect(urls.sort()).toEqual(inSubtree(parent.id).map(entryPage).sort());

  // And a group within it.
  const group = groups.find((candidate) => countsUnder([parent.id]).find((c) => c.heading === candidate.heading)!.count > 0)!;
  await fieldset('Kind')
    .getByRole('checkbox', { name: new RegExp(`^${group.heading} \\(`) })
    .check();
  const both = inSubtree(parent.id).filter((entry) => listingsOf(entry.data).some((listing) => listing.kind === group.id));
  await expect(page.locator('[data-search-summary]')).toHaveText(`${both.length} entr${both.length === 1 ? 'y' : 'ies'}.`);

  await page.reload();
  await expect(fieldset('Section').getByRole('checkbox', { name: new RegExp(`^${parent.data.title} \\(`) })).toBeChecked();
  await expect(fieldset('Kind').getByRole('checkbox', { name: new RegExp(`^${group.heading} \\(`) })).toBeChecked();
  await expect(results).toHaveCount(both.length);
  await page.goBack();
  await expect(fieldset('Kind').getByRole('checkbox', { name: new RegExp(`^${group.heading} \\(`) })).not.toBeChecked();
  await expect(results).toHaveCount(inSubtree(parent.id).length);
});

test('the counts rendered at build time are Pagefind’s own for nested and cross-listed entries, and the search page shows them before loading Pagefind', async ({
  page,
}) => {
  expect(crossListed.length).toBeGreaterThan(0);
  expect(await searchPageCountsWithoutPagefind(page)).toEqual(await pagefindWholeListCounts(page));
});

test.describe('feeds and exports follow the shape', () => {
  test('a section’s feed holds what it lists and what its sub-sections list, each entry once', async ({ request }) => {
    const parser = new Parser();
    for (const section of content.sections) {
      const feed = await parser.parseString(await (await request.get(`/${section.id}/rss.xml`)).text());
      expect(feed.items.map((item) => new URL(item.link!).pathname).sort(), section.id).toEqual(
        inSubtree(section.id).map(entryPage).sort(),
      );
    }
  });

  test('bookmarks.html nests folders like the sections, a cross-listed entry in each of its folders', async ({
    page,
    request,
  }) => {
    await page.setContent(await (await request.get('/bookmarks.html')).text());
    const folders = await page.locator('body > dl').evaluate((root) => {
      const read = (list: Element): Record<string, { links: string[]; folders: unknown }> => {
        const out: Record<string, { links: string[]; folders: unknown }> = {};
        for (const term of list.querySelectorAll(':scope > dt, :scope > p > dt')) {
          const heading = term.querySelector(':scope > h3');
          if (!heading) continue;
          const inner = term.querySelector(':scope > dl');
          out[heading.textContent!] = {
            links: inner
              ? [...inner.querySelectorAll(':scope > dt > a, :scope > p > dt > a')].map((a) => a.getAttribute('href')!)
              : [],
            folders: inner ? read(inner) : {},
          };
        }
        return out;
      };
      return read(root);
    });
    const expected = (sections: typeof tree.roots): Record<string, { links: string[]; folders: unknown }> =>
      Object.fromEntries(
        sections
          .filter((section) => inSubtree(section.id).length > 0)
          .map((section) => [
            section.data.title,
            {
              links: listedIn(section.id)
                .map((entry) => entry.data.url)
                .sort(),
              folders: expected(tree.childrenOf(section.id)),
            },
          ]),
      );
    const sortLinks = (node: Record<string, { links: string[]; folders: unknown }>): unknown =>
      Object.fromEntries(
        Object.entries(node).map(([title, folder]) => [
          title,
          {
            links: [...folder.links].sort(),
            folders: sortLinks(folder.folders as Record<string, { links: string[]; folders: unknown }>),
          },
        ]),
      );
    expect(sortLinks(folders)).toEqual(expected(tree.roots));
  });

  test('entries.json (version 2) holds the section tree, the declared groups and every place an entry is listed', async ({
    request,
  }) => {
    const json = await (await request.get('/entries.json')).json();
    expect(json.version).toBe(2);
    expect(json.groups).toEqual(groups);
    expect(json.sections.map((section: { id: string; parent: string | null }) => [section.id, section.parent])).toEqual(
      tree.inOrder.map((section) => [section.id, section.data.parent ?? null]),
    );
    expect(json.entries).toHaveLength(content.entries.length);
    for (const entry of crossListed) {
      const exported = json.entries.find((candidate: { id: string }) => candidate.id === entry.id);
      expect(exported.listings).toEqual(
        listingsOf(entry.data).map((listing) => ({ section: listing.section, kind: listing.kind ?? null })),
      );
    }
  });
});

const newKindsOfPages = (): [string, string][] => {
  const withoutGroups = content.sections.find((section) => section.data.groups?.length === 0)!;
  const deepest = [...nested]
    .filter((section) => section.id !== withoutGroups.id)
    .sort((a, b) => tree.ancestorsOf(b.id).length - tree.ancestorsOf(a.id).length)[0]!;
  const parentWithInline = tree.inOrder.find((section) => tree.childrenOf(section.id).length > 0)!;
  const deepEntry = content.entries.find((entry) => entry.data.section === deepest.id)!;
  return [
    ['section with sub-sections', sectionPage(parentWithInline.id)],
    ['nested section with breadcrumbs', sectionPage(deepest.id)],
    ['section without groups', sectionPage(withoutGroups.id)],
    ['entry with breadcrumbs', entryPage(deepEntry)],
    ['cross-listed entry', entryPage(crossListed[0]!)],
    [
      'search with a section and a group chosen',
      `/search/?section=${encodeURIComponent(parentWithInline.data.title)}&kind=${encodeURIComponent(groups[0]!.heading)}`,
    ],
  ];
};

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    for (const [kind, path] of newKindsOfPages()) {
      test(`axe finds nothing on the ${kind} page (${path})`, async ({ page }) => {
        test.setTimeout(90_000); // axe over a page of inline sub-sections is slow on a busy machine
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        if (path.startsWith('/search/')) await expect(page.locator('[data-facets] fieldset').first()).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((violation) => ({
            rule: violation.id,
            nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
          })),
        ).toEqual([]);
      });
    }
  });
}
