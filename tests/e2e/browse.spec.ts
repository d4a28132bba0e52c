import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

test('home lists the sections in order with their summaries and counts', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('Platforms and Products');
  const sections = page.locator('.section-list li');
  await expect(sections).toHaveCount(2);
  await expect(sections.nth(0)).toContainText('Data Platforms');
  await expect(sections.nth(0)).toContainText('Framing and Approaches · 14 links');
  await expect(sections.nth(1)).toContainText('Data Products');
  await expect(sections.nth(1)).toContainText('6 links');
});

test('browses home → section → entry permalink', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Data Products' }).click();
  await expect(page).toHaveURL(/\/data-products\/$/);
  await expect(page.locator('h1')).toHaveText('Data Products');
  const headings = await page.locator('main h2').allTextContents();
  expect(headings).toEqual(['Framing', 'Selected Approaches']);
  await page.getByRole('link', { name: 'Permalink for One Model to Rule Them All' }).click();
  await expect(page).toHaveURL(/\/data-products\/one-model-to-rule-them-all\/$/);
  const title = page.locator('h1 a');
  await expect(title).toHaveText('One Model to Rule Them All');
  await expect(title).toHaveAttribute('href', 'https://bentoml.com/posts/2019-04-19-one-model/');
  await expect(title).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.locator('blockquote p')).toHaveText(
    'This post discusses our obsession with finding the best model and emphasizes what we should do instead: Take a step back and see the bigger picture...',
  );
});

/** The legacy page, parsed just enough to list what must reach the site: per section, links in order. */
function legacyExpectations() {
  const lines = readFileSync(new URL('../fixtures/legacy-reference/platforms-and-products.md', import.meta.url), 'utf8').split(
    '\n',
  );
  const sections: {
    title: string;
    groups: { heading: string; entries: { title: string; url: string; quotes: string[]; notes: string[] }[] }[];
  }[] = [];
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = /^# (.+)$/.exec(line))) sections.push({ title: match[1]!, groups: [] });
    else if ((match = /^## (.+)$/.exec(line))) sections.at(-1)!.groups.push({ heading: match[1]!, entries: [] });
    else if ((match = /^\[(.+)\]\((.+)\)$/.exec(line)))
      sections.at(-1)!.groups.at(-1)!.entries.push({ title: match[1]!, url: match[2]!, quotes: [], notes: [] });
    else if ((match = /^- > (.+)$/.exec(line))) sections.at(-1)!.groups.at(-1)!.entries.at(-1)!.quotes.push(match[1]!);
    else if ((match = /^- (.+)$/.exec(line))) sections.at(-1)!.groups.at(-1)!.entries.at(-1)!.notes.push(match[1]!);
  }
  return sections;
}

test('every link, quote and note of the legacy page is on its section page, verbatim and in order', async ({ page }) => {
  const sections = legacyExpectations();
  expect(sections.flatMap((s) => s.groups.flatMap((g) => g.entries))).toHaveLength(20);
  for (const [index, section] of sections.entries()) {
    await page.goto('/');
    await page.locator('.section-list a').nth(index).click();
    await expect(page.locator('h1')).toHaveText(section.title);
    expect(await page.locator('main h2').allTextContents()).toEqual(section.groups.map((group) => group.heading));
    for (const [groupIndex, group] of section.groups.entries()) {
      const entries = page.locator('main section').nth(groupIndex).locator('.entry');
      await expect(entries).toHaveCount(group.entries.length);
      for (const [entryIndex, expected] of group.entries.entries()) {
        const entry = entries.nth(entryIndex);
        const link = entry.locator('h3 a');
        expect(await link.textContent()).toBe(expected.title);
        expect(await link.getAttribute('href')).toBe(expected.url);
        expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
        expect(await entry.locator('.domain').textContent()).toBe(new URL(expected.url).hostname.replace(/^www\./, ''));
        expect(await entry.locator('blockquote p').allTextContents()).toEqual(expected.quotes);
        expect(await entry.locator('.notes li').allTextContents()).toEqual(expected.notes);
      }
    }
  }
});
