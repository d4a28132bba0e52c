import { describe, expect, it } from 'vitest';
import { codeSpan, plainLine, terminalText } from '../../src/links/untrusted-text.ts';
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
    expect(terminalText('404 \u001b]8;;https://evil.example\u0007Not\r\nFound')).toBe('404 ]8;;https://evil.example Not Found');
  });
});
