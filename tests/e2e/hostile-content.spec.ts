/**
 * Contributed content is data, never code: markup, template syntax and MDX in an entry reach the
 * page as text; YAML tricks, JavaScript frontmatter and MDX files are refused; nothing outside
 * content/ can be read through an entry. Checked on a real build, in a real browser, under the CSP.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { serialiseEntry } from '../../src/content/entry-file.ts';
import { entrySchema } from '../../src/schemas/content.ts';
import { buildSite, copyFixtureList, tempSite, writeTree, type SiteDirs } from '../support/build-site.ts';
import { expect, test } from './fixtures.ts';
import { serveDirectory } from './serve-dist.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const TITLE = '<script>alert("title")</script> Angle <b>brackets</b> & "quotes"';
const QUOTE = '<img src=x onerror="alert(\'quote\')"> and </blockquote><script>alert(1)</script>';
const NOTES = [
  "import fs from 'node:fs'",
  '',
  "export const secret = fs.readFileSync('/etc/passwd', 'utf8')",
  '',
  '{import.meta.env.SECRET} {{ 7 * 7 }} ${process.env.HOME} <%= 7 * 7 %>',
  '',
  '<script>alert("notes")</script>',
  '',
  '<Component client:load />',
  '',
  '![package](../../../package.json) [run](javascript:alert(1)) <!--#include virtual="/etc/passwd" -->',
].join('\n');

/** One passage of two paragraphs, the second a numbered list, as the importer keeps a quote block. */
const PASSAGE = 'The tenets are:\n\n1) Small changes.\n2) Often.';

const entry = (slug: string, title: string, extra: Record<string, unknown> = {}) =>
  serialiseEntry(
    entrySchema.parse({ title, url: `https://example.com/${slug}`, section: 'data-products', kind: 'approach', ...extra }),
    (extra.notes as string | undefined) ?? '',
  );

let dirs: SiteDirs;
let server: Server;
// Beside the main run's port (E2E_PORT), so that runs in two checkouts on one machine do not collide.
const port = Number(process.env.E2E_PORT ?? 4329) + 131 + Number(process.env.TEST_WORKER_INDEX ?? 0);

test.beforeAll(() => {
  dirs = tempSite('hostile');
  copyFixtureList(dirs.contentDir);
  writeTree(dirs.contentDir, {
    'entries/data-products/markup.md': serialiseEntry(
      entrySchema.parse({
        title: TITLE,
        url: 'https://example.com/markup?a=1&b=<2>',
        section: 'data-products',
        kind: 'approach',
        quotes: [QUOTE],
      }),
      NOTES,
    ),
    // Windows line endings and a byte-order mark, as some editors save.
    'entries/data-products/passage.md': entry('passage', 'A Passage in Paragraphs', { quotes: [PASSAGE] }),
    'entries/data-products/windows-file.md': `\uFEFF${entry('windows', 'Saved on Windows', { quotes: ['CRLF “line endings” — fine'] }).replace(/\n/g, '\r\n')}`,
  });
  const result = buildSite(dirs);
  expect(result.status, result.output).toBe(0);
  server = serveDirectory(dirs.outDir, port);
});
test.afterAll(() => {
  server?.close();
});

const read = (path: string) => readFileSync(join(dirs.outDir, path), 'utf8');
/** The markup with every quoted attribute value emptied: what is left is elements and text. */
const withoutAttributeValues = (html: string) => html.replace(/="[^"]*"/g, '=""');

