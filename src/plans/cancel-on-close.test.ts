import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { SYSTEM_ACTOR } from '../audit/append.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { importFile } from '../intake/import-file.js';
import { createPlacement } from '../intake/import-placement.js';
import { cancelPlansOfClosedCases } from './cancel-on-close.js';

const START = new Date('2026-11-25T09:00:00Z');
const BUDGET = {
  date: '2026-11-01',
  household: { adults: 2, children: 2, dependants: 3 },
  resources: [{ type: 'salary', amountCents: 220000 }],
  expenses: [{ category: 'housing', amountCents: 200000 }],
};

describe.each(ENGINES)('closing a case cancels its live plan on %s', (engine) => {
  let t: TestApp;
  let leader: Session;
  let agent: Session;
  let horizon: Session;
  let folder: string;
  const taken = new Set<string>();

  /**
   * A Banque Horizon case of a debtor with no hold and one case, given a plan through the API (agreed, or waiting
   * for a team leader's approval: live either way), not used by another test.
   */
  async function caseWithLivePlan() {
    const row = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id as caseId', 'c.debtor_id as debtorId'])
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where('c.balance_cents', '>', 10_000)
      .where('c.id', 'not in', [...taken, '00000000-0000-0000-0000-000000000000'])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'c.debtor_id'))),
      )
      // Nor one the demo's care unit follows (a record, a signal from a budget that leaves nothing).
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('vulnerabilities as v').select('v.id').whereRef('v.debtor_id', '=', 'c.debtor_id'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom('vulnerability_signals as s').select('s.id').whereRef('s.debtor_id', '=', 'c.debtor_id')),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('cases as o')
              .select('o.id')
              .whereRef('o.debtor_id', '=', 'c.debtor_id')
              .whereRef('o.id', '<>', 'c.id'),
          ),
        ),
      )
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    taken.add(row.caseId);
    const assessed = await as(t.app, agent)('POST', `/api/v1/debtors/${row.debtorId}/assessments`, BUDGET);
    expect(assessed.statusCode, assessed.body).toBe(201);
    const plan = await as(t.app, agent)('POST', `/api/v1/cases/${row.caseId}/plans`, {
      kind: 'instalments',
      // Twelve months whatever the case's balance: left to the capacity, a large balance would need more than 120.
      months: 12,
      firstDueOn: '2026-12-10',
      knowinglyAboveCapacity: true,
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(['agreed', 'pending_approval']).toContain(plan.json().status);
    return { ...row, planId: plan.json().id as string };
  }
  const planOf = (planId: string) =>
    t.deps.db.selectFrom('plans').select('status').where('id', '=', planId).executeTakeFirstOrThrow();
  const timeline = async (caseId: string) =>
    (
      await t.deps.db
        .selectFrom('case_events')
        .select(['summary_key', 'summary_params'])
        .where('case_id', '=', caseId)
        .orderBy('occurred_at')
        .orderBy('seq')
        .execute()
    ).map((event) => event.summary_key);
  const planAudits = (planId: string) =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', planId)
      .where('action', '=', 'plan.cancelled')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    leader = await signIn(t.app, demoEmail('team_leader'));
    agent = await signIn(t.app, demoEmail('agent'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    await t.deps.db
      .updateTable('creditors')
      .set({ webhook_url: 'https://hooks.creditor.example/accord' })
      .where('id', '=', horizon.creditorId!)
      .execute();
    folder = await mkdtemp(join(tmpdir(), 'accord-close-plans-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('a closure by the agency cancels the plan in its transaction: plan history, timeline, audit', async () => {
    const { caseId, planId } = await caseWithLivePlan();
    const closed = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/closure`, {
      reason: 'settled',
      note: 'Accord transactionnel avec le créancier.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ stage: 'closed', closeReason: 'settled' });
    expect(await planOf(planId)).toEqual({ status: 'cancelled' });
    // The case closed from the plan stage and stays closed: the plan's cancellation does not move it back.
    const caseRow = await t.deps.db
      .selectFrom('cases')
      .select(['status', 'stage'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(caseRow).toEqual({ status: 'closed', stage: 'closed' });
    expect((await timeline(caseId)).slice(-2)).toEqual(['case_closed', 'plan_cancelled_case_closed']);
    const view = await as(t.app, leader)('GET', `/api/v1/cases/${caseId}/plans`);
    expect(view.statusCode, view.body).toBe(200);
    const plan = (view.json().items as { id: string; events: unknown[] }[]).find((p) => p.id === planId)!;
    expect(plan.events.at(-1)).toMatchObject({
      toStatus: 'cancelled',
      reasonText: { key: 'plan_case_closed', params: { closeReason: 'settled' } },
      reason: null,
    });
    const audits = await planAudits(planId);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ status: 'cancelled', caseClosed: 'settled' });
    // Reopened, the case starts again at the amicable stage: the cancelled plan stays cancelled.
    const reopened = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/reopening`, { note: 'Renvoyé.' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ stage: 'amicable' });
    expect(await planOf(planId)).toEqual({ status: 'cancelled' });
  });

  it('a withdrawn disputed claim that closes the case cancels the plan and tells the creditor the case closed', async () => {
    const { caseId, planId } = await caseWithLivePlan();
    const claims = await t.deps.db
      .selectFrom('claims')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .orderBy('reference')
      .execute();
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      const recorded = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/disputes`, {
        claimId: claim.id,
        grounds: 'not_mine',
        note: 'La personne dit ne jamais avoir signé ce contrat.',
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
      const disputeId = recorded.json().id;
      const answered = await as(t.app, horizon)('POST', `/api/v1/disputes/${disputeId}/answer`, {
        answer: 'withdrawn',
        note: 'Créance retirée.',
      });
      expect(answered.statusCode, answered.body).toBe(200);
      // The plan waits while other claims are open; the last decision closes the case.
      expect(await planOf(planId)).not.toEqual({ status: 'cancelled' });
      const decided = await as(t.app, leader)('POST', `/api/v1/disputes/${disputeId}/decision`, {
        decision: 'close',
        note: 'Retrait du créancier accepté.',
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    const caseRow = await t.deps.db
      .selectFrom('cases')
      .select(['status', 'close_reason'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(caseRow).toEqual({ status: 'closed', close_reason: 'recalled' });
    expect(await planOf(planId)).toEqual({ status: 'cancelled' });
    expect((await timeline(caseId)).slice(-2)).toEqual(['recalled', 'plan_cancelled_case_closed']);
    expect(await planAudits(planId)).toHaveLength(1);
    const notices = await t.deps.db
      .selectFrom('creditor_notifications')
      .select(['event', 'payload'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const events = notices.map((notice) => notice.event);
    // Besides the dispute's answer (dispute.decided), one distinct notice that the case closed, after the last.
    expect(events.filter((event) => event === 'case.closed')).toHaveLength(1);
    expect(events.slice(-2)).toEqual(['dispute.decided', 'case.closed']);
    const payload = notices.at(-1)!.payload as Record<string, unknown>;
    expect(payload).toMatchObject({ event: 'case.closed', closeReason: 'recalled', closedOn: '2026-11-25' });
  });

  it('a placement file recalling the last claims closes the case and cancels its plan in the import', async () => {
    const { caseId, planId, debtorId } = await caseWithLivePlan();
    const reference = await t.deps.db
      .selectFrom('debtor_references')
      .select('reference')
      .where('debtor_id', '=', debtorId)
      .where('creditor_id', '=', horizon.creditorId!)
      .executeTakeFirstOrThrow();
    const claims = await t.deps.db
      .selectFrom('claims')
      .select('reference')
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .execute();
    const header =
      'operation;debtor_reference;debtor_type;title;first_name;last_name;birth_name;birth_date;birth_place;company_name;company_registration;address_line1;address_line2;postal_code;city;country;phone;phone_2;email;language;claim_reference;contract_type;original_creditor;currency;principal;interest;fees;default_date;last_payment_date';
    const lines = claims.map(
      (claim) => `recall;${reference.reference}${';'.repeat(19)}${claim.reference}${';'.repeat(8)}`,
    );
    const path = join(folder, 'recall.csv');
    await writeFile(path, [header, ...lines].join('\n') + '\n');
    const mandate = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('mandates as m', 'm.id', 'c.mandate_id')
      .select('m.code')
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const { placementId } = await createPlacement(t.deps, {
      creditorId: horizon.creditorId!,
      mandateCode: mandate.code,
      source: { fileName: 'recall.csv', sha256: null, format: 'csv' },
      actor: SYSTEM_ACTOR,
    });
    const report = await importFile(t.deps, placementId, path, {
      actor: SYSTEM_ACTOR,
      onCasesClosed: cancelPlansOfClosedCases,
    });
    expect(report.rowsRejected, JSON.stringify(report)).toBe(0);
    expect(report.counts).toMatchObject({ claimsRecalled: claims.length, casesClosed: 1 });
    expect(await planOf(planId)).toEqual({ status: 'cancelled' });
    const audits = await planAudits(planId);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ caseClosed: 'recalled' });
    expect(await timeline(caseId)).toContain('plan_cancelled_case_closed');
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
