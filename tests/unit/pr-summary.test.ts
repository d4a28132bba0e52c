/**
 * `npm run pr-summary` on a real, temporary git repository: commits that add, edit, move,
 * cross-list and remove entries (some with hostile titles and quotes), read from git without a
 * checkout, summarised as Markdown that stays text wherever contributed text lands.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/pr-summary.ts';
import { serialiseEntry, serialiseList, serialiseSection } from '../../src/content/entry-file.ts';
import { renderSummary } from '../../src/contributing/change-summary.ts';
import { readListAtCommit } from '../../src/contributing/git-revision.ts';
import { listChanges } from '../../src/contributing/list-changes.ts';
import type { EntryInput } from '../../src/schemas/content.ts';

let repo: string;

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();

function write(path: string, text: string) {
  mkdirSync(join(repo, dirname(path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

function writeEntry(slug: string, data: EntryInput, notes = '') {
  write(`content/entries/${data.section}/${slug}.md`, serialiseEntry(data, notes));
}

function commit(message: string): string {
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
  return git('rev-parse', 'HEAD');
}

const HOSTILE_TITLE = '@octocat <img src=x onerror=alert(1)> [pwn](javascript:alert(1)) #42 $(rm -rf /) ``` ../../etc';
const HOSTILE_QUOTE = '```\n</details><script>alert(1)</script> @everyone see https://evil.example/';

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'commonplace-pr-summary-'));
  git('init', '-q', '-b', 'main');
  write('content/list.md', serialiseList({ title: 'Test List' }));
  write('content/sections/platforms.md', serialiseSection({ title: 'Platforms', order: 1 }));
  write('content/sections/products.md', serialiseSection({ title: 'Products', order: 2 }));
  writeEntry('kept', {
    title: 'Kept As Is',
    url: 'https://example.com/kept',
    section: 'platforms',
    kind: 'framing',
    quotes: ['Unchanged.'],
  });
  writeEntry(
    'edited',
    {
      title: 'Old Title',
      url: 'https://example.com/edited',
      section: 'platforms',
      kind: 'framing',
      tags: ['old-tag'],
      quotes: ['Stays.', 'Goes away.'],
    },
    'First line of notes.',
  );
  writeEntry('mover', { title: 'Moving Entry', url: 'https://example.com/mover', section: 'platforms', kind: 'approach' });
  writeEntry('listed', { title: 'Listed Twice', url: 'https://example.com/listed', section: 'products', kind: 'framing' });
  writeEntry('doomed', { title: 'Soon Removed', url: 'https://example.com/doomed', section: 'products', kind: 'approach' });
  commit('base');
}, 30_000);
afterEach(() => rmSync(repo, { recursive: true, force: true }));

/** The five kinds of change in one branch, with hostile text in what is added. */
function changeEverything(): string {
  writeEntry(
    'hostile',
    {
      title: HOSTILE_TITLE,
      url: 'https://example.com/a_(b)?q=<x>',
      section: 'products',
      kind: 'framing',
      quotes: [HOSTILE_QUOTE],
      tags: ['security'],
    },
    '<script>alert(2)</script> @admin\n\n- point one\n\n````\n@inside #1\n````\nafter the fence @outside',
  );
  writeEntry(
    'edited',
    {
      title: 'New Title',
      url: 'https://example.com/edited',
      section: 'platforms',
      kind: 'approach',
      tags: ['old-tag', 'new-tag'],
      quotes: ['Stays.', 'A new passage.'],
    },
    'First line of notes.\nA second line.',
  );
  git('mv', 'content/entries/platforms/mover.md', 'content/entries/products/mover.md');
  writeEntry('mover', { title: 'Moving Entry', url: 'https://example.com/mover', section: 'products', kind: 'framing' });
  writeEntry('listed', {
    title: 'Listed Twice',
    url: 'https://example.com/listed',
    section: 'products',
    kind: 'framing',
    also_in: [{ section: 'platforms', kind: 'approach' }],
  });
  unlinkSync(join(repo, 'content/entries/products/doomed.md'));
  write('content/sections/streaming.md', serialiseSection({ title: 'Streaming', parent: 'platforms' }));
  return commit('change everything');
}

