/**
 * The "Suggest this page" bookmarklet as the Contribute page links it: src/scripts/suggest-this-page.ts
 * bundled and minified by esbuild (Astro's own compiler) at build time, with the list's issue form
 * baked in, into a `javascript:` address.
 *
 * The list learns where it is hosted from, in order: the COMMONPLACE_REPOSITORY environment variable,
 * package.json's `repository` field, the `origin` git remote. A GitHub repository gets the issue form;
 * anything else (or none) gets the bookmarklet that copies an `npm run new` command.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { SUGGESTION_FORM_PATH } from '../contributing/suggestion-form.ts';
import type { SuggestConfig } from '../scripts/suggest-this-page.ts';

// The build runs from the project folder (as site-data.ts assumes); this module is bundled elsewhere.
const projectRoot = process.cwd();
const SOURCE = join(projectRoot, 'src/scripts/suggest-this-page.ts');

/** A GitHub repository, or the address of one hosted elsewhere. */
export type Repository = { host: 'github'; owner: string; name: string } | { host: 'other'; url: string };

/**
 * The repository a package.json `repository` value or a git remote names: npm's shorthands
 * (`owner/name`, `github:owner/name`), https and git+https addresses, and scp-like `git@host:path`.
 */
export function parseRepository(value: unknown): Repository | undefined {
  const text = (typeof value === 'object' && value !== null ? (value as { url?: unknown }).url : value) as unknown;
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const spec = text.trim();
  const shorthand = /^(?:github:)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(spec);
  if (shorthand && !spec.includes(':/')) return { host: 'github', owner: shorthand[1]!, name: shorthand[2]! };
  const github =
    /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?github\.com[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/i.exec(spec) ??
    /^git@github\.com:([\w.-]+)\/([\w.-]+?)(?:\.git)?$/i.exec(spec);
  if (github) return { host: 'github', owner: github[1]!, name: github[2]! };
  if (
    /^(?:gitlab|bitbucket|gist):/.test(spec) ||
    /^(?:git\+)?[a-z][a-z0-9+.-]*:\/\//i.test(spec) ||
    /^[\w.-]+@[\w.-]+:/.test(spec)
  )
    return { host: 'other', url: spec.replace(/^git\+/, '') };
  return undefined;
}

/** Where this list is hosted, as the build sees it (see the module comment). */
export function siteRepository(env: NodeJS.ProcessEnv = process.env, root = projectRoot): Repository | undefined {
  const fromEnv = parseRepository(env['COMMONPLACE_REPOSITORY']);
  if (fromEnv) return fromEnv;
  try {
    const fromPackage = parseRepository(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: unknown }).repository,
    );
    if (fromPackage) return fromPackage;
  } catch {
    // No package.json to read: try git.
  }
  try {
    const remote = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseRepository(remote.trim());
  } catch {
    return undefined;
  }
}

/** The "Suggest a link" issue form of a GitHub repository; null for a list hosted elsewhere. */
export function suggestionFormUrl(repository: Repository | undefined): string | null {
  if (repository?.host !== 'github') return null;
  const template = SUGGESTION_FORM_PATH.split('/').at(-1)!;
  return `https://github.com/${repository.owner}/${repository.name}/issues/new?template=${encodeURIComponent(template)}`;
}

/** The bookmarklet's code: the module bundled into one minified statement that runs it with `config`. */
export function bookmarkletCode(config: SuggestConfig): string {
  const result = buildSync({
    stdin: {
      contents: `import { runInPage } from ${JSON.stringify(SOURCE)};\nrunInPage(${JSON.stringify(config)});`,
      loader: 'ts',
      resolveDir: projectRoot,
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text.trim();
}

/** A `javascript:` address holding `code`, percent-encoded as browsers decode such addresses. */
export const bookmarkletHref = (code: string) => `javascript:${encodeURIComponent(code)}`;
