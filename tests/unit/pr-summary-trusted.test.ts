/**
 * The pull-request comment is made by the default branch's code, whatever the pull request changes
 * in the project: a real git repository with a base commit, a pull-request head commit whose
 * src/contributing/markdown.ts escapes nothing, and GitHub's merge ref; the trusted job's own shell
 * step (read from pr-summary-comment.yml) runs in a checkout of the base, and the comment it would
 * post stays text.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commentBody, MARKER } from '../../.github/scripts/pr-summary-comment.mjs';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { liveParts } from '../support/markdown-safety.ts';

const project = resolve(import.meta.dirname, '../..');
const HOSTILE_TITLE =
  '<img src=x onerror=alert(1)> **Approved by the maintainers** @maintainers fixes #1 [go](https://evil.example/)';

/** A markdown.ts that escapes nothing: what a hostile pull request would put in its head commit. */
const ESCAPES_NOTHING = `export const oneLine = (text: string) => text;
export const inlineText = (text: string) => text;
export const codeBlock = (text: string, info = '') => '\`\`\`' + info + '\\n' + text + '\\n\`\`\`';
export const inlineCode = (text: string) => text;
export const link = (text: string, url: string) => '[' + text + '](' + url + ')';
export const blockquote = (text: string) => '> ' + text;
`;

interface Step {
  name?: string;
  run?: string;
}

/** The trusted job's summarising step, exactly as the workflow file has it. */
function trustedStep(): string {
  const workflow = parse(readFileSync(join(project, '.github/workflows/pr-summary-comment.yml'), 'utf8')) as {
    jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
  };
  const job = workflow.jobs.summarise;
  expect(job, 'pr-summary-comment.yml has a read-only `summarise` job').toBeDefined();
  expect(Object.values(job!.permissions ?? {})).not.toContain('write');
  const step = job!.steps.find((each) => each.run?.includes('pr-summary'));
  expect(step?.run, 'the summarise job runs pr-summary').toBeDefined();
  return step!.run!;
}

let root: string;
let origin: string;
let base: string;
let head: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

function write(path: string, text: string) {
  mkdirSync(dirname(join(origin, path)), { recursive: true });
  writeFileSync(join(origin, path), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'commonplace-trusted-summary-'));
  origin = join(root, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  for (const path of ['src', '.github', 'package.json', 'tsconfig.json'])
    cpSync(join(project, path), join(origin, path), { recursive: true });
  write('content/list.md', serialiseList({ title: 'Test List' }));
  write('content/sections/reading.md', serialiseSection({ title: 'Reading', order: 1 }));
  write(
    'content/entries/reading/kept.md',
    serialiseEntry({ title: 'Kept', url: 'https://example.com/kept', section: 'reading', kind: 'framing' }, ''),
  );
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'base');
  base = git(origin, 'rev-parse', 'HEAD');
  // The pull request: a hostile entry, and the escaping replaced by nothing.
  git(origin, 'checkout', '-q', '-b', 'pr');
  write('src/contributing/markdown.ts', ESCAPES_NOTHING);
  write(
    'content/entries/reading/hostile.md',
    serialiseEntry(
      {
        title: HOSTILE_TITLE,
        url: 'https://example.com/h',
        section: 'reading',
        kind: 'framing',
        quotes: ['<script>x</script> @everyone'],
      },
      '',
    ),
  );
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'pr');
  head = git(origin, 'rev-parse', 'HEAD');
  // GitHub's merge ref: a merge commit of the base and the head.
  const merge = git(origin, 'commit-tree', `${head}^{tree}`, '-p', base, '-p', head, '-m', 'Merge');
  git(origin, 'update-ref', 'refs/pull/7/merge', merge);
  git(origin, 'checkout', '-q', 'main');
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `script` in a fresh checkout of the base branch, as the workflow's runner would. */
function runInBaseCheckout(script: string): { summary: string; output: string } {
  const checkout = mkdtempSync(join(root, 'checkout-'));
  git(root, 'clone', '-q', '--branch', 'main', origin, checkout);
  symlinkSync(join(project, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  const temp = mkdtempSync(join(root, 'runner-temp-'));
  const output = join(temp, 'github-output');
  writeFileSync(output, '');
  execFileSync('bash', ['-e', '-c', script], {
    cwd: checkout,
    env: { ...process.env, PR_NUMBER: '7', HEAD_SHA: head, RUNNER_TEMP: temp, GITHUB_OUTPUT: output },
    stdio: 'pipe',
  });
  const summaryFile = join(temp, 'trusted-pr-summary/summary.md');
  return { summary: readFileSync(summaryFile, 'utf8'), output: readFileSync(output, 'utf8') };
}

/** What would be live in the posted comment, the comment's own marker and links left out. */
function liveInComment(summary: string) {
  const body = commentBody(summary, { html_url: 'https://github.com/o/r/actions/runs/1', conclusion: 'success', head_sha: head });
  const parts = liveParts(body);
  return {
    html: parts.html.filter((each) => each !== MARKER),
    images: parts.images,
    links: parts.links.filter((url) => !url.startsWith('http://localhost:8000/') && !url.startsWith('https://github.com/o/r/')),
    mentions: parts.mentions,
    bold: body.includes('**Approved'),
  };
}

describe('the pull-request comment comes from the default branch’s code', () => {
  it('stays escaped when the pull request’s markdown.ts escapes nothing', { timeout: 120_000 }, () => {
    const { summary, output } = runInBaseCheckout(trustedStep());
    expect(output).toContain('summarised=true');
    expect(summary).toContain('Approved by the maintainers');
    // The entry's own link is the only one; the title's [go](https://evil.example/) is text.
    expect(liveInComment(summary)).toEqual({ html: [], images: [], links: ['https://example.com/h'], mentions: [], bold: false });
  });

  it('while the pull request’s own code would have posted it live (so the test above can fail)', { timeout: 120_000 }, () => {
    const { summary } = runInBaseCheckout(
      trustedStep().replace(
        'npm run --silent pr-summary',
        'git checkout -q refs/remotes/pull/merge && npm run --silent pr-summary',
      ),
    );
    const live = liveInComment(summary);
    expect(live.html.join(' ')).toContain('<img src=x onerror=alert(1)>');
    expect(live.mentions.join(' ')).toContain('@maintainers');
  });

  it('summarises nothing when the merge ref is no longer for the run’s commit', { timeout: 120_000 }, () => {
    const script = trustedStep();
    const checkout = mkdtempSync(join(root, 'checkout-'));
    git(root, 'clone', '-q', '--branch', 'main', origin, checkout);
    const temp = mkdtempSync(join(root, 'runner-temp-'));
    const output = join(temp, 'github-output');
    writeFileSync(output, '');
    execFileSync('bash', ['-e', '-c', script], {
      cwd: checkout,
      env: { ...process.env, PR_NUMBER: '7', HEAD_SHA: base, RUNNER_TEMP: temp, GITHUB_OUTPUT: output },
      stdio: 'pipe',
    });
    expect(readFileSync(output, 'utf8')).toContain('summarised=false');
  });
});
