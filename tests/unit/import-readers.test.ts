/** The page readers, pure: each shape a curator's page has, read into the one plan. */
import { describe, expect, it } from 'vitest';
import { detectFormat, readPage } from '../../src/import/read-page.ts';
import { PAGE_KEY, type ImportPlan } from '../../src/import/plan.ts';

const legacy = (body: string, head = 'title: A Page') => readPage(`---\n${head}\n---\n${body}`, 'page.md', 'legacy');
const awesome = (body: string) => readPage(`# Awesome Things\n\n${body}`, 'README.md', 'awesome');
const entries = (plan: ImportPlan) =>
  plan.entries.map((entry) => ({
    title: entry.title,
    url: entry.url,
    quotes: entry.quotes,
    notes: entry.notes,
    tags: entry.tags,
  }));
const lines = (plan: ImportPlan) => plan.problems.map((problem) => `${problem.line}: ${problem.field}`);

describe('detecting the format', () => {
  it('reads a page opening with frontmatter as a site page, anything else as a README', () => {
    expect(detectFormat('---\ntitle: x\n---\n# A\n')).toBe('legacy');
    expect(detectFormat('\uFEFF---\r\ntitle: x\r\n---\r\n')).toBe('legacy');
    expect(detectFormat('# Awesome X\n\n- [a](https://a.example)\n')).toBe('awesome');
  });
});

describe('an awesome README', () => {
  it('takes the description after -, –, — or :, or from the line below', () => {
    const plan = awesome(
      [
        '## Things',
        '',
        '- [Hyphen](https://a.example/1) - One.',
        '- [En dash](https://a.example/2) – Two.',
        '- [Em dash](https://a.example/3) — Three.',
        '- [Colon](https://a.example/4): Four.',
        '- [Below](https://a.example/5)',
        '  Five, on the next line.',
        '- [None](https://a.example/6)',
      ].join('\n'),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.entries.map((entry) => entry.notes)).toEqual([
      ['One.'],
      ['Two.'],
      ['Three.'],
      ['Four.'],
      ['Five, on the next line.'],
      [],
    ]);
  });

  it('nests sections by heading level and gives them no groups', () => {
    const plan = awesome('## Top\n\n### Middle\n\n#### Bottom\n\n- [Deep](https://a.example/deep)\n\n## Second\n');
    expect(plan.sections.map((section) => [section.key, section.title, section.parent, section.groups])).toEqual([
      [PAGE_KEY, 'Awesome Things', undefined, []],
      ['s1', 'Top', PAGE_KEY, []],
      ['s2', 'Middle', 's1', []],
      ['s3', 'Bottom', 's2', []],
      ['s4', 'Second', PAGE_KEY, []],
    ]);
    expect(plan.entries[0]?.listings).toEqual([{ section: 's3', kind: undefined, line: 9 }]);
  });

  it('keeps emoji shortcodes before a link as tags, and an emoji character in the title', () => {
    const plan = awesome(
      '## Talks\n\n- :movie_camera: :+1: [A Talk](https://a.example/talk) - Watch it.\n- 🎥 [Another](https://a.example/other)\n',
    );
    expect(entries(plan).map((entry) => [entry.title, entry.tags])).toEqual([
      ['A Talk', ['movie-camera', 'plus-1']],
      ['🎥 Another', []],
    ]);
  });

  it('makes bullets nested under an entry entries of their own that say what they were under', () => {
    const plan = awesome(
      '## Tools\n\n- [Editor](https://a.example/editor) - Edits.\n  - [Plugin](https://a.example/plugin) - Extends it.\n  - Works offline.\n',
    );
    expect(plan.entries.map((entry) => [entry.title, entry.notes, entry.under])).toEqual([
      ['Editor', ['Edits.', '- Works offline.'], undefined],
      ['Plugin', ['Extends it.'], { entry: { title: 'Editor', url: 'https://a.example/editor' } }],
    ]);
  });

  it('reads a bullet of plain text with entries under it as their label', () => {
    const plan = awesome(
      '## Talks\n\n- Lightning talks\n  - [Owls](https://a.example/owls)\n  - [Gulls](https://a.example/gulls)\n',
    );
    expect(plan.entries.map((entry) => [entry.title, entry.under])).toEqual([
      ['Owls', { label: 'Lightning talks' }],
      ['Gulls', { label: 'Lightning talks' }],
    ]);
  });

  it('keeps quotes and notes indented under a bullet with that entry', () => {
    const plan = awesome(
      '## Reading\n\n- [Essay](https://a.example/essay)\n  > The first passage.\n\n  > The second.\n\n  A paragraph of notes.\n',
    );
    expect(entries(plan)[0]).toMatchObject({ quotes: ['The first passage.', 'The second.'], notes: ['A paragraph of notes.'] });
  });

  it('leaves out badges, HTML, the table of contents and the README’s own sections, each said once', () => {
    const plan = readPage(
      [
        '<p align="center"><img src="https://a.example/logo.png"></p>',
        '',
        '# Awesome Things [![Awesome](https://a.example/badge.svg)](https://a.example/awesome)',
        '',
        '> Things worth a look.',
        '',
        '[![CI](https://a.example/ci.svg)](https://a.example/ci)',
        '',
        '## Contents',
        '',
        '- [Tools](#tools)',
        '',
        '## Tools',
        '',
        '<!-- keep sorted -->',
        '- [Saw](https://a.example/saw)',
        '',
        '**[⬆ back to top](#contents)**',
        '',
        '## Contributing',
        '',
        'Read [the guide](CONTRIBUTING.md).',
        '',
        '## License',
        '',
        'CC0',
      ].join('\n'),
      'README.md',
    );
    expect(plan.problems).toEqual([]);
    expect(plan.title?.text).toBe('Awesome Things');
    expect(plan.description).toBe('Things worth a look.');
    expect(plan.notices.map((notice) => `${notice.line}: ${notice.message}`)).toEqual([
      '3: badges and images in the title are left out',
      '1: an HTML block is left out (lines 1–1)',
      '7: badges and images are left out',
      '9: "Contents" is left out: a table of contents',
      '15: an HTML comment is left out',
      '18: a link within the page ("⬆ back to top") is not an entry: left out',
      '20: "Contributing" is left out: it is about the README, not the list',
      '24: "License" is left out: it is about the README, not the list',
    ]);
    expect(entries(plan).map((entry) => entry.title)).toEqual(['Saw']);
  });

  it('says so when it leaves out a link’s tooltip', () => {
    const plan = awesome('## Tools\n\n- [Saw](https://a.example/saw "A sharp one") - Cuts.\n');
    expect(plan.notices.map((notice) => `${notice.line}: ${notice.message}`)).toEqual([
      '5: the tooltip "A sharp one" of the link to https://a.example/saw is left out',
    ]);
  });

  it('reads reference links and puts a footnote into the text that refers to it', () => {
    const plan = awesome(
      '## Refs\n\n- [Named][ref] - Has a footnote.[^1]\n\n[ref]: https://a.example/ref\n[^1]: Said at the bottom.\n',
    );
    expect(entries(plan)).toEqual([
      { title: 'Named', url: 'https://a.example/ref', quotes: [], notes: ['Has a footnote. (Said at the bottom.)'], tags: [] },
    ]);
    expect(plan.notices).toEqual([]);
  });

  it('keeps a section’s first plain paragraph as its summary and other prose in its introduction', () => {
    const plan = awesome(
      '## Tools\n\nFor the *bench*.\n\nSee also [the shop](https://a.example/shop).\n\n- [Saw](https://a.example/saw)\n\nA closing remark.\n',
    );
    expect(plan.sections[1]).toMatchObject({
      summary: 'For the bench.',
      intro: ['See also [the shop](https://a.example/shop).', 'A closing remark.'],
    });
    expect(plan.notices.map((notice) => notice.message)).toEqual([
      'a paragraph between entries: kept in the introduction of "Tools"',
    ]);
  });
});

