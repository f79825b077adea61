import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests run on PGlite, and also on PostgreSQL when
// TEST_DATABASE_URL is set (see test/support/database.ts). Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
