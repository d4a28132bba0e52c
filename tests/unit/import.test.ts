/**
 * `npm run import`: the legacy page imports to exactly the list it became (tests/fixtures/legacy-imported,
 * a copy of `content/` as first imported, so the shipped list itself is free to grow); imports are idempotent
 * and never overwrite; several pages, `--into`, links already in the list, refusals with page lines,
 * `--skip-unmapped`, and an import that fails its checks leaves the folder exactly as it was.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import.ts';
import type { CliIo } from '../../src/cli/args.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { writeChecked } from '../../src/import/write.ts';
import { generateAwesomeReadme } from '../support/awesome-readme.ts';
import { sharedAvailable } from '../support/shared-folder.ts';

const repo = resolve(import.meta.dirname, '../..');
const legacyFixtures = join(repo, 'tests/fixtures/legacy');
const fixtures = join(repo, 'tests/fixtures/import-legacy');
const awesome = join(repo, 'tests/fixtures/import-awesome');
/** The list the legacy page imported to, byte for byte (what `content/` was before anyone added to it). */
const legacyImported = join(repo, 'tests/fixtures/legacy-imported');

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
const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

beforeEach(() => {
  out = [];
  err = [];
  dir = mkdtempSync(join(tmpdir(), 'commonplace-import-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('import of the legacy page the list came from', () => {
  it('yields the list it was first imported as, byte for byte', () => {
    expect(runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir)).toBe(0);
    const written = snapshot(dir);
    const reference = snapshot(legacyImported);
    expect([...written.keys()]).toEqual([...reference.keys()]);
    for (const [path, bytes] of reference) expect(written.get(path)?.equals(bytes), path).toBe(true);
    expect(err).toEqual([]);
    expect(out).toEqual([
      `✓ Imported 2 sections, 20 entries, 6 quotes, 1 note from tests/fixtures/legacy/platforms-and-products.md into ${dir}/ (23 files written, 0 unchanged)`,
    ]);
  });

  it('uses a copy identical to the shared legacy page, when the shared folder is there', () => {
    const shared = resolve(repo, '../shared/legacy/platforms-and-products.md');
    if (!sharedAvailable(shared)) return;
    expect(readFileSync(join(legacyFixtures, 'platforms-and-products.md')).equals(readFileSync(shared))).toBe(true);
  });

  it('changes nothing when run twice, and over the list it was imported as', () => {
    runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir);
    const first = snapshot(dir);
    out = [];
    expect(runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir)).toBe(0);
    expect(snapshot(dir)).toEqual(first);
    expect(out[0]).toMatch(/\(0 files written, 23 unchanged\)$/);

    const copy = join(dir, 'copy');
    cpSync(legacyImported, copy, { recursive: true });
    out = [];
    expect(runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', copy, '--dry-run')).toBe(0);
    expect(out).toEqual([
      `Would import 2 sections, 20 entries, 6 quotes, 1 note from tests/fixtures/legacy/platforms-and-products.md into ${copy}/ (0 files to write, 23 unchanged)`,
    ]);
  });

  it('writes nothing with --dry-run, and says what it would write', () => {
    expect(runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir, '--dry-run')).toBe(0);
    expect(snapshot(dir).size).toBe(0);
    expect(out).toHaveLength(24);
    expect(out[0]).toBe(`would write ${dir}/list.md`);
  });

  it('keeps an existing section file that differs, and says so', () => {
    const mine = '---\ntitle: "Data Platforms"\nsummary: "Edited by a maintainer"\norder: 1\n---\n';
    runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir);
    writeFileSync(join(dir, 'sections/data-platforms.md'), mine);
    out = [];
    expect(runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir)).toBe(0);
    expect(readFileSync(join(dir, 'sections/data-platforms.md'), 'utf8')).toBe(mine);
    expect(out[0]).toBe(`kept ${dir}/sections/data-platforms.md as it is (it differs from the page)`);
    expect(out[1]).toMatch(/\(0 files written, 22 unchanged\)$/);
  });
});

