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
import { SUGGESTION_FORM_PATH, suggestionFormYaml } from '../../src/contributing/suggestion-form.ts';
import { generateAwesomeReadme } from '../support/awesome-readme.ts';

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
      'tests/fixtures/legacy/platforms-and-products.md: 20 links on the page: 20 entries, 0 kept in the text of entries and sections, 0 left out with parts of the page',
    ]);
  });

  it('uses a copy identical to the shared legacy page, when the shared folder is there', () => {
    const shared = resolve(repo, '../shared/legacy/platforms-and-products.md');
    if (!existsSync(shared)) return;
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
      'tests/fixtures/legacy/platforms-and-products.md: 20 links on the page: 20 entries, 0 kept in the text of entries and sections, 0 left out with parts of the page',
    ]);
  });

  it('writes nothing with --dry-run, and says what it would write', () => {
    expect(runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir, '--dry-run')).toBe(0);
    expect(snapshot(dir).size).toBe(0);
    expect(out).toHaveLength(25);
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
        // One blockquote of two paragraphs is one passage, its paragraph break kept.
        'A separate quote after a blank line.\n\nAnd another after a bare marker.',
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
      '  tests/fixtures/import-legacy/sections-and-groups.md:35: "Measure Twice" is listed at tests/fixtures/import-legacy/sections-and-groups.md:11 too: one entry, cross-listed in "Tools", its 1 quote joined to it',
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
});

describe('groups the pages use and list.md lacks', () => {
  const groupsOfList = () => readReadingList(dir, repo).list?.data.groups?.map((group) => group.id);

  it('are appended to list.md, which gains its shown groups first, and older sections keep offering only theirs', () => {
    runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir);
    const listBefore = readFileSync(join(dir, 'list.md'), 'utf8');
    const sectionBefore = readFileSync(join(dir, 'sections/data-platforms.md'), 'utf8');
    out = [];
    expect(runImport(join(fixtures, 'groups-at-top.md'), '--out', dir), err.join('\n')).toBe(0);
    const list = readReadingList(dir, repo);
    expect(list.problems).toEqual([]);
    // Everything list.md said stays, byte for byte; the groups follow it.
    const listAfter = readFileSync(join(dir, 'list.md'), 'utf8');
    expect(listAfter).toBe(
      listBefore.replace(
        /\n---\n/,
        '\ngroups:\n  - id: framing\n    heading: "Framing"\n  - id: approach\n    heading: "Selected Approaches"\n' +
          '  - id: tending\n    heading: "Tending"\n  - id: harvest\n    heading: "Harvest"\n---\n',
      ),
    );
    expect(readFileSync(join(dir, 'sections/data-platforms.md'), 'utf8')).toBe(
      sectionBefore.replace(/\n---\n/, '\ngroups:\n  - framing\n  - approach\n---\n'),
    );
    const shows = Object.fromEntries(list.sections.map((section) => [section.id, section.data.groups]));
    expect(shows).toEqual({
      'data-platforms': ['framing', 'approach'],
      'data-products': ['framing', 'approach'],
      'field-notes': ['framing', 'tending', 'harvest'],
    });
    expect(out).toContain(
      `  ${dir}/list.md: 2 groups the pages use added after the groups it showed ("Framing", "Selected Approaches"), now declared: "Tending" (tending), "Harvest" (harvest)`,
    );
    expect(out).toContain(
      `  ${dir}/sections/data-products.md: "groups: [framing, approach]" written, so "Data Products" keeps offering only the groups it offered`,
    );
    expect(out.find((line) => line.startsWith('✓ Imported'))).toMatch(
      /, 2 groups added to list.md from .*\(10 files written, 0 unchanged\)$/,
    );
    // Running it again changes nothing.
    const after = snapshot(dir);
    expect(runImport(join(fixtures, 'groups-at-top.md'), '--out', dir)).toBe(0);
    expect(snapshot(dir)).toEqual(after);
  });

  it('are appended after the groups list.md declares, keeping its comments, quoting and the rest of the file', () => {
    const listText =
      "---\r\ntitle: 'Toolbox'   # the name\r\ngroups:\r\n    -   id: framing   # first\r\n        heading: Framing\r\n# end of groups\r\ndescription: Tools.\r\n---\r\n\r\nAbout the list.\r\n";
    write('list.md', listText);
    write('sections/hammers.md', '---\ntitle: "Hammers"\norder: 1\n---\n');
    write(
      'entries/hammers/hammer.md',
      '---\ntitle: "Hammer"\nurl: "https://tools.example.org/hammer"\nsection: hammers\nkind: framing\n---\n',
    );
    expect(runImport(join(fixtures, 'groups-at-top.md'), '--out', dir), err.join('\n')).toBe(0);
    const listAfter = readFileSync(join(dir, 'list.md'), 'utf8');
    const at = listText.indexOf('# end of groups');
    expect(listAfter.slice(0, at)).toBe(listText.slice(0, at).replace(/\r\n# $/, ''));
    expect(listAfter).toBe(
      `${listText.slice(0, at)}    -   id: tending\r\n        heading: "Tending"\r\n    -   id: harvest\r\n        heading: "Harvest"\r\n${listText.slice(at)}`,
    );
    expect(groupsOfList()).toEqual(['framing', 'tending', 'harvest']);
    expect(readReadingList(dir, repo).sections.find((section) => section.id === 'hammers')?.data.groups).toEqual(['framing']);
  });

  it('are shown with --dry-run, and nothing is written', () => {
    runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir);
    const before = snapshot(dir);
    out = [];
    expect(runImport(join(fixtures, 'groups-at-top.md'), '--out', dir, '--dry-run'), err.join('\n')).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(out).toContain(`would update ${dir}/list.md`);
    expect(out).toContain(`would update ${dir}/sections/data-platforms.md`);
    expect(out.some((line) => line.includes('list.md: 2 groups the pages use added'))).toBe(true);
    expect(out.find((line) => line.startsWith('Would import'))).toMatch(/^Would import .*, 2 groups added to list.md from /);
  });

  it('are asked for, with what to paste, when list.md writes its groups in a way that cannot be appended to', () => {
    write('list.md', '---\ntitle: "Toolbox"\ngroups: [{ id: framing, heading: Framing }]\n---\n');
    const before = snapshot(dir);
    expect(runImport(join(fixtures, 'groups-at-top.md'), '--out', dir)).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    expect(err.join('\n')).toContain(
      `${dir}/list.md:1: groups: the pages list entries under groups the list does not declare ("Tending", "Harvest"), and they cannot be appended`,
    );
    expect(err.join('\n')).toContain('  - id: framing\n    heading: "Framing"\n  - id: tending');
  });
});

