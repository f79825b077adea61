import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import type { DB } from '../platform/db/schema.js';
import { verifyLedger } from './verify.js';

/**
 * ledger:verify names the record that breaks each invariant it checks by a join (each finds every violation, then
 * reports the first): a tampered cache or amount on the demo agency's ledger, each in a transaction rolled back.
 */
describe.each(ENGINES)('ledger:verify names what was tampered with, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The violation verify reports once `tamper` ran, the tampering then rolled back. */
  async function violationAfter(tamper: (trx: Kysely<DB>) => Promise<unknown>): Promise<string | null> {
    let violation: string | null = null;
    await t.deps.db
      .transaction()
      .execute(async (trx) => {
        await tamper(trx);
        violation = (await verifyLedger(trx)).violation;
        throw new Error('rolled back');
      })
      .catch((error: Error) => {
        if (error.message !== 'rolled back') throw error;
      });
    return violation;
  }

  it('is clean on the demo agency', async () => {
    expect((await verifyLedger(t.deps.db)).violation).toBeNull();
  });

  it('names a payment whose amount no longer matches its receipt', async () => {
    const payment = await t.deps.db
      .selectFrom('payments')
      .select(['id', 'receipt_number', 'amount_cents'])
      .where('status', '=', 'recorded')
      .orderBy('recorded_at')
      .executeTakeFirstOrThrow();
    const found = await violationAfter((trx) =>
      trx
        .updateTable('payments')
        .set({ amount_cents: payment.amount_cents + 1 })
        .where('id', '=', payment.id)
        .execute(),
    );
    expect(found).toBe(
      `payment ${payment.receipt_number} has a receipt of ${payment.amount_cents} cents for an amount of ${payment.amount_cents + 1}`,
    );
  });

  it('names a claim whose settled cache differs from its entries', async () => {
    const claim = await t.deps.db
      .selectFrom('claims')
      .select(['id', 'reference'])
      .where('settled_fees_cents', '=', 0)
      .where('fees_cents', '>', 0)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const found = await violationAfter((trx) =>
      trx.updateTable('claims').set({ settled_fees_cents: 1 }).where('id', '=', claim.id).execute(),
    );
    expect(found).toMatch(
      new RegExp(
        `^claim ${claim.reference} caches settled amounts \\d+/\\d+/1 but its ledger entries give \\d+/\\d+/0$`,
      ),
    );
  });

  it('names an open case whose cached balance differs from what its claims owe', async () => {
    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'reference', 'balance_cents'])
      .where('status', '=', 'open')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const found = await violationAfter((trx) =>
      trx
        .updateTable('cases')
        .set({ balance_cents: kase.balance_cents + 1 })
        .where('id', '=', kase.id)
        .execute(),
    );
    expect(found).toBe(
      `case ${kase.reference} caches a balance of ${kase.balance_cents + 1} cents but its open claims owe ${kase.balance_cents}`,
    );
  });

  it('names a judicial cost the debtor bears whose posting differs from its amount', async () => {
    // A cost line claiming an allocation's transaction as its posting: that transaction moved no fees of 1,234.56 €.
    const found = await violationAfter(async (trx) => {
      const line = await sql<{ reference: string }>`
        with posting as (
          select e.transaction_id, e.claim_id, cl.case_id from ledger_entries e
          join ledger_transactions t on t.id = e.transaction_id join claims cl on cl.id = e.claim_id
          where t.kind = 'allocation' and e.account = 'claim' order by t.seq limit 1
        ),
        opened as (
          insert into judicial_procedures (case_id, debtor_id, creditor_id, route, state, state_since, opened_by,
            opened_at, updated_at)
          select k.id, k.debtor_id, k.creditor_id, 'injonction_de_payer', 'requete_to_file', '2026-01-05',
            (select id from users order by id limit 1), now(), now()
          from posting join cases k on k.id = posting.case_id
          returning id
        ),
        made as (
          insert into judicial_costs (procedure_id, case_id, kind, amount_cents, legal_basis, chargeable_to, incurred_on,
            recorded_by, recorded_at, claim_id, ledger_transaction_id)
          select (select id from opened), posting.case_id, 'court_fee', 123456,
            'CPC 695', 'debtor', '2026-01-05', (select id from users order by id limit 1), now(), posting.claim_id,
            posting.transaction_id
          from posting returning case_id
        )
        select k.reference from made join cases k on k.id = made.case_id`.execute(trx);
      expect(line.rows).toHaveLength(1);
      return line.rows[0]!.reference;
    });
    expect(found).toMatch(
      /^case \S+: a judicial cost of 123456 cents the debtor bears is posted as (nothing|-?\d+) on its claim's fees$/,
    );
  });

  it('names a ledger entry whose debtor is gone, and one whose transaction is gone', async () => {
    // Only a database tampered with gets there: the ledger's triggers refuse both (ledger-references.test.ts), so
    // they are switched off for the tampering, as a replica's apply would.
    const entry = await t.deps.db
      .selectFrom('ledger_entries as e')
      .innerJoin('ledger_transactions as t', 't.id', 'e.transaction_id')
      .select(['e.id', 'e.debtor_id', 't.seq'])
      .where('e.account', '=', 'debtor_credit')
      .orderBy('t.seq')
      .executeTakeFirstOrThrow();
    const nobody = '00000000-0000-4000-8000-000000000001';
    const noDebtor = await violationAfter(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.updateTable('ledger_entries').set({ debtor_id: nobody }).where('id', '=', entry.id).execute();
    });
    expect(noDebtor).toBe(`transaction #${entry.seq} names debtor ${nobody}, which does not exist`);
    const noTransaction = await violationAfter(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.updateTable('ledger_entries').set({ transaction_id: nobody }).where('id', '=', entry.id).execute();
    });
    expect(noTransaction).toBe(`a ledger entry names transaction ${nobody}, which does not exist`);
  });
});
