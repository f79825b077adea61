import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../../src/audit/append.js';
import { sealAuditChain } from '../../src/audit/seal-chain.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { DB } from '../../src/platform/db/schema.js';
import { actRecord, addEvent, lockAct, updateAct, type Act } from './audit/act.js';
import { profileAuditedAct } from './audit/profile.js';
import { createScratchDatabase } from './scratch-database.js';

/**
 * npm run bench:audit — audited writes per second with 16 concurrent writers (each act on its own row plus its audit
 * entry, in one transaction) against the same writes without the audit append, on a PostgreSQL server
 * (BENCH_DATABASE_URL; its own database, dropped afterwards). The act of the bar is shaped as a service writes one
 * (read under lock, update, history line); a bare one-statement update is measured too, the worst case for the ratio.
 * The sealer runs beside the audited writers, every second, as the job would every minute. Plain and audited rounds
 * alternate, twice each, so a busy machine weighs on both.
 * Then it tampers with the sealed chain (an entry changed, one deleted, two swapped) and shows `audit:verify` naming
 * each. BENCH_AUDIT_WRITES (per round) and BENCH_CONCURRENCY change the sizes.
 */

const writesPerRound = Number(process.env.BENCH_AUDIT_WRITES ?? 20_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BAR = 0.7;
/** Acts profiled statement by statement after the rounds (BENCH_AUDIT_PROFILE_ACTS). */
const profiledActs = Number(process.env.BENCH_AUDIT_PROFILE_ACTS ?? 500);
const run = promisify(execFile);

const scratch = await createScratchDatabase(serverUrl, `accord_bench_audit_${process.pid}`);
const database = await openDatabase({ url: scratch.url, maxConnections: concurrency + 2 });
const db = database.db;

/** One round: `writes` acts by `concurrency` writers, each on its own rows, with or without the audit entry. */
async function round(act: Act, writes: number, audited: boolean): Promise<number> {
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, writer) => {
      for (;;) {
        const index = next++;
        if (index >= writes) return;
        const id = (index % 100) * concurrency + writer + 1;
        await db.transaction().execute(async (trx) => {
          if (act === 'service') await trx.executeQuery(lockAct(id));
          const row = await trx.executeQuery<{ version: number }>(updateAct(id));
          const version = row.rows[0]!.version;
          if (act === 'service') await trx.executeQuery(addEvent(id, version));
          if (audited) await appendAudit(trx, actRecord(id, version, index));
        });
      }
    }),
  );
  return writes / ((performance.now() - began) / 1000);
}

const sealing = { batches: 0, entries: 0, runs: 0 };

/** Plain and audited rounds of one act, alternating twice; the sealer runs beside the audited ones. */
async function compare(act: Act, writes: number): Promise<{ plain: number; audited: number }> {
  const plain: number[] = [];
  const audited: number[] = [];
  for (let i = 0; i < 2; i += 1) {
    plain.push(await round(act, writes, false));
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const sealer = sealEverySecond(stopped);
    audited.push(await round(act, writes, true));
    stop();
    const report = await sealer;
    sealing.batches += report.batches;
    sealing.entries += report.entries;
    sealing.runs += report.runs;
    process.stdout.write(
      `${act} act, round ${i + 1}: ${Math.round(plain[i]!).toLocaleString('en')} writes/s without the audit append, ${Math.round(audited[i]!).toLocaleString('en')} audited writes/s (${concurrency} writers, ${writes.toLocaleString('en')} writes)\n`,
    );
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return { plain: mean(plain), audited: mean(audited) };
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** The sealer beside the writers, every second, until `stop` resolves. */
async function sealEverySecond(stop: Promise<void>): Promise<{ batches: number; entries: number; runs: number }> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const total = { batches: 0, entries: 0, runs: 0 };
  while (!stopped) {
    const report = await sealAuditChain(db);
    total.batches += report.batches;
    total.entries += report.entries;
    total.runs += 1;
    await Promise.race([stop, new Promise((resolve) => setTimeout(resolve, 1_000))]);
  }
  return total;
}

async function verifyCommand(): Promise<string> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const outcome = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit:verify'], {
    env: { ...inherited, DATABASE_URL: scratch.url, LOG_LEVEL: 'silent' },
  }).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  return `exit ${outcome.code}: ${outcome.stdout.trim()}`;
}

