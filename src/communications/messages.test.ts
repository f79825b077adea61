import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { contentHash } from './queue-message.js';

const START = new Date('2026-11-25T09:00:00Z');

describe.each(ENGINES)('e-mails and SMS decided and queued on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let horizon: Session;
  let energie: Session;
  let caseId: string;
  let debtorId: string;

  /** A case of Horizon's whose debtor the policy lets the agency e-mail and text today. */
  async function writableCase(exclude: readonly string[]): Promise<{ id: string; debtor_id: string }> {
    const candidates = await t.deps.db
      .selectFrom('cases as c')
      .select(['c.id', 'c.debtor_id'])
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.status', '=', 'open')
      .where('c.first_letter_sent_on', 'is not', null)
      .where('c.id', 'not in', exclude.length > 0 ? exclude : ['00000000-0000-0000-0000-000000000000'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('debtor_contact_points as p')
            .select('p.id')
            .whereRef('p.debtor_id', '=', 'c.debtor_id')
            .where('p.channel', '=', 'email')
            .where('p.opted_out_at', 'is', null),
        ),
      )
      .orderBy('c.reference')
      .limit(40)
      .execute();
    for (const candidate of candidates) {
      const permitted = await Promise.all(
        (['email', 'sms'] as const).map(async (channel) => {
          const decision = await as(t.app, agent)(
            'GET',
            `/api/v1/debtors/${candidate.debtor_id}/contact-permission?channel=${channel}&caseId=${candidate.id}`,
          );
          return decision.statusCode === 200 && (decision.json() as { allowed: boolean }).allowed;
        }),
      );
      if (permitted.every(Boolean)) return candidate;
    }
    throw new Error('the demo has no case the policy lets the agency e-mail and text today');
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const found = await writableCase([]);
    caseId = found.id;
    debtorId = found.debtor_id;
  });
  afterAll(() => t.close());

  it('previews an e-mail that cites the first letter and discloses nothing in its subject, recording nothing', async () => {
    const preview = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/messages/preview`, {
      channel: 'email',
      template: 'reminder',
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json() as { subject: string; body: string; recipient: string };
    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['reference', 'first_letter_reference'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(body.subject).toContain(kase.reference);
    expect(body.subject).not.toMatch(/€|\d+,\d\d/);
    expect(body.body).toContain(kase.first_letter_reference!);
    expect(body.recipient).toMatch(/@/);
    const queued = await t.deps.db.selectFrom('outbound_messages').select('id').where('case_id', '=', caseId).execute();
    expect(queued).toEqual([]);
  });

  it('queues an e-mail in the transaction that records the contact, keeping the exact text and auditing its hash', async () => {
    const sent = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/messages`, {
      channel: 'email',
      template: 'reminder',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const queued = sent.json() as { id: string; contactId: string; status: string };
    expect(queued.status).toBe('queued');
    const row = await t.deps.db
      .selectFrom('outbound_messages')
      .selectAll()
      .where('id', '=', queued.id)
      .executeTakeFirstOrThrow();
    expect(row.content_sha256).toBe(contentHash(row));
    expect(row.unsubscribe_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const contact = await t.deps.db
      .selectFrom('contacts')
      .select(['channel', 'direction', 'outcome', 'case_id'])
      .where('id', '=', queued.contactId)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ channel: 'email', direction: 'outbound', outcome: 'sent', case_id: caseId });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'message.queued')
      .where('target_id', '=', queued.id)
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ contentSha256: row.content_sha256, channel: 'email', template: 'reminder' });
    // The audit keeps the hash, never the address or the text.
    expect(JSON.stringify(audit.after)).not.toContain(row.recipient);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('lists the case’s messages: the staff with the address, the creditor without it, another creditor not at all', async () => {
    const staff = await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/messages`);
    expect(staff.statusCode).toBe(200);
    const [first] = (staff.json() as { items: { recipient: string | null; body: string }[] }).items;
    expect(first!.recipient).toMatch(/@/);
    const own = await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}/messages`);
    expect(own.statusCode).toBe(200);
    const [seen] = (own.json() as { items: { recipient: string | null; body: string }[] }).items;
    expect(seen!.recipient).toBeNull();
    expect(seen!.body).toBe(first!.body);
    expect((await as(t.app, energie)('GET', `/api/v1/cases/${caseId}/messages`)).statusCode).toBe(404);
    const refused = await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/messages`, {
      channel: 'email',
      template: 'reminder',
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (
        await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/messages/preview`, {
          channel: 'sms',
          template: 'call_us',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a statement by SMS, and anything before the first letter', async () => {
    const bySms = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/messages`, {
      channel: 'sms',
      template: 'balance_statement',
    });
    expect(bySms.statusCode).toBe(422);
    expect(bySms.json()).toMatchObject({ code: 'communications.template_channel' });
    const other = await writableCase([caseId]);
    await t.deps.db
      .updateTable('cases')
      .set({ first_letter_sent_on: null, first_letter_reference: null })
      .where('id', '=', other.id)
      .execute();
    const early = await as(t.app, agent)('POST', `/api/v1/cases/${other.id}/messages`, {
      channel: 'sms',
      template: 'call_us',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'communications.first_letter_missing' });
  });

  it('refuses by the policy what the debtor opted out of, and finds no recipient where every address bounced', async () => {
    await t.deps.db
      .insertInto('contact_opt_outs')
      .values({ debtor_id: debtorId, channel: 'sms', opted_out_at: START, via: 'sms_reply' })
      .execute();
    const stopped = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/messages`, {
      channel: 'sms',
      template: 'call_us',
    });
    expect(stopped.statusCode).toBe(409);
    expect(stopped.json()).toMatchObject({ code: 'contact.refused' });
    await t.deps.db
      .updateTable('debtor_contact_points')
      .set({ undeliverable_at: START, undeliverable_reason: '5.1.1 user unknown' })
      .where('debtor_id', '=', debtorId)
      .where('channel', '=', 'email')
      .execute();
    const bounced = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/messages/preview`, {
      channel: 'email',
      template: 'call_us',
    });
    expect(bounced.statusCode).toBe(200);
    expect((bounced.json() as { recipient: string | null }).recipient).toBeNull();
    const none = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/messages`, {
      channel: 'email',
      template: 'call_us',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'communications.no_recipient' });
    const count = await t.deps.db
      .selectFrom('outbound_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
