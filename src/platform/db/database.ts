import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { ExclusiveLock, PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';
import { textParsers } from './type-parsers.js';

export type Engine = 'pglite' | 'postgres';

export interface SqlResult<R = Record<string, unknown>> {
  rows: R[];
}

/** Runs raw SQL on one connection held for the whole callback (migrations, pg-boss, scripts). */
export type RawRunner = <R = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<SqlResult<R>>;

/** One connection held for a whole unit of work: raw SQL, a Kysely bound to it, and bulk COPY. */
export interface Connection {
  run: RawRunner;
  /** Kysely on this very connection: `db.transaction()` here and `copyFrom` share one transaction. */
  db: Kysely<DB>;
  /**
   * `COPY table (cols) FROM STDIN` with text-format lines. The embedded engine reads a blob, so feed it
   * batches of bounded size (each call is one COPY statement).
   */
  copyFrom(table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>): Promise<void>;
}

export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<DB>;
  /** Raw SQL, one statement with parameters or several without; what pg-boss calls `executeSql`. */
  executeSql: RawRunner;
  /** Holds one connection for a unit of work (an explicit transaction, a session lock, a bulk load). */
  withConnection<T>(fn: (connection: Connection) => Promise<T>): Promise<T>;
  /**
   * The embedded engine only: its data directory as a tar archive, uncompressed (about 70 MB; tests write it to a
   * file and start copies of a seeded database from it: 0.2 s to dump and 0.6 s to start against 0.85 and 0.9 s
   * gzipped).
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return `copy ${ident(table)} (${columns.map(ident).join(', ')}) from ${source}`;
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
  // Every statement planned for the tables as they are: a plan a connection caches (a foreign-key check, a trigger's
  // or a function's query) was otherwise made once, when a table was small, and scanned it whole as it grew until
  // the next ANALYZE (measured: a payment's check of its ledger transaction, 2.7 times slower after 20,000 payments).
  // (An import's merge plans its checks once for its own transaction: intake/merge.ts.)
  // Connections stay open once made (no idle timeout; at most `max` of them). A new server connection pays for
  // loading the catalogue of every table, index and trigger function its first statements touch, about 65 ms of the
  // server's CPU over next case, opening a case and recording a call (measured on 1,000,000 cases): closing idle ones
  // after 10 s, the pool's default, made every burst of agents after a lull open cold ones at once, and their first
  // calls waited up to a second on two cores.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 0,
    types: { getTypeParser },
    options: '-c plan_cache_mode=force_custom_plan',
  });
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
      // A pool of one: Kysely on this client only, so its transaction and our COPY share the connection.
      const borrowed = { query: client.query.bind(client), release: () => {} };
      const single = { connect: async () => borrowed, end: async () => {} };
      const bound = new Kysely<DB>({ dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }) });
      try {
        return await fn({
          run: toRunner(client),
          db: bound,
          async copyFrom(table, columns, lines) {
            const stream = client.query(copyFromStdin(copyStatement(table, columns, 'stdin')));
            await pipeline(Readable.from(lines), stream);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself: a database used only through withConnection or
      // executeSql (the migrations alone) kept its connections open.
      if (!pool.ending) await pool.end();
    },
  };
}

async function openPGlite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const parsers = Object.fromEntries(
    Object.entries(textParsers).map(([oid, parse]) => [oid, (text: string) => parse(text)]),
  );
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers,
    // Durability of each commit to the folder; the embedded engine is for single-machine use.
    relaxedDurability: false,
  });
  // As on a server (openPostgres): plans made for the tables as they are, since nothing analyzes them here.
  await pglite.exec('set plan_cache_mode = force_custom_plan');
  const lock = new ExclusiveLock();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, lock) });
  // Used while withConnection already holds the lock.
  const bound = new Kysely<DB>({ dialect: new PGliteDialect(pglite, new ExclusiveLock()) });

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
    withConnection: (fn) =>
      lock.run(() =>
        fn({
          run,
          db: bound,
          async copyFrom(table, columns, lines) {
            const parts: string[] = [];
            for await (const line of lines) parts.push(line);
            const blob = new Blob(parts);
            await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
          },
        }),
      ),
    // After a checkpoint: a copy started from the dump then has no write-ahead log to replay (0.3 s less a start).
    dumpDataDir: () =>
      lock.run(async () => {
        await pglite.exec('checkpoint');
        return pglite.dumpDataDir('none');
      }),
    async close() {
      await lock.run(async () => {
        if (!pglite.closed) await pglite.close();
      });
    },
  };
}

/**
 * Dumps an embedded database (tests start from a migrated dump instead of migrating each time), uncompressed: about
 * 65 MB on disk instead of 7, and each start from it 0.3–0.4 s sooner, with no inflating.
 */
export async function dumpPGlite(dataDir: string): Promise<Blob> {
  const pglite = await PGlite.create({ dataDir });
  const blob = await pglite.dumpDataDir('none');
  await pglite.close();
  return blob;
}
