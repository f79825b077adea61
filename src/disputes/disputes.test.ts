import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { addDays } from '../platform/calendar/index.js';

const START = new Date('2026-11-25T09:00:00Z');
const DAY_MS = 86_400_000;

describe.each(ENGINES)('a dispute round trip with the creditor, a closure and a reopening on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let leader: Session;
  let horizon: Session;
  let energie: Session;
  let caseId: string;
  let claimId: string;

  const notices = async () =>
    (
      await t.deps.db
        .selectFrom('creditor_notifications')
        .select(['event', 'payload'])
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .execute()
    ).map((row) => row.event);
  const caseRow = () =>
    t.deps.db
      .selectFrom('cases')
      .select(['stage', 'status', 'close_reason', 'balance_cents'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
  const activeDisputeHolds = async () =>
    (
      await t.deps.db
        .selectFrom('holds')
        .select('id')
        .where('case_id', '=', caseId)
        .where('kind', '=', 'dispute')
        .where('status', '=', 'active')
        .execute()
    ).length;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    await t.deps.db
      .updateTable('creditors')
      .set({ webhook_url: 'https://hooks.creditor.example/accord' })
      .where('id', '=', horizon.creditorId!)
      .execute();
    const open = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('claims as cl', 'cl.case_id', 'c.id')
      .select(['c.id as case_id', 'cl.id as claim_id'])
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where('cl.status', '=', 'open')
      .where('cl.principal_cents', '>', 5_000)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'c.debtor_id'))),
      )
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    caseId = open.case_id;
    claimId = open.claim_id;
  });
  afterAll(() => t.close());

  it('stops collection at once, asks the creditor for its evidence, links a repeated dispute, and lets only the right people act', async () => {
    const recorded = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/disputes`, {
      claimId,
      grounds: 'amount_wrong',
      note: 'Le débiteur dit que les frais ont déjà été annulés.',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const first = recorded.json();
    expect(first).toMatchObject({
      status: 'evidence_requested',
      grounds: 'amount_wrong',
      evidenceDueOn: addDays('2026-11-25', 30),
      overdue: false,
      linkedTo: null,
    });
    expect(first.evidenceRequested.slice(0, 2)).toEqual(['contract', 'statement']);
    expect(await caseRow()).toMatchObject({ stage: 'dispute' });
    expect(await activeDisputeHolds()).toBe(1);
    expect(await notices()).toEqual(['dispute.evidence_requested']);

    const again = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/disputes`, {
      claimId,
      grounds: 'amount_wrong',
      note: 'Nouvel appel : même contestation.',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ status: 'linked', linkedTo: first.id, evidenceDueOn: first.evidenceDueOn });
    expect(await activeDisputeHolds()).toBe(1);
    expect(await notices()).toEqual(['dispute.evidence_requested']);

    const listed = await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}/disputes`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((d: { id: string; linkedCount: number }) => [d.id, d.linkedCount])).toEqual([
      [first.id, 1],
      [again.json().id, 0],
    ]);
    // Another creditor neither sees nor answers it; a creditor does not record disputes; an agent does not answer.
    expect((await as(t.app, energie)('GET', `/api/v1/cases/${caseId}/disputes`)).statusCode).toBe(404);
    expect(
      (await as(t.app, energie)('POST', `/api/v1/disputes/${first.id}/answer`, { answer: 'confirmed' })).statusCode,
    ).toBe(404);
    // Énergie Rhône's list holds its own demo disputes, never Banque Horizon's.
    const energieList = (await as(t.app, energie)('GET', '/api/v1/disputes')).json().items as { id: string }[];
    expect(energieList.map((d) => d.id)).not.toContain(first.id);
    expect(
      (
        await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/disputes`, {
          claimId,
          grounds: 'other',
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, agent)('POST', `/api/v1/disputes/${first.id}/answer`, { answer: 'confirmed' })).statusCode,
    ).toBe(403);
    // Nothing to decide before the creditor answers.
    const early = await as(t.app, agent)('POST', `/api/v1/disputes/${first.id}/decision`, {
      decision: 'resume',
      note: 'trop tôt',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('disputes.not_awaiting_review');
  });

  it('shows the overdue request to team leaders, takes the creditor’s corrected amount through the ledger on review, and resumes collection', async () => {
    t.clock.advance(31 * DAY_MS);
    // A month later: the sessions of the day have expired.
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    const overdue = await as(t.app, leader)('GET', '/api/v1/disputes?overdue=true');
    expect(overdue.statusCode).toBe(200);
    // The demo's own disputes are overdue too by now: this case's is among them.
    const late = (overdue.json().items as { caseId: string; id: string }[]).find((d) => d.caseId === caseId)!;
    expect(late).toMatchObject({ caseId, status: 'evidence_requested', overdue: true });
    const creditorList = await as(t.app, horizon)('GET', '/api/v1/disputes');
    expect(creditorList.json().items.map((d: { id: string }) => d.id)).toContain(late.id);

    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents?type=creditor_evidence&source=creditor&fileName=decompte.txt&sharedWithCreditor=true&specialCategory=false`,
      headers: { cookie: horizon.cookie, 'x-csrf-token': horizon.csrf, 'content-type': 'text/plain' },
      payload: Buffer.from('Décompte : principal 120,00 ; frais annulés 10,00\n'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const documentId = upload.json().id;

    const incomplete = await as(t.app, horizon)('POST', `/api/v1/disputes/${late.id}/answer`, { answer: 'adjusted' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().code).toBe('disputes.adjustment_required');
    const answered = await as(t.app, horizon)('POST', `/api/v1/disputes/${late.id}/answer`, {
      answer: 'adjusted',
      note: 'Les frais de relance sont annulés.',
      adjustment: { component: 'principal', amountCents: -1_000 },
      documentIds: [documentId],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'answered',
      answer: 'adjusted',
      adjustment: { component: 'principal', amountCents: -1_000 },
      documents: [{ id: documentId, part: 'answer' }],
    });
    expect(
      (await as(t.app, horizon)('POST', `/api/v1/disputes/${late.id}/answer`, { answer: 'confirmed' })).statusCode,
    ).toBe(409);

    const balanceBefore = (await caseRow()).balance_cents;
    const decided = await as(t.app, agent)('POST', `/api/v1/disputes/${late.id}/decision`, {
      decision: 'adjust',
      note: 'Décompte vérifié : correction acceptée.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', decision: 'adjust' });
    expect(await caseRow()).toMatchObject({ stage: 'amicable', balance_cents: balanceBefore - 1_000 });
    expect(await activeDisputeHolds()).toBe(0);
    // One correction of this claim, from its dispute (the demo's own disputes have theirs on other claims).
    const adjustment = await t.deps.db
      .selectFrom('ledger_transactions as tx')
      .select(['tx.id', 'tx.kind'])
      .distinct()
      .where('tx.kind', '=', 'adjustment')
      .where('tx.reason', 'like', 'Contestation%')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('ledger_entries as e')
            .select('e.id')
            .whereRef('e.transaction_id', '=', 'tx.id')
            .where('e.claim_id', '=', claimId),
        ),
      )
      .execute();
    expect(adjustment).toHaveLength(1);
    const told = await t.deps.db
      .selectFrom('case_events')
      .select(['summary_key', 'direction'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'dispute')
      .orderBy('occurred_at')
      .orderBy('seq')
      .execute();
    expect(told.map((e) => e.summary_key)).toEqual([
      'dispute_recorded',
      'dispute_linked',
      'dispute_answered',
      'dispute_decided',
      'dispute_debtor_told',
    ]);
    expect(told.at(-1)!.direction).toBe('outbound');
    expect(await notices()).toEqual(['dispute.evidence_requested', 'dispute.decided']);
    const stillOverdue = (await as(t.app, leader)('GET', '/api/v1/disputes?overdue=true')).json().items as {
      caseId: string;
    }[];
    expect(stillOverdue.map((d) => d.caseId)).not.toContain(caseId);
  });

  it('closes the case for a reason and reopens it, each through the lifecycle, told to the creditor and audited', async () => {
    const refused = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/closure`, {
      reason: 'returned_unpaid',
      note: 'Rendu',
    });
    expect(refused.statusCode).toBe(403);
    const closed = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/closure`, {
      reason: 'returned_unpaid',
      note: 'Rendu impayé au créancier après revue.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      stage: 'closed',
      closeReason: 'returned_unpaid',
      next: { action: 'retention_review' },
    });
    expect(await caseRow()).toMatchObject({ status: 'closed', close_reason: 'returned_unpaid', balance_cents: 0 });
    const again = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/closure`, { reason: 'settled', note: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('cases.closed');

    const reopened = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/reopening`, {
      note: 'Le créancier renvoie le dossier.',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ stage: 'amicable', status: 'open', next: { action: 'contact_debtor' } });
    expect((await caseRow()).balance_cents).toBeGreaterThan(0);
    // An open case is not reopened: a 409 problem whose status stays the HTTP status, the case's own given beside it.
    const twice = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/reopening`, { note: 'Encore une fois.' });
    expect(twice.statusCode, twice.body).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'cases.not_closed', status: 409, caseStatus: 'open' });
    expect(await notices()).toEqual(['dispute.evidence_requested', 'dispute.decided', 'case.closed', 'case.reopened']);
    const history = await t.deps.db
      .selectFrom('case_stage_history')
      .select(['to_stage', 'reason_key'])
      .where('case_id', '=', caseId)
      .orderBy('changed_at')
      .execute();
    expect(history.slice(-4).map((h) => h.reason_key)).toEqual([
      'dispute_stage_opened',
      'dispute_stage_resolved',
      'case_closed',
      'case_reopened',
    ]);
    const mine = [
      'case.closed',
      'case.reopened',
      'dispute.answered',
      'dispute.decided',
      'dispute.linked',
      'dispute.recorded',
    ];
    // This case's and its disputes' entries (the demo records, answers and decides disputes of its own).
    const disputeIds = (
      await t.deps.db.selectFrom('disputes').select('id').where('case_id', '=', caseId).execute()
    ).map((row) => row.id);
    const actions = (
      await t.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', mine)
        .where('target_id', 'in', [caseId, ...disputeIds])
        .execute()
    )
      .map((row) => row.action)
      .sort();
    expect(actions).toEqual(mine);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
