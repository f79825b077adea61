import { performance } from 'node:perf_hooks';
import type { Actor } from '../../../src/identity/actor.js';
import type { Deps } from '../../../src/platform/deps.js';
import { startImport, type ImportResult, type RunningImport } from '../intake-child.js';
import { drive, type Run } from './drive.js';
import { fmt, importClaims, importSeconds, out } from './options.js';

// The second phase: a large placement file imported into the agents' database, by a process of its own, while the
// agents work as in the first phase.

export interface Beside {
  /** The agents while the import ran. */
  run: Run;
  /** Finished within the phase; not within it, then stopped (the agents were beside it all along); failed. */
  outcome: 'finished' | 'stopped' | 'failed';
  /** The worker's figures, when it finished. */
  result: ImportResult | null;
  /** Rows the worker had read when the phase ended (all of them when it finished). */
  rowsRead: number;
  /** Why it failed. */
  failure: string | null;
  /** From the import's start to its end, or to the phase's end. */
  seconds: number;
}

let running: RunningImport | null = null;

/** Stops the import if one runs (the bench is ending): its transaction rolls back with its connection. */
export function stopImportBeside(): void {
  running?.stop();
}

/**
 * Imports `file` (BENCH_IMPORT_CLAIMS rows, bench:intake's generator) into the agents' database `url` for a creditor
 * of its own, through the code a user runs (intake-worker.ts, another process: the agents' event loop is not the
 * import's), and drives the agents from the moment the import begins until it ends, for BENCH_IMPORT_SECONDS at most
 * (then the import is stopped and said unfinished).
 */
export async function importBeside(deps: Deps, agents: Actor[], url: string, file: string): Promise<Beside> {
  const current = await startImport(url, file);
  running = current;
  try {
    await current.started;
    const began = performance.now();
    let settledAt: number | null = null;
    const settled = current.done.then(
      (result) => ({ result, failure: null }),
      (error: unknown) => ({ result: null, failure: (error as Error).message }),
    );
    void settled.then(() => (settledAt = performance.now()));
    out(
      `import beside the agents: ${fmt(importClaims)} claims, the agents driven until it ends (at most ${importSeconds} s)`,
    );
    const run = await drive(deps, agents, url, { seconds: importSeconds, over: settled });
    const rowsRead = current.rowsRead();
    if (settledAt === null) current.stop();
    const { result, failure } = await settled;
    const endedAt: number = settledAt ?? performance.now();
    const seconds = (endedAt - began) / 1000;
    if (endedAt > began + importSeconds * 1000)
      return { run, outcome: 'stopped', result: null, rowsRead, failure, seconds };
    if (!result) return { run, outcome: 'failed', result: null, rowsRead, failure, seconds };
    return { run, outcome: 'finished', result, rowsRead: result.rows, failure: null, seconds };
  } finally {
    running = null;
  }
}

/** The import's own figures. */
export function importLine(beside: Beside): string {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const { result } = beside;
  if (result) {
    return (
      `import beside the agents: ${fmt(result.rows)} rows (${fmt(result.rejected)} rejected, ${fmt(result.claims)} claims stored) in ${result.seconds.toFixed(1)} s, ` +
      `${fmt(Math.round(result.claims / result.seconds))} claims/s, peak memory ${mb(result.peakRssBytes)} MB, phases (ms) ${JSON.stringify(result.timings)}`
    );
  }
  const why =
    beside.outcome === 'stopped' ? `not within the phase's ${importSeconds} s (stopped)` : `failed: ${beside.failure}`;
  return `import beside the agents: NOT finished, ${why}; ${fmt(beside.rowsRead)} of ${fmt(importClaims)} rows read in ${beside.seconds.toFixed(1)} s`;
}
