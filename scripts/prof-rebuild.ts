import { openDatabase } from '../src/platform/db/database.js';
import { loadConfig } from '../src/platform/config.js';
import { rebuildQueue } from '../src/workspace/rebuild-queue.js';
const database = await openDatabase({ url: process.env.URL!, maxConnections: 6 });
const START = Date.parse('2026-11-25T09:00:00Z');
const base = performance.now();
const deps = { database, db: database.db, config: loadConfig({}, { LOG_LEVEL: 'silent', JOBS: 'off' }), now: () => new Date(START + (performance.now() - base)), jobs: null } as never;
for (const label of (process.env.RUNS ?? 'first,nightly').split(',')) {
  const t0 = performance.now();
  const r = await rebuildQueue(deps);
  console.log(label, r.entries, ((performance.now() - t0) / 1000).toFixed(1), 's');
}
await database.close();
