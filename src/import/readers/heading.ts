/**
 * The heading reader: what the page's format says a heading is — a section (nested by level), a
 * group of the section above, a part left out as a whole (a table of contents, Contributing; its
 * links counted with it), a heading left out while what is under it is read ("Index" over the real
 * sections), or a heading the format cannot place (refused, with what is under it).
 */
import type { Heading } from 'mdast';
import type { BodyState, HeadingRole } from '../body-state.ts';
import { lineOf, readerText } from '../markdown.ts';
import type { PlanSection } from '../plan.ts';
import { linksIn } from './prose.ts';

export function readHeading(state: BodyState, node: Heading): void {
  const { plan } = state;
  state.endLabel();
  state.closeEntries();
  const text = readerText(node, { html: false });
  const role: HeadingRole =
    text === '' ? { role: 'refuse', message: 'a heading without text' } : state.rules.heading(node.depth, text, node);
  const passOver = (what: string, problem?: (typeof plan.problems)[number]) => {
    const part = { line: lineOf(node), what, urls: [...linksIn(node, state.urlOf)] };
    plan.leftOut.push(part);
    state.skipping = { level: node.depth, problem, seen: new Set(part.urls), urls: part.urls };
  };
  if (role.role === 'skip') {
    state.notice(node, `"${text}" is left out: ${role.why}`);
    passOver(`the part "${text}"`);
    return;
  }
  if (role.role === 'refuse') {
    const problem = {
      file: state.file,
      line: lineOf(node),
      field: 'heading',
      message: `${role.message} (what is under it is not imported)`,
      lines: 1,
    };
    plan.problems.push(problem);
    passOver('parts refused (see the problems)', problem);
    return;
  }
  const { stack } = state;
  while (stack.length > 1 && state.top().level >= node.depth) stack.pop();
  if (role.role === 'transparent') {
    state.notice(node, `the heading "${text}" is left out (${role.why}); the sections under it are read`);
    return;
  }
  const headingLinks = [...linksIn(node, state.urlOf)];
  if (headingLinks.length > 0)
    plan.leftOut.push({ line: lineOf(node), what: 'links in headings (their words kept)', urls: headingLinks });
  if (role.role === 'group') {
    const current = state.top();
    current.kind = role.id;
    current.blocks++;
    if (!current.section.groups.includes(role.id)) current.section.groups.push(role.id);
    if (!plan.groups.some((group) => group.id === role.id)) plan.groups.push({ id: role.id, heading: role.heading });
    return;
  }
  const section: PlanSection = {
    key: `s${++state.sectionCount}`,
    line: lineOf(node),
    title: text,
    intro: [],
    parent: state.top().section.key,
    groups: [],
  };
  plan.sections.push(section);
  stack.push({ section, level: node.depth, kind: undefined, blocks: 0, entries: 0 });
}
