import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';
import { signInCaseReaders } from '../../../test/support/need-to-know.js';
import { takeCaseOfDebtorIn } from '../../../test/support/queue.js';
import { verifyAuditTrail } from '../../audit/verify.js';
import { closeTransports, configuredTransports } from '../../communications/configured-transports.js';
import { dispatchMessages } from '../../communications/dispatch-messages.js';
import { startDemoMailSink, type DemoMailSink } from '../../communications/email/demo-mail-sink.js';
import { recordMessageEvent } from '../../communications/message-events.js';

// A Friday, 10:00 in Paris.
const START = new Date('2026-12-04T09:00:00Z');
const NEED = 'Ne s’en sort plus depuis la maladie';
const ADDRESS = 'debiteur.orientation@example.org';

interface Organisation {
  id: string;
  name: string;
  helpsWith: string[];
  coverage: string;
}

describe.each(ENGINES)('a referral sent by e-mail, through the outbox and a real SMTP relay, on %s', (engine) => {
  let t: TestApp;
  let sink: DemoMailSink;
  let dir: string;
  let holder: Session;
  let otherAgent: Session;
  let care: Session;
  let caseId: string;
  let debtorId: string;
  let pointId: string;

  const propose = async (helps: string, onCase: string | null = caseId) => {
    const list = (await as(t.app, care)('GET', `/api/v1/debtors/${debtorId}/referrals`)).json()
      .suggestions as Organisation[];
    const organisation = list.find((o) => o.helpsWith.includes(helps) && o.coverage === 'national')!;
    const proposed = await as(t.app, care)('POST', `/api/v1/debtors/${debtorId}/referrals`, {
      consent: true,
      organisationId: organisation.id,
      need: NEED,
      caseId: onCase,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    return proposed.json() as { id: string; organisation: Organisation & { phone: string | null } };
  };
  const sendByEmail = (referralId: string) =>
    as(t.app, care)('POST', `/api/v1/referrals/${referralId}/sending`, { how: 'email' });
  const outbox = () =>
    t.deps.db.selectFrom('outbound_messages').selectAll().where('debtor_id', '=', debtorId).orderBy('id').execute();
  const contacts = async () =>
    (await t.deps.db.selectFrom('contacts').select('id').where('debtor_id', '=', debtorId).execute()).length;

  /** What the case knows of the debt: none of it may be in the e-mail. */
  const debtFacts = async () => {
    const found = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
      .select(['c.reference', 'c.balance_cents', 'cr.legal_name', 'cr.name'])
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const claims = await t.deps.db.selectFrom('claims').select('reference').where('case_id', '=', caseId).execute();
    const amounts = ['fr-FR', 'en-GB', 'it-IT'].map((locale) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(found.balance_cents / 100),
    );
    return [NEED, found.reference, found.legal_name, found.name, ...claims.map((c) => c.reference), ...amounts];
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-referral-mail-'));
    sink = await startDemoMailSink({ dir, port: 0 });
    t = await createTestApp(engine, {
      demo: true,
      now: START,
      config: {
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        MAIL_FROM: 'Accord <contact@accord.example.fr>',
        PUBLIC_URL: 'https://accord.example.fr',
      },
    });
    ({ holder, otherAgent, care } = await signInCaseReaders(t));
    // A case of a debtor living in France: the e-mail gives the Banque de France's number.
    ({ caseId, debtorId } = await takeCaseOfDebtorIn(t, holder, 'FR'));
    // The debtor's address, verified by a person, the only one verified; no e-mail opt-out on file.
    await t.deps.db
      .updateTable('debtor_contact_points')
      .set({ verified_at: null })
      .where('debtor_id', '=', debtorId)
      .where('channel', '=', 'email')
      .execute();
    await t.deps.db
      .updateTable('contact_opt_outs')
      .set({ withdrawn_at: START })
      .where('debtor_id', '=', debtorId)
      .where('withdrawn_at', 'is', null)
      .execute();
    pointId = (
      await t.deps.db
        .insertInto('debtor_contact_points')
        .values({ debtor_id: debtorId, channel: 'email', usage: 'personal', value: ADDRESS, verified_at: START })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await closeTransports(t.deps.config);
    await t.close();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes it and sends it while a vulnerability hold pauses collection: no contact counted, nothing of the debt', async () => {
    const hold = await as(t.app, care)('POST', `/api/v1/debtors/${debtorId}/holds`, {
      kind: 'vulnerability',
      reason: 'Hospitalisé, écrit uniquement',
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const policy = await as(t.app, care)('GET', `/api/v1/debtors/${debtorId}/contact-permission?channel=email`);
    expect(policy.json().allowed).toBe(false);

    const referral = await propose('over_indebtedness');
    const contactsBefore = await contacts();
    t.clock.advance(60_000);
    const sent = await sendByEmail(referral.id);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', sentHow: 'email', letterDocumentId: null });
    expect(sent.json().email).toMatchObject({ status: 'queued', sentAt: null });
    // Kept in the outbox as a care e-mail, to the verified address, on the case; no contact recorded for the policy.
    const [message, ...others] = await outbox();
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      id: sent.json().email.messageId,
      case_id: caseId,
      purpose: 'care_referral',
      special_category: true,
      template: 'care_referral',
      contact_id: null,
      contact_point_id: pointId,
      recipient: ADDRESS,
      unsubscribe_token: null,
      status: 'queued',
    });
    expect(await contacts()).toBe(contactsBefore);

    // The dispatcher hands it to the relay, as every e-mail.
    const report = await dispatchMessages(t.deps, configuredTransports(t.deps));
    expect(report).toMatchObject({ sent: 1, failed: 0, retried: 0 });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const received = await simpleParser(await readFile(join(dir, files[0]!)));
    expect(received.to && !Array.isArray(received.to) ? received.to.text : null).toBe(ADDRESS);
    expect(received.subject).toBe(message!.subject);
    expect(received.messageId).toBe(`<${message!.id}@accord.example.fr>`);
    expect(received.headers.has('list-unsubscribe')).toBe(false);
    const text = received.text ?? '';
    expect(text.trim()).toBe(message!.body.trim());
    expect(text).toContain(referral.organisation.name);
    expect(text).toContain('34 14');
    expect(text).toContain(t.deps.config.AGENCY_PHONE);
    expect(text).toContain(`OR-${referral.id.replaceAll('-', '').slice(0, 8).toUpperCase()}`);
    for (const secret of await debtFacts()) {
      expect(text, secret).not.toContain(secret);
      expect(received.subject, secret).not.toContain(secret);
    }
    expect(text).not.toMatch(/€|EUR/);

    // The referral shows it sent; the audit names the message, never its text or the address.
    const view = (await as(t.app, care)('GET', `/api/v1/debtors/${debtorId}/referrals`)).json();
    expect(view.referrals.find((r: { id: string }) => r.id === referral.id).email).toMatchObject({
      messageId: message!.id,
      status: 'sent',
    });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', 'in', [referral.id, message!.id])
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'care_referral.proposed',
      'message.queued',
      'care_referral.sent',
    ]);
    expect(audit[2]!.after).toMatchObject({
      how: 'email',
      email: { caseId, messageId: message!.id, contentSha256: message!.content_sha256 },
    });
    const written = JSON.stringify(audit);
    for (const secret of [ADDRESS, message!.body.slice(0, 60), NEED]) expect(written).not.toContain(secret);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('lists the e-mail among the case’s messages for readers with need-to-know only, each read recorded', async () => {
    const reads = async () =>
      (
        await t.deps.db
          .selectFrom('sensitive_reads')
          .select('user_id')
          .where('debtor_id', '=', debtorId)
          .where('subject', '=', 'care_referral')
          .execute()
      ).length;
    const before = await reads();
    const byCare = await as(t.app, care)('GET', `/api/v1/cases/${caseId}/messages`);
    expect(byCare.statusCode, byCare.body).toBe(200);
    const careItems = byCare.json().items as { template: string; contactId: string | null }[];
    expect(careItems.filter((item) => item.template === 'care_referral')).toEqual([
      expect.objectContaining({ contactId: null, status: 'sent' }),
    ]);
    expect(await reads()).toBe(before + 1);
    const byOther = await as(t.app, otherAgent)('GET', `/api/v1/cases/${caseId}/messages`);
    expect(byOther.statusCode, byOther.body).toBe(200);
    expect(byOther.body).not.toContain('care_referral');
    expect(await reads()).toBe(before + 1);
  });

  it('records the relay’s bounce on the e-mail and the address, on the care line of the timeline', async () => {
    const [message] = await outbox();
    const applied = await recordMessageEvent(t.deps, {
      channel: 'email',
      messageId: message!.id,
      outcome: 'bounced',
      at: t.deps.now(),
      detail: '5.1.1 bad destination mailbox address',
    });
    expect(applied).toBe(true);
    const line = await t.deps.db
      .selectFrom('case_events')
      .select(['kind', 'summary_key'])
      .where('case_id', '=', caseId)
      .where('summary_key', '=', 'message_bounced')
      .executeTakeFirstOrThrow();
    expect(line.kind).toBe('care');
    const view = (await as(t.app, care)('GET', `/api/v1/debtors/${debtorId}/referrals`)).json();
    expect(
      view.referrals.find((r: { email: { messageId: string } | null }) => r.email?.messageId === message!.id),
    ).toMatchObject({ email: { status: 'bounced' } });
    const point = await t.deps.db
      .selectFrom('debtor_contact_points')
      .select('undeliverable_at')
      .where('id', '=', pointId)
      .executeTakeFirstOrThrow();
    expect(point.undeliverable_at).not.toBeNull();
  });

  it('refuses without a usable verified address or after an e-mail opt-out: nothing kept, the referral still proposed', async () => {
    const referral = await propose('budget_advice');
    const before = (await outbox()).length;
    const stillProposed = async () => {
      const view = (await as(t.app, care)('GET', `/api/v1/debtors/${debtorId}/referrals`)).json();
      expect(view.referrals.find((r: { id: string }) => r.id === referral.id)).toMatchObject({
        status: 'proposed',
        sentHow: null,
        email: null,
      });
      expect(await outbox()).toHaveLength(before);
    };
    // The verified address bounced above; an unverified one may be someone else's.
    await t.deps.db
      .updateTable('debtor_contact_points')
      .set({ verified_at: null })
      .where('debtor_id', '=', debtorId)
      .where('channel', '=', 'email')
      .execute();
    await t.deps.db
      .insertInto('debtor_contact_points')
      .values({ debtor_id: debtorId, channel: 'email', usage: 'personal', value: 'peut-etre@example.org' })
      .execute();
    const noAddress = await sendByEmail(referral.id);
    expect(noAddress.statusCode).toBe(422);
    expect(noAddress.json().code).toBe('care.referral_no_email_address');
    await stillProposed();

    const verified = await t.deps.db
      .insertInto('debtor_contact_points')
      .values({
        debtor_id: debtorId,
        channel: 'email',
        usage: 'work',
        value: 'verifiee@example.org',
        verified_at: START,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('contact_opt_outs')
      .values({ debtor_id: debtorId, channel: 'email', opted_out_at: START, via: 'email_link' })
      .execute();
    const optedOut = await sendByEmail(referral.id);
    expect(optedOut.statusCode).toBe(422);
    expect(optedOut.json().code).toBe('care.referral_email_opted_out');
    await stillProposed();

    // The debtor's word withdrawn, the address verified: it goes.
    await t.deps.db
      .updateTable('contact_opt_outs')
      .set({ withdrawn_at: START })
      .where('debtor_id', '=', debtorId)
      .where('withdrawn_at', 'is', null)
      .execute();
    const sent = await sendByEmail(referral.id);
    expect(sent.statusCode, sent.body).toBe(200);
    const latest = (await outbox()).at(-1)!;
    expect(latest).toMatchObject({ contact_point_id: verified.id, recipient: 'verifiee@example.org' });
  });

  it('refuses a referral made for the person when none of their cases is open: 409, nothing kept', async () => {
    const referral = await propose('housing', null);
    const before = (await outbox()).length;
    const open = await t.deps.db
      .updateTable('cases')
      .set({ status: 'on_hold' })
      .where('debtor_id', '=', debtorId)
      .where('status', '=', 'open')
      .returning('id')
      .execute();
    try {
      const refused = await sendByEmail(referral.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('care.referral_no_case');
      expect(await outbox()).toHaveLength(before);
    } finally {
      await t.deps.db
        .updateTable('cases')
        .set({ status: 'open' })
        .where(
          'id',
          'in',
          open.map((row) => row.id),
        )
        .execute();
    }
    const view = (await as(t.app, care)('GET', `/api/v1/debtors/${debtorId}/referrals`)).json();
    expect(view.referrals.find((r: { id: string }) => r.id === referral.id)).toMatchObject({ status: 'proposed' });
  });

  it('is refused to a creditor user and to a case worker', async () => {
    const referral = await propose('job_loss');
    const creditor = await signIn(t.app, demoEmail('creditor_user'));
    expect(
      (await as(t.app, creditor)('POST', `/api/v1/referrals/${referral.id}/sending`, { how: 'email' })).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, holder)('POST', `/api/v1/referrals/${referral.id}/sending`, { how: 'email' })).statusCode,
    ).toBe(403);
  });
});
