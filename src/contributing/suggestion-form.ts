/**
 * The "Suggest a link" issue form, generated from the list itself so its section and group choices
 * are never stale: the fields a complete entry needs, each labelled as the issue body's `### Label`
 * headings will be, which src/contributing/suggestion.ts reads back.
 */
import { stringify } from 'yaml';
import { declaredGroups, sectionGroupIds, sectionTree } from '../content/list-shape.ts';
import type { CurrentList } from '../content/new-entry.ts';

/** Where the committed form lives, relative to the project root. */
export const SUGGESTION_FORM_PATH = '.github/ISSUE_TEMPLATE/suggest-a-link.yml';

/** The command that rewrites the form from content/ (named in the "out of date" message). */
export const SUGGESTION_FORM_COMMAND = 'npm run suggestion -- --form';

/** The label the form puts on every suggestion; the workflow acts only on issues that carry it. */
export const SUGGESTION_LABEL = 'suggestion';

/** One field of the form: the heading GitHub writes above its answer, and older names read too. */
export interface FormField {
  label: string;
  /** Other headings accepted for this field (an older form's, or a hand edit's). */
  aliases: readonly string[];
}

/** The form's answers, by the `NewEntryAnswers` field each one fills. */
export const SUGGESTION_FIELDS = {
  url: { label: 'URL', aliases: ['Link', 'Address'] },
  title: { label: 'Title', aliases: [] },
  section: { label: 'Section', aliases: [] },
  kind: { label: 'Group', aliases: ['Kind'] },
  quotes: { label: 'Quotes', aliases: ['Quote'] },
  tags: { label: 'Tags', aliases: ['Tag'] },
  also: { label: 'Also list in', aliases: ['Also in', 'also_in'] },
  notes: { label: 'Notes', aliases: ['Why it belongs in the list', 'Note'] },
} as const satisfies Record<string, FormField>;

export type SuggestionFieldId = keyof typeof SUGGESTION_FIELDS;

/** A dropdown option naming a section or group: its title, then its id in parentheses, which is what is read back. */
export const choiceLabel = (title: string, id: string) => `${title} (${id})`;

/** The id a dropdown answer names: the one in parentheses at its end, else the answer itself. */
export function choiceId(answer: string): string {
  return /\(([a-z0-9]+(?:-[a-z0-9]+)*)\)\s*$/.exec(answer)?.[1] ?? answer.trim();
}

/** Section options as readers find them: in the order of the site, each under its parents ("Parent › Child (child)"). */
function sectionOptions(list: CurrentList): string[] {
  const tree = sectionTree(list.sections);
  return tree.inOrder.map((section) => {
    const path = [...tree.ancestorsOf(section.id), section].map((each) => each.data.title.trim()).join(' › ');
    return choiceLabel(path, section.id);
  });
}

/** What the Group field says about which sections show which groups. */
function groupDescription(list: CurrentList): string {
  const groups = declaredGroups(list.list?.data);
  const tree = sectionTree(list.sections);
  const shownBy = tree.inOrder.map((section) => ({ id: section.id, shown: sectionGroupIds(section.data, groups) }));
  const all = groups.map((group) => group.id).join(',');
  const intro = 'Where the link is listed within its section.';
  if (shownBy.every((section) => section.shown.join(',') === all)) return `${intro} Every section shows these groups.`;
  const lines = shownBy.map(({ id, shown }) => `${id}: ${shown.length ? shown.join(', ') : 'no groups (leave this empty)'}`);
  return `${intro} The groups each section shows:\n${lines.join('\n')}`;
}

/** The form as data, in the shape GitHub's issue-form schema expects. */
export function suggestionFormData(list: CurrentList): Record<string, unknown> {
  const groups = declaredGroups(list.list?.data);
  const anySectionHasGroups = list.sections.some((section) => sectionGroupIds(section.data, groups).length > 0);
  const sectionIds = sectionTree(list.sections).inOrder.map((section) => section.id);
  const field = (id: SuggestionFieldId) => SUGGESTION_FIELDS[id].label;
  return {
    name: 'Suggest a link',
    description: 'Propose an article for the reading list; once a maintainer accepts it, a pull request adds it.',
    title: 'Suggest: ',
    labels: [SUGGESTION_LABEL],
    body: [
      {
        type: 'markdown',
        attributes: {
          value: [
            'Thanks! Fill in what you can: a maintainer reviews the suggestion, may edit it, and labels it',
            '`accepted`; a pull request that adds the entry then opens by itself. To open the pull request',
            'yourself instead, see CONTRIBUTING.md: it is one small file.',
          ].join('\n'),
        },
      },
      {
        type: 'input',
        id: 'url',
        attributes: {
          label: field('url'),
          description: "The article's canonical https:// address, without tracking parameters.",
          placeholder: 'https://example.com/post',
        },
        validations: { required: true },
      },
      {
        type: 'input',
        id: 'title',
        attributes: { label: field('title'), description: "The article's title, as it should appear as the link text." },
        validations: { required: true },
      },
      {
        type: 'dropdown',
        id: 'section',
        attributes: { label: field('section'), description: 'The section it belongs in.', options: sectionOptions(list) },
        validations: { required: true },
      },
      ...(anySectionHasGroups
        ? [
            {
              type: 'dropdown',
              id: 'kind',
              attributes: {
                label: field('kind'),
                description: groupDescription(list),
                options: groups.map((group) => choiceLabel(group.heading.trim(), group.id)),
              },
            },
          ]
        : []),
      {
        type: 'textarea',
        id: 'quotes',
        attributes: {
          label: field('quotes'),
          description:
            'Passages copied word for word that make sense on their own: one per line; a passage of several lines with each line starting with "> ".',
        },
      },
      {
        type: 'input',
        id: 'tags',
        attributes: {
          label: field('tags'),
          description: 'Optional, comma-separated, lowercase-with-hyphens (data-engineering, ml).',
        },
      },
      {
        type: 'textarea',
        id: 'also',
        attributes: {
          label: field('also'),
          description: [
            'Optional: other sections to show it in too, one per line, as a section id or section-id/group-id',
            `(e.g. ${sectionIds[0] ?? 'section'}${anySectionHasGroups ? `/${groups[0]?.id ?? 'group'}` : ''}).`,
            `Sections: ${sectionIds.join(', ')}.`,
            ...(anySectionHasGroups ? [`Groups: ${groups.map((group) => group.id).join(', ')}.`] : []),
          ].join(' '),
        },
      },
      {
        type: 'textarea',
        id: 'notes',
        attributes: {
          label: field('notes'),
          description: 'Why it belongs in the list, in a sentence or two (Markdown); they become the entry’s notes.',
        },
      },
    ],
  };
}

/** The form file's text: a header saying how it is made, then the form as YAML. */
export function suggestionFormYaml(list: CurrentList): string {
  const header = [
    `# Generated from content/ by \`${SUGGESTION_FORM_COMMAND}\`; edit src/contributing/suggestion-form.ts, not this file.`,
    '# The section and group choices are the list’s own: run the command again after adding or renaming one.',
  ].join('\n');
  return `${header}\n${stringify(suggestionFormData(list), { lineWidth: 0, singleQuote: true })}`;
}
