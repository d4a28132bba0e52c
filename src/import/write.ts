/**
 * Writes a placement into the output folder so that a failed import leaves it exactly as it was:
 * the files go first into a staging copy of the folder, which must pass every check the list
 * passes (readReadingList, as `npm run validate` and the build do); only then are they moved in.
 * A new file is linked in exclusively (an existing file is never overwritten); an existing entry that
 * gains a listing is replaced only if it still holds the text the import read.
 */
import {
  constants,
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { readReadingList } from '../content/content-files.ts';
import type { Problem } from '../content/problems.ts';
import type { PlannedFile } from './place.ts';

export interface WriteOptions {
  /** Check only; write nothing. */
  dryRun: boolean;
  /** The project root problems are reported relative to. */
  projectRoot: string;
  /** How a problem names a file of the output folder. */
  display(path: string): string;
}

/** Stages, checks and writes `files` into `outDir`; returns the problems that stopped it (none: written). */
export function writeChecked(outDir: string, files: readonly PlannedFile[], options: WriteOptions): Problem[] {
  const staging = mkdtempSync(join(tmpdir(), 'commonplace-import-'));
  try {
    const staged = join(staging, 'content');
    if (existsSync(outDir)) cpSync(outDir, staged, { recursive: true });
    // A list of 3,000 entries has a few hundred folders: make each once.
    const made = new Set<string>();
    for (const file of files) {
      const target = join(staged, file.path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(target, file.text);
    }
    const stagedPrefix = relative(options.projectRoot, staged).split(sep).join('/');
    const problems = readReadingList(staged, options.projectRoot).problems.map((problem) => ({
      ...problem,
      file: problem.file.startsWith(`${stagedPrefix}/`)
        ? options.display(problem.file.slice(stagedPrefix.length + 1))
        : problem.file,
    }));
    if (problems.length > 0 || options.dryRun) return problems;
    moveIn(staged, outDir, files, options);
    return [];
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Copies the staged files in: new ones exclusively, changed ones only over the text they replace. */
function moveIn(staged: string, outDir: string, files: readonly PlannedFile[], options: WriteOptions): void {
  const done: { target: string; previous: string | undefined }[] = [];
  const madeFolders: string[] = [];
  try {
    for (const file of files) {
      const target = join(outDir, file.path);
      const made = mkdirSync(dirname(target), { recursive: true });
      if (made) madeFolders.push(made);
      if (file.current === undefined) {
        // A hard link moves the staged file in, and like an exclusive copy it fails if the target exists.
        try {
          linkSync(join(staged, file.path), target);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
          copyFileSync(join(staged, file.path), target, constants.COPYFILE_EXCL);
        }
        done.push({ target, previous: undefined });
        continue;
      }
      const now = readFileSync(target, 'utf8');
      if (now !== file.current) throw new Error(`${options.display(file.path)} changed while importing; nothing written`);
      const temporary = `${target}.import-${process.pid}`;
      writeFileSync(temporary, file.text);
      renameSync(temporary, target);
      done.push({ target, previous: now });
    }
  } catch (error) {
    // Put back what was written so far, and remove the folders made for it: the folder is as it was.
    for (const { target, previous } of done.reverse()) {
      if (previous === undefined) unlinkSync(target);
      else writeFileSync(target, previous);
    }
    for (const folder of madeFolders.reverse()) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
