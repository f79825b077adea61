import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { renderPdf } from '../platform/pdf.js';

const START = new Date('2026-11-25T09:00:00Z');
const DAY_MS = 86_400_000;

describe.each(ENGINES)('a deceased debtor’s estate on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let leader: Session;
  let horizon: Session;
  let energie: Session;
  let caseId: string;
  let debtorId: string;

  const estate = (session: Session) => as(t.app, session)('GET', `/api/v1/cases/${caseId}/estate`);
  const permission = (session: Session, recipient: string, at = t.clock.now) =>
    as(t.app, session)(
      'GET',
      `/api/v1/debtors/${debtorId}/contact-permission?channel=letter&caseId=${caseId}&recipient=${recipient}&at=${encodeURIComponent(at.toISOString())}`,
    );

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const open = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id', 'c.debtor_id'])
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('estates as e').select('e.id').whereRef('e.debtor_id', '=', 'c.debtor_id'))),
      )
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    caseId = open.id;
    debtorId = open.debtor_id;
  });
  afterAll(() => t.close());

  it('stops every contact when a death is reported, then follows the proof, the notary, the claim and the heirs’ options', async () => {
    expect((await estate(agent)).json()).toEqual({ estate: null });
    const reported = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/estate`, {
      note: 'Sa fille a appelé : décès le 10 novembre.',
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const twice = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate`, { note: 'Encore' });
    expect(twice.json().code).toBe('estates.already_reported');
    const view = (await estate(agent)).json().estate;
    expect(view).toMatchObject({
      step: 'reported',
      option: 'pending',
      proven: false,
      next: { action: 'obtain_certificate' },
    });
    expect(view.caseNext).toEqual({ action: 'follow_estate', dueOn: '2026-11-25' });
    const stage = await t.deps.db
      .selectFrom('cases')
      .select('stage')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stage.stage).toBe('deceased');
    const toDebtor = await as(t.app, agent)(
      'GET',
      `/api/v1/debtors/${debtorId}/contact-permission?channel=letter&caseId=${caseId}`,
    );
    expect(toDebtor.json().allowed).toBe(false);
    expect((await permission(agent, 'heir')).json().reasons.map((r: { rule: string }) => r.rule)).toContain(
      'estate.unproven',
    );

    // The agent reports; only team leaders and specialists run the estate's steps.
    expect((await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/estate/claim`, {})).statusCode).toBe(403);
    const pdf = await renderPdf({ title: 'Acte de décès', createdAt: START }, (doc) => doc.text('Acte de décès'));
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents?type=death_certificate&source=third_party&fileName=acte.pdf`,
      headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const early = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/parties`, {
      role: 'notary',
      name: 'Me Durand',
    });
    expect(early.json().code).toBe('estates.not_proven');
    const proven = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/proof`, {
      diedOn: '2026-11-10',
      documentId: uploaded.json().id,
    });
    expect(proven.statusCode, proven.body).toBe(200);
    expect(proven.json()).toMatchObject({ step: 'proven', diedOn: '2026-11-10', optionEndsOn: '2027-03-10' });

    const notary = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/parties`, {
      role: 'notary',
      name: 'Me Durand',
      contact: 'Étude Durand, 3 rue de la Paix, Lyon',
    });
    expect(notary.json()).toMatchObject({ step: 'notary', next: { action: 'declare_claim' } });
    const heir = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/parties`, {
      role: 'heir',
      name: 'Julie Martin',
      contact: '06 12 34 56 78',
    });
    const relative = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/parties`, {
      role: 'relative',
      name: 'Paul Martin',
      contact: 'frère',
    });
    expect(relative.statusCode, relative.body).toBe(200);
    const heirId = heir.json().parties.find((p: { role: string }) => p.role === 'heir').id;

    const declared = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/claim`, {
      netAssetsPublishedOn: '2026-11-20',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json()).toMatchObject({
      step: 'claim_lodged',
      claimDeclaredOn: '2026-11-25',
      claimDeadlineOn: '2028-02-20',
      next: { action: 'await_option', dueOn: '2027-03-10' },
      caseNext: { action: 'follow_estate', dueOn: '2027-03-10' },
    });
    const again = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/claim`, {});
    expect(again.json().code).toBe('estates.claim_already_declared');

    // Contact: the notary now, the heirs not before the 4 months, the relatives never.
    expect((await permission(agent, 'notary')).json().reasons.map((r: { rule: string }) => r.rule)).not.toContain(
      'estate.unproven',
    );
    const toHeir = (await permission(agent, 'heir')).json();
    expect(toHeir.allowed).toBe(false);
    expect(toHeir.reasons.map((r: { rule: string }) => r.rule)).toContain('estate.option_period');
    expect(toHeir.reasons.find((r: { rule: string }) => r.rule === 'estate.option_period').messages.fr).toContain(
      '2027-03-10',
    );
    const toRelative = (await permission(agent, 'relative')).json();
    expect(toRelative.reasons.map((r: { rule: string }) => r.rule)).toContain('estate.relative');
    const later = new Date('2027-03-15T09:00:00Z');
    expect((await permission(agent, 'heir', later)).json().reasons.map((r: { rule: string }) => r.rule)).not.toContain(
      'estate.option_period',
    );
    expect((await permission(agent, 'relative', later)).json().reasons.map((r: { rule: string }) => r.rule)).toContain(
      'estate.relative',
    );

    const option = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/parties/${heirId}/option`, {
      option: 'renounce',
    });
    expect(option.json()).toMatchObject({ option: 'vacant', next: { action: 'close_without_estate' } });
    const relativeId = relative.json().parties.find((p: { role: string }) => p.role === 'relative').id;
    const notHeir = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/estate/parties/${relativeId}/option`, {
      option: 'accept',
    });
    expect(notHeir.json().code).toBe('estates.not_an_heir');

    // The creditor sees the state of its own case's estate, never the heirs; another creditor sees nothing.
    const seen = (await estate(horizon)).json().estate;
    expect(seen).toMatchObject({ step: 'claim_lodged', option: 'vacant', parties: null, certificateDocumentId: null });
    expect(JSON.stringify(seen)).not.toContain('Julie');
    expect((await estate(energie)).statusCode).toBe(404);

    const closed = await as(t.app, leader)('POST', `/api/v1/cases/${caseId}/closure`, {
      reason: 'deceased',
      note: 'Tous les héritiers ont renoncé.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ stage: 'closed', closeReason: 'deceased' });

    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', caseId)
      .where('action', 'like', 'estate.%')
      .orderBy('seq')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'estate.death_reported',
      'estate.death_proven',
      'estate.party_added',
      'estate.party_added',
      'estate.party_added',
      'estate.claim_declared',
      'estate.option_recorded',
    ]);
    const events = await t.deps.db
      .selectFrom('case_events')
      .select(['kind', 'summary_key'])
      .where('case_id', '=', caseId)
      .where('kind', 'in', ['estate', 'review', 'stage_change'])
      .orderBy('occurred_at')
      .orderBy('seq')
      .execute();
    expect(events.map((row) => row.summary_key)).toContain('death_reported_stage');
    // Each act of the estate is an `estate` line of the timeline, never a review.
    expect(events.filter((row) => row.kind !== 'stage_change')).toEqual([
      { kind: 'estate', summary_key: 'estate_death_reported' },
      { kind: 'estate', summary_key: 'estate_death_proven' },
      { kind: 'estate', summary_key: 'estate_party_added' },
      { kind: 'estate', summary_key: 'estate_party_added' },
      { kind: 'estate', summary_key: 'estate_party_added' },
      { kind: 'estate', summary_key: 'estate_claim_declared_by' },
      { kind: 'estate', summary_key: 'estate_option_recorded' },
    ]);
    const kinds = async (session: Session) =>
      ((await as(t.app, session)('GET', `/api/v1/cases/${caseId}`)).json().timeline as { kind: string }[]).map(
        (event) => event.kind,
      );
    expect(await kinds(agent)).toContain('estate');
    expect(await kinds(horizon)).not.toContain('estate');
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
    t.clock.advance(DAY_MS);
  });

  it('has demo estates in each state: reported, proven, notary known, claim declared (pending, net assets, vacant)', async () => {
    const estates = await t.deps.db
      .selectFrom('estates as e')
      .innerJoin('cases as c', 'c.id', 'e.case_id')
      .select(['e.step', 'c.stage', 'e.claim_deadline_on'])
      .where('e.case_id', '!=', caseId)
      .execute();
    expect(estates.map((row) => row.step).sort()).toEqual([
      'claim_lodged',
      'claim_lodged',
      'claim_lodged',
      'notary',
      'proven',
      'reported',
    ]);
    expect(estates.every((row) => row.stage === 'deceased')).toBe(true);
    expect(estates.filter((row) => row.claim_deadline_on !== null)).toHaveLength(1);
  });
});
