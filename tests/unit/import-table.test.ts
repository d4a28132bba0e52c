/** The table reader (src/import/readers/table.ts): a row with a link is an entry. */
import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { markdownOf, parsePage } from '../../src/import/markdown.ts';
import { readTable } from '../../src/import/readers/table.ts';

const table = (markdown: string) => parsePage(markdown).tree.children[0] as Table;
const noUrl = () => undefined;

describe('a table of entries', () => {
  it('reads the link cell as the entry, the description column as its description, short cells as <column>-<value> tags', () => {
    const read = readTable(
      table(
        [
          '| API | Description | Auth | HTTPS | Year |',
          '|---|---|---|---|---|',
          '| [Skycast](https://sky.example/) | Hourly forecasts | `apiKey` | Yes | 2019 |',
        ].join('\n'),
      ),
      noUrl,
    );
    expect(read.entries).toMatchObject([
      {
        line: 3,
        entry: {
          links: [{ title: 'Skycast', url: 'https://sky.example/' }],
          description: 'Hourly forecasts',
          tags: ['auth-apikey', 'https-yes', 'year-2019'],
        },
        notes: [],
      },
    ]);
  });

  it('takes the longest cell as the description when no column is named so, and keeps other long cells as note lines', () => {
    const read = readTable(
      table(
        [
          '| Name | What it does | Where it runs |',
          '|---|---|---|',
          '| [Pad](https://pad.example/) | A notepad that saves every keystroke | Linux, macOS and Windows alike |',
        ].join('\n'),
      ),
      noUrl,
    );
    expect(read.entries[0]?.entry.description).toBe('A notepad that saves every keystroke');
    expect(read.entries[0]?.notes).toEqual(['Where it runs: Linux, macOS and Windows alike']);
  });

  it('keeps a row without a link as text, naming its columns', () => {
    const read = readTable(table('| API | Auth |\n|---|---|\n| Coming soon | No |'), noUrl);
    expect(read.entries).toEqual([]);
    expect(read.rows).toEqual([{ line: 3, markdown: 'API: Coming soon; Auth: No' }]);
    expect(markdownOf([])).toBe('');
  });
});
