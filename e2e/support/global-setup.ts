import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWeb } from '../../scripts/build.js';
import { loadDemo } from '../../src/demo/seed.js';
import { localDateOf } from '../../src/platform/calendar/index.js';
import { loadConfig } from '../../src/platform/config.js';
import { dumpPGlite, openDatabase } from '../../src/platform/db/database.js';
import { snapshotPGlite } from '../../test/support/global-setup.js';
import { DEMO_DEBTORS, E2E_ZONE } from './demo-agency.js';

/** The demo agency every browser test's server starts from, seeded once for the run (see `startAccord`). */
export interface DemoSnapshot {
  /** The embedded database, migrated and with the demo loaded, dumped. */
  dump: string;
  /** The demo's documents (DATA_DIR), copied into each server's own folder. */
  dataDir: string;
  /** The agency's day when it was seeded: a server started on another day seeds its own demo. */
  seededOn: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's own build of the web app, served by every browser test's server. */
    webDist: string;
    demoSnapshot: DemoSnapshot;
  }
}

/**
 * Builds the web app once for this run, into a folder of its own: another test run or `npm run build` beside
 * it rewrites `web/dist`, never this one. Seeds the demo agency once, on the real clock, into an embedded database
 * that each file's server loads instead of migrating and seeding its own (two dumps: migrated, and with the demo).
 * All removed at the end.
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'accord-e2e-web-'));
  const webDist = join(root, 'dist');
  const [, migrated] = await Promise.all([buildWeb(webDist), snapshotPGlite(root)]);
  project.provide('webDist', webDist);
  project.provide('pgliteSnapshot', migrated);
  project.provide('demoSnapshot', await snapshotDemo(root));
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}

/** Loads the demo into the migrated database left in `root/pglite` by `snapshotPGlite`, and dumps it. */
async function snapshotDemo(root: string): Promise<DemoSnapshot> {
  const dataDir = join(root, 'demo-data');
  await mkdir(dataDir, { recursive: true });
  const database = await openDatabase({ dataDir: join(root, 'pglite') });
  const now = new Date();
  try {
    const config = loadConfig({}, { JOBS: 'off', LOG_LEVEL: 'silent', UPLOAD_DIR: dataDir, DATA_DIR: dataDir });
    await loadDemo({ database, db: database.db, config, now: () => new Date() }, { debtors: DEMO_DEBTORS });
  } finally {
    await database.close();
  }
  const dump = join(root, 'pglite-demo.tar');
  await writeFile(dump, Buffer.from(await (await dumpPGlite(join(root, 'pglite'))).arrayBuffer()));
  return { dump, dataDir, seededOn: localDateOf(now, E2E_ZONE) };
}
