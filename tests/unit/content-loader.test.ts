/**
 * The site build refuses exactly what `npm run validate` refuses: the collections' loader, given each
 * bad-input fixture, fails with the same problems validate prints — and loads good content whole.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { readingListLoader } from '../../src/content/content-loader.ts';
import { ContentError, formatProblem } from '../../src/content/problems.ts';

const root = join(import.meta.dirname, '..', '..');
const invalid = join(root, 'tests', 'fixtures', 'invalid');

/** Just enough of Astro's loader context: a map for a store, parseData that passes data through. */
function fakeContext() {
  const store = new Map<string, { id: string; data: Record<string, unknown>; digest?: string; rendered?: { html: string } }>();
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

  test('loads every shipped entry, with its notes rendered', async () => {
    const store = await load(join(root, 'content'));
    expect(store.size).toBe(20);
    expect(store.get('data-platforms/4-pillars-of-analytics')?.rendered?.html).toBe(
      '<ul>\n<li>Acquire, Process, Surface, Act</li>\n</ul>',
    );
  });
});
