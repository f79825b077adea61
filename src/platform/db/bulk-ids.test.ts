import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/support/database.js';
import { bulkId, startBulkIds } from './bulk-ids.js';

const VERSION_7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Unix milliseconds an id of version 7 begins with. */
const millisecondsOf = (id: string) => parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe.each(ENGINES)('bulk time-ordered ids on %s', (engine) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterAll(() => testDb.drop());

  it('makes distinct ids of version 7, in the order of time, from the key of the transaction', async () => {
    const before = Date.now();
    const ids = await testDb.database.db.transaction().execute(async (trx) => {
      await startBulkIds(trx);
      const { rows } = await sql<{ id: string }>`select ${bulkId} as id from generate_series(1, 20000)`.execute(trx);
      return rows.map((row) => row.id);
    });
    const after = Date.now();
    expect(new Set(ids).size).toBe(20000);
    for (const id of ids) expect(id).toMatch(VERSION_7);
    const times = ids.map(millisecondsOf);
    expect(times[0]).toBeGreaterThanOrEqual(before - 1000);
    expect(times[times.length - 1]).toBeLessThanOrEqual(after + 1000);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
  });

  it('draws a new key for each transaction: the random bits of two transactions share nothing', async () => {
    const randomBitsOf = async () =>
      testDb.database.db.transaction().execute(async (trx) => {
        await startBulkIds(trx);
        const { rows } = await sql<{ id: string }>`select ${bulkId} as id from generate_series(1, 1000)`.execute(trx);
        return rows.map((row) => row.id.replaceAll('-', '').slice(13));
      });
    const first = new Set(await randomBitsOf());
    const second = await randomBitsOf();
    expect(second.filter((bits) => first.has(bits))).toEqual([]);
  });

  it('answers no id at all in a transaction that drew no key, so that no insert takes a computable one', async () => {
    // Whether the connection never knew the setting or an earlier transaction left it there empty.
    const ids = await testDb.database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string | null }>`select ${bulkId} as id`.execute(trx);
      return rows.map((row) => row.id);
    });
    expect(ids).toEqual([null]);
    await expect(
      testDb.database.db.transaction().execute(async (trx) => {
        await sql`insert into teams (id, name, kind) values (${bulkId}, 'Sans clé', 'amicable')`.execute(trx);
      }),
    ).rejects.toThrow(/null value in column "id"/);
  });
});
