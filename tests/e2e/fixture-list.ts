/**
 * Runs the reader and accessibility browser tests a second time, against a small fixture list that
 * has what the shipped list does not have yet: tags, a dead link, written `added` dates. Without
 * this run those paths would only be tested once someone adds such content.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildSite, projectRoot, tempSite } from '../support/build-site.ts';

const site = { ...tempSite('fixture-list'), contentDir: join(projectRoot, 'tests', 'fixtures', 'readers-content') };
const built = buildSite(site);
if (built.status !== 0) {
  console.error(built.output);
  console.error('Building the fixture list (tests/fixtures/readers-content) failed.');
  process.exit(1);
}
const run = spawnSync(
  join(projectRoot, 'node_modules', '.bin', 'playwright'),
  ['test', 'tests/e2e/readers.spec.ts', 'tests/e2e/a11y.spec.ts', ...process.argv.slice(2)],
  {
    cwd: projectRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      COMMONPLACE_CONTENT_DIR: site.contentDir,
      COMMONPLACE_OUT_DIR: site.outDir,
      E2E_PORT: process.env.E2E_FIXTURE_PORT ?? '4330',
    },
  },
);
process.exit(run.status ?? 1);
