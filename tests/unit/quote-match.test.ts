/** The quote checker's pure parts: folding, matching, differences, rewrites, page text and charsets. */
import { describe, expect, it } from 'vitest';
import { decodeBody, declaredCharset, htmlToText, pageEncoding } from '../../src/links/page-text.ts';
import { looksLikeLogin, type PageFetch } from '../../src/links/fetch-page.ts';
import { judgeQuotes, passageLinkHighlights } from '../../src/links/quote-check.ts';
import { allowedEdits, cleanWording, foldText, matchQuote, quoteParts, typographicRewrite } from '../../src/links/quote-match.ts';

const PAGE = foldText(
  [
    'Intro line.',
    'We said: “Don’t ship it” — and then\u00A0we shipped it anyway.',
    'Self\u00ADservice analytics is a long\u200Bstanding promise.',
    'Frequent small changes over infrequent large changes, always. The end is near… or is it?',
    'The concatenated catalogue.',
  ].join('\n'),
);

describe('foldText', () => {
  it('folds what a reader does not see as different, and maps each folded character back', () => {
    const folded = foldText('A\u00A0 “quote” —\tand it’s…\u00ADdone');
    expect(folded.text).toBe(`A "quote"-and it's...done`);
    // The dash (with its spaces) points back at the em dash; the three dots at the one ellipsis.
    expect(folded.source.slice(folded.start[9], folded.end[9])).toBe('—');
    expect([...folded.start.slice(18, 21)]).toEqual([21, 21, 21]);
  });

  it('treats every dash and dash-like run alike', () => {
    const texts = ['a - b', 'a—b', 'a -- b', 'a – b', 'a\u2212b', 'a-b'].map((text) => foldText(text).text);
    expect(new Set(texts)).toEqual(new Set(['a-b']));
  });

  it('composes accents so é and e + ◌́ match', () => {
    expect(foldText('cafe\u0301').text).toBe(foldText('café').text);
  });
});

describe('quoteParts', () => {
  it('drops an editor’s leading and trailing ellipsis and splits at the ones inside', () => {
    const quote = '... We tried everything […] and it failed … twice...';
    const { whole, parts } = quoteParts(quote);
    expect(quote.slice(whole.start, whole.end)).toBe('We tried everything […] and it failed … twice');
    expect(parts.map((part) => quote.slice(part.start, part.end))).toEqual(['We tried everything', 'and it failed', 'twice']);
  });
});

describe('matchQuote', () => {
  it('finds a quote word for word after folding, with the page’s own wording and what differs', () => {
    const match = matchQuote(PAGE, `We said: "Don't ship it" - and then we shipped it anyway.`);
    expect(match.verdict).toBe('found');
    expect(match.pageWording).toBe('We said: “Don’t ship it” — and then we shipped it anyway.');
    expect(match.differences).toEqual([
      { kind: 'quotation marks', quote: '"', page: '“ ”' },
      { kind: 'apostrophes', quote: "'", page: '’' },
      { kind: 'dashes', quote: ' - ', page: ' — ' },
    ]);
  });

  it('ignores soft hyphens and zero-width spaces on the page, and leaves them out of its wording', () => {
    const match = matchQuote(PAGE, 'Selfservice analytics is a longstanding promise.');
    expect(match).toMatchObject({ verdict: 'found', differences: [] });
    expect(match.pageWording).toBe('Selfservice analytics is a longstanding promise.');
  });

  it('accepts a capitalised first letter (a quote may start mid-sentence) but reports other case changes as close', () => {
    expect(matchQuote(PAGE, 'Analytics is a longstanding promise')).toMatchObject({ verdict: 'found', differences: [] });
    expect(matchQuote(PAGE, 'analytics is a LONGSTANDING promise')).toMatchObject({
      verdict: 'close',
      differences: [{ kind: 'letter case', quote: 'LONGSTANDING', page: 'longstanding' }],
    });
  });

  it('finds the parts of a quote that leaves words out, in order, and not in the wrong order', () => {
    expect(matchQuote(PAGE, 'Frequent small changes … always.').verdict).toBe('found');
    expect(matchQuote(PAGE, 'The end is near... or is it?').verdict).toBe('found');
    expect(matchQuote(PAGE, 'always. … Frequent small changes').verdict).toBe('not-found');
  });

  it('does not find a quote inside another word', () => {
    expect(matchQuote(PAGE, 'cat').verdict).toBe('not-found');
    expect(matchQuote(PAGE, 'catalogue').verdict).toBe('found');
  });

  it('calls a quote with a word changed, dropped or added close, and says which', () => {
    expect(matchQuote(PAGE, 'Frequent small shifts over infrequent large changes')).toMatchObject({
      verdict: 'close',
      differences: [{ kind: 'words', quote: 'shifts', page: 'changes' }],
      pageWording: 'Frequent small changes over infrequent large changes',
    });
    expect(matchQuote(PAGE, 'Frequent small changes over large changes, always.').differences).toEqual([
      { kind: 'words', quote: '', page: 'infrequent' },
    ]);
    expect(matchQuote(PAGE, 'Frequent small changes over very infrequent large changes').differences).toEqual([
      { kind: 'words', quote: 'very', page: '' },
    ]);
    expect(matchQuote(PAGE, 'Frequent small changes over infrequent large changes always').differences).toEqual([
      { kind: 'punctuation', quote: 'changes', page: 'changes,' },
    ]);
  });

  it('does not call too different a quote close, nor a short one with any word changed', () => {
    expect(matchQuote(PAGE, 'Rare big shifts over frequent small changes').verdict).toBe('not-found');
    expect(matchQuote(PAGE, 'small shifts over').verdict).toBe('not-found');
    expect([3, 4, 9, 10, 50].map(allowedEdits)).toEqual([0, 1, 1, 2, 10]);
  });
});

