/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * template code are unchanged is copied from the previous build instead of rendered. A key is a
 * digest of exactly what the page shows, so it changes whenever the page would; anything a page
 * shows that is left out of its key would ship a stale page (tests/unit/incremental-build.test.ts
 * builds warm and cold and compares every file). The site's address and base are not in keys:
 * they are in Astro's config hash, which starts a cold build when it changes.
 */
import { createHash } from 'node:crypto';

/**
 * JSON that refuses what JSON.stringify would silently drop or flatten (a Map or Set becomes `{}`,
 * a function vanishes), since a key blind to a value would let a changed page be reused.
 */
function keyJson(value: unknown): string {
  return JSON.stringify(value, (_key, part: unknown) => {
    if (part instanceof Map || part instanceof Set || typeof part === 'function' || typeof part === 'symbol')
      throw new TypeError(`a page key cannot hold a ${part instanceof Map ? 'Map' : part instanceof Set ? 'Set' : typeof part}`);
    // `undefined` would vanish from an object and become null in an array; keep it visible.
    return part === undefined ? { undefined: true } : part;
  });
}

/** A digest of `parts` (any JSON data): equal parts give equal keys, and any difference a different key. */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha256').update(keyJson(parts)).digest('base64url');
}
