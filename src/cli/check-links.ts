/** `npm run check:links`: see src/links/cli.ts and docs/link-checking.md. */
import { runCheckLinks } from '../links/cli.ts';

process.exitCode = await runCheckLinks(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
});
