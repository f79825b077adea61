import { defineConfig } from 'vitest/config';

/**
 * Browser tests: a real Accord server in-process and Debian's Chromium driven by playwright-core.
 * Two files run at once, one per core: each starts its own server (its own in-memory database and demo, a free port)
 * and its own browser, so files share nothing but the web build; timeouts are generous for argon2 and 2 cores.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    // The web app, built for this run into a temporary folder (never web/dist, which another run may rewrite).
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    // A worker loads the app's modules once for all the files it runs, not once per file (several seconds each).
    // Files still share nothing else: each makes its own database (and server), and the process-wide caches are
    // keyed per database (policy-store.ts, strategy-store.ts, next-case.ts).
    isolate: false,
    maxWorkers: 2,
    // Hang guards far above a slow run (two test runs at once on 2 busy cores), never speed limits: every wait in a
    // browser test is a wait for what the page must show (BROWSER_WAIT_MS in e2e/support/browser.ts).
    testTimeout: 600_000,
    // expect.poll waits for what the page must show as long as a browser wait does (BROWSER_WAIT_MS), not vitest's
    // default second: preparing a print run took longer than that on a busy machine, and the test failed though the
    // page was right.
    expect: { poll: { timeout: 180_000, interval: 100 } },
    hookTimeout: 600_000,
    teardownTimeout: 30_000,
  },
});
