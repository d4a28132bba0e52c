/**
 * The nothing-lost check on hand-written sites: it reads pages as HTML (never text that looks like
 * markup), and names the entry whose link, title, quotes or notes changed, or that is missing, shown
 * twice or out of order in one of the sections it is listed in.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CheckMemo } from '../../src/build/check-memo.ts';
import {
  checkOutput,
  checkOutputInTurns,
  expectedSite,
  type ExpectedEntry,
  type ExpectedSite,
} from '../../src/build/output-check.ts';
import { notesMatch, notesText } from '../../src/build/notes-text.ts';
import { renderNotes } from '../../src/content/notes.ts';
import { entrySchema, listSchema, sectionSchema } from '../../src/schemas/content.ts';
import { escapeHtml } from '../../src/site/escape.ts';

let outDir: string;
beforeEach(() => {
  outDir = mkdtempSync(join(tmpdir(), 'commonplace-output-check-'));
});
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

function write(path: string, html: string) {
  mkdirSync(dirname(join(outDir, path)), { recursive: true });
  writeFileSync(
    join(outDir, path),
    `<!doctype html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`,
  );
}

const NOTE_MARKDOWN = 'A note that mentions `data-entry="essays/fake"` and\n\n<li data-entry="essays/fake">raw markup</li>';

/** Three entries: `essays/a` (with a note faking entry markers), `essays/b`, and `tools/c`, cross-listed into essays. */
const entries: ExpectedEntry[] = [
  {
    id: 'essays/a',
    url: 'https://example.com/a?x=1&y=2',
    title: 'A & <b>bold</b> title',
    quotes: ['First “quote” — with <markup>.', 'Second quote.'],
    notes: 'A note that mentions data-entry="essays/fake" and <li data-entry="essays/fake">raw markup</li>',
    listedIn: ['essays'],
  },
  { id: 'essays/b', url: 'https://example.com/b', title: 'B', quotes: [], notes: '', listedIn: ['essays'] },
  {
    id: 'tools/c',
    url: 'https://example.com/c',
    title: 'C',
    quotes: ['A tool quote.'],
    notes: 'one two',
    listedIn: ['tools', 'essays'],
  },
];
const site: ExpectedSite = {
  sections: [
    { id: 'essays', order: ['essays/a', 'essays/b', 'tools/c'] },
    { id: 'tools', order: ['tools/c'] },
  ],
  entries,
};
const notesMarkdown: Record<string, string> = { 'essays/a': NOTE_MARKDOWN, 'tools/c': '- one\n- two' };

/** An entry as the pages show it; `change` alters one part of it. */
function entryHtml(entry: ExpectedEntry, tag = 'li', change: Partial<ExpectedEntry & { notesHtml: string }> = {}) {
  const { url, title, quotes } = { ...entry, ...change };
  const notesHtml = change.notesHtml ?? renderNotes(notesMarkdown[entry.id] ?? '', entry.id);
  const pagefind = tag === 'article' ? ' data-pagefind-body' : '';
  return (
    `<${tag} class="entry"${pagefind} data-entry="${escapeHtml(entry.id)}"><h3><a href="${escapeHtml(url)}">${escapeHtml(title)}</a></h3>` +
    `<p><a href="/${entry.id}/">Permalink<span> for ${escapeHtml(title)}</span></a></p>` +
    quotes.map((quote) => `<figure class="quote"><blockquote><p>${escapeHtml(quote)}</p></blockquote></figure>`).join('') +
    (notesHtml ? `<div class="notes">${notesHtml}</div>` : '') +
    `</${tag}>`
  );
}
const byId = (id: string) => entries.find((entry) => entry.id === id)!;
const listing = (section: string, html: string) => `<h1>${section}</h1><div data-listing="${section}"><ul>${html}</ul></div>`;

/** Writes the whole good site: both sections' pages (essays over two pages) and every permalink page. */
function writeGoodSite() {
  write('essays/index.html', listing('essays', entryHtml(byId('essays/a')) + entryHtml(byId('essays/b'))));
  write('essays/page/2/index.html', listing('essays', entryHtml(byId('tools/c'))));
  write('tools/index.html', listing('tools', entryHtml(byId('tools/c'))));
  for (const entry of entries) write(`${entry.id}/index.html`, entryHtml(entry, 'article'));
}

