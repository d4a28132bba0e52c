// @ts-check
/**
 * The writing half of .github/workflows/suggestion.yml, run by actions/github-script with a token
 * that may push a branch, open a pull request and comment. Its input is the artifact the read-only
 * job made from an issue's text with `npm run suggestion`: it is read as untrusted data (sizes
 * bounded, the path and the issue number checked, nothing from it used as a command, a branch name
 * or Markdown), and the branch and the pull request's words are made here from checked values. Every
 * contributed text it writes goes through neutraliseReferences: a title "fixes #12" or "@team" closes
 * and pings nothing.
 */
import { join } from 'node:path';
import { codeBlock, isIssueNumber, neutraliseReferences, oneLine, readBoundedText } from './untrusted-text.mjs';

/** The only files a suggestion may add: `content/entries/<section>/<slug>.md`, both ids slugs. */
export const ENTRY_PATH = /^content\/entries\/[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

const MAX_OUTCOME_BYTES = 256 * 1024;
const MAX_ENTRY_BYTES = 128 * 1024;
const MAX_PROBLEMS = 50;
const MAX_PROBLEM_LENGTH = 500;
const MAX_TITLE_LENGTH = 200;

/** The label a maintainer adds to accept a suggestion; removed again when it cannot be added, so adding it retries. */
export const ACCEPTED_LABEL = 'accepted';

/**
 * @typedef {{ ok: true, issue: number, file: string, title: string, entry: string }} AddableSuggestion
 * @typedef {{ ok: false, issue: number, problems: string[] }} RefusedSuggestion
 */

/**
 * @param {string} text
 * @param {number} max
 */
const cut = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Reads and checks the artifact in `dir` for issue `issue`; throws when it is not what
 * `npm run suggestion --out` writes.
 * @param {string} dir
 * @param {number} issue
 * @returns {AddableSuggestion | RefusedSuggestion}
 */
export function readSuggestionArtifact(dir, issue) {
  /** @type {Record<string, unknown>} */
  const outcome = JSON.parse(readBoundedText(join(dir, 'suggestion.json'), MAX_OUTCOME_BYTES));
  if (typeof outcome !== 'object' || outcome === null || Array.isArray(outcome))
    throw new Error('suggestion.json is not an object');
  if (outcome.issue !== issue) throw new Error(`suggestion.json is for issue ${JSON.stringify(outcome.issue)}, not #${issue}`);
  if (outcome.ok === false) {
    if (!Array.isArray(outcome.problems)) throw new Error('suggestion.json has no list of problems');
    const problems = outcome.problems.slice(0, MAX_PROBLEMS).map((problem) => {
      const { field, message } = /** @type {{ field?: unknown, message?: unknown }} */ (problem ?? {});
      return cut(neutraliseReferences(oneLine(`${String(field)}: ${String(message)}`)), MAX_PROBLEM_LENGTH);
    });
    if (outcome.problems.length > MAX_PROBLEMS) problems.push(`…and ${outcome.problems.length - MAX_PROBLEMS} more`);
    return { ok: false, issue, problems };
  }
  if (outcome.ok !== true) throw new Error('suggestion.json says neither ok: true nor ok: false');
  const { file, title } = outcome;
  if (typeof file !== 'string' || !ENTRY_PATH.test(file))
    throw new Error(`suggestion.json names ${JSON.stringify(file)}, not content/entries/<section>/<slug>.md`);
  if (typeof title !== 'string' || !oneLine(title)) throw new Error('suggestion.json has no title');
  const entry = readBoundedText(join(dir, 'entry.md'), MAX_ENTRY_BYTES);
  if (!entry.startsWith('---\n')) throw new Error('entry.md does not start with frontmatter');
  return { ok: true, issue, file, title: cut(neutraliseReferences(oneLine(title)), MAX_TITLE_LENGTH), entry };
}

/**
 * The branch a suggestion's pull request comes from: made of the issue number alone.
 * @param {number} issue
 */
export function suggestionBranch(issue) {
  if (!isIssueNumber(issue)) throw new Error(`${JSON.stringify(issue)} is not an issue number`);
  return `suggestion/${issue}`;
}

/**
 * The pull request's description: what it adds and where from, the file as a code block.
 * @param {AddableSuggestion} suggestion
 */
export function pullRequestBody(suggestion) {
  return [
    `Adds \`${suggestion.file}\`, written by \`npm run suggestion\` from the suggestion in #${suggestion.issue}.`,
    '',
    `Closes #${suggestion.issue}`,
    '',
    'Before merging, check that the link works, that each quote is word for word in the article and makes sense on its own, and that the section and group fit. Edit the file on this branch if anything needs changing.',
    '',
    '<details><summary>The entry file</summary>',
    '',
    codeBlock(suggestion.entry, 'markdown'),
    '',
    '</details>',
  ].join('\n');
}

/**
 * The comment that tells the contributor and the maintainer what to fix.
 * @param {string[]} problems
 */
export function problemsComment(problems) {
  return [
    `This suggestion cannot become an entry yet. Edit the issue so that each problem below is fixed, then add the \`${ACCEPTED_LABEL}\` label again (it has been removed).`,
    '',
    codeBlock(problems.join('\n'), 'text'),
  ].join('\n');
}

/**
 * @typedef {{ status?: number }} HttpError
 * @param {unknown} error
 * @param {number} status
 */
const hasStatus = (error, status) =>
  typeof error === 'object' && error !== null && /** @type {HttpError} */ (error).status === status;

/**
 * Opens the pull request, or comments the problems on the issue.
 * @param {{ github: any, context: any, core: any, artifactDir: string }} options
 * @returns {Promise<{ outcome: 'pull-request', number: number } | { outcome: 'problems' } | { outcome: 'branch-exists' }>}
 */
export async function run({ github, context, core, artifactDir }) {
  const issue = context.payload.issue?.number;
  if (!isIssueNumber(issue)) throw new Error('this workflow runs for an issue');
  const { owner, repo } = context.repo;
  const suggestion = readSuggestionArtifact(artifactDir, issue);
  if (!suggestion.ok) {
    await github.rest.issues.createComment({ owner, repo, issue_number: issue, body: problemsComment(suggestion.problems) });
    try {
      await github.rest.issues.removeLabel({ owner, repo, issue_number: issue, name: ACCEPTED_LABEL });
    } catch (error) {
      if (!hasStatus(error, 404)) throw error;
    }
    core.notice(`Issue #${issue}: ${suggestion.problems.length} problem(s) commented; no pull request.`);
    return { outcome: 'problems' };
  }

  const base = context.payload.repository?.default_branch;
  if (typeof base !== 'string' || !base) throw new Error('the event names no default branch');
  const branch = suggestionBranch(issue);
  const { data: baseRef } = await github.rest.git.getRef({ owner, repo, ref: `heads/${base}` });
  try {
    await github.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: baseRef.object.sha });
  } catch (error) {
    if (!hasStatus(error, 422)) throw error;
    // The branch is there from an earlier run, perhaps with a maintainer's edits: never overwrite it.
    const { data: open } = await github.rest.pulls.list({ owner, repo, state: 'open', head: `${owner}:${branch}` });
    const where = open[0] ? `pull request #${open[0].number}` : `the branch \`${branch}\``;
    await github.rest.issues.createComment({
      owner,
      repo,
      issue_number: issue,
      body: `This suggestion already has ${where}. Edit it there, or delete the branch \`${branch}\` and add the \`${ACCEPTED_LABEL}\` label again to start afresh.`,
    });
    core.notice(`Issue #${issue}: ${branch} already exists; nothing changed.`);
    return { outcome: 'branch-exists' };
  }
  const title = `Add: ${suggestion.title}`;
  await github.rest.repos.createOrUpdateFileContents({
    owner,
    repo,
    branch,
    path: suggestion.file,
    message: `${title}\n\nFrom the suggestion in #${issue}.`,
    content: Buffer.from(suggestion.entry, 'utf8').toString('base64'),
  });
  const { data: pull } = await github.rest.pulls.create({
    owner,
    repo,
    base,
    head: branch,
    title,
    body: pullRequestBody(suggestion),
  });
  core.notice(`Issue #${issue}: opened pull request #${pull.number}.`);
  return { outcome: 'pull-request', number: pull.number };
}
