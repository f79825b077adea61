import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../../src/app/route-registry.js';
import { closeTransports } from '../../src/communications/configured-transports.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { startCardStandIn } from '../../src/portal/card/card-stand-in.js';
import { caseCount, fmt, keepDatabase, out, serverUrl } from './queue/options.js';
import { sampleActivity } from './queue/drive.js';
import { load } from './queue/load.js';
import { drawVisitors, loadPortalFacts } from './portal/load.js';
import { startMailboxes } from './portal/mailboxes.js';
import { duplicatePayments, report } from './portal/report.js';
import { newTally, visit, type VisitContext } from './portal/visit.js';
import { createScratchDatabase, existingDatabase, type ScratchDatabase } from './scratch-database.js';

/**
 * npm run bench:portal — the debtor portal under BENCH_SESSIONS people at once (default 200), on a PostgreSQL server
 * (BENCH_DATABASE_URL; its own database, dropped afterwards) holding BENCH_CASES open cases (default 1,000,000), loaded
 * set-based by the queue bench's loader (queue/load.ts) with each case's access code and each debtor's verified
 * e-mail address (portal/load.ts). The real app (buildApp), driven over its HTTP API with inject(), each person from a
 * network address of their own, for BENCH_PORTAL_SECONDS (default 60), one visit after another on a new case each:
 * - sign in: the access code and the birth date, then the one-time code, which the product sends through its own SMTP
 *   door (SMTP_URL) to a local SMTP server (portal/mailboxes.ts) where the person reads it;
 * - read the case; declare a budget; read the plans proposed within it;
 * - pay a sixth of the balance by card with a key made once for the choice, against the local stand-in of Stripe's
 *   API (src/portal/card/card-stand-in.ts; one visit in four taps twice at once), then the provider's signed notice
 *   that it is paid (one in four delivered twice), which records the payment.
 * Between steps a person pauses BENCH_THINK_MS (default 1000, 0.5–1.5 times that at random; 0 is a saturation test).
 * BENCH_POOL sizes the connection pool (default 20, the server's DATABASE_POOL_MAX). After the run, the payments are
 * counted in the database: a case paid twice, or a payment per checkout beyond one, is a duplicate.
 * Bars: case view p99 ≤ 200 ms, plan p99 ≤ 300 ms, no error, no duplicate payment. BENCH_KEEP_DB=1 keeps the database;
 * BENCH_REUSE_DB=<name> runs again on a kept one (not loaded again; its paid cases are not visited again).
 */

const sessions = Number(process.env.BENCH_SESSIONS ?? 200);
const seconds = Number(process.env.BENCH_PORTAL_SECONDS ?? 60);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1_000);
const poolSize = Number(process.env.BENCH_POOL ?? 20);
/** A database an earlier run kept (BENCH_KEEP_DB=1): migrated to this commit, not loaded again, kept afterwards. */
const reuseDatabase = process.env.BENCH_REUSE_DB ?? null;
/** The people start within this many seconds of each other, not in one instant. */
const rampSeconds = Math.min(10, seconds / 4);

const scratch: ScratchDatabase = reuseDatabase
  ? existingDatabase(serverUrl, reuseDatabase)
  : await createScratchDatabase(serverUrl, `accord_bench_portal_${process.pid}_${randomUUID().slice(0, 8)}`);

/**
 * How long each request for a pooled connection waited for one: the pool's own connect(), timed (the app's queries
 * and transactions all take their connection there).
 */
