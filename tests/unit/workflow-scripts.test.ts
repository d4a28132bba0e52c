/**
 * The scripts the two writing jobs run through actions/github-script, against a fake GitHub API
 * that records each call: the artifact is checked as untrusted data before anything is written,
 * and what is written (branch, file, pull request, comments) is made from checked values only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as summaryComment from '../../.github/scripts/pr-summary-comment.mjs';
import * as suggestionPr from '../../.github/scripts/suggestion-pull-request.mjs';
import { codeBlock, neutraliseReferences } from '../../.github/scripts/untrusted-text.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-workflow-script-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Call = [string, Record<string, unknown>];

class HttpError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`HTTP ${status}`);
    this.status = status;
  }
}

/** A fake Octokit: each method records its call and answers from `answers` (a function may throw). */
function fakeGithub(answers: Record<string, (params: Record<string, unknown>) => unknown> = {}) {
  const calls: Call[] = [];
  const method = (name: string) => async (params: Record<string, unknown>) => {
    calls.push([name, params]);
    return { data: answers[name]?.(params) ?? {} };
  };
  const names = [
    'issues.createComment',
    'issues.removeLabel',
    'issues.updateComment',
    'issues.listComments',
    'git.getRef',
    'git.createRef',
    'repos.createOrUpdateFileContents',
    'pulls.list',
    'pulls.create',
    'pulls.get',
    'actions.listWorkflowRunArtifacts',
  ];
  const rest: Record<string, Record<string, ReturnType<typeof method>>> = {};
  for (const name of names) {
    const [group, call] = name.split('.') as [string, string];
    (rest[group] ??= {})[call] = method(name);
  }
  const paginate = async (fn: (params: Record<string, unknown>) => Promise<{ data: unknown }>, params: Record<string, unknown>) =>
    (await fn(params)).data;
  return { github: { rest, paginate }, calls };
}

const core = { notice: () => {}, info: () => {} };
const repoContext = { repo: { owner: 'owner', repo: 'list' } };

