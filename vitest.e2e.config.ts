import { defineConfig } from 'vitest/config';

/**
 * Browser tests: a real Accord server in-process and Debian's Chromium driven by playwright-core.
 * Files run one after another (each starts its own server and browser); timeouts are generous for argon2 and 2 cores.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
