import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { keyHash } from './partner-keys.js';

// Wednesday 25 November 2026.
const START = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';

describe.each(ENGINES)('the partner API on %s', (engine) => {
  let t: TestApp;
  let judicial: Session;
  let horizon: Session;
  let caseId: string;
  let procedureId: string;
  let partnerA: string;
  let partnerB: string;
  let keyA: string;
  let keyAId: string;
  let keyB: string;

  /** A partner's call: its key as a bearer, no cookie. */
  const partner = (key: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      ...(payload ? { payload } : {}),
    });
  const report = (key: string, payload: object) =>
    partner(key, 'POST', `/api/partner/v1/procedures/${procedureId}/reports`, payload);
  const view = async () =>
    (await as(t.app, judicial)('GET', `/api/v1/cases/${caseId}/judicial-procedure`)).json().procedure;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    judicial = await signIn(t.app, demoEmail('judicial_specialist'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    const newPartner = async (firmName: string) => {
      const made = await as(t.app, judicial)('POST', '/api/v1/judicial-partners', {
        firmName,
        kind: 'commissaire_de_justice',
        address: '3 rue de la République, 69001 Lyon',
        channel: 'portal',
        area: 'Cour d’appel de Lyon',
      });
      expect(made.statusCode, made.body).toBe(201);
      return made.json().id as string;
    };
    partnerA = await newPartner('SCP Martin & Associés');
    partnerB = await newPartner('Étude Rhône Exécution');
    const open = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id'])
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where('c.balance_cents', '>', 20_000)
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    caseId = open.id;
    // The review's escalation moves the case (another capability); the fixture puts it there.
    await t.deps.db.updateTable('cases').set({ stage: 'judicial' }).where('id', '=', caseId).execute();
    const opened = await as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/judicial-procedure`, {
      route: 'injonction_de_payer',
      partnerId: partnerA,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    procedureId = opened.json().id;
  });
  afterAll(() => t.close());

  it('creates a key shown once, keeps only its hash, lists and audits it without the secret', async () => {
    const agent = await signIn(t.app, demoEmail('agent'));
    expect(
      (await as(t.app, agent)('POST', `/api/v1/judicial-partners/${partnerA}/keys`, { label: 'x' })).statusCode,
    ).toBe(403);
    expect((await as(t.app, judicial)('POST', `/api/v1/judicial-partners/${partnerA}/keys`, {})).statusCode).toBe(400);
    const made = await as(t.app, judicial)('POST', `/api/v1/judicial-partners/${partnerA}/keys`, {
      label: 'Logiciel de l’étude',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.headers['cache-control']).toBe('no-store');
    keyA = made.json().key;
    keyAId = made.json().id;
    expect(keyA).toMatch(/^acp_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(keyA.slice(4, 12)).toBe(made.json().prefix);
    const stored = await t.deps.db.selectFrom('judicial_partner_keys').selectAll().where('id', '=', keyAId).execute();
    expect(stored[0]!.key_hash).toBe(keyHash(keyA));
    expect(JSON.stringify(stored)).not.toContain(keyA.slice(13));

    const listed = await as(t.app, judicial)('GET', `/api/v1/judicial-partners/${partnerA}/keys`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: keyAId, label: 'Logiciel de l’étude', revokedAt: null, lastUsedAt: null }),
    ]);
    expect(listed.body).not.toContain(keyA.slice(13));
    expect(listed.body).not.toContain(keyHash(keyA));
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'judicial_partner_key.created')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(keyA.slice(13));

    keyB = (await as(t.app, judicial)('POST', `/api/v1/judicial-partners/${partnerB}/keys`, { label: 'B' })).json().key;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await as(t.app, judicial)('GET', `/api/v1/judicial-partners/${unknown}/keys`)).statusCode).toBe(404);
  });

  it('lets a partner in by its key only: the procedures it handles, nothing of another partner nor of /api/v1', async () => {
    const mine = await partner(keyA, 'GET', '/api/partner/v1/procedures');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id: procedureId, route: 'injonction_de_payer', state: 'requete_to_file' }),
    ]);
    expect(mine.json().items[0].reportableSteps).toContain('requete_filed');
    expect(mine.json().items[0].debtorName).not.toBe('');
    const keys = (await as(t.app, judicial)('GET', `/api/v1/judicial-partners/${partnerA}/keys`)).json();
    expect(keys.items[0].lastUsedAt).toBe(START.toISOString());

    const theirs = await partner(keyB, 'GET', '/api/partner/v1/procedures');
    expect(theirs.json().items.map((item: { id: string }) => item.id)).not.toContain(procedureId);
    const step = { externalId: 'B-1', kind: 'step', stepKind: 'requete_filed', occurredOn: TODAY };
    expect((await report(keyB, step)).statusCode).toBe(404);

    // No key, a session cookie instead, a key that is not one, a key on the staff's API.
    const noKey = await t.app.inject({
      method: 'GET',
      url: '/api/partner/v1/procedures',
      headers: { cookie: judicial.cookie },
    });
    expect(noKey.statusCode).toBe(401);
    expect(noKey.json().code).toBe('partner_api.key_required');
    expect(noKey.headers['www-authenticate']).toContain('Bearer');
    const forged = `${keyA.slice(0, -1)}${keyA.endsWith('A') ? 'B' : 'A'}`;
    expect((await partner(forged, 'GET', '/api/partner/v1/procedures')).json().code).toBe('partner_api.key_invalid');
    const staff = await partner(keyA, 'GET', `/api/v1/cases/${caseId}/judicial-procedure`);
    expect(staff.statusCode).toBe(401);
    expect(staff.json().code).toBe('auth.required');
  });

  it('stores a report pending, answers a retry with the same report, and refuses a bad body', async () => {
    const bad = await report(keyA, { externalId: 'A-1', kind: 'step', stepKind: 'procedure_ended', occurredOn: TODAY });
    expect(bad.statusCode).toBe(400);
    expect((await report(keyA, { externalId: 'A-1', kind: 'payment', amountCents: -5 })).statusCode).toBe(400);
    const body = { externalId: 'A-1', kind: 'step', stepKind: 'requete_filed', occurredOn: TODAY, note: 'Déposée' };
    const first = await report(keyA, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'pending', stepKind: 'requete_filed', procedureId, caseId });
    const retry = await report(keyA, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    const reused = await report(keyA, {
      externalId: 'A-1',
      kind: 'payment',
      amountCents: 100,
      receivedOn: TODAY,
      reference: 'V',
    });
    expect(reused.json().code).toBe('partner_api.external_id_reused');

    // The judicial team sees it in the procedure and in the bell; a creditor user never does.
    expect((await view()).partnerReports).toEqual([
      expect.objectContaining({ id: first.json().id, status: 'pending' }),
    ]);
    const bell = (await as(t.app, judicial)('GET', '/api/v1/notifications')).json();
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'partner_report', id: first.json().id }));
    const queue = (await as(t.app, judicial)('GET', '/api/v1/judicial/procedures/queue')).json();
    expect(queue.items.find((item: { caseId: string }) => item.caseId === caseId).partnerReports).toBe(1);
    const creditor = (await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}/judicial-procedure`)).json();
    expect(creditor.procedure.partnerReports).toBeNull();
    expect((await partner(keyB, 'GET', `/api/partner/v1/reports/${first.json().id}`)).statusCode).toBe(404);
    const received = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_role'])
      .where('action', '=', 'judicial_partner_report.received')
      .execute();
    expect(received).toEqual([{ actor_user_id: null, actor_role: 'judicial_partner' }]);
  });

  it('applies a step report as the partner’s step recorded by the person applying, once', async () => {
    const pending = (await view()).partnerReports[0];
    const applied = await as(t.app, judicial)('POST', `/api/v1/judicial/partner-reports/${pending.id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ state: 'requete_filed', partnerReports: [] });
    const step = applied.json().steps.at(-1);
    expect(step).toMatchObject({ kind: 'requete_filed', reportedBy: 'partner', note: 'Déposée' });
    const row = await t.deps.db
      .selectFrom('judicial_procedure_steps')
      .select('recorded_by')
      .where('id', '=', step.id)
      .executeTakeFirstOrThrow();
    expect(row.recorded_by).toBe(judicial.userId);
    const read = await partner(keyA, 'GET', `/api/partner/v1/reports/${pending.id}`);
    expect(read.json()).toMatchObject({ status: 'applied', rejectionReason: null });
    const again = await as(t.app, judicial)('POST', `/api/v1/judicial/partner-reports/${pending.id}/apply`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('judicial_partner_report.decided');
    // Its retry still answers the same report, now applied.
    const retry = await report(keyA, { externalId: 'A-1', kind: 'step', stepKind: 'requete_filed', occurredOn: TODAY });
    expect(retry.json()).toMatchObject({ id: pending.id, status: 'applied' });
  });

  it('leaves a report the procedure refuses pending (409 with its code), then rejects it with a reason', async () => {
    const served = await report(keyA, { externalId: 'A-2', kind: 'step', stepKind: 'served', occurredOn: TODAY });
    expect(served.statusCode).toBe(201);
    const refused = await as(t.app, judicial)('POST', `/api/v1/judicial/partner-reports/${served.json().id}/apply`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('judicial_procedure.step_not_allowed');
    expect((await view()).partnerReports).toEqual([
      expect.objectContaining({ id: served.json().id, status: 'pending' }),
    ]);
    const url = `/api/v1/judicial/partner-reports/${served.json().id}/reject`;
    expect((await as(t.app, judicial)('POST', url, { reason: '' })).statusCode).toBe(400);
    const rejected = await as(t.app, judicial)('POST', url, { reason: "L'ordonnance n'est pas encore rendue." });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().partnerReports).toEqual([]);
    const read = (await partner(keyA, 'GET', `/api/partner/v1/reports/${served.json().id}`)).json();
    expect(read).toMatchObject({ status: 'rejected', rejectionReason: "L'ordonnance n'est pas encore rendue." });
  });

  it('applies a payment report as the partner’s payment, allocated like any payment', async () => {
    const before = await t.deps.db
      .selectFrom('cases')
      .select('balance_cents')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const posted = await report(keyA, {
      externalId: 'A-3',
      kind: 'payment',
      amountCents: 5_000,
      receivedOn: TODAY,
      reference: 'VIR SCP MARTIN 2026-118',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const applied = await as(t.app, judicial)('POST', `/api/v1/judicial/partner-reports/${posted.json().id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    const step = applied.json().steps.at(-1);
    expect(step).toMatchObject({ kind: 'partner_payment', reportedBy: 'partner' });
    const row = await t.deps.db
      .selectFrom('judicial_partner_reports')
      .select(['status', 'payment_id', 'step_id'])
      .where('id', '=', posted.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'applied', payment_id: step.paymentId, step_id: step.id });
    const payment = await t.deps.db
      .selectFrom('payments')
      .select(['amount_cents', 'reference'])
      .where('id', '=', step.paymentId)
      .executeTakeFirstOrThrow();
    expect(Number(payment.amount_cents)).toBe(5_000);
    const after = await t.deps.db
      .selectFrom('cases')
      .select('balance_cents')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(Number(before.balance_cents) - Number(after.balance_cents)).toBe(5_000);
  });

  it('shuts a revoked key and an inactive partner out, and audits every decision', async () => {
    const url = `/api/v1/judicial-partners/${partnerA}/keys/${keyAId}/revoke`;
    const revoked = await as(t.app, judicial)('POST', url);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).toBe(START.toISOString());
    expect((await as(t.app, judicial)('POST', url)).json().code).toBe('judicial_partner_key.revoked');
    const shut = await partner(keyA, 'GET', '/api/partner/v1/procedures');
    expect(shut.statusCode).toBe(401);
    expect(shut.json().code).toBe('partner_api.key_revoked');

    await t.deps.db.updateTable('judicial_partners').set({ active: false }).where('id', '=', partnerB).execute();
    const inactive = await partner(keyB, 'GET', '/api/partner/v1/procedures');
    expect(inactive.statusCode).toBe(401);
    expect(inactive.json().code).toBe('partner_api.partner_inactive');
    const noNewKey = await as(t.app, judicial)('POST', `/api/v1/judicial-partners/${partnerB}/keys`, { label: 'C' });
    expect(noNewKey.json().code).toBe('judicial_partner_key.partner_inactive');

    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', [
        'judicial_partner_key.created',
        'judicial_partner_key.revoked',
        'judicial_partner_report.received',
        'judicial_partner_report.applied',
        'judicial_partner_report.rejected',
      ])
      .execute();
    expect(new Set(actions.map((row) => row.action))).toEqual(
      new Set([
        'judicial_partner_key.created',
        'judicial_partner_key.revoked',
        'judicial_partner_report.received',
        'judicial_partner_report.applied',
        'judicial_partner_report.rejected',
      ]),
    );
  });
});