describe('suggestion-pull-request.mjs', () => {
  const context = { ...repoContext, payload: { issue: { number: 12 }, repository: { default_branch: 'main' } } };
  const entry =
    '---\ntitle: "A $(title) `x`"\nurl: "https://example.com/a"\nsection: data-products\nkind: framing\n---\n\n````\n@octocat\n````\n';

  function artifact(outcome: Record<string, unknown>, entryText?: string) {
    writeFileSync(join(dir, 'suggestion.json'), JSON.stringify(outcome));
    if (entryText !== undefined) writeFileSync(join(dir, 'entry.md'), entryText);
  }
  const addable = (overrides: Record<string, unknown> = {}) => ({
    ok: true,
    issue: 12,
    file: 'content/entries/data-products/a-title-x.md',
    title: 'A $(title) `x`\nsecond line',
    problems: [],
    ...overrides,
  });

  it('creates branch suggestion/<issue> from the default branch, commits the file, and opens "Add: <title>" closing the issue', async () => {
    artifact(addable(), entry);
    const { github, calls } = fakeGithub({
      'git.getRef': () => ({ object: { sha: 'a'.repeat(40) } }),
      'pulls.create': () => ({ number: 99 }),
    });
    expect(await suggestionPr.run({ github, context, core, artifactDir: dir })).toEqual({ outcome: 'pull-request', number: 99 });
    expect(calls.map(([name]) => name)).toEqual([
      'git.getRef',
      'git.createRef',
      'repos.createOrUpdateFileContents',
      'pulls.create',
    ]);
    expect(calls[1]![1]).toMatchObject({ ref: 'refs/heads/suggestion/12', sha: 'a'.repeat(40) });
    const commit = calls[2]![1];
    expect(commit).toMatchObject({ branch: 'suggestion/12', path: 'content/entries/data-products/a-title-x.md' });
    expect(Buffer.from(String(commit.content), 'base64').toString('utf8')).toBe(entry);
    const pull = calls[3]![1];
    expect(pull).toMatchObject({ base: 'main', head: 'suggestion/12', title: 'Add: A $(title) `x` second line' });
    const body = String(pull.body);
    expect(body).toContain('Closes #12');
    // The file shows verbatim inside one code block that its own fence cannot close.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as { children: { type: string; value?: string }[] };
    expect(tree.children.filter((node) => node.type === 'code').map((node) => node.value)).toEqual([entry.trimEnd()]);
  });

  it.each([
    ['a path outside content/entries', { file: '.github/workflows/evil.yml' }],
    ['a path with ../', { file: 'content/entries/../../.github/workflows/x.md' }],
    ['a path with a newline', { file: 'content/entries/a/b.md\nother' }],
    ['another issue', { issue: 13 }],
    ['no title', { title: '' }],
  ])('refuses an artifact with %s before touching the repository', async (_, overrides) => {
    artifact(addable(overrides), entry);
    const { github, calls } = fakeGithub();
    await expect(suggestionPr.run({ github, context, core, artifactDir: dir })).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it('refuses an entry file that is too large or not UTF-8', async () => {
    for (const bytes of [Buffer.alloc(200 * 1024, 'a'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe])]) {
      artifact(addable());
      writeFileSync(join(dir, 'entry.md'), bytes);
      const { github, calls } = fakeGithub();
      await expect(suggestionPr.run({ github, context, core, artifactDir: dir })).rejects.toThrow();
      expect(calls).toEqual([]);
    }
  });

  it('comments the problems in a code block and removes the accepted label, so adding it again retries', async () => {
    artifact({
      ok: false,
      issue: 12,
      problems: [
        { field: 'url', message: 'is missing\n```\n@octocat <b>' },
        { field: 'title', message: 'is missing' },
      ],
    });
    const { github, calls } = fakeGithub({
      'issues.removeLabel': () => {
        throw new HttpError(404);
      },
    });
    expect(await suggestionPr.run({ github, context, core, artifactDir: dir })).toEqual({ outcome: 'problems' });
    expect(calls.map(([name]) => name)).toEqual(['issues.createComment', 'issues.removeLabel']);
    const body = String(calls[0]![1].body);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as { children: { type: string; value?: string }[] };
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'code']);
    expect(tree.children[1]!.value).toBe('url: is missing ``` @\u200Doctocat <b>\ntitle: is missing');
    expect(calls[1]![1]).toMatchObject({ issue_number: 12, name: 'accepted' });
  });

  it('leaves an existing suggestion branch alone and says where the pull request is', async () => {
    artifact(addable(), entry);
    const { github, calls } = fakeGithub({
      'git.getRef': () => ({ object: { sha: 'b'.repeat(40) } }),
      'git.createRef': () => {
        throw new HttpError(422);
      },
      'pulls.list': () => [{ number: 7 }],
    });
    expect(await suggestionPr.run({ github, context, core, artifactDir: dir })).toEqual({ outcome: 'branch-exists' });
    expect(calls.map(([name]) => name)).toEqual(['git.getRef', 'git.createRef', 'pulls.list', 'issues.createComment']);
    expect(String(calls[3]![1].body)).toContain('already has pull request #7');
  });
});

