/**
 * What a build wrote: file counts and bytes, page sizes raw and gzipped, and the JavaScript and CSS a
 * page references before search is used (external files it links plus inline <script>/<style>).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  bytes: number;
  gzip: number;
}
export interface PageSize {
  path: string;
  html: Size;
  css: Size;
  /** JavaScript the page loads before search is opened: <script src>, modulepreload and inline scripts. */
  js: Size;
  /** HTML + CSS gzipped: the figure the ≤ 15 KB target is about. */
  htmlCssGzip: number;
}
export interface OutputStats {
  files: number;
  bytes: number;
  htmlFiles: number;
  htmlBytes: number;
  pagefindFiles: number;
  pagefindBytes: number;
  filesPerEntry: number;
  home: PageSize;
  largestSection: PageSize & { entries: number };
  entryPage: PageSize;
  largestEntryPage: PageSize;
  /** The largest HTML page anywhere (tag pages and other listings included). */
  largestPage: PageSize;
  /** Bytes of HTML by top-level folder kind: entry permalink pages, section pages, tag pages, the rest. */
  htmlBytesBy: { entryPages: number; sectionPages: number; tagPages: number; other: number };
}

const size = (data: string | Buffer): Size => ({ bytes: Buffer.byteLength(data), gzip: gzipSync(data).length });
const add = (a: Size, b: Size): Size => ({ bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip });
const none: Size = { bytes: 0, gzip: 0 };

function walk(dir: string, out: { path: string; bytes: number }[] = []): { path: string; bytes: number }[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push({ path, bytes: statSync(path).size });
  }
  return out;
}

/** Resolves a site-relative reference (`/_astro/x.js`, `../x.css`) against a page to a file. */
function fileFor(root: string, pagePath: string, ref: string): string | undefined {
  if (/^(https?:)?\/\//.test(ref) || ref.startsWith('data:')) return undefined;
  const clean = ref.split(/[?#]/)[0]!;
  const pageDir = posix.dirname('/' + relative(root, pagePath).split(sep).join('/'));
  const resolved = clean.startsWith('/') ? clean : posix.join(pageDir, clean);
  return join(root, resolved);
}

/**
 * A module script and every module it imports statically (`import … from "./x.js"`, `import "./x.js"`),
 * which the browser fetches before running it; dynamic `import()` is left out: it loads on use.
 */
function withStaticImports(root: string, pagePath: string, src: string, read: (ref: string) => Buffer | undefined): Buffer[] {
  const seen = new Set<string>();
  const out: Buffer[] = [];
  const visit = (ref: string, from: string) => {
    const file = fileFor(root, from, ref);
    if (!file || seen.has(file)) return;
    seen.add(file);
    const data = read(ref.startsWith('/') ? ref : '/' + relative(root, file).split(sep).join('/'));
    if (!data) return;
    out.push(data);
    const code = data.toString('utf8');
    for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g))
      visit(match[1]!, file);
  };
  visit(src, pagePath);
  return out;
}

export function pageSize(root: string, pagePath: string): PageSize {
  const html = readFileSync(pagePath, 'utf8');
  let js = none;
  let css = none;
  const read = (ref: string) => {
    const file = fileFor(root, pagePath, ref);
    try {
      return file ? readFileSync(file) : undefined;
    } catch {
      return undefined;
    }
  };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc=["']?([^"' >]+)/i.exec(match[1]!)?.[1];
    if (/type=["']?application\/(ld\+)?json/i.test(match[1]!)) continue;
    if (src) {
      for (const data of withStaticImports(root, pagePath, src, read)) js = add(js, size(data));
    } else if (match[2]!.trim()) {
      js = add(js, size(match[2]!));
    }
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = match[1]!;
    const href = /\bhref=["']?([^"' >]+)/i.exec(attrs)?.[1];
    if (!href) continue;
    if (/rel=["']?modulepreload/i.test(attrs)) {
      for (const data of withStaticImports(root, pagePath, href, read)) js = add(js, size(data));
    } else if (/rel=["']?stylesheet/i.test(attrs)) {
      const data = read(href);
      if (data) css = add(css, size(data));
    }
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) css = add(css, size(match[1]!));
  const htmlSize = size(html);
  return {
    path: '/' + relative(root, pagePath).split(sep).join('/'),
    html: htmlSize,
    css,
    js,
    htmlCssGzip: htmlSize.gzip + css.gzip,
  };
}

export function outputStats(root: string, entries: number): OutputStats {
  const files = walk(root);
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const html = files.filter((f) => f.path.endsWith('.html'));
  const pagefind = files.filter((f) => rel(f.path).startsWith('pagefind/'));
  // Section pages are /<section>/index.html; entry pages are /<section>/<slug>/index.html.
  // Other top-level folders with an index.html (tags/, search/, about/, recent/…) are not sections.
  const notSection = /^(pagefind|tags|search|about|recent|_astro)\//;
  const sectionPages = html.filter((f) => /^[^/]+\/index\.html$/.test(rel(f.path)) && !notSection.test(rel(f.path)));
  const entryPages = html.filter((f) => /^[^/]+\/[^/]+\/index\.html$/.test(rel(f.path)) && !notSection.test(rel(f.path)));
  const bySize = (a: { bytes: number }, b: { bytes: number }) => a.bytes - b.bytes;
  const largestSection = [...sectionPages].sort(bySize).at(-1)!;
  const sortedEntries = [...entryPages].sort(bySize);
  const medianEntry = sortedEntries[Math.floor(sortedEntries.length / 2)]!;
  const sectionHtml = readFileSync(largestSection.path, 'utf8');
  const sum = (list: { bytes: number }[]) => list.reduce((total, f) => total + f.bytes, 0);
  const result: OutputStats = {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    htmlFiles: html.length,
    htmlBytes: html.reduce((sum, f) => sum + f.bytes, 0),
    pagefindFiles: pagefind.length,
    pagefindBytes: pagefind.reduce((sum, f) => sum + f.bytes, 0),
    filesPerEntry: files.length / entries,
    home: pageSize(root, join(root, 'index.html')),
    largestSection: {
      ...pageSize(root, largestSection.path),
      entries: (sectionHtml.match(/<li\b[^>]*class="entry\b/g) ?? []).length,
    },
    entryPage: pageSize(root, medianEntry.path),
    largestEntryPage: pageSize(root, sortedEntries.at(-1)!.path),
    largestPage: pageSize(root, [...html].sort(bySize).at(-1)!.path),
    htmlBytesBy: {
      entryPages: sum(entryPages.filter((f) => !rel(f.path).startsWith('tags/'))),
      sectionPages: sum(
        html.filter(
          (f) =>
            /^[^/]+\/(index\.html|page\/\d+\/index\.html)$/.test(rel(f.path)) &&
            !/^(tags|pagefind|search|about|recent)\//.test(rel(f.path)),
        ),
      ),
      tagPages: sum(html.filter((f) => rel(f.path).startsWith('tags/'))),
      other: 0,
    },
  };
  const by = result.htmlBytesBy;
  by.other = result.htmlBytes - by.entryPages - by.sectionPages - by.tagPages;
  return result;
}
