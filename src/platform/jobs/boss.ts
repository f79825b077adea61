import PgBoss from 'pg-boss';
import type { Deps, JobQueue } from '../deps.js';

/** One kind of background job: its queue, when it runs on its own (if it does), and what it does. */
export interface JobDefinition<Data extends object = object> {
  name: string;
  /** Queue settings (retries, expiry); pg-boss's defaults when omitted. */
  queue?: Omit<PgBoss.Queue, 'name'>;
  /** A recurring job: its cron expression and, when not UTC, its time zone. Without it the job runs when sent. */
  schedule?: { cron: string; tz?: string };
  /** How often an idle worker looks for work, in seconds, on each engine (the embedded one has a single connection). */
  pollingIntervalSeconds: { embedded: number; server: number };
  /** A method, so a definition for one kind of data fits in a list of definitions. */
  run(deps: Deps, data: Data): Promise<unknown>;
}

export interface Jobs extends JobQueue {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss through its `executeSql` hook, on whichever engine Accord runs (on PGlite it shares the exclusive
 * connection and runs in the same process), with the jobs the composition root defines (`src/app/job-schedule.ts`).
 * `work: false` (JOBS=off) makes a process that can enqueue jobs but runs no worker and no schedule, for extra API
 * processes beside one worker.
 */
export async function startBoss(
  deps: Deps,
  definitions: readonly JobDefinition[],
  options: { work?: boolean } = {},
): Promise<Jobs> {
  const work = options.work ?? true;
  const embedded = deps.database.engine === 'pglite';
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => deps.database.executeSql(text, values) },
    schema: 'pgboss',
    supervise: work,
    schedule: work,
    // The embedded engine has one connection: watch gently.
    ...(embedded ? { monitorStateIntervalSeconds: 60 } : {}),
  });
  boss.on('error', (error) =>
    console.error(JSON.stringify({ level: 'error', msg: 'job system error', err: String(error) })),
  );
  await boss.start();
  for (const job of definitions) {
    if (!job.queue) {
      await boss.createQueue(job.name);
      continue;
    }
    // Created once; an existing queue keeps its first options unless told again (a retry limit added later).
    await boss.createQueue(job.name, { name: job.name, ...job.queue });
    await boss.updateQueue(job.name, { name: job.name, ...job.queue });
  }
  if (work) {
    for (const job of definitions) {
      if (job.schedule)
        await boss.schedule(job.name, job.schedule.cron, {}, job.schedule.tz ? { tz: job.schedule.tz } : {});
      const pollingIntervalSeconds = embedded ? job.pollingIntervalSeconds.embedded : job.pollingIntervalSeconds.server;
      await boss.work<object>(job.name, { pollingIntervalSeconds }, async (batch) => {
        for (const one of batch) await job.run(deps, one.data);
      });
    }
  }
  return {
    boss,
    send: (name, data) => boss.send(name, data),
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