describe('checkOutput', () => {
  test('passes a site that shows every entry once per section, in order, across listing pages', () => {
    writeGoodSite();
    expect(checkOutput(outDir, site)).toEqual([]);
  });

  test('is not fooled by a note whose text reads like an entry marker', () => {
    writeGoodSite();
    // The note's text names essays/fake, an entry of no section: as text it must not count.
    expect(entries[0]!.notes).toContain('data-entry="essays/fake"');
    expect(checkOutput(outDir, site)).toEqual([]);
    // Nor does it stand in for an entry that is really missing.
    write('essays/index.html', listing('essays', entryHtml(byId('essays/a'))));
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'essays/b', message: 'appears 0 times in the essays listing; expected once' },
    ]);
  });

  test('taken in turns (as the build does, beside the indexer), finds the same problems in the same order', async () => {
    writeGoodSite();
    expect(await checkOutputInTurns(outDir, site, undefined, 1)).toEqual([]);
    write('essays/index.html', listing('essays', entryHtml(byId('essays/a'))));
    write('tools/index.html', listing('tools', entryHtml(byId('tools/c'), 'li', { url: 'https://example.com/c-moved' })));
    const problems = checkOutput(outDir, site);
    expect(problems).toHaveLength(2);
    expect(await checkOutputInTurns(outDir, site, undefined, 1)).toEqual(problems);
  });

  test('names an entry whose link points elsewhere', () => {
    writeGoodSite();
    write('tools/index.html', listing('tools', entryHtml(byId('tools/c'), 'li', { url: 'https://example.com/c-moved' })));
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'tools/c', message: 'the tools listing: no link to https://example.com/c' },
    ]);
  });

  test('names an entry whose title, quote or notes changed', () => {
    writeGoodSite();
    write(
      'essays/index.html',
      listing(
        'essays',
        entryHtml(byId('essays/a'), 'li', {
          title: 'A & bold title',
          quotes: ['First “quote” — with <markup>', 'Second quote.'],
        }) + entryHtml(byId('essays/b')),
      ),
    );
    write('tools/c/index.html', entryHtml(byId('tools/c'), 'article', { notesHtml: renderNotes('- one\n- three', 'tools/c') }));
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'essays/a', message: 'the essays listing: the title is not shown as written' },
      { entry: 'essays/a', message: 'the essays listing: quote 1 is missing or changed' },
      { entry: 'tools/c', message: 'permalink page: the notes are missing or changed' },
    ]);
  });

  test('names an entry whose notes are gone, have a word more at either end, or appeared from nowhere', () => {
    writeGoodSite();
    write('essays/a/index.html', entryHtml(byId('essays/a'), 'article', { notesHtml: '' }));
    write('essays/b/index.html', entryHtml(byId('essays/b'), 'article', { notesHtml: '<p>Stray.</p>' }));
    write(
      'tools/c/index.html',
      entryHtml(byId('tools/c'), 'article', { notesHtml: `<p>Added.</p>${renderNotes('- one\n- two')}` }),
    );
    write(
      'tools/index.html',
      listing('tools', entryHtml(byId('tools/c'), 'li', { notesHtml: renderNotes('- one\n- two').replace('two', 'two more') })),
    );
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'tools/c', message: 'the tools listing: the notes are missing or changed' },
      { entry: 'essays/a', message: 'permalink page: the notes are missing or changed' },
      { entry: 'essays/b', message: 'permalink page: shows notes the entry does not have' },
      { entry: 'tools/c', message: 'permalink page: the notes are missing or changed' },
    ]);
  });

  test('names a cross-listed entry missing from one of its sections', () => {
    writeGoodSite();
    write('essays/page/2/index.html', listing('essays', ''));
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'tools/c', message: 'appears 0 times in the essays listing; expected once' },
    ]);
  });

  test('names an entry shown twice in one section, even on two of its pages', () => {
    writeGoodSite();
    write('essays/page/2/index.html', listing('essays', entryHtml(byId('essays/b')) + entryHtml(byId('tools/c'))));
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'essays/b', message: 'appears 2 times in the essays listing; expected once' },
    ]);
  });

  test('names an entry out of reading order, and one shown in a section it is not listed in', () => {
    writeGoodSite();
    write('essays/index.html', listing('essays', entryHtml(byId('essays/b')) + entryHtml(byId('essays/a'))));
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'essays/b', message: 'the essays listing is out of reading order (expected essays/a here)' },
    ]);
    writeGoodSite();
    write('tools/index.html', listing('tools', entryHtml(byId('tools/c')) + entryHtml(byId('essays/b'))));
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'essays/b', message: 'is shown in the tools listing but is not listed in that section' },
    ]);
  });

  test('counts only the entries inside the section’s own listing element, not a sub-section’s beside or inside it', () => {
    writeGoodSite();
    // The tools page also shows, outside its listing, essays/b (say, in a sub-section's listing)…
    write('tools/index.html', listing('tools', entryHtml(byId('tools/c'))) + listing('essays', entryHtml(byId('essays/b'))));
    expect(checkOutput(outDir, site)).toEqual([]);
    // …and a sub-section's listing nested inside it does not count for tools either.
    write(
      'tools/index.html',
      `<div data-listing="tools"><ul>${entryHtml(byId('tools/c'))}</ul>${listing('child', entryHtml(byId('essays/b')))}</div>`,
    );
    expect(checkOutput(outDir, site)).toEqual([]);
    // But an entry outside every listing element is not shown in the section.
    write('tools/index.html', `<ul>${entryHtml(byId('tools/c'))}</ul>`);
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'tools', message: 'tools/index.html has no element with data-listing="tools"' },
      { entry: 'tools/c', message: 'appears 0 times in the tools listing; expected once' },
    ]);
  });

  test('names a listing page that holds two listings of one section', () => {
    writeGoodSite();
    write('tools/index.html', listing('tools', entryHtml(byId('tools/c'))) + listing('tools', ''));
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'tools', message: 'tools/index.html has 2 elements with data-listing="tools"; expected one' },
    ]);
  });

  test('names an entry whose permalink page is missing, holds a second entry, or is not its search record', () => {
    writeGoodSite();
    rmSync(join(outDir, 'essays/b'), { recursive: true });
    write('tools/c/index.html', entryHtml(byId('tools/c'), 'article') + entryHtml(byId('essays/b'), 'li'));
    write('essays/a/index.html', entryHtml(byId('essays/a'), 'li'));
    const message = 'its permalink page does not hold exactly this one entry for the search index';
    expect(checkOutput(outDir, site)).toEqual([
      { entry: 'essays/a', message },
      { entry: 'essays/b', message: 'its permalink page essays/b/index.html was not written' },
      { entry: 'tools/c', message },
    ]);
  });

  test('names a section whose page was not written', () => {
    writeGoodSite();
    rmSync(join(outDir, 'tools/index.html'));
    expect(checkOutput(outDir, site)).toEqual([{ entry: 'tools', message: 'the section page tools/index.html was not written' }]);
  });

  test('names an entry that a section’s reading order leaves out', () => {
    writeGoodSite();
    const missing = { ...site, sections: [site.sections[0]!, { id: 'tools', order: [] }] };
    expect(checkOutput(outDir, missing)).toContainEqual({
      entry: 'tools/c',
      message: "is listed in tools, but that section's reading order leaves it out",
    });
  });
});

