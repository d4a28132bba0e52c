/**
 * Reads the body GitHub writes for a submitted issue form: each field's label as a `### Label`
 * heading, the answer beneath it, and `_No response_` for an optional field left empty. A body may
 * have been edited by hand since: headings in another order, text before them, Windows line endings.
 */
import type { FormField } from './suggestion-form.ts';

/** What GitHub writes for an optional field left empty. */
const NO_RESPONSE = '_No response_';

/** A heading as compared with the form's labels: case, spacing and a trailing colon do not matter. */
const headingKey = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/[\s:]+$/, '')
    .trim()
    .toLowerCase();

export interface IssueFormAnswers<Id extends string> {
  /** Each field's answer, without surrounding blank lines; absent for a field with no heading, `''` for no response. */
  answers: Partial<Record<Id, string>>;
  /** Fields whose heading appears more than once (the answers cannot be told apart). */
  repeated: Id[];
}

/**
 * The answers in `body`, by field id. Only the form's own labels (or their aliases) start a field:
 * any other `###` heading, like anything else between two labels, is part of the answer above it,
 * so nothing a contributor wrote is dropped. Text before the first label is not part of any answer.
 */
export function parseIssueForm<Id extends string>(body: string, fields: Record<Id, FormField>): IssueFormAnswers<Id> {
  const byHeading = new Map<string, Id>();
  for (const [id, field] of Object.entries(fields) as [Id, FormField][]) {
    for (const name of [field.label, ...field.aliases]) byHeading.set(headingKey(name), id);
  }
  const lines = body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const collected = new Map<Id, string[]>();
  const repeated = new Set<Id>();
  let current: string[] | undefined;
  for (const line of lines) {
    const heading = /^ {0,3}###[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    const id = heading ? byHeading.get(headingKey(heading[1] ?? '')) : undefined;
    if (id === undefined) {
      current?.push(line);
      continue;
    }
    if (collected.has(id)) repeated.add(id);
    current = [];
    collected.set(id, current);
  }
  const answers: Partial<Record<Id, string>> = {};
  for (const [id, answerLines] of collected) {
    const text = answerLines
      .join('\n')
      .replace(/^(?:[ \t]*\n)+/, '')
      .trimEnd();
    answers[id] = text.trim() === NO_RESPONSE ? '' : text;
  }
  return { answers, repeated: [...repeated] };
}
