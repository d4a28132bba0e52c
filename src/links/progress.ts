/** A one-line progress bar on a terminal's stderr; silent when stderr is a pipe or a CI log. */
import type { LinkResult } from './types.ts';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress<Result = LinkResult> {
  update(result: Result, done: number, total: number): void;
  finish(): void;
}

/** A running count shown after the bar, e.g. `dead 2`. */
export interface Counter<Result> {
  label: string;
  count(result: Result): number;
}

const LINK_COUNTERS: readonly Counter<LinkResult>[] = [
  { label: 'dead', count: (result) => (result.state === 'dead' ? 1 : 0) },
  { label: 'errors', count: (result) => (result.state === 'error' ? 1 : 0) },
];

export function renderBar(done: number, total: number, width: number): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export function createProgress(stream: ProgressStream): Progress<LinkResult>;
export function createProgress<Result>(stream: ProgressStream, counters: readonly Counter<Result>[]): Progress<Result>;
export function createProgress(
  stream: ProgressStream,
  counters: readonly Counter<unknown>[] = LINK_COUNTERS as readonly Counter<unknown>[],
) {
  if (!stream.isTTY) return { update() {}, finish() {} };
  const totals = counters.map(() => 0);
  let drawn = false;
  return {
    update(result: unknown, done: number, total: number) {
      counters.forEach((counter, index) => (totals[index]! += counter.count(result)));
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
      const counts = counters.map((counter, index) => `${counter.label} ${totals[index]}`).join(' ');
      stream.write(`\r\x1b[2K${renderBar(done, total, width)} ${done}/${total} ${counts}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
