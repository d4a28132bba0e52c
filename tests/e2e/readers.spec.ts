/**
 * Reader features of the built site: quote passage links, archive copies, dead links, feeds, exports,
 * tags, recent, about, copy link, related entries; browsing without JavaScript; narrow screens; print.
 * Expectations come from the content the site was built from (tests/e2e/reader-content.ts).
 */
import Parser from 'rss-parser';
import { join } from 'node:path';
import { declaredGroups } from '../../src/content/list-shape.ts';
import { gitAddedDates, resolveAdded } from '../../src/content/git-dates.ts';
import { chartSummary } from '../../src/site/added-chart.ts';
import { escapeHtml } from '../../src/site/escape.ts';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { needs, readerContent } from './reader-content.ts';

const content = readerContent();
const archiveOf = (url: string) => `https://web.archive.org/web/${url.split('#')[0]}`;
const entryPage = (entry: { id: string }) => `/${entry.id}/`;
const isDead = (entry: (typeof content.entries)[number]) => entry.data.status?.state === 'dead';
const ownEntries = (sectionId: string) => content.entries.filter((entry) => entry.data.section === sectionId);

/**
 * Visits every page of a section's listing (following its pager's Next link) and calls `check` for
 * each entry of that section's own listing there; returns the entry ids seen, in order.
 */
async function listingItems(
  page: Page,
  sectionId: string,
  check: (item: { id: string; locator: Locator }) => Promise<void>,
): Promise<string[]> {
  const ids: string[] = [];
  let path: string | null = `/${sectionId}/`;
  while (path) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    for (const locator of await page.locator(`[data-listing="${sectionId}"] [data-entry]`).all()) {
      const id = (await locator.getAttribute('data-entry'))!;
      ids.push(id);
      await check({ id, locator });
    }
    const next = page.locator('.pager a[rel="next"]').first();
    path = (await next.count()) > 0 ? await next.getAttribute('href') : null;
  }
  return ids;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

