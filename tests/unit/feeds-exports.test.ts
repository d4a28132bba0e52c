import { describe, expect, test } from 'vitest';
import type { EntryRecord } from '../../src/site/entry-record.ts';
import { addDate, bookmarksHtml, entriesJson, ENTRIES_JSON_VERSION } from '../../src/site/exports.ts';
import { absoluteUrl, feedContent, feedItems, sectionFeedPath } from '../../src/site/feeds.ts';

const record = (over: Partial<EntryRecord> = {}): EntryRecord => ({
  id: 'sec/post',
  title: 'Fish & <Chips>',
  url: 'https://example.com/post?a=1&b=2',
  domain: 'example.com',
  section: 'sec',
  sectionTitle: 'Section',
  kind: 'framing',
  listings: [{ section: 'sec', kind: 'framing' }],
  quotes: ['He said "<b>hi</b>" & left'],
  tags: ['food', 'uk'],
  added: '2024-05-31',
  addedFrom: 'entry',
  status: undefined,
  archive: 'https://web.archive.org/web/https://example.com/post?a=1&b=2',
  path: 'sec/post/',
  notes: 'A note',
  notesHtml: '<p>A note</p>',
  ...over,
});

describe('feeds', () => {
  test('an item links to the permalink, dates from added, and escapes the quotes in its content', () => {
    const [item] = feedItems([record()], 'https://site.example', '/list/');
    expect(item).toEqual({
      title: 'Fish & <Chips>',
      link: 'https://site.example/list/sec/post/',
      pubDate: new Date('2024-05-31T00:00:00Z'),
      description: 'He said "<b>hi</b>" & left',
      content: [
        '<p><a href="https://example.com/post?a=1&amp;b=2">Fish &amp; &lt;Chips&gt;</a> (example.com)</p>',
        '<blockquote><p>He said &quot;&lt;b&gt;hi&lt;/b&gt;&quot; &amp; left</p></blockquote>',
        '<p>A note</p>',
      ].join('\n'),
      categories: ['Section', 'food', 'uk'],
    });
  });
  test('items come newest first; an undated entry has no pubDate and comes last', () => {
    const items = feedItems(
      [
        record({ id: 'a', path: 'a/', added: undefined }),
        record({ id: 'b', path: 'b/', added: '2024-01-01' }),
        record({ id: 'c', path: 'c/', added: '2024-02-01' }),
      ],
      'https://site.example',
      '/',
    );
    expect(items.map((item) => [item.link, item.pubDate?.toISOString()])).toEqual([
      ['https://site.example/c/', '2024-02-01T00:00:00.000Z'],
      ['https://site.example/b/', '2024-01-01T00:00:00.000Z'],
      ['https://site.example/a/', undefined],
    ]);
  });
  test('a dead entry’s content says so and links the archived copy', () => {
    expect(feedContent(record({ quotes: [], notesHtml: '', status: { state: 'dead', checked: '2024-06-01' } }))).toBe(
      '<p><a href="https://example.com/post?a=1&amp;b=2">Fish &amp; &lt;Chips&gt;</a> (example.com)</p>\n' +
        '<p>Link dead since 2024-06-01. <a href="https://web.archive.org/web/https://example.com/post?a=1&amp;b=2">Archived copy</a>.</p>',
    );
  });
  test('paths and absolute URLs respect the base', () => {
    expect(sectionFeedPath('data-platforms')).toBe('data-platforms/rss.xml');
    expect(absoluteUrl('https://u.github.io', '/commonplace/', 'rss.xml')).toBe('https://u.github.io/commonplace/rss.xml');
  });
});

