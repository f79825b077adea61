import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary constant: serialises migrators of several processes sharing one PostgreSQL. */
const MIGRATION_LOCK_KEY = 725_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies the numbered SQL files not yet applied, each in its own transaction, in order.
 * Forward-only: an applied file whose text has changed stops the run instead of being silently skipped.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<MigrationReport> {
  return database.withConnection(async ({ run }) => {
    await run(`create table if not exists schema_migrations (
      version integer primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
    await run('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const { rows } = await run<{ version: number; name: string; checksum: string }>(
        'select version, name, checksum from schema_migrations order by version',
      );
      const applied = new Map(rows.map((row) => [row.version, row]));
      const report: MigrationReport = { applied: [], alreadyApplied: applied.size };
      for (const migration of migrations) {
        const done = applied.get(migration.version);
        if (done) {
          if (done.checksum !== migration.checksum) {
            throw new Error(
              `Migration ${migration.version}_${migration.name} was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        await run('begin');
        try {
          await run(migration.sql);
          await run('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
            migration.version,
            migration.name,
            migration.checksum,
          ]);
          await run('commit');
        } catch (error) {
          await run('rollback');
          throw new Error(`Migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        report.applied.push(`${migration.version}_${migration.name}`);
      }
      return report;
    } finally {
      await run('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

/** The readiness probe: reachable, and every migration shipped with this build applied. */
export async function pendingMigrations(database: Database, migrations = listMigrations()): Promise<string[]> {
  const { rows } = await database.executeSql<{ version: number }>(`select version from schema_migrations`);
  const applied = new Set(rows.map((row) => row.version));
  return migrations.filter((m) => !applied.has(m.version)).map((m) => `${m.version}_${m.name}`);
}