/** What an attacker with database access would do: the append-only triggers off, then the edit. */
async function tamper(kysely: Kysely<DB>, statement: ReturnType<typeof sql>): Promise<void> {
  await kysely.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_no_update_or_delete`.execute(trx);
  });
}

try {
  await migrate(database);
  await sql`create table bench_acts (id bigint primary key, version integer not null, balance_cents bigint not null,
      updated_at timestamptz not null)`.execute(db);
  await sql`create table bench_act_events (id uuid primary key default uuid_time_ordered(),
      act_id bigint not null references bench_acts (id), kind text not null, payload jsonb not null,
      at timestamptz not null)`.execute(db);
  await sql`create index bench_act_events_act on bench_act_events (act_id, at desc)`.execute(db);
  await sql`insert into bench_acts select n, 0, 100000000, now() from generate_series(1, ${100 * concurrency}) n`.execute(
    db,
  );
  await sql`analyze`.execute(db);
  process.stdout.write(`load: ${load()} (1, 5, 15 min) at the start, on 2 cores shared with other work\n`);

  const bare = await compare('bare', Math.round(writesPerRound / 2));
  const service = await compare('service', writesPerRound);
  const lagBegan = performance.now();
  const rest = await sealAuditChain(db);
  process.stdout.write(
    `sealer: ${sealing.entries.toLocaleString('en')} entries sealed beside the writers in ${sealing.runs} runs (${sealing.batches} batches); ${rest.entries.toLocaleString('en')} left at the end, sealed in ${(performance.now() - lagBegan).toFixed(0)} ms\n`,
  );
  for (const line of await profileAuditedAct(scratch.url, db, profiledActs)) process.stdout.write(`${line}\n`);
  process.stdout.write(`audit:verify, untouched: ${await verifyCommand()}\n`);

  // Tampering from the newest to the oldest, so each check's first problem is the newest tampering.
  const chain = await db.selectFrom('audit_chain').select(['position', 'seq']).orderBy('position').execute();
  const at = (fraction: number) => Number(chain[Math.floor(chain.length * fraction)]!.seq);
  const changed = at(0.75);
  await tamper(db, sql`update audit_log set after = jsonb_set(after, '{amountCents}', '1') where seq = ${changed}`);
  process.stdout.write(`changed entry #${changed}: ${await verifyCommand()}\n`);
  const deleted = at(0.5);
  await tamper(db, sql`delete from audit_log where seq = ${deleted}`);
  process.stdout.write(`deleted entry #${deleted}: ${await verifyCommand()}\n`);
  const [first, second] = [at(0.25), at(0.25) + 1];
  await tamper(
    db,
    sql`update audit_log set target_id = case audit_log.seq when ${first} then b.target_id else a.target_id end,
          before = case audit_log.seq when ${first} then b.before else a.before end,
          after = case audit_log.seq when ${first} then b.after else a.after end,
          request_id = case audit_log.seq when ${first} then b.request_id else a.request_id end,
          occurred_at = case audit_log.seq when ${first} then b.occurred_at else a.occurred_at end
        from (select * from audit_log where seq = ${first}) a, (select * from audit_log where seq = ${second}) b
        where audit_log.seq in (${first}, ${second})`,
  );
  process.stdout.write(`swapped entries #${first} and #${second}: ${await verifyCommand()}\n`);

  const bareRatio = bare.audited / bare.plain;
  process.stdout.write(
    `bare act (one update): ${Math.round(bare.audited).toLocaleString('en')} audited writes/s = ${(bareRatio * 100).toFixed(1)} % of ${Math.round(bare.plain).toLocaleString('en')} writes/s without the audit append\n`,
  );
  process.stdout.write(`load: ${load()} (1, 5, 15 min) at the end\n`);
  const ratio = service.audited / service.plain;
  process.stdout.write(
    `audit: ${Math.round(service.audited).toLocaleString('en')} audited writes/s (service act) with ${concurrency} writers = ${(ratio * 100).toFixed(1)} % of ${Math.round(service.plain).toLocaleString('en')} writes/s without the audit append (bar >= ${BAR * 100} %): ${ratio >= BAR ? 'met' : 'NOT met'}\n`,
  );
} finally {
  await database.close();
  await scratch.drop();
}
