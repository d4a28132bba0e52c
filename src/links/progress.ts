/** A one-line progress bar on a terminal's stderr; silent when stderr is a pipe or a CI log. */
import type { LinkResult } from './types.ts';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  update(result: LinkResult, done: number, total: number): void;
  finish(): void;
}

export function renderBar(done: number, total: number, width: number): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export function createProgress(stream: ProgressStream): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let dead = 0;
  let errors = 0;
  let drawn = false;
  return {
    update(result, done, total) {
      if (result.state === 'dead') dead++;
      if (result.state === 'error') errors++;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
      stream.write(`\r\x1b[2K${renderBar(done, total, width)} ${done}/${total} dead ${dead} errors ${errors}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
