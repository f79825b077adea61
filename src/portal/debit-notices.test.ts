import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { portalPlanCandidates, portalSessionOf, signPlanOnPortal } from '../../test/support/portal.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { addDays, addMonths } from '../platform/calendar/dates.js';
import { sendDebitNotices } from './debit-notices.js';
import type { PortalMandatePage } from './mandates/contract.js';

// A Wednesday, 10:00 in Paris.
const START = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';
const SEPA = {
  SEPA_CREDITOR_NAME: 'Accord Recouvrement SAS',
  SEPA_CREDITOR_ID: 'FR62ZZZ8A4F21',
  SEPA_CREDITOR_IBAN: 'FR7630006000010001234560183',
  SEPA_CREDITOR_BIC: 'AGRIFRPPXXX',
  PUBLIC_URL: 'https://accord.example.fr',
};

describe.each(ENGINES)('the notice of direct debits when a plan changes after a portal mandate, on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  let agent: Session;
  let caseId: string;
  let planId: string;
  let mandateId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: SEPA });
    manager = await signIn(t.app, demoEmail('manager'));
    agent = await signIn(t.app, demoEmail('agent'));
    // A person of the demo with one open amicable case, no plan, no hold, no mandate, and a verified e-mail address.
    const candidates = await portalPlanCandidates(t.deps.db, { count: 1, withEmail: true });
    const chosen = candidates[0]!;
    caseId = chosen.case_id;
    const person = await portalSessionOf(t.deps, chosen.debtor_id);
    planId = await signPlanOnPortal(t.app, person, caseId, Number(chosen.balance_cents));
    const page = (
      await as(t.app, person)('GET', `/api/portal/v1/cases/${caseId}/mandate?lang=fr`)
    ).json() as PortalMandatePage;
    const signed = await as(t.app, person)('POST', `/api/portal/v1/cases/${caseId}/mandate`, {
      holder: 'Camille Martin',
      iban: 'FR7630006000011234567890189',
      reference: page.reference,
      language: 'fr',
      textVersion: 1,
      consent: true,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    mandateId = (
      await t.deps.db.selectFrom('sepa_mandates').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const pain008 = (date: string) => as(t.app, manager)('GET', `/api/v1/direct-debits/pain008?date=${date}`);
  /** The day's file, which may hold other cases' debits, or none at all. */
  const runFile = async (date: string) => {
    const file = await pain008(date);
    if (file.statusCode !== 200) expect(file.json()).toMatchObject({ code: 'bank_files.nothing_to_collect' });
  };
  const collections = () =>
    t.deps.db.selectFrom('sepa_collections').select(['collection_date']).where('case_id', '=', caseId).execute();
  const notices = () =>
    t.deps.db
      .selectFrom('sepa_debit_notices')
      .select(['due_on', 'amount_cents', 'notified_on', 'via', 'message_id'])
      .where('mandate_id', '=', mandateId)
      .orderBy('due_on')
      .orderBy('via')
      .execute();

  it('records the schedule shown at signature as the notice of each unpaid instalment', async () => {
    const unpaid = await t.deps.db
      .selectFrom('plan_instalments as i')
      .innerJoin('plan_versions as v', 'v.id', 'i.plan_version_id')
      .select(['i.due_on', 'i.amount_cents'])
      .where('v.plan_id', '=', planId)
      .where('i.status', '<>', 'paid')
      .orderBy('i.due_on')
      .execute();
    expect(unpaid.length).toBeGreaterThan(1);
    expect((await notices()).map((n) => [n.due_on, Number(n.amount_cents), n.notified_on, n.via])).toEqual(
      unpaid.map((i) => [i.due_on, Number(i.amount_cents), TODAY, 'signature']),
    );
  });

  it('debits a renegotiated plan’s instalments only once an e-mail told the person of them 14 days before', async () => {
    // The agent moves the plan: new dates, the first one too close for any notice to reach the person in time.
    const firstDueOn = addDays(TODAY, 10);
    const moved = await as(t.app, agent)('POST', `/api/v1/plans/${planId}/versions`, {
      kind: 'instalments',
      firstDueOn,
      months: 6,
      reason: 'Le débiteur est payé plus tôt dans le mois',
    });
    expect(moved.statusCode, moved.body).toBeLessThan(300);
    const second = addMonths(firstDueOn, 1);

    // Not told yet: neither new date is debited.
    await runFile(second);
    expect(await collections()).toEqual([]);

    const report = await sendDebitNotices(t.deps);
    expect(report).toMatchObject({ notified: 1, withoutEmail: 0 });
    expect(report.debits).toBe(5);
    const message = await t.deps.db
      .selectFrom('outbound_messages')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('purpose', '=', 'debit_notice')
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ channel: 'email', special_category: false, contact_id: null, status: 'queued' });
    expect(message.subject).toMatch(/^Vos prochains prélèvements – dossier /);
    expect(message.body).toContain('FR76 •••• •••• 0189');
    expect(message.body).toContain('identifiant créancier SEPA FR62ZZZ8A4F21');
    expect(message.body).not.toContain('FR7630006000011234567890189');
    const told = (await notices()).filter((n) => n.via === 'email');
    expect(told).toHaveLength(5);
    expect(told.every((n) => n.notified_on === TODAY && n.message_id === message.id)).toBe(true);
    expect(told.map((n) => n.due_on)).not.toContain(firstDueOn);

    // The first new date, told too late, is never debited; the second is.
    await runFile(firstDueOn);
    expect(await collections()).toEqual([]);
    const file = await pain008(second);
    expect(file.statusCode, file.body).toBe(200);
    expect((await collections()).map((c) => c.collection_date)).toEqual([second]);

    // Told once: the next day's run has nothing to say.
    expect(await sendDebitNotices(t.deps)).toEqual({ notified: 0, debits: 0, withoutEmail: 0 });
    const timeline = await t.deps.db
      .selectFrom('case_events')
      .select('summary_key')
      .where('case_id', '=', caseId)
      .where('summary_key', '=', 'portal_debits_notified')
      .execute();
    expect(timeline).toHaveLength(1);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['after', 'actor_role'])
      .where('action', '=', 'sepa_mandate.debits_notified')
      .execute();
    expect(audit).toMatchObject([{ actor_role: 'system', after: { count: 5, messageId: message.id } }]);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
