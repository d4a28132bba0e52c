/**
 * Stand-in for `npm run validate` while src/cli/validate.ts does not exist: runs what it calls,
 * readReadingList (src/content/content-files.ts), on a content folder, and prints the time that call took.
 * Exit code 1 when the content has problems.
 */
import { readReadingList } from '../../src/content/content-files.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: node tests/bench/validate-direct.ts <content dir>');
const started = performance.now();
const files = readReadingList(root, process.cwd());
const ms = performance.now() - started;
console.log(`readReadingList: ${files.entries.length} entries, ${files.problems.length} problems in ${ms.toFixed(0)} ms`);
process.exitCode = files.problems.length ? 1 : 0;
