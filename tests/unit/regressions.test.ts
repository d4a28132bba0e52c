/** Bugs found by review, each pinned by the behaviour that was wrong. */
import { describe, expect, it } from 'vitest';
import { serialiseEntry } from '../../src/content/entry-file.ts';
import { isSyntaxError, parseContentFile } from '../../src/content/frontmatter.ts';
import { renderNotes } from '../../src/content/notes.ts';
import { slugify } from '../../src/content/slugs.ts';
import { entrySchema, isHttpUrl } from '../../src/schemas/content.ts';

describe('fixed bugs', () => {
  it('keeps a dead-link status when an entry is written and read back', () => {
    const data = entrySchema.parse({
      title: 'Gone',
      url: 'https://example.com/gone',
      section: 'data-platforms',
      kind: 'framing',
      status: { state: 'dead', checked: '2024-05-31' },
    });
    const parsed = parseContentFile(serialiseEntry(data));
    if (isSyntaxError(parsed)) throw new Error(parsed.message);
    expect(entrySchema.parse(parsed.data).status).toEqual({ state: 'dead', checked: '2024-05-31' });
  });

  it('links footnotes to ids that exist', () => {
    const html = renderNotes('A claim[^1]\n\n[^1]: The source.');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('id="user-content-fnref-1"');
    expect(html).not.toContain('user-content-user-content');
  });

  it('starts the body on the line after a closing --- that has trailing spaces', () => {
    const parsed = parseContentFile('---\ntitle: "A"\n---  \nNotes\n');
    if (isSyntaxError(parsed)) throw new Error(parsed.message);
    expect(parsed.body).toBe('Notes\n');
    expect(parsed.bodyLine).toBe(4);
  });

  it('keeps a blank first body line, so bodyLine still counts from the closing ---', () => {
    const parsed = parseContentFile('---\ntitle: "A"\n---\n\nNotes\n');
    if (isSyntaxError(parsed)) throw new Error(parsed.message);
    expect(parsed.body.split('\n').indexOf('Notes') + parsed.bodyLine).toBe(5);
  });

  it('refuses a URL with an empty host (https:///path)', () => {
    expect(isHttpUrl('https:///path-only')).toBe(false);
    expect(isHttpUrl('https://example.com/path')).toBe(true);
  });

  it('transliterates letters that have no separable accent', () => {
    expect(slugify('Œuvre complète')).toBe('oeuvre-complete');
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('Søren Kierkegaard')).toBe('soren-kierkegaard');
  });

  it('keeps links whose scheme is written in capitals', () => {
    expect(renderNotes('[ext](HTTPS://EXAMPLE.COM/post)')).toBe(
      '<p><a href="https://EXAMPLE.COM/post" rel="noopener noreferrer">ext</a></p>',
    );
  });
});

describe('images in notes', () => {
  it('shows a relative image as its alt text, so a note cannot point into the site', () => {
    expect(renderNotes('![package](../../../package.json)')).toBe('<p>package</p>');
  });
  it('keeps an absolute https image', () => {
    expect(renderNotes('![chart](https://example.com/c.png)')).toBe('<p><img src="https://example.com/c.png" alt="chart"></p>');
  });
});

describe('reserved section ids', () => {
  it("refuses a section whose id is one of the site's own paths", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readReadingList } = await import('../../src/content/content-files.ts');
    const root = mkdtempSync(join(tmpdir(), 'reserved-'));
    mkdirSync(join(root, 'sections'));
    writeFileSync(join(root, 'list.md'), '---\ntitle: "L"\n---\n');
    writeFileSync(join(root, 'sections', 'tags.md'), '---\ntitle: "Tags"\nsummary: "S"\norder: 1\n---\n');
    const { problems, sections } = readReadingList(root, root);
    expect(sections).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'sections/tags.md',
        line: 1,
        field: 'file',
        message: '"tags" is the path of one of the site\'s own pages (/tags/): choose another section id',
      },
    ]);
  });
});
