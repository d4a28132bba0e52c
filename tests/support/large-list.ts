/**
 * Writes the "large" fixture list the browser tests and screenshots use: 150 sections of 20 entries
 * (3,000 links), 25 declared groups, two levels of sections, some sections without groups or
 * summary, and no quotes at all (as an imported README). Deterministic: the same files every run,
 * generated at test time rather than committed.
 *
 * `node tests/support/large-list.ts DIR` writes it into DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { slugify } from '../../src/content/slugs.ts';
import { Random } from '../bench/prng.ts';

export const LARGE_SECTIONS = 150;
export const LARGE_PER_SECTION = 20;
export const LARGE_GROUPS = 25;
/** Top-level sections; the rest are sub-sections, two under each of the first ones. */
export const LARGE_TOP_LEVEL = 110;

const SUBJECTS = (
  'Bread|Cheese|Coffee|Tea|Knives|Ceramics|Weaving|Dyeing|Bookbinding|Calligraphy|Letterpress|Typography|' +
  'Gardening|Beekeeping|Foraging|Fermentation|Brewing|Cider|Woodturning|Carving|Blacksmithing|Pottery|' +
  'Glassblowing|Leatherwork|Knitting|Quilting|Embroidery|Basketry|Boatbuilding|Sailing|Birding|Astronomy|' +
  'Cartography|Photography|Printmaking|Bicycles|Clocks|Radios|Synthesisers|Violins'
).split('|');
const ASPECTS = ['History', 'Tools', 'Techniques', 'Materials', 'Communities', 'Mistakes'];
const GROUP_NAMES = (
  'Primers|Deep Dives|Case Studies|Interviews|Tutorials|Reference|Essays|Postmortems|Tools|Talks|' +
  'Papers|Books|Courses|Newsletters|Podcasts|Videos|Forums|Glossaries|Histories|Critiques|Surveys|' +
  'Datasets|Recipes|Patterns|Checklists'
).split('|');
const WORDS = (
  'patient careful first small old new slow quiet honest simple hidden forgotten common rare hand ' +
  'shop bench fire water wood clay iron thread paper ink light season kitchen field river'
).split(' ');

export interface LargeList {
  sections: number;
  entries: number;
  /** Title and section of the one entry whose title holds the word `needle` (for "a query that matches one entry"). */
  needle: { word: string; title: string; section: string };
}

/** Writes the list under `dir` (created). */
export function writeLargeList(dir: string): LargeList {
  const r = new Random(0x5eed18);
  const groups = GROUP_NAMES.slice(0, LARGE_GROUPS).map((heading) => ({ id: slugify(heading), heading }));
  mkdirSync(join(dir, 'sections'), { recursive: true });
  writeFileSync(join(dir, 'list.md'), serialiseList({ title: 'Handwork Reading List', groups }));
  const names = SUBJECTS.flatMap((subject) => ASPECTS.map((aspect) => `${subject}: ${aspect}`)).slice(0, LARGE_SECTIONS);
  const ids = names.map((name) => slugify(name));
  let entries = 0;
  let needle: LargeList['needle'] | undefined;
  names.forEach((name, i) => {
    const id = ids[i]!;
    // Sections past the top level hang two under each of the first ones.
    const parent = i < LARGE_TOP_LEVEL ? undefined : ids[Math.floor((i - LARGE_TOP_LEVEL) / 2)];
    // Every fifth section lists its entries without groups; the others show three to five groups.
    const shown =
      i % 5 === 4
        ? []
        : groups
            .slice(i % LARGE_GROUPS)
            .concat(groups)
            .slice(0, r.int(3, 5));
    writeFileSync(
      join(dir, 'sections', `${id}.md`),
      serialiseSection({
        title: name,
        ...(i % 3 === 2
          ? {}
          : { summary: `${r.pick(WORDS)} ${r.pick(WORDS)} and ${r.pick(WORDS)} ${name.split(':')[0]!.toLowerCase()}` }),
        order: i + 1,
        ...(parent !== undefined ? { parent } : {}),
        groups: shown.map((group) => group.id),
      }),
    );
    mkdirSync(join(dir, 'entries', id), { recursive: true });
    for (let n = 0; n < LARGE_PER_SECTION; n++) {
      const title =
        i === 37 && n === 7
          ? 'The Xylograph Ledger of a Country Printer'
          : `${n + 1}. The ${r.pick(WORDS)} ${r.pick(WORDS)}: ${name.toLowerCase()} notes`;
      if (i === 37 && n === 7) needle = { word: 'xylograph', title, section: id };
      const kind = shown.length > 0 ? shown[n % shown.length]!.id : undefined;
      writeFileSync(
        join(dir, 'entries', id, `${id}-${n + 1}.md`),
        serialiseEntry({
          title,
          url: `https://${slugify(name.split(':')[0]!)}.example.net/${id}/${n + 1}`,
          section: id,
          ...(kind !== undefined ? { kind } : {}),
          quotes: [],
          tags: [r.pick(['beginner', 'history', 'tools', 'craft', 'method'])],
        }),
      );
      entries++;
    }
  });
  return { sections: names.length, entries, needle: needle! };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tests/support/large-list.ts DIR');
    process.exit(1);
  }
  const written = writeLargeList(dir);
  console.log(`${written.entries} entries in ${written.sections} sections written to ${dir}`);
}