function summarise(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(args, { cwd: repo, env: {}, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, markdown: out.join('\n'), err };
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}
const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode;
function nodes(node: MdNode): MdNode[] {
  return [node, ...(node.children ?? []).flatMap(nodes)];
}
/** Text a reader sees outside code, where GitHub would look for mentions and issue references. */
function proseText(tree: MdNode): string {
  return nodes(tree)
    .filter((node) => node.type === 'text')
    .map((node) => node.value)
    .join('\n');
}

// Each test runs git a dozen times: on a busy machine that takes seconds, not milliseconds.
describe('npm run pr-summary', { timeout: 30_000 }, () => {
  it('summarises added, changed, moved, cross-listed and removed entries and a new section', () => {
    const base = git('rev-parse', 'HEAD');
    changeEverything();
    const { status, markdown, err } = summarise('--base', base, '--site', 'https://list.example/preview/');
    expect(err).toEqual([]);
    expect(status).toBe(0);
    const lines = markdown.split('\n');
    expect(lines).toContain('**Entries: 1 added · 1 changed · 1 moved · 1 cross-listed · 1 removed — Sections: 1 change**');
    expect(lines).toContain('✓ `npm run validate` passes: 5 entries in 3 sections.');
    // Changed: which fields, with the quotes as readers read them.
    expect(lines).toContain(
      '#### [New Title](<https://example.com/edited>) · `example.com` · [page](<https://list.example/preview/platforms/edited/>)',
    );
    expect(lines).toContain('- title: ~~Old Title~~ → New Title');
    expect(lines).toContain('- group: **Platforms** › Framing → **Platforms** › Selected Approaches');
    expect(lines).toContain('- tags: added `new-tag`');
    expect(lines).toContain('- quotes: 1 quote added, 1 quote removed');
    expect(lines).toContain('- notes: changed');
    expect(lines).toContain('> A new passage\\.');
    expect(lines).toContain('> ~~Goes away\\.~~');
    expect(markdown).toContain('```diff\n  First line of notes.\n+ A second line.\n```');
    // Moved, cross-listed, removed, sections.
    expect(lines).toContain(
      '- [Moving Entry](<https://example.com/mover>) · `example.com`: **Platforms** › Selected Approaches → **Products** › Framing · [page](<https://list.example/preview/products/mover/>)',
    );
    expect(lines).toContain(
      '- [Listed Twice](<https://example.com/listed>) · `example.com`: now also in **Platforms** › Selected Approaches',
    );
    expect(lines).toContain('- Soon Removed (`content/entries/products/doomed.md`)');
    expect(lines).toContain(
      '- Added: **Streaming** (`streaming`), under `platforms` · [page](<https://list.example/preview/streaming/>)',
    );
    expect(markdown).not.toContain('Kept As Is');
  });

  it('keeps hostile titles, quotes and notes as text: no HTML, no mention, no injected link, no escape from code', () => {
    const base = git('rev-parse', 'HEAD');
    changeEverything();
    const { markdown } = summarise('--base', base);
    const tree = parse(markdown);
    const types = new Set(nodes(tree).map((node) => node.type));
    expect(types.has('html')).toBe(false);
    expect(types.has('image')).toBe(false);
    const links = nodes(tree)
      .filter((node) => node.type === 'link')
      .map((node) => node.url);
    expect(links.every((url) => url?.startsWith('https://example.com/'))).toBe(true);
    expect(links).toContain('https://example.com/a_(b)?q=%3Cx%3E');
    const prose = proseText(tree);
    expect(prose).not.toMatch(/@[a-z]/i);
    expect(prose).not.toMatch(/#\d/);
    expect(prose).toContain('<img src=x onerror=alert(1)>');
    // Everything after the added entry's quote is still outside any code block.
    const headings = nodes(tree)
      .filter((node) => node.type === 'heading')
      .map((node) => proseText(node));
    expect(headings).toContain('Removed (1)');
    // Without --site, pages are named, not linked.
    expect(markdown).toContain('`/products/hostile/`');
  });

  it('reads both revisions from git without touching the working tree', () => {
    const base = git('rev-parse', 'HEAD');
    const head = changeEverything();
    git('checkout', '-q', base);
    write('content/entries/platforms/uncommitted.md', 'not even frontmatter');
    const { status, markdown } = summarise('--base', base, '--head', head);
    expect(status).toBe(0);
    expect(markdown).toContain('1 added');
    expect(markdown).not.toContain('uncommitted');
    expect(git('status', '--porcelain')).toBe('?? content/entries/platforms/uncommitted.md');
  });

  it('reports the validation problems at head, and an entry that no longer reads as unreadable, not removed', () => {
    const base = git('rev-parse', 'HEAD');
    write(
      'content/entries/platforms/kept.md',
      '---\ntitle: "Kept As Is"\nurl: "javascript:alert(1)"\nsection: platforms\nkind: framing\n---\n',
    );
    commit('break an entry');
    const { status, markdown } = summarise('--base', base);
    expect(status).toBe(0);
    expect(markdown).toContain('✗ `npm run validate` finds 1 problem in 1 file; the site cannot be built until they are fixed:');
    expect(markdown).toContain('content/entries/platforms/kept.md:3: url: must be an absolute http:// or https:// URL');
    expect(markdown).toContain('### Cannot be read now (1)');
    expect(markdown).not.toContain('### Removed');
  });

  it('sees a renamed file as the same entry (same link), not one removed and one added', () => {
    const base = git('rev-parse', 'HEAD');
    git('mv', 'content/entries/platforms/kept.md', 'content/entries/platforms/kept-renamed.md');
    commit('rename');
    const { markdown } = summarise('--base', base);
    expect(markdown).toContain('- file: `content/entries/platforms/kept.md` → `content/entries/platforms/kept-renamed.md`');
    expect(markdown).not.toContain('### Added');
    expect(markdown).not.toContain('### Removed');
  });

  it('summarises a section renamed, regrouped and given an intro, and new group headings for the list', () => {
    const base = git('rev-parse', 'HEAD');
    write(
      'content/list.md',
      serialiseList({
        title: 'Test List',
        groups: [
          { id: 'framing', heading: 'Why' },
          { id: 'approach', heading: 'How' },
        ],
      }),
    );
    write(
      'content/sections/platforms.md',
      serialiseSection({ title: 'Platforms <b>& Tools</b>', order: 1, groups: ['framing'] }, 'An intro.'),
    );
    writeEntry('mover', { title: 'Moving Entry', url: 'https://example.com/mover', section: 'platforms', kind: 'framing' });
    commit('reshape');
    const { markdown } = summarise('--base', base);
    expect(markdown.split('\n')).toEqual(
      expect.arrayContaining([
        '- Changed: **Platforms \\<b\\>\\& Tools\\<\\/b\\>** (`platforms`): title: `Platforms` → `Platforms <b>& Tools</b>`; groups: none → `["framing"]`; intro changed · `/platforms/`',
        '- groups: `framing` Framing, `approach` Selected Approaches → `framing` Why, `approach` How',
        '- group: **Platforms** › Selected Approaches → **Platforms \\<b\\>\\& Tools\\<\\/b\\>** › Why',
      ]),
    );
  });

  it('says so when nothing in the list changes', () => {
    const base = git('rev-parse', 'HEAD');
    write('README.md', 'docs only');
    commit('docs');
    expect(summarise('--base', base).markdown).toContain('Nothing in the list changes');
  });

  it('reports a symbolic link in content/ instead of following it', () => {
    const base = git('rev-parse', 'HEAD');
    symlinkSync('/etc/passwd', join(repo, 'content/entries/platforms/link.md'));
    const head = commit('symlink');
    const read = readListAtCommit(repo, head);
    expect(read.problems).toContainEqual({
      file: 'content/entries/platforms/link.md',
      line: 1,
      field: 'file',
      message: 'only plain files belong in content/ (not a symbolic link or a submodule)',
    });
    expect(summarise('--base', base).markdown).toContain('content/entries/platforms/link.md:1: file:');
  });

  it('refuses refs that are unknown or look like options, and a --site that is not a web address', () => {
    expect(summarise('--base', 'no-such-branch')).toMatchObject({
      status: 1,
      err: [expect.stringContaining('no commit "no-such-branch"')],
    });
    expect(summarise('--base=--output=/tmp/x')).toMatchObject({ status: 1 });
    expect(summarise('--base', 'HEAD', '--site', 'javascript:alert(1)').status).toBe(2);
    expect(summarise().status).toBe(2);
  });
});

describe('renderSummary', { timeout: 30_000 }, () => {
  it('stays within the comment size limit by giving one line per entry, then cutting lists short', () => {
    const base = git('rev-parse', 'HEAD');
    for (let n = 0; n < 80; n++) {
      writeEntry(`bulk-${n}`, {
        title: `Bulk entry number ${n} with a long title`,
        url: `https://example.com/bulk/${n}`,
        section: 'platforms',
        kind: 'framing',
        quotes: ['A long passage that repeats. '.repeat(20)],
      });
    }
    const head = commit('bulk');
    const [before, after] = [readListAtCommit(repo, base), readListAtCommit(repo, head)];
    const input = { base: before, head: after, changes: listChanges(before, after) };
    const full = renderSummary(input, Infinity);
    const limited = renderSummary(input, 6_000);
    expect(full.length).toBeGreaterThan(6_000);
    expect(limited.length).toBeLessThanOrEqual(6_000);
    expect(limited).toContain('…and ');
    expect(limited).toContain('**Entries: 80 added**');
  });
});
