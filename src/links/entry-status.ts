/**
 * `--mark-dead`: records what the checker found in the entries themselves. A dead link gets
 * `status: {state: dead, checked: <day>}`; a link that works again loses a stale status. Entries are
 * never deleted, and links the checker could not judge (errors) are left as they are. Only the
 * `status` field's lines are written: every other byte of the file stays as it was (yaml-edit.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryFile } from '../content/content-files.ts';
import type { LinkStatus } from '../schemas/content.ts';
import type { LinkResult } from './types.ts';
import { appendTopLevelField, removeTopLevelField, YamlEditError } from './yaml-edit.ts';

/** The status an entry should have after this check; undefined means "no status". */
export function nextStatus(current: LinkStatus | undefined, result: LinkResult, today: string): LinkStatus | undefined {
  if (result.state === 'dead') return current ?? { state: 'dead', checked: today };
  if (result.state === 'ok' || result.state === 'redirected') return undefined;
  return current; // an error says nothing either way
}

export interface StatusChange {
  file: string;
  from: LinkStatus | undefined;
  to: LinkStatus | undefined;
  /** Set when the file could not be edited in place (and so was left as it was). */
  error?: string;
}

/** `source` (a whole entry file) with its `status` field removed, or set to `status`, and nothing else changed. */
export function withStatus(source: string, status: LinkStatus | undefined): string {
  const without = removeTopLevelField(source, 'status');
  if (!status) return without;
  return appendTopLevelField(without, 'status', status, ['status:', `  state: ${status.state}`, `  checked: ${status.checked}`]);
}

/** Edits the entries whose status changed; returns what changed (or could not be). */
export function applyLinkStatuses(
  entries: readonly EntryFile[],
  results: readonly LinkResult[],
  today: string,
  projectRoot: string,
): StatusChange[] {
  const changes: StatusChange[] = [];
  entries.forEach((entry, index) => {
    const current = entry.data.status;
    const next = nextStatus(current, results[index]!, today);
    if (current?.state === next?.state && current?.checked === next?.checked) return;
    const path = join(projectRoot, entry.file);
    try {
      writeFileSync(path, withStatus(readFileSync(path, 'utf8'), next));
      changes.push({ file: entry.file, from: current, to: next });
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
      changes.push({ file: entry.file, from: current, to: next, error: error.message });
    }
  });
  return changes;
}
