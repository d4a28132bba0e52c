/**
 * `npm run pr-summary -- --base <ref>`: what a change does to the list, in Markdown for a pull
 * request comment. Both revisions are read from git (no checkout) by the same code as `npm run
 * validate`; the summary always prints, with the validation result in it, so the exit status is 0
 * unless the revisions cannot be read at all.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderSummary } from '../contributing/change-summary.ts';
import { readListAtCommit, repositoryRoot, resolveCommit } from '../contributing/git-revision.ts';
import { listChanges } from '../contributing/list-changes.ts';
import { isEntryPoint, parseCommandLine, runAsProgram, USAGE_ERROR, type CliIo } from './args.ts';

const USAGE = `Usage: npm run pr-summary -- --base <ref> [--head <ref>] [--site <url>] [--output <file>] [--content <path>]

Prints, in Markdown, what the commits from <base> to <head> (default HEAD) do to the list: entries
added, changed, moved between sections, cross-listed and removed; sections and the list's own
fields changed; and whether the list at <head> validates. Both revisions are read from git, so
the working tree is never touched.

  --site <url>     the address the built site is served at: affected pages are linked under it
  --output <file>  writes the Markdown to <file> instead of printing it
  --content <path> the content folder, relative to the repository's top (default: content)`;

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function main(args: string[], io: CliIo): number {
  const flags = parseCommandLine(
    args,
    {
      base: { type: 'string' },
      head: { type: 'string', default: 'HEAD' },
      site: { type: 'string' },
      output: { type: 'string' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    io,
  );
  if (typeof flags === 'number') return flags;
  const { values, positionals } = flags;
  if (values.base === undefined || positionals.length > 0) {
    io.err(`${values.base === undefined ? '--base is required' : `unexpected ${positionals.join(' ')}`}\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  if (values.site !== undefined && !isWebAddress(values.site)) {
    io.err(`--site must be an http:// or https:// address, like https://example.github.io/list/\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  let repo: string;
  try {
    repo = repositoryRoot(io.cwd);
  } catch {
    io.err(`✗ ${io.cwd} is not inside a git repository`);
    return 1;
  }
  const head = values.head ?? 'HEAD';
  const commits = [values.base, head].map((ref) => ({ ref, commit: resolveCommit(repo, ref) }));
  const unknown = commits.filter((each) => each.commit === undefined).map((each) => `"${each.ref}"`);
  if (unknown.length > 0) {
    io.err(`✗ no commit ${unknown.join(' or ')} in ${repo}`);
    return 1;
  }
  const content = values.content ?? 'content';
  const [base, after] = commits.map((each) => readListAtCommit(repo, each.commit!, content)) as [
    ReturnType<typeof readListAtCommit>,
    ReturnType<typeof readListAtCommit>,
  ];
  const markdown = renderSummary({ base, head: after, changes: listChanges(base, after), site: values.site });
  if (values.output !== undefined) writeFileSync(resolve(io.cwd, values.output), markdown);
  else io.out(markdown.trimEnd());
  return 0;
}

if (isEntryPoint(import.meta.url)) runAsProgram(main);
