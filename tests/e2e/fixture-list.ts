/**
 * Runs browser tests a second and third time, against small fixture lists that have what the
 * shipped list does not have yet:
 * - tests/fixtures/readers-content: tags, a dead link, written `added` dates (reader, accessibility,
 *   browse and search specs, and build-safety's check of the list the site was built from; port
 *   E2E_FIXTURE_PORT, default 4330);
 * - tests/fixtures/shapes-content: declared groups, three levels of sections, a section without
 *   groups or summary, a cross-listed entry (tests/e2e/shapes.spec.ts and the accessibility spec;
 *   port E2E_SHAPES_PORT, default E2E_FIXTURE_PORT + 200).
 * Without these runs those paths would only be tested once someone adds such content.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildSite, projectRoot, tempSite } from '../support/build-site.ts';

const fixturePort = Number(process.env.E2E_FIXTURE_PORT ?? 4330);
const runs = [
  {
    fixture: 'readers-content',
    specs: ['tests/e2e/readers.spec.ts', 'tests/e2e/a11y.spec.ts', 'tests/e2e/browse.spec.ts', 'tests/e2e/search.spec.ts'],
    // The rest of build-safety builds lists of its own: once, in the main run, is enough.
    more: [['tests/e2e/build-safety.spec.ts', '--grep', 'the list the site was built from']],
    port: fixturePort,
    list: 'readers',
  },
  {
    fixture: 'shapes-content',
    specs: ['tests/e2e/shapes.spec.ts', 'tests/e2e/a11y.spec.ts'],
    more: [] as string[][],
    port: Number(process.env.E2E_SHAPES_PORT ?? fixturePort + 200),
    list: 'shapes',
  },
];

let failed = false;
for (const { fixture, specs, more, port, list } of runs) {
  const site = { ...tempSite(fixture), contentDir: join(projectRoot, 'tests', 'fixtures', fixture) };
  const built = buildSite(site);
  if (built.status !== 0) {
    console.error(built.output);
    console.error(`Building the fixture list (tests/fixtures/${fixture}) failed.`);
    failed = true;
    continue;
  }
  for (const args of [specs, ...more]) {
    const run = spawnSync(join(projectRoot, 'node_modules', '.bin', 'playwright'), ['test', ...args, ...process.argv.slice(2)], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        COMMONPLACE_CONTENT_DIR: site.contentDir,
        COMMONPLACE_OUT_DIR: site.outDir,
        E2E_PORT: String(port),
        // Specs written for one fixture list only run against it (see playwright.config.ts).
        E2E_LIST: list,
      },
    });
    if (run.status !== 0) failed = true;
  }
}
process.exit(failed ? 1 : 0);