describe('import of the edge-case page', () => {
  it('yields content that validates, with every quote as a reader sees it', () => {
    expect(runImport(join(legacyFixtures, 'edge-cases.md'), '--out', dir)).toBe(0);
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
      // `- > - > …` is a quote holding a bulleted quote: the words a reader sees.
      yes: ['not a note, still a quote', 'null'],
    });
  });

  it('writes the canonical file: quoted YAML strings, order, description then notes', () => {
    runImport(join(legacyFixtures, 'edge-cases.md'), '--out', dir);
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

describe('values that look like numbers, booleans or null', () => {
  it('are written as text everywhere and read back as the same text', () => {
    expect(runImport(join(fixtures, 'values-that-look-like-yaml.md'), '--out', dir), err.join('\n')).toBe(0);
    const list = readReadingList(dir, repo);
    expect(list.problems).toEqual([]);
    expect(list.list?.data).toEqual({ title: '2024', description: 'true', groups: [{ id: '1e3', heading: '1e3' }] });
    expect(list.sections.map((section) => [section.id, section.data.title, section.data.groups])).toEqual([
      ['2024', '2024', ['1e3']],
      ['no', 'No', ['1e3']],
    ]);
    expect(
      list.entries.map((entry) => [entry.id, entry.data.title, entry.data.kind, entry.data.quotes, entry.body.trim()]),
    ).toEqual([
      ['2024/null', 'null', '1e3', ['0x1f'], ''],
      ['2024/true', 'true', '1e3', [], 'yes'],
      ['no/0x1f', '0x1f', '1e3', [], '- \\~'],
    ]);
    expect(readFileSync(join(dir, 'entries/no/0x1f.md'), 'utf8')).toContain(
      'section: "no"\nkind: "1e3"\norder: 1\ntags:\n  - "1e3"\n  - "true"\n',
    );
    expect(list.entries.find((entry) => entry.id === 'no/0x1f')?.data.tags).toEqual(['1e3', 'true']);
  });
});

describe('several pages at once', () => {
  it('makes each page a top-level section, its headings sub-sections, and a repeated link one cross-listed entry', () => {
    const pages = ['groups-at-top.md', 'sections-and-groups.md'].map((name) => join(fixtures, name));
    expect(runImport(...pages, '--out', dir, '--title', 'Home and Workshop'), err.join('\n')).toBe(0);
    const list = readReadingList(dir, repo);
    expect(list.problems).toEqual([]);
    expect(list.list?.data.title).toBe('Home and Workshop');
    expect(
      list.sections.map((section) => [section.id, section.data.parent ?? null, section.data.order, section.data.summary ?? null]),
    ).toEqual([
      ['field-notes', null, 1, 'Reading on keeping a garden, from soil to harvest.'],
      ['methods', 'workshop-shelf', 1, null],
      ['people', 'workshop-shelf', 3, 'Makers and what they wrote down'],
      ['tools', 'workshop-shelf', 2, null],
      ['workshop-shelf', null, 2, 'Tools, methods and the people who use them.'],
    ]);
    const measure = list.entries.find((entry) => entry.data.url === 'https://methods.example.org/measure-twice');
    expect(measure?.data.also_in).toEqual([{ section: 'tools', kind: 'power-tools', order: 2 }]);
    expect(measure?.data.quotes).toHaveLength(2);
    expect(out).toContain(
      '  tests/fixtures/import-legacy/sections-and-groups.md:35: "Measure Twice" is listed at tests/fixtures/import-legacy/sections-and-groups.md:11 too: one entry, cross-listed in "Tools"',
    );
  });

  it('puts a page under an existing section with --into', () => {
    expect(runImport(join(fixtures, 'sections-and-groups.md'), '--out', dir)).toBe(0);
    // The list declares the workshop's groups; a page using only those goes in without touching list.md.
    const page = join(dir, 'more.md');
    writeFileSync(
      page,
      '---\ntitle: Joinery\nsubtitle: Joints worth knowing\n---\n\n## Hand Tools\n\n[Dovetails by Hand](https://joinery.example.org/dovetails)\n',
    );
    out = [];
    expect(runImport(page, '--out', dir, '--into', 'methods', '--format', 'legacy'), err.join('\n')).toBe(0);
    const list = readReadingList(dir, repo);
    expect(list.problems).toEqual([]);
    expect(list.sections.find((section) => section.id === 'joinery')?.data).toEqual({
      title: 'Joinery',
      summary: 'Joints worth knowing',
      order: 1,
      parent: 'methods',
      groups: ['hand-tools'],
    });
    expect(list.entries.find((entry) => entry.slug === 'dovetails-by-hand')?.data).toMatchObject({
      section: 'joinery',
      kind: 'hand-tools',
      order: 1,
    });
  });

  it('refuses --into a section the list does not have, writing nothing', () => {
    runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir);
    const before = snapshot(dir);
    expect(runImport(join(fixtures, 'groups-at-top.md'), '--out', dir, '--into', 'no-such-section')).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    expect(err[0]).toMatch(
      /: into: no section "no-such-section" in the list to import into; the sections are "data-platforms", "data-products"$/,
    );
  });

  it('asks for the groups list.md must declare instead of changing it', () => {
    runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir);
    const before = snapshot(dir);
    expect(runImport(join(fixtures, 'groups-at-top.md'), '--out', dir)).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    expect(err.join('\n')).toContain(
      `${dir}/list.md:1: groups: the pages list entries under groups the list does not declare ("Tending", "Harvest")`,
    );
    expect(err.join('\n')).toContain(
      '  - id: framing\n    heading: "Framing"\n  - id: approach\n    heading: "Selected Approaches"\n  - id: tending',
    );
  });
});

