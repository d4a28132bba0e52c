import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/e2e/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4329);
const executablePath = chromiumExecutable();

// Browser tests run against the built site (`npm run build` first), served as a static host would.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // shapes.spec.ts tests the shapes fixture list and at-size.spec.ts that and the 150-section list,
  // built and served by tests/e2e/fixture-list.ts.
  testIgnore: [
    ...(process.env.E2E_LIST === 'shapes' ? [] : ['**/shapes.spec.ts']),
    ...(process.env.E2E_LIST === 'shapes' || process.env.E2E_LIST === 'large' ? [] : ['**/at-size.spec.ts']),
  ],
  fullyParallel: true,
  workers: 2,
  // Axe over a long page, or a first search, can take over 30 s on a busy 2-core machine.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
  },
  webServer: {
    command: `node tests/e2e/serve-dist.ts ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