test.describe('quotes link to their passage with a text fragment', () => {
  test('every quote link is the article URL (no old fragment; the archived copy when dead) + #:~:text= with terms from the quote', async ({
    page,
  }) => {
    const quoted = content.entries.filter((entry) => entry.data.quotes.length > 0);
    needs('quotes', quoted.length > 0);
    for (const entry of quoted) {
      await page.goto(entryPage(entry));
      const hrefs = await page.locator('.passage-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
      expect(hrefs).toHaveLength(entry.data.quotes.length);
      const bare = isDead(entry) ? archiveOf(entry.data.url) : entry.data.url.split('#')[0]!;
      for (const [index, href] of hrefs.entries()) {
        expect(href.startsWith(`${bare}#:~:text=`), href).toBe(true);
        const directive = href.slice(`${bare}#:~:text=`.length);
        expect(directive, 'syntax characters inside terms are percent-encoded').not.toMatch(/[-&#\s]/);
        const terms = directive.split(',');
        expect(terms.length === 1 || terms.length === 2).toBe(true);
        const quote = collapse(entry.data.quotes[index]!);
        for (const term of terms) expect(quote).toContain(decodeURIComponent(term));
        if (terms.length === 2) expect(quote.length > 300 || /[.!?]\s/.test(quote) || /\.\.\.|…/.test(quote)).toBe(true);
      }
    }
  });

  test('a known quote gets exactly the expected link', async ({ page }) => {
    const known: Record<string, string[]> = {
      'https://bentoml.com/posts/2019-04-19-one-model/': [
        'https://bentoml.com/posts/2019-04-19-one-model/#:~:text=This%20post%20discusses%20our%20obsession%20with%20finding%20the%20best%20model%20and%20emphasizes%20what%20we%20should%20do%20instead%3A%20Take%20a%20step%20back%20and%20see%20the%20bigger%20picture',
      ],
      'https://example.com/food/fish?style=british&salt=yes#intro': [
        'https://example.com/food/fish?style=british&salt=yes#:~:text=Cod%2C%20haddock%20%26%20plaice%20%2D%20all%20fried%2C%20never%20baked.',
        'https://example.com/food/fish?style=british&salt=yes#:~:text=The%20first%20shop%20opened%20in,it%20too%20important%20to%20ration.',
      ],
    };
    const entries = content.entries.filter((entry) => known[entry.data.url]);
    needs('one of the known quotes (the shipped list and the readers fixture hold one)', entries.length > 0);
    for (const entry of entries) {
      await page.goto(entryPage(entry));
      const hrefs = await page.locator('.passage-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs).toEqual(known[entry.data.url]);
    }
  });
});

test('every entry on its section pages has an archived copy; a dead one links the archive first and says since when', async ({
  page,
}) => {
  test.setTimeout(60_000 + content.entries.length * 500); // a few checks per entry: a real list holds hundreds
  for (const section of content.sections) {
    const ids = await listingItems(page, section.id, async (item) => {
      const entry = content.entries.find((found) => found.id === item.id)!;
      const title = item.locator.locator('.entry-title a');
      if (isDead(entry)) {
        await expect(title).toHaveAttribute('href', archiveOf(entry.data.url));
        await expect(item.locator.locator('.dead-note')).toContainText('Link dead since');
        await expect(item.locator.locator('.dead-note time')).toHaveAttribute('datetime', entry.data.status!.checked);
        await expect(item.locator.locator('.original-url')).toHaveAttribute('href', entry.data.url);
      } else {
        await expect(title).toHaveAttribute('href', entry.data.url);
        await expect(item.locator.locator('.archive-link')).toHaveAttribute('href', archiveOf(entry.data.url));
        await expect(item.locator.locator('.dead-note')).toHaveCount(0);
      }
    });
    expect(ids.sort(), section.id).toEqual(
      content
        .listedIn(section.id)
        .map((entry) => entry.id)
        .sort(),
    );
  }
});

test('with JavaScript off, every section page lists all its links and permalink pages still work', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  for (const section of content.sections) {
    const expected = content.listedIn(section.id).map((entry) => (isDead(entry) ? archiveOf(entry.data.url) : entry.data.url));
    const hrefs: (string | null)[] = [];
    await listingItems(page, section.id, async (item) => {
      hrefs.push(await item.locator.locator('.entry-title a').getAttribute('href'));
    });
    expect(hrefs.sort(), section.id).toEqual(expected.sort());
  }
  const entry = content.entries[0]!;
  await page.goto(entryPage(entry));
  await expect(page.locator('.copy-link button')).toBeHidden();
  await expect(page.locator('.copy-link a')).toHaveAttribute('href', new RegExp(`/${entry.id}/$`));
  await context.close();
});

test.describe('feeds', () => {
  const parser = new Parser();

  test('the whole list’s feed parses and has every entry, linked to its permalink, quotes in the content', async ({
    request,
  }) => {
    const response = await request.get('/rss.xml');
    expect(response.ok()).toBe(true);
    const feed = await parser.parseString(await response.text());
    expect(feed.title).toBe(content.list.title);
    expect(feed.items).toHaveLength(content.entries.length);
    for (const entry of content.entries) {
      const item = feed.items.find((candidate) => new URL(candidate.link!).pathname === entryPage(entry));
      expect(item, entry.id).toBeDefined();
      expect(item!.title).toBe(entry.data.title);
      for (const quote of entry.data.quotes) expect(item!['content:encoded']).toContain(escapeHtml(quote));
    }
  });

  test('each section’s feed parses and has exactly that section’s entries', async ({ request }) => {
    for (const section of content.sections) {
      const response = await request.get(`/${section.id}/rss.xml`);
      expect(response.ok()).toBe(true);
      const feed = await parser.parseString(await response.text());
      // A section's feed holds its own listing and its sub-sections' entries, each once.
      const expected = content.inSubtree(section.id);
      expect(feed.items).toHaveLength(expected.length);
      expect(feed.items.map((item) => new URL(item.link!).pathname).sort()).toEqual(expected.map(entryPage).sort());
      for (const item of feed.items) expect(item.title).toBeTruthy();
    }
  });

  test('pages announce the list’s feed, section and entry pages their section’s too', async ({ page }) => {
    const section = content.sections[0]!;
    await page.goto('/');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);
    const entry = content.entries.find((found) => found.data.section === section.id);
    for (const path of [`/${section.id}/`, ...(entry ? [entryPage(entry)] : [])]) {
      await page.goto(path);
      const feeds = await page
        .locator('link[rel="alternate"][type="application/rss+xml"]')
        .evaluateAll((links) => links.map((link) => new URL(link.getAttribute('href')!).pathname));
      expect(feeds).toEqual(['/rss.xml', `/${section.id}/rss.xml`]);
    }
  });
});

test.describe('exports', () => {
  test('entries.json has a version and every entry of the content', async ({ request }) => {
    const json = await (await request.get('/entries.json')).json();
    expect(json.version).toBe(2);
    expect(json.entries).toHaveLength(content.entries.length);
    expect(json.entries.map((entry: { url: string }) => entry.url).sort()).toEqual(
      content.entries.map((entry) => entry.data.url).sort(),
    );
    // In reading order: a parent before its sub-sections.
    expect(json.sections.map((section: { id: string }) => section.id)).toEqual(content.sections.map((section) => section.id));
  });

  test('bookmarks.html is a Netscape bookmark file a browser parses into every entry, in section folders', async ({
    page,
    request,
  }) => {
    const text = await (await request.get('/bookmarks.html')).text();
    expect(text.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    expect(text).not.toContain('<script');
    await page.setContent(text); // parsed by the browser as an importer would, without fetching anything
    const links = await page
      .locator('dt > a')
      .evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    // One bookmark per listing: a cross-listed entry is in each of its sections' folders.
    const listed = content.sections.flatMap((section) => content.listedIn(section.id));
    expect(links).toHaveLength(listed.length);
    expect(links.map((link) => link.href).sort()).toEqual(listed.map((entry) => entry.data.url).sort());
    for (const entry of content.entries) expect(links.find((link) => link.href === entry.data.url)!.text).toBe(entry.data.title);
    // Folders nest as the sections do, in reading order; a section with nothing in or below it has none.
    expect(await page.locator('dt > h3').allTextContents()).toEqual(
      content.sections.filter((s) => content.inSubtree(s.id).length).map((s) => s.data.title),
    );
  });

  test('robots.txt points at the sitemap, which lists the pages', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toMatch(/\/sitemap-index\.xml$/);
    const index = await (await request.get(new URL(sitemap!).pathname)).text();
    const first = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
    const pages = await (await request.get(new URL(first).pathname)).text();
    for (const entry of content.entries) expect(pages).toContain(`/${entry.id}/</loc>`);
  });
});

test('tags: an index of every tag, and a page per tag listing its entries', async ({ page }) => {
  await page.goto('/tags/');
  await expect(page.locator('h1')).toHaveText('Tags');
  expect(await page.locator('.tag-index li > a').allTextContents()).toEqual(content.tags);
  for (const tag of content.tags) {
    await page.goto(`/tags/${tag}/`);
    const titles = await page.locator('.entry-title a').allTextContents();
    expect(titles.sort()).toEqual(
      content.entries
        .filter((entry) => entry.data.tags.includes(tag))
        .map((entry) => entry.data.title)
        .sort(),
    );
  }
});

test('recently added lists dated entries newest first', async ({ page }) => {
  await page.goto('/recent/');
  const days = await page.locator('.added-day time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
  expect(days).toEqual([...days].sort().reverse());
  for (const entry of content.entries.filter((e) => e.data.added)) {
    await expect(page.locator('.recent-list a', { hasText: entry.data.title })).toHaveCount(1);
  }
});

test('about counts every entry per section and group', async ({ page }) => {
  await page.goto('/about/');
  await expect(page.locator('.lede')).toContainText(`${content.entries.length} link${content.entries.length === 1 ? '' : 's'},`);
  const table = page.getByRole('region', { name: 'Links per section' }).locator('table');
  await expect(table.locator('tfoot td').last()).toHaveText(String(content.entries.length));
  const headings = new Map(declaredGroups(content.list).map((group) => [group.id, group.heading]));
  const columns = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
  for (const section of content.sections) {
    const row = table.locator('tbody tr', { has: page.getByRole('link', { name: section.data.title, exact: true }) });
    const cells = (await row.locator('th, td').allTextContents()).map((text) => text.trim());
    const own = ownEntries(section.id);
    expect(cells[columns.indexOf('Total')], section.id).toBe(String(own.length));
    for (const [kind, heading] of headings) {
      const column = columns.indexOf(heading);
      if (column >= 0)
        expect(cells[column], `${section.id}: ${heading}`).toBe(String(own.filter((e) => e.data.kind === kind).length));
    }
  }
});

/**
 * Entries per month, every month from the first to the last (gaps as 0), counted here by walking
 * the calendar, not by countByMonth (the code that draws the chart).
 */
function monthsCounted(days: readonly (string | undefined)[]): { month: string; count: number }[] {
  const known = days.filter((day): day is string => Boolean(day)).map((day) => day.slice(0, 7));
  if (known.length === 0) return [];
  const first = known.reduce((a, b) => (a < b ? a : b));
  const last = known.reduce((a, b) => (a > b ? a : b));
  const months: { month: string; count: number }[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push({ month: key, count: known.filter((each) => each === key).length });
    if (key === last) return months;
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
}

test('about charts the dates the entries have, accessibly, and says so when they have none', async ({ page }) => {
  // The dates the site knows: each entry's own `added`, else the day git first saw its file (none
  // without git history, as in a downloaded archive).
  const fromGit = content.entries.some((entry) => !entry.data.added)
    ? gitAddedDates(process.cwd(), join(content.dir, 'entries'))
    : new Map<string, string>();
  const months = monthsCounted(content.entries.map((entry) => resolveAdded(entry.data.added, entry.file, fromGit)));
  await page.goto('/about/');
  const chart = page.locator('svg[role="img"]');
  if (months.length === 0) {
    await expect(chart).toHaveCount(0);
    await expect(page.locator('main')).toContainText('No entry has a known date it was added.');
    return;
  }
  await expect(chart).toHaveCount(1);
  await expect(chart.locator('title').first()).toHaveText('Entries added per month');
  await expect(chart.locator('desc')).toHaveText(chartSummary(months));
  expect(await chart.locator('.chart-bar title').allTextContents()).toEqual(months.map((m) => `${m.month}: ${m.count}`));
  await page.locator('.chart-data summary').click();
  expect(await page.locator('.chart-data tbody tr').allInnerTexts()).toEqual(months.map((m) => `${m.month}\t${m.count}`));
});

test('how to contribute is linked from every page’s header and names each section’s id and groups', async ({ page }) => {
  await page.goto('/about/');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Contribute' }).click();
  await expect(page).toHaveURL(/\/contribute\/$/);
  await expect(page.locator('h1')).toHaveText('How to contribute');
  const guide = page.getByRole('region', { name: 'Sections and their groups' });
  const headings = new Map(declaredGroups(content.list).map((group) => [group.id, group.heading]));
  for (const section of content.sections) {
    const row = guide.locator('tbody tr', { has: page.getByRole('link', { name: section.data.title, exact: true }) });
    await expect(row.locator('td').first()).toHaveText(section.id);
    const shown = section.data.groups ?? [...headings.keys()];
    expect((await row.locator('td li').allTextContents()).map((text) => text.trim())).toEqual(
      shown.map((id) => `${id}: ${headings.get(id)}`),
    );
  }
  // The example file is one this list accepts: its section exists and its kind is a group that section shows.
  const example = (await page.locator('main pre code').last().textContent())!;
  const section = content.sections.find((found) => found.id === /^section: (.+)$/m.exec(example)![1]);
  expect(section).toBeDefined();
  const kind = /^kind: (.+)$/m.exec(example)?.[1];
  const shown = section!.data.groups ?? [...headings.keys()];
  if (shown.length > 0) expect(shown).toContain(kind);
  else expect(kind).toBeUndefined();
});

test('an entry page shows related entries (never itself) and a copy-link button that copies the permalink', async ({
  page,
  context,
}) => {
  const entry = content.entries.find((e) => ownEntries(e.data.section).length > 1)!;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(entryPage(entry));
  const related = await page.locator('.related a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(related.length).toBeGreaterThan(0);
  expect(related.length).toBeLessThanOrEqual(5);
  expect(related).not.toContain(entryPage(entry));
  const button = page.getByRole('button', { name: 'Copy link' });
  await expect(button).toBeVisible();
  await button.click();
  await expect(page.locator('.copy-status')).toHaveText('Link copied.');
  expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).pathname).toBe(entryPage(entry));
});

test('a section page has no horizontal scroll at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const section of content.sections) {
    await page.goto(`/${section.id}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test('a section prints as a clean reading list with each link’s URL', async ({ page }) => {
  const section = content.sections.find((found) => ownEntries(found.id).some((entry) => !isDead(entry)))!;
  await page.goto(`/${section.id}/`);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-nav', '.search', '.site-footer', '.permalink']) {
    await expect(page.locator(selector).first()).toBeHidden();
  }
  const shown = await page
    .locator(`[data-listing="${section.id}"] [data-entry]`)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-entry')));
  const first = content.entries.find((entry) => shown.includes(entry.id) && !isDead(entry))!;
  const after = await page
    .locator(`[data-entry="${first.id}"] .entry-title a`)
    .first()
    .evaluate((link) => getComputedStyle(link, '::after').content);
  expect(after).toContain(first.data.url);
});

// A page of its own: the browser logs the 404 status itself, which the shared fixture would count as an error.
test('an unknown address gets the 404 page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('.section-list a')).toHaveCount(content.sections.length);
  await context.close();
});
