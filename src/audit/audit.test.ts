import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.js';
import { createTestDatabase, ENGINES, migratedSnapshot, type TestDatabase } from '../../test/support/database.js';
import { appendAudit, SYSTEM_ACTOR } from './append.js';
import { sealAuditChain } from './seal-chain.js';
import { verifyAuditTrail } from './verify.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';

const run = promisify(execFile);

/** Writes entries one transaction each, then seals them into the chain as the job would. */
async function writeEntries(db: Kysely<DB>, count: number) {
  for (let i = 0; i < count; i++) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'test.entry',
        targetType: 'test',
        targetId: String(i),
        after: { i, at: new Date('2026-01-01') },
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      }),
    );
  }
  await sealAuditChain(db);
}

/** What an attacker with database access would do: bypass the append-only triggers, then edit. */
async function tamper(db: Kysely<DB>, ...statements: ReturnType<typeof sql>[]) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(trx);
    await sql`alter table audit_chain disable trigger audit_chain_no_update_or_delete`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
    await sql`alter table audit_chain enable trigger audit_chain_no_update_or_delete`.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_no_update_or_delete`.execute(trx);
  });
}

describe.each(ENGINES)('audit trail on %s', (engine) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    await writeEntries(testDb.database.db, 6);
  });
  afterAll(() => testDb.drop());

  it('verifies an untouched chain', async () => {
    const result = await verifyAuditTrail(testDb.database.db);
    expect(result).toMatchObject({ ok: true, entriesChecked: 6 });
  });

  it('refuses updates and deletes through the append-only trigger', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(testDb.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(testDb.database.db)).rejects.toThrow(/append-only/);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(
      appendAudit(testDb.database.db, { actor: SYSTEM_ACTOR, action: 'x', targetType: 'x', at: new Date() }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('keeps the chain linear under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 8 }, () => writeEntries(testDb.database.db, 2)));
    expect(await verifyAuditTrail(testDb.database.db)).toMatchObject({ ok: true, entriesChecked: 22 });
  });

  it('reports an edited entry, then a deleted one, then a removed tail', async () => {
    const db = testDb.database.db;
    await tamper(db, sql`update audit_log set after = '{"i": 999}' where seq = 3`);
    let result = await verifyAuditTrail(db);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'content_altered', seq: 3 } });
    expect(result.message).toMatch(/#3 was altered/);

    await tamper(db, sql`delete from audit_log where seq = 3`);
    result = await verifyAuditTrail(db);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'entry_removed', seq: 3 } });
    expect(result.message).toMatch(/#3 was removed/);

    // Removed with its link too: the next entry no longer follows the one before it.
    await tamper(db, sql`delete from audit_chain where seq = 3`);
    result = await verifyAuditTrail(db);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'link_broken', seq: 4 } });

    const last = await db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await tamper(db, sql`delete from audit_log where seq >= 3`, sql`delete from audit_chain where seq >= 3`);
    result = await verifyAuditTrail(db);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'head_mismatch' } });
    expect(last.seq).toBeGreaterThan(3);
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact trail and 1 naming the entry on a tampered one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-audit-cli-'));
    // On disk, as the command finds it, started from the run's migrated database (migrating one on disk takes long).
    const database = await openDatabase({ dataDir, loadDataDir: migratedSnapshot() });
    await writeEntries(database.db, 3);
    await database.close();
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: dataDir };
    const ok = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit:verify'], { env });
    expect(ok.stdout).toMatch(/verifies: 3 entries/);

    const again = await openDatabase({ dataDir });
    await tamper(again.db, sql`update audit_log set action = 'auth.login' where seq = 2`);
    await again.close();
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit:verify'], { env }).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/#2 was altered/);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

if (process.env.TEST_DATABASE_URL) {
  describe('npm run audit:verify with DATABASE_URL', () => {
    it('reports a tampered row on a PostgreSQL server', async () => {
      const testDb = await createTestDatabase('postgres');
      try {
        await writeEntries(testDb.database.db, 2);
        await tamper(testDb.database.db, sql`update audit_log set target_id = 'x' where seq = 1`);
        const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit:verify'], {
          env: { ...process.env, DATABASE_URL: testDb.url! },
        }).then(
          () => null,
          (error: { code: number; stdout: string }) => error,
        );
        expect(failed?.code).toBe(1);
        expect(failed?.stdout).toMatch(/#1 was altered/);
      } finally {
        await testDb.drop();
      }
    });
  });
}
