import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';
import { verifyAuditTrail } from '../../audit/verify.js';
import { shippedText } from '../core/message-templates.js';
import type { TemplatePreview, TemplateSlotView } from './contract.js';

const START = new Date('2026-11-25T09:00:00Z');
const SLOT = '/api/v1/message-templates/reminder/sms/fr';

describe.each(ENGINES)('message templates written, reviewed and published on %s', (engine) => {
  let t: TestApp;
  let compliance: Session;
  let manager: Session;
  let agent: Session;
  let leader: Session;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    manager = await signIn(t.app, demoEmail('manager'));
    agent = await signIn(t.app, demoEmail('agent'));
    leader = await signIn(t.app, demoEmail('team_leader'));
  });
  afterAll(() => t.close());

  it('lists every slot on the shipped text, and lets neither agents write nor team leaders publish', async () => {
    const list = await as(t.app, leader)('GET', '/api/v1/message-templates');
    expect(list.statusCode).toBe(200);
    const { slots } = list.json() as { slots: { template: string; channel: string; inForce: { version: number } }[] };
    // reminder, call_us and the satisfaction survey on two channels, the statement by e-mail only; three languages each.
    expect(slots).toHaveLength(24);
    expect(slots.every((slot) => slot.inForce.version === 0)).toBe(true);
    expect(slots.some((slot) => slot.template === 'balance_statement' && slot.channel === 'sms')).toBe(false);
    expect((await as(t.app, agent)('GET', '/api/v1/message-templates')).statusCode).toBe(403);
    const write = await as(t.app, leader)('PUT', `${SLOT}/draft`, { subject: null, body: 'x' });
    expect(write.statusCode).toBe(403);
    const statement = await as(t.app, compliance)('GET', '/api/v1/message-templates/balance_statement/sms/fr');
    expect(statement.statusCode).toBe(422);
    expect(statement.json().code).toBe('communications.template_channel');
  });

  it('previews a text on an edge case and on a real case, naming what is wrong, recording nothing', async () => {
    const before = await t.deps.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const telling = await as(t.app, compliance)('POST', '/api/v1/message-templates/preview', {
      template: 'reminder',
      channel: 'sms',
      language: 'fr',
      subject: null,
      body: '{{agencyName}} : votre dette de {{balance}} est impayée, dossier {{caseReference}}.',
      sample: { kind: 'edge', edge: 'company' },
    });
    expect(telling.statusCode, telling.body).toBe(200);
    const preview = telling.json() as TemplatePreview;
    const codes = preview.findings.map(
      (finding) => `${finding.code}:${finding.mention ?? finding.variable ?? finding.what ?? ''}`,
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'template.variable_not_on_channel:balance',
        'template.mention_missing:first_letter_reference',
        'template.mention_missing:opt_out_stop',
        'template.discloses:debt_word',
      ]),
    );
    expect(preview.body).toContain('C-2026-104871');

    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['reference', 'first_letter_reference'])
      .where('first_letter_sent_on', 'is not', null)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const real = await as(t.app, compliance)('POST', '/api/v1/message-templates/preview', {
      template: 'reminder',
      channel: 'sms',
      language: 'fr',
      ...shippedText({ template: 'reminder', channel: 'sms', language: 'fr' }),
      sample: { kind: 'case', caseReference: kase.reference },
    });
    expect(real.statusCode, real.body).toBe(200);
    const shown = real.json() as TemplatePreview;
    expect(shown.findings).toEqual([]);
    expect(shown.body).toContain(kase.first_letter_reference!);
    expect(shown.sms?.segments).toBeGreaterThanOrEqual(1);
    expect(shown.sample).toEqual({ label: kase.reference, firstLetterSent: true });

    const broken = await as(t.app, compliance)('POST', '/api/v1/message-templates/preview', {
      template: 'reminder',
      channel: 'email',
      language: 'en',
      subject: 'File {{caseReference}}',
      body: 'Dear {{ debtorName | upper }},\n{{unknownThing}}',
      sample: { kind: 'edge', edge: 'italian' },
    });
    expect(broken.statusCode).toBe(200);
    expect((broken.json() as TemplatePreview).body).toBeNull();
    expect((broken.json() as TemplatePreview).findings[0]?.code).toBe('template.expression');
    const missing = await as(t.app, compliance)('POST', '/api/v1/message-templates/preview', {
      template: 'reminder',
      channel: 'sms',
      language: 'fr',
      subject: null,
      body: 'x',
      sample: { kind: 'case', caseReference: 'C-1999-NOPE' },
    });
    expect(missing.statusCode).toBe(404);
    const after = await t.deps.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it('drafts, refuses to submit a text that lacks a mandatory mention, and keeps the author from reviewing it', async () => {
    const shipped = shippedText({ template: 'reminder', channel: 'sms', language: 'fr' });
    const lacking = await as(t.app, compliance)('PUT', `${SLOT}/draft`, {
      subject: null,
      body: '{{agencyName}} : merci de nous rappeler au {{agencyPhone}}, dossier {{caseReference}}.',
      expectedUpdatedAt: null,
    });
    expect(lacking.statusCode, lacking.body).toBe(200);
    const draft = (lacking.json() as TemplateSlotView).draft!;
    expect(draft.status).toBe('draft');
    expect(draft.basedOnVersion).toBe(0);
    expect(draft.findings.map((finding) => finding.mention)).toEqual(
      expect.arrayContaining(['first_letter_reference', 'opt_out_stop']),
    );
    const refused = await as(t.app, compliance)('POST', `${SLOT}/draft/submit`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('templates.not_publishable');

    // A stale save is refused: someone saved since.
    const stale = await as(t.app, manager)('PUT', `${SLOT}/draft`, { ...shipped, expectedUpdatedAt: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('templates.draft_changed');

    const fixedBody = shipped.body.replace('merci de nous contacter', 'merci de bien vouloir nous contacter');
    const saved = await as(t.app, compliance)('PUT', `${SLOT}/draft`, {
      subject: null,
      body: fixedBody,
      expectedUpdatedAt: draft.updatedAt,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as TemplateSlotView).draft!.findings).toEqual([]);
    const submitted = await as(t.app, compliance)('POST', `${SLOT}/draft/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((submitted.json() as TemplateSlotView).draft!.status).toBe('in_review');

    const frozen = await as(t.app, compliance)('PUT', `${SLOT}/draft`, { subject: null, body: fixedBody });
    expect(frozen.json().code).toBe('templates.in_review');
    const own = await as(t.app, compliance)('POST', `${SLOT}/draft/publish`, {
      effectiveFrom: START.toISOString(),
      note: 'Tournure plus polie',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('templates.own_review');

    const returned = await as(t.app, manager)('POST', `${SLOT}/draft/return`, {
      comment: 'Ajoutez « s’il vous plaît ».',
    });
    expect(returned.statusCode).toBe(200);
    const back = (returned.json() as TemplateSlotView).draft!;
    expect(back).toMatchObject({ status: 'draft', reviewComment: 'Ajoutez « s’il vous plaît ».' });
    expect(back.returned?.name).toBeTruthy();
  });

  it('starts one draft when two people start it at once: the later is told someone saved first', async () => {
    const slot = '/api/v1/message-templates/call_us/email/en';
    const text = shippedText({ template: 'call_us', channel: 'email', language: 'en' });
    const answers = await Promise.all(
      [compliance, manager].map((session) =>
        as(t.app, session)('PUT', `${slot}/draft`, { ...text, expectedUpdatedAt: null }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)!.json().code).toBe('templates.draft_changed');
    expect((await as(t.app, compliance)('DELETE', `${slot}/draft`)).statusCode).toBe(204);
  });

  it('publishes a reviewed version from its effective date, and the messages queued after carry it', async () => {
    const shipped = shippedText({ template: 'reminder', channel: 'sms', language: 'fr' });
    const body = shipped.body.replace('merci de nous contacter', 'merci de bien vouloir nous contacter');
    await as(t.app, compliance)('PUT', `${SLOT}/draft`, { subject: null, body });
    expect((await as(t.app, compliance)('POST', `${SLOT}/draft/submit`)).statusCode).toBe(200);
    const past = await as(t.app, manager)('POST', `${SLOT}/draft/publish`, {
      effectiveFrom: new Date(START.getTime() - 86_400_000).toISOString(),
      note: 'x',
    });
    expect(past.json().code).toBe('templates.effective_in_past');
    const tomorrow = new Date(START.getTime() + 86_400_000);
    const published = await as(t.app, manager)('POST', `${SLOT}/draft/publish`, {
      effectiveFrom: tomorrow.toISOString(),
      note: 'Tournure plus polie',
    });
    expect(published.statusCode, published.body).toBe(200);
    const view = published.json() as TemplateSlotView;
    expect(view.draft).toBeNull();
    expect(view.inForce.version).toBe(0);
    expect(view.upcoming.map((version) => version.version)).toEqual([1]);
    expect(view.history.map((version) => version.version)).toEqual([1, 0]);

    // Until tomorrow the shipped text goes out; from tomorrow, version 1.
    const candidates = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
      .select(['c.id', 'c.debtor_id'])
      .where('c.first_letter_sent_on', 'is not', null)
      .where('d.language', '=', 'fr')
      .where('c.status', '=', 'open')
      .where('c.stage', '=', 'amicable')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('debtor_contact_points as p')
            .select('p.id')
            .whereRef('p.debtor_id', '=', 'c.debtor_id')
            .where('p.usage', '=', 'mobile')
            .where('p.opted_out_at', 'is', null)
            .where('p.wrong_number_at', 'is', null),
        ),
      )
      .orderBy('c.reference')
      .limit(40)
      .execute();
    const preview = (caseId: string) =>
      as(t.app, agent)('POST', `/api/v1/cases/${caseId}/messages/preview`, { channel: 'sms', template: 'reminder' });
    expect((await preview(candidates[0]!.id)).json().body).not.toContain('bien vouloir');

    // Friday afternoon, within the SMS hours.
    t.clock.advance(2 * 86_400_000 + 5 * 3_600_000);
    agent = await signIn(t.app, demoEmail('agent'));
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    let kase: { id: string } | undefined;
    for (const candidate of candidates) {
      const decision = await as(t.app, agent)(
        'GET',
        `/api/v1/debtors/${candidate.debtor_id}/contact-permission?channel=sms&caseId=${candidate.id}`,
      );
      if ((decision.json() as { allowed: boolean }).allowed) {
        kase = candidate;
        break;
      }
    }
    if (!kase) throw new Error('the demo has no French case the policy lets the agency text this afternoon');
    const later = await preview(kase.id);
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json().body).toContain('bien vouloir');
    const queued = await as(t.app, agent)('POST', `/api/v1/cases/${kase.id}/messages`, {
      channel: 'sms',
      template: 'reminder',
    });
    expect(queued.statusCode, queued.body).toBe(201);
    const row = await t.deps.db
      .selectFrom('outbound_messages')
      .select(['template_version', 'body'])
      .where('id', '=', queued.json().id)
      .executeTakeFirstOrThrow();
    expect(row.template_version).toBe(1);
    expect(row.body).toContain('bien vouloir');
    const inForce = await as(t.app, compliance)('GET', SLOT);
    expect((inForce.json() as TemplateSlotView).inForce).toMatchObject({ version: 1, note: 'Tournure plus polie' });

    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'message_template')
      .orderBy('seq')
      .execute();
    expect(audited.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'message_template.draft_saved',
        'message_template.submitted',
        'message_template.returned',
        'message_template.published',
      ]),
    );
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
