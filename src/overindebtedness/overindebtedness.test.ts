import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { verifyLedger } from '../ledger/verify.js';

const START = new Date('2026-11-25T09:00:00Z');

describe.each(ENGINES)('over-indebtedness on %s', (engine) => {
  let t: TestApp;
  let specialist: Session;
  let agent: Session;
  let horizon: Session;
  let energie: Session;

  const post = (session: Session, url: string, body: unknown) => as(t.app, session)('POST', url, body);

  /** A demo debtor with open cases at two creditors, else one with a single open case. */
  async function debtorWithCases(twoCreditors: boolean, skip: string[] = []) {
    const rows = await t.deps.db
      .selectFrom('cases')
      .select(['debtor_id', (eb) => eb.fn.count<number>('creditor_id').distinct().as('creditors')])
      .where('status', '=', 'open')
      .where('stage', 'in', ['amicable', 'plan'])
      .where('balance_cents', '>', 0)
      .$if(skip.length > 0, (q) => q.where('debtor_id', 'not in', skip))
      .groupBy('debtor_id')
      .orderBy('debtor_id')
      .execute();
    const row = rows.find((r) => Number(r.creditors) > 1 === twoCreditors);
    if (!row) throw new Error('no demo debtor fits');
    const cases = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'creditor_id', 'stage', 'balance_cents'])
      .where('debtor_id', '=', row.debtor_id)
      .where('status', '<>', 'closed')
      .orderBy('id')
      .execute();
    return { debtorId: row.debtor_id, cases };
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    specialist = await signIn(t.app, demoEmail('overindebtedness_specialist'));
    agent = await signIn(t.app, demoEmail('agent'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
  });
  afterAll(() => t.close());

  it('covers every open case of the debtor at every creditor, stops contact, and keeps each creditor to its own cases', async () => {
    const { debtorId, cases } = await debtorWithCases(true);
    expect(new Set(cases.map((c) => c.creditor_id)).size).toBeGreaterThan(1);
    expect((await post(agent, `/api/v1/debtors/${debtorId}/overindebtedness`, {})).statusCode).toBe(403);
    const filed = await post(specialist, `/api/v1/debtors/${debtorId}/overindebtedness`, {
      filedOn: '2026-11-20',
      fileReference: 'BDF-069-2026-0001',
      documentRef: 'Courrier du débiteur du 20/11',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const procedure = filed.json();
    expect(procedure).toMatchObject({ state: 'filed', country: 'FR', nextAction: { action: 'record_admissibility' } });
    // Decision expected within 3 months: 2027-02-20 is a Saturday → Monday 22 February (CPC 642).
    expect(procedure.deadlines).toEqual([
      expect.objectContaining({
        deadline: 'decision_expected',
        countEndsOn: '2027-02-20',
        dueOn: '2027-02-22',
        moved: true,
      }),
    ]);
    expect(procedure.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual(cases.map((c) => c.id).sort());
    const stages = await t.deps.db.selectFrom('cases').select('stage').where('debtor_id', '=', debtorId).execute();
    expect(stages.every((s) => s.stage === 'overindebtedness')).toBe(true);
    const again = await post(specialist, `/api/v1/debtors/${debtorId}/overindebtedness`, {
      filedOn: '2026-11-21',
      fileReference: 'BDF-2',
    });
    expect(again.json().code).toBe('overindebtedness.already_filed');

    // Admissible: every contact stops (the stay's hold), for every creditor's case.
    const admissible = await post(specialist, `/api/v1/overindebtedness/${procedure.id}/steps`, {
      state: 'admissible',
      on: '2026-11-24',
      documentRef: 'Notification de recevabilité',
    });
    expect(admissible.statusCode, admissible.body).toBe(200);
    expect(admissible.json().allowedActs).toEqual([]);
    for (const c of cases) {
      const permission = await as(t.app, agent)(
        'GET',
        `/api/v1/debtors/${debtorId}/contact-permission?channel=letter&caseId=${c.id}`,
      );
      expect(permission.json().allowed).toBe(false);
    }
    const holds = await t.deps.db
      .selectFrom('holds')
      .select(['kind', 'status'])
      .where('debtor_id', '=', debtorId)
      .orderBy('created_at')
      .execute();
    expect(holds.map((h) => `${h.kind}:${h.status}`)).toEqual([
      'overindebtedness_filed:lifted',
      'overindebtedness_admissible:active',
    ]);

    // Each creditor sees the state of its own cases only, without the file number or documents.
    for (const [session, creditorId] of [
      [horizon, horizon.creditorId],
      [energie, energie.creditorId],
    ] as const) {
      const own = cases.find((c) => c.creditor_id === creditorId);
      const other = cases.find((c) => c.creditor_id !== creditorId)!;
      expect((await as(t.app, session)('GET', `/api/v1/cases/${other.id}/overindebtedness`)).statusCode).toBe(404);
      expect((await as(t.app, session)('GET', `/api/v1/overindebtedness/${procedure.id}`)).statusCode).toBe(403);
      if (!own) continue;
      const seen = (await as(t.app, session)('GET', `/api/v1/cases/${own.id}/overindebtedness`)).json().procedure;
      expect(seen.state).toBe('admissible');
      expect(seen.fileReference).toBeNull();
      expect(seen.steps.every((s: { documentRef: string | null }) => s.documentRef === null)).toBe(true);
      expect(
        seen.cases.every((c: { caseId: string }) => cases.find((k) => k.id === c.caseId)!.creditor_id === creditorId),
      ).toBe(true);
    }
  });

  it('follows a file from admissible to imposed measures, then collects the imported plan’s instalments', async () => {
    const { debtorId, cases } = await debtorWithCases(false, await coveredDebtors());
    const [kase] = cases;
    const filed = (
      await post(specialist, `/api/v1/debtors/${debtorId}/overindebtedness`, {
        filedOn: '2026-09-01',
        fileReference: 'BDF-069-2026-0002',
        documentRef: 'Récépissé',
      })
    ).json();
    const step = (state: string, on: string, extra: object = {}) =>
      post(specialist, `/api/v1/overindebtedness/${filed.id}/steps`, {
        state,
        on,
        documentRef: `${state} ${on}`,
        ...extra,
      });
    expect((await step('mesures_imposees', '2026-09-05')).json().code).toBe('overindebtedness.wrong_step');
    expect((await step('admissible', '2026-11-26')).json().code).toBe('overindebtedness.step_in_future');
    expect((await step('admissible', '2026-09-10')).statusCode).toBe(200);
    const stated = (await step('liabilities_stated', '2026-09-15')).json();
    expect(stated.deadlines[0]).toMatchObject({ deadline: 'liabilities_proof', dueOn: '2026-10-15' });
    const task = await t.deps.db
      .selectFrom('case_tasks')
      .select(['kind', 'source'])
      .where('case_id', '=', kase!.id)
      .where('kind', '=', 'liabilities_statement')
      .executeTakeFirstOrThrow();
    const statement = (task.source as { statement: { totalCents: number }[] }).statement;
    expect(statement.reduce((sum, line) => sum + line.totalCents, 0)).toBe(Number(kase!.balance_cents));

    const measures = (await step('mesures_imposees', '2026-10-20')).json();
    // The 30 days to contest ended on 19 November: what comes next is due today.
    expect(measures.deadlines[0]).toMatchObject({ deadline: 'measures_contest', dueOn: '2026-11-19' });
    expect(measures.nextAction).toMatchObject({ action: 'record_measures_apply', dueOn: '2026-11-25' });
    // No plan may be agreed with the debtor meanwhile: only the commission's.
    const own = await post(agent, `/api/v1/cases/${kase!.id}/plans`, {
      kind: 'instalments',
      firstDueOn: '2026-12-05',
      months: 2,
    });
    expect(own.json().code).toBe('plans.overindebtedness');
    const applies = await step('plan_applies', '2026-11-23', {
      schedules: [
        {
          caseId: kase!.id,
          instalments: [
            { dueOn: '2027-01-05', amountCents: 5_000 },
            { dueOn: '2027-02-05', amountCents: 5_000 },
          ],
        },
      ],
    });
    expect(applies.statusCode, applies.body).toBe(200);
    // The procedure covers every case of the debtor: the plan is the one of the case the schedule was for.
    const covered = applies.json().cases as { caseId: string; planId: string | null }[];
    const planId = covered.find((c) => c.caseId === kase!.id)!.planId!;
    expect(planId).toEqual(expect.any(String));
    expect(applies.json().allowedActs).toEqual(['plan_instalment_request', 'plan_direct_debit']);
    // The plan's history and its version say why in the reader's language: a text by key, not French words.
    const imported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${kase!.id}/plans`,
      headers: { cookie: agent.cookie },
    });
    const because = { key: 'plan_commission_schedule', params: { decisionRef: 'plan_applies 2026-11-23' } };
    expect(imported.json().items[0]).toMatchObject({
      events: [
        { toStatus: 'proposed', reasonText: because, reason: null },
        { toStatus: 'agreed', reasonText: because, reason: null },
      ],
      versions: [{ reasonText: because, reason: null }],
    });
    const caseRow = await t.deps.db
      .selectFrom('cases')
      .select('stage')
      .where('id', '=', kase!.id)
      .executeTakeFirstOrThrow();
    expect(caseRow.stage).toBe('overindebtedness');

    const paid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'idempotency-key': `odi-instalment-${engine}` },
      payload: { caseId: kase!.id, amountCents: 5_000, channel: 'bank_transfer', receivedOn: '2026-11-25' },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const instalments = await t.deps.db
      .selectFrom('plan_instalments')
      .select(['number', 'status'])
      .where('plan_id', '=', planId)
      .orderBy('number')
      .execute();
    expect(instalments.map((i) => i.status)).toEqual(['paid', 'due']);
    const plan = await t.deps.db
      .selectFrom('plans')
      .select('status')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(['agreed', 'active']).toContain(plan.status);
  });

  it('erases the claims on a personal recovery: the case closes, the creditor is told, the ledger balances', async () => {
    const { debtorId, cases } = await debtorWithCases(false, await coveredDebtors());
    const filed = (
      await post(specialist, `/api/v1/debtors/${debtorId}/overindebtedness`, {
        filedOn: '2026-10-01',
        fileReference: 'BDF-069-2026-0003',
        documentRef: 'Récépissé',
      })
    ).json();
    const step = (state: string, on: string) =>
      post(specialist, `/api/v1/overindebtedness/${filed.id}/steps`, { state, on, documentRef: `${state} ${on}` });
    expect((await step('admissible', '2026-10-10')).statusCode).toBe(200);
    expect((await step('prp_sans_liquidation', '2026-10-15')).statusCode).toBe(200);
    const erased = await step('erased', '2026-11-20');
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({ state: 'erased', nextAction: null });
    const rows = await t.deps.db
      .selectFrom('cases')
      .select(['status', 'close_reason', 'balance_cents'])
      .where(
        'id',
        'in',
        cases.map((c) => c.id),
      )
      .execute();
    expect(rows.every((r) => r.status === 'closed' && r.close_reason === 'overindebtedness_erasure')).toBe(true);
    expect(rows.every((r) => Number(r.balance_cents) === 0)).toBe(true);
    const claims = await t.deps.db
      .selectFrom('claims')
      .select('status')
      .where(
        'case_id',
        'in',
        cases.map((c) => c.id),
      )
      .execute();
    expect(claims.every((c) => c.status !== 'open')).toBe(true);
    const verification = await verifyLedger(t.deps.db);
    expect(verification.ok, JSON.stringify(verification)).toBe(true);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('gives the specialist a queue of procedures ordered by the date of their next action', async () => {
    expect((await as(t.app, agent)('GET', '/api/v1/overindebtedness/queue')).statusCode).toBe(403);
    const queue = await as(t.app, specialist)('GET', '/api/v1/overindebtedness/queue');
    expect(queue.statusCode).toBe(200);
    const items = queue.json().items as { nextAction: { dueOn: string }; state: string; creditors: string[] }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    const dates = items.map((i) => i.nextAction.dueOn);
    expect(dates).toEqual([...dates].sort());
    expect(items.every((i) => i.state !== 'erased' && i.creditors.length > 0)).toBe(true);
  });

  async function coveredDebtors(): Promise<string[]> {
    const rows = await t.deps.db.selectFrom('overindebtedness_procedures').select('debtor_id').execute();
    return rows.map((r) => r.debtor_id);
  }
});
