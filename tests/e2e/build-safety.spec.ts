/** The build refuses to lose anything, and never leaves a half-written site in place of a good one. */
import { once } from 'node:events';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, parseFragment, serialize, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';
import { readReadingList } from '../../src/content/content-files.ts';
import { checkOutput, expectedSite, sectionPageFiles, type ExpectedSite } from '../../src/build/output-check.ts';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { entrySchema } from '../../src/schemas/content.ts';
import {
  buildSite,
  copyFixtureList,
  projectRoot,
  startBuild,
  tempSite,
  writeTree,
  type SiteDirs,
} from '../support/build-site.ts';
import { serveDirectory } from './serve-dist.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** The element of a parsed page whose attribute `name` is `value` (the first in document order). */
function findElement(node: ParentNode, name: string, value: string): Element | undefined {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.attrs.some((attr) => attr.name === name && attr.value === value)) return child;
    const found = findElement(child, name, value);
    if (found) return found;
  }
  return undefined;
}

/** Rewrites a built page through a real parser: `change` gets the document and edits it. */
function editPage(file: string, change: (document: DefaultTreeAdapterMap['document']) => void) {
  const document = parse(readFileSync(file, 'utf8'));
  change(document);
  writeFileSync(file, serialize(document));
}

/** The listing page of `section` in `outDir` that shows entry `id`. */
function pageShowing(outDir: string, section: string, id: string): string {
  const file = sectionPageFiles(outDir, section).find((path) => findElement(parse(readFileSync(path, 'utf8')), 'data-entry', id));
  if (!file) throw new Error(`no page of ${section} shows ${id}`);
  return file;
}

const removeElement = (element: Element) =>
  element.parentNode!.childNodes.splice(element.parentNode!.childNodes.indexOf(element), 1);

// The shipped list in the main run; the readers fixture list in the second (tests/e2e/fixture-list.ts).
test.describe('the list the site was built from', () => {
  const shipped = () =>
    expectedSite(readReadingList(process.env.COMMONPLACE_CONTENT_DIR ?? join(projectRoot, 'content'), projectRoot));

  test('the nothing-lost check passes on the built site and names an entry removed from it', () => {
    const dist = process.env.COMMONPLACE_OUT_DIR ?? join(projectRoot, 'dist');
    const expected = shipped();
    expect(checkOutput(dist, expected)).toEqual([]);

    const section = expected.sections.find((found) => found.order.length > 0)!;
    const id = section.order.at(-1)!;
    const copy = tempSite('lost').outDir;
    cpSync(dist, copy, { recursive: true });
    editPage(pageShowing(copy, section.id, id), (document) => removeElement(findElement(document, 'data-entry', id)!));
    expect(checkOutput(copy, expected)).toEqual([
      { entry: id, message: `appears 0 times in the ${section.id} listing; expected once` },
    ]);
  });
});

/**
 * A small list built for these tests: notes with footnotes in two entries of one section, a note
 * whose text fakes entry markers, reference-style images, and a second section to cross-list into.
 */
