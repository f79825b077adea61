import { mkdtempSync, rmSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyLedger } from '../../src/ledger/verify.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Engine } from '../../src/platform/db/database.js';
import type { Config } from '../../src/platform/config.js';
import type { Deps } from '../../src/platform/deps.js';
import { buildApp } from '../../src/app/route-registry.js';
import type { Role } from '../../src/platform/db/schema.js';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from '../../src/demo/seed.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { DEMO_DEBTORS, seededDemo, testConfig } from './demo-cache.js';

export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  testDb: TestDatabase;
  clock: TestClock;
  close(): Promise<void>;
  /** Set by a test that corrupts the ledger to prove ledger:verify finds it. */
  ledgerBrokenOnPurpose: boolean;
}

/**
 * A real Accord app on a fresh database, driven with inject() (no port), with a settable clock. With `demo`, the demo
 * agency (40 debtors) seeded at `now`, or on the real clock: a copy of the one this test process seeded for the same
 * `now` and configuration (test/support/demo-cache.ts), database and files, the clock set to the instant it was seeded.
 */
export async function createTestApp(
  engine: Engine,
  options: { demo?: boolean; config?: Partial<Config>; now?: Date } = {},
): Promise<TestApp> {
  const demo = options.demo ? await seededDemo(engine, options) : null;
  const testDb = await createTestDatabase(engine, demo ? { copyOf: demo.copyOf } : {});
  const clock: TestClock = {
    now: options.now ?? demo?.now ?? new Date(),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  // Uploads go to a folder of this test's own (never ./data/uploads, which another test run may share).
  const uploads = options.config?.UPLOAD_DIR ? null : mkdtempSync(join(tmpdir(), 'accord-test-uploads-'));
  // Documents too (DATA_DIR/documents), never ./data.
  const dataDir = options.config?.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'accord-test-data-'));
  const config = testConfig({ uploads, dataDir }, options.config);
  const deps: Deps = { database: testDb.database, db: testDb.database.db, config, now: () => clock.now };
  if (demo) {
    // The seeded demo's files (its documents): this test's own copy. (A test that gives folders of its own seeds its
    // demo in them: `demo` is null.)
    await cp(demo.uploads, uploads!, { recursive: true });
    await cp(demo.dataDir, dataDir!, { recursive: true });
  } else if (options.demo) await loadDemo(deps, { debtors: DEMO_DEBTORS });
  const app = await buildApp(deps, { logger: false, webDist: '/nonexistent' });
  await app.ready();
  const testApp: TestApp = {
    app,
    deps,
    testDb,
    clock,
    async close() {
      await app.close();
      // Whatever the test did with money, the ledger's invariants still hold (a test that breaks the ledger on
      // purpose says so).
      const ledger = testApp.ledgerBrokenOnPurpose ? null : await verifyLedger(testDb.database.db);
      await testDb.drop();
      if (uploads) rmSync(uploads, { recursive: true, force: true });
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (ledger && !ledger.ok) throw new Error(`ledger:verify after the test: ${ledger.violation}`);
    },
    ledgerBrokenOnPurpose: false,
  };
  return testApp;
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  creditorId: string | null;
}

export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'accord_session');
  const body = response.json() as { csrfToken: string; id: string; creditorId: string | null };
  return {
    cookie: `accord_session=${cookie!.value}`,
    csrf: body.csrfToken,
    userId: body.id,
    creditorId: body.creditorId,
  };
}

export function demoEmail(role: Role): string {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user.email;
}

/** inject() with the session cookie and, on writes, the CSRF header. */
export function as(app: FastifyInstance, session: Session) {
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}
