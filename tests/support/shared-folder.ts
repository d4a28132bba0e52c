/**
 * Tests that read ../shared/ (the real corpus, the legacy page and its origin site) run when it is
 * there. Where it is not, they are left out on a curator's machine, but under CI they FAIL: a broken
 * CI layout must not turn into a green run that checked nothing.
 */
import { existsSync } from 'node:fs';

/**
 * True when `path` exists; false when it does not and `CI` is unset; throws, naming the path, when it
 * does not and `CI` is set.
 */
export function sharedAvailable(path: string, env: Record<string, string | undefined> = process.env): boolean {
  if (existsSync(path)) return true;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')
    throw new Error(`${path} does not exist, and CI is set: the tests that need ../shared/ must run in CI, not be skipped`);
  return false;
}