describe('pr-summary-comment.mjs', () => {
  const sha = 'c'.repeat(40);
  const workflowRun = {
    id: 5,
    head_sha: sha,
    head_repository: { full_name: 'fork/list' },
    html_url: 'https://github.com/owner/list/actions/runs/5',
    conclusion: 'success',
    pull_requests: [] as { number: number }[],
  };
  const context = (run = workflowRun) => ({ ...repoContext, payload: { workflow_run: run } });
  const openPull = () => ({ head: { sha, repo: { full_name: 'fork/list' } } });

  function artifact(number: string, summary: string | Buffer) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pr-number'), number);
    writeFileSync(join(dir, 'summary.md'), summary);
  }

  it('creates one comment, marked, when there is none yet', async () => {
    artifact('34\n', '## What this pull request changes in the list\n');
    const { github, calls } = fakeGithub({ 'pulls.get': openPull, 'issues.listComments': () => [] });
    expect(await summaryComment.run({ github, context: context(), core, artifactDir: dir })).toEqual({
      outcome: 'created',
      number: 34,
    });
    const created = calls.find(([name]) => name === 'issues.createComment')![1];
    expect(created.issue_number).toBe(34);
    expect(String(created.body).startsWith(`${summaryComment.MARKER}\n## What this pull request changes`)).toBe(true);
    expect(String(created.body)).toContain('[the workflow run](https://github.com/owner/list/actions/runs/5)');
  });

  it('updates its own marked comment in place, never another account’s comment with the marker', async () => {
    artifact('34', 'new summary');
    const comments = [
      { id: 1, user: { login: 'someone' }, body: `${summaryComment.MARKER}\nplanted` },
      { id: 2, user: { login: 'github-actions[bot]' }, body: `${summaryComment.MARKER}\nold summary` },
    ];
    const { github, calls } = fakeGithub({ 'pulls.get': openPull, 'issues.listComments': () => comments });
    expect(await summaryComment.run({ github, context: context(), core, artifactDir: dir })).toEqual({
      outcome: 'updated',
      number: 34,
    });
    const names = calls.map(([name]) => name);
    expect(names).not.toContain('issues.createComment');
    expect(calls.find(([name]) => name === 'issues.updateComment')![1]).toMatchObject({ comment_id: 2 });
  });

  it.each(['34; rm -rf /', '../34', '0', '', '3.4', '12345678901'])('refuses the pull-request number %j', async (number) => {
    artifact(number, 'summary');
    const { github, calls } = fakeGithub();
    await expect(summaryComment.run({ github, context: context(), core, artifactDir: dir })).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it('refuses a number that is not among the pull requests of the run', async () => {
    artifact('35', 'summary');
    const { github, calls } = fakeGithub({ 'pulls.get': openPull });
    const run = { ...workflowRun, pull_requests: [{ number: 34 }] };
    await expect(summaryComment.run({ github, context: context(run), core, artifactDir: dir })).rejects.toThrow(/#35.*#34/);
    expect(calls).toEqual([]);
  });

  it('posts nothing when the pull request has moved on to another commit (or another repository)', async () => {
    artifact('34', 'summary');
    for (const head of [
      { sha: 'd'.repeat(40), repo: { full_name: 'fork/list' } },
      { sha, repo: { full_name: 'other/list' } },
    ]) {
      const { github, calls } = fakeGithub({ 'pulls.get': () => ({ head }) });
      expect(await summaryComment.run({ github, context: context(), core, artifactDir: dir })).toEqual({
        outcome: 'stale',
        number: 34,
      });
      expect(calls.map(([name]) => name)).toEqual(['pulls.get']);
    }
  });

  it('takes only the number from the pull request\u2019s own artifact, and only when the run confirms it', async () => {
    artifact('34', '<img src=x> planted summary');
    const current = fakeGithub({ 'pulls.get': openPull });
    expect(await summaryComment.pullRequestToSummarise({ ...current, context: context(), core, artifactDir: dir })).toBe(34);
    expect(current.calls.map(([name]) => name)).toEqual(['pulls.get']);
    const moved = fakeGithub({ 'pulls.get': () => ({ head: { sha: 'd'.repeat(40), repo: { full_name: 'fork/list' } } }) });
    expect(await summaryComment.pullRequestToSummarise({ ...moved, context: context(), core, artifactDir: dir })).toBeUndefined();
    const other = { ...workflowRun, pull_requests: [{ number: 35 }] };
    await expect(
      summaryComment.pullRequestToSummarise({ ...fakeGithub(), context: context(other), core, artifactDir: dir }),
    ).rejects.toThrow(/#34.*#35/);
  });

  it('replaces a summary that is too large or not UTF-8 by a sentence, keeping the comment small', async () => {
    for (const summary of [Buffer.alloc(summaryComment.MAX_SUMMARY_BYTES + 1, 'a'), Buffer.from([0xc3, 0x28])]) {
      artifact('34', summary);
      const { github, calls } = fakeGithub({ 'pulls.get': openPull, 'issues.listComments': () => [] });
      await summaryComment.run({ github, context: context(), core, artifactDir: dir });
      const body = String(calls.find(([name]) => name === 'issues.createComment')![1].body);
      expect(body).toContain('The summary could not be shown here');
      expect(body.length).toBeLessThan(2_000);
      expect(body).not.toContain(dir);
    }
  });

  it('finds the summary artifact only when the run uploaded one that has not expired', async () => {
    for (const [artifacts, found] of [
      [[{ name: 'pr-summary', expired: false }], true],
      [[{ name: 'pr-summary', expired: true }], false],
      [[], false],
    ] as const) {
      const { github } = fakeGithub({ 'actions.listWorkflowRunArtifacts': () => ({ artifacts }) });
      expect(await summaryComment.summaryArtifactExists({ github, context: context() })).toBe(found);
    }
  });
});

/** The issue numbers and people GitHub would act on in `text`: closing keywords, references, mentions. */
function liveReferences(text: string): string[] {
  return [
    ...text.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+\S+/gi),
    ...text.matchAll(/(?:^|[^\w`])@[\w-]+/g),
    ...text.matchAll(/(?:[\w.-]+\/[\w.-]+)?#\d+|GH-\d+/gi),
    ...text.matchAll(/https?:\/\/\S+|www\.\S+/gi),
  ].map((match) => match[0].trim());
}

describe('suggestions close no other issue and mention nobody', () => {
  const hostileTitle =
    'fixes #12, Closes: owner/repo#3 resolved https://github.com/owner/list/issues/4 FIXED GH-5 cc @team @org/admins other/repo@abc1234';
  const context = { ...repoContext, payload: { issue: { number: 12 }, repository: { default_branch: 'main' } } };
  const entry = '---\ntitle: "x"\nurl: "https://example.com/a"\nsection: s\nkind: framing\n---\n';

  async function opened(title: string) {
    writeFileSync(
      join(dir, 'suggestion.json'),
      JSON.stringify({ ok: true, issue: 12, file: 'content/entries/s/x.md', title, problems: [] }),
    );
    writeFileSync(join(dir, 'entry.md'), entry);
    const { github, calls } = fakeGithub({
      'git.getRef': () => ({ object: { sha: 'a'.repeat(40) } }),
      'pulls.create': () => ({ number: 99 }),
    });
    await suggestionPr.run({ github, context, core, artifactDir: dir });
    return Object.fromEntries(calls);
  }

  it('neutralises every closing keyword, reference, mention and address in a title, and reads the same', () => {
    const safe = neutraliseReferences(hostileTitle);
    expect(liveReferences(safe)).toEqual([]);
    expect(safe.replaceAll('\u200D', '')).toBe(hostileTitle);
    // Done twice, nothing changes: text already safe (a summary line) is not altered again.
    expect(neutraliseReferences(safe)).toBe(safe);
    expect(neutraliseReferences('How to fix a leak in 3 steps, the #1 way')).toBe(
      'How to fix a leak in 3 steps, the #\u200D1 way',
    );
  });

  it('in the commit message', async () => {
    const calls = await opened(hostileTitle);
    const message = String(calls['repos.createOrUpdateFileContents']!.message);
    expect(message.replaceAll('\u200D', '')).toContain(hostileTitle);
    expect(liveReferences(message)).toEqual(['#12']);
    expect(message).toMatch(/From the suggestion in #12\.$/);
  });

  it('in the branch name, which is made of the issue number alone', async () => {
    const calls = await opened(hostileTitle);
    expect(calls['git.createRef']!.ref).toBe('refs/heads/suggestion/12');
    expect(calls['pulls.create']!.head).toBe('suggestion/12');
    expect(() => suggestionPr.suggestionBranch(Number.NaN)).toThrow();
  });

  it('in the pull request title and body: only the body\u2019s own "Closes #12" stays live', async () => {
    const calls = await opened(hostileTitle);
    const pull = calls['pulls.create']!;
    expect(liveReferences(String(pull.title))).toEqual([]);
    const outsideCode = String(pull.body).replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(liveReferences(outsideCode).filter((each) => !each.startsWith('Closes'))).toEqual(['#12', '#12']);
    expect(liveReferences(outsideCode).filter((each) => each.startsWith('Closes'))).toEqual(['Closes #12']);
  });

  it('in the issue comment listing the problems', async () => {
    writeFileSync(
      join(dir, 'suggestion.json'),
      JSON.stringify({ ok: false, issue: 12, problems: [{ field: 'title', message: hostileTitle }] }),
    );
    const { github, calls } = fakeGithub();
    await suggestionPr.run({ github, context, core, artifactDir: dir });
    const body = String(calls[0]![1].body);
    expect(liveReferences(body)).toEqual([]);
    expect(body.replaceAll('\u200D', '')).toContain(hostileTitle);
  });
});

describe('codeBlock (workflow scripts)', () => {
  it('is never closed early by the text inside it', () => {
    const text = 'a\n```\n````\n`````x';
    const tree = unified()
      .use(remarkParse)
      .parse(`${codeBlock(text)}\nafter`) as { children: { type: string; value?: string }[] };
    expect(tree.children.map((node) => node.type)).toEqual(['code', 'paragraph']);
    expect(tree.children[0]!.value).toBe(text);
  });
});
