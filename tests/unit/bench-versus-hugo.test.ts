/**
 * The pieces of `npm run bench -- --vs-hugo` that decide its figures: medians and their ratios, the
 * order the tools take turns in, CPU time of a process tree, the Hugo site made from our content, and
 * the one-file changes the rebuilds follow.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { ENTRIES_PER_PAGE } from '../../src/site/reading-list.ts';
import { addedEntry, benchChanges, editedEntry, renamedSection } from '../bench/content-changes.ts';
import {
  findHugo,
  findPagefind,
  hugoConfig,
  hugoContentPath,
  hugoFrontmatter,
  mirrorForHugo,
  type HugoSite,
} from '../bench/hugo-site.ts';
import { runMeasured, statCpuTicks } from '../bench/measure.ts';
import type { BenchResults } from '../bench/results.ts';
import { versusTable } from '../bench/versus-report.ts';
import { median, oursFirst, ratio, SCENARIOS, summarise, type ToolRun, type VersusHugo } from '../bench/versus-stats.ts';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
const shippedContent = join(repo, 'content');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('medians and ratios', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even one, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
  });
  it('refuses the median of nothing', () => {
    expect(() => median([])).toThrow(/no values/);
  });
  it('divides ours by theirs, and gives NaN rather than Infinity when theirs is zero', () => {
    expect(ratio(30, 4)).toBe(7.5);
    expect(ratio(3, 0)).toBeNaN();
  });

  const run = (wallMs: number, cpuMs = wallMs, peakRss = 1e8): ToolRun => ({ wallMs, cpuMs, peakRss });
  const versus = (runs: Partial<VersusHugo['runs']>): VersusHugo => ({
    hugoVersion: 'hugo v0.111.3',
    rounds: 3,
    changes: { add: 'adds a', edit: 'edits b', rename: 'renames c' },
    runs: {
      cold: { ours: [], hugo: [] },
      add: { ours: [], hugo: [] },
      edit: { ours: [], hugo: [] },
      rename: { ours: [], hugo: [] },
      ...runs,
    },
    loadAverage: { start: [1, 1, 1], end: [1, 1, 1], during: [2.5, 1, 3.5] },
    ms: 1,
  });

  it('reports the ratio of the medians, so one disturbed run moves neither side', () => {
    const [cold] = summarise(
      versus({
        cold: {
          ours: [run(40_000, 60_000, 9e8), run(41_000, 61_000, 9e8), run(120_000, 62_000, 9e8)],
          hugo: [run(4_000, 6_000, 3e8), run(30_000, 5_000, 3e8), run(5_000, 7_000, 3e8)],
        },
      }),
    );
    expect(cold!.ours.wallMs).toBe(41_000);
    expect(cold!.hugo.wallMs).toBe(5_000);
    expect(cold!.ratio.wallMs).toBeCloseTo(8.2);
    expect(cold!.ratio.cpuMs).toBeCloseTo(61_000 / 6_000);
    expect(cold!.ratio.peakRss).toBeCloseTo(3);
  });

  it("sets each rebuild against Hugo's rebuild and against Hugo's cold build", () => {
    const rows = summarise(
      versus({
        cold: { ours: [run(40_000)], hugo: [run(5_000)] },
        edit: { ours: [run(7_500)], hugo: [run(2_500)] },
      }),
    );
    expect(rows.map((row) => row.scenario)).toEqual(['cold', 'edit']);
    expect(rows[1]!.ratio.wallMs).toBe(3);
    expect(rows[1]!.wallVsHugoCold).toBe(1.5);
  });

  it('prints one row per build with the ratios, and the targets with the figures they are about', () => {
    const results = {
      sizes: [
        {
          entries: 10_000,
          versusHugo: versus({
            cold: { ours: [run(40_000, 60_000, 9e8)], hugo: [run(5_000, 10_000, 3e8)], hugoAlone: [run(2_000, 3_000, 1e8)] },
            add: { ours: [run(6_000, 9_000, 8e8)], hugo: [run(4_000, 9_000, 3e8)] },
            edit: { ours: [run(10_000, 12_000, 2.1e9)], hugo: [run(4_000, 9_000, 3e8)] },
          }),
        },
      ],
    } as unknown as BenchResults;
    const lines = versusTable(results).split('\n');
    expect(lines.filter((line) => line.startsWith('| 10,000 |'))).toEqual([
      '| 10,000 | cold build | 40.0 s | 5.00 s | **8.0×** | 2.00 s | 60.0 s | 10.0 s | **6.0×** | 900 MB | 300 MB | **3.0×** |  |',
      '| 10,000 | rebuild after adding one entry | 6.00 s | 4.00 s | **1.5×** | – | 9.00 s | 9.00 s | **1.0×** | 800 MB | 300 MB | **2.7×** | 1.2× |',
      '| 10,000 | rebuild after editing one entry | 10.0 s | 4.00 s | **2.5×** | – | 12.0 s | 9.00 s | **1.3×** | 2.10 GB | 300 MB | **7.0×** | 2.0× |',
    ]);
    expect(lines.join('\n')).toContain(
      '≤ 1.2× Hugo + Pagefind’s cold build (1.2×, 2.0×); cold build ≤ 2.5× (8.0×); peak memory ≤ 2 GB (2.10 GB, the largest median)',
    );
    expect(lines.join('\n')).toContain('1.00–3.50 (1 min) as the builds started');
  });

  it('alternates which tool builds first, from scenario to scenario and from round to round', () => {
    const order = (round: number) => SCENARIOS.map((_, index) => (oursFirst(round, index) ? 'ours' : 'hugo'));
    expect(order(0)).toEqual(['ours', 'hugo', 'ours', 'hugo']);
    expect(order(1)).toEqual(['hugo', 'ours', 'hugo', 'ours']);
  });
});

describe('CPU time of a process tree', () => {
  it('reads user + system time, and that of reaped children, from a stat line whose name holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
    const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 1200 300 20 0 11 0 999 0 0';
    expect(statCpuTicks(stat)).toEqual({ own: 300, reapedChildren: 1500 });
  });

  it('counts the CPU a child and its grandchild spend, not the time they sleep', async () => {
    // Each burns a fixed amount of its own CPU time (not wall time, which a busy machine stretches).
    const burn = (ms: number) =>
      `const t = process.cpuUsage(); while ((process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000 < ${ms});`;
    const script = [
      `const { spawnSync } = require('node:child_process');`,
      `spawnSync(process.execPath, ['-e', ${JSON.stringify(burn(300))}], { stdio: 'inherit' });`,
      burn(200),
      `setTimeout(() => {}, 400);`,
    ].join('\n');
    const run = await runMeasured(node, ['-e', script], { cwd: dir, pollMs: 20 });
    expect(run.code).toBe(0);
    expect(run.cpuMs).toBeGreaterThanOrEqual(480);
    expect(run.reapedCpuMs).toBeGreaterThanOrEqual(480);
    // Node's own startup adds some CPU, the 400 ms of sleep none.
    expect(run.cpuMs).toBeLessThan(run.wallMs + 500);
  }, 60_000); // 0.5 s of CPU can take many seconds of wall time on a busy machine
});

describe('the list as a Hugo site', () => {
  it("renames an entry's url to link in the front matter only, since Hugo takes url as the page's own address", () => {
    const text = '---\ntitle: "A"\nurl: "https://example.com/a"\nstatus:\n  url: kept\n---\n\nurl: a line of the notes\n';
    expect(hugoFrontmatter(text)).toBe(
      '---\ntitle: "A"\nlink: "https://example.com/a"\nstatus:\n  url: kept\n---\n\nurl: a line of the notes\n',
    );
  });
  it('leaves a file without front matter as it is', () => {
    expect(hugoFrontmatter('url: x\n')).toBe('url: x\n');
    expect(hugoFrontmatter('text\n---\nurl: x\n---\n')).toBe('text\n---\nurl: x\n---\n');
  });

  it.each([
    ['list.md', '_index.md'],
    ['sections/data-platforms.md', 'data-platforms/_index.md'],
    ['entries/data-platforms/a-post.md', 'data-platforms/a-post.md'],
    ['README.md', undefined],
    ['sections/nested/x.md', undefined],
    ['entries/data-platforms/picture.png', undefined],
  ])('maps %s to Hugo’s %s', (ours, hugos) => {
    expect(hugoContentPath(ours)).toBe(hugos);
  });

  it('mirrors every content file, then rewrites only what changed and removes what is gone', () => {
    const content = join(dir, 'content');
    cpSync(shippedContent, content, { recursive: true });
    const target = join(dir, 'hugo', 'content');
    const files = readReadingList(content, dir);
    const first = mirrorForHugo(content, target);
    expect(first).toEqual({ written: 1 + files.sections.length + files.entries.length, removed: 0 });
    const entry = files.entries[0]!;
    const mirrored = readFileSync(join(target, entry.data.section, `${entry.slug}.md`), 'utf8');
    expect(mirrored).toContain(`link: `);
    expect(mirrored).not.toMatch(/^url:/m);
    expect(readFileSync(join(target, '_index.md'), 'utf8')).toBe(readFileSync(join(content, 'list.md'), 'utf8'));

    expect(mirrorForHugo(content, target)).toEqual({ written: 0, removed: 0 });
    const source = join(content, 'entries', entry.data.section, `${entry.slug}.md`);
    writeFileSync(source, readFileSync(source, 'utf8').replace(/^title: .*$/m, 'title: "Changed"'));
    rmSync(join(content, 'entries', files.entries[1]!.data.section, `${files.entries[1]!.slug}.md`));
    expect(mirrorForHugo(content, target)).toEqual({ written: 1, removed: 1 });
  });

  it('writes a config with the paths as quoted strings, as many entries to a listing page as ours and the templates mounted', () => {
    const site: HugoSite = {
      siteDir: '/tmp/a site',
      contentDir: '/tmp/a site/content',
      publishDir: '/tmp/out "quoted"',
      cacheDir: '/tmp/cache',
      resourceDir: '/tmp/resources',
      layoutsDir: 'C:\\layouts',
    };
    const config = hugoConfig(site);
    expect(config).toContain('publishDir = "/tmp/out \\"quoted\\""');
    expect(config).toContain(`paginate = ${ENTRIES_PER_PAGE}`);
    expect(config).toMatch(/\[\[module\.mounts\]\]\n {2}source = "C:\\\\layouts"\n {2}target = "layouts"/);
    expect(config).toContain('[taxonomies]\n  tag = "tags"');
  });

  it('finds no Hugo when the named binary does not exist, so the comparison is skipped', () => {
    expect(findHugo({ HUGO_BIN: join(dir, 'no-such-hugo') })).toBeUndefined();
  });
  it("finds Pagefind's binary in its npm platform package, and none where the named one does not exist", () => {
    expect(findPagefind()?.version).toMatch(/^pagefind \d+\.\d+\.\d+/);
    expect(findPagefind({ PAGEFIND_BINARY_PATH: join(dir, 'no-such-pagefind') })).toBeUndefined();
  });
  it('finds a Hugo that answers `version`', () => {
    const fake = join(dir, 'hugo');
    writeFileSync(fake, '#!/bin/sh\necho "hugo v0.0.1 fake"\n', { mode: 0o755 });
    expect(findHugo({ HUGO_BIN: fake })).toEqual({ bin: fake, version: 'hugo v0.0.1 fake' });
  });
});

describe('the changes the rebuilds follow', () => {
  const copyOfShipped = () => {
    const content = join(dir, 'content');
    cpSync(shippedContent, content, { recursive: true });
    return content;
  };
  const snapshot = (root: string) =>
    Object.fromEntries(
      (readdirSync(root, { recursive: true }) as string[])
        .filter((path) => path.endsWith('.md'))
        .map((path) => [path, readFileSync(join(root, path), 'utf8')]),
    );

  it('edits the title and first quote of an entry, and nothing else', () => {
    const text =
      '---\ntitle: "A Post"\nurl: "https://example.com/a"\nsection: alpha\nkind: framing\ntags:\n  - sql\nquotes:\n  - "First."\n  - "Second."\n---\n\nNotes.\n';
    expect(editedEntry(text)).toBe(
      '---\ntitle: "A Post (revised)"\nurl: "https://example.com/a"\nsection: alpha\nkind: framing\ntags:\n  - sql\nquotes:\n  - "First. One more sentence, added in an edit."\n  - "Second."\n---\n\nNotes.\n',
    );
  });
  it('renames a section by its title and keeps its summary, order and intro', () => {
    const text = '---\ntitle: "Alpha"\nsummary: "One line"\norder: 2\n---\n\nIntro.\n';
    expect(renamedSection(text)).toBe('---\ntitle: "Alpha (renamed)"\nsummary: "One line"\norder: 2\n---\n\nIntro.\n');
  });
  it('adds an entry in its neighbour’s group with its tags, so it opens no new tag page', () => {
    const neighbour =
      '---\ntitle: "B"\nurl: "https://example.com/b"\nsection: alpha\nkind: approach\ntags:\n  - sql\n  - dbt\n---\n';
    const added = addedEntry('alpha', neighbour);
    expect(added).toMatch(/^section: alpha$/m);
    expect(added).toMatch(/^kind: approach$/m);
    expect(added).toContain('tags:\n  - sql\n  - dbt\n');
  });

  it('applies each change to the largest section as a valid list, and undoes all of them byte for byte', () => {
    const content = copyOfShipped();
    const before = snapshot(content);
    const changes = benchChanges(content);
    const counts = readReadingList(content, dir);
    expect(counts.problems).toEqual([]);

    changes.add.apply();
    changes.edit.apply();
    changes.rename.apply();
    const after = readReadingList(content, dir);
    expect(after.problems).toEqual([]);
    expect(after.entries).toHaveLength(counts.entries.length + 1);
    expect(after.entries.filter((entry) => entry.data.title.endsWith(' (revised)'))).toHaveLength(1);
    expect(after.sections.filter((section) => section.data.title.endsWith(' (renamed)'))).toHaveLength(1);
    expect(changes.add.description).toMatch(/^adds entries\/[a-z0-9-]+\/one-entry-added-since-the-last-build\.md$/);

    changes.rename.undo();
    changes.edit.undo();
    changes.add.undo();
    expect(snapshot(content)).toEqual(before);
  });

  it('gives the added entry a free file name when one with its name exists', () => {
    const content = copyOfShipped();
    const sectionDirs = readdirSync(join(content, 'entries'));
    for (const section of sectionDirs) {
      const taken = join(content, 'entries', section, 'one-entry-added-since-the-last-build.md');
      cpSync(join(content, 'entries', section, readdirSync(join(content, 'entries', section))[0]!), taken);
    }
    const changes = benchChanges(content);
    expect(changes.add.description).toMatch(/one-entry-added-since-the-last-build-2\.md$/);
    changes.add.apply();
    expect(existsSync(join(content, changes.add.description.replace(/^adds /, '')))).toBe(true);
  });
});
