import PgBoss from 'pg-boss';
import type { Deps, JobQueue } from '../deps.js';
import { NIGHTLY_REFRESH, nightlyRefresh } from '../../jobs/nightly-refresh.js';
import { INTAKE_IMPORT, runImportJob, type ImportJobData } from '../../intake/import-job.js';
import { deliverCreditorNotices } from '../../remittances/creditor-notices.js';
import { WORKSPACE_SWEEP, workspaceSweep } from '../../workspace/sweep.js';
import { SENSITIVE_READS_SEAL, sealSensitiveReads } from '../../audit/seal-reads.js';

/** Payment notices to creditors' webhooks: delivered every minute, retried until answered. */
export const CREDITOR_NOTICES = 'creditor-notices';

export interface Jobs extends JobQueue {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss through its `executeSql` hook, on whichever engine Accord runs (on PGlite it shares the exclusive
 * connection and runs in the same process). `work: false` (JOBS=off) makes a process that can enqueue jobs
 * but runs no worker and no schedule, for extra API processes beside one worker.
 */
export async function startJobs(deps: Deps, options: { work?: boolean } = {}): Promise<Jobs> {
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
  boss.on('error', (error) => console.error(JSON.stringify({ level: 'error', msg: 'job system error', err: String(error) })));
  await boss.start();
  await boss.createQueue(NIGHTLY_REFRESH);
  // An import must run once: no automatic retry of a half-failed file (its transaction rolled back anyway).
  await boss.createQueue(INTAKE_IMPORT, { name: INTAKE_IMPORT, retryLimit: 0, expireInSeconds: 6 * 3600 });
  await boss.createQueue(CREDITOR_NOTICES, { name: CREDITOR_NOTICES, retryLimit: 0, expireInSeconds: 300 });
  // Every minute: broken promises, missed callbacks, expired leases, and the queue entries events marked.
  await boss.createQueue(WORKSPACE_SWEEP, { name: WORKSPACE_SWEEP, retryLimit: 0, expireInSeconds: 600 });
  // Every five minutes: reads of special-category data sealed into the audit chain, one entry per batch.
  await boss.createQueue(SENSITIVE_READS_SEAL, { name: SENSITIVE_READS_SEAL, retryLimit: 0, expireInSeconds: 600 });
  if (work) {
    await boss.schedule(NIGHTLY_REFRESH, deps.config.NIGHTLY_CRON, {}, { tz: deps.config.NIGHTLY_TZ });
    await boss.work(NIGHTLY_REFRESH, { pollingIntervalSeconds: embedded ? 10 : 2 }, async () => {
      await nightlyRefresh(deps);
    });
    await boss.schedule(CREDITOR_NOTICES, '* * * * *', {});
    await boss.work(CREDITOR_NOTICES, { pollingIntervalSeconds: embedded ? 30 : 5 }, async () => {
      await deliverCreditorNotices(deps);
    });
    await boss.schedule(WORKSPACE_SWEEP, '* * * * *', {});
    await boss.work(WORKSPACE_SWEEP, { pollingIntervalSeconds: embedded ? 30 : 5 }, async () => {
      await workspaceSweep(deps);
    });
    await boss.schedule(SENSITIVE_READS_SEAL, '*/5 * * * *', {});
    await boss.work(SENSITIVE_READS_SEAL, { pollingIntervalSeconds: embedded ? 30 : 5 }, async () => {
      await sealSensitiveReads(deps);
    });
    await boss.work<ImportJobData>(INTAKE_IMPORT, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await runImportJob(deps, job.data);
    });
  }
  return {
    boss,
    send: (name, data) => boss.send(name, data),
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
