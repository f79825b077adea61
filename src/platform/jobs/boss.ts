import PgBoss from 'pg-boss';
import type { Deps } from '../deps.js';
import { NIGHTLY_REFRESH, nightlyRefresh } from '../../jobs/nightly-refresh.js';

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss on whichever engine Accord runs: on a PostgreSQL server through its own pool settings would also
 * work, but going through `executeSql` keeps one connection story for both engines (on PGlite, pg-boss then
 * runs in the same process, sharing the exclusive connection).
 */
export async function startJobs(deps: Deps): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => deps.database.executeSql(text, values) },
    schema: 'pgboss',
    // The embedded engine has one connection: poll gently.
    ...(deps.database.engine === 'pglite' ? { monitorStateIntervalSeconds: 60 } : {}),
  });
  boss.on('error', (error) => console.error(JSON.stringify({ level: 'error', msg: 'job system error', err: String(error) })));
  await boss.start();
  await boss.createQueue(NIGHTLY_REFRESH);
  await boss.schedule(NIGHTLY_REFRESH, deps.config.NIGHTLY_CRON, {}, { tz: deps.config.NIGHTLY_TZ });
  await boss.work(NIGHTLY_REFRESH, { pollingIntervalSeconds: deps.database.engine === 'pglite' ? 10 : 2 }, async () => {
    await nightlyRefresh(deps);
  });
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
