/**
 * Runs browser tests a second and third time, against small fixture lists that have what the
 * shipped list does not have yet:
 * - tests/fixtures/readers-content: tags, a dead link, written `added` dates (reader, accessibility,
 *   browse and search specs, and build-safety's check of the list the site was built from; port
 *   E2E_FIXTURE_PORT, default 4330);
 * - tests/fixtures/shapes-content: declared groups, three levels of sections, a section without
 *   groups or summary, a cross-listed entry (tests/e2e/shapes.spec.ts and the accessibility spec;
 *   port E2E_SHAPES_PORT, default E2E_FIXTURE_PORT + 200);
 * - a list of 150 sections, 3,000 links and 25 groups, generated here by tests/support/large-list.ts
 *   rather than committed (tests/e2e/at-size.spec.ts; port E2E_LARGE_PORT, default E2E_SHAPES_PORT + 1).
 * Without these runs those paths would only be tested once someone adds such content.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildSite, projectRoot, tempSite } from '../support/build-site.ts';
import { writeLargeList } from '../support/large-list.ts';

const fixturePort = Number(process.env.E2E_FIXTURE_PORT ?? 4330);
const shapesPort = Number(process.env.E2E_SHAPES_PORT ?? fixturePort + 200);
const runs: {
  fixture: string;
  specs: string[];
  /** Further Playwright runs against the same built list, each with its own arguments. */
  more: string[][];
  port: number;
  list: string;
  generate?: (dir: string) => unknown;
}[] = [
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
    specs: ['tests/e2e/shapes.spec.ts', 'tests/e2e/at-size.spec.ts', 'tests/e2e/a11y.spec.ts'],
    more: [],
    port: shapesPort,
    list: 'shapes',
  },
  {
    fixture: 'large',
    specs: ['tests/e2e/at-size.spec.ts'],
    more: [],
    port: Number(process.env.E2E_LARGE_PORT ?? shapesPort + 1),
    list: 'large',
    generate: writeLargeList,
  },
];

let failed = false;
// `-- --only large` runs one list's specs (other arguments go to Playwright).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];
const playwrightArgs =
  onlyAt === -1 ? process.argv.slice(2) : process.argv.slice(2).filter((_, i) => i !== onlyAt - 2 && i !== onlyAt - 1);
for (const { fixture, specs, more, port, list, generate } of runs) {
  if (only !== undefined && only !== list) continue;
  const temp = tempSite(fixture);
  const site = generate ? temp : { ...temp, contentDir: join(projectRoot, 'tests', 'fixtures', fixture) };
  generate?.(site.contentDir);
  const built = buildSite(site);
  if (built.status !== 0) {
    console.error(built.output);
    console.error(`Building the fixture list (${site.contentDir}) failed.`);
    failed = true;
    continue;
  }
  for (const args of [specs, ...more]) {
    const run = spawnSync(join(projectRoot, 'node_modules', '.bin', 'playwright'), ['test', ...args, ...playwrightArgs], {
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
