/**
 * A worker thread of chunk-pool.ts: reads each chunk it is sent (read-chunk.ts) and answers with the outcome. Its
 * own entry point in the build (dist/server/intake-chunk-worker.js, see scripts/build.ts).
 */
import { parentPort } from 'node:worker_threads';
import { readChunk, type ChunkJob, type ChunkOutcome } from './read-chunk.js';

parentPort?.on('message', (job: ChunkJob) => {
  let outcome: ChunkOutcome;
  try {
    outcome = readChunk(job);
  } catch {
    // Whatever went wrong, the serial reading on the main thread reads this chunk again and says what it is.
    outcome = { unsure: true };
  }
  parentPort?.postMessage(outcome);
});
