import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { readPain008 } from './core/pain008.js';

const example = (name: string) => readFileSync(new URL(`../../examples/bank/${name}`, import.meta.url));
const SEPA = {
  SEPA_CREDITOR_NAME: 'Accord Recouvrement SAS',
  SEPA_CREDITOR_ID: 'FR62ZZZ8A4F21',
  SEPA_CREDITOR_IBAN: 'FR7630006000010001234560183',
  SEPA_CREDITOR_BIC: 'AGRIFRPPXXX',
};

describe.each(ENGINES)('bank files on %s', (engine) => {
  let t: TestApp;
  let manager: ReturnType<typeof as>;
  const caseIds = new Map<string, string>();

  async function upload(name: string) {
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/bank-statements?fileName=${name}`,
      headers: { ...managerHeaders, 'content-type': 'application/xml' },
      payload: example(name),
    });
  }
  let managerHeaders: Record<string, string> = {};

  /** Cases ACC-2026-900001…900007 of the example files, each with one open claim of 1,000.00. */
  async function seedCases() {
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
    for (let n = 1; n <= 7; n++) {
      const reference = `ACC-2026-90000${n}`;
      const debtor = await db
        .insertInto('debtors')
        .values({ kind: 'person', first_name: 'Test', last_name: `Banque-${n}`, language: 'fr' })
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
          opened_on: '2026-01-05',
          balance_cents: 100000,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('claims')
        .values({
          case_id: created.id,
          creditor_id: creditor.id,
          reference: `BANK-${n}`,
          contract_type: 'consumer_credit',
          principal_cents: 100000,
          default_on: '2025-06-01',
        })
        .execute();
      caseIds.set(reference, created.id);
    }
    const mandates: [string, string, string][] = [
      ['ACCORD-M-900001-01', 'ACC-2026-900001', 'FR7620041010050098765430211'],
      ['ACCORD-M-900002-01', 'ACC-2026-900002', 'FR7610278060760002021220339'],
      ['ACCORD-M-900005-01', 'ACC-2026-900005', 'FR7630003020000500012340625'],
      ['ACCORD-M-900006-01', 'ACC-2026-900006', 'FR7630002005500000157770824'],
    ];
    for (const [reference, caseReference, iban] of mandates) {
      const response = await manager('POST', '/api/v1/sepa-mandates', {
        reference,
        caseId: caseIds.get(caseReference),
        debtorName: 'Débiteur Test',
        debtorIban: iban,
        signedOn: '2026-01-10',
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    // The collections Accord issued in earlier pain.008 files, whose end-to-end ids the example statements carry.
    const issued: [string, string, number][] = [
      ['ACC-2026-900001-003-5E1F0C2A', 'ACC-2026-900001', 12000],
      ['ACC-2026-900002-002-9B7D41E0', 'ACC-2026-900002', 7550],
      ['ACC-2026-900006-001-C3A2D9F1', 'ACC-2026-900006', 8000],
    ];
    for (const [endToEndId, caseReference, cents] of issued) {
      const m = await db
        .selectFrom('sepa_mandates')
        .select('id')
        .where('case_id', '=', caseIds.get(caseReference)!)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('sepa_collections')
        .values({
          end_to_end_id: endToEndId,
          mandate_id: m.id,
          case_id: caseIds.get(caseReference)!,
          amount_cents: cents,
          collection_date: '2026-03-02',
          sequence: 'RCUR',
          message_id: 'EARLIER',
          issued_at: new Date('2026-02-25T08:00:00Z'),
        })
        .execute();
    }
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, config: SEPA });
    t.clock.now = new Date('2026-03-06T09:00:00Z');
    const session = await signIn(t.app, demoEmail('manager'));
    managerHeaders = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    manager = as(t.app, session);
    await seedCases();
  });
  afterAll(async () => t?.close());

  const statusOf = (report: {
    lines: {
      entryNumber: number;
      transactionNumber: number;
      status: string;
      reason: string;
      caseReference: string | null;
    }[];
  }) =>
    report.lines.map(
      (l) =>
        `${l.entryNumber}.${l.transactionNumber} ${l.status} ${l.reason}${l.caseReference ? ` ${l.caseReference}` : ''}`,
    );

  it('records the certain credits of a camt.054 notification', async () => {
    const response = await upload('camt054-notification.xml');
    expect(response.statusCode, response.body).toBe(201);
    expect(statusOf(response.json())).toEqual([
      '1.1 recorded end_to_end_id ACC-2026-900006',
      '2.1 recorded case_reference ACC-2026-900007',
    ]);
    const payment = await t.deps.db
      .selectFrom('payments')
      .selectAll()
      .where('case_id', '=', caseIds.get('ACC-2026-900006')!)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({
      channel: 'direct_debit',
      source: 'bank_statement',
      received_on: '2026-03-02',
      reference: 'ACC-2026-900006-001-C3A2D9F1',
      status: 'recorded',
    });
    expect(Number(payment.amount_cents)).toBe(8000);
  });

  it('imports the camt.053: matches recorded, uncertain ones queued, the duplicate ignored, the returned direct debit reversed', async () => {
    const response = await upload('camt053-statement.xml');
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({
      kind: 'camt.053',
      status: 'completed',
      counts: { recorded: 4, queued: 2, ignored: 3, reversed: 1 },
    });
    expect(statusOf(report)).toEqual([
      '1.1 recorded end_to_end_id ACC-2026-900001',
      '1.2 recorded end_to_end_id ACC-2026-900002',
      '2.1 recorded case_reference ACC-2026-900003',
      '3.1 recorded case_reference ACC-2026-900004',
      '4.1 queued iban ACC-2026-900005',
      '5.1 queued nothing',
      '6.1 ignored duplicate',
      '7.1 reversed return',
      '8.1 ignored not_a_credit',
      '9.1 ignored not_booked',
    ]);
    const reversed = await t.deps.db
      .selectFrom('payments')
      .selectAll()
      .where('case_id', '=', caseIds.get('ACC-2026-900006')!)
      .executeTakeFirstOrThrow();
    expect(reversed).toMatchObject({ status: 'reversed', reversal_kind: 'returned_direct_debit' });
    expect(reversed.reversal_reason).toContain('MD06');
    expect(report.lines.find((l: { entryNumber: number }) => l.entryNumber === 7).paymentId).toBe(reversed.id);
    const transfer = await t.deps.db
      .selectFrom('payments')
      .select(['channel', 'amount_cents'])
      .where('case_id', '=', caseIds.get('ACC-2026-900003')!)
      .execute();
    expect(transfer.map((p) => [p.channel, Number(p.amount_cents)])).toEqual([['bank_transfer', 25000]]);
  });

  it('changes nothing when the same statement is imported again', async () => {
    const count = async () => ({
      payments: Number(
        (
          await t.deps.db
            .selectFrom('payments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      ledger: Number(
        (
          await t.deps.db
            .selectFrom('ledger_transactions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      lines: Number(
        (
          await t.deps.db
            .selectFrom('bank_statement_lines')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      queue: Number(
        (
          await t.deps.db
            .selectFrom('bank_match_queue')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      audit: Number(
        (
          await t.deps.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const before = await count();
    const first = (await manager('GET', '/api/v1/bank-statements'))
      .json()
      .items.find((i: { kind: string }) => i.kind === 'camt.053');
    const again = await upload('camt053-statement.xml');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.id);
    expect(await count()).toEqual(before);
  });

  it('lets a person assign a queued credit (recorded once, however often) and dismiss another', async () => {
    const queue = (await manager('GET', '/api/v1/bank-match-queue')).json().items;
    expect(
      queue.map((i: { amountCents: number; confidence: string; reason: string }) => [
        i.amountCents,
        i.confidence,
        i.reason,
      ]),
    ).toEqual([
      [9000, 'probable', 'iban'],
      [4500, 'none', 'nothing'],
    ]);
    const [byIban, unknown] = queue;
    expect(byIban.suggestedCase.reference).toBe('ACC-2026-900005');
    const assign = () =>
      manager('POST', `/api/v1/bank-match-queue/${byIban.id}/assignment`, {
        caseId: caseIds.get('ACC-2026-900005'),
        note: 'IBAN du mandat',
      });
    const first = await assign();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'assigned', assignedCaseId: caseIds.get('ACC-2026-900005') });
    expect((await assign()).json().paymentId).toBe(first.json().paymentId);
    const elsewhere = await manager('POST', `/api/v1/bank-match-queue/${byIban.id}/assignment`, {
      caseId: caseIds.get('ACC-2026-900004'),
    });
    expect(elsewhere.json().code).toBe('bank_files.queue_item_closed');
    expect(
      (
        await t.deps.db
          .selectFrom('payments')
          .select('id')
          .where('case_id', '=', caseIds.get('ACC-2026-900005')!)
          .execute()
      ).length,
    ).toBe(1);
    const dismissed = await manager('POST', `/api/v1/bank-match-queue/${unknown.id}/dismissal`, {
      note: 'Virement sans référence : retourné au payeur',
    });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
    expect((await manager('GET', '/api/v1/bank-match-queue')).json().items).toEqual([]);
  });

  it('refuses statements it cannot read exactly, naming the entry', async () => {
    const bad = example('camt053-statement.xml')
      .toString('utf8')
      .replace('<Amt Ccy="EUR">60.00</Amt>', '<Amt Ccy="EUR">60.001</Amt>');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bank-statements',
      headers: { ...managerHeaders, 'content-type': 'application/xml' },
      payload: bad,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'bank_files.amount_invalid' });
    expect(response.json().detail).toContain('entry 3');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bank-statements',
      headers: { ...managerHeaders, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.statusCode).toBe(415);
  });

  it('keeps SEPA mandates with checked IBANs and unique references', async () => {
    const caseId = caseIds.get('ACC-2026-900007');
    const badIban = await manager('POST', '/api/v1/sepa-mandates', {
      reference: 'ACCORD-M-900007-01',
      caseId,
      debtorName: 'T. Moreau',
      debtorIban: 'FR7630006000010001234560184',
      signedOn: '2026-02-01',
    });
    expect(badIban.json().code).toBe('sepa_mandates.iban_invalid');
    const taken = await manager('POST', '/api/v1/sepa-mandates', {
      reference: 'ACCORD-M-900001-01',
      caseId,
      debtorName: 'T. Moreau',
      debtorIban: 'DE89370400440532013000',
      signedOn: '2026-02-01',
    });
    expect(taken.json().code).toBe('sepa_mandates.reference_taken');
    const created = await manager('POST', '/api/v1/sepa-mandates', {
      reference: 'ACCORD-M-900007-01',
      caseId,
      debtorName: 'T. Moreau',
      debtorIban: 'de89 3704 0044 0532 0130 00',
      signedOn: '2026-02-01',
    });
    expect(created.json()).toMatchObject({ debtorIban: 'DE89370400440532013000', sequence: 'first', status: 'active' });
    const amended = await manager('PATCH', `/api/v1/sepa-mandates/${created.json().id}`, { debtorBic: 'COBADEFFXXX' });
    expect(amended.json().debtorBic).toBe('COBADEFFXXX');
    const revoked = await manager('POST', `/api/v1/sepa-mandates/${created.json().id}/revocation`, {
      reason: 'Le débiteur a changé de banque',
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await manager('GET', `/api/v1/sepa-mandates?caseId=${caseId}`)).json().items).toHaveLength(1);
  });

  it('produces the pain.008 of the instalments due on a date: FRST then RCUR, every end-to-end id, exact sums', async () => {
    const db = t.deps.db;
    const users = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('agent'))
      .executeTakeFirstOrThrow();
    const planFor = async (caseReference: string, amounts: number[], ids: string[]) => {
      const c = await db
        .selectFrom('cases')
        .select(['id', 'debtor_id', 'creditor_id'])
        .where('reference', '=', caseReference)
        .executeTakeFirstOrThrow();
      const assessment = await db
        .insertInto('debtor_assessments')
        .values({
          debtor_id: c.debtor_id,
          version: 1,
          assessed_on: '2026-01-15',
          input: '{}',
          result: '{}',
          capacity_cents: 50000,
          binding_constraint: 'expenses',
          recorded_by: users.id,
          recorded_at: new Date('2026-01-15T10:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const plan = await db
        .insertInto('plans')
        .values({
          case_id: c.id,
          debtor_id: c.debtor_id,
          creditor_id: c.creditor_id,
          status: 'active',
          current_version: 1,
          created_at: new Date('2026-01-15T10:00:00Z'),
          updated_at: new Date('2026-01-15T10:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const total = amounts.reduce((s, a) => s + a, 0);
      const version = await db
        .insertInto('plan_versions')
        .values({
          plan_id: plan.id,
          version: 1,
          kind: 'instalments',
          reason: 'test',
          balance_cents: 100000,
          agreed_cents: total,
          discount_cents: 0,
          capacity_cents: 50000,
          assessment_id: assessment.id,
          max_plan_months: 84,
          max_discount_bp: 0,
          authority: '{}',
          approval_reasons: '[]',
          knowingly_above_capacity: false,
          created_at: new Date('2026-01-15T10:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('plan_instalments')
        .values(
          amounts.map((amount, index) => ({
            id: ids[index]!,
            plan_id: plan.id,
            plan_version_id: version.id,
            number: index + 1,
            due_on: index === 0 ? '2026-04-05' : '2026-05-05',
            amount_cents: amount,
          })),
        )
        .execute();
    };
    await planFor(
      'ACC-2026-900001',
      [3333, 3334],
      ['11111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-222222222222'],
    );
    await planFor('ACC-2026-900002', [1], ['22222222-2222-4222-8222-111111111111']);
    await db
      .updateTable('sepa_mandates')
      .set({ sequence: 'recurring' })
      .where('reference', '=', 'ACCORD-M-900002-01')
      .execute();
    await planFor('ACC-2026-900004', [5000], ['44444444-4444-4444-8444-111111111111']); // no mandate: not collected
    // A mandate and a plan, but the debtor's over-indebtedness file is admissible: the stay forbids any direct debit.
    await planFor('ACC-2026-900005', [777], ['55555555-5555-4555-8555-111111111111']);
    const stayed = await db
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'creditor_id'])
      .where('reference', '=', 'ACC-2026-900005')
      .executeTakeFirstOrThrow();
    const procedure = await db
      .insertInto('overindebtedness_procedures')
      .values({
        debtor_id: stayed.debtor_id,
        country: 'FR',
        file_reference: 'BDF-TEST-900005',
        filed_on: '2026-03-01',
        state: 'admissible',
        state_on: '2026-03-20',
        created_at: new Date('2026-03-01T10:00:00Z'),
        updated_at: new Date('2026-03-20T10:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('overindebtedness_cases')
      .values({
        procedure_id: procedure.id,
        case_id: stayed.id,
        creditor_id: stayed.creditor_id,
        stage_before: 'amicable',
      })
      .execute();

    const response = await manager('GET', '/api/v1/direct-debits/pain008?date=2026-04-05');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    const file = readPain008(response.body);
    expect(file.numberOfTransactions).toBe(2);
    expect(file.controlSumCents).toBe(3334);
    expect(file.payments.map((p) => [p.sequence, p.endToEndIds, p.controlSumCents])).toEqual([
      ['FRST', ['ACC-2026-900001-001-11111111'], 3333],
      ['RCUR', ['ACC-2026-900002-001-22222222'], 1],
    ]);
    // The same date again: the same collections (a download again); the next month: RCUR for the first mandate.
    expect(
      readPain008((await manager('GET', '/api/v1/direct-debits/pain008?date=2026-04-05')).body).payments.map(
        (p) => p.endToEndIds,
      ),
    ).toEqual(file.payments.map((p) => p.endToEndIds));
    const may = readPain008((await manager('GET', '/api/v1/direct-debits/pain008?date=2026-05-05')).body);
    expect(may.payments.map((p) => [p.sequence, p.endToEndIds])).toEqual([['RCUR', ['ACC-2026-900001-002-11111111']]]);
    expect((await manager('GET', '/api/v1/direct-debits/pain008?date=2026-06-05')).json().code).toBe(
      'bank_files.nothing_to_collect',
    );
    expect((await manager('GET', '/api/v1/direct-debits/pain008?date=2026-02-30')).statusCode).toBe(400);

    // Once the commission's plan applies, only that plan is collected: this one is, the stayed one never was.
    const stayedPlan = await db
      .selectFrom('plans')
      .select('id')
      .where('case_id', '=', stayed.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('overindebtedness_procedures')
      .set({ state: 'plan_applies' })
      .where('id', '=', procedure.id)
      .execute();
    await db
      .updateTable('overindebtedness_cases')
      .set({ plan_id: stayedPlan.id })
      .where('procedure_id', '=', procedure.id)
      .execute();
    const applied = readPain008((await manager('GET', '/api/v1/direct-debits/pain008?date=2026-04-05')).body);
    expect(applied.payments.flatMap((p) => p.endToEndIds)).toContain('ACC-2026-900005-001-55555555');
  });

  it('keeps the audit trail intact', async () => {
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
