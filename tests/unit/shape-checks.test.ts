/** The rules of a list's declared shape (groups, nested sections, cross-listings), through readReadingList. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReadingList } from '../../src/content/content-files.ts';
import { formatProblem, sortProblems } from '../../src/content/problems.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-shape-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
const problems = () => sortProblems(readReadingList(dir, dir).problems).map(formatProblem);

const GROUPED_LIST = [
  '---',
  'title: "Teams and organisations"',
  'groups:',
  '  - id: culture',
  '    heading: "Culture"',
  '  - id: communication',
  '    heading: "Communication"',
  '  - id: peer-review',
  '    heading: "Peer Review"',
  '---',
  '',
].join('\n');

/** A list with declared groups, three levels of sections, a section without groups, and one without a summary. */
function writeShapedList() {
  write('list.md', GROUPED_LIST);
  write('sections/roles.md', '---\ntitle: "Roles, Teams and Orgs"\norder: 1\ngroups: []\n---\n');
  write('sections/teams.md', '---\ntitle: "Teams"\nparent: roles\ngroups:\n  - culture\n  - peer-review\n---\n');
  write('sections/orgs.md', '---\ntitle: "Organizations"\nsummary: "How companies work"\nparent: roles\n---\n');
  write('sections/rituals.md', '---\ntitle: "Rituals"\nparent: teams\ngroups: []\n---\n');
}
const entry = (fields: string) => `---\ntitle: "T"\nurl: "https://example.com/${Math.random()}"\n${fields}---\n`;

describe('a list that declares its shape', () => {
  it('accepts declared groups, three levels of sections, sections without groups or summary, and a cross-listing', () => {
    writeShapedList();
    write(
      'entries/teams/a.md',
      entry('section: teams\nkind: culture\nalso_in:\n  - section: orgs\n    kind: culture\n  - section: rituals\n'),
    );
    write('entries/rituals/b.md', entry('section: rituals\n'));
    write('entries/roles/c.md', entry('section: roles\n'));
    write('entries/orgs/d.md', entry('section: orgs\nkind: communication\n'));
    expect(problems()).toEqual([]);
  });

  it('keeps today’s files valid: no groups declared means framing and approach in every section', () => {
    write('list.md', '---\ntitle: "List"\n---\n');
    write('sections/alpha.md', '---\ntitle: "Alpha"\nsummary: "S"\norder: 1\n---\n');
    write('entries/alpha/a.md', entry('section: alpha\nkind: approach\n'));
    expect(problems()).toEqual([]);
  });
});

describe('groups', () => {
  beforeEach(writeShapedList);

  it('names the declared groups and the nearest for a kind that is not declared', () => {
    write('entries/teams/a.md', entry('section: teams\nkind: culure\n'));
    expect(problems()).toEqual([
      'entries/teams/a.md:5: kind: no group "culure" is declared; did you mean "culture"? The groups are "culture", "communication", "peer-review" (section "teams" shows "culture", "peer-review")',
    ]);
  });

  it('refuses a group the section does not show, naming the ones it does', () => {
    write('entries/teams/a.md', entry('section: teams\nkind: communication\n'));
    expect(problems()).toEqual([
      'entries/teams/a.md:5: kind: section "teams" does not show the group "communication": it shows "culture", "peer-review"; choose one of those, or add "communication" to the section\'s groups',
    ]);
  });

  it('asks for a kind in a section with groups, and refuses one in a section without', () => {
    write('entries/teams/a.md', entry('section: teams\n'));
    write('entries/rituals/b.md', entry('section: rituals\nkind: culture\n'));
    expect(problems()).toEqual([
      'entries/rituals/b.md:5: kind: section "rituals" lists its entries without groups (its groups: []): remove this line',
      'entries/teams/a.md:4: kind: is missing: section "teams" lists its entries under the groups "culture", "peer-review"; add a line "kind: culture"',
    ]);
  });

  it('refuses a group id that is not a slug, or declared twice', () => {
    write(
      'list.md',
      '---\ntitle: "L"\ngroups:\n  - id: culture\n    heading: "Culture"\n  - id: Peer Review\n    heading: "Peer Review"\n  - id: culture\n    heading: "Culture again"\n---\n',
    );
    expect(problems()).toContainEqual(
      'list.md:6: groups[1].id: must be a group id: lowercase letters, digits and hyphens, like "data-platforms"',
    );
  });

  it('refuses the same group id declared twice, pointing at the first', () => {
    write(
      'list.md',
      '---\ntitle: "L"\ngroups:\n  - id: culture\n    heading: "Culture"\n  - id: communication\n    heading: "Comms"\n  - id: culture\n    heading: "Culture again"\n  - id: peer-review\n    heading: "Peer Review"\n---\n',
    );
    expect(problems()).toEqual([
      'list.md:8: groups[2].id: the group "culture" is already declared on line 4: give each group its own id',
    ]);
  });

  it('refuses a section that shows an undeclared group, or one group twice', () => {
    write('sections/teams.md', '---\ntitle: "Teams"\nparent: roles\ngroups:\n  - culture\n  - cultures\n  - culture\n---\n');
    expect(problems()).toEqual([
      'sections/teams.md:6: groups[1]: no group "cultures": the groups content/list.md declares are "culture", "communication", "peer-review"; did you mean "culture"?',
      'sections/teams.md:7: groups[2]: the group "culture" is listed twice: keep one',
    ]);
  });
});

