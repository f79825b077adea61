import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { createScratchDatabase } from './scratch-database.js';

const run = promisify(execFile);

/** The server's own yardstick: pgbench's TPC-B-like transaction (three updates, a select, an insert), or its shape in SQL. */
export interface Reference {
  txPerSecond: number;
  how: string;
}

/** The transactions per second a pgbench run printed (without its connection time, when it says so). */
export function tpsOf(stdout: string): number {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(tps[1]);
}

export function pgbenchBinary(): string | null {
  for (const candidate of ['/usr/bin/pgbench', '/usr/lib/postgresql/15/bin/pgbench', '/usr/local/bin/pgbench'])
    if (existsSync(candidate)) return candidate;
  return null;
}

/**
 * TPC-B tx/s with `clients` connections on the server `serverUrl` points to, in a database of its own (dropped
 * afterwards), scale factor `clients` (a branch per client), for `seconds`. Without pgbench, the same transaction in SQL
 * from `clients` connections of this process.
 */
export async function tpcbReference(serverUrl: string, clients: number, seconds: number): Promise<Reference> {
  const scratch = await createScratchDatabase(serverUrl, `accord_bench_tpcb_${process.pid}`);
  try {
    const binary = pgbenchBinary();
    if (binary) {
      await run(binary, ['-i', '-q', '-s', String(clients), scratch.url], { maxBuffer: 1 << 24 });
      const { stdout } = await run(
        binary,
        ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), scratch.url],
        { maxBuffer: 1 << 24 },
      );
      return { txPerSecond: tpsOf(stdout), how: `pgbench TPC-B, ${clients} clients, scale ${clients}, ${seconds} s` };
    }
    return { txPerSecond: await tpcbInSql(scratch.url, clients, seconds), how: `TPC-B in SQL, ${clients} clients` };
  } finally {
    await scratch.drop();
  }
}

async function tpcbInSql(url: string, clients: number, seconds: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  try {
    await pool.query(`
      create table branches (bid int primary key, bbalance int not null);
      create table tellers (tid int primary key, bid int not null, tbalance int not null);
      create table accounts (aid int primary key, bid int not null, abalance int not null);
      create table history (tid int, bid int, aid int, delta int, mtime timestamp);
      insert into branches select b, 0 from generate_series(1, ${clients}) b;
      insert into tellers select t, (t - 1) / 10 + 1, 0 from generate_series(1, ${clients * 10}) t;
      insert into accounts select a, (a - 1) / 100000 + 1, 0 from generate_series(1, ${clients * 100_000}) a;
      vacuum analyze;`);
    let done = 0;
    const until = Date.now() + seconds * 1000;
    const random = (n: number) => 1 + Math.floor(Math.random() * n);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const client = await pool.connect();
        try {
          while (Date.now() < until) {
            const [aid, bid, tid, delta] = [
              random(clients * 100_000),
              random(clients),
              random(clients * 10),
              random(10_000) - 5_000,
            ];
            await client.query('begin');
            await client.query('update accounts set abalance = abalance + $1 where aid = $2', [delta, aid]);
            await client.query('select abalance from accounts where aid = $1', [aid]);
            await client.query('update tellers set tbalance = tbalance + $1 where tid = $2', [delta, tid]);
            await client.query('update branches set bbalance = bbalance + $1 where bid = $2', [delta, bid]);
            await client.query('insert into history values ($1, $2, $3, $4, now())', [tid, bid, aid, delta]);
            await client.query('commit');
            done += 1;
          }
        } finally {
          client.release();
        }
      }),
    );
    return done / seconds;
  } finally {
    await pool.end();
  }
}
