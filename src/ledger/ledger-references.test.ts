import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { hashPassword } from '../identity/passwords.js';
import type { DB } from '../platform/db/schema.js';

const NOBODY = '00000000-0000-4000-8000-000000000001';

/**
 * The ledger's references are checked once per insert statement by triggers, not row by row by foreign keys
 * (migration 0096): a reference to nothing is refused as a foreign key would refuse it, SQLSTATE 23503 and all, and a
 * row the ledger names cannot be deleted. Each attempt runs in a transaction rolled back.
 */
describe.each(ENGINES)('the ledger’s references, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
  });
  afterAll(() => t.close());

  /** The error `act` meets, its transaction then rolled back; null when it went through. */
  async function refusal(
    act: (trx: Kysely<DB>) => Promise<unknown>,
  ): Promise<{ code: string; message: string } | null> {
    try {
      await t.deps.db.transaction().execute(async (trx) => {
        await act(trx);
        throw new Error('went through');
      });
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      if (message === 'went through') return null;
      return { code: code ?? '', message };
    }
    return null;
  }

  const aTransaction = () =>
    t.deps.db.selectFrom('ledger_transactions').select(['id', 'payment_id']).orderBy('seq').executeTakeFirstOrThrow();
  const aClaim = () =>
    t.deps.db
      .selectFrom('claims as c')
      .innerJoin('cases as k', 'k.id', 'c.case_id')
      .select(['c.id', 'k.debtor_id', 'c.creditor_id'])
      .orderBy('c.id')
      .executeTakeFirstOrThrow();

  it('takes a balanced transaction whose every reference exists, many rows in one statement', async () => {
    const claim = await aClaim();
    const result = await refusal(async (trx) => {
      const made = await trx
        .insertInto('ledger_transactions')
        .values({ kind: 'adjustment', occurred_at: new Date(), created_at: new Date(), reason: 'test' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('ledger_entries')
        .values([
          { transaction_id: made.id, account: 'claim', amount_cents: 100, claim_id: claim.id, component: 'fees' },
          { transaction_id: made.id, account: 'creditor_placed', amount_cents: -100, creditor_id: claim.creditor_id },
          { transaction_id: made.id, account: 'debtor_credit', amount_cents: 5, debtor_id: claim.debtor_id },
          { transaction_id: made.id, account: 'cash', amount_cents: -5 },
        ])
        .execute();
    });
    expect(result).toBeNull();
  });

  it('refuses an entry naming a transaction, a debtor, a claim or a creditor that does not exist', async () => {
    const { id } = await aTransaction();
    const claim = await aClaim();
    const cases = [
      [{ transaction_id: NOBODY, account: 'cash' as const, amount_cents: 1 }, `names transaction ${NOBODY}`],
      [
        { transaction_id: id, account: 'debtor_credit' as const, amount_cents: 1, debtor_id: NOBODY },
        `debtor ${NOBODY}`,
      ],
      [
        {
          transaction_id: id,
          account: 'claim' as const,
          amount_cents: 1,
          claim_id: NOBODY,
          component: 'fees' as const,
        },
        `claim ${NOBODY}`,
      ],
      [
        { transaction_id: id, account: 'agency_income' as const, amount_cents: 1, creditor_id: NOBODY },
        `creditor ${NOBODY}`,
      ],
    ] as const;
    for (const [row, named] of cases) {
      // One good row beside the bad one: the statement is refused whole.
      const good = {
        transaction_id: id,
        account: 'claim' as const,
        amount_cents: 1,
        claim_id: claim.id,
        component: 'fees' as const,
      };
      const refused = await refusal((trx) => trx.insertInto('ledger_entries').values([good, row]).execute());
      expect(refused, named).toMatchObject({ code: '23503' });
      expect(refused!.message).toContain(named);
      expect(refused!.message).toContain('which does not exist');
    }
  });

  it('refuses a transaction naming a payment or an author that does not exist', async () => {
    for (const [values, named] of [
      [{ payment_id: NOBODY }, `payment ${NOBODY}`],
      [{ created_by: NOBODY }, `user ${NOBODY}`],
    ] as const) {
      const refused = await refusal((trx) =>
        trx
          .insertInto('ledger_transactions')
          .values({ kind: 'adjustment', occurred_at: new Date(), created_at: new Date(), ...values })
          .execute(),
      );
      expect(refused, named).toMatchObject({ code: '23503' });
      expect(refused!.message).toContain(named);
    }
  });

  it('refuses to delete a user the ledger names (the same trigger guards its debtors, claims, creditors, payments)', async () => {
    // A user whom nothing but one ledger transaction names: only the ledger's trigger can refuse the delete.
    const refusedUser = await refusal(async (trx) => {
      const user = await trx
        .insertInto('users')
        .values({
          email: 'ledger.author@test.accord.test',
          display_name: 'Ledger Author',
          role: 'manager',
          password_hash: await hashPassword('ledger-author-2026'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('ledger_transactions')
        .values({ kind: 'adjustment', occurred_at: new Date(), created_at: new Date(), created_by: user.id })
        .execute();
      await trx.deleteFrom('users').where('id', '=', user.id).execute();
    });
    expect(refusedUser).toMatchObject({ code: '23503' });
    expect(refusedUser!.message).toMatch(/^users \S+ is named by the ledger \(ledger_transactions\.created_by\)/);
  });
});