describe('the issue form', () => {
  it('is written again after an import into the project’s own content/ changes its sections or groups', () => {
    // A project of its own: content/ and the committed form, as in this repository.
    cpSync(legacyImported, join(dir, 'content'), { recursive: true });
    const formPath = join(dir, SUGGESTION_FORM_PATH);
    mkdirSync(join(formPath, '..'), { recursive: true });
    writeFileSync(formPath, suggestionFormYaml(readReadingList(join(dir, 'content'), dir, { entries: false })));
    expect(main([join(fixtures, 'groups-at-top.md')], { ...io(), cwd: dir }), err.join('\n')).toBe(0);
    const list = readReadingList(join(dir, 'content'), dir, { entries: false });
    const form = readFileSync(formPath, 'utf8');
    expect(form).toBe(suggestionFormYaml(list));
    // The older sections still offer only the two groups they offered.
    expect(form).toContain('data-platforms: framing, approach');
    expect(form).toContain('field-notes: framing, tending, harvest');
    expect(out).toContain(`updated ${SUGGESTION_FORM_PATH} (the issue form) with the new sections and groups`);
  });

  it('is not touched by an import into another folder; the import says how to write it for that list', () => {
    runImport(join(legacyFixtures, 'platforms-and-products.md'), '--out', dir);
    out = [];
    expect(runImport(join(fixtures, 'groups-at-top.md'), '--out', dir)).toBe(0);
    expect(out).toContain(
      `  the "Suggest a link" form (${SUGGESTION_FORM_PATH}) is made from content/; for this list: npm run suggestion -- --form --content ${dir}`,
    );
  });
});