describe('a link already in the list', () => {
  it('becomes a cross-listing of the entry that has it, with the new quotes, and is reported', () => {
    cpSync(legacyImported, dir, { recursive: true });
    const page = join(dir, 'page.md');
    writeFileSync(
      page,
      '---\ntitle: Platforms and Products\n---\n\n# Data Products\n\n## Selected Approaches\n\n[4 Pillars of Analytics](https://medium.com/analytics-and-data/4-pillars-of-analytics-1ee79e2e5f5f)\n\n> Acquire, Process, Surface, Act.\n',
    );
    expect(runImport(page, '--out', dir), err.join('\n')).toBe(0);
    const text = readFileSync(join(dir, 'entries/data-platforms/4-pillars-of-analytics.md'), 'utf8');
    expect(text).toBe(
      [
        '---',
        'title: "4 Pillars of Analytics"',
        'url: "https://medium.com/analytics-and-data/4-pillars-of-analytics-1ee79e2e5f5f"',
        'section: data-platforms',
        'kind: framing',
        'order: 5',
        'quotes:',
        '  - "Acquire, Process, Surface, Act."',
        'also_in:',
        '  - section: data-products',
        '    kind: approach',
        '    order: 1',
        '---',
        '',
        '- Acquire, Process, Surface, Act',
        '',
      ].join('\n'),
    );
    expect(
      out.some((line) => line.includes('is already in the list') && line.includes('a listing in "Data Products", 1 quote added')),
    ).toBe(true);
    expect(readReadingList(dir, repo).problems).toEqual([]);
    // Again: nothing left to add.
    out = [];
    const after = snapshot(dir);
    expect(runImport(page, '--out', dir)).toBe(0);
    expect(snapshot(dir)).toEqual(after);
  });
});

