import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../src/app/route-registry.js';
import { jobSchedule } from '../../src/app/job-schedule.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { PERFORMANCE_REFRESH, refreshPerformance } from '../../src/reporting/refresh-performance.js';
import { caseCount, fmt, keepDatabase, out, serverUrl, START } from './queue/options.js';
import { load } from './queue/load.js';
import { contactCount, loadReportFacts, paymentCount, type Readers } from './reports/load.js';
import { ms, printTimings, signIn, spread, timeReferences, timeScenarios } from './reports/measure.js';
import { createScratchDatabase, existingDatabase, type ScratchDatabase } from './scratch-database.js';

/**
 * npm run bench:reports — every report a manager, a creditor user or a team leader reads, on a PostgreSQL server
 * (BENCH_DATABASE_URL; its own database, dropped afterwards) holding BENCH_CASES cases (default 1,000,000) loaded
 * set-based by the queue bench's loader (queue/load.ts), BENCH_CONTACTS contacts in all (default three per case) and
 * BENCH_PAYMENTS payments (default one per two cases), with promises, moves between stages, fragile debtors and the
 * cases' teams (reports/load.ts). Then:
 * - the five-minute refresh of the report facts (refreshPerformance), timed twice (the first fills empty tables, the
 *   second rewrites full ones, as every run after the first does): the data are at most the refresh period plus its
 *   duration old;
 * - each report through the real app (buildApp) and its HTTP routes with inject(), signed in through the login route,
 *   BENCH_REPORT_CALLS times per reader and filter (default 40), one call at a time (reports/measure.ts);
 * - the yardsticks, timed the same way: a case read by its reference in SQL, and GET /api/v1/me in the app.
 * Bars: every report's p95 ≤ 300 ms; the refresh period plus the refresh's duration ≤ 5 minutes.
 * BENCH_KEEP_DB=1 keeps the database; BENCH_REUSE_DB=<name> runs again on a kept one (not loaded again);
 * BENCH_REFRESHES (1–3, default 2) times the refresh that many times.
 */

const REPORT_BAR_MS = 300;
const STALENESS_BAR_MINUTES = 5;
const poolSize = Number(process.env.BENCH_POOL ?? 10);
const reuseDatabase = process.env.BENCH_REUSE_DB ?? null;
/** How many times the refresh is timed (1–3): a kept database's facts are full already, once is enough there. */
const refreshes = Math.min(3, Math.max(1, Number(process.env.BENCH_REFRESHES ?? 2)));

const scratch: ScratchDatabase = reuseDatabase
  ? existingDatabase(serverUrl, reuseDatabase)
  : await createScratchDatabase(serverUrl, `accord_bench_reports_${process.pid}_${randomUUID().slice(0, 8)}`);
const folder = mkdtempSync(join(tmpdir(), 'accord-bench-reports-'));
let database: Database | null = null;
let cleaned: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaned ??= (async () => {
    await database?.close().catch(() => {});
    rmSync(folder, { recursive: true, force: true });
    if (keepDatabase || reuseDatabase) {
      process.stderr.write(`bench:reports: database ${scratch.name} kept\n`);
      await scratch.keep();
    } else await scratch.drop();
  })();
  return cleaned;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench:reports: ${signal}, dropping ${scratch.name}\n`);
    process.on('uncaughtException', () => {});
    void cleanup().finally(() => process.exit(130));
  });
}

/** The readers of a kept database (BENCH_REUSE_DB), as reports/load.ts made them. */
async function readersOf(db: Database): Promise<Readers> {
  const { rows } = await db.executeSql<{ creditor_id: string; mandate_id: string }>(
    `select c.id as creditor_id, m.id as mandate_id from creditors c join mandates m on m.creditor_id = c.id
     where c.code = 'BQBANK'`,
  );
  return {
    manager: 'manager@bench.accord.test',
    creditorUser: 'creditor@bench.accord.test',
    teamLeader: 'leader@bench.accord.test',
    creditorId: rows[0]!.creditor_id,
    mandateId: rows[0]!.mandate_id,
  };
}

/** The refresh period in minutes, from the job's schedule (a cron of the form `*\/N * * * *`). */
function refreshPeriodMinutes(deps: Deps): number {
  const job = jobSchedule(deps.config).find((j) => j.name === PERFORMANCE_REFRESH);
  const cron = job?.schedule?.cron ?? '';
  const every = /^\*\/(\d+) \* \* \* \*$/.exec(cron);
  if (every) return Number(every[1]);
  if (cron === '* * * * *') return 1;
  throw new Error(`the performance refresh's schedule is not every N minutes: ${cron}`);
}

