import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests run on PGlite, and also on PostgreSQL when
// TEST_DATABASE_URL is set (see test/support/database.ts). Browser tests have their own config. The web app's unit
// tests (web/src/**/*.test.tsx) choose a DOM per file with `// @vitest-environment happy-dom`; the rest stay on node.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    // Migrates once for the run, on both engines; each test file's database starts from that (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    environment: 'node',
    // Hang guards far above the slow case, never speed limits: with another `npm test` beside it on 2 busy cores, the
    // slowest test (the API fuzz) took 227 s and the CLI tests about 2 minutes. Tests set no timeout of their own; a
    // test that waits for something waits for the fact (test/support/wait.ts).
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
    pool: 'forks',
    // A worker loads the app's modules once for all the files it runs, not once per file (several seconds each).
    // Files still share nothing else: each makes its own database (and server), and the process-wide caches are
    // keyed per database (policy-store.ts, strategy-store.ts, next-case.ts).
    isolate: false,
    maxWorkers: 2,
    reporters: ['default'],
  },
});