describe('each quote in its own quote element', () => {
  const quoted: ExpectedEntry = {
    id: 'essays/q',
    url: 'https://example.com/q',
    title: 'Same words',
    quotes: ['Same words', 'Second words.'],
    notes: 'Second words.',
    listedIn: ['essays'],
  };
  const page = (quotes: string[], notes = '<p>Second words.</p>') =>
    `<article class="entry" data-pagefind-body data-entry="essays/q"><h3><a href="https://example.com/q">Same words</a></h3>` +
    quotes.map((quote) => `<figure class="quote"><blockquote><p>${escapeHtml(quote)}</p></blockquote></figure>`).join('') +
    `<div class="notes">${notes}</div></article>`;
  const check = (quotes: string[]) => {
    write('essays/index.html', listing('essays', page(quotes).replace('article', 'li').replace('</article>', '</li>')));
    write('essays/q/index.html', page(quotes));
    return checkOutput(outDir, { sections: [{ id: 'essays', order: ['essays/q'] }], entries: [quoted] }).map(
      (problem) => problem.message,
    );
  };

  test('passes the quotes shown in order, each in its own element', () => {
    expect(check(['Same words', 'Second words.'])).toEqual([]);
  });

  test('is not satisfied by a quote whose words are only in the title or the notes', () => {
    expect(check([])).toEqual([
      'the essays listing: quote 1 is missing or changed',
      'the essays listing: quote 2 is missing or changed',
      'permalink page: quote 1 is missing or changed',
      'permalink page: quote 2 is missing or changed',
    ]);
  });

  test('names quotes out of order, and a quote shown twice', () => {
    expect(check(['Second words.', 'Same words'])).toContain('permalink page: quote 1 is missing or changed');
    expect(check(['Same words', 'Same words', 'Second words.'])).toEqual([
      'the essays listing: quote 2 is missing or changed',
      'the essays listing: shows 3 quotes where the entry has 2',
      'permalink page: quote 2 is missing or changed',
      'permalink page: shows 3 quotes where the entry has 2',
    ]);
  });
});

