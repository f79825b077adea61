import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { portalSessionOf } from '../../test/support/portal.js';
import { startCardStandIn, type CardStandIn } from './card/card-stand-in.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { isCreditorReference } from '../payments/core/creditor-reference.js';
import type { PortalCase } from './contract.js';
import type { CardPaymentView } from './payments/contract.js';
import type { PortalPlans } from './plans/contract.js';

// A Wednesday, 10:00 in Paris.
const START = new Date('2026-11-25T09:00:00Z');

describe.each(ENGINES)('card payments and receipts on the portal, against a stand-in of Stripe, on %s', (engine) => {
  let t: TestApp;
  let stripe: CardStandIn;
  let person: Session;
  let other: Session;
  let caseId: string;
  let balanceCents: number;

  beforeAll(async () => {
    stripe = await startCardStandIn();
    t = await createTestApp(engine, {
      demo: true,
      now: START,
      config: {
        ...stripe.config,
        SEPA_CREDITOR_NAME: 'Accord Recouvrement',
        SEPA_CREDITOR_IBAN: 'FR7630006000011234567890189',
        PUBLIC_URL: 'https://accord.example.fr',
      },
    });
    // Two people, each with an open case that has something left and no plan: the payment is a plain one.
    const rows = await sql<{ case_id: string; debtor_id: string; balance_cents: string }>`
      select c.id as case_id, c.debtor_id, c.balance_cents from cases c
      where c.status = 'open' and c.balance_cents between 20000 and 800000
        and not exists (select 1 from plans p where p.case_id = c.id)
      order by c.reference limit 2`.execute(t.deps.db);
    expect(rows.rows).toHaveLength(2);
    caseId = rows.rows[0]!.case_id;
    balanceCents = Number(rows.rows[0]!.balance_cents);
    person = await portalSessionOf(t.deps, rows.rows[0]!.debtor_id);
    other = await portalSessionOf(t.deps, rows.rows[1]!.debtor_id);
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const post = (payload: string, signature: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/card-notices',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      payload,
    });

  it('shows the ways to pay: card, and a transfer with the case’s RF reference to the agency’s account', async () => {
    const view = (await as(t.app, person)('GET', `/api/portal/v1/cases/${caseId}`)).json() as PortalCase;
    expect(view.paying).toMatchObject({ card: true, minCents: 100, maxCents: balanceCents });
    expect(view.paying.transfer).toMatchObject({
      holder: 'Accord Recouvrement',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
    });
    expect(isCreditorReference(view.paying.transfer!.reference)).toBe(true);
    expect(view.paying.transfer!.reference.replace(/\s/g, '')).toContain(view.reference.replace(/-/g, ''));
  });

  it('makes one payment page per key at the stand-in, refuses an amount beyond what is left, and the same key for another amount', async () => {
    const pay = as(t.app, person);
    const tooMuch = await pay('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
      purpose: 'amount',
      amountCents: balanceCents + 1,
      idempotencyKey: 'key-too-much-1',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'portal.card_amount_out_of_bounds' });
    const noPlan = await pay('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
      purpose: 'instalment',
      idempotencyKey: 'key-instalment-1',
    });
    expect(noPlan.json()).toMatchObject({ code: 'portal.no_instalment' });

    const before = stripe.sessions.size;
    const first = await pay('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
      purpose: 'amount',
      amountCents: 5000,
      idempotencyKey: 'key-amount-5000',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await pay('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
      purpose: 'amount',
      amountCents: 5000,
      idempotencyKey: 'key-amount-5000',
    });
    expect(again.json()).toEqual(first.json());
    expect(stripe.sessions.size).toBe(before + 1);
    const made = first.json() as CardPaymentView;
    expect(made).toMatchObject({ status: 'pending', amountCents: 5000, payment: null });
    const session = [...stripe.sessions.values()].at(-1)!;
    expect(session.fields).toMatchObject({
      'line_items[0][price_data][unit_amount]': '5000',
      'line_items[0][price_data][currency]': 'eur',
      success_url: `https://accord.example.fr/portal/cases/${caseId}/pay/${made.id}`,
    });
    expect(session.idempotencyKey).toBe(`accord-portal-${made.id}`);
    const other5 = await pay('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
      purpose: 'amount',
      amountCents: 6000,
      idempotencyKey: 'key-amount-5000',
    });
    expect(other5.json()).toMatchObject({ code: 'portal.card_key_reused' });
  });

  it('gives a double click (the same key twice at once) one card payment, recorded and audited once', async () => {
    const pay = as(t.app, person);
    const body = { purpose: 'amount', amountCents: 1500, idempotencyKey: 'key-double-click-1500' };
    const [one, two] = await Promise.all([
      pay('POST', `/api/portal/v1/cases/${caseId}/card-payments`, body),
      pay('POST', `/api/portal/v1/cases/${caseId}/card-payments`, body),
    ]);
    expect([one.statusCode, two.statusCode], `${one.body} ${two.body}`).toEqual([201, 201]);
    expect(two.json()).toEqual(one.json());
    const rows = await t.deps.db
      .selectFrom('portal_card_payments')
      .select('id')
      .where('idempotency_key', '=', body.idempotencyKey)
      .execute();
    expect(rows).toEqual([{ id: (one.json() as CardPaymentView).id }]);
    const audited = await sql<{ n: number }>`
      select count(*)::int as n from audit_log
      where action = 'portal.card_payment_started' and after->>'cardPaymentId' = ${rows[0]!.id}`.execute(t.deps.db);
    expect(audited.rows[0]!.n).toBe(1);
  });

  it('records exactly one payment from a signed notice, however often it is replayed; a bad signature is refused', async () => {
    const pay = as(t.app, person);
    const made = (
      await pay('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
        purpose: 'amount',
        amountCents: 2500,
        idempotencyKey: 'key-amount-2500',
      })
    ).json() as CardPaymentView;
    const ref = [...stripe.sessions.entries()].find(([, s]) => s.idempotencyKey === `accord-portal-${made.id}`)![0];
    const paymentsBefore = await t.deps.db.selectFrom('payments').select('id').where('case_id', '=', caseId).execute();

    const forged = stripe.notice('checkout.session.completed', ref, { at: START, secret: 'whsec_someone_else_00' });
    const refused = await post(forged.payload, forged.signature);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'portal.card_notice_signature' });
    const notice = stripe.notice('checkout.session.completed', ref, { at: START });
    const tampered = await post(notice.payload.replace('2500', '250000'), notice.signature);
    expect(tampered.statusCode).toBe(400);
    const stale = stripe.notice('checkout.session.completed', ref, { at: new Date(START.getTime() - 3600_000) });
    expect((await post(stale.payload, stale.signature)).statusCode).toBe(400);
    expect((await pay('GET', `/api/portal/v1/cases/${caseId}/card-payments/${made.id}`)).json()).toMatchObject({
      status: 'pending',
    });

    const [one, two] = await Promise.all([
      post(notice.payload, notice.signature),
      post(notice.payload, notice.signature),
    ]);
    expect([one.json().outcome, two.json().outcome].sort()).toEqual(['already_recorded', 'recorded']);
    const replay = stripe.notice('checkout.session.completed', ref, { at: START });
    expect((await post(replay.payload, replay.signature)).json()).toEqual({
      received: true,
      outcome: 'already_recorded',
    });

    const payments = await t.deps.db
      .selectFrom('payments')
      .select(['id', 'amount_cents', 'channel', 'source', 'recorded_by', 'receipt_number'])
      .where('case_id', '=', caseId)
      .where(
        'id',
        'not in',
        paymentsBefore.length ? paymentsBefore.map((p) => p.id) : ['00000000-0000-4000-8000-000000000000'],
      )
      .execute();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amount_cents: 2500, channel: 'card', source: 'portal', recorded_by: null });
    const state = (
      await pay('GET', `/api/portal/v1/cases/${caseId}/card-payments/${made.id}`)
    ).json() as CardPaymentView;
    expect(state).toMatchObject({
      status: 'paid',
      payment: { id: payments[0]!.id, receiptNumber: payments[0]!.receipt_number },
    });
    const timeline = await t.deps.db
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', caseId)
      .where(sql<boolean>`data->>'paymentId' = ${payments[0]!.id}`)
      .execute();
    expect(timeline.map((e) => e.kind)).toEqual(['payment']);
    const view = (await pay('GET', `/api/portal/v1/cases/${caseId}`)).json() as PortalCase;
    expect(view.payments.find((p) => p.id === payments[0]!.id)).toMatchObject({ amountCents: 2500, channel: 'card' });
    expect(view.totals.balanceCents).toBe(balanceCents - 2500);

    // The receipt is the person's, as PDF, audited; another person's session gets 404 for it.
    const receipt = await pay('GET', `/api/portal/v1/cases/${caseId}/payments/${payments[0]!.id}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const foreign = await as(t.app, other)(
      'GET',
      `/api/portal/v1/cases/${caseId}/payments/${payments[0]!.id}/receipt.pdf`,
    );
    expect(foreign.statusCode).toBe(404);
    const acts = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', [
        'portal.card_payment_started',
        'portal.card_payment_confirmed',
        'portal.receipt_downloaded',
        'payment.recorded',
      ])
      .where('target_id', 'in', [caseId, payments[0]!.id])
      .execute();
    expect(new Set(acts.map((a) => a.action))).toEqual(
      new Set([
        'portal.card_payment_started',
        'portal.card_payment_confirmed',
        'portal.receipt_downloaded',
        'payment.recorded',
      ]),
    );
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('takes the plan’s next payment as the amount when the person pays their instalment', async () => {
    // A person with one open amicable case, no plan, no hold, no budget: they sign a plan on the portal first.
    const free = await sql<{ case_id: string; debtor_id: string; balance_cents: string }>`
      select c.id as case_id, c.debtor_id, c.balance_cents from cases c
      where c.status = 'open' and c.stage = 'amicable' and c.balance_cents between 30000 and 800000
        and (select count(*) from cases o where o.debtor_id = c.debtor_id and o.status <> 'closed') = 1
        and not exists (select 1 from plans p where p.case_id = c.id)
        and not exists (select 1 from holds h where h.debtor_id = c.debtor_id)
        and not exists (select 1 from debtor_assessments a where a.debtor_id = c.debtor_id)
      order by c.reference desc limit 1`.execute(t.deps.db);
    const row = free.rows[0]!;
    const owner = as(t.app, await portalSessionOf(t.deps, row.debtor_id));
    const url = `/api/portal/v1/cases/${row.case_id}`;
    const monthly = Math.ceil(Number(row.balance_cents) / 6 / 100) * 100;
    const budget = await owner('POST', `${url}/budget`, {
      household: { adults: 1, children: 0, dependants: 0 },
      resources: [{ type: 'salary', amountCents: 300_000 }],
      expenses: [
        { category: 'housing', amountCents: 300_000 - monthly - 40_000 },
        { category: 'food_household', amountCents: 40_000 },
      ],
    });
    expect(budget.statusCode, budget.body).toBe(201);
    const { proposals, consentVersion } = (await owner('GET', `${url}/plans`)).json() as PortalPlans;
    const chosen = proposals.find((p) => p.kind === 'instalments')!;
    const signed = await owner('POST', `${url}/plans`, {
      kind: chosen.kind,
      firstDueOn: chosen.firstDueOn,
      count: chosen.count,
      totalCents: chosen.totalCents,
      consent: true,
      consentVersion,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const next = ((await owner('GET', `${url}/plans`)).json() as PortalPlans).current!.next!;

    const made = await owner('POST', `${url}/card-payments`, { purpose: 'instalment', idempotencyKey: 'key-next-1' });
    expect(made.statusCode, made.body).toBe(201);
    expect((made.json() as CardPaymentView).amountCents).toBe(next.amountCents);
  });

  it('marks an expired checkout so, records nothing, and acknowledges a notice about no checkout of ours', async () => {
    const made = (
      await as(t.app, person)('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
        purpose: 'balance',
        idempotencyKey: 'key-balance-expired',
      })
    ).json() as CardPaymentView;
    const ref = [...stripe.sessions.entries()].find(([, s]) => s.idempotencyKey === `accord-portal-${made.id}`)![0];
    const expired = stripe.notice('checkout.session.expired', ref, { at: START });
    expect((await post(expired.payload, expired.signature)).json()).toEqual({ received: true, outcome: 'expired' });
    const state = (await as(t.app, person)('GET', `/api/portal/v1/cases/${caseId}/card-payments/${made.id}`)).json();
    expect(state).toMatchObject({ status: 'expired', payment: null, redirectUrl: null });
    const stranger = stripe.notice('checkout.session.completed', 'cs_test_not_ours', { at: START });
    expect((await post(stranger.payload, stranger.signature)).json()).toEqual({ received: true, outcome: 'unknown' });
  });
  it('keeps a paid notice it cannot record (another currency) for a person to check: acknowledged, a follow-up opened, nothing recorded, once', async () => {
    const made = (
      await as(t.app, person)('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
        purpose: 'amount',
        amountCents: 1500,
        idempotencyKey: 'key-amount-to-check',
      })
    ).json() as CardPaymentView;
    const ref = [...stripe.sessions.entries()].find(([, s]) => s.idempotencyKey === `accord-portal-${made.id}`)![0];
    const paymentsBefore = await t.deps.db.selectFrom('payments').select('id').where('case_id', '=', caseId).execute();
    const odd = stripe.notice('checkout.session.completed', ref, { at: START, currency: 'usd' });
    expect((await post(odd.payload, odd.signature)).json()).toEqual({ received: true, outcome: 'to_check' });
    // The provider sends it again: the same answer, no second follow-up.
    const again = stripe.notice('checkout.session.completed', ref, { at: START, currency: 'usd' });
    expect((await post(again.payload, again.signature)).json()).toEqual({ received: true, outcome: 'to_check' });

    const state = (await as(t.app, person)('GET', `/api/portal/v1/cases/${caseId}/card-payments/${made.id}`)).json();
    expect(state).toMatchObject({ status: 'to_check', payment: null, redirectUrl: null });
    const paymentsAfter = await t.deps.db.selectFrom('payments').select('id').where('case_id', '=', caseId).execute();
    expect(paymentsAfter).toHaveLength(paymentsBefore.length);
    const caseRow = await t.deps.db
      .selectFrom('cases')
      .select('assigned_team_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const tasks = await t.deps.db
      .selectFrom('case_tasks')
      .select(['kind', 'status', 'team_id', 'source'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'card_payment_check')
      .execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: 'open', team_id: caseRow.assigned_team_id });
    expect(tasks[0]!.source).toMatchObject({
      cardPaymentId: made.id,
      askedCents: 1500,
      takenCents: 1500,
      takenCurrency: 'USD',
      reason: 'currency',
    });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'portal.card_payment_to_check')
      .where('target_id', '=', caseId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ cardPaymentId: made.id, reason: 'currency', takenCurrency: 'USD' });
    // While the agency checks it, the money taken is not on the balance: no new card payment takes it twice.
    const another = await as(t.app, person)('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
      purpose: 'balance',
      idempotencyKey: 'key-balance-while-checked',
    });
    expect(another.statusCode).toBe(409);
    expect(another.json()).toMatchObject({ code: 'portal.card_payment_being_checked' });
    await t.deps.db
      .updateTable('case_tasks')
      .set({ status: 'done', done_at: START })
      .where('case_id', '=', caseId)
      .where('kind', '=', 'card_payment_check')
      .execute();
    const afterwards = await as(t.app, person)('POST', `/api/portal/v1/cases/${caseId}/card-payments`, {
      purpose: 'balance',
      idempotencyKey: 'key-balance-after-check',
    });
    expect(afterwards.statusCode, afterwards.body).toBe(201);
  });
});
