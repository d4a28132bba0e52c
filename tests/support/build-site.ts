/** Builds the site from another content folder into another output folder, as `npm run build` does. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_LIST } from './fixture-list.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteDirs {
  contentDir: string;
  outDir: string;
  cacheDir: string;
}

/** A fresh temporary folder with `content/`, `out/` and `cache/` paths inside it. */
export function tempSite(prefix: string): SiteDirs {
  const root = mkdtempSync(join(tmpdir(), `commonplace-${prefix}-`));
  return { contentDir: join(root, 'content'), outDir: join(root, 'out'), cacheDir: join(root, 'cache') };
}

/** Writes files (path relative to `dir` → text) into `dir`. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * Copies the fixture list (the shipped list as first imported: tests/support/fixture-list.ts) to
 * `dir`, to change a copy: not content/, which a curator replaces with their own list.
 */
export function copyFixtureList(dir: string): void {
  cpSync(FIXTURE_LIST, dir, { recursive: true });
}

const buildEnv = (dirs: SiteDirs) => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  COMMONPLACE_CONTENT_DIR: dirs.contentDir,
  COMMONPLACE_OUT_DIR: dirs.outDir,
  COMMONPLACE_CACHE_DIR: dirs.cacheDir,
});

/**
 * Astro keeps intermediate files under the project (`.astro/`) whatever the output folder, so two
 * builds of this project at once break each other: test workers take turns through this lock. One
 * lock per project folder: another checkout on the same machine builds in its own `.astro/`.
 */
const LOCK = join(tmpdir(), `commonplace-build-${createHash('sha256').update(projectRoot).digest('hex').slice(0, 12)}.lock`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function acquireBuildLock(): void {
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch {
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        // Being created or removed right now.
      }
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 5 minutes for ${LOCK}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

function releaseBuildLock(): void {
  rmSync(LOCK, { recursive: true, force: true });
}

/** Runs `npm run build`'s script for `dirs` and waits for it. */
export function buildSite(dirs: SiteDirs): { status: number | null; output: string } {
  acquireBuildLock();
  try {
    return runBuild(dirs);
  } finally {
    releaseBuildLock();
  }
}

function runBuild(dirs: SiteDirs): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['src/cli/build.ts'], {
    cwd: projectRoot,
    env: buildEnv(dirs),
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Starts the build in its own process group, so a test can kill all of it at once; holds the lock until it exits. */
export function startBuild(dirs: SiteDirs): ChildProcess {
  acquireBuildLock();
  const child = spawn(process.execPath, ['src/cli/build.ts'], {
    cwd: projectRoot,
    env: buildEnv(dirs),
    detached: true,
    stdio: 'ignore',
  });
  child.once('exit', releaseBuildLock);
  return child;
}
