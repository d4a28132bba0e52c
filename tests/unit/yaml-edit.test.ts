/** Editing one field of an entry file in place: every other byte stays (comments, quoting, CRLF, order). */
import { describe, expect, it } from 'vitest';
import { withStatus } from '../../src/links/entry-status.ts';
import {
  appendTopLevelField,
  frontmatterSpan,
  removeTopLevelField,
  replaceScalar,
  YamlEditError,
} from '../../src/links/yaml-edit.ts';
import { isSyntaxError, parseContentFile } from '../../src/content/frontmatter.ts';

/** A hand-written entry: CRLF, comments everywhere, four quoting styles, keys out of canonical order. */
const HAND_WRITTEN = [
  '---',
  '# Added by hand; keep this comment',
  'kind: approach   # not framing',
  "title: 'It''s about: people'",
  'url: https://example.com/post?a=1',
  'section: reading',
  'quotes:',
  '  # the best line',
  `  - 'Don''t "ship" it - ever'   # straight quotes on purpose?`,
  '  - plain quote with a dash -- here',
  '  - >-',
  '      folded quote that is',
  '      long - really',
  '  - "double \\"quoted\\""',
  'tags: [one, two]',
  '---',
  '',
  'Notes with **bold**.',
  '',
].join('\r\n');

const dataOf = (source: string) => {
  const parsed = parseContentFile(source);
  if (isSyntaxError(parsed)) throw new Error(parsed.message);
  return parsed.data;
};

/** The bytes of `after` that differ from `before`: one stretch, given as [start, removed, inserted]. */
function changedStretch(before: string, after: string): [number, string, string] {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return [start, before.slice(start, endBefore), after.slice(start, endAfter)];
}

describe('replaceScalar (--fix-wording)', () => {
  it('rewrites a single-quoted quote in its own style and leaves every other byte, comment and CRLF as it was', () => {
    const after = replaceScalar(HAND_WRITTEN, ['quotes', 0], 'Don’t “ship” it — ever');
    expect(after).toBe(HAND_WRITTEN.replace(`'Don''t "ship" it - ever'`, `'Don’t “ship” it — ever'`));
    expect(after).toContain(`  - 'Don’t “ship” it — ever'   # straight quotes on purpose?\r\n`);
    expect(after.match(/\r\n/g)).toHaveLength(HAND_WRITTEN.match(/\r\n/g)!.length);
    expect(after).not.toMatch(/[^\r]\n/);
    expect(dataOf(after)).toEqual({
      ...dataOf(HAND_WRITTEN),
      quotes: ['Don’t “ship” it — ever', ...(dataOf(HAND_WRITTEN).quotes as string[]).slice(1)],
    });
  });

  it('keeps a plain scalar plain, and a block scalar in its block style at its indentation', () => {
    const plain = replaceScalar(HAND_WRITTEN, ['quotes', 1], 'plain quote with a dash — here');
    expect(changedStretch(HAND_WRITTEN, plain).slice(1)).toEqual(['--', '—']);
    const folded = replaceScalar(HAND_WRITTEN, ['quotes', 2], 'folded quote that is long — really');
    expect(folded).toContain('  - >-\r\n      folded quote that is long — really\r\n  - "double');
    expect((dataOf(folded).quotes as string[])[2]).toBe('folded quote that is long — really');
    expect(folded.replace('      folded quote that is long — really\r\n', '')).toBe(
      HAND_WRITTEN.replace('      folded quote that is\r\n      long - really\r\n', ''),
    );
  });

  it('quotes the new text when the old style cannot hold it, still touching only that value', () => {
    const after = replaceScalar(HAND_WRITTEN, ['quotes', 1], 'plain: quote # with YAML syntax');
    expect(after).toContain('  - "plain: quote # with YAML syntax"\r\n');
    expect((dataOf(after).quotes as string[])[1]).toBe('plain: quote # with YAML syntax');
    expect(changedStretch(HAND_WRITTEN, after)[1]).toBe('plain quote with a dash -- here');
  });

  it('refuses a path that is not text', () => {
    expect(() => replaceScalar(HAND_WRITTEN, ['quotes', 9], 'x')).toThrow(YamlEditError);
    expect(() => replaceScalar(HAND_WRITTEN, ['tags'], 'x')).toThrow('tags is not text in this file');
  });
});

describe('withStatus (--mark-dead)', () => {
  const dead = { state: 'dead' as const, checked: '2025-03-01' };

  it('appends the status as the last field, in the file’s line endings, changing nothing else', () => {
    const after = withStatus(HAND_WRITTEN, dead);
    const [start, removed, inserted] = changedStretch(HAND_WRITTEN, after);
    expect(removed).toBe('');
    expect(inserted).toBe('status:\r\n  state: dead\r\n  checked: 2025-03-01\r\n');
    expect(HAND_WRITTEN.slice(start)).toBe('---\r\n\r\nNotes with **bold**.\r\n');
    expect(dataOf(after)).toEqual({ ...dataOf(HAND_WRITTEN), status: dead });
  });

  it('removes a status written in any style, with its trailing comment, and nothing else', () => {
    const flow = HAND_WRITTEN.replace(
      'tags: [one, two]\r\n',
      'status: {state: dead, checked: 2024-01-01}  # found dead\r\ntags: [one, two]\r\n',
    );
    expect(withStatus(flow, undefined)).toBe(HAND_WRITTEN);
    const block = HAND_WRITTEN.replace(
      'quotes:\r\n',
      'status:\r\n  state: dead   # yes\r\n  checked: "2024-01-01"\r\nquotes:\r\n',
    );
    expect(withStatus(block, undefined)).toBe(HAND_WRITTEN);
  });

  it('works on LF files and on files without a trailing newline after the frontmatter', () => {
    const lf = HAND_WRITTEN.replace(/\r\n/g, '\n');
    expect(withStatus(withStatus(lf, dead), undefined)).toBe(lf);
    const bare = '---\ntitle: T\n---';
    expect(withStatus(bare, dead)).toBe('---\ntitle: T\nstatus:\n  state: dead\n  checked: 2025-03-01\n---');
  });

  it('refuses frontmatter that is not one field per line, with a clear message', () => {
    const flowMap = '---\n{title: T, url: "https://a.example/"}\n---\n';
    expect(() => appendTopLevelField(flowMap, 'status', dead, ['status: x'])).toThrow(
      'the frontmatter is not written as one field per line',
    );
    expect(() => frontmatterSpan('---\ntitle: T\n')).toThrow('the frontmatter is not closed');
    expect(removeTopLevelField(HAND_WRITTEN, 'status')).toBe(HAND_WRITTEN);
  });
});