describe('entries.json', () => {
  const sections = [
    { id: 'sec', title: 'Section', summary: 'S', parent: null, groups: ['framing'], page: 'https://site.example/sec/' },
    { id: 'sub', title: 'Sub', summary: null, parent: 'sec', groups: [], page: 'https://site.example/sub/' },
  ];
  const groups = [{ id: 'framing', heading: 'Framing' }];

  test('holds a version and every entry with its derived fields; non-http URLs are left out', () => {
    const json = entriesJson({
      title: 'List',
      description: undefined,
      home: 'https://site.example/',
      groups,
      sections,
      entries: [record(), record({ id: 'sec/bad', url: 'javascript:alert(1)' })],
      permalink: (entry) => `https://site.example/${entry.path}`,
    });
    expect(json.version).toBe(ENTRIES_JSON_VERSION);
    expect(json.description).toBeNull();
    expect(json.entries).toEqual([
      {
        id: 'sec/post',
        title: 'Fish & <Chips>',
        url: 'https://example.com/post?a=1&b=2',
        section: 'sec',
        kind: 'framing',
        listings: [{ section: 'sec', kind: 'framing' }],
        quotes: ['He said "<b>hi</b>" & left'],
        tags: ['food', 'uk'],
        added: '2024-05-31',
        addedFrom: 'entry',
        status: null,
        archive: 'https://web.archive.org/web/https://example.com/post?a=1&b=2',
        permalink: 'https://site.example/sec/post/',
        notes: 'A note',
      },
    ]);
  });

  test('version 2 holds the declared groups, the section tree with parents and groups, and every place an entry is listed', () => {
    const json = entriesJson({
      title: 'List',
      description: 'About',
      home: 'https://site.example/',
      groups,
      sections,
      entries: [
        record({
          id: 'sub/plain',
          section: 'sub',
          kind: undefined,
          listings: [
            { section: 'sub', kind: undefined },
            { section: 'sec', kind: 'framing' },
          ],
        }),
      ],
      permalink: (entry) => `https://site.example/${entry.path}`,
    });
    expect(ENTRIES_JSON_VERSION).toBe(2);
    expect(json.groups).toEqual(groups);
    expect(json.sections).toEqual(sections);
    // JSON has no undefined: a missing group is written null, so every entry has the same keys.
    const [entry] = JSON.parse(JSON.stringify(json.entries)) as typeof json.entries;
    expect(entry!.kind).toBeNull();
    expect(entry!.listings).toEqual([
      { section: 'sub', kind: null },
      { section: 'sec', kind: 'framing' },
    ]);
  });
});

describe('bookmarks.html', () => {
  test('is a Netscape bookmark file: a folder per section, ADD_DATE, TAGS, everything escaped, http(s) only', () => {
    const html = bookmarksHtml('My <List>', [
      {
        title: 'Section & Co',
        entries: [
          record(),
          record({
            id: 'sec/undated',
            title: 'Undated',
            url: 'http://example.org/',
            added: undefined,
            tags: [],
            quotes: [],
            notes: '',
          }),
          record({ url: 'data:text/html,x' }),
        ],
        folders: [],
      },
      { title: 'Empty', entries: [], folders: [] },
    ]);
    expect(html).toBe(
      [
        '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
        '<!-- This is an automatically generated file. -->',
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
        '<TITLE>My &lt;List&gt;</TITLE>',
        '<H1>My &lt;List&gt;</H1>',
        '<DL><p>',
        '    <DT><H3>Section &amp; Co</H3>',
        '    <DL><p>',
        '        <DT><A HREF="https://example.com/post?a=1&amp;b=2" ADD_DATE="1717113600" TAGS="food,uk">Fish &amp; &lt;Chips&gt;</A>',
        '        <DD>“He said &quot;&lt;b&gt;hi&lt;/b&gt;&quot; &amp; left” A note',
        '        <DT><A HREF="http://example.org/">Undated</A>',
        '    </DL><p>',
        '</DL><p>',
        '',
      ].join('\n'),
    );
  });
  test('folders nest as the sections do; a cross-listed entry is in each folder; a folder with nothing below it is left out', () => {
    const shared = record({
      id: 'a/shared',
      title: 'Shared',
      url: 'https://example.com/shared',
      added: undefined,
      tags: [],
      quotes: [],
      notes: '',
    });
    const own = record({
      id: 'b/own',
      title: 'Own',
      url: 'https://example.com/own',
      added: undefined,
      tags: [],
      quotes: [],
      notes: '',
    });
    const html = bookmarksHtml('L', [
      {
        title: 'Page',
        entries: [],
        folders: [
          { title: 'A', entries: [shared], folders: [{ title: 'Empty below A', entries: [], folders: [] }] },
          { title: 'B', entries: [own, shared], folders: [] },
        ],
      },
    ]);
    expect(html.split('\n').slice(5)).toEqual([
      '<DL><p>',
      '    <DT><H3>Page</H3>',
      '    <DL><p>',
      '        <DT><H3>A</H3>',
      '        <DL><p>',
      '            <DT><A HREF="https://example.com/shared">Shared</A>',
      '        </DL><p>',
      '        <DT><H3>B</H3>',
      '        <DL><p>',
      '            <DT><A HREF="https://example.com/own">Own</A>',
      '            <DT><A HREF="https://example.com/shared">Shared</A>',
      '        </DL><p>',
      '    </DL><p>',
      '</DL><p>',
      '',
    ]);
  });
  test('ADD_DATE is seconds since the epoch at midnight UTC', () => {
    expect(addDate('1970-01-02')).toBe('86400');
  });
});
