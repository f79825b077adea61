import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { NO_COMMIT_WAIT } from './global-setup.js';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server (CI sets it). */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  /** For PostgreSQL, the URL of this test's own database (CLI tests point DATABASE_URL at it). */
  url: string | null;
  drop(): Promise<void>;
}

let snapshot: Blob | undefined;

/** The run's migrated embedded database (test/support/global-setup.ts), read once per test process. */
export function migratedSnapshot(): Blob {
  snapshot ??= new Blob([readFileSync(inject('pgliteSnapshot'))]);
  return snapshot;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite started from the run's migrated dump, or a
 * uniquely named database on the PostgreSQL server copied from the run's migrated template, dropped afterwards.
 * `migrate: false` gives an empty one (tests of the migrator); `copyOf` starts from a seeded database instead of the
 * migrated one, a dump on PGlite or a template database on the server (the demo agency, test/support/demo-cache.ts).
 */
export async function createTestDatabase(
  engine: Engine,
  options: { migrate?: boolean; copyOf?: Blob | string } = {},
): Promise<TestDatabase> {
  const migrated = options.migrate !== false;
  if (engine === 'pglite') {
    const start = options.copyOf instanceof Blob ? options.copyOf : migrated ? migratedSnapshot() : undefined;
    const database = await openDatabase(start ? { loadDataDir: start } : {});
    return { database, url: null, drop: () => database.close() };
  }
  const adminUrl = serverUrl();
  const name = `accord_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = typeof options.copyOf === 'string' ? options.copyOf : migrated ? inject('postgresTemplate') : null;
  const { database, url } = await createServerDatabase(name, template);
  // Without a template (TEST_DATABASE_URL set after the run began), the file migrates its own.
  if (migrated && !template) await migrate(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

function serverUrl(): string {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  return adminUrl;
}

/** Creates `name` on the test server, a copy of `template` if given, and opens it. */
export async function createServerDatabase(
  name: string,
  template: string | null,
): Promise<{ database: Database; url: string }> {
  const adminUrl = serverUrl();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    await admin.query(NO_COMMIT_WAIT(name));
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { database: await openDatabase({ url: url.toString(), maxConnections: 20 }), url: url.toString() };
}