test.describe('a list whose notes hold footnotes, fake entry markers and reference images', () => {
  let dirs: SiteDirs;
  let server: Server;
  let origin: string;
  let expected: ExpectedSite;

  const entry = (slug: string, data: Record<string, unknown>, notes = '') =>
    serialiseEntry(
      entrySchema.parse({
        title: `Entry ${slug}`,
        url: `https://example.com/${slug}`,
        section: 'essays',
        kind: 'framing',
        ...data,
      }),
      notes,
    );
  const footnoted = (n: number) =>
    `Claim ${n}[^1] and another[^note].\n\n[^1]: First source of ${n}.\n[^note]: Second source of ${n}.`;

  test.beforeAll(async () => {
    dirs = tempSite('notes');
    writeTree(dirs.contentDir, {
      'list.md': serialiseList({ title: 'Notes list' }),
      'sections/essays.md': serialiseSection({ title: 'Essays', summary: 'Essays', order: 1 }),
      'sections/tools.md': serialiseSection({ title: 'Tools', summary: 'Tools', order: 2 }),
      'entries/essays/one.md': entry('one', { order: 1, quotes: ['A quote of one.'] }, footnoted(1)),
      'entries/essays/two.md': entry('two', { order: 2 }, footnoted(2)),
      'entries/essays/fake.md': entry(
        'fake',
        { order: 3, kind: 'approach' },
        'Text that reads data-entry="essays/one" and data-listing="essays".\n\n<li data-entry="tools/hammer">raw markup</li>\n\n' +
          '![a local file][local] ![a chart][chart]\n\n[local]: /package.json\n[chart]: https://example.com/chart.png',
      ),
      'entries/tools/hammer.md': entry('hammer', { section: 'tools', quotes: ['Hit it.'] }, '- one\n- two'),
    });
    const result = buildSite(dirs);
    expect(result.status, result.output).toBe(0);
    expected = expectedSite(readReadingList(dirs.contentDir, projectRoot));
    server = serveDirectory(dirs.outDir, 0);
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => {
    server?.close();
  });

  test('builds: text in a note that reads like an entry marker is not one', () => {
    expect(checkOutput(dirs.outDir, expected)).toEqual([]);
  });

  test('each footnote link jumps to its note in its own entry, on the section page and the permalink page', async ({ page }) => {
    for (const path of ['/essays/', '/essays/two/']) {
      await page.goto(`${origin}${path}`);
      const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id));
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size, `ids on ${path} are unique`).toBe(ids.length);
      const refs = page.locator('[data-entry] a[data-footnote-ref]');
      expect(await refs.count()).toBe(path === '/essays/' ? 4 : 2);
      for (const ref of await refs.all()) {
        const entryId = await ref.evaluate((link) => link.closest('[data-entry]')!.getAttribute('data-entry'));
        const target = (await ref.getAttribute('href'))!.slice(1);
        // The footnote the link points at lives in the same entry, and following the link lands there.
        const targetEntry = await page.evaluate(
          (id) => document.getElementById(id)?.closest('[data-entry]')?.getAttribute('data-entry'),
          target,
        );
        expect(targetEntry).toBe(entryId);
        await ref.click();
        expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(target);
        await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
      }
    }
  });

  test('a relative image written by reference shows as its alt text; an http(s) one as an image', async ({ page }) => {
    await page.goto(`${origin}/essays/fake/`);
    const notes = page.locator('article .notes');
    await expect(notes).toContainText('a local file');
    await expect(notes.locator('img')).toHaveCount(1);
    await expect(notes.locator('img')).toHaveAttribute('src', 'https://example.com/chart.png');
    await expect(notes).toContainText('<li data-entry="tools/hammer">raw markup</li>');
  });

  test('the check names an entry whose link, notes or listing changed', () => {
    const copy = tempSite('changed').outDir;
    cpSync(dirs.outDir, copy, { recursive: true });
    // A wrong href on the section page; changed notes on a permalink page; an entry twice in one listing.
    editPage(pageShowing(copy, 'tools', 'tools/hammer'), (document) => {
      const link = findElement(findElement(document, 'data-entry', 'tools/hammer')!, 'href', 'https://example.com/hammer')!;
      link.attrs.find((attr) => attr.name === 'href')!.value = 'https://example.com/hammer-moved';
    });
    editPage(join(copy, 'essays', 'one', 'index.html'), (document) => {
      const notes = findElement(findElement(document, 'data-entry', 'essays/one')!, 'class', 'notes')!;
      const paragraph = notes.childNodes.find((node): node is Element => 'tagName' in node && node.tagName === 'p')!;
      paragraph.childNodes.unshift({
        nodeName: '#text',
        value: 'Inserted. ',
        parentNode: paragraph,
      } as DefaultTreeAdapterMap['textNode']);
    });
    editPage(pageShowing(copy, 'essays', 'essays/two'), (document) => {
      const two = findElement(document, 'data-entry', 'essays/two')!;
      const siblings = two.parentNode!.childNodes;
      siblings.splice(siblings.indexOf(two), 0, ...parseFragment(serializeOuter(two)).childNodes);
    });
    expect(checkOutput(copy, expected)).toEqual([
      { entry: 'essays/two', message: 'appears 2 times in the essays listing; expected once' },
      { entry: 'tools/hammer', message: 'the tools listing: no link to https://example.com/hammer' },
      { entry: 'essays/one', message: 'permalink page: the notes are missing or changed' },
    ]);
  });

  test('the check names an entry whose quote changed or whose permalink page is gone', () => {
    const copy = tempSite('quote').outDir;
    cpSync(dirs.outDir, copy, { recursive: true });
    editPage(pageShowing(copy, 'essays', 'essays/one'), (document) => {
      const quote = findElement(document, 'data-entry', 'essays/one')!;
      const text = (function find(node: ParentNode): DefaultTreeAdapterMap['textNode'] | undefined {
        for (const child of node.childNodes) {
          if (child.nodeName === '#text' && (child as DefaultTreeAdapterMap['textNode']).value === 'A quote of one.')
            return child as DefaultTreeAdapterMap['textNode'];
          const found = 'childNodes' in child ? find(child) : undefined;
          if (found) return found;
        }
        return undefined;
      })(quote)!;
      text.value = 'A quote of one';
    });
    rmSync(join(copy, 'tools', 'hammer'), { recursive: true });
    expect(checkOutput(copy, expected)).toEqual([
      { entry: 'essays/one', message: 'the essays listing: quote 1 is missing or changed' },
      { entry: 'tools/hammer', message: 'its permalink page tools/hammer/index.html was not written' },
    ]);
  });

  test('the check names a cross-listed entry missing from one of its sections', () => {
    // tools/hammer listed in essays too, after essays' own entries: the pages show it only under tools.
    const crossListed: ExpectedSite = {
      sections: expected.sections.map((section) =>
        section.id === 'essays' ? { ...section, order: [...section.order, 'tools/hammer'] } : section,
      ),
      entries: expected.entries.map((found) =>
        found.id === 'tools/hammer' ? { ...found, listedIn: ['tools', 'essays'] } : found,
      ),
    };
    expect(checkOutput(dirs.outDir, crossListed)).toEqual([
      { entry: 'tools/hammer', message: 'appears 0 times in the essays listing; expected once' },
    ]);
  });
});

