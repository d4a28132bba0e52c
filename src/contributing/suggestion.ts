/**
 * A "Suggest a link" issue body → the answers `npm run new` takes, with every problem found in
 * them. Writing the entry is then new-entry.ts's job, exactly as for `npm run new`.
 */
import { answerProblems, type AnswerProblem, type CurrentList, type NewEntryAnswers } from '../content/new-entry.ts';
import { declaredGroups } from '../content/list-shape.ts';
import { parseIssueForm } from './issue-form.ts';
import { SUGGESTION_FIELDS, choiceId, type SuggestionFieldId } from './suggestion-form.ts';
import { readQuoteField } from './form-quotes.ts';

export interface Suggestion {
  answers: NewEntryAnswers;
  /** Every problem, as `npm run new` reports them (`field` is the entry field: url, title, kind, also_in[0]…). */
  problems: AnswerProblem[];
}

/** The entry field a form field fills, as problems name it. */
const ENTRY_FIELD: Record<SuggestionFieldId, string> = {
  url: 'url',
  title: 'title',
  section: 'section',
  kind: 'kind',
  quotes: 'quotes',
  tags: 'tags',
  also: 'also_in',
  notes: 'notes',
};

/** Problems in the order of the form's fields, then of the items in a field (`also_in[0]`, `also_in[1]`). */
function fieldRank(field: string): number {
  const [, name = field, index = '0'] = /^([^[]*)(?:\[(\d+)\])?/.exec(field) ?? [];
  const order = Object.values(ENTRY_FIELD).indexOf(name);
  return (order === -1 ? Object.keys(ENTRY_FIELD).length : order) * 10_000 + Number(index);
}

/** Fields whose answer is one line; a second line is a mistake (or a hand edit gone wrong), not text to keep. */
const ONE_LINE_FIELDS: readonly SuggestionFieldId[] = ['url', 'title', 'section', 'kind'];

/** The id a dropdown answer names: `Title (id)`, the id itself, or a title written out in full. */
function resolveChoice(answer: string, choices: readonly { id: string; title: string }[]): string {
  const id = choiceId(answer);
  if (choices.some((choice) => choice.id === id)) return id;
  const byTitle = choices.find((choice) => choice.title.trim().toLowerCase() === answer.trim().toLowerCase());
  return byTitle?.id ?? id;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Reads a suggestion issue's body into answers for `list`, with every problem in them. */
export function suggestionFromIssue(body: string, list: CurrentList): Suggestion {
  const { answers: form, repeated } = parseIssueForm(body, SUGGESTION_FIELDS);
  const formProblems: AnswerProblem[] = repeated.map((id) => ({
    field: ENTRY_FIELD[id],
    message: `the issue has more than one "### ${SUGGESTION_FIELDS[id].label}" heading: keep one, with the answer under it`,
  }));
  for (const id of ONE_LINE_FIELDS) {
    if ((form[id] ?? '').trim().includes('\n')) {
      formProblems.push({
        field: ENTRY_FIELD[id],
        message: `must be one line; the answer under "### ${SUGGESTION_FIELDS[id].label}" has several`,
      });
    }
  }
  const text = (id: SuggestionFieldId) => (form[id] ?? '').trim();
  // GitHub offers "None" in an optional dropdown; chosen, it is no answer.
  const choice = (id: SuggestionFieldId) => (text(id) === 'None' ? '' : text(id));
  const sections = list.sections.map((section) => ({ id: section.id, title: section.data.title }));
  const groups = declaredGroups(list.list?.data).map((group) => ({ id: group.id, title: group.heading }));
  const answers: NewEntryAnswers = {
    url: text('url'),
    title: text('title'),
    section: choice('section') && resolveChoice(choice('section'), sections),
    kind: choice('kind') && resolveChoice(choice('kind'), groups),
    quotes: readQuoteField(form.quotes ?? ''),
    tags: text('tags')
      .split(/[\s,]+/)
      .filter(Boolean),
    also: lines(text('also').replace(/,/g, '\n')).map((also) => choiceId(also).replace(/\s*\/\s*/g, '/')),
    notes: text('notes'),
  };
  answers.also.forEach((also, index) => {
    if (!/^[^/]+(?:\/[^/]+)?$/.test(also)) {
      formProblems.push({
        field: `also_in[${index}]`,
        message: `"${also}" must be a section id, or a section id and a group id: section/group`,
      });
    }
  });
  // A field already reported as unreadable is not reported a second time as invalid.
  const reported = new Set(formProblems.map((problem) => problem.field));
  const problems = answerProblems(answers, list).filter((problem) => !reported.has(problem.field));
  return { answers, problems: [...formProblems, ...problems].sort((a, b) => fieldRank(a.field) - fieldRank(b.field)) };
}
