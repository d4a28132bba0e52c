/** The quote reader (src/import/readers/quote.ts): one blockquote is one passage. */
import type { Blockquote } from 'mdast';
import { expect, it } from 'vitest';
import { parsePage } from '../../src/import/markdown.ts';
import { quoteOf } from '../../src/import/readers/quote.ts';

const quote = (markdown: string) => quoteOf(parsePage(markdown).tree.children[0] as Blockquote);

it('keeps the paragraphs of a blockquote apart, in one passage', () => {
  expect(quote('> First thought.\n>\n> Second **thought**.')).toBe('First thought.\n\nSecond thought.');
});

it('keeps the numbers of a list inside a quote, from where the list starts', () => {
  expect(quote('> The tenets are:\n>\n> 1. Small.\n> 2. Fast.')).toBe('The tenets are:\n\n1. Small.\n\n2. Fast.');
  expect(quote('> 3. Third.\n> 4. Fourth.')).toBe('3. Third.\n\n4. Fourth.');
  expect(quote('> - one\n> - two')).toBe('- one\n\n- two');
});

it('reads a quote of one bullet as its words, and an empty quote as none', () => {
  expect(quote('> - not a note, still a quote')).toBe('not a note, still a quote');
  expect(quote('>')).toBeUndefined();
});
