import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { createScratchDatabase } from './scratch-database.js';

/**
 * Every table an import writes rows into, parents first: the people and their facts, where each fact came from
 * (a row per address and contact point the file names), the possible duplicates to review, the cases, their first
 * stage and timeline event, the claims, the queue's marks and the rejected rows. (The import's one audit entry and
 * its placement's update are left out: one row each.)
 */
const RESULT_TABLES = [
  'debtors',
  'debtor_references',
  'debtor_addresses',
  'debtor_address_sources',
  'debtor_contact_points',
  'debtor_contact_point_sources',
  'debtor_possible_matches',
  'cases',
  'case_stage_history',
  'claims',
  'case_events',
  'queue_dirty',
  'placement_errors',
];
/** What those rows point to, copied before the clock starts. */
const PARENT_TABLES = ['creditors', 'mandates', 'placements'];

/**
 * The second floor to compare with: every row an import wrote (RESULT_TABLES), copied with COPY, in one transaction, into an empty database with the same
 * schema, so with every index, foreign key and trigger an import pays for, but no reading, checking or matching.
 * No import that keeps the schema's integrity can write its result faster than this on the same server.
 */
export async function resultCopy(
  serverUrl: string,
  sourceUrl: string,
  claims: number,
): Promise<{ claimsPerSecond: number; tableMs: Record<string, number> }> {
  const scratch = await createScratchDatabase(serverUrl, `accord_bench_result_${process.pid}`);
  const source = new pg.Client({ connectionString: sourceUrl });
  const target = new pg.Client({ connectionString: scratch.url });
  try {
    const database = await openDatabase({ url: scratch.url });
    await migrate(database);
    await database.close();
    await source.connect();
    await target.connect();
    const copy = (table: string) =>
      pipeline(source.query(copyTo(`copy ${table} to stdout`)), target.query(copyFrom(`copy ${table} from stdin`)));
    for (const table of PARENT_TABLES) await copy(table);
    await target.query('begin');
    const started = performance.now();
    // Each table's time, to set beside the merge's step that writes it (what limits the import, step by step).
    const tableMs: Record<string, number> = {};
    for (const table of RESULT_TABLES) {
      const tableStarted = performance.now();
      await copy(table);
      tableMs[table] = Math.round(performance.now() - tableStarted);
    }
    await target.query('commit');
    return { claimsPerSecond: claims / ((performance.now() - started) / 1000), tableMs };
  } finally {
    await source.end().catch(() => {});
    await target.end().catch(() => {});
    await scratch.drop();
  }
}