try {
  database = await openDatabase({ url: scratch.url, maxConnections: poolSize });
  await migrate(database);
  const clockBase = performance.now();
  const config = loadConfig(
    {},
    { LOG_LEVEL: 'silent', JOBS: 'off', DATA_DIR: join(folder, 'data'), UPLOAD_DIR: join(folder, 'uploads') },
  );
  // The start's moment (a Wednesday in November 2026, as the loader dates its facts), advancing with real time.
  const deps: Deps = {
    database,
    db: database.db,
    config,
    now: () => new Date(START + (performance.now() - clockBase)),
    jobs: null,
  };
  let loadedSeconds = 0;
  let readers: Readers;
  if (reuseDatabase) readers = await readersOf(database);
  else {
    loadedSeconds = (await load(database)).seconds;
    readers = await loadReportFacts(database);
  }
  const loads = [loadavg()[0]!];

  // The refresh, twice: into empty fact tables, then over full ones (every run of the job after the first).
  const refreshSeconds: number[] = [];
  for (const run of ['first', 'second', 'third'].slice(0, refreshes)) {
    const began = performance.now();
    const written = await refreshPerformance(deps);
    refreshSeconds.push((performance.now() - began) / 1000);
    loads.push(loadavg()[0]!);
    out(
      `refresh (${run}): ${refreshSeconds.at(-1)!.toFixed(1)} s, ${Object.entries(written)
        .map(([key, value]) => `${key} ${fmt(value)}`)
        .join(', ')}, load average ${loads.at(-1)!.toFixed(1)}`,
    );
  }

  const app = await buildApp(deps, { logger: false, webDist: '/nonexistent' });
  await app.ready();
  await Promise.all(Array.from({ length: poolSize }, () => database!.executeSql('select 1')));
  const cookies = await signIn(app, readers);
  const sampler = setInterval(() => loads.push(loadavg()[0]!), 5_000);
  const timed = await timeScenarios(app, cookies, readers);
  const references = await timeReferences(app, database, cookies.manager);
  clearInterval(sampler);
  loads.push(loadavg()[0]!);
  await app.close();

  out(
    `machine: ${cpus().length} cpus, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; ` +
      `pool ${poolSize}; loaded in ${loadedSeconds.toFixed(1)} s`,
  );
  const figures = printTimings(timed);
  const sqlRef = spread(references.sql);
  const httpRef = spread(references.http);
  out(
    `reference: a case by its reference in SQL p50 ${ms(sqlRef.p50)}, p95 ${ms(sqlRef.p95)}; ` +
      `GET /api/v1/me p50 ${ms(httpRef.p50)}, p95 ${ms(httpRef.p95)}`,
  );
  const period = refreshPeriodMinutes(deps);
  const refresh = Math.max(...refreshSeconds);
  const staleness = period + refresh / 60;
  const errors = timed.reduce((sum, t) => sum + t.errors, 0);
  const bars = [
    ...[...figures.entries()].map(([report, s]) => ({
      text: `${report} p95 ${ms(s.p95)}`,
      ok: s.p95 <= REPORT_BAR_MS,
    })),
    { text: `errors ${errors} (0)`, ok: errors === 0 },
  ];
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  out(
    `bench:reports ${fmt(caseCount)} cases, ${fmt(contactCount)} contacts, ${fmt(paymentCount)} payments, ` +
      `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} · ` +
      `${bars.map((bar) => `${bar.text}: ${verdict(bar.ok)}`).join(' · ')} (each ≤ ${REPORT_BAR_MS} ms; reference ` +
      `GET /api/v1/me p95 ${ms(httpRef.p95)}, a case by reference in SQL p95 ${ms(sqlRef.p95)}) · ` +
      `staleness ${period} min period + ${refresh.toFixed(1)} s refresh = ${staleness.toFixed(1)} min ` +
      `(≤ ${STALENESS_BAR_MINUTES} min): ${verdict(staleness <= STALENESS_BAR_MINUTES)}`,
  );
} finally {
  await cleanup();
}
