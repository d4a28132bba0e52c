import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { slugify, uniqueSlug } from '../../src/content/slugs.ts';
import { SLUG_PATTERN } from '../../src/schemas/content.ts';

/** The entries the legacy page was imported as (a fixed copy: content/ itself grows). */
const entriesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'legacy-imported', 'entries');

describe('slugify', () => {
  test.each([
    ['4 Pillars of Analytics', '4-pillars-of-analytics'],
    ['A Beginner’s Guide to Data Engineering', 'a-beginners-guide-to-data-engineering'],
    ['Automatic Feature Engineering: An Event-Driven Approach', 'automatic-feature-engineering-an-event-driven-approach'],
    ['Data-Informed Product Building', 'data-informed-product-building'],
    ['Part 2: Scheduling Notebooks at Netflix', 'part-2-scheduling-notebooks-at-netflix'],
    [
      "Your Client Engagement Program Isn't Doing What You Think It Is",
      'your-client-engagement-program-isnt-doing-what-you-think-it',
    ],
    [
      'Build a modern analytics stack optimized for sharing and collaborating with Mode and Amazon Redshift',
      'build-a-modern-analytics-stack-optimized-for-sharing',
    ],
    [
      'Maintainable ETLs: Tips for Making Your Pipelines Easier to Support and Extend',
      'maintainable-etls-tips-for-making-your-pipelines-easier',
    ],
    [
      'How to deliver on Machine Learning projects: A guide to the ML Engineering Loop',
      'how-to-deliver-on-machine-learning-projects-a-guide',
    ],
  ])('slugs the shipped title %j as %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('gives every imported entry the slug its file is named with', () => {
    const mismatches: string[] = [];
    let count = 0;
    for (const section of readdirSync(entriesDir)) {
      for (const name of readdirSync(join(entriesDir, section))) {
        const title = /^title: "(.*)"$/m.exec(readFileSync(join(entriesDir, section, name), 'utf8'))![1]!;
        count += 1;
        if (`${slugify(title)}.md` !== name) mismatches.push(`${section}/${name} ← ${title}`);
      }
    }
    expect(count).toBe(20);
    expect(mismatches).toEqual([]);
  });

  test('drops straight and curly apostrophes instead of splitting the word', () => {
    expect(slugify("Don't")).toBe('dont');
    expect(slugify('It’s ‘quoted’')).toBe('its-quoted');
  });

  test('removes accents', () => {
    expect(slugify('Café crème brûlée')).toBe('cafe-creme-brulee');
    expect(slugify('Ångström')).toBe('angstrom');
  });

  test('folds compatibility characters such as ligatures', () => {
    expect(slugify('ﬁnancial')).toBe('financial');
  });

  test('drops emoji without leaving double hyphens', () => {
    expect(slugify('Rocket 🚀 launch ✨')).toBe('rocket-launch');
  });

  test('turns punctuation runs into one hyphen and trims hyphens at the ends', () => {
    expect(slugify('  C++ & C#: a comparison!  ')).toBe('c-c-a-comparison');
    expect(slugify('--Already-Hyphenated--')).toBe('already-hyphenated');
  });

  test('falls back to "entry" when nothing usable is left', () => {
    expect(slugify('')).toBe('entry');
    expect(slugify('🚀🚀')).toBe('entry');
    expect(slugify('---')).toBe('entry');
    expect(slugify('日本語のタイトル')).toBe('entry');
  });

  test('cuts a long title at a word boundary, at most 60 characters', () => {
    const slug = slugify('The quick brown fox jumps over the lazy dog and then runs away to the hills');
    expect(slug).toBe('the-quick-brown-fox-jumps-over-the-lazy-dog-and-then-runs');
  });

  test('does not end a cut title on a dangling little word', () => {
    expect(slugify('Maintainable ETLs: Tips for Making Your Pipelines Easier to Support and Extend')).not.toMatch(/-to$/);
    expect(slugify('Sixty characters of title text are reached right here at the and of')).toBe(
      'sixty-characters-of-title-text-are-reached-right-here',
    );
  });

  test('cuts one very long word at 60 characters', () => {
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(60));
  });

  test('cuts at the last hyphen after a long first word', () => {
    expect(slugify('Supercalifragilisticexpialidocious-supercalifragilisticexpialidocious')).toBe(
      'supercalifragilisticexpialidocious',
    );
  });

  test('keeps a title of exactly 60 slug characters whole', () => {
    const title = `${'a'.repeat(29)} ${'b'.repeat(30)}`;
    expect(slugify(title)).toBe(`${'a'.repeat(29)}-${'b'.repeat(30)}`);
  });

  test.each(['4 Pillars of Analytics', 'Ünïcödé', '🚀', 'x'.repeat(200), 'and the of to', '  --  '])(
    'always produces a valid slug of at most 60 characters from %j',
    (title) => {
      const slug = slugify(title);
      expect(slug).toMatch(SLUG_PATTERN);
      expect(slug.length).toBeLessThanOrEqual(60);
    },
  );
});

describe('uniqueSlug', () => {
  test('keeps a slug nobody has', () => {
    expect(uniqueSlug('one-model', () => false)).toBe('one-model');
  });

  test('adds -2 when the slug is taken', () => {
    const taken = new Set(['one-model']);
    expect(uniqueSlug('one-model', (candidate) => taken.has(candidate))).toBe('one-model-2');
  });

  test('counts up to the first free number', () => {
    const taken = new Set(['entry', 'entry-2', 'entry-3']);
    expect(uniqueSlug('entry', (candidate) => taken.has(candidate))).toBe('entry-4');
  });

  test('asks about candidates in order', () => {
    const asked: string[] = [];
    uniqueSlug('a', (candidate) => {
      asked.push(candidate);
      return asked.length < 3;
    });
    expect(asked).toEqual(['a', 'a-2', 'a-3']);
  });
});
