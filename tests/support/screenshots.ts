/**
 * `npm run screenshots`: builds the 150-section fixture list (tests/support/large-list.ts) and writes
 * PNGs of its home page, a section page and the search page with a query, wide (1280 × 900) and
 * narrow (390 × 844), light scheme, into docs/screenshots/. `-- --out DIR` reuses a build of that
 * list already in DIR instead of building it again.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium.ts';
import { serveDirectory } from '../e2e/serve-dist.ts';
import { buildSite, projectRoot, tempSite } from './build-site.ts';
import { writeLargeList } from './large-list.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, port: { type: 'string', default: '4424' } } });
let outDir = values.out;
if (outDir === undefined) {
  const site = tempSite('screenshots');
  writeLargeList(site.contentDir);
  console.log(`building the 150-section fixture list into ${site.outDir}…`);
  const built = buildSite(site);
  if (built.status !== 0) {
    console.error(built.output);
    throw new Error('Building the fixture list failed.');
  }
  outDir = site.outDir;
}

const port = Number(values.port);
const server = serveDirectory(outDir, port);
const into = join(projectRoot, 'docs', 'screenshots');
mkdirSync(into, { recursive: true });
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
try {
  const shots = [
    { name: 'home', path: '/', fullPage: true },
    { name: 'section', path: '/bread-history/', fullPage: false },
    { name: 'search', path: '/search/?q=kitchen', fullPage: false },
  ];
  const widths = [
    { name: 'wide', width: 1280, height: 900 },
    { name: 'narrow', width: 390, height: 844 },
  ];
  for (const viewport of widths) {
    const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height }, colorScheme: 'light' });
    for (const shot of shots) {
      await page.goto(`http://127.0.0.1:${port}${shot.path}`);
      if (shot.name === 'search') await page.locator('.search-result').first().waitFor();
      const file = join(into, `${shot.name}-${viewport.name}.png`);
      // The narrow home page is as long as the list: its first two screens show its shape.
      const clip =
        shot.fullPage && viewport.name === 'narrow'
          ? { x: 0, y: 0, width: viewport.width, height: viewport.height * 2 }
          : undefined;
      await page.screenshot({ path: file, fullPage: shot.fullPage, ...(clip ? { clip } : {}) });
      console.log(`wrote ${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
