import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { rebuildQueue } from '../../src/workspace/rebuild-queue.js';
import { intakeFileOf } from './generate-intake-file.js';
import { createScratchDatabase } from './scratch-database.js';
import { importBeside, stopImportBeside } from './queue/beside.js';
import { agentActors, drive } from './queue/drive.js';
import { load } from './queue/load.js';
import {
  ALLOWED_DECISION,
  caseCount,
  fmt,
  importClaims,
  keepDatabase,
  loadOnly,
  MINUTE,
  out,
  poolSize,
  seconds,
  serverUrl,
  START,
  warmSeconds,
} from './queue/options.js';
import { rewriteReference } from './queue/reference.js';
import { afterRunChecks, queueFigures, report } from './queue/report.js';

/**
 * npm run bench:queue — the agent workspace under a day's load, on a PostgreSQL server (BENCH_DATABASE_URL; its
 * own database, dropped afterwards). Loads BENCH_CASES open cases (default 1,000,000) set-based — debtors with an
 * address (France, Italy, overseas), a mobile, a claim, a contact history for a share of them (some refused by the
 * contact policy: 4 h spacing, daily and weekly caps, the pause after a conversation) — builds the queues with
 * rebuildQueue (the first build, then the nightly rebuild over the built entries, then the same entries rewritten in SQL
 * alone as the reference), then drives BENCH_AGENTS agents (default 50) for BENCH_QUEUE_SECONDS (default 60): next case, open
 * the case (the case page's three calls, in parallel), record the call. The clock starts on a Wednesday at 10:00 in
 * Paris and runs at the real pace.
 * Bars: next case p99 ≤ 50 ms, opening a case p99 ≤ 200 ms, no case handed to two agents at once. Before that day
 * the agents are driven for BENCH_WARM_SECONDS (default 20) as the cold start of a server whose connections are new,
 * printed apart and not held to the bars (a server running all day keeps its connections warm).
 * BENCH_THINK_MS (default 1000) waits between acts (0.5–1.5 times that, at random): each agent then takes a case about
 * every 3 seconds, some sixty times the pace of a person on the phone; BENCH_THINK_MS=0 is a saturation test, where
 * every call recorded waits for the audit trail's head (one audited write at a time). BENCH_POOL (default agents + 10)
 * sizes the connection pool; BENCH_LOAD_ONLY=1 stops after the load (the loader's own timing); BENCH_KEEP_DB=1 keeps
 * the database (to study plans).
 * The second phase, an import beside the agents: after that first phase of driving, a placement file of
 * BENCH_IMPORT_CLAIMS claims (default 1,000,000; bench:intake's generator and file) is imported into the same database
 * for a creditor of its own, through the code a user runs, by another process (the agents' event loop is not the
 * import's), and the agents are driven again from the moment it begins until it ends (BENCH_IMPORT_SECONDS at most,
 * default 600; then it is stopped and said unfinished). Bar: next case p99 ≤ 50 ms during the import too, printed with
 * the first phase's p99 as the same run's reference, with the import's claims/s and whether it finished within the
 * phase. BENCH_IMPORT_CLAIMS=0 leaves the second phase out. Ctrl-C or a failure stops the import and drops the
 * database.
 */

// The database: created, migrated, dropped at the end (also on failure or interruption, the import beside the agents
// stopped first). Loading, driving, the import beside and reporting are in queue/.

// The file imported in the second phase, written now (or found from an earlier run) so its writing is not measured.
const importFile = importClaims > 0 && !loadOnly ? await intakeFileOf(importClaims) : null;

