/**
 * The cases the round trip used to get wrong, one each, in both page formats: a quote's line breaks,
 * section ids and entry slugs that are not their titles' slugs, notes led by a link, and what a page
 * cannot carry (said by the exporter). The random lists of export-round-trip-property.test.ts cover
 * the rest.
 */
import { describe, expect, it } from 'vitest';
import type { EntryFile, ListFile, SectionFile } from '../../src/content/content-files.ts';
import { serialiseEntry, serialiseSection } from '../../src/content/entry-file.ts';
import { exportPage } from '../../src/import/export-page.ts';
import { placePages, type ExistingList } from '../../src/import/place.ts';
import { PAGE_FORMATS, type PageFormat } from '../../src/import/plan.ts';
import { readPage } from '../../src/import/read-page.ts';
import type { EntryData, SectionData } from '../../src/schemas/content.ts';

const list: ListFile = { id: 'list', file: 'content/list.md', data: { title: 'Notes', groups: [] }, body: '' };
const section = (id: string, data: SectionData, body = ''): SectionFile => ({
  id,
  file: `content/sections/${id}.md`,
  data,
  body,
});
const entry = (
  slug: string,
  data: Omit<EntryData, 'quotes' | 'tags' | 'also_in'> & Partial<EntryData>,
  body = '',
): EntryFile => ({
  id: `${data.section}/${slug}`,
  slug,
  file: `content/entries/${data.section}/${slug}.md`,
  data: { quotes: [], tags: [], also_in: [], ...data },
  body,
});
const empty: ExistingList = { files: { list: undefined, sections: [], entries: [] }, read: () => undefined };

/** Exports `files` in `format` and imports the page into `into`: the page and the placement. */
function roundTrip(files: { sections: SectionFile[]; entries: EntryFile[] }, format: PageFormat, into = empty) {
  const page = exportPage({ list, ...files }, { format });
  if ('error' in page) throw new Error(page.error);
  const placement = placePages([readPage(page.text, 'page.md', format)], into, { display: (path) => `content/${path}` });
  return { page, placement, files: new Map(placement.files.map((file) => [file.path, file.text])) };
}

const ml = section('ml', { title: 'Machine Learning', order: 1, groups: [] });

