import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';

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
function migratedSnapshot(): Blob {
  snapshot ??= new Blob([readFileSync(inject('pgliteSnapshot'))]);
  return snapshot;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite started from the run's migrated dump, or a
 * uniquely named database on the PostgreSQL server copied from the run's migrated template, dropped afterwards.
 * `migrate: false` gives an empty one (tests of the migrator).
 */
export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrate !== false;
  if (engine === 'pglite') {
    const database = await openDatabase(migrated ? { loadDataDir: migratedSnapshot() } : {});
    return { database, url: null, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `accord_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const template = migrated ? inject('postgresTemplate') : null;
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 20 });
  // Without a template (TEST_DATABASE_URL set after the run began), the file migrates its own.
  if (migrated && !template) await migrate(database);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
