/** Contributed text in GitHub Markdown stays text: checked against a real CommonMark + GFM parser. */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blockquote, codeBlock, inlineCode, inlineText, link, oneLine } from '../../src/contributing/markdown.ts';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode;

/** Every node type in the tree, depth first. */
function nodeTypes(node: MdNode): string[] {
  return [node.type, ...(node.children ?? []).flatMap(nodeTypes)];
}

/** The text a reader sees, joined. */
function visibleText(node: MdNode): string {
  return (node.value ?? '') + (node.children ?? []).map(visibleText).join('');
}

const hostile = [
  '@octocat please look',
  'fixes #123 and GH-4',
  '<script>alert(1)</script> <img src=x onerror=alert(1)>',
  '[click](javascript:alert(1)) ![img](https://evil.example/x.png)',
  'see https://evil.example and www.evil.example or mail me@evil.example',
  '**bold** _em_ ~~gone~~ `code` | a | b |',
  '&lt;b&gt; &amp; &#x40;',
  '# heading\n- list\n> quote\n---',
  '$(rm -rf /) `whoami` ; echo pwned',
  '\\ back\\slash \\* star',
];

describe('inlineText', () => {
  it.each(hostile)('keeps %j as one paragraph of plain text', (text) => {
    const tree = parse(inlineText(text));
    expect(nodeTypes(tree)).toEqual(['root', 'paragraph', 'text']);
  });

  it('shows the text a reader wrote, apart from the invisible joiners', () => {
    for (const text of hostile) {
      expect(visibleText(parse(inlineText(text))).replace(/\u200D/g, '')).toBe(oneLine(text));
    }
  });

  it('breaks mentions and issue references with an invisible joiner', () => {
    const text = visibleText(parse(inlineText('@octocat fixes #123')));
    expect(text).not.toMatch(/@[a-z]/);
    expect(text).not.toMatch(/#\d/);
  });

  it('makes hidden control and direction characters visible', () => {
    expect(oneLine('a\u202Eb\u0007c')).toBe('a\uFFFDb\uFFFDc');
  });
});

describe('codeBlock', () => {
  it('holds text with backtick fences in it verbatim, whatever runs of backticks it has', () => {
    const text = 'before\n```\n@octocat <b>x</b>\n````\nafter ``````';
    const tree = parse(`${codeBlock(text)}\n\nOutside`);
    expect(tree.children?.map((child) => child.type)).toEqual(['code', 'paragraph']);
    expect(tree.children?.[0]?.value).toBe(text);
  });
});

describe('inlineCode', () => {
  it('keeps backticks inside the span', () => {
    for (const text of ['a`b', '`start', 'end`', '``double``']) {
      const tree = parse(inlineCode(text));
      expect(nodeTypes(tree)).toEqual(['root', 'paragraph', 'inlineCode']);
      expect(tree.children?.[0]?.children?.[0]?.value).toBe(text);
    }
  });
});

describe('link', () => {
  it('links an http(s) address with escaped text, even with parentheses and spaces in it', () => {
    const tree = parse(link('A [title] (x)', 'https://example.com/a_(b) c?q=<d>'));
    const anchor = tree.children?.[0]?.children?.[0];
    expect(anchor?.type).toBe('link');
    expect(anchor?.url).toBe('https://example.com/a_(b)%20c?q=%3Cd%3E');
    expect(visibleText(anchor!)).toBe('A [title] (x)');
  });

  it('shows any other scheme as text, not a link', () => {
    expect(nodeTypes(parse(link('x', 'javascript:alert(1)')))).toEqual(['root', 'paragraph', 'text']);
  });
});

describe('blockquote', () => {
  it('is one quote of literal text, its lines joined as a page shows them', () => {
    const tree = parse(blockquote('line one\n\n> not nested\n- not a list'));
    expect(nodeTypes(tree)).toEqual(['root', 'blockquote', 'paragraph', 'text']);
    expect(visibleText(tree)).toBe('line one > not nested - not a list');
  });
});
