import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { intakeFileOf } from './generate-intake-file.js';
import { startImport, type ImportResult, type RunningImport } from './intake-child.js';
import { rawCopyRowsPerSecond } from './raw-copy.js';
import { resultCopy } from './result-copy.js';
import { createScratchDatabase, dropScratchDatabases } from './scratch-database.js';

/**
 * npm run bench:intake — imports a synthetic file of 1,000,000 claims (about 800,000 debtors, 1 % bad rows)
 * into PostgreSQL through the code a user runs (parse, validate, stage with COPY, merge), in a process of its own,
 * and compares it with two floors measured in the same run: a raw COPY of the file's rows into an unindexed table,
 * and a COPY of every row the import wrote into the real tables of an empty database (every index, foreign key and
 * trigger, nothing else); then the same code on the embedded engine with a smaller file.
 * Bars (the last line, each with its figure, its reference and `met` or `NOT met`): the import's claims/s (claims
 * stored ÷ its time) ≥ 80 % of the COPY of its own result, peak memory of the import's process ≤ 500 MB.
 * Set BENCH_CLAIMS (default 1,000,000), BENCH_PGLITE_CLAIMS (default 100,000), BENCH_DATABASE_URL. Its databases
 * are dropped at the end, also on Ctrl-C, and a running import is stopped with it.
 */
const claims = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const pgliteClaims = Number(process.env.BENCH_PGLITE_CLAIMS ?? 100_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SHARE_OF_FLOOR = 0.8;
const PEAK_MB = 500;

let current: RunningImport | null = null;
async function measure(target: string, path: string): Promise<ImportResult> {
  current = await startImport(target, path);
  try {
    return await current.done;
  } finally {
    current = null;
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench:intake: ${signal}, stopping the import and dropping the databases\n`);
    current?.stop();
    // Connections still running a statement are cut by the drop: their errors no longer matter.
    process.on('uncaughtException', () => {});
    void dropScratchDatabases().finally(() => process.exit(130));
  });
}

const big = await intakeFileOf(claims);
const scratch = await createScratchDatabase(serverUrl, `accord_bench_${process.pid}`);
try {
  const copyRate = await rawCopyRowsPerSecond(scratch.url, big, claims);
  const server = await measure(scratch.url, big);
  const { claimsPerSecond: resultRate, tableMs } = await resultCopy(serverUrl, scratch.url, server.claims);
  const small = await intakeFileOf(pgliteClaims);
  const embedded = await measure('pglite', small);
  const rowRate = (r: ImportResult) => Math.round(r.rows / r.seconds);
  const claimRate = server.claims / server.seconds;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  process.stdout.write(
    [
      `file: ${claims} rows, ${mb(statSync(big).size)} MB`,
      `PostgreSQL: ${server.rows} rows (${server.rejected} rejected, ${server.claims} claims stored) in ${server.seconds.toFixed(1)} s, ${fmt(rowRate(server))} rows/s, ${fmt(claimRate)} claims/s, peak RSS ${mb(server.peakRssBytes)} MB`,
      `PostgreSQL phases (ms): ${JSON.stringify(server.timings)}`,
      `raw COPY of the same rows into an unindexed table: ${fmt(copyRate)} rows/s`,
      `COPY of the import's result (${server.claims} claims and every other row the import wrote: debtors, references, addresses and contact points with their sources, possible matches, cases, first stages, timeline events, queue marks, rejected rows) into the real tables: ${fmt(resultRate)} claims/s`,
      `that COPY, per table (ms): ${JSON.stringify(tableMs)}`,
      `PGlite: ${embedded.rows} rows in ${embedded.seconds.toFixed(1)} s, ${fmt(rowRate(embedded))} rows/s, peak RSS ${mb(embedded.peakRssBytes)} MB`,
    ].join('\n') + '\n',
  );
  const share = claimRate / resultRate;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  process.stdout.write(
    `bench:intake ${fmt(claims)} claims on PostgreSQL · the import ${fmt(claimRate)} claims/s (${fmt(server.claims)} stored in ${server.seconds.toFixed(1)} s), ` +
      `${Math.round(100 * share)} % of the COPY of its own result into the real tables in this run (${fmt(resultRate)} claims/s; bar ≥ ${100 * SHARE_OF_FLOOR} %): ${verdict(share >= SHARE_OF_FLOOR)} · ` +
      `peak memory ${mb(server.peakRssBytes)} MB (bar ≤ ${PEAK_MB} MB): ${verdict(server.peakRssBytes <= PEAK_MB * 1024 * 1024)} · ` +
      `raw COPY of the file ${fmt(copyRate)} rows/s · PGlite ${fmt(rowRate(embedded))} rows/s on ${fmt(pgliteClaims)} · load average ${loadavg()[0]!.toFixed(1)}\n`,
  );
} finally {
  await scratch.drop();
}
