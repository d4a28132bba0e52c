/**
 * "Nothing lost": proves, from the built HTML, that every entry file became exactly one entry on its
 * section page(s), in reading order, and one permalink page, each with its title and every quote
 * word for word. It reads the markup contract the pages keep: `data-entry="<id>"` on each entry.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExpectedEntry {
  id: string;
  section: string;
  title: string;
  quotes: string[];
}

export interface OutputProblem {
  /** The entry at fault (or the page, when it is not about one entry). */
  entry: string;
  message: string;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Astro and rehype write, so text compares with the source. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The `data-entry` ids on a page, in document order. */
export function entryIdsIn(html: string): string[] {
  return [...html.matchAll(/\sdata-entry="([^"]*)"/g)].map((match) => decodeEntities(match[1]!));
}

/** The HTML of one entry's block: from its `data-entry` marker to the next one (or the end). */
function entryBlocks(html: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  const markers = [...html.matchAll(/\sdata-entry="([^"]*)"/g)];
  markers.forEach((marker, index) => {
    const id = decodeEntities(marker[1]!);
    const block = html.slice(marker.index, markers[index + 1]?.index ?? html.length);
    blocks.set(id, [...(blocks.get(id) ?? []), block]);
  });
  return blocks;
}

/** Problems with one entry's block: its title and each quote must stand as whole text, verbatim. */
function checkBlock(block: string, entry: ExpectedEntry, where: string): OutputProblem[] {
  const text = decodeEntities(block);
  const problems: OutputProblem[] = [];
  if (!text.includes(`>${entry.title}<`))
    problems.push({ entry: entry.id, message: `${where}: the title is not shown as written` });
  entry.quotes.forEach((quote, index) => {
    if (!text.includes(`>${quote}<`))
      problems.push({ entry: entry.id, message: `${where}: quote ${index + 1} is missing or changed` });
  });
  return problems;
}

/** A section's listing pages: `<section>/index.html`, then `<section>/page/<n>/index.html` by n. */
export function sectionPageFiles(outDir: string, sectionId: string): string[] {
  const first = join(outDir, sectionId, 'index.html');
  const pagesDir = join(outDir, sectionId, 'page');
  const more = existsSync(pagesDir)
    ? readdirSync(pagesDir)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(pagesDir, name, 'index.html')))
        .sort((a, b) => Number(a) - Number(b))
        .map((name) => join(pagesDir, name, 'index.html'))
    : [];
  return existsSync(first) ? [first, ...more] : more;
}

/**
 * Checks the built site in `outDir` against the entries the content holds, in reading order.
 * `permalinkPages`, when given, receives each permalink page's HTML as it is read (the search
 * indexer then reuses it instead of reading 10,000 files again).
 */
export function checkOutput(
  outDir: string,
  expected: readonly ExpectedEntry[],
  permalinkPages?: Map<string, string>,
): OutputProblem[] {
  const problems: OutputProblem[] = [];
  const bySection = new Map<string, ExpectedEntry[]>();
  for (const entry of expected) bySection.set(entry.section, [...(bySection.get(entry.section) ?? []), entry]);

  for (const [sectionId, entries] of bySection) {
    const files = sectionPageFiles(outDir, sectionId);
    if (files.length === 0) {
      problems.push({ entry: sectionId, message: `the section page ${sectionId}/index.html was not written` });
      continue;
    }
    const pages = files.map((file) => readFileSync(file, 'utf8'));
    const shownIds = pages.flatMap(entryIdsIn);
    const blocks = new Map<string, string[]>();
    for (const page of pages) for (const [id, found] of entryBlocks(page)) blocks.set(id, [...(blocks.get(id) ?? []), ...found]);
    const expectedIds = new Set(entries.map((entry) => entry.id));
    for (const entry of entries) {
      const found = blocks.get(entry.id) ?? [];
      if (found.length !== 1) {
        problems.push({
          entry: entry.id,
          message: `appears ${found.length} times on the ${sectionId} section page(s); expected once`,
        });
        continue;
      }
      problems.push(...checkBlock(found[0]!, entry, `${sectionId} section page`));
    }
    for (const id of new Set(shownIds)) {
      if (!expectedIds.has(id))
        problems.push({ entry: id, message: `is shown on the ${sectionId} section page but is not an entry of that section` });
    }
    const order = shownIds.filter((id) => expectedIds.has(id));
    const wanted = entries.map((entry) => entry.id).filter((id) => order.includes(id));
    if (problems.length === 0 && order.join('\n') !== wanted.join('\n')) {
      const at = order.findIndex((id, index) => id !== wanted[index]);
      problems.push({
        entry: order[at] ?? sectionId,
        message: `the ${sectionId} section page lists entries out of reading order (expected ${wanted[at]} here)`,
      });
    }
  }

  for (const entry of expected) {
    const file = join(outDir, entry.id, 'index.html');
    if (!existsSync(file)) {
      problems.push({ entry: entry.id, message: `its permalink page ${entry.id}/index.html was not written` });
      continue;
    }
    const html = readFileSync(file, 'utf8');
    permalinkPages?.set(entry.id, html);
    const ids = entryIdsIn(html);
    if (ids.length !== 1 || ids[0] !== entry.id || (html.match(/data-pagefind-body/g) ?? []).length !== 1) {
      problems.push({ entry: entry.id, message: `its permalink page does not hold exactly this one entry for the search index` });
      continue;
    }
    problems.push(...checkBlock(html, entry, 'permalink page'));
  }
  return problems;
}
