/**
 * A few worker threads reading chunks of an intake file (chunk-worker.ts), one chunk at a time each. The pool of an
 * import is terminated when the import ends, fails or is abandoned (read-chunks.ts); an idle worker does not keep
 * the process alive.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkJob, ChunkOutcome } from './read-chunk.js';

/**
 * Workers of an import: one a core but one (the server's COPY needs a core of its own), at least two, at most 4; none
 * on one core, where the file is read on the main thread. Measured on 2 cores, 1,000,000 claims inside the built
 * import (2026-12-07): two workers read, checked and staged them in 17.7 s against 23.1–24.9 s on the main thread,
 * the import's peak 420 MB against 361–371 MB (an import may take 500). One worker alone was slower than the main
 * thread (24.8 s against 22.7 s reading alone). A file of one chunk starts no worker (read-chunks.ts).
 */
export const defaultPoolSize = (): number => {
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(4, Math.max(2, cores - 1)) : 0;
};

interface Job {
  job: ChunkJob;
  resolve: (outcome: ChunkOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Job | null;
}

export class ChunkPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private failure: Error | null = null;

  constructor(readonly size: number = defaultPoolSize()) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.startSlot());
  }

  run(job: ChunkJob): Promise<ChunkOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async terminate(): Promise<void> {
    this.fail(new Error('the chunk pool was terminated'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: startWorker(), current: null };
    slot.worker.unref();
    slot.worker.on('message', (outcome: ChunkOutcome) => {
      const done = slot.current;
      slot.current = null;
      slot.worker.unref();
      done?.resolve(outcome);
      this.dispatch();
    });
    // A worker that cannot load or dies fails the import: the pool is not to be trusted any more.
    slot.worker.on('error', (error) => this.fail(error));
    slot.worker.on('exit', (code) => this.fail(new Error(`an intake worker stopped (exit code ${code})`)));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (slot.current) continue;
      const next = this.waiting.shift()!;
      slot.current = next;
      // Referenced while it works: the import awaits its answer.
      slot.worker.ref();
      slot.worker.postMessage(next.job);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.slots) {
      slot.current?.reject(this.failure);
      slot.current = null;
    }
    for (const job of this.waiting.splice(0)) job.reject(this.failure);
  }
}

/** A worker's young generation, in MB: small, as a worker's garbage is a chunk's, and memory is bounded. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

let workerFromSources: string | null = null;

/**
 * The built server has the worker as its own file beside main.js. From the sources (tsx, vitest), where a worker
 * does not inherit the loader of the thread that starts it, esbuild (the build's) bundles the worker once a process.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./intake-chunk-worker.js', import.meta.url), { resourceLimits: WORKER_LIMITS });
  }
  workerFromSources ??= bundledWorker();
  return new Worker(workerFromSources, { eval: true, execArgv: [], resourceLimits: WORKER_LIMITS });
}

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] };
}

function bundledWorker(): string {
  // Required, not imported: a development dependency, never loaded by the built server.
  const esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
  const built = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./chunk-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  return built.outputFiles[0]!.text;
}
