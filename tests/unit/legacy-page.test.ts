/** The pure legacy-page parser: structure, verbatim text, page order and unmappable lines. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLegacyPage, splitLink } from '../../src/import/legacy-page.ts';

const legacy = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/legacy', name), 'utf8');

describe('splitLink', () => {
  it('keeps parentheses, query strings and fragments in the URL', () => {
    expect(splitLink('[Bias](https://en.wikipedia.org/wiki/Bias_(statistics)): text')).toEqual({
      title: 'Bias',
      url: 'https://en.wikipedia.org/wiki/Bias_(statistics)',
      rest: ': text',
    });
    expect(splitLink('[Q](https://e.com/s?q=a+b&x=1#frag)')).toEqual({
      title: 'Q',
      url: 'https://e.com/s?q=a+b&x=1#frag',
      rest: '',
    });
  });
  it('balances brackets in the title and refuses what is not a link', () => {
    expect(splitLink('[The [Real] Title](https://e.com)')?.title).toBe('The [Real] Title');
    expect(splitLink('[No link] here')).toBeUndefined();
    expect(splitLink('[Space](https://e.com/a b)')).toBeUndefined();
    expect(splitLink('[Open](https://e.com/(a)')).toBeUndefined();
  });
});

describe('parseLegacyPage on the shipped legacy page', () => {
  const plan = parseLegacyPage(legacy('platforms-and-products.md'), 'page.md');

  it('maps the title, both sections and all 20 entries without problems', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.list?.data).toEqual({ title: 'Platforms and Products' });
    expect(plan.sections.map((section) => [section.id, section.data, section.line])).toEqual([
      ['data-platforms', { title: 'Data Platforms', summary: 'Framing and Approaches', order: 1 }, 6],
      ['data-products', { title: 'Data Products', summary: 'Framing and Approaches', order: 2 }, 51],
    ]);
    expect(plan.entries).toHaveLength(20);
  });

  it('numbers entries 1..n per section and kind in page order', () => {
    const orders = plan.entries.map((entry) => `${entry.data.section}/${entry.data.kind}/${entry.data.order}`);
    expect(orders.slice(0, 6)).toEqual([
      'data-platforms/framing/1',
      'data-platforms/framing/2',
      'data-platforms/framing/3',
      'data-platforms/framing/4',
      'data-platforms/framing/5',
      'data-platforms/approach/1',
    ]);
    expect(orders.at(-1)).toBe('data-products/approach/4');
  });

  it('keeps `- >` lines as separate quotes and `- ` lines as notes', () => {
    expect(plan.entries[0]?.data.quotes).toHaveLength(3);
    expect(plan.entries[0]?.data.quotes[2]).toBe('Frequent small changes over infrequent large changes');
    expect(plan.entries[4]?.notes).toBe('- Acquire, Process, Surface, Act');
  });
});

describe('parseLegacyPage on edge cases', () => {
  const plan = parseLegacyPage(legacy('edge-cases.md'), 'edge-cases.md');
  const byTitle = (title: string) => plan.entries.find((entry) => entry.data.title === title);

  it('understands every line of the page', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.list?.data.title).toBe('Edge Cases: “Quotes”, Colons & More');
    expect(plan.sections.map((section) => [section.id, section.data.title, section.data.summary])).toEqual([
      ['ecoles-schools', 'Écoles & “Schools” 🚀', 'Framing — and Approaches'],
      ['second-section', 'Second Section', 'A one-line summary: with a colon'],
    ]);
  });

  it('strips bold from a title, keeps the URL with parentheses and puts the description first in the notes', () => {
    const entry = byTitle('Bias (statistics)');
    expect(entry?.data.url).toBe('https://en.wikipedia.org/wiki/Bias_(statistics)');
    expect(entry?.notes).toBe('A definition — with an em dash, “curly quotes” and 🚀.');
    expect(entry?.data.quotes).toEqual([
      'A statistic is biased if it is calculated in such a way that it is systematically different from the population parameter being estimated.',
      'Second quote: "straight quotes", a # hash, and a trailing colon:',
    ]);
  });

  it('joins consecutive `>` lines and splits on blank lines and bare `>`', () => {
    const entry = byTitle('Search results with a query');
    expect(entry?.data.url).toBe('https://example.com/search?q=data+mesh&lang=en#results-2');
    expect(entry?.data.quotes).toEqual([
      'First line of a quote that continues on a second line.',
      'A separate quote after a blank line.',
      'And another after a bare marker.',
    ]);
    expect(entry?.notes).toBe(
      '- A note with `code`, **bold** and a [link](https://example.com/note).\n- Another note: ends with a colon:\n  - an indented sub-note',
    );
  });

  it('keeps non-Latin text and YAML-like words as written', () => {
    expect(byTitle('Данные и продукты — 数据产品 — البيانات')?.data.quotes).toEqual([
      'Данные — это новая нефть. 数据是新的石油。 البيانات هي النفط الجديد.',
    ]);
    expect(byTitle('yes')?.data.quotes).toEqual(['- > not a note, still a quote', 'null']);
    expect(byTitle('The [Real] Title')?.data.kind).toBe('approach');
  });

  it('makes slugs unique across the page and numbers each group from 1', () => {
    expect(plan.entries.map((entry) => [entry.slug, entry.data.kind, entry.data.order])).toEqual([
      ['bias-statistics', 'framing', 1],
      ['search-results-with-a-query', 'framing', 2],
      ['entry', 'framing', 3],
      ['the-real-title', 'approach', 1],
      ['yes', 'approach', 2],
      ['same-title', 'approach', 3],
      ['same-title-2', 'framing', 1],
    ]);
  });
});

describe('parseLegacyPage on what it cannot map', () => {
  it('reports each unmappable line with its page line number and leaves it out', () => {
    const plan = parseLegacyPage(legacy('unmapped.md'), 'unmapped.md');
    expect(plan.problems.map((problem) => `${problem.line}: ${problem.field}: ${problem.message}`)).toEqual([
      '14: group: unknown group heading "## Further Reading": use "## Framing" or "## Selected Approaches" (its entries are not imported)',
      '24: url: the same link is already on this page, at line 22',
      '26: line: not understood: "Some stray paragraph that is not an entry." (expected an entry "[Title](https://…)", a quote "> …", a note "- …" or a heading)',
      '28: url: "ftp://example.com/file" must be an absolute http:// or https:// URL',
      '30: line: not understood after the link: "and more" (write "[Title](https://…): description")',
    ]);
    expect(plan.entries.map((entry) => entry.data.title)).toEqual(['Kept entry', 'Already in the list', 'Twice on the page']);
  });

  it('reports a page without frontmatter, a section without a summary and stray quotes', () => {
    const plan = parseLegacyPage('# Alone\n## Framing\n> orphan quote\n- orphan note\n### Deep\n', 'p.md');
    expect(plan.problems.map((problem) => `${problem.line}: ${problem.field}`)).toEqual([
      '1: frontmatter',
      '1: summary',
      '3: quote',
      '4: note',
      '5: heading',
    ]);
    expect(plan.list).toBeUndefined();
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const page = '\uFEFF---\r\ntitle: T\r\n---\r\n# S\r\nSummary\r\n## Framing\r\n[A](https://e.com/a)\r\n- > q\r\n';
    const plan = parseLegacyPage(page, 'p.md');
    expect(plan.problems).toEqual([]);
    expect(plan.entries[0]?.data.quotes).toEqual(['q']);
  });
});
