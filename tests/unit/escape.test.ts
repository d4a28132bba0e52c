import { expect, test } from 'vitest';
import { escapeHtml } from '../../src/site/escape.ts';

test('escapeHtml escapes the five characters that can end text or an attribute', () => {
  expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});