test('markup in titles, quotes and notes reaches the HTML escaped, never as elements', () => {
  const page = read('data-products/markup/index.html');
  expect(page).toContain(
    '&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Angle &lt;b&gt;brackets&lt;/b&gt; &amp; &quot;quotes&quot;',
  );
  expect(page).toContain('&lt;img src=x onerror=&quot;alert(&#39;quote&#39;)&quot;&gt;');
  for (const html of [page, read('data-products/index.html')]) {
    const markup = withoutAttributeValues(html);
    expect(markup).not.toMatch(/<img|<component|\sonerror=""|<\/blockquote><script/i);
    // The only scripts are the site's own module files.
    expect(markup.match(/<script[^>]*>/g)).toEqual(
      markup.match(/<script type="" src=""><\/script>/g)?.map((tag) => tag.replace('</script>', '')),
    );
  }
  // Nothing read from outside content/, nothing evaluated.
  for (const file of ['data-products/markup/index.html', 'data-products/index.html', 'entries.json', 'rss.xml']) {
    const text = read(file);
    expect(text).not.toContain('root:x:0:0');
    expect(text).not.toContain('"name": "commonplace"');
    expect(text).not.toContain('>49<');
  }
});

test('hostile text shows as written in a real browser, runs nothing, and breaks no CSP', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`http://127.0.0.1:${port}/data-products/markup/`);
  await expect(page.locator('h1')).toHaveText(TITLE);
  await expect(page.locator('blockquote p')).toHaveText(QUOTE);
  const notes = page.locator('.notes');
  await expect(notes).toContainText("import fs from 'node:fs'");
  await expect(notes).toContainText('{import.meta.env.SECRET} {{ 7 * 7 }} ${process.env.HOME} <%= 7 * 7 %>');
  await expect(notes).toContainText('<script>alert("notes")</script>');
  await expect(notes.locator('script, img[src*="package.json"], a[href^="javascript"]')).toHaveCount(0);
  await page.goto(`http://127.0.0.1:${port}/data-products/`);
  await expect(page.getByRole('link', { name: TITLE, exact: true })).toHaveAttribute(
    'href',
    'https://example.com/markup?a=1&b=<2>',
  );
  await page.locator('#site-search').fill('brackets');
  await expect(page.getByRole('option').first()).toContainText('Angle <b>brackets</b>');
  expect(dialogs).toEqual([]);
});

test('a file with a byte-order mark and CRLF line endings builds like any other', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/data-products/windows-file/`);
  await expect(page.locator('h1')).toHaveText('Saved on Windows');
  await expect(page.locator('blockquote p')).toHaveText('CRLF “line endings” — fine');
});

test('a quote of several paragraphs and numbered lines shows its breaks as copied', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/data-products/passage/`);
  // innerText follows the rendering: collapsed white space would give one line.
  expect(await page.locator('blockquote p').innerText()).toBe(PASSAGE);
});

const refused: [string, string, string][] = [
  ['an MDX entry', 'entries/data-products/component.mdx', 'entries must be .md files'],
  [
    'a YAML custom tag',
    'entries/data-products/tagged.md',
    '---\ntitle: !!js/function "function () { return 1 }"\nurl: https://example.com/t\nsection: data-products\nkind: framing\n---\n',
  ],
  [
    'YAML anchors and aliases',
    'entries/data-products/aliased.md',
    '---\ntitle: &t Same\nurl: https://example.com/a\nsection: data-products\nkind: framing\nquotes:\n  - *t\n---\n',
  ],
];

for (const [what, path, text] of refused) {
  test(`refuses ${what}, naming the file`, () => {
    const site = tempSite('refused');
    copyFixtureList(site.contentDir);
    writeTree(site.contentDir, { [path]: path.endsWith('.mdx') ? "import x from '../../package.json'\n\n{x.name}\n" : text });
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(path.split('/').pop()!);
    expect(existsSync(join(site.outDir, 'index.html'))).toBe(false);
  });
}

test('JavaScript frontmatter is refused without running it', () => {
  const site = tempSite('js-frontmatter');
  const marker = join(tmpdir(), `commonplace-pwned-${randomUUID()}`);
  copyFixtureList(site.contentDir);
  writeTree(site.contentDir, {
    'entries/data-products/code.md': `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') }\n---\n`,
  });
  const result = buildSite(site);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('code.md:1: frontmatter: frontmatter must be YAML');
  expect(existsSync(marker)).toBe(false);
});
