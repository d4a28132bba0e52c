/**
 * The list the unit tests that need a whole, real-shaped list are written against: the legacy page
 * as imported (tests/fixtures/legacy-imported: two sections, twenty entries, Framing and Selected
 * Approaches). The shipped content/ started as this list, but it is the curator's: it grows, and a
 * curator may replace it with their own, so no test of the code reads its titles, counts or groups.
 * Checks of the shipped list itself run only while content/ is still that list (shippedListOnly).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

export const FIXTURE_LIST = join(repo, 'tests/fixtures/legacy-imported');

/** A hash of every file under `dir` (paths and bytes), to tell one list from another. */
export function listHash(dir: string): string {
  const hash = createHash('sha256');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.md')).sort();
  for (const name of files)
    hash
      .update(`${name}\0`)
      .update(readFileSync(join(dir, name)))
      .update('\0');
  return hash.digest('hex');
}

/**
 * True while content/ is the list the project ships (its list.md title and the hash of every file);
 * otherwise prints one line saying which checks are left out, and returns false.
 */
export function isShippedList(what: string, content = join(repo, 'content')): boolean {
  const title = /^title:\s*"?(.*?)"?\s*$/m.exec(readFileSync(join(content, 'list.md'), 'utf8'))?.[1];
  const same = title === SHIPPED_TITLE && listHash(content) === listHash(FIXTURE_LIST);
  if (!same) console.log(`content/ is not the shipped list ("${title}"): ${what} left out`);
  return same;
}

const SHIPPED_TITLE = 'Platforms and Products';
