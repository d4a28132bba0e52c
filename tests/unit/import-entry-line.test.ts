/** The entry-line reader (src/import/readers/entry-line.ts): what makes a line an entry, shared by import and export. */
import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/import/markdown.ts';
import { DEPRECATED_TAG, isEntryLine, readEntryLine } from '../../src/import/readers/entry-line.ts';

/** The first paragraph of a Markdown line (a bullet's, when it is one). */
function paragraph(markdown: string): Paragraph {
  const node = parsePage(markdown).tree.children[0]!;
  const found = node.type === 'list' ? node.children[0]!.children[0] : node;
  if (found?.type !== 'paragraph') throw new Error(`no paragraph in ${markdown}`);
  return found;
}
const read = (markdown: string) => readEntryLine(paragraph(markdown));

describe('an entry line', () => {
  it('starts with its link, after emoji characters (kept in the title) or shortcodes (tags)', () => {
    expect(read('- 🚀 [Rocket](https://r.example/) - Fast.')).toMatchObject({
      links: [{ title: 'Rocket', url: 'https://r.example/' }],
      prefix: '🚀',
      description: 'Fast.',
    });
    expect(read('- :movie_camera: [Film](https://f.example/)')?.tags).toEqual(['movie-camera']);
  });

  it('starts with its link after an image, a badge or a short bold word (a tag)', () => {
    expect(read('- ![icon](https://i.example/i.png) [Iconic](https://a.example/)')?.links[0]?.title).toBe('Iconic');
    expect(read('- [![CI](https://i.example/ci.svg)](https://ci.example/) [Built](https://b.example/)')?.links[0]?.url).toBe(
      'https://b.example/',
    );
    expect(read('- **New** [Fresh](https://n.example/) - Just out.')).toMatchObject({ tags: ['new'], description: 'Just out.' });
  });

  it('tags a struck-through link, or one said to be archived or deprecated, as deprecated', () => {
    expect(read('- ~~[Old](https://o.example/)~~ - Replaced.')).toMatchObject({
      links: [{ title: 'Old' }],
      tags: [DEPRECATED_TAG],
    });
    expect(read('- [Gone](https://g.example/) - Archived in 2020.')?.tags).toEqual([DEPRECATED_TAG]);
    expect(read('- [Kept](https://k.example/) - Still maintained.')?.tags).toEqual([]);
  });

  it('reads a short name before a bare address as an entry titled by the name', () => {
    expect(read('* Company https://company.example/')?.links).toMatchObject([
      { title: 'Company', url: 'https://company.example/' },
    ]);
    expect(read('* See the full list at https://list.example/.')).toBeUndefined();
  });

  it('makes connective text after the link a sentence of its own', () => {
    expect(read('- [**Blog**](https://b.example/), some favorites:')?.description).toBe('Some favorites:');
  });

  it('is not a line that starts with words, a code span or a legend', () => {
    for (const line of [
      '- Some of these were copied from [vinta](https://v.example/)',
      '- `MIT` - [MIT License](https://l.example/mit)',
      '- [$] means the tool is paid.',
      '- a bullet with no link',
      '- **Web Development**',
    ])
      expect(isEntryLine(paragraph(line)), line).toBe(false);
  });
});
