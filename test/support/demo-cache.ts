import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadDemo } from '../../src/demo/seed.js';
import { agencyToday } from '../../src/platform/calendar/index.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database, type Engine } from '../../src/platform/db/database.js';
import { createServerDatabase, migratedSnapshot } from './database.js';

/** Debtors of the demo agency a test app starts with. */
export const DEMO_DEBTORS = 40;

/** A test app's configuration: quiet, no job worker, its files in the folders given, then the test's own settings. */
export function testConfig(folders: { uploads: string | null; dataDir: string | null }, overrides?: Partial<Config>) {
  return loadConfig(
    {},
    {
      LOG_LEVEL: 'silent',
      JOBS: 'off',
      ...(folders.uploads ? { UPLOAD_DIR: folders.uploads } : {}),
      ...(folders.dataDir ? { DATA_DIR: folders.dataDir } : {}),
      ...overrides,
    },
  );
}

/** The demo agency seeded once in this process for one starting point, which each test file starts a copy of. */
export interface SeededDemo {
  /** The instant it was seeded at, what its data is dated from: the test's clock starts there. */
  now: Date;
  /** The agency's time zone, and its day at that instant. */
  zone: string;
  day: string;
  /** The files the seeding wrote (UPLOAD_DIR, DATA_DIR: the demo's documents), copied into each test's folders. */
  uploads: string;
  dataDir: string;
  /** The database: a dump of the embedded one, or the name of a template database on the server. */
  copyOf: Blob | string;
}

const seeded = new Map<string, Promise<SeededDemo>>();
let templates = 0;

/**
 * The demo agency a test app starts from, seeded once per test process for each distinct starting point: the engine,
 * the test's `now` (or the real clock) and its configuration, which the seeded data depends on (the agency's time zone,
 * address, keys…). vitest runs the files of a process one after the other in it (`isolate: false`), so the later ones
 * start from a copy instead of seeding again (seconds each). A demo seeded on the real clock is dated from the moment of
 * its seeding: a test app started from it has its clock set to that moment, so it sees the very data and clock it would
 * have seen had it seeded then; it is used only on the agency's same day (a test that reads the real time, or a row
 * the database dates with `now()`, then stays on the clock's day). Null when the test writes its files in folders of
 * its own (seeded there, as before), or on a server without the run's template.
 */
export async function seededDemo(
  engine: Engine,
  options: { now?: Date; config?: Partial<Config> },
): Promise<SeededDemo | null> {
  const cache = inject('demoCache');
  const ownFolders = Boolean(options.config?.UPLOAD_DIR || options.config?.DATA_DIR);
  if (!cache || ownFolders || (engine === 'postgres' && !cache.templatePrefix)) return null;
  const key = JSON.stringify([engine, options.now?.toISOString() ?? 'real clock', options.config ?? {}]);
  const known = seeded.get(key);
  if (known) {
    const demo = await known;
    if (options.now || agencyToday(new Date(), { AGENCY_TZ: demo.zone }) === demo.day) return demo;
  }
  const seeding = seedDemo(engine, cache, options);
  seeded.set(key, seeding);
  // A failed seeding is not kept: the next file tries again (and this one fails with the error).
  void seeding.catch(() => seeded.get(key) === seeding && seeded.delete(key));
  return seeding;
}

async function seedDemo(
  engine: Engine,
  cache: { dir: string; templatePrefix: string | null },
  options: { now?: Date; config?: Partial<Config> },
): Promise<SeededDemo> {
  await mkdir(cache.dir, { recursive: true });
  const folder = await mkdtemp(join(cache.dir, `${process.pid}-`));
  const uploads = join(folder, 'uploads');
  const dataDir = join(folder, 'data');
  await Promise.all([mkdir(uploads), mkdir(dataDir)]);
  const now = options.now ?? new Date();
  const config = testConfig({ uploads, dataDir }, options.config);
  const template = engine === 'postgres' ? `${cache.templatePrefix}${process.pid}_${++templates}` : null;
  const database: Database = template
    ? (await createServerDatabase(template, inject('postgresTemplate'))).database
    : await openDatabase({ loadDataDir: migratedSnapshot() });
  let copyOf: Blob | string;
  try {
    await loadDemo({ database, db: database.db, config, now: () => now }, { debtors: DEMO_DEBTORS });
    copyOf = template ?? (await database.dumpDataDir!());
  } finally {
    // A template must have no session open when a test file copies it.
    await database.close();
  }
  return { now, zone: config.AGENCY_TZ, day: agencyToday(now, config), uploads, dataDir, copyOf };
}
