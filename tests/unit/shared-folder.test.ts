import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedAvailable } from '../support/shared-folder.ts';

const there = mkdtempSync(join(tmpdir(), 'commonplace-shared-'));
const missing = join(there, 'no-such-folder');
afterAll(() => rmSync(there, { recursive: true, force: true }));

describe('sharedAvailable', () => {
  it('runs the tests when the folder is there, CI or not', () => {
    expect(sharedAvailable(there, {})).toBe(true);
    expect(sharedAvailable(there, { CI: 'true' })).toBe(true);
  });

  it('leaves them out on a machine without the folder and without CI', () => {
    expect(sharedAvailable(missing, {})).toBe(false);
    expect(sharedAvailable(missing, { CI: 'false' })).toBe(false);
  });

  it('fails, naming the folder, when the folder is missing under CI', () => {
    expect(() => sharedAvailable(missing, { CI: 'true' })).toThrow(`${missing} does not exist, and CI is set`);
    expect(() => sharedAvailable(missing, { CI: '1' })).toThrow(/must run in CI/);
  });
});
