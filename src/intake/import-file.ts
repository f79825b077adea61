import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Deps } from '../platform/deps.js';
import type { AuditActor } from '../audit/append.js';
import type { RowResult } from './core/types.js';
import { validateRecord } from './core/validate-row.js';
import { readIntakeFile } from './parse.js';
import { defaultPoolSize } from './chunk-pool.js';
import { validatedChunksOfFile } from './read-chunks.js';
import { runPlacement, type PlacementReport } from './import-placement.js';
import type { CasesClosedHook } from './merge.js';
import { importProgress } from './progress.js';
import { agencyToday } from '../platform/calendar/index.js';

export function formatOfFile(path: string): 'csv' | 'jsonl' {
  return /\.(jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'csv';
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Parses and validates a file row by row, streaming, on the main thread (importFile reads on worker threads). */
export async function* validatedRows(path: string, today: string): AsyncIterable<RowResult> {
  for await (const item of readIntakeFile(path)) {
    yield validateRecord(item, today);
  }
}

/** Runs a pending placement on a file: what the CLI does directly and the API's job does in the background. */
export async function importFile(
  deps: Deps,
  placementId: string,
  path: string,
  options: {
    actor: AuditActor;
    requestId?: string | null;
    onProgress?: (rowsRead: number) => void;
    timings?: Record<string, number>;
    onCasesClosed?: CasesClosedHook | undefined;
    /** Worker threads reading the file (default: defaultPoolSize() in chunk-pool.ts; 0 reads on the main thread). */
    workers?: number;
  },
): Promise<PlacementReport> {
  const today = agencyToday(deps.now(), deps.config);
  try {
    // Read and checked on worker threads where the machine has cores to spare, in record-aligned chunks: the same
    // results as validatedRows, faster.
    const workers = options.workers ?? defaultPoolSize();
    const rows = workers > 0 ? validatedChunksOfFile(path, today, { workers }) : validatedRows(path, today);
    return await runPlacement(deps, placementId, rows, {
      actor: options.actor,
      requestId: options.requestId ?? null,
      timings: options.timings,
      onCasesClosed: options.onCasesClosed,
      onProgress: (rowsRead) => {
        importProgress.set(placementId, rowsRead);
        options.onProgress?.(rowsRead);
      },
    });
  } finally {
    importProgress.clear(placementId);
  }
}