describe.each(PAGE_FORMATS)('through the %s format', (format) => {
  it('keeps a line break within a quote, and a quote of two paragraphs as one quote', () => {
    const quotes = ['Roses are red,\nviolets are blue.', 'One paragraph.\n\nAnd another, *starred* and <b>tagged</b>.'];
    const poem = entry('poem', { title: 'A poem', url: 'https://example.com/poem', section: 'ml', order: 1, quotes });
    const { files, page } = roundTrip({ sections: [ml], entries: [poem] }, format);
    expect(page.text).toContain('Roses are red,\\\n');
    expect(files.get('entries/ml/poem.md')).toBe(serialiseEntry(poem.data));
  });

  it('gives back a section id and an entry slug that are not made from their titles', () => {
    const intro = entry('intro', { title: 'An Introduction', url: 'https://example.com/intro', section: 'ml', order: 1 });
    const { files, page } = roundTrip({ sections: [ml], entries: [intro] }, format);
    // Written where a reader does not see them: a comment under the heading, one at the end of the line.
    expect(page.text).toContain('Machine Learning\n\n<!-- id: ml -->\n');
    expect(page.text).toContain('[An Introduction](https://example.com/intro) <!-- id: intro -->\n');
    expect([...files.keys()].sort()).toEqual(['entries/ml/intro.md', 'list.md', 'sections/ml.md']);
    expect(files.get('sections/ml.md')).toBe(serialiseSection(ml.data));
  });

  it('writes no id where an import makes the same one from the title', () => {
    const own = section('machine-learning', { title: 'Machine Learning', order: 1, groups: [] });
    const intro = entry('an-introduction', {
      title: 'An Introduction',
      url: 'https://example.com/intro',
      section: own.id,
      order: 1,
    });
    const { files, page } = roundTrip({ sections: [own], entries: [intro] }, format);
    expect(page.text).not.toContain('<!-- id:');
    expect([...files.keys()].sort()).toEqual([
      'entries/machine-learning/an-introduction.md',
      'list.md',
      'sections/machine-learning.md',
    ]);
  });

  it('says so when the list already has a file by the slug the page gives, and names the entry another', () => {
    const intro = entry('intro', { title: 'An Introduction', url: 'https://example.com/intro', section: 'ml', order: 1 });
    const other = entry('intro', { title: 'Intro', url: 'https://example.com/other', section: 'ml', order: 1 });
    const existing: ExistingList = {
      files: { list, sections: [ml], entries: [other] },
      read: (path) => (path === 'sections/ml.md' ? serialiseSection(ml.data) : undefined),
    };
    const { files, placement } = roundTrip({ sections: [ml], entries: [intro] }, format, existing);
    expect(files.has('entries/ml/an-introduction.md')).toBe(true);
    expect(placement.notices.join('\n')).toMatch(
      /the page gives "An Introduction" the file name "intro\.md", which another entry has/,
    );
  });

  it('keeps notes led by a link as notes, not entries', () => {
    const notes =
      'Given at the meetup.\n\n**[Slides](https://example.com/slides)** from the talk\n\n🎥 [Video](https://example.com/video)';
    const talk = entry('talk', { title: 'The talk', url: 'https://example.com/talk', section: 'ml', order: 1 }, notes);
    const { files, page } = roundTrip({ sections: [ml], entries: [talk] }, format);
    expect(page.warnings).toEqual([]);
    expect([...files.keys()].sort()).toEqual(['entries/ml/talk.md', 'list.md', 'sections/ml.md']);
    expect(files.get('entries/ml/talk.md')).toBe(serialiseEntry(talk.data, notes));
  });

  it('keeps two lists in a row in an introduction as two lists', () => {
    const two = section('ml', { title: 'Machine Learning', order: 1, groups: [] }, '- one\n\n* two');
    const { files } = roundTrip({ sections: [two], entries: [] }, format);
    expect(files.get('sections/ml.md')).toBe(serialiseSection(two.data, '- one\n\n* two'));
  });
});

describe('what a page cannot carry is said by the export', () => {
  it('names an introduction holding a heading, a line led by a link, or an HTML block', () => {
    const odd = section(
      'ml',
      { title: 'Machine Learning', order: 1, groups: [] },
      '## Background\n\n[Start here](https://example.com/start) first.\n\n<div>boxed</div>',
    );
    const page = exportPage({ list, sections: [odd], entries: [] }, { format: 'awesome' });
    expect('warnings' in page && page.warnings).toEqual([
      'content/sections/ml.md: its introduction holds a heading, which an import reads as a section or a group',
      'content/sections/ml.md: its introduction holds a paragraph led by a link, which an import reads as an entry',
      'content/sections/ml.md: its introduction holds an HTML block, which an import leaves out',
    ]);
  });

  it('names a title or quote whose spacing a page does not keep', () => {
    const spaced = entry('spaced', {
      title: 'Two  spaces',
      url: 'https://example.com/spaced',
      section: 'ml',
      order: 1,
      quotes: ['One line,\n\n\nthree blank lines on'],
    });
    const page = exportPage({ list, sections: [ml], entries: [spaced] }, { format: 'awesome' });
    expect('warnings' in page && page.warnings).toEqual([
      'content/entries/ml/spaced.md: its title holds spacing an import reads as one space',
      'content/entries/ml/spaced.md: a quote holds spacing an import reads as one space or one blank line',
    ]);
  });

  it('counts the entries with an `added` date or a link `status`', () => {
    const dated = entry('dated', {
      title: 'Dated',
      url: 'https://example.com/dated',
      section: 'ml',
      order: 1,
      added: '2024-05-01',
      status: { state: 'dead', checked: '2024-06-01' },
    });
    const page = exportPage({ list, sections: [ml], entries: [dated] }, { format: 'legacy' });
    expect('warnings' in page && page.warnings).toEqual([
      '1 entry has an `added` date, which a page does not carry (an import takes it from git)',
      '1 entry has a link `status`, which a page does not carry (npm run check:links finds it again)',
    ]);
  });
});
