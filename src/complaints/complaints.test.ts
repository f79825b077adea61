import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';

/** Wednesday 6 May 2026 in Paris: 8 May (Friday) and Ascension (Thursday 14 May) fall within ten business days. */
const START = new Date('2026-05-06T08:00:00Z');
const DAY = 86_400_000;

describe.each(ENGINES)('complaints on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let compliance: Session;
  let manager: Session;
  let creditor: Session;
  let caseId: string;
  let debtorId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    manager = await signIn(t.app, demoEmail('manager'));
    creditor = await signIn(t.app, demoEmail('creditor_user'));
    // A case of the creditor user's creditor whose debtor lives in metropolitan France (national calendar).
    const row = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('debtor_addresses as a', 'a.debtor_id', 'c.debtor_id')
      .select(['c.id', 'c.debtor_id'])
      .where('c.creditor_id', '=', creditor.creditorId!)
      .where('a.country', '=', 'FR')
      .where('a.is_primary', '=', true)
      .where('a.subdivision', 'not in', ['57', '67', '68'])
      .where('a.subdivision', 'not like', '97%')
      .where('c.status', '!=', 'closed')
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    caseId = row.id;
    debtorId = row.debtor_id;
  });
  afterAll(() => t.close());

  /** Moves the clock on, and signs in again (a session does not outlive days). */
  async function later(days: number) {
    t.clock.advance(days * DAY);
    agent = await signIn(t.app, demoEmail('agent'));
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    manager = await signIn(t.app, demoEmail('manager'));
    creditor = await signIn(t.app, demoEmail('creditor_user'));
  }

  it('registers a complaint with deadlines counted on the French calendar across 8 May and Ascension', async () => {
    const response = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/complaints`, {
      channel: 'phone',
      subject: 'contact_frequency',
      summary: 'Appelé trois fois en deux jours.',
    });
    expect(response.statusCode, response.body).toBe(201);
    const complaint = response.json();
    expect(complaint).toMatchObject({
      receivedOn: '2026-05-06',
      country: 'FR',
      acknowledgeBy: '2026-05-22',
      answerBy: '2026-07-06',
      status: 'received',
      deadline: { current: 'on_time' },
    });
    expect(complaint.reference).toMatch(/^RCL-2026-\d{6}$/);
    // Where the file stands: the complaint being handled and its deadlines, in the reader's language.
    const workspace = await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/workspace`);
    expect(workspace.statusCode, workspace.body).toBe(200);
    expect(workspace.json().standing.next).toContain(complaint.reference);
    expect(workspace.json().standing.next).toContain('22 mai 2026');
    // About contact frequency: linked to the debtor's contacts of the 30 days before, each with its policy decision.
    const recent = await t.deps.db
      .selectFrom('contacts')
      .select('id')
      .where('debtor_id', '=', debtorId)
      .where('occurred_at', '>=', new Date(START.getTime() - 31 * DAY))
      .where('occurred_at', '<=', START)
      .execute();
    expect(complaint.contacts.map((c: { id: string }) => c.id).sort()).toEqual(recent.map((r) => r.id).sort());
  });

  it('refuses an agent the handling, a creditor user every complaint route, and bad input with a 4xx', async () => {
    const [complaint] = (await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/complaints`)).json().items;
    expect((await as(t.app, agent)('POST', `/api/v1/complaints/${complaint.id}/acknowledgement`)).statusCode).toBe(403);
    expect((await as(t.app, creditor)('GET', `/api/v1/cases/${caseId}/complaints`)).statusCode).toBe(403);
    expect((await as(t.app, creditor)('GET', '/api/v1/complaints')).statusCode).toBe(403);
    const future = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/complaints`, {
      channel: 'letter',
      subject: 'amount',
      summary: 'x',
      receivedOn: '2026-06-01',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('complaints.received_in_future');
    const unknownSubject = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/complaints`, {
      channel: 'letter',
      subject: 'weather',
      summary: 'x',
    });
    expect(unknownSubject.statusCode).toBe(400);
  });

  it('acknowledges, answers a refusal with the mediator, and closes; every step audited', async () => {
    const [complaint] = (await as(t.app, compliance)('GET', `/api/v1/cases/${caseId}/complaints`)).json().items;
    await later(2);
    const acknowledged = await as(t.app, compliance)('POST', `/api/v1/complaints/${complaint.id}/acknowledgement`);
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2026-05-08' });
    const again = await as(t.app, compliance)('POST', `/api/v1/complaints/${complaint.id}/acknowledgement`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('complaints.already_acknowledged');

    const answered = await as(t.app, compliance)('POST', `/api/v1/complaints/${complaint.id}/answer`, {
      outcome: 'refused',
      answer: 'Les appels respectaient la politique de contact en vigueur.',
      rootCause: 'no_fault',
      measures: 'Aucune',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', outcome: 'refused', deadline: { answer: 'met' } });
    expect(answered.json().mediator.name).toMatch(/Médiateur/);

    const closed = await as(t.app, compliance)('POST', `/api/v1/complaints/${complaint.id}/closure`, {
      referredToMediator: true,
    });
    expect(closed.json()).toMatchObject({ status: 'mediator', closedOn: '2026-05-08' });

    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', complaint.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'complaint.registered',
      'complaint.acknowledged',
      'complaint.answered',
      'complaint.referred_to_mediator',
    ]);
    // Each act is a line of the case's timeline, by key (said in the reader's language); the creditor never sees them.
    const view = await as(t.app, compliance)('GET', `/api/v1/cases/${caseId}`);
    expect(view.statusCode, view.body).toBe(200);
    const lines = (view.json().timeline as { kind: string; summary: { key: string; params: object } | null }[])
      .filter((line) => line.kind === 'complaint')
      .map((line) => line.summary);
    expect(lines.map((text) => text?.key).sort()).toEqual([
      'complaint_acknowledged',
      'complaint_answered_mediator',
      'complaint_referred_to_mediator',
      'complaint_registered',
    ]);
    expect(lines.find((text) => text?.key === 'complaint_registered')?.params).toEqual({
      reference: complaint.reference,
      subject: 'contact_frequency',
      receivedOn: '2026-05-06',
      acknowledgeBy: '2026-05-22',
      answerBy: '2026-07-06',
    });
    expect(JSON.stringify(lines)).not.toContain('Appelé trois fois');
    const creditorView = await as(t.app, creditor)('GET', `/api/v1/cases/${caseId}`);
    expect(creditorView.statusCode, creditorView.body).toBe(200);
    const creditorKinds = (creditorView.json().timeline as { kind: string }[]).map((line) => line.kind);
    expect(creditorKinds.length).toBeGreaterThan(0);
    expect(creditorKinds).not.toContain('complaint');
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('the register shows an unanswered complaint overdue once its acknowledgement is late, filters and exports it', async () => {
    const late = (
      await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/complaints`, {
        channel: 'letter',
        subject: 'agent_conduct',
        summary: 'Ton déplacé au téléphone.',
        receivedOn: '2026-05-07',
      })
    ).json();
    // 8 May, Ascension and Whit Monday (25 May) are not business days.
    expect(late.acknowledgeBy).toBe('2026-05-26');
    await later(20); // 28 May
    const overdue = await as(t.app, manager)('GET', '/api/v1/complaints?deadline=overdue&limit=200');
    expect(overdue.statusCode, overdue.body).toBe(200);
    // Of this case's complaints, only the late one is overdue (the demo has complaints of its own).
    const overdueItems = overdue.json().items as { id: string; caseId: string; deadline: { current: string } }[];
    expect(overdueItems.filter((c) => c.caseId === caseId).map((c) => c.id)).toEqual([late.id]);
    expect(overdueItems.every((c) => c.deadline.current === 'overdue')).toBe(true);
    expect(overdue.json().byDeadline.overdue).toBe(overdue.json().total);
    const bySubject = (await as(t.app, manager)('GET', '/api/v1/complaints?subject=contact_frequency')).json();
    expect(bySubject.items.every((c: { subject: string }) => c.subject === 'contact_frequency')).toBe(true);

    const csv = await as(t.app, manager)('GET', '/api/v1/complaints/export?format=csv&status=open');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain(late.reference);
    expect(csv.body).toContain('En retard');
    // The summary, which may name a hardship, is not in the regulator's copy.
    expect(csv.body).not.toContain('Ton déplacé');
  });
});