describe('a link met twice', () => {
  const page = () => {
    const path = join(dir, 'page.md');
    writeFileSync(
      path,
      [
        '# Awesome Repeats',
        '',
        '## Tools',
        '',
        '- [Alpha](https://alpha.example.org/) - The first tool.',
        '- [Beta](https://beta.example.org/) - The second tool.',
        '- [Alpha](https://alpha.example.org) - Said again, in other words.',
        '',
        '### Small Tools',
        '',
        '- [Beta](https://beta.example.org/) - Small as well.',
        '- [Gamma](https://gamma.example.org/) - A third.',
        '',
        '## Elsewhere',
        '',
        '- [Gamma](https://gamma.example.org/) - Also elsewhere.',
        '',
      ].join('\n'),
    );
    return path;
  };

  it('in one section, or in a section and its sub-section, is one entry there with every note; apart, a cross-listing', () => {
    expect(runImport(page(), '--out', dir), err.join('\n')).toBe(0);
    const list = readReadingList(dir, repo);
    expect(list.problems).toEqual([]);
    const bySlug = Object.fromEntries(list.entries.map((entry) => [entry.slug, entry]));
    expect(bySlug.alpha?.data).toMatchObject({ section: 'tools', also_in: [] });
    expect(bySlug.alpha?.body.trim()).toBe('The first tool.\n\nSaid again, in other words.');
    expect(bySlug.beta?.data).toMatchObject({ section: 'tools', also_in: [] });
    expect(bySlug.beta?.body.trim()).toBe('The second tool.\n\nSmall as well.');
    expect(bySlug.gamma?.data).toMatchObject({ section: 'small-tools', also_in: [{ section: 'elsewhere' }] });
    expect(bySlug.gamma?.body.trim()).toBe('A third.\n\nAlso elsewhere.');
    expect(out).toContain(
      `  ${dir}/page.md:7: "Alpha" is listed in "Tools" already (${dir}/page.md:5): one entry, kept once there, its 1 note joined to it`,
    );
    expect(out).toContain(
      `  ${dir}/page.md:11: "Beta" is listed in "Tools", which holds "Small Tools", already (${dir}/page.md:6): one entry, kept once there, its 1 note joined to it`,
    );
    expect(out).toContain(
      `  ${dir}/page.md:16: "Gamma" is listed at ${dir}/page.md:12 too: one entry, cross-listed in "Elsewhere", its 1 note joined to it`,
    );
  });

  it('already in the list gains a note that is part of a longer note it has', () => {
    write('list.md', '---\ntitle: "Tools"\n---\n');
    write('sections/tools.md', '---\ntitle: "Tools"\norder: 1\ngroups: []\n---\n');
    write(
      'entries/tools/alpha.md',
      '---\ntitle: "Alpha"\nurl: "https://alpha.example.org/"\nsection: tools\n---\n\nThe first tool. Sharp and old.\n',
    );
    const path = join(dir, 'page.md');
    writeFileSync(path, '# Tools\n\n- [Alpha](https://alpha.example.org/) - The first tool.\n');
    expect(runImport(path, '--out', dir), err.join('\n')).toBe(0);
    expect(readFileSync(join(dir, 'entries/tools/alpha.md'), 'utf8')).toContain(
      '\n\nThe first tool. Sharp and old.\n\nThe first tool.\n',
    );
    // A note it already has, block for block, is not added twice.
    out = [];
    const after = snapshot(dir);
    expect(runImport(path, '--out', dir)).toBe(0);
    expect(snapshot(dir)).toEqual(after);
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
      `${page}:16: heading: "### Too deep": on this page "#" headings are sections and "##" their groups; deeper headings are not read (what is under it is not imported)`,
      `${page}:32: kind: "Above the groups" is above the first group heading of "Loose Ends", which lists its entries under groups: add a group heading above it`,
      '✗ 3 lines could not be read (2 problems); nothing written (fix the page, or add --skip-unmapped to import the rest)',
    ]);
  });

  it('imports the rest with --skip-unmapped and says how many lines it skipped', () => {
    expect(runImport(join(fixtures, 'refusals.md'), '--out', dir, '--skip-unmapped')).toBe(0);
    expect(
      readReadingList(dir, repo)
        .entries.map((entry) => entry.data.title)
        .sort(),
    ).toEqual(['Another kept entry', 'Fine again', 'Kept entry']);
    expect(out.find((line) => line.startsWith('✓ Imported'))).toMatch(/; skipped 3 lines that could not be read$/);
    // The refused parts' links are counted as left out, so every link of the page is accounted for.
    expect(out.at(-2)).toBe(
      `${'tests/fixtures/import-legacy/refusals.md'}: 5 links on the page: 3 entries, 0 kept in the text of entries and sections, 2 left out with parts of the page`,
    );
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
    expect(out.find((line) => line.startsWith('✓ Imported'))).toMatch(
      new RegExp(`\\(0 files written, ${first.size} unchanged\\)$`),
    );
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
