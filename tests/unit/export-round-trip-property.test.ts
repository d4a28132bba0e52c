/**
 * Export → import is exact: for random lists (titles, quotes and notes holding Markdown, HTML, emoji,
 * line breaks and numbers-as-text; nested sections; cross-listings; ids that are not the titles'
 * slugs), importing the exported page into an empty folder writes the same files, byte for byte, in
 * both page formats. Lists are made in memory and run through the exporter, the page reader and the
 * placement in-process (no CLI, no disk), so hundreds of cases run in seconds.
 *
 * What a page cannot carry (`added` dates, link `status`) is not generated: the exporter warns about
 * it (tested at the end).
 */
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntryFile, ListFile, SectionFile } from '../../src/content/content-files.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { slugify } from '../../src/content/slugs.ts';
import { exportPage } from '../../src/import/export-page.ts';
import { blocksOf, markdownOf } from '../../src/import/markdown.ts';
import { placePages } from '../../src/import/place.ts';
import { PAGE_FORMATS, type PageFormat } from '../../src/import/plan.ts';
import { readPage } from '../../src/import/read-page.ts';
import type { CrossListing, EntryData, GroupDeclaration, ListData, SectionData } from '../../src/schemas/content.ts';

/** Words that are easy to mangle: Markdown and HTML characters, emoji, numbers and booleans as text. */
const WORDS = [
  'alpha',
  'Beta',
  'café',
  '2024',
  '1e3',
  'true',
  'null',
  '0x1F',
  '*star*',
  '_under_',
  '**bold**',
  '`code`',
  '<b>bold</b>',
  '<br>',
  'a&amp;b',
  'a & b',
  '#hash',
  '[note]',
  '[n](y)',
  '> gt',
  '1.',
  '- dash',
  '+',
  'x:y',
  '"quoted"',
  "it's",
  '\\back',
  '|pipe|',
  '~~strike~~',
  '😀',
  '🎥',
  '✨',
  'end.',
  '(paren)',
  '!bang',
];
const word = fc.constantFrom(...WORDS);
/** One line of words, single spaces between them (a page cannot keep runs of spaces). */
const line = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
/** A passage: lines, with line breaks inside paragraphs and blank lines between them. */
const passage = fc
  .array(fc.array(line, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
  .map((paragraphs) => paragraphs.map((lines) => lines.join('\n')).join('\n\n'));

/**
 * True when no block of `markdown` is one the exporter warns an import reads as something else: an
 * HTML block, a heading, a rule, a quote block (in notes), or a bullet holding only a list.
 */
const readsBack = (markdown: string, notes: boolean) =>
  blocksOf(markdown).every(
    (block) =>
      !['html', 'heading', 'thematicBreak', ...(notes ? ['blockquote'] : [])].includes(block.type) &&
      (block.type !== 'list' || block.children.every((item) => item.children[0]?.type === 'paragraph')),
  );

/** An introduction as the list holds it (not generated: what `readsBack` leaves out). */
const intro = fc
  .option(passage, { nil: undefined })
  .map((text) => (text ? markdownOf(blocksOf(text)) : ''))
  .filter((text) => readsBack(text, false));

let urlCount = 0;
/** Notes as the Markdown an entry holds: prose, links in prose, link-led paragraphs, bullets. */
const noteBlock = fc.oneof(
  line,
  line.map((text) => `See ${text} [link](https://example.org/${urlCount++}) ${text}`),
  line.map((text) => `**[Slides](https://example.org/slides-${urlCount++})** from the talk ${text}`),
  line.map((text) => `🎥 [Video](https://example.org/video-${urlCount++}) ${text}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item.replace(/^[-+*>#\d]/, 'w')}`).join('\n')),
);
/** Notes in the one layout the importer writes them (src/import/markdown.ts): two lists in a row are one list. */
const notes = fc
  .array(noteBlock, { maxLength: 3 })
  .map((blocks) => markdownOf(blocksOf(blocks.join('\n\n'))))
  // Not generated: what the exporter warns an import reads as something else (a quote block, an HTML
  // block, a bullet holding only a list; a bullet led by a web link is not made above).
  .filter((text) => readsBack(text, true));

const CUSTOM_GROUPS: GroupDeclaration[] = [
  { id: 'reading', heading: 'Reading' },
  { id: 'tools', heading: 'Tools & kits' },
];
const DEFAULT_IDS = ['framing', 'approach'];

interface SectionShape {
  title: string;
  /** An id other than the title's slug, or undefined for the slug. */
  id: string | undefined;
  summary: string | undefined;
  intro: string;
  groups: string[] | undefined;
  children: SectionShape[];
}

const sectionShape = (depth: number, groupIds: string[], declared: boolean): fc.Arbitrary<SectionShape> =>
  fc.record({
    title: line,
    id: fc.option(fc.constantFrom('ml', '2024', '1e3', 'true', 'x-1', 'null', 'on'), { nil: undefined }),
    summary: fc.option(line, { nil: undefined }),
    intro,
    groups: declared
      ? fc.subarray(groupIds).map((ids) => ids as string[] | undefined)
      : fc.option(fc.subarray(groupIds), { nil: undefined }),
    children: depth > 1 ? fc.array(sectionShape(depth - 1, groupIds, declared), { maxLength: 2 }) : fc.constant([]),
  });

interface EntryShape {
  title: string;
  slug: string | undefined;
  quotes: string[];
  tags: string[];
  notes: string;
  /** Indexes into the flat section list: where it is listed in full, then cross-listed. */
  where: number;
  also: number[];
  /** Picks a group among those the section shows. */
  kindPick: number;
  rank: number;
}
const entryShape = fc.record({
  title: line,
  slug: fc.option(fc.constantFrom('e1', '2024', '1e3', 'true', 'on', 'a-b'), { nil: undefined }),
  quotes: fc.array(passage, { maxLength: 2 }),
  tags: fc.uniqueArray(fc.constantFrom('python', 'long-read', '2024', 'true', 'x1'), { maxLength: 2 }),
  notes,
  where: fc.nat(),
  also: fc.array(fc.nat(), { maxLength: 2 }),
  kindPick: fc.nat(),
  rank: fc.double({ min: 0, max: 1, noNaN: true }),
});

const listShape = fc.record({
  title: line,
  description: fc.option(line, { nil: undefined }),
  intro,
  declared: fc.boolean(),
  sections: fc.boolean().chain((declared) =>
    fc.record({
      declared: fc.constant(declared),
      roots: fc.array(sectionShape(3, declared ? CUSTOM_GROUPS.map((group) => group.id) : DEFAULT_IDS, declared), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
  ),
  entries: fc.array(entryShape, { maxLength: 8 }),
});

interface Generated {
  files: { list: ListFile; sections: SectionFile[]; entries: EntryFile[] };
  /** The list's files as the import writes them: path → text. */
  texts: Map<string, string>;
}

/** Builds the list's files (in memory) and their canonical text from a generated shape. */
type ListShape = typeof listShape extends fc.Arbitrary<infer T> ? T : never;

function buildList(shape: ListShape): Generated {
  const { declared, roots } = shape.sections;
  const groups = declared ? CUSTOM_GROUPS : undefined;
  const groupIds = declared ? CUSTOM_GROUPS.map((group) => group.id) : DEFAULT_IDS;
  const texts = new Map<string, string>();
  const listData: ListData = {
    title: shape.title,
    ...(shape.description !== undefined ? { description: shape.description } : {}),
    ...(groups ? { groups } : {}),
  };
  texts.set('list.md', serialiseList(listData, shape.intro));
  const list: ListFile = { id: 'list', file: 'content/list.md', data: listData, body: shape.intro };

  const sections: SectionFile[] = [];
  const parents = new Map<string, string | undefined>();
  const shows = new Map<string, string[]>();
  const taken = new Set<string>();
  const addSections = (list: SectionShape[], parent: string | undefined) => {
    list.forEach((each, index) => {
      let id = each.id ?? slugify(each.title);
      while (taken.has(id) || ['about', 'recent', 'search', 'tags', 'pagefind', '404'].includes(id)) id = `${id}-x`;
      taken.add(id);
      // A section showing both default groups in order writes none: that is what the import writes.
      const showsAll = !declared && each.groups?.length === 2 && each.groups[0] === 'framing';
      const data: SectionData = {
        title: each.title,
        ...(each.summary !== undefined ? { summary: each.summary } : {}),
        order: index + 1,
        ...(parent !== undefined ? { parent } : {}),
        ...(each.groups !== undefined && !showsAll ? { groups: each.groups } : {}),
      };
      sections.push({ id, file: `content/sections/${id}.md`, data, body: each.intro });
      texts.set(`sections/${id}.md`, serialiseSection(data, each.intro));
      parents.set(id, parent);
      shows.set(id, each.groups ?? groupIds);
      addSections(each.children, id);
    });
  };
  addSections(roots, undefined);

  // Sections in page order, so listings can be numbered as the page shows them.
  const inOrder: string[] = [];
  const walk = (parent: string | undefined) => {
    for (const section of sections.filter((each) => each.data.parent === parent)) {
      inOrder.push(section.id);
      walk(section.id);
    }
  };
  walk(undefined);
  const related = (a: string, b: string) => {
    const above = (id: string) => {
      const chain: string[] = [];
      for (let up = parents.get(id); up !== undefined; up = parents.get(up)) chain.push(up);
      return chain;
    };
    return a === b || above(a).includes(b) || above(b).includes(a);
  };

  // Each entry's listings: its own section, then cross-listings in sections apart from all before.
  const slugs = new Set<string>();
  const built = shape.entries.map((entry, index) => {
    const own = inOrder[entry.where % inOrder.length]!;
    const places = [own];
    for (const pick of entry.also) {
      const other = inOrder[pick % inOrder.length]!;
      if (!places.some((place) => related(place, other))) places.push(other);
    }
    // Cross-listings in the order the page shows them (the order an import writes them in).
    places.splice(1, places.length, ...places.slice(1).sort((a, b) => inOrder.indexOf(a) - inOrder.indexOf(b)));
    const kindIn = (section: string) => {
      const ids = shows.get(section)!;
      return ids.length > 0 ? ids[entry.kindPick % ids.length] : undefined;
    };
    let slug = entry.slug ?? slugify(entry.title);
    while (slugs.has(slug)) slug = `${slug}-y`;
    slugs.add(slug);
    return { entry, index, url: `https://example.com/${index}/(${slugify(entry.title)})`, places, kindIn, slug };
  });
  // Orders: within each section and group, 1, 2, 3 … in a random order of the entries.
  const byRank = [...built].sort((a, b) => a.entry.rank - b.entry.rank || a.index - b.index);
  const counters = new Map<string, number>();
  const orderOf = new Map<string, number>();
  for (const each of byRank) {
    for (const place of each.places) {
      const key = `${place}\n${each.kindIn(place) ?? ''}`;
      const order = (counters.get(key) ?? 0) + 1;
      counters.set(key, order);
      orderOf.set(`${each.index}\n${place}`, order);
    }
  }
  const entries: EntryFile[] = built.map(({ entry, index, url, places, kindIn, slug }) => {
    const [own, ...also] = places as [string, ...string[]];
    const kind = kindIn(own);
    const data: EntryData = {
      title: entry.title,
      url,
      section: own,
      ...(kind !== undefined ? { kind } : {}),
      order: orderOf.get(`${index}\n${own}`)!,
      quotes: entry.quotes,
      tags: entry.tags,
      also_in: also.map((section): CrossListing => {
        const alsoKind = kindIn(section);
        return { section, ...(alsoKind !== undefined ? { kind: alsoKind } : {}), order: orderOf.get(`${index}\n${section}`)! };
      }),
    };
    texts.set(`entries/${own}/${slug}.md`, serialiseEntry(data, entry.notes));
    return { id: `${own}/${slug}`, slug, file: `content/entries/${own}/${slug}.md`, data, body: entry.notes };
  });
  return { files: { list, sections, entries }, texts };
}

/** Export in `format`, read the page, place it into an empty list: the files the import would write. */
function roundTrip(files: Generated['files'], format: PageFormat) {
  const page = exportPage(files, { format });
  if ('error' in page) throw new Error(page.error);
  const plan = readPage(page.text, 'page.md', format);
  const placement = placePages([plan], { files: { list: undefined, sections: [], entries: [] }, read: () => undefined }, {
    display: (path) => `content/${path}`,
  });
  return { page, placement, texts: new Map(placement.files.map((file) => [file.path, file.text])) };
}

const sorted = (texts: Map<string, string>) => new Map([...texts].sort(([a], [b]) => (a < b ? -1 : 1)));

describe.each(PAGE_FORMATS)('export → import through the %s format', (format) => {
  it('gives back the same files, byte for byte, for 500 random lists', () => {
    fc.assert(
      fc.property(listShape, (shape) => {
        const { files, texts } = buildList(shape);
        const { page, placement, texts: again } = roundTrip(files, format);
        expect(page.warnings).toEqual([]);
        expect(placement.problems, page.text).toEqual([]);
        expect(sorted(again), page.text).toEqual(sorted(texts));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the generated lists', () => {
  it('are valid lists, read from disk as they are held in memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'commonplace-property-'));
    try {
      fc.assert(
        fc.property(listShape, (shape) => {
          const { files, texts } = buildList(shape);
          const root = join(dir, String(urlCount++));
          for (const [path, text] of texts) {
            mkdirSync(dirname(join(root, path)), { recursive: true });
            writeFileSync(join(root, path), text);
          }
          const read = readReadingList(root, root);
          expect(read.problems).toEqual([]);
          const byId = (list: readonly { id: string; data: unknown; body: string }[]) =>
            new Map(list.map((each) => [each.id, [each.data, each.body.trim()]]));
          expect(read.list?.data).toEqual(files.list.data);
          expect(byId(read.sections)).toEqual(byId(files.sections));
          expect(byId(read.entries)).toEqual(byId(files.entries));
        }),
        { numRuns: 20 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
