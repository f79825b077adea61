import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests run on PGlite, and also on PostgreSQL when
// TEST_DATABASE_URL is set (see test/support/database.ts). Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Hang guards, not speed limits: a test that spawns the CLI or loads the demo takes a minute on a busy 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