describe('a link already in a hand-written entry file', () => {
  const page = () => {
    const path = join(dir, 'page.md');
    writeFileSync(
      path,
      '---\ntitle: Toolbox\n---\n\n# Saws\n\n## Framing\n\n[The Hammer](https://tools.example.org/hammer)\n\n> Hit the nail.\n',
    );
    return path;
  };
  const setUp = (entry: string) => {
    write('list.md', '---\ntitle: "Toolbox"\n---\n');
    write('sections/hammers.md', '---\ntitle: "Hammers"\norder: 1\ngroups: []\n---\n');
    write('entries/hammers/hammer.md', entry);
  };

  it('is rewritten in the canonical layout with the new listing and quote, its data and notes kept', () => {
    setUp("---\nurl: https://tools.example.org/hammer\ntitle: 'Hammer'\nsection: hammers\n---\nMy notes.\n");
    expect(runImport(page(), '--out', dir), err.join('\n')).toBe(0);
    expect(readFileSync(join(dir, 'entries/hammers/hammer.md'), 'utf8')).toBe(
      '---\ntitle: "Hammer"\nurl: "https://tools.example.org/hammer"\nsection: hammers\nquotes:\n  - "Hit the nail."\nalso_in:\n  - section: saws\n    kind: framing\n    order: 1\n---\n\nMy notes.\n',
    );
    expect(out.some((line) => line.includes('(the file is rewritten in the layout "npm run new" writes)'))).toBe(true);
    expect(readReadingList(dir, repo).problems).toEqual([]);
  });

  it('with comments in its frontmatter is left to the maintainer, and nothing is written', () => {
    setUp('---\n# checked by hand\ntitle: Hammer\nurl: https://tools.example.org/hammer\nsection: hammers\n---\n');
    const before = snapshot(dir);
    expect(runImport(page(), '--out', dir)).toBe(1);
    expect(snapshot(dir)).toEqual(new Map(before).set('page.md', readFileSync(join(dir, 'page.md'))));
    expect(err[0]).toMatch(
      /entries\/hammers\/hammer.md:1: file: already holds https:\/\/tools.example.org\/hammer .*rewriting it would lose the comments in its frontmatter: add them by hand$/,
    );
  });
});

describe('a page it cannot fully read', () => {
  it('lists every line it cannot read with its page line, and writes nothing', () => {
    expect(runImport(join(fixtures, 'refusals.md'), '--out', dir)).toBe(1);
    expect(snapshot(dir).size).toBe(0);
    const page = 'tests/fixtures/import-legacy/refusals.md';
    expect(err).toEqual([
      `${page}:14: url: "ftp://refusals.example.com/file" must be an absolute http:// or https:// URL`,
      `${page}:16: heading: "### Too deep": on this page "#" headings are sections and "##" their groups; deeper headings are not read (what is under it is not imported)`,
      `${page}:24: table: tables are not read: write each row as a bullet "- [Name](https://…) - description"`,
      `${page}:30: line: not understood: "a bullet with no entry to belong to" is a bullet without a link; an entry is "- [Title](https://…)", and a note goes under its entry`,
      `${page}:32: kind: "Above the groups" is above the first group heading of "Loose Ends", which lists its entries under groups: add a group heading above it`,
      '✗ 8 lines could not be read (5 problems); nothing written (fix the page, or add --skip-unmapped to import the rest)',
    ]);
  });

  it('imports the rest with --skip-unmapped and says how many lines it skipped', () => {
    expect(runImport(join(fixtures, 'refusals.md'), '--out', dir, '--skip-unmapped')).toBe(0);
    expect(
      readReadingList(dir, repo)
        .entries.map((entry) => entry.data.title)
        .sort(),
    ).toEqual(['Another kept entry', 'Fine again', 'Kept entry']);
    expect(out.at(-1)).toMatch(/; skipped 8 lines that could not be read$/);
  });

  it('refuses a missing page, a missing argument and an unknown format', () => {
    expect(runImport(join(fixtures, 'no-such-page.md'))).toBe(1);
    expect(runImport()).toBe(2);
    expect(runImport(join(fixtures, 'refusals.md'), '--format', 'html')).toBe(2);
  });
});

