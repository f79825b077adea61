import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { DEFAULT_POLICY } from './core/default-policy.js';

/** Tuesday 24 November 2026, 10:00 in Paris. */
const TUESDAY_10H = new Date('2026-11-24T09:00:00Z');
const HOUR = 3_600_000;

describe.each(ENGINES)('contact policy enforcement on %s', (engine) => {
  let t: TestApp;
  let agent: ReturnType<typeof as>;
  let manager: ReturnType<typeof as>;
  let compliance: ReturnType<typeof as>;
  let debtorId = '';
  let caseId = '';

  /** A Paris debtor with a mobile phone, an email and a case whose first letter went out, and no contact yet. */
  async function freshDebtor(reference: string) {
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
    const debtor = await db
      .insertInto('debtors')
      .values({ kind: 'person', first_name: 'Zoé', last_name: `Essai-${reference}`, language: 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('debtor_addresses')
      .values({
        debtor_id: debtor.id,
        line1: '1 rue de la Paix',
        postal_code: '75002',
        city: 'Paris',
        country: 'FR',
        subdivision: '75',
        time_zone: 'Europe/Paris',
        is_primary: true,
      })
      .execute();
    await db
      .insertInto('debtor_contact_points')
      .values([
        { debtor_id: debtor.id, channel: 'phone', value: `+3361234${reference.slice(-4)}`, usage: 'mobile' },
        { debtor_id: debtor.id, channel: 'email', value: `zoe.${reference}@mail.example`, usage: 'personal' },
      ])
      .execute();
    const created = await db
      .insertInto('cases')
      .values({
        reference,
        creditor_id: creditor.id,
        mandate_id: mandate.id,
        debtor_id: debtor.id,
        stage: 'amicable',
        opened_on: '2026-10-01',
        first_letter_sent_on: '2026-10-03',
        first_letter_reference: `LR-${reference}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { debtorId: debtor.id, caseId: created.id };
  }

  const call = (at: Date, extra: Record<string, unknown> = {}) =>
    agent('POST', '/api/v1/contact-attempts', {
      debtorId,
      caseId,
      channel: 'phone',
      direction: 'outbound',
      outcome: 'no_answer',
      at: at.toISOString(),
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    t.clock.now = TUESDAY_10H;
    agent = as(t.app, await signIn(t.app, demoEmail('agent')));
    manager = as(t.app, await signIn(t.app, demoEmail('manager')));
    compliance = as(t.app, await signIn(t.app, demoEmail('compliance_officer')));
    ({ debtorId, caseId } = await freshDebtor('TEST-CP-0001'));
  });
  afterAll(async () => t?.close());

  it('ships the default policy of REGULATION.md §6 as version 1', async () => {
    const response = await compliance('GET', '/api/v1/contact-policy');
    expect(response.statusCode).toBe(200);
    expect(response.json().current.version).toBe(1);
    // Version 1 was published (migration 0005) before notices had an Italian text: the shipped policy as it was then.
    const withoutItalian = JSON.parse(JSON.stringify(DEFAULT_POLICY), (key, value) =>
      key === 'it' ? undefined : value,
    );
    expect(response.json().current.document).toEqual(withoutItalian);
  });

  it('answers a dialer: allowed now, with the policy version; refused on a Sunday with the reason and Monday 09:00', async () => {
    const now = await agent('GET', `/api/v1/debtors/${debtorId}/contact-permission?channel=phone`);
    expect(now.statusCode).toBe(200);
    expect(now.json()).toMatchObject({
      allowed: true,
      reasons: [],
      policyVersion: 1,
      nextAllowedAt: TUESDAY_10H.toISOString(),
    });
    const sunday = await agent(
      'GET',
      `/api/v1/debtors/${debtorId}/contact-permission?channel=sms&at=2026-11-29T10:00:00Z`,
    );
    expect(sunday.json()).toMatchObject({ allowed: false, nextAllowedAt: '2026-11-30T08:00:00.000Z' });
    expect(sunday.json().reasons.map((reason: { rule: string }) => reason.rule)).toEqual(['window.day_closed']);
    expect(sunday.json().reasons[0].message).toMatch(/jour/);
  });

  it('records an allowed attempt with its decision, and refuses the next one with every reason and the next moment', async () => {
    const first = await call(TUESDAY_10H);
    expect(first.statusCode).toBe(201);
    expect(first.json().contact).toMatchObject({ channel: 'phone', outcome: 'no_answer', policyVersion: 1 });
    expect(first.json().decision.allowed).toBe(true);

    t.clock.advance(HOUR);
    const second = await call(t.clock.now);
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({
      code: 'contact.refused',
      nextAllowedAt: '2026-11-24T13:00:00.000Z',
      policyVersion: 1,
    });
    expect(second.json().reasons.map((reason: { rule: string }) => reason.rule)).toEqual(['spacing.phone']);
    const recorded = await t.deps.db.selectFrom('contacts').select('id').where('debtor_id', '=', debtorId).execute();
    expect(recorded).toHaveLength(1);
  });

  it('lets one refused contact through after a manager grants an override with a written reason', async () => {
    expect(
      (
        await agent('POST', '/api/v1/contact-overrides', {
          caseId,
          channel: 'phone',
          reason: 'Le débiteur attend notre appel ce matin',
        })
      ).statusCode,
    ).toBe(403);
    const granted = await manager('POST', '/api/v1/contact-overrides', {
      caseId,
      channel: 'phone',
      reason: 'Le débiteur attend notre appel ce matin',
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().refusal.reasons.map((reason: { rule: string }) => reason.rule)).toEqual(['spacing.phone']);

    const withOverride = await call(t.clock.now);
    expect(withOverride.statusCode).toBe(201);
    expect(withOverride.json().decision.override).toMatchObject({ id: granted.json().id });
    t.clock.advance(60_000);
    expect((await call(t.clock.now)).statusCode).toBe(409);

    const view = await agent('GET', `/api/v1/cases/${caseId}/contact`);
    expect(view.json().overrides[0]).toMatchObject({
      reason: 'Le débiteur attend notre appel ce matin',
      usedAt: expect.any(String),
    });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', granted.json().id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['contact.override_granted']);
  });

  it('refuses an undated hold; a vulnerability pause gets its 30 days and stops every channel until lifted', async () => {
    const undated = await agent('POST', `/api/v1/debtors/${debtorId}/holds`, {
      kind: 'dispute',
      reason: 'Conteste le montant',
    });
    expect(undated.statusCode).toBe(422);
    expect(undated.json().code).toBe('holds.undated');

    const hold = await agent('POST', `/api/v1/debtors/${debtorId}/holds`, {
      kind: 'vulnerability',
      reason: 'Écrit uniquement, revue humaine',
    });
    expect(hold.statusCode).toBe(201);
    expect(Date.parse(hold.json().endsAt) - Date.parse(hold.json().startsAt)).toBe(30 * 24 * HOUR);
    // The agent does not hold this case: a care rule stops every channel; compliance reads which hold it is.
    const view = await agent('GET', `/api/v1/cases/${caseId}/contact`);
    const full = await compliance('GET', `/api/v1/cases/${caseId}/contact`);
    for (const channel of ['phone', 'sms', 'email', 'letter'] as const) {
      expect(view.json().permissions[channel].reasons.map((reason: { rule: string }) => reason.rule)).toContain(
        'hold.care_rule',
      );
      expect(full.json().permissions[channel].reasons.map((reason: { rule: string }) => reason.rule)).toContain(
        'hold.vulnerability',
      );
    }
    expect(
      (await agent('POST', `/api/v1/holds/${hold.json().id}/lift`, { reason: 'Revue faite avec le débiteur' }))
        .statusCode,
    ).toBe(200);
    const after = await agent('GET', `/api/v1/debtors/${debtorId}/contact-permission?channel=email`);
    expect(after.json().allowed).toBe(true);
  });

  it('records an inbound conversation whatever the policy says, then pauses outbound calls for seven days', async () => {
    const inbound = await agent('POST', '/api/v1/contact-attempts', {
      debtorId,
      caseId,
      channel: 'phone',
      direction: 'inbound',
      outcome: 'right_party',
      at: t.clock.now.toISOString(),
    });
    expect(inbound.statusCode).toBe(201);
    expect(inbound.json().contact.conversation).toBe(true);
    const permission = await agent(
      'GET',
      `/api/v1/debtors/${debtorId}/contact-permission?channel=phone&at=2026-11-26T10:00:00Z`,
    );
    expect(permission.json().reasons.map((reason: { rule: string }) => reason.rule)).toEqual([
      'pause_after_conversation',
    ]);
    // The email is still open.
    expect(
      (
        await agent('GET', `/api/v1/debtors/${debtorId}/contact-permission?channel=email&at=2026-11-26T10:00:00Z`)
      ).json().allowed,
    ).toBe(true);
  });

  it('validates outcomes, refuses contacts in the future, and keeps creditors out', async () => {
    const wrong = await agent('POST', '/api/v1/contact-attempts', {
      debtorId,
      caseId,
      channel: 'sms',
      direction: 'outbound',
      outcome: 'right_party',
    });
    expect(wrong.json().code).toBe('contact.invalid_outcome');
    const future = await call(new Date(t.clock.now.getTime() + 2 * HOUR));
    expect(future.json().code).toBe('contact.in_future');
    const creditor = as(t.app, await signIn(t.app, demoEmail('creditor_user')));
    expect((await creditor('GET', `/api/v1/cases/${caseId}/contact`)).statusCode).toBe(403);
  });

  it('never lets two agents racing on the same debtor exceed a cap', async () => {
    const racer = await freshDebtor('TEST-CP-0002');
    t.clock.now = new Date('2026-11-24T14:00:00Z');
    agent = as(t.app, await signIn(t.app, demoEmail('agent')));
    compliance = as(t.app, await signIn(t.app, demoEmail('compliance_officer')));
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        agent('POST', '/api/v1/contact-attempts', {
          debtorId: racer.debtorId,
          caseId: racer.caseId,
          channel: 'phone',
          direction: 'outbound',
          outcome: 'no_answer',
        }),
      ),
    );
    const statuses = attempts.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const recorded = await t.deps.db
      .selectFrom('contacts')
      .select('id')
      .where('debtor_id', '=', racer.debtorId)
      .execute();
    expect(recorded).toHaveLength(1);
  });

  it('lets the compliance officer draft, check, simulate and publish a new version', async () => {
    const invalid = await compliance('PUT', '/api/v1/contact-policy/draft', {
      document: { ...DEFAULT_POLICY, caps: [{ id: 'x' }] },
      basedOnVersion: 1,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('contact_policy.invalid');
    expect(invalid.json().issues[0].path).toMatch(/^caps\.0/);

    const stricter = {
      ...DEFAULT_POLICY,
      caps: DEFAULT_POLICY.caps.map((cap) => (cap.id === 'all.30d' ? { ...cap, max: 1 } : cap)),
    };
    expect(
      (await agent('PUT', '/api/v1/contact-policy/draft', { document: stricter, basedOnVersion: 1 })).statusCode,
    ).toBe(403);
    const saved = await compliance('PUT', '/api/v1/contact-policy/draft', {
      document: stricter,
      basedOnVersion: 1,
      expectedUpdatedAt: null,
    });
    expect(saved.statusCode).toBe(200);
    // A colleague's edit made from an older state of the draft is refused, not silently overwritten.
    const stale = await compliance('PUT', '/api/v1/contact-policy/draft', {
      document: DEFAULT_POLICY,
      basedOnVersion: 1,
      expectedUpdatedAt: null,
    });
    expect(stale.json().code).toBe('contact_policy.draft_changed');
    expect(
      (
        await compliance('PUT', '/api/v1/contact-policy/draft', {
          document: stricter,
          basedOnVersion: 1,
          expectedUpdatedAt: saved.json().updatedAt,
        })
      ).statusCode,
    ).toBe(200);

    const simulation = await compliance('POST', '/api/v1/contact-policy/simulations', { days: 60 });
    expect(simulation.statusCode).toBe(200);
    const result = simulation.json();
    expect(result.contacts).toBeGreaterThan(10);
    expect(result.refusedByDraft).toBeGreaterThan(0);
    const capRule = result.rules.find((rule: { rule: string }) => rule.rule === 'cap.all.30d');
    expect(capRule.refusedByDraft).toBeGreaterThan(0);
    expect(capRule.examples[0]).toMatchObject({
      caseReference: expect.any(String),
      reasons: expect.arrayContaining(['cap.all.30d']),
    });
    // The version in force replayed against itself changes nothing, yet each rule that refused shows its contacts
    // (here the calls let through by an override).
    const same = (
      await compliance('POST', '/api/v1/contact-policy/simulations', { days: 60, policy: DEFAULT_POLICY })
    ).json();
    expect(same.changed).toBe(0);
    const refusing = same.rules.filter((rule: { refusedByCurrent: number }) => rule.refusedByCurrent > 0);
    expect(refusing.length).toBeGreaterThan(0);
    for (const rule of refusing) expect(rule.examples[0]).toMatchObject({ answer: 'refusedByBoth' });

    expect(
      (
        await compliance('POST', '/api/v1/contact-policy/draft/publish', {
          effectiveFrom: '2020-01-01T00:00:00Z',
          note: 'Trop tard',
        })
      ).json().code,
    ).toBe('contact_policy.effective_in_past');
    const published = await compliance('POST', '/api/v1/contact-policy/draft/publish', {
      effectiveFrom: t.clock.now.toISOString(),
      note: 'Un seul contact par mois',
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().version).toBe(2);
    expect((await compliance('GET', '/api/v1/contact-policy/draft')).statusCode).toBe(404);
    const permission = await agent('GET', `/api/v1/debtors/${debtorId}/contact-permission?channel=letter`);
    expect(permission.json().policyVersion).toBe(2);
    expect(permission.json().reasons.map((reason: { rule: string }) => reason.rule)).toContain('cap.all.30d');
  });

  it('evaluates inline facts against the draft or a given document', async () => {
    const response = await compliance('POST', '/api/v1/contact-policy/decisions', {
      policy: DEFAULT_POLICY,
      facts: {
        location: { country: 'FR', region: '57', timeZone: 'Europe/Paris' },
        firstLetterSentAt: '2026-01-05T10:00:00Z',
      },
      channel: 'phone',
      at: '2026-04-03T08:00:00Z',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      allowed: false,
      nextAllowedAt: '2026-04-04T07:00:00.000Z',
      policyVersion: 0,
    });
    expect(response.json().reasons[0].rule).toBe('window.holiday');
  });

  it('keeps the audit trail intact', async () => {
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
