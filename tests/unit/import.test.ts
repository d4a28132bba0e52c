/**
 * `npm run import`: the legacy page imports to exactly the list it became (tests/fixtures/legacy-imported,
 * a copy of `content/` as first imported, so the shipped list itself is free to grow), imports are
 * idempotent, text survives verbatim, and unmappable pages write nothing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import.ts';
import type { CliIo } from '../../src/cli/args.ts';
import { readReadingList } from '../../src/content/content-files.ts';

const repo = resolve(import.meta.dirname, '../..');
const fixtures = join(repo, 'tests/fixtures/legacy');
/** The list the legacy page imported to, byte for byte (what `content/` was before anyone added to it). */
const imported = join(repo, 'tests/fixtures/legacy-imported');

/** Every file under `dir`, as relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    try {
      files.set(name.split('\\').join('/'), readFileSync(path));
    } catch {
      // a folder
    }
  }
  return files;
}

let out: string[];
let err: string[];
let dir: string;
const io = (): CliIo => ({ cwd: repo, env: {}, out: (line) => out.push(line), err: (line) => err.push(line) });
const runImport = (...args: string[]) => main(args, io());

beforeEach(() => {
  out = [];
  err = [];
  dir = mkdtempSync(join(tmpdir(), 'commonplace-import-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('import of the legacy page', () => {
  it('yields the list it was first imported as, byte for byte', () => {
    expect(runImport(join(fixtures, 'platforms-and-products.md'), '--out', dir)).toBe(0);
    const written = snapshot(dir);
    const reference = snapshot(imported);
    expect([...written.keys()]).toEqual([...reference.keys()]);
    for (const [path, bytes] of reference) expect(written.get(path)?.equals(bytes), path).toBe(true);
    expect(err).toEqual([]);
    expect(out).toEqual([
      `✓ Imported 2 sections, 20 entries, 6 quotes, 1 note from tests/fixtures/legacy/platforms-and-products.md into ${dir}/ (23 files written, 0 unchanged)`,
    ]);
  });

  it('uses a copy identical to the shared legacy page, when the shared folder is there', () => {
    const shared = resolve(repo, '../shared/legacy/platforms-and-products.md');
    if (!existsSync(shared)) return;
    expect(readFileSync(join(fixtures, 'platforms-and-products.md')).equals(readFileSync(shared))).toBe(true);
  });

  it('changes nothing when run twice, and over the list it was imported as', () => {
    runImport(join(fixtures, 'platforms-and-products.md'), '--out', dir);
    const first = snapshot(dir);
    out = [];
    expect(runImport(join(fixtures, 'platforms-and-products.md'), '--out', dir)).toBe(0);
    expect(snapshot(dir)).toEqual(first);
    expect(out[0]).toMatch(/\(0 files written, 23 unchanged\)$/);

    const copy = join(dir, 'copy');
    cpSync(imported, copy, { recursive: true });
    out = [];
    expect(runImport(join(fixtures, 'platforms-and-products.md'), '--out', copy, '--dry-run')).toBe(0);
    expect(out).toEqual([
      `Would import 2 sections, 20 entries, 6 quotes, 1 note from tests/fixtures/legacy/platforms-and-products.md into ${copy}/ (0 files to write, 23 unchanged)`,
    ]);
  });

  it('writes nothing with --dry-run', () => {
    expect(runImport(join(fixtures, 'platforms-and-products.md'), '--out', dir, '--dry-run')).toBe(0);
    expect(snapshot(dir).size).toBe(0);
    expect(out).toHaveLength(24);
    expect(out[0]).toBe(`would write ${dir}/list.md`);
  });
});

describe('import of the edge-case page', () => {
  it('yields content that validates with every quote verbatim', () => {
    expect(runImport(join(fixtures, 'edge-cases.md'), '--out', dir)).toBe(0);
    const list = readReadingList(dir, repo);
    expect(list.problems).toEqual([]);
    expect(list.list?.data.title).toBe('Edge Cases: “Quotes”, Colons & More');
    const quotes = Object.fromEntries(list.entries.map((entry) => [entry.slug, entry.data.quotes]));
    expect(quotes).toEqual({
      'bias-statistics': [
        'A statistic is biased if it is calculated in such a way that it is systematically different from the population parameter being estimated.',
        'Second quote: "straight quotes", a # hash, and a trailing colon:',
      ],
      entry: ['Данные — это новая нефть. 数据是新的石油。 البيانات هي النفط الجديد.'],
      'same-title': [],
      'same-title-2': ['<img src=x onerror=alert(1)> stays text'],
      'search-results-with-a-query': [
        'First line of a quote that continues on a second line.',
        'A separate quote after a blank line.',
        'And another after a bare marker.',
      ],
      'the-real-title': [],
      yes: ['- > not a note, still a quote', 'null'],
    });
    expect(out).toEqual([
      `✓ Imported 2 sections, 7 entries, 9 quotes, 4 notes from tests/fixtures/legacy/edge-cases.md into ${dir}/ (10 files written, 0 unchanged)`,
    ]);
  });

  it('writes the canonical file: quoted YAML strings, order, description then notes', () => {
    runImport(join(fixtures, 'edge-cases.md'), '--out', dir);
    expect(readFileSync(join(dir, 'entries/ecoles-schools/bias-statistics.md'), 'utf8')).toBe(
      [
        '---',
        'title: "Bias (statistics)"',
        'url: "https://en.wikipedia.org/wiki/Bias_(statistics)"',
        'section: ecoles-schools',
        'kind: framing',
        'order: 1',
        'quotes:',
        '  - "A statistic is biased if it is calculated in such a way that it is systematically different from the population parameter being estimated."',
        '  - "Second quote: \\"straight quotes\\", a # hash, and a trailing colon:"',
        '---',
        '',
        'A definition — with an em dash, “curly quotes” and 🚀.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'sections/ecoles-schools.md'), 'utf8')).toBe(
      '---\ntitle: "Écoles & “Schools” 🚀"\nsummary: "Framing — and Approaches"\norder: 1\n---\n',
    );
  });
});

describe('import of a page it cannot fully map', () => {
  const existing = '---\ntitle: "Existing"\nurl: "https://example.com/existing"\nsection: tools\nkind: approach\n---\n';
  const prepare = () => {
    mkdirSync(join(dir, 'entries/tools'), { recursive: true });
    writeFileSync(join(dir, 'entries/tools/existing.md'), existing);
  };

  it('lists every unmapped line with its page line and writes nothing', () => {
    prepare();
    const before = snapshot(dir);
    expect(runImport(join(fixtures, 'unmapped.md'), '--out', dir)).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    const page = 'tests/fixtures/legacy/unmapped.md';
    expect(err).toEqual([
      `${page}:14: group: unknown group heading "## Further Reading": use "## Framing" or "## Selected Approaches" (its entries are not imported)`,
      `${page}:20: url: the same link is already in the list: entries/tools/existing.md`,
      `${page}:24: url: the same link is already on this page, at line 22`,
      `${page}:26: line: not understood: "Some stray paragraph that is not an entry." (expected an entry "[Title](https://…)", a quote "> …", a note "- …" or a heading)`,
      `${page}:28: url: "ftp://example.com/file" must be an absolute http:// or https:// URL`,
      `${page}:30: line: not understood after the link: "and more" (write "[Title](https://…): description")`,
      '✗ 6 lines could not be mapped; nothing written (fix the page, or add --skip-unmapped to import the rest)',
    ]);
    expect(out).toEqual([]);
  });

  it('imports the rest with --skip-unmapped', () => {
    prepare();
    expect(runImport(join(fixtures, 'unmapped.md'), '--out', dir, '--skip-unmapped')).toBe(0);
    expect([...snapshot(dir).keys()]).toEqual([
      'entries/tools/existing.md',
      'entries/tools/kept-entry.md',
      'entries/tools/twice-on-the-page.md',
      'list.md',
      'sections/tools.md',
    ]);
    expect(readReadingList(dir, repo).problems).toEqual([]);
  });

  it('refuses a missing page and a missing argument', () => {
    expect(runImport(join(fixtures, 'no-such-page.md'))).toBe(1);
    expect(runImport()).toBe(2);
  });
});

describe('import into a list that already has the section', () => {
  it('keeps an existing section file that differs, and says so', () => {
    mkdirSync(join(dir, 'sections'), { recursive: true });
    const mine = '---\ntitle: "Data Platforms"\nsummary: "Edited by a maintainer"\norder: 1\n---\n';
    writeFileSync(join(dir, 'sections/data-platforms.md'), mine);
    expect(runImport(join(fixtures, 'platforms-and-products.md'), '--out', dir)).toBe(0);
    expect(readFileSync(join(dir, 'sections/data-platforms.md'), 'utf8')).toBe(mine);
    expect(out[0]).toBe(`kept ${dir}/sections/data-platforms.md as it is (it differs from the page)`);
    expect(out[1]).toMatch(/\(22 files written, 0 unchanged\)$/);
  });
});
