// @ts-check
/**
 * The trusted half of the pull-request summary, run by actions/github-script in
 * .github/workflows/pr-summary-comment.yml (`workflow_run`, from the default branch). The pull
 * request's own run uploads only its number (`pullRequestToSummarise` checks it against the run);
 * the summary is then made by the default branch's `npm run pr-summary`, reading the pull request's
 * commit as data, and `run` posts it: the one comment carrying MARKER, created or updated in place.
 */
import { join } from 'node:path';
import { isIssueNumber, readBoundedText } from './untrusted-text.mjs';

/** Hidden at the top of the summary comment, so the next run finds it and updates it. */
export const MARKER = '<!-- commonplace:pr-summary -->';

/** The artifact the pull request's own run uploads: pr-number, and nothing else is read from it. */
export const ARTIFACT_NAME = 'pr-summary';

/** The artifact the trusted job uploads for the commenting job: pr-number and summary.md. */
export const TRUSTED_ARTIFACT_NAME = 'trusted-pr-summary';

/** A comment holds at most 65,536 characters: the summary, the marker and the footer stay under it. */
export const MAX_SUMMARY_BYTES = 60_000;

/** The account GITHUB_TOKEN comments as: only its comments are ever edited. */
const BOT_LOGIN = 'github-actions[bot]';

/**
 * The pull-request number in the artifact in `dir` (digits only, else it throws).
 * @param {string} dir
 * @returns {number}
 */
export function readPullRequestNumber(dir) {
  const written = readBoundedText(join(dir, 'pr-number'), 32).trim();
  if (!/^[1-9][0-9]{0,9}$/.test(written))
    throw new Error(`pr-number holds ${JSON.stringify(written)}, not a pull-request number`);
  return Number(written);
}

/**
 * The pull-request number and summary from the artifact in `dir`; throws for a number that is not
 * plain digits. A summary that is too large or not UTF-8 is replaced by a sentence saying so.
 * @param {string} dir
 * @returns {{ number: number, summary: string }}
 */
export function readSummaryArtifact(dir) {
  const number = readPullRequestNumber(dir);
  let summary;
  try {
    summary = readBoundedText(join(dir, 'summary.md'), MAX_SUMMARY_BYTES);
  } catch (error) {
    summary = `The summary could not be shown here (${/** @type {Error} */ (error).message.replace(/^.*\//, '')}); it is in the workflow run.`;
  }
  return { number, summary };
}

/**
 * The comment: marker, summary, and a footer with the run's link (from the event, not the artifact).
 * @param {string} summary
 * @param {{ html_url?: unknown, conclusion?: unknown, head_sha?: unknown }} workflowRun
 */
export function commentBody(summary, workflowRun) {
  const runUrl =
    typeof workflowRun.html_url === 'string' && workflowRun.html_url.startsWith('https://') ? workflowRun.html_url : undefined;
  const sha =
    typeof workflowRun.head_sha === 'string' && /^[0-9a-f]{40}$/.test(workflowRun.head_sha)
      ? workflowRun.head_sha.slice(0, 7)
      : 'this commit';
  const run = runUrl ? `[the workflow run](${runUrl})` : 'the workflow run';
  const built =
    workflowRun.conclusion === 'success' ? 'The built site' : 'The site build did not finish; when it does, the built site';
  return [
    MARKER,
    summary.trim(),
    '',
    '---',
    `${built} is the \`site\` artifact of ${run} (for ${sha}): download it, unzip it, run \`python3 -m http.server 8000\` in that folder and open http://localhost:8000/ — the page links above point there.`,
  ].join('\n');
}

/**
 * True when the run that triggered this one uploaded a summary (a run that failed early did not).
 * @param {{ github: any, context: any }} options
 */
export async function summaryArtifactExists({ github, context }) {
  const { data } = await github.rest.actions.listWorkflowRunArtifacts({
    owner: context.repo.owner,
    repo: context.repo.repo,
    run_id: context.payload.workflow_run.id,
    name: ARTIFACT_NAME,
  });
  return data.artifacts.some(
    (/** @type {{ name: string, expired: boolean }} */ artifact) => artifact.name === ARTIFACT_NAME && !artifact.expired,
  );
}

/**
 * Whether pull request `number` is the one the triggering run was for, still at that run's commit:
 * throws when the number is not among the run's pull requests; returns false when a newer push has
 * moved it on (that push has its own run, which will post).
 * @param {{ github: any, context: any, core: any, number: number }} options
 * @returns {Promise<boolean>}
 */
async function isCurrentPullRequest({ github, context, core, number }) {
  const workflowRun = context.payload.workflow_run;
  const { owner, repo } = context.repo;
  // The run's own list of pull requests is empty for one from a fork; the head commit check below holds for both.
  const listed = (workflowRun.pull_requests ?? [])
    .map((/** @type {{ number: unknown }} */ pull) => pull.number)
    .filter(isIssueNumber);
  if (listed.length > 0 && !listed.includes(number)) {
    throw new Error(`the artifact names pull request #${number}, but the run was for #${listed.join(', #')}`);
  }
  const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number: number });
  if (pull.head.sha !== workflowRun.head_sha || pull.head.repo?.full_name !== workflowRun.head_repository?.full_name) {
    core.notice(`Pull request #${number} is now at ${pull.head.sha}, not ${workflowRun.head_sha}: summary not posted.`);
    return false;
  }
  return true;
}

/**
 * The pull request to summarise, from the number the pull request's own run uploaded, checked
 * against the run: its number, or undefined when it has moved on to a newer commit.
 * @param {{ github: any, context: any, core: any, artifactDir: string }} options
 * @returns {Promise<number | undefined>}
 */
export async function pullRequestToSummarise({ github, context, core, artifactDir }) {
  const number = readPullRequestNumber(artifactDir);
  return (await isCurrentPullRequest({ github, context, core, number })) ? number : undefined;
}

/**
 * Creates or updates the summary comment on the pull request the trusted artifact names.
 * @param {{ github: any, context: any, core: any, artifactDir: string }} options
 * @returns {Promise<{ outcome: 'created' | 'updated', number: number } | { outcome: 'stale', number: number }>}
 */
export async function run({ github, context, core, artifactDir }) {
  const workflowRun = context.payload.workflow_run;
  const { owner, repo } = context.repo;
  const { number, summary } = readSummaryArtifact(artifactDir);
  // Checked again: the pull request may have moved on while the summary was being made.
  if (!(await isCurrentPullRequest({ github, context, core, number }))) return { outcome: 'stale', number };
  const body = commentBody(summary, workflowRun);
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
  const existing = comments.find(
    (/** @type {{ user?: { login?: string }, body?: string }} */ comment) =>
      comment.user?.login === BOT_LOGIN && comment.body?.startsWith(MARKER),
  );
  if (existing) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { outcome: 'updated', number };
  }
  await github.rest.issues.createComment({ owner, repo, issue_number: number, body });
  return { outcome: 'created', number };
}
