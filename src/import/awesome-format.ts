/**
 * The awesome-list format: a GitHub README such as sindresorhus/awesome's lists.
 *
 *   # Awesome Things [![Awesome](…badge…)](…)   the title (badges left out, said so); without one, an
 *                                               HTML header's <h1> or logo, or the file name
 *                                               (src/import/readers/page-head.ts)
 *   > A curated list of things.                 the tagline: the list's (or page section's) one line
 *   ## Contents                                 a table of contents: left out, said so
 *   ## Section                                  a section; `###` a sub-section, and so on down
 *   - :movie_camera: [Name](https://…) - Description.   an entry (see src/import/page-body.ts)
 *   ## Contributing / License / Footnotes       about the README, not the list: left out, said so
 *
 * Sections have no groups unless the page declares some (an HTML comment holding `groups:` as
 * content/list.md writes them, which exports carry); then a heading with a declared group's heading
 * is that group.
 */
import type { Heading, Nodes, RootContent } from 'mdast';
import { parseDocument } from 'yaml';
import { isAboutTheReadme, isContentsHeading, readGroupDeclaration } from './conventions.ts';
import { isBadge, isComment, lineOf, parsePage, readerText } from './markdown.ts';
import { readBody, type HeadingRole } from './page-body.ts';
import { emptyPlan, type ImportPlan, type PlanGroup } from './plan.ts';
import { readPageTitle, type TitleSource } from './readers/page-head.ts';
import { definitionsOf, linksIn } from './readers/prose.ts';

const TITLE_SOURCES: Record<TitleSource, string> = {
  given: '--title',
  heading: 'its "#" heading',
  html: 'its HTML header',
  'file name': 'the file name',
  default: 'nothing on the page',
};

export function readAwesomePage(source: string, file: string, options: { title?: string | undefined } = {}): ImportPlan {
  const { tree, frontmatter } = parsePage(source);
  const nodes = [...tree.children];
  const urlOf = definitionsOf(tree.children);
  const frontmatterTitle = typeof frontmatter?.data.title === 'string' ? frontmatter.data.title.trim() : '';
  const isContents = (heading: Heading) => isContentsHeading(readerText(heading));
  const title = readPageTitle(nodes, file, { given: options.title || frontmatterTitle, isContents });
  const plan = emptyPlan(file, 'awesome', title.text);
  plan.links = [...linksIn(tree.children, urlOf)];
  plan.title = { text: title.text, line: title.line };
  if (title.source !== 'heading' && title.source !== 'given')
    plan.notices.push({
      file,
      line: title.line,
      message: `the page has no "# Title" line: its title is "${title.text}", from ${TITLE_SOURCES[title.source]} (give another with --title)`,
    });
  const titleNode = title.heading;
  if (titleNode) {
    nodes.splice(nodes.indexOf(titleNode), 1);
    const urls = [...linksIn(titleNode, urlOf)];
    if (urls.length > 0) plan.leftOut.push({ line: lineOf(titleNode), what: 'the title line', urls });
    if (hasPictures(titleNode))
      plan.notices.push({ file, line: lineOf(titleNode), message: 'badges and images in the title are left out' });
  }

  // The groups an exported page declares, in an HTML comment before its first section.
  const firstSection = nodes.findIndex((node) => node.type === 'heading');
  const declarationIndex = nodes.findIndex(
    (node, index) =>
      (firstSection < 0 || index < firstSection) &&
      node.type === 'html' &&
      isComment(node.value) &&
      declaration(node.value) !== undefined,
  );
  let declared: PlanGroup[] | undefined;
  if (declarationIndex >= 0) {
    const node = nodes[declarationIndex]!;
    const read = declaration((node as { value: string }).value)!;
    if (typeof read === 'string') plan.problems.push({ file, line: lineOf(node), field: 'groups', message: read, lines: 1 });
    else declared = read;
    nodes.splice(declarationIndex, 1);
  }
  if (declared) {
    plan.groups.push(...declared);
    plan.groupsDeclared = true;
  }
  const byHeading = new Map((declared ?? []).map((group) => [group.heading.toLowerCase(), group]));
  const contents = new Set(
    nodes.filter((node, index) => node.type === 'heading' && isContentsHeading(readerText(node)) && isContentsBody(nodes, index)),
  );

  readBody(
    plan,
    file,
    nodes,
    {
      heading: (_level, text, node): HeadingRole => {
        const group = byHeading.get(text.toLowerCase());
        if (group) return { role: 'group', ...group };
        if (contents.has(node)) return { role: 'skip', why: 'a table of contents' };
        // "## Index" with its table of contents and then the real sections under it.
        if (isContents(node)) return { role: 'transparent', why: 'a table of contents heading' };
        if (isAboutTheReadme(text)) return { role: 'skip', why: 'it is about the README, not the list' };
        return { role: 'section' };
      },
    },
    urlOf,
  );
  plan.description = plan.sections[0]!.summary;
  return plan;
}

/** A heading with images or badges in it. */
function hasPictures(node: Nodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference' || isBadge(node)) return true;
  return 'children' in node && node.children.some(hasPictures);
}

/** The nodes under a "Contents" heading are only links within the page (or nothing). */
function isContentsBody(nodes: readonly RootContent[], index: number): boolean {
  const heading = nodes[index];
  if (heading?.type !== 'heading') return false;
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link') urls.push(node.url);
    if ('children' in node) node.children.forEach(visit);
  };
  for (const node of nodes.slice(index + 1)) {
    if (node.type === 'heading' && node.depth <= heading.depth) break;
    if (node.type === 'heading') return false;
    visit(node);
  }
  return urls.every((url) => url.startsWith('#'));
}

/**
 * The groups declared in an HTML comment (`<!--` then `groups:` as YAML, then `-->`): the groups, an
 * error message, or undefined when the comment is not a declaration.
 */
function declaration(html: string): PlanGroup[] | string | undefined {
  const inner = html.trim().replace(/^<!--/, '').replace(/-->$/, '');
  if (!/^\s*groups\s*:/.test(inner)) return undefined;
  const doc = parseDocument(inner, { schema: 'failsafe' });
  if (doc.errors.length > 0) return 'the groups comment must hold "groups:" as YAML';
  return readGroupDeclaration((doc.toJS() as { groups?: unknown } | null)?.groups);
}
