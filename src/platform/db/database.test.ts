import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/support/database.js';
import { listMigrations, migrate, pendingMigrations } from './migrate.js';

describe.each(ENGINES)('database on %s', (engine) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterAll(() => testDb.drop());

  it('parses int8, date, numeric and timestamptz the same way on both engines', async () => {
    const { rows } = await sql<{ big: number; day: string; exact: string; at: Date }>`
      select 9007199254740991::int8 as big, '2026-03-29'::date as day, 12.345::numeric as exact,
             '2026-03-29T01:30:00Z'::timestamptz as at`.execute(testDb.database.db);
    expect(rows[0]).toEqual({
      big: 9007199254740991,
      day: '2026-03-29',
      exact: '12.345',
      at: new Date('2026-03-29T01:30:00Z'),
    });
  });

  it('refuses an int8 beyond the exact range rather than rounding it', async () => {
    await expect(sql`select 9007199254740993::int8 as big`.execute(testDb.database.db)).rejects.toThrow(
      /exact integer range/,
    );
  });

  it('applies every migration once; a second run applies nothing', async () => {
    expect(await pendingMigrations(testDb.database)).toEqual([]);
    const again = await migrate(testDb.database);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(listMigrations().length);
  });

  it('refuses to run when an applied migration was edited (forward-only)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-migrations-'));
    const [first] = listMigrations();
    writeFileSync(
      join(dir, `${String(first!.version).padStart(4, '0')}_${first!.name}.sql`),
      `${first!.sql}\n-- edited`,
    );
    await expect(migrate(testDb.database, listMigrations(dir))).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      testDb.database.db.transaction().execute(async (trx) => {
        await trx.insertInto('teams').values({ name: 'Rolled back', kind: 'amicable' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const found = await testDb.database.db.selectFrom('teams').select('id').where('name', '=', 'Rolled back').execute();
    expect(found).toEqual([]);
  });

  it('keeps concurrent transactions apart (the embedded engine serialises them)', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `Team ${i}`);
    await Promise.all(
      names.map((name) =>
        testDb.database.db
          .transaction()
          .execute(async (trx) => {
            await trx.insertInto('teams').values({ name, kind: 'amicable' }).execute();
            if (name.endsWith('3')) throw new Error('only this one fails');
          })
          .catch(() => undefined),
      ),
    );
    const rows = await testDb.database.db.selectFrom('teams').select('name').where('name', 'like', 'Team %').execute();
    expect(rows.map((r) => r.name).sort()).toEqual(names.filter((n) => !n.endsWith('3')).sort());
  });

  it('enforces that every hold has an end or a review date', async () => {
    const debtor = await testDb.database.db
      .insertInto('debtors')
      .values({ kind: 'person', last_name: 'Test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      testDb.database.db
        .insertInto('holds')
        .values({ debtor_id: debtor.id, kind: 'dispute', reason: 'x', starts_at: new Date() })
        .execute(),
    ).rejects.toThrow(/holds_are_dated/);
  });
});

describe.each(ENGINES)('bulk load on %s', (engine) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterAll(() => testDb.drop());

  it('draws time-ordered ids (UUID version 7 layout) for new rows', async () => {
    const before = Date.now();
    const { rows } = await sql<{ id: string }>`select uuid_time_ordered() as id from generate_series(1, 3)`.execute(
      testDb.database.db,
    );
    const after = Date.now();
    for (const { id } of rows) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // The first 48 bits are the Unix time in milliseconds: a moment of the query, however long it took.
      const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(millis).toBeGreaterThanOrEqual(before - 1);
      expect(millis).toBeLessThanOrEqual(after + 1);
    }
    const first = (await sql<{ id: string }>`select uuid_time_ordered() as id`.execute(testDb.database.db)).rows[0]!.id;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = (await sql<{ id: string }>`select uuid_time_ordered() as id`.execute(testDb.database.db)).rows[0]!.id;
    expect(later > first).toBe(true);
    const { rows: defaults } = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
      where column_name = 'id' and data_type = 'uuid' and column_default is not null and column_default not like 'uuid_time_ordered()%'`.execute(
      testDb.database.db,
    );
    expect(defaults).toEqual([]);
  });

  it('copies rows inside a transaction on one connection, and a failure leaves nothing', async () => {
    const lines = ['Équipe A\tamicable\n', 'Équipe\\tB\tcare\n'];
    await testDb.database.withConnection(({ db, copyFrom }) =>
      db.transaction().execute(async (trx) => {
        await copyFrom('teams', ['name', 'kind'], lines);
        const seen = await trx.selectFrom('teams').select('name').execute();
        expect(seen.map((t) => t.name).sort()).toEqual(['Équipe A', 'Équipe\tB'].sort());
      }),
    );
    await expect(
      testDb.database.withConnection(({ db, copyFrom }) =>
        db.transaction().execute(async () => {
          await copyFrom('teams', ['name', 'kind'], ['Équipe C\tcare\n']);
          throw new Error('crash after copy');
        }),
      ),
    ).rejects.toThrow('crash after copy');
    const names = await testDb.database.db.selectFrom('teams').select('name').execute();
    expect(names.map((t) => t.name).sort()).toEqual(['Équipe A', 'Équipe\tB'].sort());
    // The pool still works after the bound connection was released.
    expect(await testDb.database.executeSql('select 1 as one')).toEqual({ rows: [{ one: 1 }] });
  });
});
