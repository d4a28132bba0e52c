/**
 * Warm equals cold: after each kind of change to a list, a rebuild that reuses the previous build's
 * pages (Astro's incremental build, same output and cache folders) writes exactly the files a cold
 * build of the same content writes, byte for byte: every page, feed, export, the sitemap and the
 * search index. A page whose cache key missed something it shows would stay stale and fail here.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, tempSite, type SiteDirs } from '../support/build-site.ts';

const site = tempSite('incremental');
const warm: SiteDirs = site;
let coldBuilds = 0;

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The files that differ between two output folders (missing on one side, or other bytes). */
function differences(a: string, b: string): string[] {
  const filesA = filesUnder(a);
  const filesB = new Set(filesUnder(b));
  const differing = filesA.filter(
    (file) => !filesB.has(file) || !readFileSync(join(a, file)).equals(readFileSync(join(b, file))),
  );
  const onlyB = [...filesB].filter((file) => !filesA.includes(file));
  return [...differing, ...onlyB.map((file) => `${file} (only in the cold build)`)];
}

/** Output paths Astro reused from the previous build, and those it rendered, from its log lines. */
function pagesIn(output: string) {
  const reused: string[] = [];
  const rendered: string[] = [];
  // Astro colours its log when CI is set (picocolors), even into a pipe: read the plain text.
  for (const match of stripVTControlCharacters(output).matchAll(/├─ (\S+) (\(restored\)|\(cached\)|\(\+)/g)) {
    (match[2] === '(+' ? rendered : reused).push(match[1]!);
  }
  return { reused, rendered };
}

function build(dirs: SiteDirs): string {
  const { status, output } = buildSite(dirs);
  if (status !== 0) throw new Error(`build failed (${status}):\n${output.slice(-3000)}`);
  return output;
}

/** Rebuilds warm and cold, proves the outputs equal, and returns what the warm build reused and rendered. */
function warmAndCold(): { reused: string[]; rendered: string[] } {
  const warmOutput = build(warm);
  coldBuilds += 1;
  const cold = {
    contentDir: warm.contentDir,
    outDir: `${warm.outDir}-cold-${coldBuilds}`,
    cacheDir: `${warm.cacheDir}-cold-${coldBuilds}`,
  };
  try {
    build(cold);
    expect(differences(warm.outDir, cold.outDir)).toEqual([]);
  } finally {
    rmSync(cold.outDir, { recursive: true, force: true });
    rmSync(cold.cacheDir, { recursive: true, force: true });
  }
  return pagesIn(warmOutput);
}

/** Replaces `from` with `to` in a content file, failing if `from` is not there. */
function edit(file: string, from: string, to: string): void {
  const path = join(warm.contentDir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

const BUILD_TIMEOUT = 240_000;

describe('an incremental build', () => {
  beforeAll(() => {
    cpSync(join(projectRoot, 'tests/fixtures/shapes-content'), warm.contentDir, { recursive: true });
    const first = pagesIn(build(warm));
    expect(first.reused).toEqual([]);
  }, BUILD_TIMEOUT);
  afterAll(() => rmSync(join(warm.outDir, '..'), { recursive: true, force: true }));

  it(
    'reuses every page when nothing changed',
    () => {
      const { reused, rendered } = warmAndCold();
      expect(reused).toContain('/finishing/beeswax/index.html');
      expect(reused).toContain('/woodwork/index.html');
      expect(reused).toContain('/tags/safety/index.html');
      expect(reused).toContain('/woodwork/rss.xml');
      // Pages without parameters cannot carry a cache key in Astro; only they are rendered again.
      expect(rendered.filter((path) => /^\/(woodwork|finishing|kitchen|tags\/[^/]+)\//.test(path))).toEqual([]);
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    "writes what a cold build writes after an entry's title changes, rendering only the pages that show it",
    () => {
      edit('entries/finishing/beeswax.md', 'A Season with Beeswax', 'A Winter with Beeswax');
      const { reused, rendered } = warmAndCold();
      expect(rendered).toContain('/finishing/beeswax/index.html');
      expect(rendered).toContain('/finishing/index.html');
      expect(reused).toContain('/kitchen/the-bread-notebook/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    'writes what a cold build writes after a quote of a cross-listed entry changes',
    () => {
      edit('entries/woodwork/shop-safety-habits.md', 'every time.', 'every single time.');
      const { reused, rendered } = warmAndCold();
      expect(rendered).toEqual(expect.arrayContaining(['/woodwork/shop-safety-habits/index.html', '/metalwork/index.html']));
      expect(reused).toContain('/finishing/beeswax/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    "writes what a cold build writes after an entry's notes change",
    () => {
      edit('entries/joinery/dovetails-by-eye.md', 'go."\n---\n', 'go."\n---\n\nSaw on the **waste** side.\n');
      const { reused, rendered } = warmAndCold();
      expect(rendered).toContain('/joinery/dovetails-by-eye/index.html');
      expect(reused).toContain('/kitchen/the-bread-notebook/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    "writes what a cold build writes after a section's title changes (breadcrumbs, related entries' trails, facets)",
    () => {
      edit('sections/joinery.md', 'title: "Joinery"', 'title: "Joints and Joinery"');
      const { reused, rendered } = warmAndCold();
      expect(rendered).toContain('/joinery/dovetails-by-eye/index.html');
      expect(reused).toContain('/kitchen/the-bread-notebook/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    'writes what a cold build writes after a tag is added (tag pages, and which entries are related)',
    () => {
      edit('entries/kitchen/a-blunt-knife.md', '  - safety\n', '  - safety\n  - joints\n');
      const { reused, rendered } = warmAndCold();
      expect(rendered).toEqual(expect.arrayContaining(['/kitchen/a-blunt-knife/index.html', '/tags/joints/index.html']));
      expect(reused).toContain('/finishing/beeswax/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    "writes what a cold build writes after a related entry's title changes",
    () => {
      // Dovetails by Eye is related to the knife through the tag just added: the knife's page names it.
      edit('entries/joinery/dovetails-by-eye.md', 'title: "Dovetails by Eye"', 'title: "Dovetails, Cut by Eye"');
      const { reused, rendered } = warmAndCold();
      expect(rendered).toContain('/kitchen/a-blunt-knife/index.html');
      expect(reused).toContain('/kitchen/the-bread-notebook/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    'writes what a cold build writes after a group heading changes',
    () => {
      edit('list.md', 'heading: "Culture"', 'heading: "Shop Culture"');
      const { reused, rendered } = warmAndCold();
      expect(rendered).toContain('/woodwork/shop-safety-habits/index.html');
      expect(reused).toContain('/joinery/mortise-and-tenon-basics/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    "writes what a cold build writes after the list's title and description change",
    () => {
      edit('list.md', 'title: "Shapes Fixture List"', 'title: "Shapes, Renamed"');
      edit('list.md', 'to test lists of any shape.', 'to test lists of every shape.');
      const { rendered } = warmAndCold();
      expect(rendered).toContain('/kitchen/the-bread-notebook/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    'writes what a cold build writes after an entry is removed',
    () => {
      rmSync(join(warm.contentDir, 'entries/finishing/lacquer.md'));
      const { reused } = warmAndCold();
      expect(reused).toContain('/kitchen/the-bread-notebook/index.html');
    },
    BUILD_TIMEOUT * 2,
  );

  it(
    'writes what a cold build writes after an entry is added',
    () => {
      writeFileSync(
        join(warm.contentDir, 'entries/kitchen/sharpening-stones.md'),
        [
          '---',
          'title: "Sharpening Stones, Coarse to Fine"',
          'url: "https://shapes.example.org/kitchen/sharpening-stones"',
          'section: kitchen',
          'kind: pitfalls',
          'added: 2024-04-02',
          'tags:',
          '  - safety',
          'quotes:',
          '  - "Flatten the stone before you flatten the blade."',
          '---',
          '',
          'Soak the coarse stone; the fine one only needs a splash.',
          '',
        ].join('\n'),
      );
      const { reused, rendered } = warmAndCold();
      expect(rendered).toEqual(expect.arrayContaining(['/kitchen/sharpening-stones/index.html', '/kitchen/index.html']));
      expect(reused).toContain('/finishing/beeswax/index.html');
    },
    BUILD_TIMEOUT * 2,
  );
});
