import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildServer, REPO_ROOT } from '../build.js';

/** What intake-worker.ts prints of its import. */
export interface ImportResult {
  seconds: number;
  rows: number;
  rejected: number;
  /** Claims its creditor holds after the import. */
  claims: number;
  peakRssBytes: number;
  timings: Record<string, number>;
}

export interface RunningImport {
  /** Resolves when the import proper begins (the worker has started, connected and created its creditor). */
  started: Promise<void>;
  /** The worker's figures; rejects when it fails or is stopped. */
  done: Promise<ImportResult>;
  /** Rows read so far, as the worker last said (every second or so). */
  rowsRead(): number;
  /** Ends the worker now (its import, one transaction, rolls back with its connection). */
  stop(): void;
}

/** The workers of this process still running: ended with it, however it ends. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

let built: Promise<string> | null = null;

/**
 * intake-worker.ts built as the server is (`npm run build`: one esbuild bundle, the intake's worker thread and the
 * migrations beside it), once a process, into dist/bench-intake: the import runs the JavaScript a server runs, not
 * the sources through tsx, whose loader and source maps cost the process about 50 MB and the reading about half its speed.
 * Under the repository, so that the bundle's packages resolve from its node_modules.
 */
function builtWorker(): Promise<string> {
  const outDir = join(REPO_ROOT, 'dist', 'bench-intake');
  built ??= buildServer(outDir, { 'intake-worker': join(import.meta.dirname, 'intake-worker.ts') }).then(() =>
    join(outDir, 'intake-worker.js'),
  );
  return built;
}

/**
 * Imports `file` into `target` (a PostgreSQL URL, or `pglite`) through the code a user runs, built as the server
 * runs it, in a process of its own (node itself: no npx in between, so the process stopped is the worker). The
 * worker ends itself if this process goes without stopping it.
 */
export async function startImport(target: string, file: string): Promise<RunningImport> {
  const child = spawn(process.execPath, ['--enable-source-maps', await builtWorker(), target, file], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  running.add(child);
  let rowsRead = 0;
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  let begin: () => void = () => {};
  const started = new Promise<void>((resolve) => (begin = resolve));
  child.on('message', (message: { kind?: string; rowsRead?: number }) => {
    if (message.kind === 'started') begin();
    if (message.kind === 'progress') rowsRead = message.rowsRead ?? rowsRead;
  });
  const done = new Promise<ImportResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ImportResult);
      else reject(new Error(`the import worker ended with ${signal ?? `code ${code}`}`));
    });
  });
  // A worker that ends before it begins has begun and ended: whoever waits for its start goes on to its end.
  void done.then(begin, begin);
  return {
    started,
    done,
    rowsRead: () => rowsRead,
    stop: () => {
      if (running.has(child)) child.kill('SIGTERM');
    },
  };
}