const poolWaits: number[] = [];
/** How long connections were held, by the place in the app that asked for them. */
const holds = new Map<string, { count: number; ms: number }>();
const connect = pg.Pool.prototype.connect as (this: pg.Pool, ...rest: unknown[]) => Promise<pg.PoolClient>;
pg.Pool.prototype.connect = function timedConnect(this: pg.Pool, ...rest: unknown[]) {
  // pool.query() asks with a callback: left as it is (the bench's own statements).
  if (rest.length > 0) return connect.apply(this, rest);
  const began = performance.now();
  // Where in the app it was asked for (the first frames in src/, outside the database layer).
  const site = (new Error().stack ?? '')
    .split('\n')
    .filter((line) => line.includes('/src/') && !line.includes('/src/platform/db/'))
    .slice(0, 3)
    .map((line) =>
      line
        .trim()
        .replace(/^at (async )?/, '')
        .replace(/\(?file:\/\/\S*?\/src\//, 'src/')
        .replace(/\)$/, ''),
    )
    .join(' < ');
  return connect.call(this).then((client) => {
    const granted = performance.now();
    poolWaits.push(granted - began);
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      const held = holds.get(site) ?? { count: 0, ms: 0 };
      held.count += 1;
      held.ms += performance.now() - granted;
      holds.set(site, held);
      client.release = release;
      return release(error);
    };
    return client;
  });
} as typeof pg.Pool.prototype.connect;
const folder = mkdtempSync(join(tmpdir(), 'accord-bench-portal-'));
let database: Database | null = null;
let cleaned: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaned ??= (async () => {
    await database?.close().catch(() => {});
    rmSync(folder, { recursive: true, force: true });
    if (keepDatabase || reuseDatabase) {
      process.stderr.write(`bench:portal: database ${scratch.name} kept (BENCH_KEEP_DB=1)\n`);
      await scratch.keep();
    } else await scratch.drop();
  })();
  return cleaned;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench:portal: ${signal}, dropping ${scratch.name}\n`);
    process.on('uncaughtException', () => {});
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  database = await openDatabase({ url: scratch.url, maxConnections: poolSize });
  await migrate(database);
  const loaded = reuseDatabase ? { seconds: 0 } : await load(database);
  if (!reuseDatabase) await loadPortalFacts(database);
  // Enough people for every session to make a visit every few seconds through the run.
  const perSession = Math.ceil(seconds / Math.max(1, (4 * thinkMs) / 1000)) + 1;
  const visitors = await drawVisitors(database, sessions * perSession);

  const mailboxes = await startMailboxes();
  const stripe = await startCardStandIn();
  const config = loadConfig(
    {},
    {
      LOG_LEVEL: 'silent',
      JOBS: 'off',
      DATA_DIR: join(folder, 'data'),
      UPLOAD_DIR: join(folder, 'uploads'),
      SMTP_URL: `smtp://127.0.0.1:${mailboxes.port}`,
      MAIL_FROM: 'Accord <contact@accord.example>',
      PUBLIC_URL: 'https://accord.example.fr',
      SEPA_CREDITOR_NAME: 'Accord Recouvrement',
      SEPA_CREDITOR_IBAN: 'FR7630006000011234567890189',
      ...stripe.config,
    },
  );
  const deps: Deps = { database, db: database.db, config, now: () => new Date(), jobs: null };
  const app = await buildApp(deps, { logger: false, webDist: '/nonexistent' });
  // The server's own account of an internal error (the answer says only "internal_error"): the first few, to stderr.
  let serverErrors = 0;
  app.addHook('onError', async (request, _reply, error) => {
    if (((error as { statusCode?: number }).statusCode ?? 500) < 500) return;
    if ((serverErrors += 1) <= 3)
      process.stderr.write(`bench:portal: ${request.url}: ${error.stack ?? error.message}\n`);
  });
  await app.ready();
  // A server that runs all day has its pool open: connect it before measuring.
  await Promise.all(Array.from({ length: poolSize }, () => database!.executeSql('select 1')));

  const tally = newTally();
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
  const loadBefore = loadavg()[0]!;
  // The machine's load average through the run (it is shared: the figures move with it).
  const loads = [loadBefore];
  const sampler = setInterval(() => loads.push(loadavg()[0]!), 5_000);
  // This process (the app and the people's clients, one Node thread): its event loop's delay and its CPU time.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuBefore = process.cpuUsage();
  const since = new Date();
  poolWaits.length = 0;
  holds.clear();
  const activity = sampleActivity(scratch.url);
  const began = performance.now();
  const until = began + seconds * 1000;
  let next = 0;
  let visits = 0;
  await Promise.all(
    Array.from({ length: sessions }, async (_, s) => {
      await new Promise((resolve) => setTimeout(resolve, (rampSeconds * 1000 * s) / sessions));
      const ctx: VisitContext = {
        app,
        mailboxes,
        stripe,
        tally,
        pause,
        // A network address of the person's own, and one of a dozen the provider sends its notices from.
        ip: `10.${(s >> 16) & 255}.${(s >> 8) & 255}.${s & 255}`,
        providerIp: `192.0.2.${1 + (s % 12)}`,
      };
      while (performance.now() < until) {
        const visitor = visitors[next++];
        if (!visitor) return;
        visits += 1;
        await visit(ctx, visitor, visits);
        await pause();
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  clearInterval(sampler);
  loop.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const connections = await activity.stop();
  const nodeShare = (cpu.user + cpu.system) / 1e6 / elapsed;
  const loadAfter = loadavg()[0]!;
  loads.push(loadAfter);
  await app.close();
  await closeTransports(config);
  await Promise.all([mailboxes.close(), stripe.close()]);

  const waits = poolWaits.sort((a, b) => a - b);
  const duplicates = await duplicatePayments(database, since, tally.paid);
  out(
    `machine: ${cpus().length} cpus, load average ${loadBefore.toFixed(1)} before the run, ${loadAfter.toFixed(1)} after; ` +
      `pool ${poolSize}, think ${thinkMs} ms, ${elapsed.toFixed(1)} s, cases loaded in ${loaded.seconds.toFixed(1)} s; ` +
      `this process used ${(nodeShare * 100).toFixed(0)} % of a core, event loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms`,
  );
  out(
    `waits for a pooled connection: ${fmt(waits.length)}, p50 ${(waits[Math.floor(waits.length / 2)] ?? 0).toFixed(1)} ms, ` +
      `p99 ${(waits[Math.floor(waits.length * 0.99)] ?? 0).toFixed(1)} ms, max ${(waits.at(-1) ?? 0).toFixed(1)} ms`,
  );
  const heldTotal = [...holds.values()].reduce((sum, h) => sum + h.ms, 0);
  for (const [site, held] of [...holds.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
    out(
      `  connections held ${((100 * held.ms) / heldTotal).toFixed(0)} % of the time (${fmt(held.count)}×, mean ${(held.ms / held.count).toFixed(1)} ms) by ${site || '(outside src/)'}`,
    );
  out(
    `server connections, average over the run: ${connections.map((a) => `${a.what} ${a.average.toFixed(1)}`).join(', ')}`,
  );
  report({ cases: caseCount, sessions, visits, tally, duplicates, load: loads, fmt });
} finally {
  await cleanup();
}