describe('an import that fails the list’s checks', () => {
  it('leaves the folder exactly as it was, and names the problem in the output folder', () => {
    write('list.md', '---\ntitle: "Toolbox"\n---\n');
    // A maintainer keeps this section to one group; the page adds an entry to the other.
    write('sections/tools.md', '---\ntitle: "Tools"\norder: 1\ngroups:\n  - framing\n---\n');
    write(
      'entries/tools/hammer.md',
      '---\ntitle: "Hammer"\nurl: "https://tools.example.org/hammer"\nsection: tools\nkind: framing\n---\n',
    );
    const page = join(dir, 'page.md');
    writeFileSync(
      page,
      '---\ntitle: Toolbox\n---\n\n# Tools\n\n## Selected Approaches\n\n[A New Approach](https://new.example.org/approach)\n',
    );
    const before = snapshot(dir);
    expect(runImport(page, '--out', dir)).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    expect(out).toContain(`kept ${dir}/sections/tools.md as it is (it differs from the page)`);
    expect(err[0]).toMatch(
      new RegExp(`^${dir}/entries/tools/a-new-approach.md:\\d+: kind: section "tools" does not show the group "approach"`),
    );
    expect(err.at(-1)).toBe('✗ the imported list would have 1 problem; nothing written');
  });
});

describe('writing the files', () => {
  it('never overwrites a file that appeared since the plan was made, and takes back what it wrote and the folders it made', () => {
    runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir);
    const before = snapshot(dir);
    const entry = (slug: string, title: string) =>
      `---\ntitle: "${title}"\nurl: "https://late.example.org/${slug}"\nsection: data-products\nkind: framing\n---\n`;
    const files = [
      { path: 'entries/data-products/first.md', text: entry('first', 'First'), current: undefined },
      { path: 'sections/new-section.md', text: '---\ntitle: "New Section"\n---\n', current: undefined },
      {
        path: 'entries/new-section/deeper.md',
        text: entry('deeper', 'Deeper').replace('data-products', 'new-section'),
        current: undefined,
      },
      // Planned as new, but the file is there now (another import, an editor).
      { path: 'entries/data-products/one-model-to-rule-them-all.md', text: entry('second', 'Second'), current: undefined },
    ];
    expect(() => writeChecked(dir, files, { dryRun: false, projectRoot: repo, display: (path) => path })).toThrow(/EEXIST/);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, 'entries/new-section'))).toBe(false);
  });
});

describe('an awesome README', () => {
  it('imports once: a second run changes nothing and says every file is unchanged', () => {
    expect(runImport(join(awesome, 'awesome-birding.md'), '--out', dir)).toBe(0);
    const first = snapshot(dir);
    out = [];
    expect(runImport(join(awesome, 'awesome-birding.md'), '--out', dir)).toBe(0);
    expect(snapshot(dir)).toEqual(first);
    expect(out.at(-1)).toMatch(new RegExp(`\\(0 files written, ${first.size} unchanged\\)$`));
  });

  it('of 650 links imports into content that validates, and the time it took is printed', () => {
    const page = join(dir, 'README.md');
    writeFileSync(page, generateAwesomeReadme(650));
    const content = join(dir, 'content');
    const started = performance.now();
    expect(runImport(page, '--out', content)).toBe(0);
    const took = performance.now() - started;
    const list = readReadingList(content, repo);
    expect(list.problems).toEqual([]);
    expect(list.entries).toHaveLength(650);
    console.log(`[import] 650 links: ${took.toFixed(0)} ms in-process (npm run import adds Node's start-up and module loading)`);
    // Timing is a printed figure, not an assertion: the limit only keeps a stuck run from hanging.
  }, 120_000);
});
