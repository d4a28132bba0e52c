/**
 * What the command-line tools in src/cli/ share: an injectable input/output (so tests can call a
 * tool's `main` and read what it printed), flag parsing with a plain error message, and the check
 * that a module was started as a program rather than imported by a test.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a tool reads and writes; `process` for real runs, captured arrays in tests. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout?: NodeJS.WritableStream;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    stdin: process.stdin,
    stdout: process.stdout,
  };
}

/** Exit status for a command line that cannot be understood (problems in content are 1). */
export const USAGE_ERROR = 2;

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, returning the error text instead of throwing, so a tool can print usage. */
export function parseFlags<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * Parses a tool's command line. Prints the usage and returns the exit status instead when the tool
 * should stop there: 2 for flags it cannot understand, 0 for `--help`.
 */
export function parseCommandLine<O extends Options & { help: { type: 'boolean'; short: 'h' } }>(
  args: string[],
  options: O,
  usage: string,
  io: CliIo,
) {
  const flags = parseFlags(args, options);
  if ('error' in flags) {
    io.err(`${flags.error}\n\n${usage}`);
    return USAGE_ERROR;
  }
  if ((flags.values as { help?: boolean }).help) {
    io.out(usage);
    return 0;
  }
  return flags;
}

/** True when `metaUrl` is the module Node was asked to run (`node src/cli/validate.ts`). */
export function isEntryPoint(metaUrl: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(metaUrl));
  } catch {
    return false;
  }
}

/** Runs a tool's main with the real process and exits with its status. */
export function runAsProgram(main: (args: string[], io: CliIo) => Promise<number> | number): void {
  Promise.resolve(main(process.argv.slice(2), processIo())).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** `1 entry`, `2 entries`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
