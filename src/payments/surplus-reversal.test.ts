import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyLedger } from '../ledger/verify.js';

/**
 * A payment larger than what the case owed leaves a surplus as the debtor's credit. When that surplus was refunded or
 * moved to another case and the payment then bounces, the money is gone twice: the reversal is refused with the
 * reason, and the debtor's credit never goes below zero.
 */
describe.each(ENGINES)('reversing a payment whose surplus was used, on %s', (engine) => {
  let t: TestApp;
  let agent: ReturnType<typeof as>;
  let leader: ReturnType<typeof as>;
  let run = 0;

  /** A debtor with one case per amount (one claim each, due 2025-06-01), each of another creditor. */
  async function debtorWithCases(...owedCents: number[]) {
    run += 1;
    const db = t.deps.db;
    const mandates = await db
      .selectFrom('mandates')
      .select(['id', 'creditor_id'])
      .distinctOn('creditor_id')
      .orderBy('creditor_id')
      .execute();
    const debtor = await db
      .insertInto('debtors')
      .values({ kind: 'person', first_name: 'Lucie', last_name: `Surplus-${run}`, language: 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cases: { id: string; reference: string }[] = [];
    for (const [index, owed] of owedCents.entries()) {
      const mandate = mandates[index]!;
      const creditor = { id: mandate.creditor_id };
      const reference = `TEST-SURPLUS-${run}-${index}`;
      const created = await db
        .insertInto('cases')
        .values({
          reference,
          creditor_id: creditor.id,
          mandate_id: mandate.id,
          debtor_id: debtor.id,
          stage: 'amicable',
          opened_on: '2026-10-01',
          balance_cents: owed,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('claims')
        .values({
          case_id: created.id,
          creditor_id: creditor.id,
          reference: `${reference}-C`,
          contract_type: 'consumer_credit',
          principal_cents: owed,
          default_on: '2025-06-01',
        })
        .execute();
      cases.push({ id: created.id, reference });
    }
    return { debtorId: debtor.id, cases };
  }

  const creditOf = async (debtorId: string) =>
    Number(
      (
        await sql<{
          credit: number;
        }>`select coalesce(-sum(amount_cents), 0)::bigint as credit from ledger_entries where account = 'debtor_credit' and debtor_id = ${debtorId}`.execute(
          t.deps.db,
        )
      ).rows[0]!.credit,
    );

  async function overpay(caseId: string, amountCents: number, key: string) {
    const paid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { ...agentHeaders, 'idempotency-key': key },
      payload: { caseId, amountCents, channel: 'cheque', receivedOn: '2026-11-20' },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    return paid.json() as { id: string; receiptNumber: string; unallocatedCents: number };
  }
  let agentHeaders: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    t.clock.now = new Date('2026-11-24T10:00:00Z');
    const session = await signIn(t.app, demoEmail('agent'));
    agentHeaders = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    agent = as(t.app, session);
    leader = as(t.app, await signIn(t.app, demoEmail('team_leader')));
  });
  afterAll(async () => t?.close());

  it('refuses to reverse a payment whose surplus was refunded, and the credit stays at zero', async () => {
    const { debtorId, cases } = await debtorWithCases(10_000);
    const payment = await overpay(cases[0]!.id, 15_000, 'surplus-refunded-1');
    expect(payment.unallocatedCents).toBe(5_000);
    t.clock.advance(60 * 60_000);
    const refund = await leader('POST', `/api/v1/debtors/${debtorId}/credit/refunds`, {
      amountCents: 5_000,
      reason: 'Trop-perçu remboursé',
    });
    expect(refund.statusCode, refund.body).toBe(200);

    const reversal = await leader('POST', `/api/v1/payments/${payment.id}/reversal`, {
      kind: 'bounced_cheque',
      reason: 'Chèque sans provision',
    });
    expect(reversal.statusCode, reversal.body).toBe(409);
    expect(reversal.json()).toMatchObject({
      code: 'payments.surplus_already_used',
      surplusCents: 5_000,
      missingCents: 5_000,
    });
    expect(reversal.json().detail).toContain('50.00 €');
    expect(reversal.json().detail).toContain('refunded to the debtor on 2026-11-24');
    expect(await creditOf(debtorId)).toBe(0);
    const stored = await t.deps.db
      .selectFrom('payments')
      .select('status')
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('recorded');
    expect((await verifyLedger(t.deps.db)).violation).toBeNull();
  });

  it('refuses to reverse a payment whose surplus was moved to another case of the debtor, naming that case', async () => {
    const { debtorId, cases } = await debtorWithCases(10_000, 20_000);
    const payment = await overpay(cases[0]!.id, 15_000, 'surplus-moved-1');
    const moved = await agent('POST', `/api/v1/cases/${cases[1]!.id}/credit/allocation`);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ allocatedCents: 5_000, debtorCreditCents: 0 });

    const reversal = await leader('POST', `/api/v1/payments/${payment.id}/reversal`, {
      kind: 'bounced_cheque',
      reason: 'Chèque sans provision',
    });
    expect(reversal.statusCode, reversal.body).toBe(409);
    expect(reversal.json().code).toBe('payments.surplus_already_used');
    expect(reversal.json().detail).toContain(`allocated to case ${cases[1]!.reference} on 2026-11-24`);
    expect(await creditOf(debtorId)).toBe(0);
  });

  it('reverses the payment once the surplus is back as credit, and only then', async () => {
    const { debtorId, cases } = await debtorWithCases(10_000);
    const payment = await overpay(cases[0]!.id, 12_000, 'surplus-recovered-1');
    expect(
      (
        await leader('POST', `/api/v1/debtors/${debtorId}/credit/refunds`, {
          amountCents: 1_500,
          reason: 'Remboursement partiel',
        })
      ).statusCode,
    ).toBe(200);
    const refused = await leader('POST', `/api/v1/payments/${payment.id}/reversal`, {
      kind: 'chargeback',
      reason: 'Contestation carte',
    });
    expect(refused.json()).toMatchObject({
      code: 'payments.surplus_already_used',
      surplusCents: 2_000,
      missingCents: 1_500,
    });

    // The debtor repays what was refunded: the case owes nothing, so it stays as their credit.
    const repaid = await overpay(cases[0]!.id, 1_500, 'surplus-recovered-2');
    expect(repaid.unallocatedCents).toBe(1_500);
    expect(await creditOf(debtorId)).toBe(2_000);
    const reversed = await leader('POST', `/api/v1/payments/${payment.id}/reversal`, {
      kind: 'chargeback',
      reason: 'Contestation carte',
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(await creditOf(debtorId)).toBe(0);
    const state = await t.deps.db
      .selectFrom('cases')
      .select(['status', 'balance_cents'])
      .where('id', '=', cases[0]!.id)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: 'open', balance_cents: 10_000 });
    expect((await verifyLedger(t.deps.db)).violation).toBeNull();
  });

  it('ledger:verify finds a debtor credit below zero that every other invariant misses', async () => {
    const { debtorId } = await debtorWithCases(10_000);
    expect((await verifyLedger(t.deps.db)).violation).toBeNull();
    // A refund of money the debtor never had: balanced, and cash still equals allocated + unallocated + refunded.
    const broken = await t.deps.db
      .insertInto('ledger_transactions')
      .values({ kind: 'refund', occurred_at: t.clock.now, created_by: null, created_at: t.clock.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('ledger_entries')
      .values([
        { transaction_id: broken.id, account: 'debtor_credit', amount_cents: 5_000, debtor_id: debtorId },
        { transaction_id: broken.id, account: 'cash', amount_cents: -5_000 },
      ])
      .execute();
    t.ledgerBrokenOnPurpose = true;
    const found = await verifyLedger(t.deps.db);
    expect(found.ok).toBe(false);
    expect(found.violation).toBe(`debtor ${debtorId} has a credit of -5000 cents: a credit is never below zero`);
  });
});
