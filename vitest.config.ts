import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Many tests start the real command-line tools as processes; on a busy 2-core machine one can
    // take well over vitest's 5 s default without anything being wrong.
    testTimeout: 30_000,
  },
});
