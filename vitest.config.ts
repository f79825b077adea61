import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests run on PGlite, and also on PostgreSQL when
// TEST_DATABASE_URL is set (see test/support/database.ts). Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Hang guards far above the slow case, never speed limits: with another `npm test` beside it on 2 busy cores, the
    // slowest test (the API fuzz) took 227 s and the CLI tests about 2 minutes. Tests set no timeout of their own; a
    // test that waits for something waits for the fact (test/support/wait.ts).
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
