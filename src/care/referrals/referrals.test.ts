import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';
import { signInCaseReaders } from '../../../test/support/need-to-know.js';
import { takeCaseOfDebtorIn } from '../../../test/support/queue.js';
import { verifyAuditTrail } from '../../audit/verify.js';

const START = new Date('2026-12-04T09:00:00Z');
const NEED = 'Budget serré après une perte d’emploi';

interface Organisation {
  id: string;
  name: string;
  helpsWith: string[];
  coverage: string;
}

describe.each(ENGINES)('referrals to organisations that help, on %s', (engine) => {
  let t: TestApp;
  let holder: Session;
  let otherAgent: Session;
  let care: Session;
  let leader: Session;
  let creditor: Session;
  let caseId: string;
  let debtorId: string;

  const referrals = (session: Session, query = '') =>
    as(t.app, session)('GET', `/api/v1/debtors/${debtorId}/referrals${query}`);
  const reads = () =>
    t.deps.db
      .selectFrom('sensitive_reads')
      .selectAll()
      .where('debtor_id', '=', debtorId)
      .where('subject', '=', 'care_referral')
      .orderBy('seq')
      .execute();
  const careLines = () =>
    t.deps.db
      .selectFrom('case_events')
      .select(['summary_key', 'summary_params'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'care')
      .orderBy('occurred_at')
      .orderBy('summary_key')
      .execute();
  const propose = (organisationId: string, extra: Record<string, unknown> = {}) =>
    as(t.app, care)('POST', `/api/v1/debtors/${debtorId}/referrals`, {
      consent: true,
      organisationId,
      need: NEED,
      caseId,
      ...extra,
    });
  const suggestion = async (helps: string) => {
    const list = (await referrals(care)).json().suggestions as Organisation[];
    const found = list.find((o) => o.helpsWith.includes(helps) && o.coverage === 'national');
    if (!found) throw new Error(`no suggestion helping with ${helps}`);
    return found;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    ({ holder, otherAgent, care, leader } = await signInCaseReaders(t));
    creditor = await signIn(t.app, demoEmail('creditor_user'));
    // A case of a debtor living in France, whose organisations the tests suggest.
    ({ caseId, debtorId } = await takeCaseOfDebtorIn(t, holder, 'FR'));
  });
  afterAll(() => t.close());

  it('proposes with consent, sends the contact details, moves the follow-up and closes with the file lodged', async () => {
    const bdf = await suggestion('over_indebtedness');
    const proposed = await propose(bdf.id);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const referral = proposed.json();
    expect(referral).toMatchObject({
      status: 'proposed',
      need: NEED,
      followUpOn: '2026-12-18',
      organisation: { id: bdf.id },
      outcomes: ['not_reached', 'refused'],
    });
    const early = await as(t.app, care)('POST', `/api/v1/referrals/${referral.id}/closing`, { outcome: 'helped' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('care.outcome_needs_sending');

    t.clock.advance(60_000);
    const sent = await as(t.app, care)('POST', `/api/v1/referrals/${referral.id}/sending`, { how: 'letter' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', sentHow: 'letter' });
    // The letter went out: its PDF kept on the case, need-to-know, never shared with the creditor.
    const letterDocument = await t.deps.db
      .selectFrom('case_documents')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('file_name', 'like', 'OR-%')
      .executeTakeFirstOrThrow();
    expect(sent.json().letterDocumentId).toBe(letterDocument.id);
    expect(letterDocument).toMatchObject({
      document_type: 'correspondence',
      media_type: 'application/pdf',
      special_category: true,
      shared_with_creditor: false,
    });
    const pdf = await as(t.app, care)('GET', `/api/v1/documents/${letterDocument.id}/file`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await as(t.app, care)('POST', `/api/v1/referrals/${referral.id}/sending`, { how: 'email' });
    expect(again.json().code).toBe('care.referral_not_proposed');

    const past = await as(t.app, care)('POST', `/api/v1/referrals/${referral.id}/follow-up`, {
      followUpOn: '2026-12-03',
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('care.follow_up_in_past');
    t.clock.advance(60_000);
    const moved = await as(t.app, care)('POST', `/api/v1/referrals/${referral.id}/follow-up`, {
      followUpOn: '2027-01-08',
    });
    expect(moved.json()).toMatchObject({ followUpOn: '2027-01-08', followUpDue: false });

    t.clock.advance(60_000);
    const closed = await as(t.app, care)('POST', `/api/v1/referrals/${referral.id}/closing`, {
      outcome: 'file_lodged',
      note: 'Dossier déposé à la Banque de France',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'file_lodged', outcomes: [] });
    const reopened = await as(t.app, care)('POST', `/api/v1/referrals/${referral.id}/follow-up`, {
      followUpOn: '2027-02-01',
    });
    expect(reopened.json().code).toBe('care.referral_closed');

    expect((await careLines()).map((line) => line.summary_key)).toEqual([
      'care_referral_proposed',
      'care_referral_sent',
      'care_referral_follow_up_moved',
      'care_referral_closed',
    ]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('target_id', '=', referral.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'care_referral.proposed',
      'care_referral.sent',
      'care_referral.follow_up_moved',
      'care_referral.closed',
    ]);
    // What the letter gave the debtor: the organisation's contact details as they stood.
    expect(audit[1]!.after).toMatchObject({
      how: 'letter',
      sent: { name: 'Banque de France', phone: '34 14' },
      letter: {
        caseId,
        documentId: letterDocument.id,
        reference: `OR-${referral.id.replaceAll('-', '').slice(0, 8).toUpperCase()}`,
      },
    });
    expect(audit[2]!.before).toEqual({ followUpOn: '2026-12-18' });
    expect(JSON.stringify(audit)).not.toContain(NEED);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('closes a referral the debtor declined as refused, without sending it; file lodged is for over-indebtedness only', async () => {
    const caf = await suggestion('family_benefits');
    const proposed = (await propose(caf.id, { followUpOn: '2026-12-04' })).json();
    expect(proposed.followUpDue).toBe(true);
    const refused = await as(t.app, care)('POST', `/api/v1/referrals/${proposed.id}/closing`, { outcome: 'refused' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'closed', outcome: 'refused', sentHow: null });

    const other = (await propose(caf.id)).json();
    await as(t.app, care)('POST', `/api/v1/referrals/${other.id}/sending`, { how: 'warm_handoff' });
    const lodged = await as(t.app, care)('POST', `/api/v1/referrals/${other.id}/closing`, { outcome: 'file_lodged' });
    expect(lodged.statusCode).toBe(422);
    expect(lodged.json().code).toBe('care.file_lodged_not_over_indebtedness');
  });

  it('sends no letter to a debtor without an address that receives mail: the referral stays proposed, no file is left', async () => {
    const pcb = await suggestion('budget_advice');
    const proposed = (await propose(pcb.id)).json();
    const addresses = await t.deps.db
      .updateTable('debtor_addresses')
      .set({ undeliverable_at: START })
      .where('debtor_id', '=', debtorId)
      .where('undeliverable_at', 'is', null)
      .returning('id')
      .execute();
    try {
      const documentsBefore = await t.deps.db
        .selectFrom('case_documents')
        .select('id')
        .where('case_id', '=', caseId)
        .execute();
      const refused = await as(t.app, care)('POST', `/api/v1/referrals/${proposed.id}/sending`, { how: 'letter' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('care.referral_no_letter_address');
      const after = (await referrals(care)).json().referrals.find((r: { id: string }) => r.id === proposed.id);
      expect(after).toMatchObject({ status: 'proposed', sentHow: null });
      const documentsAfter = await t.deps.db
        .selectFrom('case_documents')
        .select('id')
        .where('case_id', '=', caseId)
        .execute();
      expect(documentsAfter).toHaveLength(documentsBefore.length);
    } finally {
      await t.deps.db
        .updateTable('debtor_addresses')
        .set({ undeliverable_at: null })
        .where(
          'id',
          'in',
          addresses.map((a) => a.id),
        )
        .execute();
    }
  });

  it('refuses a referral without consent, in the past, or to an organisation of another country', async () => {
    const bdf = await suggestion('over_indebtedness');
    const noConsent = await propose(bdf.id, { consent: false });
    expect(noConsent.statusCode).toBe(400);
    const past = await propose(bdf.id, { followUpOn: '2026-12-01' });
    expect(past.json().code).toBe('care.follow_up_in_past');
    const list = await as(t.app, care)('GET', '/api/v1/care/organisations?country=IT&helpsWith=social_support');
    expect(list.statusCode, list.body).toBe(200);
    const italian = list.json().items[0] as Organisation;
    const abroad = await propose(italian.id);
    expect(abroad.json().code).toBe('care.organisation_other_country');
  });

  it('shows the details only to those with need-to-know, each full read recorded; a creditor user never', async () => {
    const before = (await reads()).length;
    const restricted = await referrals(otherAgent);
    expect(restricted.statusCode, restricted.body).toBe(200);
    expect(restricted.json()).toMatchObject({ access: 'restricted', referrals: [], suggestions: [] });
    expect(restricted.json().count).toBeGreaterThan(0);
    expect(restricted.body).not.toContain(NEED);
    expect(restricted.body).not.toContain('Banque de France');
    expect((await reads()).length).toBe(before);

    const full = await referrals(care);
    expect(full.json()).toMatchObject({ access: 'full' });
    expect(full.body).toContain(NEED);
    const holderRead = await referrals(holder);
    expect(holderRead.json().access).toBe('full');
    const leaderRead = await referrals(leader, `?reason=${encodeURIComponent('Revue du dossier avec la cellule')}`);
    expect(leaderRead.json().access).toBe('full');
    const recorded = (await reads()).slice(before);
    expect(recorded.map((read) => [read.user_id, read.basis])).toEqual([
      [care.userId, 'care_team'],
      [holder.userId, 'case_holder'],
      [leader.userId, 'stated_reason'],
    ]);

    // The standing panel names the open referral to readers with need-to-know, and nothing of it to others.
    const standing = async (session: Session) => {
      const workspace = await as(t.app, session)('GET', `/api/v1/cases/${caseId}/workspace`);
      expect(workspace.statusCode, workspace.body).toBe(200);
      return JSON.stringify(workspace.json().standing);
    };
    expect(await standing(holder)).toContain(
      '"label":"Orientation proposée","value":"vers Caisse d\'allocations familiales (CAF), le 4 décembre 2026"',
    );
    expect(await standing(otherAgent)).not.toMatch(/Orientation proposée|Caisse/);
    expect((await reads()).length).toBe(before + 4);

    const denied = await referrals(creditor);
    expect(denied.statusCode).toBe(403);
    const caseView = await as(t.app, creditor)('GET', `/api/v1/cases/${caseId}`);
    expect(caseView.body).not.toContain('care_referral');
    const write = await as(t.app, holder)('POST', `/api/v1/debtors/${debtorId}/referrals`, {
      consent: true,
      organisationId: (await suggestion('job_loss')).id,
      need: NEED,
    });
    expect(write.statusCode).toBe(403);
  });
});
