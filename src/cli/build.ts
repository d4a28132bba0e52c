/**
 * `npm run build`: runs `astro build` into a staging folder while Pagefind indexes the entry pages as
 * Astro writes them; once Astro has exited, checks the output and finishes the search index
 * (src/build/finish-site.ts). Only when all of that succeeded is the
 * staging folder swapped into place: a failed or interrupted build leaves the previous `dist/`
 * exactly as it was. The site it replaces is kept beside it as `dist.previous/` until the next build,
 * which deletes it while Astro works: deleting 20,000 files took longer than rebuilding them.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentDirectory } from '../content/content-loader.ts';
import { finishSite, SIDE_BY_SIDE_MAX, startFinish, type FinishStart } from '../build/finish-site.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const outDir = resolve(process.env.COMMONPLACE_OUT_DIR ?? join(projectRoot, 'dist'));
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
/** Astro's cache folder (astro.config.mjs), where the output check keeps its verdicts too. */
const cacheDir = resolve(process.env.COMMONPLACE_CACHE_DIR ?? join(projectRoot, 'node_modules', '.astro'));

/** Puts the finished build in place: two renames, so `outDir` is never half-written; the replaced site moves to `old`. */
export function swapIntoPlace(built: string, target: string, old: string): void {
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(built, target);
}

/** Runs `astro build` into `into`; resolves with its exit status (or the signal that ended it). */
function astroBuild(into: string, args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', ...args], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, COMMONPLACE_OUT_DIR: into },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
}

function failed(reason: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(
    `\nBuild failed: ${reason}\n${existsSync(outDir) ? `The previous ${outDir} is unchanged.` : 'Nothing was written.'}`,
  );
  process.exit(1);
}

async function main(): Promise<void> {
  rmSync(staging, { recursive: true, force: true }); // left behind by an interrupted build
  // The site the last build replaced: deleted in the background, while Astro builds.
  // A failure here is reported by swapIntoPlace, which deletes what is left first.
  const previousDeleted = rm(previous, { recursive: true, force: true }).catch(() => undefined);
  const building = astroBuild(staging, process.argv.slice(2));
  const contentDir = contentDirectory(pathToFileURL(projectRoot));
  // While Astro starts (its own process): read the content for the check, and index each entry page as
  // soon as Astro has written it. Content Astro refuses is reported by Astro; it is read again after.
  let started: FinishStart | undefined;
  try {
    started = startFinish(staging, contentDir, projectRoot, cacheDir);
    if (started.expected.entries.length <= SIDE_BY_SIDE_MAX) started.indexer.follow();
    // A larger list is checked, then indexed, after Astro: its content is read again then rather than
    // held (hundreds of MB at 100,000 entries) beside Astro's own peak.
    else started = undefined;
  } catch {
    started = undefined;
  }
  const astro = await building;
  started?.indexer.stopFollowing();
  if (astro.code !== 0 || !existsSync(staging)) {
    await started?.indexer.abandon();
    failed(astro.signal ? `astro build was stopped (${astro.signal})` : 'astro build did not succeed');
  }
  try {
    await finishSite(staging, contentDir, projectRoot, (line) => console.log(`[commonplace:output] ${line}`), cacheDir, started);
  } catch (error) {
    failed((error as Error).message);
  }
  await previousDeleted;
  swapIntoPlace(staging, outDir, previous);
  console.log(`[commonplace:output] site ready in ${outDir}`);
}

if (import.meta.main) await main();
