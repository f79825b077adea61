import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { verifyLedger } from '../ledger/verify.js';
import { loadPayment } from './payment-view.js';

describe.each(ENGINES)('payments and the ledger on %s', (engine) => {
  let t: TestApp;
  let agent: ReturnType<typeof as>;
  let leader: ReturnType<typeof as>;
  let creditorUser: ReturnType<typeof as>;
  let otherCreditor: ReturnType<typeof as>;
  let caseId = '';
  let oldClaim = '';
  let newClaim = '';

  /** A case of Banque Horizon with an old claim (500 €) and a newer one (1,000 € + 50 € interest + 10 € fees). */
  async function freshCase(reference: string) {
    const db = t.deps.db;
    const creditor = await db
      .selectFrom('creditors')
      .select('id')
      .where('code', '=', 'BHORIZON')
      .executeTakeFirstOrThrow();
    const mandate = await db
      .selectFrom('mandates')
      .select(['id', 'commission_rate_bp'])
      .where('creditor_id', '=', creditor.id)
      .executeTakeFirstOrThrow();
    const debtor = await db
      .insertInto('debtors')
      .values({ kind: 'person', first_name: 'Paul', last_name: `Essai-${reference}`, language: 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await db
      .insertInto('cases')
      .values({
        reference,
        creditor_id: creditor.id,
        mandate_id: mandate.id,
        debtor_id: debtor.id,
        stage: 'amicable',
        opened_on: '2026-10-01',
        balance_cents: 50_000 + 106_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const claims = await db
      .insertInto('claims')
      .values([
        {
          case_id: created.id,
          creditor_id: creditor.id,
          reference: `${reference}-OLD`,
          contract_type: 'consumer_credit',
          principal_cents: 50_000,
          default_on: '2025-06-01',
        },
        {
          case_id: created.id,
          creditor_id: creditor.id,
          reference: `${reference}-NEW`,
          contract_type: 'consumer_credit',
          principal_cents: 100_000,
          interest_cents: 5_000,
          fees_cents: 1_000,
          default_on: '2026-01-10',
        },
      ])
      .returning(['id', 'reference'])
      .execute();
    return {
      caseId: created.id,
      oldClaim: claims.find((c) => c.reference.endsWith('OLD'))!.id,
      newClaim: claims.find((c) => c.reference.endsWith('NEW'))!.id,
      commissionBp: mandate.commission_rate_bp,
    };
  }

  const pay = (key: string, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { ...agentHeaders, 'idempotency-key': key },
      payload: body,
    });
  let agentHeaders: Record<string, string> = {};
  let commissionBp = 0;
  /** The case notices written to the creditor's outbox for the test's case. */
  const caseNotices = async () =>
    (
      await t.deps.db
        .selectFrom('creditor_notifications')
        .select(['event', 'payload'])
        .where('case_id', '=', caseId)
        .where('event', 'in', ['case.closed', 'case.reopened'])
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((row) => {
      const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
        string,
        unknown
      >;
      return row.event === 'case.closed'
        ? { event: row.event, closeReason: payload.closeReason, closedOn: payload.closedOn }
        : { event: row.event };
    });

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    t.clock.now = new Date('2026-11-24T10:00:00Z');
    const session = await signIn(t.app, demoEmail('agent'));
    agentHeaders = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    agent = as(t.app, session);
    leader = as(t.app, await signIn(t.app, demoEmail('team_leader')));
    creditorUser = as(t.app, await signIn(t.app, 'creditor@demo.accord.test'));
    otherCreditor = as(t.app, await signIn(t.app, 'creditor.energie@demo.accord.test'));
    ({ caseId, oldClaim, newClaim, commissionBp } = await freshCase('TEST-PAY-0001'));
    // Banque Horizon gave a webhook address: its notices are written to the outbox (no job delivers them here).
    await t.deps.db
      .updateTable('creditors')
      .set({ webhook_url: 'https://hooks.creditor.example/accord' })
      .where('code', '=', 'BHORIZON')
      .execute();
  });
  afterAll(async () => t?.close());

  it('allocates by law: the oldest due debt first, then interest and fees before principal; with a receipt', async () => {
    const response = await pay('pay-0001-first', {
      caseId,
      amountCents: 60_000,
      channel: 'bank_transfer',
      receivedOn: '2026-11-23',
    });
    expect(response.statusCode, response.body).toBe(201);
    const payment = response.json();
    expect(payment.receiptNumber).toMatch(/^Q-2026-\d{7}$/);
    expect(payment.allocations).toEqual([
      expect.objectContaining({ claimId: oldClaim, component: 'principal', amountCents: 50_000 }),
      expect.objectContaining({ claimId: newClaim, component: 'interest', amountCents: 5_000 }),
      expect.objectContaining({ claimId: newClaim, component: 'fees', amountCents: 1_000 }),
      expect.objectContaining({ claimId: newClaim, component: 'principal', amountCents: 4_000 }),
    ]);
    expect(payment.unallocatedCents).toBe(0);
    expect(payment.commissionCents).toBe(Math.floor((60_000 * commissionBp + 5_000) / 10_000));
    // The answer is what its transaction wrote, exactly as the payment reads back.
    expect(payment).toEqual(await loadPayment(t.deps.db, payment.id));
    const found = await t.deps.db
      .selectFrom('cases')
      .select(['balance_cents', 'status'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(found).toEqual({ balance_cents: 96_000, status: 'open' });
    const claims = await t.deps.db
      .selectFrom('claims')
      .select(['id', 'status'])
      .where('case_id', '=', caseId)
      .execute();
    expect(claims.find((c) => c.id === oldClaim)!.status).toBe('paid');

    const receipt = await agent('GET', `/api/v1/payments/${payment.id}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('records a payment once whatever the retries: same key and body give the first payment, another body is refused', async () => {
    const body = { caseId, amountCents: 1_000, channel: 'card', receivedOn: '2026-11-24' };
    const first = await pay('pay-0002-retry', body);
    expect(first.statusCode).toBe(201);
    const again = await pay('pay-0002-retry', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await pay('pay-0002-retry', { ...body, amountCents: 2_000 });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('payments.idempotency_conflict');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: agentHeaders,
      payload: body,
    });
    expect(missing.statusCode).toBe(400);
  });

  it('never counts a payment twice under concurrent retries', async () => {
    const body = {
      caseId,
      amountCents: 1_500,
      channel: 'bank_transfer',
      receivedOn: '2026-11-24',
      reference: 'VIR-RETRY',
    };
    const responses = await Promise.all(Array.from({ length: 6 }, () => pay('pay-0003-concurrent', body)));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const rows = await t.deps.db
      .selectFrom('payments')
      .select('id')
      .where('idempotency_key', '=', 'pay-0003-concurrent')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps an overpayment as a visible credit and closes the paid case', async () => {
    const before = (await agent('GET', `/api/v1/cases/${caseId}/payments`)).json();
    const owed = (
      await t.deps.db.selectFrom('cases').select('balance_cents').where('id', '=', caseId).executeTakeFirstOrThrow()
    ).balance_cents;
    const response = await pay('pay-0004-over', {
      caseId,
      amountCents: owed + 2_500,
      channel: 'cheque',
      receivedOn: '2026-11-24',
    });
    expect(response.json().unallocatedCents).toBe(2_500);
    const after = (await agent('GET', `/api/v1/cases/${caseId}/payments`)).json();
    expect(after.debtorCreditCents).toBe(before.debtorCreditCents + 2_500);
    expect(
      await t.deps.db
        .selectFrom('cases')
        .select(['status', 'close_reason', 'balance_cents'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      status: 'closed',
      close_reason: 'paid',
      balance_cents: 0,
    });
    // The creditor is told of the closure (its webhook's outbox), beside the payment itself.
    expect(await caseNotices()).toEqual([{ event: 'case.closed', closeReason: 'paid', closedOn: '2026-11-24' }]);
    expect((await verifyLedger(t.deps.db)).violation).toBeNull();
  });

  it('reverses a bounced cheque: the claims owe again, the case reopens, nothing is edited in the ledger', async () => {
    const cheque = (
      await t.deps.db
        .selectFrom('payments')
        .select('id')
        .where('idempotency_key', '=', 'pay-0004-over')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (
        await agent('POST', `/api/v1/payments/${cheque}/reversal`, {
          kind: 'bounced_cheque',
          reason: 'Chèque sans provision',
        })
      ).statusCode,
    ).toBe(403);
    const reversed = await leader('POST', `/api/v1/payments/${cheque}/reversal`, {
      kind: 'bounced_cheque',
      reason: 'Chèque sans provision',
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json()).toMatchObject({ status: 'reversed', reversalKind: 'bounced_cheque', allocations: [] });
    const state = await t.deps.db
      .selectFrom('cases')
      .select(['status', 'stage', 'balance_cents'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: 'open', stage: 'amicable', balance_cents: 96_000 - 1_000 - 1_500 });
    expect((await caseNotices()).map((notice) => notice.event)).toEqual(['case.closed', 'case.reopened']);
    expect(
      (await leader('POST', `/api/v1/payments/${cheque}/reversal`, { kind: 'error', reason: 'Encore' })).json().code,
    ).toBe('payments.already_reversed');
    await expect(t.deps.db.deleteFrom('ledger_entries').execute()).rejects.toThrow(/append-only/);
    expect((await verifyLedger(t.deps.db)).violation).toBeNull();
  });

  it('shows a creditor its own payments only', async () => {
    const first = (
      await t.deps.db
        .selectFrom('payments')
        .select('id')
        .where('idempotency_key', '=', 'pay-0001-first')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await creditorUser('GET', `/api/v1/payments/${first}`)).statusCode).toBe(200);
    expect((await otherCreditor('GET', `/api/v1/payments/${first}`)).statusCode).toBe(404);
    expect((await otherCreditor('GET', `/api/v1/cases/${caseId}/payments`)).statusCode).toBe(404);
  });

  it('keeps the audit trail intact, and ledger:verify finds a corrupted transaction', async () => {
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
    const clean = await verifyLedger(t.deps.db);
    expect(clean).toMatchObject({ ok: true, violation: null });
    expect(clean.transactions).toBeGreaterThan(5);
    const broken = await t.deps.db
      .insertInto('ledger_transactions')
      .values({ kind: 'adjustment', occurred_at: t.clock.now, created_by: null, created_at: t.clock.now })
      .returning(['id', 'seq'])
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('ledger_entries')
      .values({ transaction_id: broken.id, account: 'cash', amount_cents: 1 })
      .execute();
    t.ledgerBrokenOnPurpose = true;
    const found = await verifyLedger(t.deps.db);
    expect(found.ok).toBe(false);
    expect(found.violation).toBe(
      `transaction #${broken.seq} (adjustment, ${broken.id}) does not balance: its entries sum to 1 cents`,
    );
  });
});