test('a build that fails leaves the previous site untouched', () => {
  const dirs = tempSite('failed');
  copyFixtureList(dirs.contentDir);
  writeTree(dirs.outDir, { 'index.html': 'previous site' });
  writeTree(dirs.contentDir, {
    'entries/data-products/broken.md': '---\ntitle: Broken\nurl: ftp://example.com\nsection: data-products\nkind: framing\n---\n',
  });

  const result = buildSite(dirs);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('broken.md:3: url: must be an absolute http:// or https:// URL');
  expect(readFileSync(join(dirs.outDir, 'index.html'), 'utf8')).toBe('previous site');
  expect(existsSync(`${dirs.outDir}.staging`)).toBe(false);
});

test('an interrupted build leaves the previous site untouched, and the next build replaces it whole', async () => {
  const dirs = tempSite('interrupted');
  copyFixtureList(dirs.contentDir);
  writeTree(dirs.outDir, { 'index.html': 'previous site' });

  const child = startBuild(dirs);
  // Wait until the build is writing pages into its staging folder, then kill every process of it.
  await expect
    .poll(() => existsSync(join(`${dirs.outDir}.staging`, 'index.html')), { timeout: 120_000, intervals: [50] })
    .toBe(true);
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  expect(readdirSync(dirs.outDir)).toEqual(['index.html']);
  expect(readFileSync(join(dirs.outDir, 'index.html'), 'utf8')).toBe('previous site');

  const result = buildSite(dirs);
  expect(result.status, result.output).toBe(0);
  expect(readFileSync(join(dirs.outDir, 'index.html'), 'utf8')).toContain('<h1>Platforms and Products</h1>');
  expect(existsSync(join(dirs.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  expect(existsSync(`${dirs.outDir}.staging`)).toBe(false);
  // The replaced site waits beside the new one until the next build deletes it.
  expect(readFileSync(join(`${dirs.outDir}.previous`, 'index.html'), 'utf8')).toBe('previous site');
});
