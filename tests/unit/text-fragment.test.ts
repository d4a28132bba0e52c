import { describe, expect, test } from 'vitest';
import { encodeFragmentTerm, passageText, quoteLink, spansSentences, textDirective } from '../../src/site/text-fragment.ts';

describe('encodeFragmentTerm', () => {
  test('percent-encodes the characters the text directive uses as syntax: - & ,', () => {
    expect(encodeFragmentTerm('a-b & c, d')).toBe('a%2Db%20%26%20c%2C%20d');
  });
  test('encodes spaces as %20 and non-ASCII as UTF-8 bytes', () => {
    expect(encodeFragmentTerm('it’s café')).toBe('it%E2%80%99s%20caf%C3%A9');
  });
  test('encodes # ? = and % so the fragment stays one directive', () => {
    expect(encodeFragmentTerm('50% #1 a=b?')).toBe('50%25%20%231%20a%3Db%3F');
  });
});

describe('passageText', () => {
  test('collapses whitespace and drops an editor’s trailing or leading ellipsis', () => {
    expect(passageText('  see the\n bigger   picture...')).toBe('see the bigger picture');
    expect(passageText('… and so on')).toBe('and so on');
  });
});

describe('spansSentences', () => {
  test('is true for two sentences and false for one', () => {
    expect(spansSentences('One thing. Another thing.')).toBe(true);
    expect(spansSentences('Frequent small changes over infrequent large changes')).toBe(false);
  });
});

describe('textDirective', () => {
  test('a short one-sentence quote is matched exactly', () => {
    expect(textDirective('Frequent small changes over infrequent large changes')).toBe(
      'Frequent%20small%20changes%20over%20infrequent%20large%20changes',
    );
  });
  test('a quote spanning sentences is matched by its first and last five words', () => {
    const quote =
      'Start with manual processes — like SQL queries or API pulls — to understand the problem space. Next, automate the repetitive parts and start manually monitoring that automation.';
    expect(textDirective(quote)).toBe(
      'Start%20with%20manual%20processes%20%E2%80%94,start%20manually%20monitoring%20that%20automation.',
    );
  });
  test('a quote over 300 characters is matched by a range even within one sentence', () => {
    const quote = `alpha ${'word '.repeat(70)}omega-end`;
    expect(textDirective(quote)).toBe('alpha%20word%20word%20word%20word,word%20word%20word%20word%20omega%2Dend');
  });
  test('a short two-sentence quote of ten words or fewer stays exact', () => {
    expect(textDirective('It works. Ship it.')).toBe('It%20works.%20Ship%20it.');
  });
  test('a quote that leaves words out with an ellipsis becomes a range around the gap', () => {
    expect(textDirective('We tried everything ... and it failed, twice')).toBe(
      'We%20tried%20everything,and%20it%20failed%2C%20twice',
    );
  });
  test('nothing left to match gives undefined', () => {
    expect(textDirective(' … ')).toBeUndefined();
  });
});

describe('quoteLink', () => {
  test('appends the directive to the article URL as written', () => {
    expect(quoteLink('https://bentoml.com/posts/2019-04-19-one-model/', 'Take a step back and see the bigger picture...')).toBe(
      'https://bentoml.com/posts/2019-04-19-one-model/#:~:text=Take%20a%20step%20back%20and%20see%20the%20bigger%20picture',
    );
  });
  test('replaces an existing fragment and keeps the query', () => {
    expect(quoteLink('https://example.com/a?b=1&c=2#section-3', 'x & y')).toBe(
      'https://example.com/a?b=1&c=2#:~:text=x%20%26%20y',
    );
  });
  test('emits nothing for a URL that is not http(s)', () => {
    expect(quoteLink('javascript:alert(1)', 'quote')).toBeUndefined();
  });
});
