/**
 * The legacy format: a hand-edited site page (Jekyll) like the one the first list came from.
 *
 *   ---                                 frontmatter: `title` (the page), `subtitle` or
 *   title: Roles, Teams, Orgs           `description` (its one line), optionally `groups:` as
 *   subtitle: How data roles fit …      content/list.md declares them (exported pages do)
 *   ---
 *   # Teams                             a section (its first plain line: the summary)
 *   ## Culture                          a group of that section
 *   [**Title**](https://…): description an entry; `> quote`, `- > quote` and `- note` after it
 *
 * A page whose `#` headings have no `##` under them anywhere lists its groups at `#` (Framing,
 * Building, Gardening); otherwise `#` are sections and `##` their groups, and a section with no `##`
 * lists its entries directly. A page that declares its groups instead nests sections by heading
 * level, and a heading whose text is a declared group's heading is that group.
 */
import { slugify, uniqueSlug } from '../content/slugs.ts';
import { isAboutTheReadme, readGroupDeclaration } from './conventions.ts';
import { parsePage, type PageFrontmatter } from './markdown.ts';
import { readBody, type BodyRules, type HeadingRole } from './page-body.ts';
import { emptyPlan, type ImportPlan, type PlanGroup } from './plan.ts';
import { definitionsOf, linksIn } from './readers/prose.ts';

/** Frontmatter keys a site page carries that mean nothing to a reading list. */
const SITE_KEYS = new Set(['layout', 'permalink']);
const PAGE_KEYS = new Set(['title', 'subtitle', 'description', 'groups']);

export function readLegacyPage(source: string, file: string): ImportPlan {
  const { tree, frontmatter } = parsePage(source);
  const title = frontmatterText(frontmatter, 'title');
  const plan = emptyPlan(file, 'legacy', title ?? '');
  const refuse = (line: number, field: string, message: string) => plan.problems.push({ file, line, field, message, lines: 1 });
  if (!frontmatter) {
    refuse(
      1,
      'frontmatter',
      'a legacy page starts with YAML frontmatter ("---", "title: …", "---"); for a README use --format awesome',
    );
  } else if (frontmatter.error) {
    refuse(frontmatter.error.line, 'frontmatter', `YAML syntax: ${frontmatter.error.message}`);
  } else if (!title) {
    refuse(frontmatter.lines.get('title') ?? 1, 'title', 'the frontmatter needs "title: …" (the page title)');
  }
  if (title) plan.title = { text: title, line: frontmatter?.lines.get('title') ?? 1 };
  const description = frontmatterText(frontmatter, 'subtitle') ?? frontmatterText(frontmatter, 'description');
  if (description) plan.sections[0]!.summary = description;
  for (const key of Object.keys(frontmatter?.data ?? {})) {
    if (!SITE_KEYS.has(key) && !PAGE_KEYS.has(key)) {
      plan.notices.push({
        file,
        line: frontmatter?.lines.get(key) ?? 1,
        message: `the frontmatter field "${key}" is not imported`,
      });
    }
  }

  const declared = declaredGroups(frontmatter, refuse);
  if (declared) {
    plan.groups.push(...declared);
    plan.groupsDeclared = true;
  }
  const hasGroupLevel = tree.children.some((node) => node.type === 'heading' && node.depth === 2);
  const rules: BodyRules = { heading: declared ? declaredRules(declared) : inferredRules(plan.groups, hasGroupLevel) };
  const urlOf = definitionsOf(tree.children);
  plan.links = [...linksIn(tree.children, urlOf)];
  readBody(plan, file, tree.children, rules, urlOf);
  plan.description = plan.sections[0]!.summary;
  return plan;
}

function frontmatterText(frontmatter: PageFrontmatter | undefined, key: string): string | undefined {
  const value = frontmatter?.data[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Headings by name: declared group headings are groups; every other heading is a section. */
function declaredRules(groups: readonly PlanGroup[]): BodyRules['heading'] {
  const byHeading = new Map(groups.map((group) => [group.heading.toLowerCase(), group]));
  return (_level, text): HeadingRole => {
    const group = byHeading.get(text.toLowerCase());
    if (group) return { role: 'group', ...group };
    if (isAboutTheReadme(text)) return { role: 'skip', why: 'it is about the page, not the list' };
    return { role: 'section' };
  };
}

/** Headings by level, as the origin site wrote them (see the module comment). */
function inferredRules(groups: PlanGroup[], hasGroupLevel: boolean): BodyRules['heading'] {
  const groupLevel = hasGroupLevel ? 2 : 1;
  return (level, text): HeadingRole => {
    if (level === groupLevel) return { role: 'group', ...inferGroup(groups, text) };
    if (level < groupLevel) {
      if (isAboutTheReadme(text)) return { role: 'skip', why: 'it is about the page, not the list' };
      return { role: 'section' };
    }
    return {
      role: 'refuse',
      message: hasGroupLevel
        ? `"${'#'.repeat(level)} ${text}": on this page "#" headings are sections and "##" their groups; deeper headings are not read`
        : `"${'#'.repeat(level)} ${text}": on this page "#" headings are groups; deeper headings are not read`,
    };
  };
}

/** The first list's groups keep their ids (Framing → framing, (Selected) Approaches → approach). */
const GROUP_ID_OF_DEFAULT_HEADING: Record<string, string> = {
  framing: 'framing',
  approaches: 'approach',
  'selected approaches': 'approach',
};

/** The group a heading names: one already met with that heading, else a new id from the heading. */
export function inferGroup(groups: readonly PlanGroup[], heading: string): PlanGroup {
  const key = heading.toLowerCase();
  const id = GROUP_ID_OF_DEFAULT_HEADING[key];
  const known = groups.find((group) => (id !== undefined ? group.id === id : group.heading.toLowerCase() === key));
  if (known) return known;
  if (id !== undefined) return { id, heading };
  const taken = new Set(groups.map((group) => group.id));
  return { id: uniqueSlug(slugify(heading), (candidate) => taken.has(candidate)), heading };
}

/** `groups:` in the frontmatter: the page declares its groups as content/list.md does. */
function declaredGroups(
  frontmatter: PageFrontmatter | undefined,
  refuse: (line: number, field: string, message: string) => void,
) {
  const value = frontmatter?.data.groups;
  if (value === undefined) return undefined;
  const groups = readGroupDeclaration(value);
  if (typeof groups === 'string') {
    refuse(frontmatter?.lines.get('groups') ?? 1, 'groups', groups);
    return undefined;
  }
  return groups;
}
