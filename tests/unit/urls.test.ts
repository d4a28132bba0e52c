import { describe, expect, test } from 'vitest';
import { domainOf, normaliseUrl } from '../../src/content/urls.ts';

describe('normaliseUrl', () => {
  test.each([
    ['the scheme', 'http://example.com/post', 'https://example.com/post'],
    ['a leading www.', 'https://www.example.com/post', 'https://example.com/post'],
    ['the case of the host', 'https://Example.COM/post', 'https://example.com/post'],
    ['a trailing slash', 'https://example.com/post/', 'https://example.com/post'],
    ['several trailing slashes', 'https://example.com/post//', 'https://example.com/post'],
    ['utm_* parameters', 'https://example.com/post?utm_source=feed&utm_medium=rss&utm_campaign=x', 'https://example.com/post'],
    ['utm_* parameters in capitals', 'https://example.com/post?UTM_Source=feed', 'https://example.com/post'],
    ['an empty fragment', 'https://example.com/post#', 'https://example.com/post'],
    ['an empty query', 'https://example.com/post?', 'https://example.com/post'],
    ['the default port', 'https://example.com:443/post', 'https://example.com/post'],
    ['all of these at once', 'HTTP://WWW.Example.com/post/?utm_source=x', 'https://example.com/post'],
  ])('treats URLs differing only in %s as the same', (_what, a, b) => {
    expect(normaliseUrl(a)).toBe(normaliseUrl(b));
  });

  test('gives host, path and kept parameters without scheme', () => {
    expect(normaliseUrl('https://www.Example.com/a/b/?id=3&utm_source=x&page=2')).toBe('example.com/a/b?id=3&page=2');
  });

  test('keeps parameters other than utm_*', () => {
    expect(normaliseUrl('https://example.com/post?id=1')).not.toBe(normaliseUrl('https://example.com/post?id=2'));
    expect(normaliseUrl('https://example.com/watch?v=abc&utm_source=x')).toBe('example.com/watch?v=abc');
  });

  test('keeps a parameter that merely contains "utm"', () => {
    expect(normaliseUrl('https://example.com/post?autumn=1&xutm_a=2')).toBe('example.com/post?autumn=1&xutm_a=2');
  });

  test('keeps the case of the path', () => {
    expect(normaliseUrl('https://example.com/Post')).not.toBe(normaliseUrl('https://example.com/post'));
  });

  test('keeps a non-empty fragment', () => {
    expect(normaliseUrl('https://example.com/post#part-2')).toBe('example.com/post#part-2');
  });

  test('keeps a non-default port', () => {
    expect(normaliseUrl('https://example.com:8080/post')).toBe('example.com:8080/post');
  });

  test('keeps subdomains other than www.', () => {
    expect(normaliseUrl('https://blog.example.com/post')).toBe('blog.example.com/post');
  });

  test('reduces a site root to its host', () => {
    expect(normaliseUrl('https://example.com/')).toBe('example.com');
    expect(normaliseUrl('https://example.com')).toBe('example.com');
  });

  test('throws on text that is not a URL', () => {
    expect(() => normaliseUrl('not a url')).toThrow(TypeError);
  });
});

describe('domainOf', () => {
  test.each([
    ['https://medium.com/netflix-techblog/notebook-innovation-591ee3221233', 'medium.com'],
    ['https://www.datacamp.com/community/tutorials/machine-learning-models-api-python', 'datacamp.com'],
    ['https://blog.insightdatascience.com/how-to-deliver', 'blog.insightdatascience.com'],
    ['https://Drivendata.GitHub.io/cookiecutter-data-science/', 'drivendata.github.io'],
    ['https://example.com:8080/post', 'example.com'],
    ['https://www.www.example.com/', 'www.example.com'],
  ])('gives %s the domain %s', (url, domain) => {
    expect(domainOf(url)).toBe(domain);
  });
});
