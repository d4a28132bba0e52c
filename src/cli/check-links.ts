/** `npm run check:links`: see src/lib/link-check/cli.ts and docs/link-checking.md. */
import { runCheckLinks } from '../lib/link-check/cli.ts';

process.exitCode = await runCheckLinks(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
});
