import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { addDays, agencyToday } from '../platform/calendar/index.js';

/** Capacity 200 € a month (the worked example of REGULATION.md with expenses of 2,000). */
const BUDGET = {
  date: '2026-01-05',
  household: { adults: 2, children: 2, dependants: 3 },
  resources: [{ type: 'salary', amountCents: 220000 }],
  expenses: [{ category: 'housing', amountCents: 200000 }],
};

/** A camt.054 notification of one credit of `cents` booked on `day`, naming the case in its remittance text. */
function notification(id: string, day: string, caseReference: string, cents: number): string {
  const amount = (cents / 100).toFixed(2);
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>MIDNIGHT-${id}</MsgId><CreDtTm>${day}T00:20:00+01:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>NTF-${id}</Id>
      <Acct><Id><IBAN>FR7630006000010001234560183</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <NtryRef>1</NtryRef>
        <Amt Ccy="EUR">${amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${day}</Dt></BookgDt>
        <ValDt><Dt>${day}</Dt></ValDt>
        <AcctSvcrRef>${id}-CT-1</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <Amt Ccy="EUR">${amount}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Pty><Nm>Paul Minuit</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Ustrd>Paiement dossier ${caseReference}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>`;
}

/**
 * Between midnight and 01:00 (winter) or 02:00 (summer) in Paris it is still yesterday in UTC. A payment dated the
 * Paris day must be accepted wherever a payment date is checked: the payments route and service, a plan's
 * instalments (paid by the payment, or marked paid by an agent), the bank statement import; and a mandate signed
 * that day too. The agency's today is the reference (AGENCY_TZ, Paris by default).
 */
describe.each(ENGINES)('a payment dated the Paris day at 00:30 Paris time, on %s', (engine) => {
  let t: TestApp;
  let leader: Session;
  let sequence = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, config: { AGENCY_TZ: 'Europe/Paris' } });
    await setClock('2026-01-10T10:00:00Z');
    const creditor = await t.deps.db
      .selectFrom('creditors')
      .select('id')
      .where('code', '=', 'BHORIZON')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('mandates')
      .set({ max_plan_months: 24 })
      .where('creditor_id', '=', creditor.id)
      .execute();
  });
  afterAll(async () => t?.close());

  /** Moves the clock, and signs in again (a session ends after hours without use). */
  async function setClock(at: string) {
    t.clock.now = new Date(at);
    leader = await signIn(t.app, demoEmail('team_leader'));
  }

  /** A new debtor living in `place`, with one case owing 1,000 €. */
  async function freshCase(
    place: { subdivision: string; postalCode: string; timeZone: string } = {
      subdivision: '75',
      postalCode: '75011',
      timeZone: 'Europe/Paris',
    },
  ) {
    sequence += 1;
    const reference = `ACC-2026-95${String(sequence).padStart(4, '0')}`;
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
      .values({ kind: 'person', first_name: 'Paul', last_name: `Minuit-${sequence}`, language: 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('debtor_addresses')
      .values({
        debtor_id: debtor.id,
        line1: '1 rue de la Nuit',
        postal_code: place.postalCode,
        city: 'Ville',
        country: 'FR',
        subdivision: place.subdivision,
        time_zone: place.timeZone,
      })
      .execute();
    const created = await db
      .insertInto('cases')
      .values({
        reference,
        creditor_id: creditor.id,
        mandate_id: mandate.id,
        debtor_id: debtor.id,
        stage: 'amicable',
        opened_on: '2026-01-02',
        balance_cents: 100_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('claims')
      .values({
        case_id: created.id,
        creditor_id: creditor.id,
        reference: `${reference}-1`,
        contract_type: 'consumer_credit',
        principal_cents: 100_000,
        default_on: '2025-06-01',
      })
      .execute();
    return { caseId: created.id, debtorId: debtor.id, reference };
  }

  /** An agreed plan of 5 × 200 € on the case, first due on `firstDueOn`. */
  async function agreedPlan(debtorId: string, caseId: string, firstDueOn: string): Promise<string> {
    const assessed = await as(t.app, leader)('POST', `/api/v1/debtors/${debtorId}/assessments`, BUDGET);
    expect(assessed.statusCode, assessed.body).toBe(201);
    const created = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/plans`, {
      kind: 'instalments',
      firstDueOn,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'agreed' });
    return created.json().id;
  }

  const pay = (key: string, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf, 'idempotency-key': key },
      payload: body,
    });

  const instalment = async (planId: string, number: number) =>
    t.deps.db
      .selectFrom('plan_instalments')
      .innerJoin('plan_versions', 'plan_versions.id', 'plan_instalments.plan_version_id')
      .select(['plan_instalments.status', 'plan_instalments.paid_on'])
      .where('plan_versions.plan_id', '=', planId)
      .where('plan_instalments.number', '=', number)
      .executeTakeFirstOrThrow();

  for (const [season, at, parisDay] of [
    ['winter (UTC+1)', '2026-01-15T23:30:00Z', '2026-01-16'],
    ['summer (UTC+2)', '2026-07-15T22:30:00Z', '2026-07-16'],
  ] as const) {
    it(`accepts it everywhere a payment date is checked, in ${season}`, async () => {
      await setClock('2026-01-10T10:00:00Z');
      const paid = await freshCase();
      const paidPlan = await agreedPlan(paid.debtorId, paid.caseId, '2026-01-12');
      const marked = await freshCase();
      const markedPlan = await agreedPlan(marked.debtorId, marked.caseId, '2026-01-12');
      const banked = await freshCase();
      const settled = await freshCase();

      await setClock(at);
      expect(agencyToday(t.clock.now, t.deps.config)).toBe(parisDay);
      expect(t.clock.now.toISOString().slice(0, 10)).toBe(addDays(parisDay, -1)); // still yesterday in UTC

      // The payments route (its zod schema and the service), and the plan instalment the payment pays.
      const payment = await pay(`midnight-${season}-route`, {
        caseId: paid.caseId,
        amountCents: 20_000,
        channel: 'bank_transfer',
        receivedOn: parisDay,
      });
      expect(payment.statusCode, payment.body).toBe(201);
      expect(await instalment(paidPlan, 1)).toEqual({ status: 'paid', paid_on: parisDay });

      // A plan's instalment marked paid by an agent.
      const mark = await as(t.app, leader)('POST', `/api/v1/plans/${markedPlan}/instalments/1/payment`, {
        paidOn: parisDay,
        reference: `VIR-${season}`,
      });
      expect(mark.statusCode, mark.body).toBe(200);
      expect(await instalment(markedPlan, 1)).toEqual({ status: 'paid', paid_on: parisDay });

      // The bank statement import records the credit booked that day.
      const upload = await t.app.inject({
        method: 'POST',
        url: `/api/v1/bank-statements?fileName=midnight-${season.slice(0, 6)}.xml`,
        headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf, 'content-type': 'application/xml' },
        payload: notification(season.slice(0, 6), parisDay, banked.reference, 5_000),
      });
      expect(upload.statusCode, upload.body).toBe(201);
      expect(
        upload.json().lines.map((line: { status: string; reason: string }) => `${line.status} ${line.reason}`),
      ).toEqual(['recorded case_reference']);
      const bankPayment = await t.deps.db
        .selectFrom('payments')
        .select(['received_on', 'source'])
        .where('case_id', '=', banked.caseId)
        .executeTakeFirstOrThrow();
      expect(bankPayment).toEqual({ received_on: parisDay, source: 'bank_statement' });

      // A SEPA mandate signed that day.
      const mandate = await as(t.app, leader)('POST', '/api/v1/sepa-mandates', {
        reference: `ACCORD-M-MIDNIGHT-${season.slice(0, 6)}`,
        caseId: banked.caseId,
        debtorName: 'Paul Minuit',
        debtorIban: 'FR7630002005500000157770824',
        signedOn: parisDay,
      });
      expect(mandate.statusCode, mandate.body).toBe(201);

      // Paid in full: the case closes on the Paris day.
      const full = await pay(`midnight-${season}-full`, {
        caseId: settled.caseId,
        amountCents: 100_000,
        channel: 'cheque',
        receivedOn: parisDay,
      });
      expect(full.statusCode, full.body).toBe(201);
      expect(
        await t.deps.db
          .selectFrom('cases')
          .select(['status', 'closed_on'])
          .where('id', '=', settled.caseId)
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: 'closed', closed_on: parisDay });

      // The next Paris day is still the future, for every check.
      const tomorrow = addDays(parisDay, 1);
      const early = await pay(`midnight-${season}-tomorrow`, {
        caseId: paid.caseId,
        amountCents: 100,
        channel: 'card',
        receivedOn: tomorrow,
      });
      expect(early.json()).toMatchObject({ code: 'payments.received_in_future' });
      const earlyMark = await as(t.app, leader)('POST', `/api/v1/plans/${markedPlan}/instalments/2/payment`, {
        paidOn: tomorrow,
        reference: `VIR-${season}-2`,
      });
      expect(earlyMark.json()).toMatchObject({ code: 'plans.paid_in_future' });
      const earlyMandate = await as(t.app, leader)('POST', '/api/v1/sepa-mandates', {
        reference: `ACCORD-M-EARLY-${season.slice(0, 6)}`,
        caseId: paid.caseId,
        debtorName: 'Paul Minuit',
        debtorIban: 'FR7630002005500000157770824',
        signedOn: tomorrow,
      });
      expect(earlyMandate.json()).toMatchObject({ code: 'sepa_mandates.signed_in_future' });
    });
  }

  it("pays a plan's instalment with a payment dated the debtor's today, ahead of Paris (Réunion, UTC+4)", async () => {
    await setClock('2026-01-10T10:00:00Z');
    const reunion = await freshCase({ subdivision: '974', postalCode: '97400', timeZone: 'Indian/Reunion' });
    const plan = await agreedPlan(reunion.debtorId, reunion.caseId, '2026-01-12');
    // 22:30 in Paris on the 15th, 01:30 on the 16th in Saint-Denis: the payment service accepts the debtor's day,
    // and so must the plan, which it pays after the payment commits.
    await setClock('2026-01-15T21:30:00Z');
    const payment = await pay('midnight-reunion', {
      caseId: reunion.caseId,
      amountCents: 20_000,
      channel: 'cash_partner',
      receivedOn: '2026-01-16',
    });
    expect(payment.statusCode, payment.body).toBe(201);
    expect(await instalment(plan, 1)).toEqual({ status: 'paid', paid_on: '2026-01-16' });
  });
});
