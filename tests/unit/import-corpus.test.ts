/**
 * The nine real READMEs in ../shared/corpus/ (run when the folder is there; in CI it must be): each is
 * read without a refusal; every distinct http(s) link on it, counted by a line scan that shares no code
 * with the importer (tests/support/page-links.ts), is an entry, in the text kept, or in a part left out
 * as a whole, and the report's counts add up; no entry's notes hold another entry's link as a bulleted
 * entry line; and export → import → export gives the same page twice.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { List, Nodes } from 'mdast';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/args.ts';
import { main as exportMain } from '../../src/cli/export.ts';
import { main as importMain } from '../../src/cli/import.ts';
import { countLinks, linkReport } from '../../src/import/link-accounting.ts';
import { blocksOf } from '../../src/import/markdown.ts';
import { readPage } from '../../src/import/read-page.ts';
import { isEntryLine } from '../../src/import/readers/entry-line.ts';
import { pageLinks } from '../support/page-links.ts';

const repo = resolve(import.meta.dirname, '../..');
const corpus = resolve(repo, '../shared/corpus');
const present = existsSync(corpus);
const pages = present ? readdirSync(corpus).filter((name) => name.endsWith('.md')) : [];
const work = mkdtempSync(join(tmpdir(), 'commonplace-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

it('has the corpus to read (required in CI)', () => {
  expect(present || !process.env.CI, `${corpus} is missing`).toBe(true);
  if (present) expect(pages.length).toBeGreaterThanOrEqual(9);
});

/** The URLs of bulleted entry lines anywhere in a notes block. */
function bulletedEntryUrls(markdown: string): string[] {
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'list') {
      for (const item of (node as List).children) {
        const first = item.children[0];
        if (first?.type === 'paragraph' && isEntryLine(first)) {
          const link = first.children.find((child) => child.type === 'link');
          if (link?.type === 'link') urls.push(link.url);
        }
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const block of blocksOf(markdown)) visit(block);
  return urls;
}

describe.runIf(present)('a real README', () => {
  describe.each(pages)('%s', (name) => {
    const path = join(corpus, name);
    const plan = readPage(readFileSync(path, 'utf8'), name);

    it('is read without a refusal, with a title', () => {
      expect(plan.problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([]);
      expect(plan.title?.text.trim()).not.toBe('');
    });

    it('accounts for every link on the page, and the counts add up', () => {
      const independent = pageLinks(path);
      expect(new Set(plan.links)).toEqual(independent);
      const counts = countLinks(plan);
      expect(counts.unaccounted).toEqual([]);
      const leftOut = counts.leftOut.reduce((sum, part) => sum + part.links, 0);
      expect(counts.entries + counts.inText + leftOut).toBe(independent.size);
      expect(counts.onPage).toBe(independent.size);
      expect(counts.entries).toBe(new Set(plan.entries.map((entry) => entry.url)).size);
      // The report says the same figures.
      expect(linkReport(name, counts)[0]).toBe(
        `${name}: ${independent.size} links on the page: ${counts.entries} entries, ${counts.inText} kept in the text of entries and sections, ${leftOut} left out with parts of the page`,
      );
    });

    it("keeps no other entry's link as a bulleted entry line in an entry's notes", () => {
      const urls = new Set(plan.entries.map((entry) => entry.url));
      const misplaced = plan.entries.flatMap((entry) =>
        entry.notes
          .flatMap(bulletedEntryUrls)
          .filter((url) => url !== entry.url && urls.has(url))
          .map((url) => `${entry.title}: ${url}`),
      );
      expect(misplaced).toEqual([]);
    });

    it('exports, imports and exports again to the same page', { timeout: 120_000 }, () => {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { cwd: repo, env: {}, out: (line) => out.push(line), err: (line) => err.push(line) };
      const base = join(work, name.replace(/\.md$/, ''));
      const [first, second] = [join(base, 'first'), join(base, 'second')];
      const [page1, page2] = [join(base, 'export-1.md'), join(base, 'export-2.md')];
      expect(importMain([path, '--out', first], io), err.join('\n')).toBe(0);
      expect(exportMain(['--format', 'awesome', '--out', page1, first], io), err.join('\n')).toBe(0);
      expect(importMain([page1, '--out', second], io), err.join('\n')).toBe(0);
      expect(exportMain(['--format', 'awesome', '--out', page2, second], io), err.join('\n')).toBe(0);
      expect(readFileSync(page2, 'utf8')).toBe(readFileSync(page1, 'utf8'));
    });
  });
});
