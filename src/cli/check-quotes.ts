/** `npm run check:quotes`: see src/links/quote-cli.ts and docs/link-checking.md. */
import { runCheckQuotes } from '../links/quote-cli.ts';

process.exitCode = await runCheckQuotes(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
});
