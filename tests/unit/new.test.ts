/** `npm run new` end to end in a temporary copy of the list: flags, prompts and refusals. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, today } from '../../src/cli/new.ts';
import type { CliIo } from '../../src/cli/args.ts';
import { readReadingList } from '../../src/content/content-files.ts';
import { FIXTURE_LIST } from '../support/fixture-list.ts';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commonplace-new-'));
  cpSync(FIXTURE_LIST, join(dir, 'content'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node src/cli/new.ts` in the temporary folder with stdin not a terminal (flags mode). */
function runNew(...args: string[]) {
  const result = spawnSync(node, [join(repo, 'src/cli/new.ts'), ...args], { cwd: dir, encoding: 'utf8', input: '' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run new with flags', () => {
  it('writes a canonical entry that validates and prints its path', () => {
    const result = runNew(
      '--url',
      'https://example.com/posts/why-data?id=7#top',
      '--title',
      'Why “Data” Matters: <script>alert(1)</script>',
      '--section',
      'data-products',
      '--kind',
      'approach',
      '--quote',
      'The first passage: with a colon.',
      '--quote',
      '<img src=x onerror=alert(1)>',
      '--tag',
      'data-products',
      '--tag',
      'ml',
      '--notes=- worth rereading',
    );
    const path = 'content/entries/data-products/why-data-matters-script-alert-1-script.md';
    expect(result).toEqual({ status: 0, stdout: `${path}\n`, stderr: '' });
    expect(readFileSync(join(dir, path), 'utf8')).toBe(
      [
        '---',
        'title: "Why “Data” Matters: <script>alert(1)</script>"',
        'url: "https://example.com/posts/why-data?id=7#top"',
        'section: data-products',
        'kind: approach',
        `added: ${today()}`,
        'tags:',
        '  - data-products',
        '  - ml',
        'quotes:',
        '  - "The first passage: with a colon."',
        '  - "<img src=x onerror=alert(1)>"',
        '---',
        '',
        '- worth rereading',
        '',
      ].join('\n'),
    );
    const list = readReadingList(join(dir, 'content'), dir);
    expect(list.problems).toEqual([]);
    expect(list.entries).toHaveLength(readReadingList(FIXTURE_LIST, repo).entries.length + 1);
  });

  it('gives a second entry with the same title its own slug', () => {
    expect(
      runNew(
        '--url',
        'https://example.com/a',
        '--title',
        'One Model to Rule Them All',
        '--section',
        'data-products',
        '--kind',
        'framing',
      ).stdout,
    ).toBe('content/entries/data-products/one-model-to-rule-them-all-2.md\n');
  });

  it('refuses a URL already in the list, naming the file that has it', () => {
    const result = runNew(
      '--url',
      'http://WWW.retina.ai/blog/dataops-principles?utm_source=x',
      '--title',
      'Again',
      '--section',
      'data-platforms',
      '--kind',
      'framing',
    );
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        '✗ url: this link is already in the list: content/entries/data-platforms/dataops-principles-how-startups-do-data-the-right-way.md (to show it in another section too, add that section to its "also_in")\n✗ nothing written (see --help)\n',
    });
    expect(existsSync(join(dir, 'content/entries/data-platforms/again.md'))).toBe(false);
  });

  it('refuses an unknown section with a hint, a wrong kind, a bad tag and missing flags', () => {
    expect(runNew('--url', 'https://e.com/x', '--title', 'X', '--section', 'data-platfroms', '--kind', 'how').stderr).toBe(
      '✗ section: no section "data-platfroms"; did you mean "data-platforms"? The sections are "data-platforms", "data-products"\n✗ nothing written (see --help)\n',
    );
    expect(runNew('--url', 'https://e.com/x', '--title', 'X', '--section', 'data-platforms', '--kind', 'framings').stderr).toBe(
      '✗ kind: no group "framings"; did you mean "framing"? Section "data-platforms" shows "framing", "approach"\n✗ nothing written (see --help)\n',
    );
    expect(
      runNew(
        '--url',
        'https://e.com/x',
        '--title',
        'X',
        '--section',
        'data-platforms',
        '--kind',
        'framing',
        '--tag',
        'Not A Slug',
      ),
    ).toEqual({
      status: 1,
      stdout: '',
      stderr:
        '✗ tags: tags are lowercase-with-hyphens, like "data-engineering"; not "Not A Slug"\n✗ nothing written (see --help)\n',
    });
    expect(existsSync(join(dir, 'content/entries/data-platforms/x.md'))).toBe(false);
    expect(runNew('--title', 'X')).toEqual({
      status: 1,
      stdout: '',
      stderr:
        '✗ url: is missing: give the article URL\n✗ section: is missing: choose one of "data-platforms", "data-products"\n✗ nothing written (see --help)\n',
    });
  });
});