describe('typographicRewrite (what --fix-wording may write)', () => {
  it('rewrites typography only, keeping the quote’s own ellipses and first-letter case', () => {
    const quote = `... we said: "Don't ship it" - and then we shipped it anyway.`;
    expect(typographicRewrite(quote, matchQuote(PAGE, quote))).toBe(
      '... we said: “Don’t ship it” — and then we shipped it anyway.',
    );
  });

  it('rewrites nothing for a close quote, an exact one, or a rewrite that would change a letter', () => {
    const close = 'Frequent small shifts over infrequent large changes';
    expect(typographicRewrite(close, matchQuote(PAGE, close))).toBeUndefined();
    const exact = 'Frequent small changes over infrequent large changes';
    expect(typographicRewrite(exact, matchQuote(PAGE, exact))).toBeUndefined();
    const forged = { ...matchQuote(PAGE, `We said: "Don't ship it"`), pageWording: 'We said: “Do ship it”' };
    expect(typographicRewrite(`We said: "Don't ship it"`, forged)).toBeUndefined();
  });
});

describe('passageLinkHighlights', () => {
  it('is true when the text fragment’s terms are on the page as written (case aside), false for other typography', () => {
    expect(passageLinkHighlights(PAGE, 'frequent small changes over infrequent large changes')).toBe(true);
    expect(passageLinkHighlights(PAGE, `We said: "Don't ship it"`)).toBe(false);
    expect(passageLinkHighlights(PAGE, 'We said: “Don’t ship it”')).toBe(true);
  });
});

describe('judgeQuotes', () => {
  const page = (
    text: string,
    extra: Partial<{ scripts: number; passwordField: boolean; notFree: boolean }> = {},
    truncated = false,
  ): PageFetch => ({
    kind: 'page',
    url: 'https://a.example/',
    finalUrl: 'https://a.example/',
    redirects: [],
    requests: 1,
    mediaType: 'text/html',
    encoding: 'UTF-8',
    truncated,
    text: { text, scripts: 0, passwordField: false, notFree: false, ...extra },
  });
  const long = 'word '.repeat(200);

  it('excuses a missing quote only when the page says why', () => {
    expect(judgeQuotes(['gone'], page(long), 1024)[0]!.verdict).toBe('not-found');
    expect(judgeQuotes(['gone'], page(long, {}, true), 2 * 1024 * 1024)[0]).toMatchObject({
      verdict: 'could-not-check',
      cause: 'too-large',
      reason: 'the page is larger than 2 MB and the passage is not in its first 2 MB',
    });
    expect(judgeQuotes(['gone'], page('Loading…', { scripts: 2 }), 1024)[0]).toMatchObject({
      cause: 'needs-javascript',
      reason: 'the page shows only 1 words without running its scripts (it needs JavaScript)',
    });
    expect(judgeQuotes(['gone'], page(long, { passwordField: true }), 1024)[0]!.cause).toBe('login');
    expect(judgeQuotes(['word word'], page(long, { notFree: true }), 1024)[0]!.verdict).toBe('found');
  });
});

describe('page text', () => {
  it('joins text across inline elements, breaks at blocks and <br>, and leaves out what is not shown', () => {
    const page = htmlToText(
      '<title>T</title><p>One <em>two</em> <a href="x">three</a><br>four</p><div hidden>no</div><p style="DISPLAY:none !important">no</p>' +
        '<p style="visibility: hidden">no</p><div hidden="until-found">revealed</div><span aria-hidden="true">seen</span><noscript>no</noscript><template>no</template>' +
        '<script>no()</script><script type="application/ld+json">{"isAccessibleForFree": "False"}</script><input type="password">',
    );
    expect(cleanWording(page.text)).toBe('One two three four revealed seen');
    expect(page).toMatchObject({ scripts: 1, passwordField: true, notFree: true });
  });

  it('honours the HTTP charset, then <meta charset>, and otherwise tells UTF-8 from windows-1252 by the bytes', () => {
    const latin = Buffer.from('<p>Café</p>', 'latin1');
    expect(declaredCharset('text/html; charset="ISO-8859-1"')).toBe('ISO-8859-1');
    expect(declaredCharset('not a type')).toBeUndefined();
    expect(decodeBody(latin, 'text/html; charset=iso-8859-1', true)).toEqual({ text: '<p>Café</p>', encoding: 'windows-1252' });
    expect(pageEncoding(Buffer.from('<meta charset="utf-8"><p>Caf\xe9</p>', 'latin1'), 'text/html; charset=latin1', true)).toBe(
      'windows-1252',
    );
    expect(pageEncoding(Buffer.from('<meta charset="iso-8859-2">'), 'text/html', true)).toBe('ISO-8859-2');
    expect(pageEncoding(latin, 'text/html', true)).toBe('windows-1252');
    expect(pageEncoding(Buffer.from('<p>Café</p>'), 'text/html', true)).toBe('UTF-8');
    // A UTF-8 body cut in the middle of a character is still UTF-8.
    expect(pageEncoding(Buffer.from('<p>Café</p>').subarray(0, 8), null, true)).toBe('UTF-8');
  });
});

describe('looksLikeLogin', () => {
  it('knows login, sign-in and subscription pages by their path', () => {
    expect(
      ['https://a.example/login?next=/x', 'https://a.example/account/sign-in', 'https://a.example/subscribe'].map(looksLikeLogin),
    ).toEqual([true, true, true]);
    expect(['https://a.example/blog/logging-in-production', 'https://a.example/posts/authors'].map(looksLikeLogin)).toEqual([
      false,
      false,
    ]);
  });
});
