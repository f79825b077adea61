import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/demo/seed.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { buildApp } from '../../src/platform/http/app.js';

export interface RunningAccord {
  /** http://127.0.0.1:<port>, serving web/dist at / and the API under /api/v1. */
  url: string;
  deps: Deps;
  app: FastifyInstance;
  close: () => Promise<void>;
}

/**
 * A real Accord server for the browser tests, in this process: an in-memory PostgreSQL (PGlite), all migrations,
 * a small demo agency (150 debtors) and the HTTP app on a free port. Each test file gets its own, so files
 * never see each other's users, sessions or login rate limits.
 */
export async function startAccord(): Promise<RunningAccord> {
  const database: Database = await openDatabase({});
  try {
    await migrate(database);
    const config = loadConfig({}, { JOBS: 'off', LOG_LEVEL: 'silent', PORT: 0 });
    const deps: Deps = { database, db: database.db, config, now: () => new Date() };
    await loadDemo(deps, { debtors: 150 });
    const app = await buildApp(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('The test server did not get a TCP port');
    return {
      url: `http://127.0.0.1:${address.port}`,
      deps,
      app,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
