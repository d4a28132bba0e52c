/** A problem found in a content file, precise enough for a contributor to fix it without asking. */
export interface Problem {
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line the problem is on (the frontmatter's first line when the field is missing). */
  line: number;
  /** The frontmatter field at fault (`quotes[2]`), or `file`/`frontmatter` for the file as a whole. */
  field: string;
  message: string;
}

/** `content/entries/x/y.md:4: url: must be …` — the form editors and terminals make clickable. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

/** GitHub's workflow-command form, shown as an annotation on the pull request's changed file. */
export function formatGithubAnnotation(problem: Problem): string {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${escapeProperty(problem.file)},line=${problem.line},title=${escapeProperty(problem.field)}::${escapeData(problem.message)}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/** Thrown by the site build when content is invalid: the message lists every problem, one per line. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const lines = sortProblems(problems).map(formatProblem);
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in content/ ` +
        `(run \`npm run validate\` for the same list):\n${lines.join('\n')}`,
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}
