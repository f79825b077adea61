import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { pdfMoney } from '../platform/pdf.js';
import type { HandoffDocument } from './core/handoff.js';
import type { HandoffList, HandoffView, PartnerView } from './contract.js';
import { handoffSchemaErrors } from './handoff-validate.js';

const START = new Date('2026-11-25T09:00:00Z');
const MARK = 'QZHANDOFF';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const PARTNER = {
  firmName: 'SCP Rhône Exécution',
  kind: 'commissaire_de_justice',
  contactName: 'Me Paul Girard',
  email: 'etude@rhone-execution.example',
  phone: '+33478000000',
  address: '12 quai Saint-Antoine, 69002 Lyon',
  channel: 'email',
  area: 'Cour d’appel de Lyon',
};

describe.each(ENGINES)('the handoff file of a judicial case on %s', (engine) => {
  let t: TestApp;
  let judicial: Session;
  let agent: Session;
  let admin: Session;
  let horizon: Session;
  let energie: Session;
  let caseId: string;
  let amicableCaseId: string;
  let partner: PartnerView;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    judicial = await signIn(t.app, demoEmail('judicial_specialist'));
    agent = await signIn(t.app, demoEmail('agent'));
    admin = await signIn(t.app, demoEmail('administrator'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const open = (stage: 'amicable' | 'judicial') =>
      t.deps.db
        .selectFrom('cases')
        .select(['id', 'debtor_id'])
        .where('creditor_id', '=', horizon.creditorId!)
        .where('status', '<>', 'closed')
        .where('stage', '=', stage)
        .orderBy('reference')
        .executeTakeFirst();
    amicableCaseId = (await open('amicable'))!.id;
    // The small demo may have no case of this creditor at the judicial stage: the test puts one there (the reviewed
    // escalation is the judicial review's; the handoff only needs the stage).
    let found = await open('judicial');
    if (!found) {
      const other = await t.deps.db
        .selectFrom('cases')
        .select(['id', 'debtor_id'])
        .where('creditor_id', '=', horizon.creditorId!)
        .where('stage', '=', 'amicable')
        .where('id', '<>', amicableCaseId)
        .orderBy('reference')
        .executeTakeFirstOrThrow();
      await t.deps.db.updateTable('cases').set({ stage: 'judicial' }).where('id', '=', other.id).execute();
      found = other;
    }
    caseId = found.id;
    // A care hold with a health reason: never in the file.
    const hold = await as(t.app, agent)('POST', `/api/v1/debtors/${found.debtor_id}/holds`, {
      kind: 'vulnerability',
      caseId,
      reason: `${MARK} hospitalisation`,
      reviewAt: new Date(START.getTime() + 10 * 86_400_000).toISOString(),
    });
    expect(hold.statusCode, hold.body).toBeLessThan(300);
  });
  afterAll(() => t.close());

  it('gives the judicial team work in the demo: partners, and files built and sent on the judicial cases', async () => {
    const partners = (await as(t.app, judicial)('GET', '/api/v1/judicial-partners')).json() as { items: PartnerView[] };
    expect(partners.items.length).toBeGreaterThanOrEqual(3);
    const files = await t.deps.db.selectFrom('judicial_handoffs').select(['status']).execute();
    // The demo's own (this test has built none yet): one on each of up to three judicial cases.
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files.length).toBeLessThanOrEqual(3);
    expect(files.map((f) => f.status)).toContain('acknowledged');
  });

  it('lets the judicial team and administrators manage partners, never agents or creditors', async () => {
    expect((await as(t.app, agent)('POST', '/api/v1/judicial-partners', PARTNER)).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/judicial-partners')).statusCode).toBe(403);
    const noMail = await as(t.app, judicial)('POST', '/api/v1/judicial-partners', { ...PARTNER, email: null });
    expect(noMail.statusCode).toBe(400);
    const created = await as(t.app, judicial)('POST', '/api/v1/judicial-partners', PARTNER);
    expect(created.statusCode, created.body).toBe(201);
    partner = created.json();
    const other = await as(t.app, admin)('POST', '/api/v1/judicial-partners', {
      ...PARTNER,
      firmName: 'Cabinet Voisin Avocats',
      kind: 'lawyer',
      channel: 'post',
      email: '',
    });
    expect(other.statusCode, other.body).toBe(201);
    const off = await as(t.app, admin)('PUT', `/api/v1/judicial-partners/${(other.json() as PartnerView).id}`, {
      ...PARTNER,
      firmName: 'Cabinet Voisin Avocats',
      kind: 'lawyer',
      channel: 'post',
      active: false,
    });
    expect(off.statusCode, off.body).toBe(200);
    const active = (await as(t.app, judicial)('GET', '/api/v1/judicial-partners?active=true')).json() as {
      items: PartnerView[];
    };
    expect(active.items.map((p) => p.firmName)).toContain(PARTNER.firmName);
    expect(active.items.map((p) => p.firmName)).not.toContain('Cabinet Voisin Avocats');
  });

  it('builds a version only for a case at the judicial stage, by the judicial team', async () => {
    const amicable = await as(t.app, judicial)('POST', `/api/v1/cases/${amicableCaseId}/handoffs`);
    expect(amicable.statusCode).toBe(409);
    expect(amicable.json().code).toBe('handoffs.case_not_judicial');
    expect((await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/handoffs`)).statusCode).toBe(403);
    expect((await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/handoffs`)).statusCode).toBe(403);
  });

  it('builds versions that increment, keeps the hashes of the bytes it serves, and fills the PDF and the requête', async () => {
    // The demo may have built and sent a file on this case already: versions go on from its last.
    const before = (await as(t.app, judicial)('GET', `/api/v1/cases/${caseId}/handoffs`)).json() as HandoffList;
    const last = before.items[0]?.version ?? 0;
    const first = await as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/handoffs`);
    expect(first.statusCode, first.body).toBe(201);
    const second = await as(t.app, judicial)('POST', `/api/v1/cases/${caseId}/handoffs`);
    const v2 = second.json() as HandoffView;
    expect([first.json().version, v2.version]).toEqual([last + 1, last + 2]);
    const list = (await as(t.app, judicial)('GET', `/api/v1/cases/${caseId}/handoffs`)).json() as HandoffList;
    expect(list.items.slice(0, 2).map((h) => [h.version, h.status])).toEqual([
      [last + 2, 'built'],
      [last + 1, 'withdrawn'],
    ]);
    // A file already sent stays as it was sent.
    expect(list.items.slice(2).map((h) => h.status)).not.toContain('built');
    expect(list.caseJudicial).toBe(true);

    const json = await as(t.app, judicial)('GET', `/api/v1/handoffs/${v2.id}/json`);
    expect(sha256(json.rawPayload)).toBe(v2.jsonSha256);
    const document = json.json() as HandoffDocument;
    expect(handoffSchemaErrors(document)).toEqual([]);
    const balance = await t.deps.db
      .selectFrom('cases')
      .select('balance_cents')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(document.statement.totals.owedCents).toBe(balance.balance_cents);
    expect(v2.owedCents).toBe(balance.balance_cents);
    expect(json.body).not.toContain(MARK);
    expect(document.holds.map((h) => h.kind)).not.toContain('vulnerability');
    expect(document.holds.some((h) => h.kind === 'collection_suspended')).toBe(true);

    const pdf = await as(t.app, judicial)('GET', `/api/v1/handoffs/${v2.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha256(pdf.rawPayload)).toBe(v2.pdfSha256);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(document.case.reference);
    expect(text).toContain(document.debtor.lastName!.toUpperCase());
    expect(text).toContain(pdfMoney('fr', document.statement.totals.owedCents).replace(' €', ''));
    expect(text).toContain('Requête en injonction de payer');
    expect(text).toContain('dans le ressort duquel demeure le débiteur');
    expect(text).toContain('Bordereau');
    expect(text).not.toContain(MARK);
  });

  it('serves a creditor its own cases’ files only', async () => {
    const list = (await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}/handoffs`)).json() as HandoffList;
    const id = list.items[0]!.id;
    expect((await as(t.app, horizon)('GET', `/api/v1/handoffs/${id}/pdf`)).statusCode).toBe(200);
    expect((await as(t.app, energie)('GET', `/api/v1/cases/${caseId}/handoffs`)).statusCode).toBe(404);
    expect((await as(t.app, energie)('GET', `/api/v1/handoffs/${id}/json`)).statusCode).toBe(404);
    expect((await as(t.app, energie)('GET', `/api/v1/handoffs/${id}/pdf`)).statusCode).toBe(404);
  });

  it('records the sending by hand and the acknowledgement, each once, audited', async () => {
    const list = (await as(t.app, judicial)('GET', `/api/v1/cases/${caseId}/handoffs`)).json() as HandoffList;
    const [latest, withdrawn] = list.items;
    const sentOn = '2026-11-24';
    const refused = await as(t.app, judicial)('POST', `/api/v1/handoffs/${withdrawn!.id}/sending`, {
      partnerId: partner.id,
      sentOn,
    });
    expect(refused.json().code).toBe('handoffs.not_sendable');
    const future = await as(t.app, judicial)('POST', `/api/v1/handoffs/${latest!.id}/sending`, {
      partnerId: partner.id,
      sentOn: '2026-12-24',
    });
    expect(future.json().code).toBe('handoffs.date_in_future');
    const early = await as(t.app, judicial)('POST', `/api/v1/handoffs/${latest!.id}/acknowledgement`, {
      acknowledgedOn: sentOn,
    });
    expect(early.json().code).toBe('handoffs.not_sent');
    // An escalation that told the debtor nothing is filed before the 25th: the file cannot leave on the 24th.
    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['debtor_id', 'creditor_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const decidedAt = new Date('2026-11-17T10:00:00Z');
    const escalation = await t.deps.db
      .insertInto('judicial_reviews')
      .values({
        case_id: caseId,
        debtor_id: kase.debtor_id,
        creditor_id: kase.creditor_id,
        due_on: '2026-11-01',
        status: 'decided',
        decision: 'escalate',
        reason: 'Escalated for the handoff test.',
        chosen_route: 'injonction_de_payer',
        facts: JSON.stringify({}),
        decided_at: decidedAt,
        debtor_told_at: decidedAt,
        file_not_before: '2026-11-25',
        created_at: decidedAt,
        updated_at: decidedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tooSoon = await as(t.app, judicial)('POST', `/api/v1/handoffs/${latest!.id}/sending`, {
      partnerId: partner.id,
      sentOn,
    });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json()).toMatchObject({ code: 'handoffs.before_file_not_before', fileNotBefore: '2026-11-25' });
    await t.deps.db
      .updateTable('judicial_reviews')
      .set({ file_not_before: '2026-11-24' })
      .where('id', '=', escalation.id)
      .execute();
    const sent = await as(t.app, judicial)('POST', `/api/v1/handoffs/${latest!.id}/sending`, {
      partnerId: partner.id,
      sentOn,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', channel: 'email', partner: { firmName: PARTNER.firmName } });
    const before = await as(t.app, judicial)('POST', `/api/v1/handoffs/${latest!.id}/acknowledgement`, {
      acknowledgedOn: '2026-11-20',
    });
    expect(before.json().code).toBe('handoffs.acknowledged_before_sent');
    const acknowledged = await as(t.app, judicial)('POST', `/api/v1/handoffs/${latest!.id}/acknowledgement`, {
      acknowledgedOn: '2026-11-25',
    });
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged' });
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', latest!.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['handoff.built', 'handoff.downloaded', 'handoff.sent', 'handoff.acknowledged']),
    );
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
