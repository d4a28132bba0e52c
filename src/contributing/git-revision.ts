/**
 * The list as it is at one commit, read straight from git (`git ls-tree`, `git cat-file`) without
 * checking anything out: the files are copied into a temporary folder and read by the same code
 * as `npm run validate`, so a revision is judged exactly as the build would judge it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReadingList, type ReadingListFiles } from '../content/content-files.ts';
import type { Problem } from '../content/problems.ts';

/** Enough for the blobs of a list of 100,000 entries. */
const MAX_BUFFER = 1024 * 1024 * 1024;

const git = (repo: string, args: string[], input?: Buffer | string) =>
  execFileSync('git', args, {
    cwd: repo,
    maxBuffer: MAX_BUFFER,
    ...(input !== undefined ? { input } : {}),
    stdio: ['pipe', 'pipe', 'pipe'],
  });

/** The commit `ref` names in `repo`, or undefined (refs that look like options are never passed on). */
export function resolveCommit(repo: string, ref: string): string | undefined {
  if (!ref || ref.startsWith('-') || /[\0\n]/.test(ref)) return undefined;
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      .toString('utf8')
      .trim();
  } catch {
    return undefined;
  }
}

/** The repository's top folder, for a folder inside it. */
export function repositoryRoot(dir: string): string {
  return git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
}

interface TreeFile {
  mode: string;
  type: string;
  oid: string;
  path: string;
}

/** `git ls-tree -r -z` output → its records. */
export function parseTree(output: Buffer): TreeFile[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', type = '', oid = ''] = record.slice(0, tab).split(' ');
      return { mode, type, oid, path: record.slice(tab + 1) };
    });
}

/** True for a relative path with no empty, `.` or `..` part: one that stays inside the folder it is joined to. */
export function isContainedPath(path: string): boolean {
  return (
    !path.startsWith('/') && !path.includes('\\') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** `git cat-file --batch` output for `oids`, in order, as buffers. */
function readBlobs(repo: string, oids: string[]): Buffer[] {
  if (oids.length === 0) return [];
  const output = git(repo, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const oid of oids) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const [found, type, size] = header.split(' ');
    if (found !== oid || type !== 'blob' || size === undefined)
      throw new Error(`git cat-file: unexpected "${header}" for ${oid}`);
    const start = headerEnd + 1;
    blobs.push(output.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return blobs;
}

export interface RevisionList extends ReadingListFiles {
  commit: string;
}

/**
 * Reads the list in `contentPath` (relative to the repository's top) at `commit`. Files git holds as
 * anything but a regular file (a symbolic link, a submodule) are reported as problems, not followed.
 */
export function readListAtCommit(repo: string, commit: string, contentPath = 'content'): RevisionList {
  const prefix = contentPath.replace(/\/+$/, '');
  const tree = parseTree(git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', prefix]));
  const problems: Problem[] = [];
  const files = tree.filter((file) => {
    const regular = file.type === 'blob' && (file.mode === '100644' || file.mode === '100755');
    const inside = file.path.startsWith(`${prefix}/`) && isContainedPath(file.path);
    if (!regular || !inside) {
      problems.push({
        file: file.path,
        line: 1,
        field: 'file',
        message: 'only plain files belong in content/ (not a symbolic link or a submodule)',
      });
    }
    return regular && inside;
  });
  const blobs = readBlobs(
    repo,
    files.map((file) => file.oid),
  );
  const root = mkdtempSync(join(tmpdir(), 'commonplace-revision-'));
  try {
    files.forEach((file, index) => {
      const path = join(root, file.path);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, blobs[index]!);
    });
    const list = readReadingList(join(root, prefix), root);
    return { ...list, problems: [...problems, ...list.problems], commit };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
