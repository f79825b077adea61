import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { MAX_AMOUNT_CENTS } from '../platform/money.js';
import { refreshPerformance } from '../reporting/refresh-performance.js';

/** Every amount the money routes take is bounded, payments are dated within the case's life, payer IBANs are IBANs. */
describe.each(ENGINES)('amounts, dates and IBANs of payments on %s', (engine) => {
  let t: TestApp;
  let leader: ReturnType<typeof as>;
  let manager: ReturnType<typeof as>;
  let headers: Record<string, string> = {};
  let caseId = '';
  let claimId = '';
  let debtorId = '';
  let keys = 0;

  const pay = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { ...headers, 'idempotency-key': `payment-input-${(keys += 1)}` },
      payload: { caseId, amountCents: 1_000, channel: 'bank_transfer', receivedOn: '2026-11-20', ...body },
    });

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    t.clock.now = new Date('2026-11-24T10:00:00Z');
    const session = await signIn(t.app, demoEmail('team_leader'));
    headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    leader = as(t.app, session);
    manager = as(t.app, await signIn(t.app, demoEmail('manager')));
    const db = t.deps.db;
    const creditor = await db
      .selectFrom('creditors')
      .select('id')
      .where('code', '=', 'BHORIZON')
      .executeTakeFirstOrThrow();
    const mandate = await db
      .selectFrom('mandates')
      .select('id')
      .where('creditor_id', '=', creditor.id)
      .executeTakeFirstOrThrow();
    const debtor = await db
      .insertInto('debtors')
      .values({ kind: 'person', first_name: 'Marc', last_name: 'Bornes', language: 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    debtorId = debtor.id;
    const created = await db
      .insertInto('cases')
      .values({
        reference: 'TEST-BOUNDS-1',
        creditor_id: creditor.id,
        mandate_id: mandate.id,
        debtor_id: debtor.id,
        stage: 'amicable',
        opened_on: '2026-10-01',
        balance_cents: 100_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    caseId = created.id;
    const claim = await db
      .insertInto('claims')
      .values({
        case_id: caseId,
        creditor_id: creditor.id,
        reference: 'TEST-BOUNDS-1-C',
        contract_type: 'consumer_credit',
        principal_cents: 100_000,
        default_on: '2025-06-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    claimId = claim.id;
  });
  afterAll(async () => t?.close());

  it('refuses a claim correction of 2^53-1 cents, and the dashboard still answers', async () => {
    for (const amountCents of [Number.MAX_SAFE_INTEGER, MAX_AMOUNT_CENTS + 1, -(MAX_AMOUNT_CENTS + 1), 0]) {
      const refused = await leader('POST', `/api/v1/claims/${claimId}/adjustments`, {
        component: 'fees',
        amountCents,
        reason: 'Frais de relance',
      });
      expect(refused.statusCode, `${amountCents}: ${refused.body}`).toBe(400);
      expect(refused.json().code).toBe('request.validation_failed');
    }
    const largest = await leader('POST', `/api/v1/claims/${claimId}/adjustments`, {
      component: 'fees',
      amountCents: MAX_AMOUNT_CENTS,
      reason: 'Frais de relance',
    });
    expect(largest.statusCode, largest.body).toBe(200);
    expect(largest.json().owedCents).toBe(MAX_AMOUNT_CENTS);
    // The dashboard reads today's snapshot, which the five-minute refresh rewrites.
    await refreshPerformance(t.deps);
    const dashboard = await manager('GET', '/api/v1/dashboard');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().balanceCents).toBeGreaterThan(MAX_AMOUNT_CENTS);
    expect(
      (
        await leader('POST', `/api/v1/claims/${claimId}/adjustments`, {
          component: 'fees',
          amountCents: -MAX_AMOUNT_CENTS,
          reason: 'Erreur de saisie',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses payments and refunds beyond the bound of one amount', async () => {
    for (const amountCents of [Number.MAX_SAFE_INTEGER, MAX_AMOUNT_CENTS + 1, 0, 1.5]) {
      const refused = await pay({ amountCents });
      expect(refused.statusCode, `${amountCents}: ${refused.body}`).toBe(400);
    }
    const refund = await leader('POST', `/api/v1/debtors/${debtorId}/credit/refunds`, {
      amountCents: Number.MAX_SAFE_INTEGER,
      reason: 'Remboursement',
    });
    expect(refund.statusCode).toBe(400);
  });

  it('refuses payments dated before 2000, before the case was opened, or after today in the agency and debtor zones', async () => {
    const early = await pay({ receivedOn: '1999-12-31' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('payments.received_too_early');
    const beforeCase = await pay({ receivedOn: '2026-09-30' });
    expect(beforeCase.statusCode).toBe(422);
    expect(beforeCase.json()).toMatchObject({ code: 'payments.received_before_case' });
    expect(beforeCase.json().detail).toContain('opened on 2026-10-01');
    const tomorrow = await pay({ receivedOn: '2026-11-25' });
    expect(tomorrow.statusCode).toBe(422);
    expect(tomorrow.json().code).toBe('payments.received_in_future');
    expect((await pay({ receivedOn: '2026-10-01' })).statusCode).toBe(201);
  });

  it('refuses a payer IBAN that is not an IBAN, and stores a valid one in electronic form', async () => {
    for (const payerIban of ['FR7630006000011234567890188', 'FR76 3000', 'not an iban', '']) {
      const refused = await pay({ payerIban });
      expect(refused.statusCode, `${payerIban}: ${refused.body}`).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'payments.payer_iban_invalid', field: 'payerIban' });
    }
    const accepted = await pay({ payerIban: 'fr76 3000 6000 0112 3456 7890 189' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const stored = await t.deps.db
      .selectFrom('payments')
      .select('payer_iban')
      .where('id', '=', accepted.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.payer_iban).toBe('FR7630006000011234567890189');
  });

  it('refuses a SEPA mandate whose IBAN is not valid', async () => {
    const refused = await manager('POST', '/api/v1/sepa-mandates', {
      reference: 'RUM-BOUNDS-1',
      caseId,
      debtorName: 'Marc Bornes',
      debtorIban: 'FR7630006000011234567890188',
      signedOn: '2026-11-20',
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().code).toBe('sepa_mandates.iban_invalid');
  });

  it('takes a payment dated today in Paris while it is still yesterday in UTC (last: the clock moves on)', async () => {
    // 23:30 UTC on 24 November is already 25 November in Paris: a payment of that day is today's, not the future's.
    t.clock.now = new Date('2026-11-24T23:30:00Z');
    const session = await signIn(t.app, demoEmail('team_leader'));
    headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    expect((await pay({ receivedOn: '2026-11-25' })).statusCode).toBe(201);
    expect((await pay({ receivedOn: '2026-11-26' })).json().code).toBe('payments.received_in_future');
  });
});
