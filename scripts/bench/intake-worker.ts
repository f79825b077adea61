import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Deps } from '../../src/platform/deps.js';
import { createPlacement } from '../../src/intake/import-placement.js';
import { importFile } from '../../src/intake/import-file.js';

/**
 * One measured import, in its own process so that its peak memory is its own and its work does not share the
 * caller's event loop: `node dist/bench-intake/intake-worker.js <postgres-url | pglite> <file>` (intake-child.ts
 * builds and starts it); imports the file for a creditor of its own (BENCH) and prints one JSON line. Started with an
 * IPC channel, it says when the import begins and how many rows it has read, and ends itself if its parent goes.
 */
const [target, file] = process.argv.slice(2);
if (!target || !file) throw new Error('usage: intake-worker.ts <postgres-url|pglite> <file>');
if (process.send) {
  process.on('disconnect', () => process.exit(1));
  // The channel alone does not keep the worker alive.
  process.channel?.unref();
}

const database = await openDatabase(target === 'pglite' ? {} : { url: target });
await migrate(database);
const deps: Deps = { database, db: database.db, config: loadConfig({}), now: () => new Date() };
const creditor = await deps.db
  .insertInto('creditors')
  .values({
    code: 'BENCH',
    name: 'Bench Bank',
    legal_name: 'Bench Bank SA',
    sector: 'bank',
    country: 'FR',
    address_line1: '1 rue de la Paix',
    postal_code: '75002',
    city: 'Paris',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await deps.db
  .insertInto('mandates')
  .values({
    creditor_id: creditor.id,
    code: 'BENCH-1',
    kind: 'collection',
    commission_rate_bp: 1500,
    starts_on: '2026-01-01',
    allocation_order: '[]',
  })
  .execute();

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const actor = { userId: null, role: 'bench' };
const started = performance.now();
process.send?.({ kind: 'started' });
let progressSentAt = started;
const { placementId } = await createPlacement(deps, {
  creditorId: creditor.id,
  mandateCode: 'BENCH-1',
  source: { fileName: file, sha256: null, format: 'csv' },
  actor,
});
const timings: Record<string, number> = {};
const report = await importFile(deps, placementId, file, {
  actor,
  timings,
  // BENCH_INTAKE_WORKERS: the reading's worker threads (default: as the product decides for this machine).
  ...(process.env.BENCH_INTAKE_WORKERS ? { workers: Number(process.env.BENCH_INTAKE_WORKERS) } : {}),
  onProgress: (rowsRead) => {
    if (performance.now() - progressSentAt < 1000) return;
    progressSentAt = performance.now();
    process.send?.({ kind: 'progress', rowsRead });
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
const claims = await deps.db
  .selectFrom('claims')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('creditor_id', '=', creditor.id)
  .executeTakeFirstOrThrow();
await database.close();
process.stdout.write(
  `${JSON.stringify({ seconds, rows: report.rowsTotal, rejected: report.rowsRejected, claims: Number(claims.n), counts: report.counts, peakRssBytes: peakRss, timings })}\n`,
);