describe('nested sections', () => {
  beforeEach(writeShapedList);

  it('refuses an unknown parent with the nearest section id', () => {
    write('sections/rituals.md', '---\ntitle: "Rituals"\nparent: tems\ngroups: []\n---\n');
    expect(problems()).toEqual([
      'sections/rituals.md:3: parent: no section "tems" (there is no content/sections/tems.md); did you mean "teams"? The sections are "orgs", "roles", "teams"',
    ]);
  });

  it('refuses a section that is its own parent', () => {
    write('sections/rituals.md', '---\ntitle: "Rituals"\nparent: rituals\ngroups: []\n---\n');
    expect(problems()).toEqual([
      'sections/rituals.md:3: parent: a section cannot be its own parent: name another section, or remove the line',
    ]);
  });

  it('refuses a parent cycle, showing the chain on each section in it', () => {
    write('sections/roles.md', '---\ntitle: "Roles"\nparent: rituals\ngroups: []\n---\n');
    expect(problems()).toEqual([
      'sections/rituals.md:3: parent: sections cannot contain each other: rituals → teams → roles → rituals; remove "parent" from one of them',
      'sections/roles.md:3: parent: sections cannot contain each other: roles → rituals → teams → roles; remove "parent" from one of them',
      'sections/teams.md:3: parent: sections cannot contain each other: teams → roles → rituals → teams; remove "parent" from one of them',
    ]);
  });
});

describe('cross-listing', () => {
  beforeEach(writeShapedList);

  it('refuses a cross-listing into an unknown section, the entry’s own section, or the same section twice', () => {
    write(
      'entries/teams/a.md',
      entry(
        'section: teams\nkind: culture\nalso_in:\n  - section: orgz\n  - section: teams\n  - section: rituals\n  - section: rituals\n',
      ),
    );
    expect(problems()).toEqual([
      'entries/teams/a.md:7: also_in[0].section: no section "orgz" (there is no content/sections/orgz.md); did you mean "orgs"? The sections are "orgs", "rituals", "roles", "teams"',
      'entries/teams/a.md:8: also_in[1].section: "teams" is this entry\'s own section: list other sections here, or remove the line',
      'entries/teams/a.md:10: also_in[3].section: the entry is already listed in "rituals": keep one',
    ]);
  });

  it('checks the group of each cross-listing against the section it lists into', () => {
    write(
      'entries/teams/a.md',
      entry('section: teams\nkind: culture\nalso_in:\n  - section: orgs\n  - section: rituals\n    kind: culture\n'),
    );
    expect(problems()).toEqual([
      'entries/teams/a.md:7: also_in[0].kind: is missing: section "orgs" lists its entries under the groups "culture", "communication", "peer-review"; add a line "  kind: culture"',
      'entries/teams/a.md:9: also_in[1].kind: section "rituals" lists its entries without groups (its groups: []): remove this line',
    ]);
  });

  it('still refuses two files with the same link, and says how to cross-list instead', () => {
    write('entries/teams/a.md', '---\ntitle: "A"\nurl: "https://example.com/same"\nsection: teams\nkind: culture\n---\n');
    write('entries/orgs/b.md', '---\ntitle: "B"\nurl: "https://example.com/same/"\nsection: orgs\nkind: culture\n---\n');
    expect(problems()).toEqual([
      'entries/teams/a.md:3: url: the same link is already in the list: entries/orgs/b.md:3. To show that entry in section "teams" too, list it there from its own file ("also_in:" then "  - section: teams") and delete this one',
    ]);
  });
});
