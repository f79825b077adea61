import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests run on PGlite, and also on PostgreSQL when
// TEST_DATABASE_URL is set (see test/support/database.ts). Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Hang guards far above the slow case, never speed limits: a test that spawns the CLI or loads the demo took a
    // minute on a busy 2-core machine, and more with another test run beside it. Tests set no timeout of their own;
    // a test that waits for something waits for the fact (test/support/wait.ts).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