describe('notesText: the notes read from their Markdown, not from the page', () => {
  test('takes the words from the syntax tree: raw HTML as text, an image that is not shown as its alt', () => {
    const markdown =
      'A **bold** claim with <b>html</b>, `code`\n\n- ![alt words](/rel.png) and ![pic](https://x.example/p.png)\n\n[ref]: https://x.example/';
    expect(notesText(markdown)).toEqual({ text: 'A bold claim with <b> html </b> , code alt words and', footnotes: false });
  });

  test('matches the page only when every character is there, whitespace aside', () => {
    expect(notesMatch('A bold claim\n\nand more', 'A **bold** claim\n\nand more')).toBe(true);
    expect(notesMatch('A claim and more', 'A **bold** claim\n\nand more')).toBe(false);
    expect(notesMatch('A bold claim and more, added', 'A **bold** claim\n\nand more')).toBe(false);
    // Footnotes: the page adds numbers, a heading and back links around the Markdown's words.
    expect(notesMatch('A note1.\nFootnotes\n\nSource. ↩', 'A note[^1].\n\n[^1]: Source.')).toBe(true);
    expect(notesMatch('A note1.\nFootnotes\n\n ↩', 'A note[^1].\n\n[^1]: Source.')).toBe(false);
  });

  test('reads footnotes as GitHub shows them, so a word added around them is caught too', () => {
    const markdown = 'Claim[^b] and another[^a], again[^b].\n\n[^a]: Source A.\n[^b]: Source B.\n[^unused]: Never shown.';
    expect(notesText(markdown)).toEqual({
      text: 'Claim 1 and another 2 , again 1 . Footnotes Source B. ↩ ↩2 Source A. ↩',
      footnotes: true,
    });
    const shown = 'Claim1 and another2, again1.\nFootnotes\nSource B. ↩ ↩2\nSource A. ↩';
    expect(notesMatch(shown, markdown)).toBe(true);
    expect(notesMatch(`Inserted. ${shown}`, markdown)).toBe(false);
    expect(notesMatch(shown.replace('Source A.', 'Source A, changed.'), markdown)).toBe(false);
  });
});

