import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { portalPlanCandidates, portalSessionOf, signPlanOnPortal } from '../../test/support/portal.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { readPain008 } from '../bank-files/core/pain008.js';
import { addDays } from '../platform/calendar/dates.js';
import { PRE_NOTIFICATION_DAYS } from './core/e-mandate.js';
import type { MandateSigned, PortalMandatePage } from './mandates/contract.js';

// A Wednesday, 10:00 in Paris.
const START = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';
const SEPA = {
  SEPA_CREDITOR_NAME: 'Accord Recouvrement SAS',
  SEPA_CREDITOR_ID: 'FR62ZZZ8A4F21',
  SEPA_CREDITOR_IBAN: 'FR7630006000010001234560183',
  SEPA_CREDITOR_BIC: 'AGRIFRPPXXX',
};
const IBAN = 'FR7630006000011234567890189';

interface Candidate {
  caseId: string;
  debtorId: string;
  /** The unpaid instalments of its live plan notified in time by a mandate signed today, in order. */
  dueDates: string[];
}

describe.each(ENGINES)('the SEPA e-mandate on the debtor portal on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  let mine: Candidate;
  let other: Candidate;
  let person: Session;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: SEPA });
    manager = await signIn(t.app, demoEmail('manager'));
    // People of the demo with one open amicable case, no budget, no plan, no hold, no mandate: each signs a plan on
    // the portal, as a person does, and the direct debits depend on that plan and this mandate alone.
    const candidates = await portalPlanCandidates(t.deps.db, { count: 2 });
    expect(candidates).toHaveLength(2);
    const withPlans: Candidate[] = [];
    for (const row of candidates) {
      const session = await portalSessionOf(t.deps, row.debtor_id);
      const planId = await signPlanOnPortal(t.app, session, row.case_id, Number(row.balance_cents));
      const due = await t.deps.db
        .selectFrom('plan_instalments as i')
        .innerJoin('plan_versions as v', 'v.id', 'i.plan_version_id')
        .select('i.due_on')
        .where('v.plan_id', '=', planId)
        .where('i.due_on', '>=', addDays(TODAY, PRE_NOTIFICATION_DAYS))
        .orderBy('i.due_on')
        .execute();
      withPlans.push({ caseId: row.case_id, debtorId: row.debtor_id, dueDates: due.map((d) => d.due_on) });
    }
    [mine, other] = withPlans as [Candidate, Candidate];
    expect(mine.dueDates.length).toBeGreaterThanOrEqual(2);
    person = await portalSessionOf(t.deps, mine.debtorId);
  });
  afterAll(() => t.close());

  const page = async (session = person, caseId = mine.caseId) =>
    (await as(t.app, session)('GET', `/api/portal/v1/cases/${caseId}/mandate?lang=en`)).json() as PortalMandatePage;
  const signBody = (reference: string, extra: Record<string, unknown> = {}) => ({
    holder: 'Camille Martin',
    iban: 'fr76 3000 6000 0112 3456 7890 189',
    reference,
    language: 'en',
    textVersion: 1,
    consent: true,
    ...extra,
  });
  const pain008 = (date: string) => as(t.app, manager)('GET', `/api/v1/direct-debits/pain008?date=${date}`);

  it('shows the mandate text with the creditor identifier, its unique reference and the notice of each debit', async () => {
    const view = await page();
    expect(view.refusal).toBeNull();
    expect(view.reference).toMatch(/^ACP-[A-Z0-9]+-1$/);
    expect(view.creditorIdentifier).toBe(SEPA.SEPA_CREDITOR_ID);
    expect(view.text.join(' ')).toContain(view.reference!);
    expect(view.text.join(' ')).toContain(`at least ${PRE_NOTIFICATION_DAYS} days before`);
    const notified = view.debits.filter((d) => d.byDirectDebit).map((d) => d.dueOn);
    expect(notified).toEqual(expect.arrayContaining(mine.dueDates));
    for (const debit of view.debits) expect(debit.noticeBy).toBe(addDays(debit.dueOn, -PRE_NOTIFICATION_DAYS));
    expect(view.current).toBeNull();
  });

  it('refuses a wrong IBAN, a missing consent and a text that changed, and writes nothing', async () => {
    const { reference } = await page();
    const send = (body: unknown) => as(t.app, person)('POST', `/api/portal/v1/cases/${mine.caseId}/mandate`, body);
    const wrong = await send(signBody(reference!, { iban: 'FR7630006000011234567890188' }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'portal.iban_invalid' });
    expect(wrong.body).not.toContain('FR7630006000011234567890188');
    expect((await send(signBody(reference!, { iban: 'CH9300762011623852957' }))).json().code).toBe(
      'portal.bic_required',
    );
    expect((await send(signBody(reference!, { consent: false }))).statusCode).toBe(400);
    expect((await send(signBody('ACP-OTHER-9'))).json().code).toBe('portal.mandate_changed');
    const none = await t.deps.db.selectFrom('sepa_mandates').select('id').where('case_id', '=', mine.caseId).execute();
    expect(none).toEqual([]);
  });

  it('keeps the person’s own files: another person’s case is 404, a staff session 401, a write without CSRF 403', async () => {
    const { reference } = await page();
    expect((await as(t.app, person)('GET', `/api/portal/v1/cases/${other.caseId}/mandate`)).statusCode).toBe(404);
    const foreign = await as(t.app, person)(
      'POST',
      `/api/portal/v1/cases/${other.caseId}/mandate`,
      signBody(reference!),
    );
    expect(foreign.statusCode).toBe(404);
    expect((await as(t.app, person)('POST', `/api/portal/v1/cases/${other.caseId}/mandate/revoke`)).statusCode).toBe(
      404,
    );
    expect((await as(t.app, manager)('GET', `/api/portal/v1/cases/${mine.caseId}/mandate`)).statusCode).toBe(401);
    expect(
      (await as(t.app, manager)('POST', `/api/portal/v1/cases/${mine.caseId}/mandate`, signBody(reference!)))
        .statusCode,
    ).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/portal/v1/cases/${mine.caseId}/mandate`,
      headers: { cookie: person.cookie },
      payload: signBody(reference!),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'auth.csrf_failed' });
  });

  it('signs the mandate: the next pain.008 debits the plan’s instalment with it, the IBAN shown masked only', async () => {
    const { reference } = await page();
    const signed = await t.app.inject({
      method: 'POST',
      url: `/api/portal/v1/cases/${mine.caseId}/mandate`,
      headers: { cookie: person.cookie, 'x-csrf-token': person.csrf, 'user-agent': 'Phone browser' },
      payload: signBody(reference!),
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const made = signed.json() as MandateSigned;
    expect(made.mandate).toMatchObject({
      reference,
      holder: 'Camille Martin',
      ibanMasked: 'FR76 •••• •••• 0189',
      signedOn: TODAY,
      signedVia: 'portal',
      status: 'active',
      firstDebitOn: addDays(TODAY, PRE_NOTIFICATION_DAYS),
    });
    expect(signed.body).not.toContain(IBAN);
    const view = await page();
    expect(view.current?.reference).toBe(reference);
    expect(JSON.stringify(view)).not.toContain(IBAN);

    // The evidence: when, which session, the address only as a keyed hash, the text read.
    const row = await t.deps.db
      .selectFrom('sepa_mandates as m')
      .innerJoin('sepa_mandate_signatures as s', 's.mandate_id', 'm.id')
      .select(['m.id', 'm.debtor_iban', 'm.created_by', 's.ip_sha256', 's.portal_session_sha256', 's.user_agent'])
      .select(['s.text_language', 's.text_version', 's.signed_at'])
      .where('m.case_id', '=', mine.caseId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      debtor_iban: IBAN,
      created_by: null,
      user_agent: 'Phone browser',
      text_language: 'en',
    });
    expect(row.ip_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.signed_at.toISOString()).toBe(START.toISOString());

    // The agency's one pain.008 file of the first date notified: the plan's instalment with this mandate.
    const file = await pain008(mine.dueDates[0]!);
    expect(file.statusCode, file.body).toBe(200);
    const read = readPain008(file.body);
    expect(read.controlSumCents).toBe(read.payments.reduce((sum, p) => sum + p.controlSumCents, 0));
    expect(file.body).toContain(`<MndtId>${reference}</MndtId>`);
    expect(file.body).toContain(`<DtOfSgntr>${TODAY}</DtOfSgntr>`);
    expect(file.body).toContain(IBAN);
    const collection = await t.deps.db
      .selectFrom('sepa_collections')
      .select(['mandate_id', 'sequence', 'end_to_end_id'])
      .where('case_id', '=', mine.caseId)
      .executeTakeFirstOrThrow();
    expect(collection).toMatchObject({ mandate_id: row.id, sequence: 'FRST' });
    expect(read.payments.flatMap((p) => p.endToEndIds)).toContain(collection.end_to_end_id);

    // On the timeline and in the audit trail, never with the whole IBAN.
    const events = await t.deps.db
      .selectFrom('case_events')
      .select(['summary_key', 'data'])
      .where('case_id', '=', mine.caseId)
      .where('summary_key', '=', 'portal_mandate_signed')
      .execute();
    expect(events).toHaveLength(1);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after', 'actor_role'])
      .where('action', '=', 'portal.mandate_signed')
      .execute();
    expect(audit).toMatchObject([{ actor_role: 'debtor', after: { reference, ibanEnd: '0189', consent: true } }]);
    expect(JSON.stringify([events, audit])).not.toContain(IBAN);
  });

  it('offers the survey in place once after the act, records it as a satisfaction answer, not under a hold', async () => {
    const mandate = await t.deps.db
      .selectFrom('sepa_mandates')
      .select('id')
      .where('case_id', '=', mine.caseId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const about = `kind=mandate_signed&id=${mandate.id}`;
    expect((await as(t.app, person)('GET', `/api/portal/v1/cases/${mine.caseId}/survey?${about}`)).json()).toEqual({
      offered: true,
      askRecommendation: true,
    });
    const answer = { kind: 'mandate_signed', id: mandate.id, score: 4, recommendation: 10, comment: 'Simple: a@b.fr' };
    const first = await as(t.app, person)('POST', `/api/portal/v1/cases/${mine.caseId}/survey`, answer);
    expect(first.statusCode, first.body).toBe(201);
    const again = await as(t.app, person)('POST', `/api/portal/v1/cases/${mine.caseId}/survey`, answer);
    expect(again.json()).toMatchObject({ code: 'satisfaction.survey_answered' });
    expect((await as(t.app, person)('GET', `/api/portal/v1/cases/${mine.caseId}/survey?${about}`)).json()).toEqual({
      offered: false,
      askRecommendation: true,
    });
    const recorded = await t.deps.db
      .selectFrom('satisfaction_answers as a')
      .innerJoin('satisfaction_invitations as i', 'i.id', 'a.invitation_id')
      .select(['a.score', 'a.recommendation', 'a.comment', 'i.channel', 'i.agent_id', 'i.interaction_kind'])
      .where('i.interaction_id', '=', mandate.id)
      .execute();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      score: 4,
      recommendation: 10,
      channel: 'portal',
      agent_id: null,
      interaction_kind: 'mandate_signed',
    });
    expect(recorded[0]!.comment).not.toContain('a@b.fr');
    // Another person's act, or one that is not an act of this case: 404.
    expect((await as(t.app, person)('GET', `/api/portal/v1/cases/${other.caseId}/survey?${about}`)).statusCode).toBe(
      404,
    );
  });

  it('revokes the mandate on the portal: the next instalment is no longer debited; a new one under a hold gets no survey', async () => {
    const revoked = await as(t.app, person)('POST', `/api/portal/v1/cases/${mine.caseId}/mandate/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await page()).current).toBeNull();
    expect((await page()).history[0]).toMatchObject({ status: 'revoked', revokedOn: TODAY });
    const later = await pain008(mine.dueDates[1]!);
    if (later.statusCode === 200) expect(later.body).not.toContain(IBAN);
    else expect(later.json()).toMatchObject({ code: 'bank_files.nothing_to_collect' });
    const again = await as(t.app, person)('POST', `/api/portal/v1/cases/${mine.caseId}/mandate/revoke`);
    expect(again.json()).toMatchObject({ code: 'portal.mandate_none' });
    const revokedEvents = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'portal.mandate_revoked')
      .execute();
    expect(revokedEvents).toMatchObject([{ after: { reason: 'revoked_by_debtor' } }]);

    // A vulnerability pause: a second mandate may be signed (collection goes on), the survey is not offered.
    await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: mine.debtorId,
        case_id: mine.caseId,
        kind: 'vulnerability',
        reason: 'Breathing space (test)',
        starts_at: new Date(START.getTime() - 3_600_000),
        ends_at: new Date(START.getTime() + 30 * 86_400_000),
      })
      .execute();
    const second = await page();
    expect(second.reference).toMatch(/-2$/);
    const signed = await as(t.app, person)(
      'POST',
      `/api/portal/v1/cases/${mine.caseId}/mandate`,
      signBody(second.reference!),
    );
    expect(signed.statusCode, signed.body).toBe(201);
    const made = signed.json() as MandateSigned;
    expect(made.survey).toBeNull();
    const refused = await as(t.app, person)('POST', `/api/portal/v1/cases/${mine.caseId}/survey`, {
      kind: 'mandate_signed',
      id: (
        await t.deps.db
          .selectFrom('sepa_mandates')
          .select('id')
          .where('reference', '=', second.reference!)
          .executeTakeFirstOrThrow()
      ).id,
      score: 5,
    });
    expect(refused.json()).toMatchObject({ code: 'satisfaction.survey_not_offered' });
  });

  it('keeps the audit trail intact', async () => {
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
