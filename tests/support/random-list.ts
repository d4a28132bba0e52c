/**
 * Random reading lists for property tests, made in memory in the one layout the importer writes
 * (src/content/entry-file.ts): titles, quotes and notes holding Markdown and HTML characters, emoji,
 * line breaks and numbers-as-text; nested sections; groups; cross-listings; ids and slugs that are
 * not their titles' slugs. `buildList` gives the files (as the content reader holds them) and their text.
 */
import fc from 'fast-check';
import type { EntryFile, ListFile, SectionFile } from '../../src/content/content-files.ts';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { slugify } from '../../src/content/slugs.ts';
import { blocksOf, markdownOf } from '../../src/import/markdown.ts';
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
 * Markdown in the one layout the importer writes it (src/import/markdown.ts; two lists in a row are
 * one list), or undefined when a block is one the exporter warns an import reads as something else:
 * an HTML block, a heading, a rule, a quote block (in notes), or a bullet holding only a list.
 */
function canonical(markdown: string, notes: boolean): string | undefined {
  const blocks = blocksOf(markdown);
  const readsBack = blocks.every(
    (block) =>
      !['html', 'heading', 'thematicBreak', ...(notes ? ['blockquote'] : [])].includes(block.type) &&
      (block.type !== 'list' || block.children.every((item) => item.children[0]?.type === 'paragraph')),
  );
  return readsBack ? markdownOf(blocks) : undefined;
}
const isText = (text: string | undefined): text is string => text !== undefined;

/** An introduction as the list holds it (half the time none). */
const intro = fc
  .option(passage, { nil: undefined, freq: 1 })
  .map((text) => (text ? canonical(text, false) : ''))
  .filter(isText);

/** Notes as the Markdown an entry holds: prose, links in prose, link-led paragraphs, bullets. */
const noteBlock = fc.oneof(
  line,
  fc.tuple(line, fc.nat(99)).map(([text, n]) => `See ${text} [link](https://example.org/${n}) ${text}`),
  fc.tuple(line, fc.nat(99)).map(([text, n]) => `**[Slides](https://example.org/slides-${n})** from the talk ${text}`),
  fc.tuple(line, fc.nat(99)).map(([text, n]) => `🎥 [Video](https://example.org/video-${n}) ${text}`),
  fc
    .array(line, { minLength: 1, maxLength: 3 })
    .map((items) => items.map((item) => `- ${item.replace(/^[-+*>#\d]/, 'w')}`).join('\n')),
);
/** Notes (a bullet led by a web link, which the exporter warns about, is not made above). */
const notes = fc
  .array(noteBlock, { maxLength: 3 })
  .map((blocks) => canonical(blocks.join('\n\n'), true))
  .filter(isText);

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

/** `where` and `also` pick sections of the flat list (listed in full, then cross-listed); `kindPick` a group there; `rank` the order. */
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

export const listShape = fc.record({
  title: line,
  description: fc.option(line, { nil: undefined }),
  intro,
  declared: fc.boolean(),
  sections: fc.boolean().chain((declared) =>
    fc.record({
      declared: fc.constant(declared),
      roots: fc.array(sectionShape(3, declared ? CUSTOM_GROUPS.map((group) => group.id) : DEFAULT_IDS, declared), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
  ),
  entries: fc.array(entryShape, { maxLength: 8 }),
});

export interface Generated {
  files: { list: ListFile; sections: SectionFile[]; entries: EntryFile[] };
  /** The list's files as the import writes them: path → text. */
  texts: Map<string, string>;
}

/** Builds the list's files (in memory) and their canonical text from a generated shape. */
type ListShape = typeof listShape extends fc.Arbitrary<infer T> ? T : never;

export function buildList(shape: ListShape): Generated {
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
