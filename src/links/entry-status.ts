/**
 * `--mark-dead`: records what the checker found in the entries themselves. A dead link gets
 * `status: {state: dead, checked: <day>}`; a link that works again loses a stale status. Entries are
 * never deleted, and links the checker could not judge (errors) are left as they are.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryFile } from '../content/content-files.ts';
import { serialiseEntry } from '../content/entry-file.ts';
import type { EntryData, LinkStatus } from '../schemas/content.ts';
import type { LinkResult } from './types.ts';

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
}

/** Rewrites the entries whose status changed; returns what changed. */
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
    const { status: _dropped, ...rest } = entry.data;
    const data: EntryData = next ? { ...rest, status: next } : rest;
    writeFileSync(join(projectRoot, entry.file), serialiseEntry(data, entry.body));
    changes.push({ file: entry.file, from: current, to: next });
  });
  return changes;
}
