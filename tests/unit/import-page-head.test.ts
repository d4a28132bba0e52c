/** The page-head reader (src/import/readers/page-head.ts): where a README's title comes from. */
import { describe, expect, it } from 'vitest';
import { isContentsHeading } from '../../src/import/conventions.ts';
import { parsePage, readerText } from '../../src/import/markdown.ts';
import { DEFAULT_TITLE, readPageTitle, titleOfFileName } from '../../src/import/readers/page-head.ts';

const title = (markdown: string, file = 'owner__my-list.md', given?: string) =>
  readPageTitle(parsePage(markdown).tree.children, file, {
    given,
    isContents: (heading) => isContentsHeading(readerText(heading)),
  });

describe('a page title', () => {
  it('is the title given first, then a # heading (even a link)', () => {
    expect(title('# Things\n', 'x.md', 'Given')).toMatchObject({ text: 'Given', source: 'given' });
    expect(title('# [Awesome Python](https://p.example/)\n')).toMatchObject({
      text: 'Awesome Python',
      line: 1,
      source: 'heading',
    });
  });

  it('is the # heading after a generated table of contents, not a ## section heading', () => {
    expect(title('## Table of Contents\n\n- [A](#a)\n\n# The List\n\n## A\n')).toMatchObject({ text: 'The List', line: 5 });
    expect(title('## Section\n\n# Later\n')).toMatchObject({ source: 'file name' });
  });

  it("is an HTML header's <h1>, else its logo's alt text", () => {
    expect(title('<div align="center">\n<h1>Awesome <em>Birds</em> &amp; Bees</h1>\n</div>\n\n## A\n')).toMatchObject({
      text: 'Awesome Birds & Bees',
      source: 'html',
    });
    expect(title('<div align="center">\n\t<img src="logo.svg" alt="Awesome">\n</div>\n')).toMatchObject({ text: 'Awesome' });
  });

  it('is the repository named by the file, and never empty', () => {
    expect(title('[![Logo](/logo.png)](https://x.example/)\n', 'binhnguyennus__awesome-scalability.md').text).toBe(
      'awesome-scalability',
    );
    expect(titleOfFileName('/lists/awesome-go/README.md')).toBe('awesome-go');
    expect(title('', '---.md')).toMatchObject({ text: DEFAULT_TITLE, source: 'default' });
  });
});
