import { describe, expect, test } from 'vitest';
import { parseContentFile, isSyntaxError } from '../../src/content/frontmatter.ts';
import { exampleEntry, sectionGuide } from '../../src/site/contribute-guide.ts';
import { DEFAULT_GROUPS, entrySchema } from '../../src/schemas/content.ts';

const groups = [
  { id: 'culture', heading: 'Culture' },
  { id: 'books', heading: 'Books' },
];
const section = (id: string, data: { parent?: string; order?: number; groups?: string[] } = {}) => ({
  id,
  data: { title: id[0]!.toUpperCase() + id.slice(1), ...data },
});

describe('sectionGuide', () => {
  test('lists every section depth first with its path and the groups an entry there may name', () => {
    const rows = sectionGuide(
      [
        section('tools', { order: 2 }),
        section('teams', { parent: 'people', groups: ['books', 'culture'] }),
        section('people', { order: 1, groups: [] }),
      ],
      groups,
    );
    expect(rows.map((row) => [row.id, row.path, row.groups.map((group) => group.id)])).toEqual([
      ['people', [], []],
      ['teams', ['People'], ['books', 'culture']],
      ['tools', [], ['culture', 'books']],
    ]);
  });
});

describe('exampleEntry', () => {
  const parse = (text: string) => {
    const parsed = parseContentFile(text);
    if (isSyntaxError(parsed)) throw new Error(parsed.message);
    return entrySchema.parse(parsed.data);
  };

  test('writes a valid entry for the first section and the first group it shows', () => {
    const rows = sectionGuide([section('alpha', { order: 1 }), section('beta', { order: 2 })], DEFAULT_GROUPS);
    const data = parse(exampleEntry(rows, '2024-05-31')!);
    expect(data).toMatchObject({ section: 'alpha', kind: 'framing', added: '2024-05-31' });
  });

  test('leaves kind out when the first section shows no groups', () => {
    const data = parse(exampleEntry(sectionGuide([section('alpha', { groups: [] })], groups), '2024-05-31')!);
    expect(data.section).toBe('alpha');
    expect(data.kind).toBeUndefined();
  });

  test('writes nothing for a list without sections', () => {
    expect(exampleEntry([], '2024-05-31')).toBeUndefined();
  });
});
