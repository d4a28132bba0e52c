/**
 * axe-core finds no accessibility violations on every kind of page, in the light and the dark colour
 * scheme; keyboard focus is visible; motion is reduced when the reader asks for it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readerContent } from './reader-content.ts';

const content = readerContent();
// The first section that lists entries of its own (a parent may hold only sub-sections).
const firstSection = content.sections.find((section) => content.listedIn(section.id).length > 0)!;
const firstEntry = content.listedIn(firstSection.id)[0]!;
const deadEntry = content.entries.find((entry) => entry.data.status?.state === 'dead');

const pages: [string, string][] = [
  ['home', '/'],
  ['section', `/${firstSection.id}/`],
  ['entry', `/${firstEntry.id}/`],
  ...(deadEntry ? ([['entry with a dead link', `/${deadEntry.id}/`]] as [string, string][]) : []),
  ['tag index', '/tags/'],
  // The real list has no tags yet; the fixture list (tests/fixtures/readers-content) has tag pages.
  ...content.tags.slice(0, 1).map((tag): [string, string] => ['tag', `/tags/${tag}/`]),
  ['search', '/search/'],
  ['search with a query', '/search/?q=data'],
  ['recently added', '/recent/'],
  ['about', '/about/'],
  ['how to contribute', '/contribute/'],
];

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
  }));
  expect(summary).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    for (const [kind, path] of pages) {
      test(`axe finds nothing on the ${kind} page (${path})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await expectNoViolations(page);
      });
    }

    // Its own page: the browser logs the 404 status itself, which the shared fixture counts as an error.
    test('axe finds nothing on the 404 page', async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme });
      const page = await context.newPage();
      const response = await page.goto('/no-such-page/');
      expect(response?.status()).toBe(404);
      await expectNoViolations(page);
      await context.close();
    });
  });
}

test('keyboard focus is visible: the skip link, then links, get an outline', async ({ page }) => {
  await page.goto(`/${firstSection.id}/`);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  }
});

test('with reduced motion requested, nothing animates or transitions', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/${firstSection.id}/`);
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((element) => {
        const style = getComputedStyle(element);
        return style.animationName !== 'none' || parseFloat(style.transitionDuration) > 0;
      }).length,
  );
  expect(moving).toBe(0);
});
