import { openAsBlob } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
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
  /**
   * The settings the seeding read, with their values (its folders aside): what its data can depend on. A test whose
   * settings have the same values for these starts from a copy of it, whatever its other settings say.
   */
  read: Partial<Config>;
  /** The files the seeding wrote (UPLOAD_DIR, DATA_DIR: the demo's documents), copied into each test's folders. */
  uploads: string;
  dataDir: string;
  /**
   * The database: a dump of the embedded one (read from its file when a copy starts: seventy megabytes a starting
   * point, not kept in memory), or the name of a template database on the server.
   */
  copyOf: Blob | string;
}

/** The seedings of this process by engine and `now` (or the real clock), one for each set of settings it read. */
const seeded = new Map<string, Promise<SeededDemo>[]>();
let templates = 0;
/** The seeding's own folders, which a test's copy replaces by its own. */
const FOLDERS = new Set(['UPLOAD_DIR', 'DATA_DIR']);

/**
 * The demo agency a test app starts from, seeded once per test process for each distinct starting point: the engine,
 * the test's `now` (or the real clock) and the settings the seeding read, which its data depends on (the agency's
 * time zone, address, keys…). The other settings a test gives (an SMTP server's port, a webhook's secret) do not
 * change the seeded data, so they need no seeding of their own (keyed on whole settings, the unit run had 64 starting
 * points; keyed on what the seeding read, about 34).
 * vitest runs the files of a process one after the other in it (`isolate: false`), so the later ones start from a
 * copy instead of seeding again (seconds each). A demo seeded on the real clock is dated from the moment of its
 * seeding: a test app started from it has its clock set to that moment, so it sees the very data and clock it would
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
  const key = `${engine} ${options.now?.toISOString() ?? 'real clock'}`;
  const settings = testConfig({ uploads: null, dataDir: null }, options.config);
  const seedings = seeded.get(key) ?? [];
  for (const known of seedings) {
    const demo = await known.catch(() => null);
    if (!demo || !fits(demo, settings)) continue;
    if (options.now || agencyToday(new Date(), { AGENCY_TZ: demo.zone }) === demo.day) return demo;
  }
  const seeding = seedDemo(engine, cache, options);
  seeded.set(key, [...(seeded.get(key) ?? []), seeding]);
  // A failed seeding is not kept: the next file tries again (and this one fails with the error).
  void seeding.catch(() =>
    seeded.set(
      key,
      seeded.get(key)!.filter((other) => other !== seeding),
    ),
  );
  return seeding;
}

/** Whether a test with these settings would have seeded the same data: they agree on every one the seeding read. */
function fits(demo: SeededDemo, settings: Config): boolean {
  return Object.entries(demo.read).every(([name, value]) => isDeepStrictEqual(settings[name as keyof Config], value));
}

/**
 * The settings as the seeding sees them, and what it read of them: each one it reads by name, or all of them when it
 * lists them (a spread, a copy).
 */
function watched(config: Config): { config: Config; read: () => Partial<Config> } {
  const names = new Set<string>();
  let all = false;
  const proxy = new Proxy(config, {
    get(target, name, receiver) {
      if (typeof name === 'string') names.add(name);
      return Reflect.get(target, name, receiver) as unknown;
    },
    has(target, name) {
      if (typeof name === 'string') names.add(name);
      return Reflect.has(target, name);
    },
    ownKeys(target) {
      all = true;
      return Reflect.ownKeys(target);
    },
  });
  const read = () =>
    Object.fromEntries(
      Object.entries(config).filter(([name]) => (all || names.has(name)) && !FOLDERS.has(name)),
    ) as Partial<Config>;
  return { config: proxy, read };
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
  const settings = watched(testConfig({ uploads, dataDir }, options.config));
  const config = settings.config;
  const template = engine === 'postgres' ? `${cache.templatePrefix}${process.pid}_${++templates}` : null;
  const database: Database = template
    ? (await createServerDatabase(template, inject('postgresTemplate'))).database
    : await openDatabase({ loadDataDir: migratedSnapshot() });
  let copyOf: Blob | string;
  try {
    await loadDemo({ database, db: database.db, config, now: () => now }, { debtors: DEMO_DEBTORS });
    if (template) copyOf = template;
    else {
      const dump = join(folder, 'database.tar');
      await writeFile(dump, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
      copyOf = await openAsBlob(dump);
    }
  } finally {
    // A template must have no session open when a test file copies it.
    await database.close();
  }
  const read = settings.read();
  return { now, zone: config.AGENCY_TZ, day: agencyToday(now, config), read, uploads, dataDir, copyOf };
}
