import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import type { Deps } from './platform/deps.js';
import { buildApp } from './app/route-registry.js';
import { startJobs, type Jobs } from './app/job-schedule.js';
import { prepareStart } from './app/start-up.js';
import { closeTransports, configuredTransports } from './communications/configured-transports.js';

export interface Running {
  app: FastifyInstance;
  deps: Deps;
  jobs: Jobs;
  url: string;
  stop(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL, maxConnections: config.DATABASE_POOL_MAX }
      : { dataDir: config.DATA_DIR },
  );
}

/** Opens the database, applies migrations, optionally prepares data, starts jobs and serves HTTP. */
export async function startAccord(
  options: { config?: Config; prepare?: (deps: Deps) => Promise<unknown> } = {},
): Promise<Running> {
  const config = options.config ?? loadConfig();
  const database = await openConfiguredDatabase(config);
  await migrate(database);
  const deps: Deps = { database, db: database.db, config, now: () => new Date() };
  await prepareStart(deps);
  if (options.prepare) await options.prepare(deps);
  const jobs = await startJobs(deps, { work: config.JOBS === 'on' });
  deps.jobs = jobs;
  // The process that sends also listens: receipts and STOP replies arrive on the SMPP session, bound from now on.
  if (config.JOBS === 'on') configuredTransports(deps).sms?.listen();
  const app = await buildApp(deps);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const port = new URL(address).port;
  const url = `http://localhost:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await jobs.stop();
      await closeTransports(config);
      await database.close();
    })());
  return { app, deps, jobs, url, stop };
}

export function stopOnSignals(running: Running) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