const scratch = await createScratchDatabase(serverUrl, `accord_bench_queue_${process.pid}_${randomUUID().slice(0, 8)}`);
let database: Database | null = null;
let cleaned: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaned ??= (async () => {
    stopImportBeside();
    try {
      await database?.close();
    } catch {
      // the pool may already be gone
    }
    if (keepDatabase) {
      process.stderr.write(`bench:queue: database ${scratch.name} kept (BENCH_KEEP_DB=1)\n`);
      await scratch.keep();
    } else {
      await scratch.drop();
    }
  })();
  return cleaned;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench:queue: ${signal}, dropping ${scratch.name}\n`);
    // Connections still running a statement are cut by the drop: their errors no longer matter.
    process.on('uncaughtException', () => {});
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  database = await openDatabase({ url: scratch.url, maxConnections: poolSize });
  await migrate(database);
  let clockBase = performance.now();
  const deps: Deps = {
    database,
    db: database.db,
    config: loadConfig({}, { LOG_LEVEL: 'silent', JOBS: 'off' }),
    // The fixed moment, advancing with the real elapsed time.
    now: () => new Date(START + (performance.now() - clockBase)),
    jobs: null,
  };

  const loaded = await load(database);
  if (loadOnly) {
    out(
      `bench:queue load only: ${fmt(caseCount)} cases in ${loaded.seconds.toFixed(1)} s (${fmt(Math.round(caseCount / loaded.seconds))} cases/s) on ${cpus().length} cpus`,
    );
  } else {
    // The queues, built by the product.
    clockBase = performance.now();
    const rebuildBegan = performance.now();
    const rebuilt = await rebuildQueue(deps);
    const rebuildSeconds = (performance.now() - rebuildBegan) / 1000;
    out(
      `first build: ${fmt(rebuilt.entries)} queue entries in ${rebuildSeconds.toFixed(1)} s (${fmt(Math.round(rebuilt.entries / rebuildSeconds))} entries/s; every entry inserted, every assignment recorded, every case given its team), load average ${loadavg()[0]!.toFixed(1)}`,
    );
    // The nightly rebuild proper: the entries, assignments and teams are there, time alone changed the facts.
    const nightlyBegan = performance.now();
    const nightlyNow = deps.now();
    const nightly = await rebuildQueue(deps);
    const nightlySeconds = (performance.now() - nightlyBegan) / 1000;
    // The entries it wrote again: those whose content changed (the others keep the first build's refreshed_at).
    const written = await database.executeSql<{ count: string }>(
      'select count(*)::text as count from case_queue where refreshed_at >= $1',
      [nightlyNow],
    );
    out(
      `nightly rebuild: ${fmt(nightly.entries)} queue entries in ${nightlySeconds.toFixed(1)} s (${fmt(Math.round(nightly.entries / nightlySeconds))} entries/s; ${fmt(Number(written.rows[0]!.count))} written again, the others unchanged), load average ${loadavg()[0]!.toFixed(1)}`,
    );
    const reference = await rewriteReference(database);
    out(
      `reference: the same ${fmt(reference.entries)} entries rewritten set-based in SQL alone in ${reference.seconds.toFixed(1)} s (${fmt(Math.round(reference.entries / reference.seconds))} entries/s), load average ${loadavg()[0]!.toFixed(1)}`,
    );
    // The nightly rebuild runs hours before the agents start: by then autovacuum and a checkpoint have passed over
    // its million updated rows. Do the same here, so the run measures the working day and not the night's cleanup.
    await database.executeSql('vacuum analyze case_queue');
    await database.executeSql('analyze');
    await database.executeSql('checkpoint');
    await queueFigures(database, deps.now());

    // Contacts made since the rebuild by other means (a dialer, an inbound call): those entries are stale until the
    // sweep, so next case meets refusals it must push back.
    const stale = await database.executeSql<{ count: string }>(
      `with made as (
         insert into contacts (debtor_id, case_id, channel, direction, outcome, conversation, occurred_at, recorded_at, policy_version, decision)
         select debtor_id, id, 'phone', 'outbound', 'no_answer', false, $1::timestamptz, $1::timestamptz, 1,
           ${ALLOWED_DECISION("'phone'", '$1::timestamptz')}
         from cases where status = 'open' and (hashint8extended(abs(hashtext(reference))::bigint, 11) & 2147483647) % 50 = 0
         returning 1)
       select count(*)::text as count from made`,
      [new Date(START - 20 * MINUTE)],
    );
    out(
      `stale entries: ${fmt(Number(stale.rows[0]!.count))} cases got a phone contact after the rebuild (refused by the 4 h spacing at next case)`,
    );

    const agents = await agentActors(database);
    // A server that runs all day has its pool open and its connections warm (they stay open: database.ts). A new
    // server connection first loads the catalogue of whatever its statements touch, so the agents' first
    // BENCH_WARM_SECONDS after the pool opens are driven and printed apart, as the cold start; the bars are the day's.
    await Promise.all(Array.from({ length: poolSize }, () => database!.executeSql('select 1')));
    const coldStart = await drive(deps, agents, scratch.url, { seconds: warmSeconds });
    const run = await drive(deps, agents, scratch.url, { seconds });
    const beside = importFile ? await importBeside(deps, agents, scratch.url, importFile) : null;
    const checks = await afterRunChecks(database, agents, coldStart.sinceIso);
    report(
      loaded,
      {
        first: { entries: rebuilt.entries, seconds: rebuildSeconds },
        nightly: { entries: nightly.entries, seconds: nightlySeconds },
        reference,
      },
      { coldStart, run, beside },
      checks,
    );
  }
} finally {
  await cleanup();
}