describe('expectedSite', () => {
  const section = (id: string, data: Record<string, unknown> = {}) => ({
    id,
    file: `content/sections/${id}.md`,
    body: '',
    data: sectionSchema.parse({ title: id, ...data }),
  });
  const entry = (id: string, data: Record<string, unknown>, body = '') => ({
    id,
    slug: id.split('/')[1]!,
    file: `content/entries/${id}.md`,
    body,
    data: entrySchema.parse({ title: id, url: `https://example.com/${id}`, section: id.split('/')[0], ...data }),
  });

  test('lists each section’s own and cross-listed entries in reading order, by the declared groups', () => {
    const expected = expectedSite({
      list: {
        id: 'list',
        file: 'content/list.md',
        body: '',
        data: listSchema.parse({
          title: 'L',
          groups: [
            { id: 'why', heading: 'Why' },
            { id: 'how', heading: 'How' },
          ],
        }),
      },
      sections: [section('teams', { order: 2 }), section('orgs', { order: 1, groups: [] })],
      entries: [
        entry('teams/late', { kind: 'why', order: 2 }),
        entry('teams/how-to', { kind: 'how', also_in: [{ section: 'orgs', order: 1 }] }, 'A note[^1].\n\n[^1]: Source.'),
        entry('teams/early', { kind: 'why', order: 1 }),
        entry('orgs/only', { order: 2 }),
      ],
    });
    expect(expected.sections).toEqual([
      { id: 'orgs', order: ['teams/how-to', 'orgs/only'] },
      { id: 'teams', order: ['teams/early', 'teams/late', 'teams/how-to'] },
    ]);
    const howTo = expected.entries.find((found) => found.id === 'teams/how-to')!;
    expect(howTo.listedIn).toEqual(['teams', 'orgs']);
    // The notes' words, read from the Markdown's syntax tree, not from the HTML the page shows.
    expect(howTo.notes).toBe('A note 1 . Footnotes Source. ↩');
    expect(howTo.notesMarkdown).toBe('A note[^1].\n\n[^1]: Source.');
  });
});

describe('checkOutput with the verdicts of a previous build', () => {
  const memoFile = () => join(outDir, '..', `${outDir.split('/').pop()}-memo.json`);
  afterEach(() => rmSync(memoFile(), { force: true }));

  /** Checks the site as a build does: with the memory the last build saved, saving this build's. */
  function checkAsABuild(expected: ExpectedSite = site, code = 'checker v1') {
    const memo = CheckMemo.load(memoFile(), code);
    const problems = checkOutput(outDir, expected, memo);
    if (problems.length === 0) memo.save(memoFile());
    return { problems, reused: memo.reused };
  }

  test('keeps the verdict of every page that is byte for byte what a passing build checked', () => {
    writeGoodSite();
    expect(checkAsABuild()).toEqual({ problems: [], reused: 0 });
    // Two sections and three permalink pages, all unchanged.
    expect(checkAsABuild()).toEqual({ problems: [], reused: 5 });
  });

  test('checks again, and fails, a page whose bytes changed since the passing build', () => {
    writeGoodSite();
    checkAsABuild();
    write('essays/b/index.html', entryHtml(byId('essays/b'), 'article', { title: 'B, retitled by a bug' }));
    write('essays/page/2/index.html', listing('essays', ''));
    expect(checkAsABuild()).toEqual({
      problems: [
        { entry: 'tools/c', message: 'appears 0 times in the essays listing; expected once' },
        { entry: 'essays/b', message: 'permalink page: the title is not shown as written' },
      ],
      reused: 3,
    });
  });

  test('checks again, and fails, an unchanged page when the content now expects something else of it', () => {
    writeGoodSite();
    checkAsABuild();
    const retitled = { ...site, entries: entries.map((entry) => (entry.id === 'essays/b' ? { ...entry, title: 'B2' } : entry)) };
    const { problems } = checkAsABuild(retitled);
    expect(problems).toEqual([
      { entry: 'essays/b', message: 'the essays listing: the title is not shown as written' },
      { entry: 'essays/b', message: 'permalink page: the title is not shown as written' },
    ]);
  });

  test('forgets every verdict when the checking code changed', () => {
    writeGoodSite();
    checkAsABuild(site, 'checker v1');
    expect(checkAsABuild(site, 'checker v2').reused).toBe(0);
  });

  test('keeps no verdict for a page that failed', () => {
    writeGoodSite();
    write('tools/c/index.html', entryHtml(byId('tools/c'), 'article', { quotes: ['A tool quote, changed.'] }));
    const memo = CheckMemo.load(memoFile(), 'checker v1');
    expect(checkOutput(outDir, site, memo)).not.toEqual([]);
    memo.save(memoFile());
    const again = CheckMemo.load(memoFile(), 'checker v1');
    expect(checkOutput(outDir, site, again)).toEqual([
      { entry: 'tools/c', message: 'permalink page: quote 1 is missing or changed' },
    ]);
    expect(again.reused).toBe(4);
  });
});