describe('a legacy page', () => {
  it('reads # headings as groups when no ## heading is on the page', () => {
    const plan = legacy('\n# Framing\n\n[A](https://a.example/a)\n\n# Building\n\n[B](https://a.example/b)\n');
    expect(plan.sections).toHaveLength(1);
    expect(plan.sections[0]?.groups).toEqual(['framing', 'building']);
    expect(plan.entries.map((entry) => entry.listings[0]?.kind)).toEqual(['framing', 'building']);
  });

  it('reads # headings as sections and ## as their groups, a section without ## listing entries directly', () => {
    const plan = legacy(
      '\n# Roles\n\n[A](https://a.example/a)\n\n# Teams\nHow teams work\n\n## Culture\n\n[B](https://a.example/b)\n',
    );
    expect(plan.sections.map((section) => [section.title, section.summary, section.groups])).toEqual([
      ['A Page', undefined, []],
      ['Roles', undefined, []],
      ['Teams', 'How teams work', ['culture']],
    ]);
    expect(plan.groups).toEqual([{ id: 'culture', heading: 'Culture' }]);
  });

  it('keeps the first list’s group ids for Framing and (Selected) Approaches', () => {
    const plan = legacy('\n# S\n\n## Framing\n\n## Approaches\n\n## Selected Approaches\n\n## Peer Review\n');
    expect(plan.groups).toEqual([
      { id: 'framing', heading: 'Framing' },
      { id: 'approach', heading: 'Approaches' },
      { id: 'peer-review', heading: 'Peer Review' },
    ]);
  });

  it('reads headings named as declared groups as those groups, and the others as nested sections', () => {
    const plan = legacy(
      '\n# Outer\n\n## Inner\n\n### Reading\n\n[A](https://a.example/a)\n',
      'title: P\ngroups:\n  - id: reading\n    heading: Reading',
    );
    expect(plan.problems).toEqual([]);
    expect(plan.sections.map((section) => [section.title, section.parent, section.groups])).toEqual([
      ['P', undefined, []],
      ['Outer', PAGE_KEY, []],
      ['Inner', 's1', ['reading']],
    ]);
  });

  it('reads a description after the colon, quotes as blockquotes or `- >` bullets, and notes as bullets', () => {
    const plan = legacy('\n# F\n\n[**Title**](https://a.example/t): One line.\n\n> First.\n\n- > Second.\n- A note.\n');
    expect(entries(plan)).toEqual([
      { title: 'Title', url: 'https://a.example/t', quotes: ['First.', 'Second.'], notes: ['One line.', '- A note.'], tags: [] },
    ]);
  });

  it('never reads a bulleted link as a note of the entry above it: it is an entry listed under it', () => {
    const plan = legacy(
      '\n# F\n\n[Blog](https://a.example/blog)\n\n- [A Post](https://a.example/post)\n  > From the post.\n- A real note with [a link](https://a.example/elsewhere).\n',
    );
    expect(plan.entries.map((entry) => [entry.title, entry.quotes, entry.notes, entry.under])).toEqual([
      ['Blog', [], ['- A real note with [a link](https://a.example/elsewhere).'], undefined],
      ['A Post', ['From the post.'], [], { entry: { title: 'Blog', url: 'https://a.example/blog' } }],
    ]);
  });

  it('makes every link of a bullet an entry when only commas, slashes or "and" join them', () => {
    const plan = legacy(
      '\n# F\n\n- [One](https://a.example/1), [Two](https://a.example/2) and [Three](https://a.example/3): A series.\n',
    );
    expect(plan.entries.map((entry) => [entry.title, entry.notes])).toEqual([
      ['One', ['A series.']],
      ['Two', ['A series.']],
      ['Three', ['A series.']],
    ]);
  });

  it('lists the entries below a bold label line under that label, until a rule or heading (bullets under an entry stay under it)', () => {
    const plan = legacy(
      '\n# F\n\n[Before](https://a.example/0)\n\n**Misc favorites:**\n\n[One](https://a.example/1)\n\n- [Two](https://a.example/2)\n\n---\n\n[After](https://a.example/3)\n',
    );
    expect(plan.entries.map((entry) => [entry.title, entry.under])).toEqual([
      ['Before', undefined],
      ['One', { label: 'Misc favorites' }],
      ['Two', { entry: { title: 'One', url: 'https://a.example/1' } }],
      ['After', undefined],
    ]);
  });

  it('reads titles and quotes as a reader sees them: emphasis, escapes and entities resolved', () => {
    const plan = legacy(
      '\n# F\n\n[*Fish* \\& \\_Chips\\_ &amp; Peas](https://a.example/f)\n\n> A **bold** claim &mdash; with `code`.\n',
    );
    expect(entries(plan)[0]).toMatchObject({ title: 'Fish & _Chips_ & Peas', quotes: ['A bold claim — with code.'] });
  });

  it('refuses only what it cannot place, each with its page line, and keeps odd links as text or titles', () => {
    const plan = legacy(
      '\n# F\n\n> A quote before any entry.\n\n[X](https://a.example/x)\n\n[Y](mailto:someone@example.com)\n\n[](https://a.example/empty)\n',
      'title: A Page',
    );
    expect(lines(plan)).toEqual([]);
    // A link that is not a web address is text, said so; a link without words is titled by its address.
    expect(plan.notices.map((notice) => notice.line)).toContain(11);
    expect(plan.entries.map((entry) => entry.title)).toEqual(['X', 'https://a.example/empty']);
    // A quote above the first entry reads as an epigraph: kept in the introduction (here, the page's),
    // and so is the line whose link is no web address (it closes the entry above it).
    expect(plan.sections[0]?.intro).toEqual(['> A quote before any entry.', '[Y](mailto:someone@example.com)']);
    const noTitle = readPage('---\nlayout: page\n---\n# S\n', 'p.md');
    expect(lines(noTitle)).toEqual(['1: title']);
    expect(lines(readPage('# S\n', 'p.md', 'legacy'))).toEqual(['1: frontmatter']);
    expect(lines(readPage('---\ntitle: [unclosed\n---\n', 'p.md'))).toEqual(['2: frontmatter']);
  });

  it('reads frontmatter values as the text written, even when YAML would read a number or boolean', () => {
    const plan = legacy('', 'title: 1e3\nsubtitle: null');
    expect([plan.title?.text, plan.description]).toEqual(['1e3', 'null']);
  });
});
