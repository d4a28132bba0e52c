/**
 * Browsing the list the site was built from: home → section → entry, and every entry file on its section's pages, in
 * reading order, whole. Expectations come from the content itself, never from its counts, so a
 * contribution that adds an entry keeps these tests green.
 */
import { notesMatch } from '../../src/build/notes-text.ts';
import { declaredGroups } from '../../src/content/list-shape.ts';
import { ENTRIES_PER_PAGE, listingsBySection } from '../../src/site/reading-list.ts';
import { expect, test } from './fixtures.ts';
import { readerContent } from './reader-content.ts';

const content = readerContent();
const groups = declaredGroups(content.list);
const listings = listingsBySection(content.entries, content.sections, groups);
const links = (n: number) => `${n.toLocaleString('en')} link${n === 1 ? '' : 's'}`;
const isDead = (entry: (typeof content.entries)[number]) => entry.data.status?.state === 'dead';

test('home lists the sections in reading order with their summaries and counts', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText(content.list.title);
  // Sub-sections are items of their parent's nested list: every item, in document order.
  const items = page.locator('.section-list li');
  await expect(items).toHaveCount(content.sections.length);
  for (const [index, section] of content.sections.entries()) {
    const item = items.nth(index);
    await expect(item.locator(':scope > a')).toHaveText(section.data.title);
    if (section.data.summary) await expect(item).toContainText(section.data.summary);
    const own = content.listedIn(section.id).length;
    const total = content.inSubtree(section.id).length;
    const count = item.locator(':scope > .entry-count');
    if (own === total) await expect(count).toHaveText(links(own));
    else await expect(count).toContainText(own === 0 ? links(total) : `${links(own)} here, ${total.toLocaleString('en')}`);
  }
});

test('browses home → section → entry permalink', async ({ page }) => {
  // A section whose listing fits on its first page, and an entry whose title no other entry has.
  const onePage = (id: string) => (listings.get(id) ?? []).flatMap((group) => group.entries);
  const titleCount = (title: string) => content.entries.filter((found) => found.data.title === title).length;
  const section = content.sections.find((found) => {
    const shown = onePage(found.id);
    return (
      shown.length > 0 &&
      shown.length <= ENTRIES_PER_PAGE &&
      shown.some((entry) => !isDead(entry) && titleCount(entry.data.title) === 1)
    );
  })!;
  const sectionGroups = listings.get(section.id)!;
  const entry = onePage(section.id).find((found) => !isDead(found) && titleCount(found.data.title) === 1)!;
  await page.goto('/');
  await page.locator('.section-list').getByRole('link', { name: section.data.title, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/${section.id}/$`));
  await expect(page.locator('h1')).toHaveText(section.data.title);
  // Group headings head their group's region; in a section without groups the entries' titles are the h2s.
  expect(await page.locator(`[data-listing="${section.id}"] section > h2`).allTextContents()).toEqual(
    sectionGroups.map((group) => group.heading).filter((heading) => heading !== undefined),
  );
  await page
    .locator(`[data-listing="${section.id}"]`)
    .getByRole('link', { name: `Permalink for ${entry.data.title}`, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${entry.id}/$`));
  const title = page.locator('h1 a');
  await expect(title).toHaveText(entry.data.title);
  await expect(title).toHaveAttribute('href', entry.data.url);
  await expect(title).toHaveAttribute('rel', 'noopener noreferrer');
  expect(await page.locator('article blockquote p').allTextContents()).toEqual(entry.data.quotes);
});

test('every entry file is on its section’s pages once, in reading order, with its link, quotes and notes', async ({ page }) => {
  test.setTimeout(60_000 + content.entries.length * 500); // a few checks per entry: a real list holds hundreds
  expect(content.entries.length).toBeGreaterThan(0);
  for (const section of content.sections) {
    const expected = (listings.get(section.id) ?? []).flatMap((group) => group.entries);
    const pages = Math.max(1, Math.ceil(expected.length / ENTRIES_PER_PAGE));
    const shown: string[] = [];
    for (let number = 1; number <= pages; number++) {
      await page.goto(number === 1 ? `/${section.id}/` : `/${section.id}/page/${number}/`);
      const items = page.locator(`[data-listing="${section.id}"] [data-entry]`);
      for (const item of await items.all()) {
        const id = (await item.getAttribute('data-entry'))!;
        shown.push(id);
        const entry = content.entries.find((found) => found.id === id);
        if (!entry) continue; // reported below, as an entry that should not be there
        const link = item.locator('.entry-title a');
        await expect(link).toHaveText(entry.data.title);
        if (!isDead(entry)) await expect(link).toHaveAttribute('href', entry.data.url);
        await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
        expect(await item.locator('blockquote p').allTextContents()).toEqual(entry.data.quotes);
        // Compared with the notes' Markdown read another way than the page's rendering (notes-text.ts).
        const shownNotes = (await item.locator('.notes').allTextContents()).join('');
        if (entry.body.trim()) expect(notesMatch(shownNotes, entry.body), `${entry.id}: ${shownNotes}`).toBe(true);
        else expect(shownNotes).toBe('');
      }
    }
    expect(shown, `the ${section.id} listing`).toEqual(expected.map((entry) => entry.id));
  }
});
