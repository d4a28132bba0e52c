/**
 * The nothing-lost check's memory between builds. A page's check is a pure function of the page's
 * bytes, what the content expects of it, and the checking code; so when all three are what a
 * previous build checked and passed, the verdict is reused instead of parsing the page again. Every
 * page is still read and compared, byte for byte through its digest, on every build. Verdicts of a
 * different checking code (`code`: a digest of the checker's sources and the lockfile) are dropped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class CheckMemo {
  readonly #code: string;
  readonly #previous: ReadonlySet<string>;
  readonly #next = new Set<string>();
  /** How many checks this build kept a previous verdict for. */
  reused = 0;

  constructor(code: string, previous: Iterable<string> = []) {
    // Digested once: the code (a lockfile among it) can be far larger than a page.
    this.#code = createHash('sha256').update(code).digest('base64url');
    this.#previous = new Set(previous);
  }

  /** The memory saved in `file` for checking code `code`; empty when missing, unreadable or of other code. */
  static load(file: string, code: string): CheckMemo {
    const empty = new CheckMemo(code);
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { code?: unknown; passed?: unknown };
      if (saved.code === empty.#code && Array.isArray(saved.passed))
        return new CheckMemo(
          code,
          saved.passed.filter((key) => typeof key === 'string'),
        );
    } catch {
      // No memory yet, or a damaged one: every page is checked.
    }
    return empty;
  }

  /** A digest of one check's inputs (each part length-prefixed, so no two lists of parts meet). */
  key(...parts: (string | Uint8Array)[]): string {
    const hash = createHash('sha256').update(this.#code);
    for (const part of parts)
      hash.update(`\n${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}\n`).update(part);
    return hash.digest('base64url');
  }

  /** Whether a previous build passed the check with exactly these inputs (then this build keeps the verdict). */
  passed(key: string): boolean {
    if (!this.#previous.has(key)) return false;
    this.#next.add(key);
    this.reused += 1;
    return true;
  }

  /** Records that the check with these inputs passed in this build. */
  pass(key: string): void {
    this.#next.add(key);
  }

  /** Writes this build's verdicts (only this build's: pages gone or changed are forgotten), atomically. */
  save(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ code: this.#code, passed: [...this.#next] }));
    renameSync(`${file}.tmp`, file);
  }
}