describe('npm run new in a terminal', () => {
  it('asks for each field, re-asking after an answer it cannot use', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    const answers = [
      'https://bentoml.com/posts/2019-04-19-one-model/',
      'https://example.com/fresh',
      'Fresh Post',
      'data-platforms',
      'framing',
      'A passage.',
      '',
      'Ops Team, data',
      'ops, data',
    ];
    let prompts = '';
    // Answer each prompt as it appears, as a person would.
    output.on('data', (chunk: Buffer) => {
      prompts += chunk.toString();
      if (/(: |> )$/.test(chunk.toString())) setImmediate(() => input.write(`${answers.shift() ?? ''}\n`));
    });
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      cwd: dir,
      env: {},
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      stdin: input,
      stdout: output,
    };
    expect(await main([], io)).toBe(0);
    expect(err).toEqual([
      '  this link is already in the list: content/entries/data-products/one-model-to-rule-them-all.md (to show it in another section too, add that section to its "also_in")',
      '  tags are lowercase-with-hyphens, like "data-engineering"; not "Ops Team"',
    ]);
    expect(out.at(-1)).toBe('content/entries/data-platforms/fresh-post.md');
    expect(prompts).toContain('Section (data-platforms, data-products): ');
    expect(prompts).toContain('Group (framing (Framing), approach (Selected Approaches)): ');
    const written = readFileSync(join(dir, 'content/entries/data-platforms/fresh-post.md'), 'utf8');
    expect(written).toContain('tags:\n  - ops\n  - data\nquotes:\n  - "A passage."\n---\n');
  });
});

describe('npm run new in a list that declares its shape', () => {
  beforeEach(() => {
    rmSync(join(dir, 'content'), { recursive: true, force: true });
    const files: Record<string, string> = {
      'list.md': '---\ntitle: "L"\ngroups:\n  - id: culture\n    heading: "Culture"\n  - id: blogs\n    heading: "Blogs"\n---\n',
      'sections/roles.md': '---\ntitle: "Roles"\ngroups: []\n---\n',
      'sections/teams.md': '---\ntitle: "Teams"\nparent: roles\n---\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'content', path)), { recursive: true });
      writeFileSync(join(dir, 'content', path), text);
    }
  });

  it('writes no kind in a section without groups, and a cross-listing with its group', () => {
    const result = runNew('--url', 'https://e.com/a', '--title', 'A', '--section', 'roles', '--also', 'teams/blogs');
    expect(result).toEqual({ status: 0, stdout: 'content/entries/roles/a.md\n', stderr: '' });
    const written = readFileSync(join(dir, 'content/entries/roles/a.md'), 'utf8');
    expect(written).not.toMatch(/^kind:/m);
    expect(written).toContain('also_in:\n  - section: teams\n    kind: blogs\n');
    expect(readReadingList(join(dir, 'content'), dir).problems).toEqual([]);
  });

  it('offers the declared groups, and refuses a group in a section without groups or a missing one', () => {
    expect(runNew('--url', 'https://e.com/a', '--title', 'A', '--section', 'roles', '--group', 'culture').stderr).toBe(
      '✗ kind: section "roles" lists its entries without groups: leave the group out\n✗ nothing written (see --help)\n',
    );
    expect(runNew('--url', 'https://e.com/a', '--title', 'A', '--section', 'teams', '--also', 'roles/blogs').stderr).toBe(
      '✗ kind: section "teams" lists its entries under the groups "culture", "blogs": choose one\n' +
        '✗ also_in[0]: section "roles" lists its entries without groups: leave the group out\n✗ nothing written (see --help)\n',
    );
  });
});
