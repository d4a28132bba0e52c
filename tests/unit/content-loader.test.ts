/**
 * The site build refuses exactly what `npm run validate` refuses: the collections' loader, given each
 * bad-input fixture, fails with the same problems validate prints — and loads good content whole.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { readingListLoader, storedNotesText } from '../../src/content/content-loader.ts';
import { notesText } from '../../src/content/notes.ts';
import { ContentError, formatProblem } from '../../src/content/problems.ts';
import { FIXTURE_LIST } from '../support/fixture-list.ts';

const root = join(import.meta.dirname, '..', '..');
const invalid = join(root, 'tests', 'fixtures', 'invalid');

/** Just enough of Astro's loader context: a map for a store, parseData that passes data through. */
function fakeContext() {
  const store = new Map<
    string,
    {
      id: string;
      data: Record<string, unknown>;
      digest?: string;
      rendered?: { html: string; metadata?: Record<string, unknown> };
    }
  >();
  return {
    store,
    context: {
      collection: 'entries',
      config: { root: pathToFileURL(`${root}/`) },
      store: {
        get: (id: string) => store.get(id),
        set: (entry: { id: string; data: Record<string, unknown> }) => store.set(entry.id, entry) && true,
        keys: () => [...store.keys()],
        delete: (id: string) => store.delete(id),
      },
      parseData: async ({ data }: { data: Record<string, unknown> }) => data,
      generateDigest: (value: unknown) => JSON.stringify(value),
    },
  };
}

function writeTree(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

async function load(contentDir: string) {
  process.env.COMMONPLACE_CONTENT_DIR = contentDir;
  const { store, context } = fakeContext();
  await readingListLoader('entries').load(context as never);
  return store;
}

afterEach(() => {
  delete process.env.COMMONPLACE_CONTENT_DIR;
});

describe('the build refuses what validate refuses', () => {
  for (const name of readdirSync(invalid)) {
    test(`refuses the ${name} fixture with validate's own problem lines`, async () => {
      const dir = join(invalid, name);
      const expected = readReadingList(dir, root).problems.map(formatProblem).sort();
      expect(expected.length).toBeGreaterThan(0);
      const failure = await load(dir).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ContentError);
      expect((failure as ContentError).problems.map(formatProblem).sort()).toEqual(expected);
      for (const line of expected) expect((failure as ContentError).message).toContain(line);
    });
  }

  test('loads every entry of a list, with its notes rendered to the HTML written out here', async () => {
    const files = readReadingList(FIXTURE_LIST, root);
    const store = await load(FIXTURE_LIST);
    expect([...store.keys()].sort()).toEqual(files.entries.map((entry) => entry.id).sort());

    const dir = mkdtempSync(join(tmpdir(), 'commonplace-loader-notes-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      write('list.md', '---\ntitle: "Notes"\n---\n');
      write('sections/reading.md', '---\ntitle: "Reading"\ngroups: []\n---\n');
      write(
        'entries/reading/a.md',
        '---\ntitle: "A"\nurl: "https://example.com/a"\nsection: reading\n---\n\n' +
          'A *b* and [c](https://x.example/) <script>x</script>\n\n- one[^1]\n\n[^1]: Note.\n',
      );
      const notes = await load(dir);
      // Written out by hand: emphasis, a safe external link, raw HTML as text, footnote ids per entry.
      expect(notes.get('reading/a')?.rendered?.html).toBe(
        '<p>A <em>b</em> and <a href="https://x.example/" rel="noopener noreferrer">c</a> &#x3C;script>x&#x3C;/script></p>\n' +
          '<ul>\n<li>one<sup><a href="#user-content-reading--a-fn-1" id="user-content-reading--a-fnref-1" data-footnote-ref aria-describedby="user-content-reading--a-footnote-label">1</a></sup></li>\n</ul>\n' +
          '<section data-footnotes class="footnotes"><h2 class="sr-only" id="user-content-reading--a-footnote-label">Footnotes</h2>\n' +
          '<ol>\n<li id="user-content-reading--a-fn-1">\n' +
          '<p>Note. <a href="#user-content-reading--a-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>\n' +
          '</li>\n</ol>\n</section>',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("stores every entry's notes as text too, so an unchanged entry is not parsed again on the next build", async () => {
    const files = readReadingList(FIXTURE_LIST, root);
    const store = await load(FIXTURE_LIST);
    const withNotes = files.entries.filter((entry) => entry.body.trim());
    expect(withNotes.length).toBeGreaterThan(0);
    for (const entry of files.entries) {
      const stored = store.get(entry.id)!;
      expect(stored.rendered?.metadata?.['notesText'], entry.id).toBe(entry.body.trim() ? notesText(entry.body) : '');
      expect(storedNotesText(stored)).toBe(stored.rendered?.metadata?.['notesText']);
    }
  });

  test('works the notes text out from the body when a store holds none', () => {
    expect(storedNotesText({ body: 'Some **bold** words.', rendered: {} })).toBe('Some bold words.');
    expect(storedNotesText({ body: '' })).toBe('');
  });
});

describe('notes as the loader renders them', () => {
  test('give the footnotes of each entry their own ids, so entries on one page never share one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commonplace-loader-'));
    const entry = (slug: string) =>
      `---\ntitle: "${slug}"\nurl: "https://example.com/${slug}"\nsection: alpha\nkind: framing\n---\n\nA claim[^1].\n\n[^1]: Its source.\n`;
    writeTree(dir, {
      'list.md': '---\ntitle: "List"\n---\n',
      'sections/alpha.md': '---\ntitle: "Alpha"\n---\n',
      'entries/alpha/one.md': entry('one'),
      'entries/alpha/two.md': entry('two'),
    });
    const store = await load(dir);
    const ids = [...store.values()].flatMap((item) =>
      [...(item.rendered?.html ?? '').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(store.get('alpha/one')?.rendered?.html).toContain('href="#user-content-alpha--one-fn-1"');
    rmSync(dir, { recursive: true, force: true });
  });
});
