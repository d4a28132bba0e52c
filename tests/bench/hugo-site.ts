/**
 * The same list as a Hugo site, for `npm run bench -- --vs-hugo`: a generated `hugo.toml`, the minimal
 * templates in tests/bench/hugo/layouts/ (mounted, not copied), and a mirror of the content in Hugo's
 * layout (list.md → _index.md, sections/<id>.md → <id>/_index.md, entries/<section>/<slug>.md →
 * <section>/<slug>.md).
 *
 * A mirror rather than mounts of content/ itself: Hugo reserves the `url` front-matter key (it sets the
 * page's own address and refuses absolute URLs), so every entry's `url:` becomes `link:` in the copy.
 * Mirroring happens before the clock starts; after a change only the files that differ are rewritten.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ENTRIES_PER_PAGE } from '../../src/site/reading-list.ts';

/** The front matter block at the very start of a file, closing `---` line included. */
const FRONTMATTER = /^---\r?\n[\s\S]*?^---[ \t]*\r?$/m;

/** Hugo's address of a page comes from `url:`; ours is the entry's link, so the mirror calls it `link:`. */
export function hugoFrontmatter(text: string): string {
  const match = FRONTMATTER.exec(text);
  if (!match || match.index !== 0) return text;
  return match[0].replace(/^url:/m, 'link:') + text.slice(match[0].length);
}

/** Where each content file goes in Hugo's content folder: relative paths, ours → Hugo's. */
export function hugoContentPath(path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  if (parts.length === 1 && parts[0] === 'list.md') return '_index.md';
  if (parts.length === 2 && parts[0] === 'sections' && parts[1]!.endsWith('.md'))
    return `${parts[1]!.slice(0, -'.md'.length)}/_index.md`;
  if (parts.length === 3 && parts[0] === 'entries' && parts[2]!.endsWith('.md')) return `${parts[1]}/${parts[2]}`;
  return undefined;
}

function markdownFiles(dir: string, root = dir, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, root, out);
    else if (entry.name.endsWith('.md')) out.push(relative(root, path));
  }
  return out;
}

/**
 * Makes `target` hold the Hugo form of every file in `contentDir`: writes the files that differ,
 * removes the ones whose source is gone. Returns how many files it wrote and removed.
 */
export function mirrorForHugo(contentDir: string, target: string): { written: number; removed: number } {
  const wanted = new Map<string, string>();
  for (const path of markdownFiles(contentDir)) {
    const destination = hugoContentPath(path);
    if (destination) wanted.set(destination, path);
  }
  let written = 0;
  let removed = 0;
  for (const path of markdownFiles(target)) {
    if (!wanted.has(path.split(/[\\/]/).join('/'))) {
      rmSync(join(target, path));
      removed++;
    }
  }
  for (const [destination, source] of wanted) {
    const text = hugoFrontmatter(readFileSync(join(contentDir, source), 'utf8'));
    const file = join(target, destination);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written++;
  }
  return { written, removed };
}

export interface HugoSite {
  /** The Hugo project folder (holds hugo.toml); `hugo --source` this. */
  siteDir: string;
  /** `<siteDir>/content`, where Hugo looks by default: the mirror of our content. */
  contentDir: string;
  publishDir: string;
  /** Hugo's resource and module caches: emptied for a cold build, like ours. */
  cacheDir: string;
  resourceDir: string;
  /** tests/bench/hugo/layouts in the measured snapshot. */
  layoutsDir: string;
}

const toml = (text: string) => JSON.stringify(text); // a TOML basic string is a JSON string for these paths

/**
 * hugo.toml for the mirrored list: as many entries to a listing page as ours, the `tags` taxonomy (ours
 * has tag pages), Hugo's default RSS and sitemap (ours writes feeds and a sitemap too).
 */
export function hugoConfig(site: HugoSite, baseURL = 'http://localhost:4321/'): string {
  return [
    `baseURL = ${toml(baseURL)}`,
    `languageCode = "en"`,
    `publishDir = ${toml(site.publishDir)}`,
    `cacheDir = ${toml(site.cacheDir)}`,
    `resourceDir = ${toml(site.resourceDir)}`,
    `paginate = ${ENTRIES_PER_PAGE}`,
    `disableKinds = ["robotsTXT", "404"]`,
    ``,
    `[taxonomies]`,
    `  tag = "tags"`,
    ``,
    // The templates stay in the repository; content is in the site folder's own `content/`.
    `[[module.mounts]]`,
    `  source = ${toml(site.layoutsDir)}`,
    `  target = "layouts"`,
    ``,
  ].join('\n');
}

/** Lays out the Hugo project under `dir` (config written, content mirrored from `contentDir`). */
export function createHugoSite(dir: string, contentDir: string, layoutsDir: string): HugoSite {
  const site: HugoSite = {
    siteDir: join(dir, 'site'),
    contentDir: join(dir, 'site', 'content'),
    publishDir: join(dir, 'public'),
    cacheDir: join(dir, 'cache'),
    resourceDir: join(dir, 'resources'),
    layoutsDir,
  };
  mkdirSync(site.contentDir, { recursive: true });
  writeFileSync(join(site.siteDir, 'hugo.toml'), hugoConfig(site));
  mirrorForHugo(contentDir, site.contentDir);
  return site;
}

/** The system's Hugo (`hugo` on PATH, or HUGO_BIN) and its version line, or undefined when there is none. */
export function findHugo(env: NodeJS.ProcessEnv = process.env): { bin: string; version: string } | undefined {
  const bin = env.HUGO_BIN || 'hugo';
  try {
    const version = execFileSync(bin, ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { bin, version };
  } catch {
    return undefined;
  }
}

/**
 * Pagefind's own binary, from the `pagefind` npm package's platform package (what `npx pagefind` runs,
 * without the Node wrapper): the peer runs `pagefind --site <publishDir>` after Hugo, as a curator who
 * picks Hugo for a searchable list would. PAGEFIND_BINARY_PATH points at another, as for that wrapper.
 */
export function findPagefind(env: NodeJS.ProcessEnv = process.env): { bin: string; version: string } | undefined {
  const require = createRequire(import.meta.url);
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const candidates = env.PAGEFIND_BINARY_PATH
    ? [env.PAGEFIND_BINARY_PATH]
    : ['pagefind_extended', 'pagefind'].flatMap((name) => {
        try {
          return [require.resolve(`@pagefind/${platform}/bin/${name}`)];
        } catch {
          return [];
        }
      });
  for (const bin of candidates) {
    try {
      const version = execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      return { bin, version };
    } catch {
      // try the next
    }
  }
  return undefined;
}
