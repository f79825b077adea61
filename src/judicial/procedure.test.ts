import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { INITIAL_DEADLINE_RULES as OI_DEADLINE_RULES } from '../overindebtedness/core/deadline-rules.js';
import { INITIAL_FEE_TABLES, proportionalFeeCents } from './core/costs.js';
import { INITIAL_DEADLINE_RULES } from './core/procedure-deadlines.js';

// Wednesday 25 November 2026; the opposition's month from that day ends on Christmas, moved to Monday 28 December.
const START = new Date('2026-11-25T09:00:00Z');

describe.each(ENGINES)('a judicial procedure on %s', (engine) => {
  let t: TestApp;
  let judicial: Session;
  let agent: Session;
  let horizon: Session;
  let energie: Session;
  let caseId: string;

  const procedure = (session: Session) => as(t.app, session)('GET', `/api/v1/cases/${caseId}/judicial-procedure`);
  const step = (kind: string, occurredOn: string, extra: Record<string, unknown> = {}) =>
    as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/judicial-procedure/steps`, { kind, occurredOn, ...extra });

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    judicial = await signIn(t.app, demoEmail('judicial_specialist'));
    agent = await signIn(t.app, demoEmail('agent'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const open = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id'])
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where('c.balance_cents', '>', 20_000)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('judicial_procedures as p').select('p.id').whereRef('p.case_id', '=', 'c.id'))),
      )
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    caseId = open.id;
  });
  afterAll(() => t.close());

  it('refuses to open a procedure before the case is at the judicial stage, then opens the injonction', async () => {
    const early = await as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/judicial-procedure`, {
      route: 'injonction_de_payer',
    });
    expect(early.json().code).toBe('judicial_procedure.not_judicial_stage');
    // The review's escalation moves the case (another capability); the fixture puts it there.
    await t.deps.db.updateTable('cases').set({ stage: 'judicial' }).where('id', '=', caseId).execute();
    const queue = await as(t.app, judicial)('GET', '/api/v1/judicial/procedures/queue');
    expect(queue.statusCode, queue.body).toBe(200);
    const waiting = queue.json().items.find((item: { caseId: string }) => item.caseId === caseId);
    expect(waiting).toMatchObject({ state: null, next: { action: 'open_procedure', dueOn: '2026-11-25' } });
    expect(queue.json().items[0].next.action).toBe('open_procedure');

    const noRoute = await as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/judicial-procedure`, {});
    expect(noRoute.json().code).toBe('judicial_procedure.route_required');
    expect((await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/judicial-procedure`, {})).statusCode).toBe(403);
    // The partner handling it is one of the agency's active partners, or none yet.
    const partnerOf = async (firmName: string) => {
      const made = await as(t.app, judicial)('POST', '/api/v1/judicial-partners', {
        firmName,
        kind: 'commissaire_de_justice',
        address: '3 rue de la République, 69001 Lyon',
        channel: 'email',
        email: 'etude@example.test',
        area: 'Cour d’appel de Lyon',
      });
      expect(made.statusCode, made.body).toBe(201);
      return made.json().id as string;
    };
    const unknown = await as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/judicial-procedure`, {
      route: 'injonction_de_payer',
      partnerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const retired = await partnerOf('SCP Ancienne Étude');
    await t.deps.db.updateTable('judicial_partners').set({ active: false }).where('id', '=', retired).execute();
    const inactive = await as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/judicial-procedure`, {
      route: 'injonction_de_payer',
      partnerId: retired,
    });
    expect(inactive.json().code).toBe('judicial_procedure.partner_inactive');
    const partnerId = await partnerOf('SCP Lyon Recouvrement');
    const opened = await as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/judicial-procedure`, {
      route: 'injonction_de_payer',
      partnerId,
      note: 'Requête à déposer au tribunal judiciaire du domicile.',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ partnerId, partnerName: 'SCP Lyon Recouvrement' });
    expect(opened.json()).toMatchObject({
      route: 'injonction_de_payer',
      state: 'requete_to_file',
      next: { action: 'file_requete', dueOn: '2026-11-25' },
      collection: { amicable_contact: true, enforcement: false },
    });
    expect(opened.json().allowedSteps).toContain('requete_filed');
  });

  it('counts with the figures of law the database holds, which a compliance officer adds to from a day on', async () => {
    const compliance = await signIn(t.app, demoEmail('compliance_officer'));
    const figures = await as(t.app, judicial)('GET', '/api/v1/legal-figures');
    expect(figures.statusCode, figures.body).toBe(200);
    // The rows migration 0047 seeds are the ones the pure cores are tested with.
    const seeded = (procedure: string) =>
      figures
        .json()
        .deadlines.filter((row: { procedure: string }) => row.procedure === procedure)
        .map(({ procedure: _p, inForce: _i, ...rule }: Record<string, unknown>) => rule);
    const byDeadline = (a: { deadline: string }, b: { deadline: string }) =>
      a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0;
    expect(seeded('judicial')).toEqual([...INITIAL_DEADLINE_RULES].sort(byDeadline));
    expect(seeded('overindebtedness')).toEqual([...OI_DEADLINE_RULES].sort(byDeadline));
    expect(figures.json().feeTables.map(({ inForce: _i, ...table }: Record<string, unknown>) => table)).toEqual(
      INITIAL_FEE_TABLES,
    );
    expect((await as(t.app, horizon)('GET', '/api/v1/legal-figures')).statusCode).toBe(403);

    // The service's 6 months, say, become 4 from tomorrow: only counts starting from tomorrow use it.
    const row = {
      procedure: 'judicial',
      deadline: 'service',
      amount: 4,
      unit: 'months',
      movesToWorkingDay: true,
      tag: 'check',
      source: 'CPC 1411 (test correction)',
      validFrom: '2026-11-26',
    };
    const post = (session: Session, body: object) =>
      as(t.app, session)('POST', '/api/v1/legal-figures/deadlines', body);
    expect((await post(judicial, row)).statusCode).toBe(403);
    const past = await post(compliance, { ...row, validFrom: '2026-11-24' });
    expect(past.json().code).toBe('legal_figures.valid_from_past');
    expect((await post(compliance, { ...row, procedure: 'overindebtedness' })).statusCode).toBe(400);
    const added = await post(compliance, row);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ deadline: 'service', amount: 4, inForce: false });
    expect((await post(compliance, row)).json().code).toBe('legal_figures.already_dated');
    const after = (await as(t.app, judicial)('GET', '/api/v1/legal-figures')).json();
    const service = after.deadlines.filter((r: { deadline: string }) => r.deadline === 'service');
    expect(service.map((r: { amount: number; inForce: boolean }) => [r.amount, r.inForce])).toEqual([
      [6, true],
      [4, false],
    ]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'reference_data.procedure_deadline.added')
      .execute();
    expect(audit).toEqual([
      { action: 'reference_data.procedure_deadline.added', target_id: 'judicial:service:2026-11-26' },
    ]);
  });

  it('follows the requête, the ordonnance, the service and the opposition’s month to a final title', async () => {
    const filed = await step('requete_filed', '2026-11-25');
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().state).toBe('requete_filed');
    expect((await step('served', '2026-11-25')).json().code).toBe('judicial_procedure.step_not_allowed');
    // Issued today: the service's count starts before the 4-month figure added from tomorrow, and keeps 6 months.
    const issued = await step('ordonnance_issued', '2026-11-25', { reportedBy: 'partner' });
    expect(issued.json()).toMatchObject({
      state: 'ordonnance_issued',
      next: { action: 'serve_ordonnance', deadline: { kind: 'service', on: '2027-05-25' } },
    });
    const served = await step('served', '2026-11-25', { note: 'Signifiée à personne.' });
    expect(served.json()).toMatchObject({
      state: 'served',
      deadlines: [{ kind: 'opposition', on: '2026-12-28' }],
      next: { action: 'await_opposition_window', dueOn: '2026-12-29' },
      collection: { enforcement: false },
    });
    expect((await step('opposition_window_closed', '2026-11-25')).json().code).toBe(
      'judicial_procedure.deadline_not_reached',
    );
    expect((await step('bank_seized', '2026-11-25')).json().code).toBe('judicial_procedure.step_not_allowed');

    t.clock.now = new Date('2026-12-29T09:00:00Z');
    judicial = await signIn(t.app, demoEmail('judicial_specialist'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const final = await step('opposition_window_closed', '2026-12-29');
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json()).toMatchObject({
      state: 'titled',
      titleObtainedOn: '2026-12-29',
      titleExpiresOn: '2036-12-29',
      collection: { enforcement: true },
      next: { action: 'enforce_title' },
      servedInPerson: true,
    });
    // Served in person: no late opposition (CPC 1416 al. 2), so no act in person to record either.
    expect(final.json().allowedSteps).not.toContain('act_served_in_person');
    expect(final.json().allowedSteps).not.toContain('opposition_filed');
    expect(final.json().steps.map((s: { kind: string }) => s.kind)).toEqual([
      'opened',
      'requete_filed',
      'ordonnance_issued',
      'served',
      'opposition_window_closed',
    ]);
    expect(final.json().steps[2].reportedBy).toBe('partner');
  });

  it('records cost lines with their basis and refuses an amicable fee on the debtor (L111-8)', async () => {
    const costs = `/api/v1/cases/${caseId}/judicial-procedure/costs`;
    const refused = await as(t.app, judicial)('POST', costs, {
      kind: 'amicable_collection_fee',
      chargeableTo: 'debtor',
      amountCents: 4000,
      incurredOn: '2026-12-29',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('judicial_procedure.cost_amicable_fee_on_debtor');
    const balance = async () =>
      Number(
        (await t.deps.db.selectFrom('cases').select('balance_cents').where('id', '=', caseId).executeTakeFirstOrThrow())
          .balance_cents,
      );
    const before = await balance();
    const line = await as(t.app, judicial)('POST', costs, {
      kind: 'service_act',
      amountCents: 4_520,
      incurredOn: '2026-11-25',
    });
    expect(line.statusCode, line.body).toBe(200);
    const oldest = await t.deps.db
      .selectFrom('claims')
      .select(['id', 'reference'])
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .orderBy('default_on')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(line.json().costs).toMatchObject([
      {
        kind: 'service_act',
        chargeableTo: 'debtor',
        legalBasis: 'CPC 695; CPCE L111-8',
        amountCents: 4520,
        claimReference: oldest.reference,
        paymentId: null,
      },
    ]);
    expect(line.json().costTotals).toEqual({ debtorCents: 4520, creditorCents: 0 });
    // The debtor's cost is in the balance, through the ledger: a correction up of the oldest open claim's fees.
    expect(await balance()).toBe(before + 4520);
    const posted = await t.deps.db
      .selectFrom('judicial_costs as c')
      .innerJoin('ledger_entries as e', 'e.transaction_id', 'c.ledger_transaction_id')
      .select(['e.account', 'e.component', 'e.claim_id', 'e.amount_cents'])
      .where('c.case_id', '=', caseId)
      .orderBy('e.account')
      .execute();
    expect(posted).toMatchObject([
      { account: 'claim', component: 'fees', claim_id: oldest.id, amount_cents: 4520 },
      { account: 'creditor_placed', component: null, claim_id: null, amount_cents: -4520 },
    ]);
    // A cost the creditor bears stays out of the debtor's balance and out of the ledger.
    const theirs = await as(t.app, judicial)('POST', costs, {
      kind: 'lawyer_fee',
      amountCents: 30_000,
      incurredOn: '2026-11-25',
    });
    expect(theirs.json().costs[1]).toMatchObject({ chargeableTo: 'creditor', claimReference: null });
    expect(await balance()).toBe(before + 4520);
  });

  it('records a payment the partner collected through the payments service, allocated and named once', async () => {
    const before = await t.deps.db
      .selectFrom('cases')
      .select('balance_cents')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const body = {
      amountCents: 10_000,
      receivedOn: '2026-12-29',
      reference: 'SCP Martin — saisie',
      paymentKey: '3f1c2b9e-8f1a-4c5d-9a0b-1c2d3e4f5a6b',
    };
    const url = `/api/v1/cases/${caseId}/judicial-procedure/partner-payments`;
    const paid = await as(t.app, judicial)('POST', url, body);
    expect(paid.statusCode, paid.body).toBe(200);
    const again = await as(t.app, judicial)('POST', url, body);
    expect(again.statusCode).toBe(200);
    const partnerSteps = again.json().steps.filter((s: { kind: string }) => s.kind === 'partner_payment');
    expect(partnerSteps).toHaveLength(1);
    const payment = await t.deps.db
      .selectFrom('payments')
      .select(['id', 'amount_cents'])
      .where('id', '=', partnerSteps[0].paymentId)
      .executeTakeFirstOrThrow();
    expect(Number(payment.amount_cents)).toBe(10_000);
    const after = await t.deps.db
      .selectFrom('cases')
      .select('balance_cents')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(Number(before.balance_cents) - Number(after.balance_cents)).toBe(10_000);
    const allocated = await t.deps.db
      .selectFrom('ledger_transactions')
      .select('id')
      .where('payment_id', '=', payment.id)
      .where('kind', '=', 'allocation')
      .execute();
    expect(allocated).toHaveLength(1);
    // The partner is a commissaire de justice: its A444-32 fee on what it collected (100 €: the floor, 21.28 €) is
    // the creditor's, a line naming the payment, once.
    const fees = again.json().costs.filter((c: { kind: string }) => c.kind === 'commissaire_a444_32');
    expect(fees).toMatchObject([
      { amountCents: 2128, chargeableTo: 'creditor', paymentId: payment.id, incurredOn: '2026-12-29' },
    ]);
    expect(again.json().costTotals).toEqual({ debtorCents: 4520, creditorCents: 30_000 + 2128 });
    // A second payment is charged the fee on the running total less what the first was charged.
    const second = await as(t.app, judicial)('POST', url, {
      ...body,
      amountCents: 50_000,
      paymentKey: '3f1c2b9e-8f1a-4c5d-9a0b-1c2d3e4f5a6c',
    });
    expect(second.statusCode, second.body).toBe(200);
    const table = INITIAL_FEE_TABLES.at(-1)!;
    const charged = second
      .json()
      .costs.filter((c: { kind: string }) => c.kind === 'commissaire_a444_32')
      .map((c: { amountCents: number }) => c.amountCents);
    expect(charged).toEqual([2128, proportionalFeeCents(60_000, table) - 2128]);
  });

  it('writes each act on the case’s timeline, in order, with its actor and ids, and never a note', async () => {
    const lines = await t.deps.db
      .selectFrom('case_events')
      .select(['occurred_at', 'summary_key', 'summary_params', 'actor_user_id', 'data'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'judicial')
      .orderBy('occurred_at')
      .orderBy('seq')
      .execute();
    const oldest = await t.deps.db
      .selectFrom('claims')
      .select('reference')
      .where('case_id', '=', caseId)
      .orderBy('default_on')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const table = INITIAL_FEE_TABLES.at(-1)!;
    const by = (reportedBy: string) => ({ by: reportedBy });
    expect(lines.map((line) => [line.summary_key, line.summary_params])).toEqual([
      ['judicial_procedure_opened_partner', { route: 'injonction_de_payer', partner: 'SCP Lyon Recouvrement' }],
      [
        'judicial_step_due',
        {
          step: 'requete_filed',
          on: '2026-11-25',
          ...by('agency'),
          state: 'requete_filed',
          deadline: 'ordonnance_follow_up',
          dueOn: '2027-01-25',
        },
      ],
      [
        'judicial_step_due',
        {
          step: 'ordonnance_issued',
          on: '2026-11-25',
          ...by('partner'),
          state: 'ordonnance_issued',
          deadline: 'service',
          dueOn: '2027-05-25',
        },
      ],
      [
        'judicial_step_due',
        {
          step: 'served',
          on: '2026-11-25',
          ...by('agency'),
          state: 'served',
          deadline: 'opposition',
          dueOn: '2026-12-28',
        },
      ],
      ['judicial_step', { step: 'opposition_window_closed', on: '2026-12-29', ...by('agency'), state: 'titled' }],
      [
        'judicial_cost_debtor',
        { cost: 'service_act', amountCents: 4520, on: '2026-11-25', claimReference: oldest.reference },
      ],
      ['judicial_cost_creditor', { cost: 'lawyer_fee', amountCents: 30_000, on: '2026-11-25' }],
      ['judicial_partner_payment_fee', { amountCents: 10_000, on: '2026-12-29', feeCents: 2128 }],
      [
        'judicial_partner_payment_fee',
        { amountCents: 50_000, on: '2026-12-29', feeCents: proportionalFeeCents(60_000, table) - 2128 },
      ],
    ]);
    // The specialist's acts, at their time (the clock moved on the 29th), naming the rows they wrote.
    expect(new Set(lines.map((line) => line.actor_user_id))).toEqual(new Set([judicial.userId]));
    expect(lines[0]!.occurred_at.toISOString()).toBe(START.toISOString());
    expect(lines[4]!.occurred_at.toISOString()).toBe('2026-12-29T09:00:00.000Z');
    const steps = await t.deps.db
      .selectFrom('judicial_procedure_steps')
      .select(['id', 'procedure_id', 'payment_id'])
      .orderBy('recorded_at')
      .orderBy('id')
      .execute();
    const data = lines.map((line) => line.data as Record<string, string | null>);
    const procedureId = data[0]!.procedureId;
    expect(steps.filter((s) => s.procedure_id === procedureId).map((s) => s.id)).toEqual(
      expect.arrayContaining(data.flatMap((d) => (d.stepId ? [d.stepId] : []))),
    );
    expect(data.every((d) => d.procedureId === procedureId)).toBe(true);
    expect(data[5]).toMatchObject({ costId: expect.any(String), claimId: expect.any(String) });
    expect(data[6]).toMatchObject({ costId: expect.any(String), claimId: null });
    const paid = steps.find((s) => s.id === data[7]!.stepId)!;
    expect(data[7]).toMatchObject({ paymentId: paid.payment_id, costId: expect.any(String) });
    // What a person typed on a step stays on the procedure.
    expect(JSON.stringify(lines)).not.toMatch(/Signifiée à personne|Requête à déposer au tribunal/);
    // The creditor's view of the case does not list the procedure's lines; a team leader's does, with their texts.
    const creditorView = (await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}`)).json();
    expect(creditorView.timeline.map((e: { kind: string }) => e.kind)).not.toContain('judicial');
    const leader = await signIn(t.app, demoEmail('team_leader'));
    const leaderView = (await as(t.app, leader)('GET', `/api/v1/cases/${caseId}`)).json();
    const judicialLines = leaderView.timeline.filter((e: { kind: string }) => e.kind === 'judicial');
    expect(judicialLines).toHaveLength(lines.length);
    expect(judicialLines.at(-1).summary.key).toBe('judicial_procedure_opened_partner');
  });

  it('shows a creditor user its own case’s procedure state only, and nothing of another creditor’s', async () => {
    const own = await procedure(horizon);
    expect(own.statusCode).toBe(200);
    expect(own.json().procedure).toMatchObject({ state: 'titled', steps: null, costs: null, partnerId: null });
    expect((await procedure(energie)).statusCode).toBe(404);
    expect((await as(t.app, horizon)('GET', '/api/v1/judicial/procedures/queue')).statusCode).toBe(403);
    const step = await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/judicial-procedure/steps`, {
      kind: 'procedure_ended',
      occurredOn: '2026-12-29',
      outcome: 'paid',
    });
    expect(step.statusCode).toBe(403);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', caseId)
      .where('action', 'like', 'judicial_procedure.%')
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      'judicial_procedure.cost_recorded',
      'judicial_procedure.cost_recorded',
      'judicial_procedure.opened',
      'judicial_procedure.partner_payment_recorded',
      'judicial_procedure.partner_payment_recorded',
      'judicial_procedure.step_recorded',
      'judicial_procedure.step_recorded',
      'judicial_procedure.step_recorded',
      'judicial_procedure.step_recorded',
    ]);
  });

  it('opens on the route the judicial review chose and files nothing before the day the debtor was told of', async () => {
    const other = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'creditor_id'])
      .where('creditor_id', '=', horizon.creditorId!)
      .where('stage', '=', 'amicable')
      .where('status', '=', 'open')
      .where('id', '<>', caseId)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    // The review's escalation (another capability) as its row and the stage it leaves.
    await t.deps.db
      .insertInto('judicial_reviews')
      .values({
        case_id: other.id,
        debtor_id: other.debtor_id,
        creditor_id: other.creditor_id,
        due_on: '2026-12-01',
        status: 'decided',
        decision: 'escalate',
        reason: 'No amicable solution after four months of contacts.',
        chosen_route: 'injonction_de_payer',
        proposed_route: 'injonction_de_payer',
        facts: JSON.stringify({}),
        decided_at: t.clock.now,
        debtor_told_at: t.clock.now,
        file_not_before: '2027-01-13',
        created_at: t.clock.now,
        updated_at: t.clock.now,
      })
      .execute();
    await t.deps.db.updateTable('cases').set({ stage: 'judicial' }).where('id', '=', other.id).execute();
    const before = (await as(t.app, judicial)('GET', `/api/v1/cases/${other.id}/judicial-procedure`)).json();
    expect(before).toEqual({ procedure: null, reviewRoute: 'injonction_de_payer' });
    const opened = await as(t.app, judicial)('POST', `/api/v1/cases/${other.id}/judicial-procedure`, {});
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      route: 'injonction_de_payer',
      fileNotBefore: '2027-01-13',
      next: { action: 'file_requete', dueOn: '2027-01-13' },
    });
    const early = await as(t.app, judicial)('POST', `/api/v1/cases/${other.id}/judicial-procedure/steps`, {
      kind: 'requete_filed',
      occurredOn: '2026-12-29',
    });
    expect(early.json().code).toBe('judicial_procedure.before_file_not_before');
  });
});
