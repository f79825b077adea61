import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateIntakeFile } from './generate-intake-file.js';
import { rawCopyRowsPerSecond } from './raw-copy.js';
import { resultCopyClaimsPerSecond } from './result-copy.js';
import { createScratchDatabase } from './scratch-database.js';

/**
 * npm run bench:intake — imports a synthetic file of 1,000,000 claims (about 800,000 debtors, 1 % bad rows)
 * into PostgreSQL through the code a user runs (parse, validate, stage with COPY, merge), and compares it with two
 * floors: a raw COPY of the file's rows into an unindexed table, and a COPY of the rows the import wrote into the
 * real tables of an empty database (every index, foreign key and trigger, nothing else); then the same code on
 * the embedded engine with a smaller file. Bars: ≥ 50,000 claims/s, peak memory < 500 MB.
 * Set BENCH_CLAIMS, BENCH_PGLITE_CLAIMS, BENCH_DATABASE_URL.
 */
const run = promisify(execFile);
const claims = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const pgliteClaims = Number(process.env.BENCH_PGLITE_CLAIMS ?? 100_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function fileOf(rows: number): Promise<string> {
  const path = join(tmpdir(), `accord-bench-intake-${rows}.csv`);
  if (!existsSync(path)) {
    process.stdout.write(`generating ${rows} claims into ${path}\n`);
    await generateIntakeFile(path, rows);
  }
  return path;
}

interface WorkerResult {
  seconds: number;
  rows: number;
  rejected: number;
  claims: number;
  peakRssBytes: number;
  timings: Record<string, number>;
}

async function measure(target: string, path: string): Promise<WorkerResult> {
  const { stdout } = await run('npx', ['tsx', join(import.meta.dirname, 'intake-worker.ts'), target, path], {
    maxBuffer: 1 << 24,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as WorkerResult;
}

const big = await fileOf(claims);
const scratch = await createScratchDatabase(serverUrl, `accord_bench_${process.pid}`);
try {
  const copyRate = await rawCopyRowsPerSecond(scratch.url, big, claims);
  const server = await measure(scratch.url, big);
  const resultRate = await resultCopyClaimsPerSecond(serverUrl, scratch.url, server.claims);
  const small = await fileOf(pgliteClaims);
  const embedded = await measure('pglite', small);
  const rate = (r: WorkerResult) => Math.round(r.rows / r.seconds);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  process.stdout.write(
    [
      `file: ${claims} rows, ${mb(statSync(big).size)} MB`,
      `PostgreSQL: ${server.rows} rows (${server.rejected} rejected, ${server.claims} claims stored) in ${server.seconds.toFixed(1)} s, peak RSS ${mb(server.peakRssBytes)} MB`,
      `PostgreSQL phases (ms): ${JSON.stringify(server.timings)}`,
      `raw COPY of the same rows into an unindexed table: ${Math.round(copyRate)} rows/s`,
      `COPY of the import's result (${server.claims} claims with their debtors, references, addresses, contact points, cases and stages) into the real tables: ${Math.round(resultRate)} claims/s`,
      `PGlite: ${embedded.rows} rows in ${embedded.seconds.toFixed(1)} s, peak RSS ${mb(embedded.peakRssBytes)} MB`,
    ].join('\n') + '\n',
  );
  const ok = rate(server) >= 50_000 && server.peakRssBytes < 500 * 1024 * 1024;
  process.stdout.write(
    `bench:intake ${ok ? 'PASS' : 'FAIL'}: ${rate(server)} claims/s on PostgreSQL with full validation and matching (bar 50000), peak ${mb(server.peakRssBytes)} MB (bar 500); raw COPY ${Math.round(copyRate)} rows/s; COPY of the result into the real tables ${Math.round(resultRate)} claims/s; PGlite ${rate(embedded)} claims/s\n`,
  );
} finally {
  await scratch.drop();
}
