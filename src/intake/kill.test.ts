import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIntakeFile } from '../../scripts/bench/generate-intake-file.js';
import { insertCreditorWithMandate } from '../../test/support/creditors.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { waitUntil } from '../../test/support/wait.js';
import { loadConfig } from '../platform/config.js';
import type { Deps } from '../platform/deps.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { recoverInterruptedPlacements } from './import-placement.js';

/**
 * A real import, killed with SIGKILL while it copies rows into PostgreSQL: the database is left as before the
 * file, recovery marks the placement failed, and importing the same file again completes.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('an import killed midway (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let deps: Deps;
  let file: string;

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    deps = { database: testDb.database, db: testDb.database.db, config: loadConfig({}), now: () => new Date() };
    await insertCreditorWithMandate(deps.db, 'KILL', { code: 'KILL-1' });
    file = join(mkdtempSync(join(tmpdir(), 'accord-kill-')), 'placement.csv');
    await generateIntakeFile(file, 60_000, 11);
  });
  afterAll(async () => {
    await testDb.drop();
    if (file) rmSync(dirname(file), { recursive: true, force: true });
  });

  const count = async (table: 'claims' | 'debtors' | 'cases') =>
    Number(
      (
        await deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  function importProcess() {
    // Node itself (not npx, whose child would outlive the kill) runs the CLI.
    return spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'import', '--creditor', 'KILL', '--mandate', 'KILL-1', file],
      {
        env: { ...process.env, DATABASE_URL: testDb.url! },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  }

  it('leaves nothing behind, is reported as interrupted, and the same file then imports fully', async () => {
    const child = importProcess();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the import is copying rows into its staging table (or has ended: it must not), then kill it
    // without warning.
    let ended = false;
    void exited.then(() => (ended = true));
    const copying = await waitUntil(async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'copy "intake_stage"%'`.execute(
        deps.db,
      );
      return (rows[0]?.n ?? 0) > 0 ? 'copying' : ended && 'ended before copying';
    });
    expect(copying).toBe('copying');
    child.kill('SIGKILL');
    await exited;

    // The server notices the dead connection and rolls its transaction back.
    await waitUntil(async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`.execute(deps.db);
      return (rows[0]?.n ?? 0) === 0;
    });
    expect({ claims: await count('claims'), debtors: await count('debtors'), cases: await count('cases') }).toEqual({
      claims: 0,
      debtors: 0,
      cases: 0,
    });
    const interrupted = await deps.db.selectFrom('placements').select(['id', 'status']).executeTakeFirstOrThrow();
    expect(interrupted.status).toBe('running');
    expect(await recoverInterruptedPlacements(deps)).toBe(1);
    expect(
      (
        await deps.db
          .selectFrom('placements')
          .select('status')
          .where('id', '=', interrupted.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('failed');

    const again = importProcess();
    let output = '';
    again.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => again.on('exit', (c) => resolve(c)));
    expect(code, output).toBe(0);
    expect(output).toMatch(/completed/);
    expect(await count('claims')).toBe(60_000 - 600);
    expect((await verifyAuditTrail(deps.db)).ok).toBe(true);
  });
});
