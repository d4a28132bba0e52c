import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { gitAddedDates, parseAddedLog, resolveAdded } from '../../src/content/git-dates.ts';

describe('parseAddedLog', () => {
  test('maps each file to the date of the oldest commit that added it', () => {
    const log = [
      '\u00002024-06-02',
      '',
      'content/entries/a/new.md',
      'content/entries/a/readded.md',
      '\u00002024-01-15',
      '',
      'content/entries/a/old.md',
      'content/entries/a/readded.md',
      '',
    ].join('\n');
    expect(Object.fromEntries(parseAddedLog(log))).toEqual({
      'content/entries/a/new.md': '2024-06-02',
      'content/entries/a/old.md': '2024-01-15',
      'content/entries/a/readded.md': '2024-01-15',
    });
  });
  test('empty output gives no dates', () => {
    expect(parseAddedLog('').size).toBe(0);
  });
});

describe('resolveAdded', () => {
  const fromGit = new Map([['content/entries/a/x.md', '2023-02-03']]);
  test('an entry’s own date wins', () => {
    expect(resolveAdded('2020-01-01', 'content/entries/a/x.md', fromGit)).toBe('2020-01-01');
  });
  test('otherwise the date git first saw the file', () => {
    expect(resolveAdded(undefined, 'content/entries/a/x.md', fromGit)).toBe('2023-02-03');
  });
  test('an untracked file, or none, gets no date', () => {
    expect(resolveAdded(undefined, 'content/entries/a/y.md', fromGit)).toBeUndefined();
    expect(resolveAdded(undefined, undefined, fromGit)).toBeUndefined();
  });
});

describe('gitAddedDates', () => {
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    });

  test('reads one log of a real repository: first-added day per file, untracked files left out', () => {
    const repo = mkdtempSync(join(tmpdir(), 'git-dates-'));
    git(repo, ['init', '-q']);
    mkdirSync(join(repo, 'content/entries/s'), { recursive: true });
    writeFileSync(join(repo, 'content/entries/s/first.md'), 'one');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'first'], '2022-03-04T12:00:00Z');
    writeFileSync(join(repo, 'content/entries/s/first.md'), 'one, edited');
    writeFileSync(join(repo, 'content/entries/s/second.md'), 'two');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'second'], '2023-05-06T12:00:00Z');
    writeFileSync(join(repo, 'content/entries/s/untracked.md'), 'three');
    expect(Object.fromEntries(gitAddedDates(repo, 'content/entries'))).toEqual({
      'content/entries/s/first.md': '2022-03-04',
      'content/entries/s/second.md': '2023-05-06',
    });
  });

  test('outside a repository there are no dates', () => {
    expect(gitAddedDates(mkdtempSync(join(tmpdir(), 'no-git-')), 'content/entries').size).toBe(0);
  });
});
