import { verifyLedger } from '../../src/ledger/verify.js';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { DEMO_AGENCY_ADDRESS, loadDemo } from '../../src/demo/seed.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { buildApp } from '../../src/app/route-registry.js';
import { startJobs, type Jobs } from '../../src/app/job-schedule.js';
import { localDateOf } from '../../src/platform/calendar/index.js';
import { DEMO_DEBTORS, E2E_ZONE } from './demo-agency.js';

export interface RunningAccord {
  /** http://127.0.0.1:<port>, serving this run's web build at / and the API under /api/v1. */
  url: string;
  deps: Deps;
  app: FastifyInstance;
  close: () => Promise<void>;
}

export interface AccordOptions {
  /**
   * Runs the job worker (pg-boss) in the server, as JOBS=on does: needed by placements, whose import is a job.
   * Off by default, which keeps the other files fast and free of background work.
   */
  jobs?: boolean;
  /** The server's clock (default: the real one): a test that depends on the hour sets it, e.g. inside contact hours. */
  now?: () => Date;
  /** The built web app to serve (default: the one the e2e run's global setup built); a script outside vitest gives its own. */
  webDist?: string;
  /** Settings of this server (read when it starts: an SMTP sink the file started first, for example). */
  config?: () => Partial<Config>;
}

/**
 * A real Accord server for the browser tests, in this process: an in-memory PostgreSQL (PGlite), all migrations,
 * a small demo agency (150 debtors) and the HTTP app on a free port. Each test file gets its own copy, loaded from
 * the run's seeded dump, so files never see each other's users, sessions, login rate limits or uploaded files.
 */
export async function startAccord(options: AccordOptions = {}): Promise<RunningAccord> {
  const start = await startingPoint(options);
  const database: Database = await openDatabase(
    start.dump ? { loadDataDir: new Blob([await readFile(start.dump)]) } : {},
  );
  const uploads = await mkdtemp(join(tmpdir(), 'accord-e2e-uploads-'));
  let jobs: Jobs | null = null;
  const cleanUp = async () => {
    await jobs?.stop();
    await database.close();
    await rm(uploads, { recursive: true, force: true });
  };
  try {
    if (start.kind === 'empty') await migrate(database);
    if (start.kind === 'demo') await cp(start.dataDir, uploads, { recursive: true });
    const config = loadConfig(
      {},
      // Documents go to DATA_DIR/documents: this test's own folder too.
      {
        JOBS: options.jobs ? 'on' : 'off',
        LOG_LEVEL: 'silent',
        PORT: 0,
        UPLOAD_DIR: uploads,
        DATA_DIR: uploads,
        AGENCY_ADDRESS: DEMO_AGENCY_ADDRESS,
        ...options.config?.(),
      },
    );
    const deps: Deps = { database, db: database.db, config, now: options.now ?? (() => new Date()) };
    if (start.kind !== 'demo') await loadDemo(deps, { debtors: DEMO_DEBTORS });
    if (options.jobs) {
      jobs = await startJobs(deps, { work: true });
      deps.jobs = jobs;
    }
    const app = await buildApp(deps, { logger: false, webDist: options.webDist ?? inject('webDist') });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('The test server did not get a TCP port');
    return {
      url: `http://127.0.0.1:${address.port}`,
      deps,
      app,
      async close() {
        // A refused upload can leave its connection open, unread, for a minute: the test server does not wait for it.
        app.server.closeAllConnections();
        await app.close();
        // Whatever a browser test did with money, the ledger's invariants still hold.
        const ledger = await verifyLedger(database.db);
        await cleanUp();
        if (!ledger.ok) throw new Error(`ledger:verify after the browser test: ${ledger.violation}`);
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

type StartingPoint =
  { kind: 'demo'; dump: string; dataDir: string } | { kind: 'migrated'; dump: string } | { kind: 'empty'; dump: null };

/**
 * Where a server's database starts: the run's seeded demo (e2e/support/global-setup.ts) when the server keeps the real
 * clock and the agency's day is still the one it was seeded on; the run's migrated database, to seed its own demo,
 * for a server with its own clock (the demo is dated from it) or on the next day; empty outside vitest (a script
 * that gives its own web build), migrated and seeded here.
 */
async function startingPoint(options: AccordOptions): Promise<StartingPoint> {
  if (options.webDist) return { kind: 'empty', dump: null };
  const demo = inject('demoSnapshot');
  if (!options.now && localDateOf(new Date(), E2E_ZONE) === demo.seededOn) {
    return { kind: 'demo', dump: demo.dump, dataDir: demo.dataDir };
  }
  return { kind: 'migrated', dump: inject('pgliteSnapshot') };
}
