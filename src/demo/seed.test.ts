import { sql } from 'kysely';
import { verifyLedger } from '../ledger/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { loadConfig } from '../platform/config.js';
import type { Deps } from '../platform/deps.js';
import { ROLES } from '../identity/core/roles.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { loadDemo } from './seed.js';
import { simulateDraft } from '../contact-policy/simulate.js';
import { DEFAULT_POLICY } from '../contact-policy/core/default-policy.js';

describe('demo agency', () => {
  let testDb: TestDatabase;
  let deps: Deps;
  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    deps = {
      database: testDb.database,
      db: testDb.database.db,
      config: loadConfig({}),
      now: () => new Date('2026-11-24T09:00:00Z'),
    };
  });
  afterAll(() => testDb.drop());

  it('loads creditors, one user per role, and debtors with varied cases, once', async () => {
    const first = await loadDemo(deps, { debtors: 300 });
    expect(first).toMatchObject({ loaded: true, creditors: 3, debtors: 300 });
    expect(first.cases).toBeGreaterThan(300);
    const second = await loadDemo(deps, { debtors: 300 });
    expect(second.loaded).toBe(false);
    expect(
      await deps.db
        .selectFrom('debtors')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 300 });

    const roles = await deps.db.selectFrom('users').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
    const stages = await deps.db.selectFrom('cases').select('stage').distinct().execute();
    expect(stages.map((s) => s.stage).sort()).toEqual([
      'amicable',
      'closed',
      'dispute',
      'judicial',
      'overindebtedness',
      'plan',
    ]);
    const zones = await deps.db.selectFrom('debtor_addresses').select('time_zone').distinct().execute();
    expect(zones.map((z) => z.time_zone)).toEqual(expect.arrayContaining(['Europe/Paris', 'Europe/Rome']));
  });

  it('keeps the cached case balance equal to what its claims still owe, and records its payments in the ledger', async () => {
    const cases = await deps.db
      .selectFrom('cases')
      .innerJoin('claims', 'claims.case_id', 'cases.id')
      .select(['cases.id', 'cases.balance_cents', 'cases.close_reason'])
      .select((eb) =>
        eb.fn
          .sum<number>(
            sql<number>`claims.principal_cents + claims.interest_cents + claims.fees_cents - claims.settled_principal_cents - claims.settled_interest_cents - claims.settled_fees_cents`,
          )
          .as('owed'),
      )
      .groupBy(['cases.id', 'cases.balance_cents', 'cases.close_reason'])
      .execute();
    for (const row of cases) {
      expect(row.balance_cents).toBe(row.close_reason === 'paid' ? 0 : Number(row.owed));
    }
    const payments = await deps.db.selectFrom('payments').select('id').execute();
    expect(payments.length).toBeGreaterThan(0);
    expect((await verifyLedger(deps.db)).violation).toBeNull();
  });

  it('dates every hold and leaves the audit trail verifiable', async () => {
    const undated = await deps.db
      .selectFrom('holds')
      .select('id')
      .where('ends_at', 'is', null)
      .where('review_at', 'is', null)
      .execute();
    expect(undated).toEqual([]);
    expect((await verifyAuditTrail(deps.db)).ok).toBe(true);
  });

  it('has a contact history the policy in force would have allowed, every contact of it', async () => {
    // The simulator replays each outbound contact against the version then in force, with what was known then.
    const replay = await simulateDraft(deps, DEFAULT_POLICY, 800);
    expect(replay.contacts).toBeGreaterThan(300);
    expect(replay.truncated).toBe(false);
    expect(replay.rules.filter((rule) => rule.refusedByCurrent > 0)).toEqual([]);
  });
});
