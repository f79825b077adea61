import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dumpPGlite, openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated embedded database, dumped once for the run: each test file loads it instead of migrating. */
    pgliteSnapshot: string;
    /** A migrated database on the PostgreSQL server, the template each test file's database is copied from. */
    postgresTemplate: string | null;
    /**
     * Where test processes keep the demo agency they seeded (test/support/demo-cache.ts): `dir`, a folder for its
     * files, and `templatePrefix`, the start of the name of each of its template databases on the server. Both are
     * removed at the end of the run, whatever the processes did.
     */
    demoCache: { dir: string; templatePrefix: string | null };
  }
}

/**
 * Migrates once per run what every integration test starts from, on both engines: an embedded database started from
 * a dump skips PGlite's initdb and the migrations (seconds per test file), a server database copied from a template
 * skips the migrations. Tests of the migrator itself still start empty (`createTestDatabase(engine, { migrate:
 * false })`). Gives the test processes a place for the demo agency each seeds once (test/support/demo-cache.ts), and
 * clears it at the end.
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'accord-test-snapshot-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = adminUrl ? `accord_template_${process.pid}_${randomBytes(4).toString('hex')}` : null;

  const [snapshot] = await Promise.all([
    snapshotPGlite(root),
    template && adminUrl ? migrateTemplate(adminUrl, template) : null,
  ]);
  project.provide('pgliteSnapshot', snapshot);
  project.provide('postgresTemplate', template);
  project.provide('demoCache', { dir: join(root, 'demo'), templatePrefix: template && `${template}_demo_` });

  return async () => {
    await rm(root, { recursive: true, force: true });
    if (template && adminUrl)
      await onAdmin(adminUrl, async (admin) => {
        // The migrated template and the demo templates the test processes made from it.
        const { rows } = await admin.query<{ datname: string }>(
          'select datname from pg_database where datname = $1 or starts_with(datname, $2)',
          [template, `${template}_demo_`],
        );
        for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      });
  };
}

/** Migrates an embedded database in `root` and dumps it there; returns the dump's path. */
export async function snapshotPGlite(root: string): Promise<string> {
  const dataDir = join(root, 'pglite');
  const database = await openDatabase({ dataDir });
  await migrate(database);
  await database.close();
  const file = join(root, 'pglite-migrated.tar');
  await writeFile(file, Buffer.from(await (await dumpPGlite(dataDir)).arrayBuffer()));
  return file;
}

/**
 * A test database's commits do not wait for the server to flush its log to disk (about 2 ms each on the development
 * VM, where a test file commits thousands of times one after the other). Nothing is lost unless the server itself
 * crashes, and a test database is thrown away at the end anyway. Every session of the database has it, those of the
 * CLI processes a test starts too; a copy made from it does not inherit it, so each database is given it.
 */
export const NO_COMMIT_WAIT = (name: string) => `alter database ${name} set synchronous_commit = off`;

async function migrateTemplate(adminUrl: string, name: string): Promise<void> {
  await onAdmin(adminUrl, async (admin) => {
    await admin.query(`create database ${name}`);
    await admin.query(NO_COMMIT_WAIT(name));
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 2 });
  try {
    await migrate(database);
  } finally {
    // A template must have no session open when a test file copies it.
    await database.close();
  }
}

async function onAdmin<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
