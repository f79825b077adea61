import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ExclusiveLock, PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';
import { textParsers } from './type-parsers.js';

export type Engine = 'pglite' | 'postgres';

export interface SqlResult<R = Record<string, unknown>> {
  rows: R[];
}

/** Runs raw SQL on one connection held for the whole callback (migrations, pg-boss, scripts). */
export type RawRunner = <R = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<SqlResult<R>>;

export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<DB>;
  /** Raw SQL, one statement with parameters or several without; what pg-boss calls `executeSql`. */
  executeSql: RawRunner;
  /** Holds one connection for a sequence of raw statements (an explicit transaction, a session lock). */
  withConnection<T>(fn: (run: RawRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; without it Accord uses the embedded PGlite. */
  url?: string;
  /** Folder of the embedded database; omitted means in memory (tests). */
  dataDir?: string;
  /** A PGlite data directory archive to start from (tests start from an already migrated database). */
  loadDataDir?: Blob;
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.maxConnections ?? 10) : openPGlite(options);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const getTypeParser = ((oid: number, format?: string) =>
    textParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser;
  const pool = new pg.Pool({ connectionString: url, max, types: { getTypeParser } });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });

  const toRunner =
    (client: pg.Pool | pg.PoolClient): RawRunner =>
    async <R>(text: string, values?: unknown[]) => {
      const result = (await client.query(text, values as unknown[])) as unknown as pg.QueryResult | pg.QueryResult[];
      // A multi-statement string answers with one result per statement: pg-boss wants the last.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: (last?.rows ?? []) as R[] };
    };

  return {
    engine: 'postgres',
    db,
    executeSql: toRunner(pool),
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(toRunner(client));
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const parsers = Object.fromEntries(Object.entries(textParsers).map(([oid, parse]) => [oid, (text: string) => parse(text)]));
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers,
    // Durability of each commit to the folder; the embedded engine is for single-machine use.
    relaxedDurability: false,
  });
  const lock = new ExclusiveLock();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, lock) });

  const run: RawRunner = async <R>(text: string, values?: unknown[]) => {
    if (values && values.length > 0) {
      const result = await pglite.query<R>(text, values);
      return { rows: result.rows };
    }
    // exec speaks the simple protocol, which accepts several statements in one string.
    const results = await pglite.exec(text);
    return { rows: (results[results.length - 1]?.rows ?? []) as R[] };
  };

  return {
    engine: 'pglite',
    db,
    executeSql: (text, values) => lock.run(() => run(text, values)),
    withConnection: (fn) => lock.run(() => fn(run)),
    async close() {
      await lock.run(async () => {
        if (!pglite.closed) await pglite.close();
      });
    },
  };
}

/** Dumps an embedded database (tests copy a migrated template instead of migrating each time). */
export async function dumpPGlite(dataDir: string): Promise<Blob> {
  const pglite = await PGlite.create({ dataDir });
  const blob = await pglite.dumpDataDir('none');
  await pglite.close();
  return blob;
}
