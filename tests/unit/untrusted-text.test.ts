import { describe, expect, it } from 'vitest';
import { oneLine as scriptsOneLine } from '../../.github/scripts/untrusted-text.mjs';
import { oneLine as markdownOneLine } from '../../src/contributing/markdown.ts';
import { codeSpan, plainLine, terminalText } from '../../src/links/untrusted-text.ts';
import { bookmarksHtml } from '../../src/site/exports.ts';
import { liveParts } from '../support/markdown-safety.ts';

describe('codeSpan', () => {
  const hostile = [
    '[click me](https://evil.example/) ![img](https://evil.example/a.png)',
    '<img src=x onerror=alert(1)> <script>alert(1)</script>',
    '@everyone @admin #1 https://evil.example www.evil.example',
    '```\n# heading\n- item',
    '`` two ticks ` one tick `',
    'bidi \u202Eevil\u202C and \u0007bell\u001b[31m',
  ];

  it.each(hostile)('keeps %j literal: no link, image, HTML or mention survives', (text) => {
    const markdown = `- entry: ${codeSpan(text)}\n`;
    const parts = liveParts(markdown);
    expect(parts).toMatchObject({ links: [], images: [], html: [], mentions: [] });
    expect(parts.code).toEqual([plainLine(text)]);
  });

  it('fences backticks with a longer run and pads a leading or trailing backtick', () => {
    expect(codeSpan('a ``b`` c')).toBe('```a ``b`` c```');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('')).toBe('(empty)');
  });

  it('cuts very long text', () => {
    expect(codeSpan('x'.repeat(1000), 10)).toBe('`xxxxxxxxx…`');
  });
});

describe('terminalText', () => {
  it('drops control characters and escape sequences, keeping one line', () => {
    expect(terminalText('404 \u001b]8;;https://evil.example\u0007Not\r\nFound')).toBe(
      '404 \uFFFD]8;;https://evil.example\uFFFDNot Found',
    );
  });
});

describe('oneLine: one rule for every untrusted-text helper', () => {
  const cases: [string, string][] = [
    ['a\r\n\tb\u2028c\u2029d', 'a b c d'],
    ['bell\u0007 esc\u001b[31m', 'bell\uFFFD esc\uFFFD[31m'],
    ['\u202Eevil\u202C \u2067iso\u2069 \u200Fmark\u061C', '\uFFFDevil\uFFFD \uFFFDiso\uFFFD \uFFFDmark\uFFFD'],
    ['c1\u0085\u009b', 'c1\uFFFD\uFFFD'],
    ['  padded  ', 'padded'],
  ];
  it.each(cases)(
    '%j is %j in the workflow scripts, the pull-request summary, the link reports and the bookmark export',
    (text, line) => {
      expect(scriptsOneLine(text)).toBe(line);
      expect(markdownOneLine(text)).toBe(line);
      expect(plainLine(text)).toBe(line);
      expect(terminalText(text)).toBe(line);
      expect(bookmarksHtml(text, [])).toContain(`<TITLE>${line}</TITLE>`);
    },
  );
});
