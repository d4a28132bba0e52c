/**
 * `npm run build`: runs `astro build` into a staging folder and only swaps it into place when the
 * whole build (pages, nothing-lost check, search index) succeeded. A failed or interrupted build
 * leaves the previous `dist/` exactly as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const outDir = resolve(process.env.COMMONPLACE_OUT_DIR ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

/** Puts the finished build in place: two renames, so `outDir` is never half-written. */
export function swapIntoPlace(built: string, target: string, old: string): void {
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(built, target);
  rmSync(old, { recursive: true, force: true });
}

function main(): void {
  rmSync(staging, { recursive: true, force: true }); // left behind by an interrupted build
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, COMMONPLACE_OUT_DIR: staging },
  });
  const stop = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => {
    if (code === 0 && existsSync(staging)) {
      swapIntoPlace(staging, outDir, previous);
      return;
    }
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nBuild failed${signal ? ` (${signal})` : ''}: ${existsSync(outDir) ? `the previous ${outDir} is unchanged` : 'nothing was written'}.`);
    process.exit(code ?? 1);
  });
}

if (import.meta.main) main();
