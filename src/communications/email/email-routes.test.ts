import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';
import { verifyAuditTrail } from '../../audit/verify.js';

const START = new Date('2026-11-30T08:00:00Z');
const TOKEN = 'inbound-mail-token-of-the-test-relay-0123456789';
const CONFIG = {
  AGENCY_NAME: 'Accord Services',
  PUBLIC_URL: 'https://accord.example.fr',
  MAIL_FROM: 'Accord Services <contact@accord.example.fr>',
  INBOUND_MAIL_TOKEN: TOKEN,
};
/** The ids the example reports quote in the returned headers (`examples/mail/`). */
const BOUNCED_ID = '0193d8a4-6b1e-7c2a-9f4e-1a2b3c4d5e6f';
const COMPLAINED_ID = '0193d8a4-9c3d-7e11-8a5b-6f7e8d9c0b1a';
const example = (name: string) => readFileSync(join(process.cwd(), 'examples', 'mail', name));

interface Recipient {
  debtorId: string;
  caseId: string;
  contactPointId: string;
  address: string;
}

describe.each(ENGINES)('e-mail opt-out link and inbound reports on %s', (engine) => {
  let t: TestApp;
  let recipients: Recipient[];
  let creditorNames: string[];

  /** An e-mail as the outbox holds it once sent, with its contact: the dispatcher's work, done by hand. */
  async function sentEmail(
    who: Recipient,
    options: { id?: string; token: string; language?: 'fr' | 'en' | 'it'; status?: 'queued' | 'sent' },
  ): Promise<string> {
    const policy = await t.deps.db
      .selectFrom('contact_policy_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirstOrThrow();
    const contact = await t.deps.db
      .insertInto('contacts')
      .values({
        debtor_id: who.debtorId,
        case_id: who.caseId,
        channel: 'email',
        direction: 'outbound',
        outcome: 'sent',
        conversation: false,
        occurred_at: START,
        recorded_at: START,
        policy_version: policy.version!,
        decision: JSON.stringify({ allowed: true }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sent = (options.status ?? 'sent') === 'sent';
    const row = await t.deps.db
      .insertInto('outbound_messages')
      .values({
        ...(options.id ? { id: options.id } : {}),
        debtor_id: who.debtorId,
        case_id: who.caseId,
        contact_id: contact.id,
        channel: 'email',
        contact_point_id: who.contactPointId,
        recipient: who.address,
        template: 'reminder',
        language: options.language ?? 'fr',
        subject: 'Votre dossier',
        body: 'Bonjour, merci de nous rappeler.',
        content_sha256: '0'.repeat(64),
        unsubscribe_token: options.token,
        status: options.status ?? 'sent',
        provider_id: sent ? `<${options.id ?? 'x'}@accord.example.fr>` : null,
        queued_at: START,
        next_attempt_at: START,
        sent_at: sent ? START : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const optOuts = (debtorId: string) =>
    t.deps.db
      .selectFrom('contact_opt_outs')
      .select(['via', 'channel', 'withdrawn_at'])
      .where('debtor_id', '=', debtorId)
      .where('channel', '=', 'email')
      .execute();

  const outbound = (id: string) =>
    t.deps.db
      .selectFrom('outbound_messages')
      .select(['status', 'failed_at', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const auditActions = async (targetId: string) =>
    (
      await t.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', targetId)
        .orderBy('seq')
        .execute()
    ).map((entry) => entry.action);

  const inbound = (payload: Buffer | string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/inbound-mail',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822', ...headers },
      payload,
    });

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: CONFIG });
    // Debtors with an e-mail address and an open case, none opted out of e-mail: one per test that changes them.
    const rows = await t.deps.db
      .selectFrom('debtor_contact_points as p')
      .innerJoin('cases as c', 'c.debtor_id', 'p.debtor_id')
      .select(['p.debtor_id', 'p.id as contact_point_id', 'p.value', 'c.id as case_id'])
      .where('p.channel', '=', 'email')
      .where('p.undeliverable_at', 'is', null)
      .where('c.status', '=', 'open')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('contact_opt_outs as o')
              .select('o.id')
              .whereRef('o.debtor_id', '=', 'p.debtor_id')
              .where('o.channel', '=', 'email')
              .where('o.withdrawn_at', 'is', null),
          ),
        ),
      )
      .orderBy('c.reference')
      .orderBy('p.value')
      .execute();
    const byDebtor = new Map<string, Recipient>();
    for (const row of rows) {
      if (!byDebtor.has(row.debtor_id)) {
        byDebtor.set(row.debtor_id, {
          debtorId: row.debtor_id,
          caseId: row.case_id,
          contactPointId: row.contact_point_id,
          address: row.value,
        });
      }
    }
    recipients = [...byDebtor.values()];
    expect(recipients.length).toBeGreaterThanOrEqual(4);
    creditorNames = (await t.deps.db.selectFrom('creditors').select('name').execute()).map((c) => c.name);
  });
  afterAll(() => t.close());

  describe('the one-click opt-out (RFC 8058)', () => {
    const token = 'Jx2w0rQ5c8mV7kYpL3nB9tHf6sDaZ1eU4gRiOyWq';
    let who: Recipient;
    beforeAll(async () => {
      who = recipients[0]!;
      await sentEmail(who, { token, language: 'it' });
    });

    it('opening the link shows a page in the e-mail’s language and opts nobody out', async () => {
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/unsubscribe/${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy']).toContain("form-action 'self'");
      expect(page.body).toContain('<html lang="it">');
      expect(page.body).toContain('Non desidera più ricevere e-mail da Accord Services?');
      expect(page.body).toContain('name="List-Unsubscribe" value="One-Click"');
      // Nothing about the debt: no amount, no creditor, no case.
      expect(page.body).not.toMatch(/\d+[,.]\d{2}|€/);
      for (const name of creditorNames) expect(page.body).not.toContain(name);
      expect(await optOuts(who.debtorId)).toEqual([]);
    });

    it('the one-click POST opts the debtor out of e-mail, recorded, audited and on the case’s timeline', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/unsubscribe/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ optedOut: true, alreadyOptedOut: false });
      expect(await optOuts(who.debtorId)).toEqual([{ via: 'email_link', channel: 'email', withdrawn_at: null }]);
      const audit = await t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('target_id', '=', who.debtorId)
        .where('action', '=', 'contact.opted_out')
        .execute();
      expect(audit).toEqual([{ action: 'contact.opted_out', after: expect.objectContaining({ via: 'email_link' }) }]);
      const timeline = await t.deps.db
        .selectFrom('case_events')
        .select(['kind', 'channel', 'direction', 'summary_key', 'data'])
        .where('case_id', '=', who.caseId)
        .where('kind', '=', 'preferences')
        .execute();
      expect(timeline).toEqual([
        {
          kind: 'preferences',
          channel: 'email',
          direction: 'inbound',
          summary_key: 'opted_out_by_reply',
          data: { via: 'email_link' },
        },
      ]);
      expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
    });

    it('a second click answers the same and changes nothing; a browser gets the page that says it is done', async () => {
      const again = await t.app.inject({
        method: 'POST',
        url: `/api/v1/unsubscribe/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,*/*' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(again.statusCode).toBe(200);
      expect(again.headers['content-type']).toMatch(/^text\/html/);
      expect(again.body).toContain('Fatto: non riceverà più e-mail da Accord Services.');
      const json = await t.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}` });
      expect(json.json()).toEqual({ optedOut: true, alreadyOptedOut: true });
      expect(await optOuts(who.debtorId)).toHaveLength(1);
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/unsubscribe/${token}` });
      expect(page.body).not.toContain('<form');
    });

    it('an unknown link is a 404 that names no one', async () => {
      for (const method of ['GET', 'POST'] as const) {
        const response = await t.app.inject({ method, url: '/api/v1/unsubscribe/no-such-link-0000000000' });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ code: 'not_found' });
      }
    });
  });

  describe('reports handed on by the relay', () => {
    it('a Postfix bounce marks the e-mail bounced and the address undeliverable', async () => {
      const who = recipients[1]!;
      await sentEmail(who, { id: BOUNCED_ID, token: 'bounce-token-0123456789' });
      const response = await inbound(example('postfix-bounce.eml'));
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ understood: 'bounced', matched: true });
      expect(await outbound(BOUNCED_ID)).toEqual({
        status: 'bounced',
        failed_at: START,
        last_error: '5.1.1 bad destination mailbox address',
      });
      const point = await t.deps.db
        .selectFrom('debtor_contact_points')
        .select(['undeliverable_at', 'undeliverable_reason'])
        .where('id', '=', who.contactPointId)
        .executeTakeFirstOrThrow();
      expect(point).toEqual({ undeliverable_at: START, undeliverable_reason: '5.1.1 bad destination mailbox address' });
      expect(await auditActions(BOUNCED_ID)).toEqual(['message.bounced']);
      // Handed on twice (a relay retrying), it changes nothing more.
      expect((await inbound(example('postfix-bounce.eml'))).json()).toEqual({ understood: 'bounced', matched: true });
      expect(await auditActions(BOUNCED_ID)).toEqual(['message.bounced']);
    });

    it('a complaint (ARF) opts the debtor out of e-mail', async () => {
      const who = recipients[2]!;
      await sentEmail(who, { id: COMPLAINED_ID, token: 'complaint-token-0123456789' });
      const response = await inbound(example('arf-complaint.eml'));
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ understood: 'complained', matched: true });
      expect(await outbound(COMPLAINED_ID)).toMatchObject({ status: 'complained' });
      expect(await auditActions(COMPLAINED_ID)).toEqual(['message.complained']);
      expect(await optOuts(who.debtorId)).toEqual([{ via: 'email_complaint', channel: 'email', withdrawn_at: null }]);
      const point = await t.deps.db
        .selectFrom('debtor_contact_points')
        .select('undeliverable_at')
        .where('id', '=', who.contactPointId)
        .executeTakeFirstOrThrow();
      expect(point.undeliverable_at).toBeNull();
      expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
    });

    it('a report about an e-mail not yet marked sent waits (503), and one about no e-mail of Accord’s matches nothing', async () => {
      const id = '0193d8a4-aaaa-7c2a-9f4e-1a2b3c4d5e6f';
      await sentEmail(recipients[3]!, { id, token: 'queued-token-0123456789', status: 'queued' });
      const queued = await inbound(example('postfix-bounce.eml').toString('utf8').replace(BOUNCED_ID, id));
      expect(queued.statusCode).toBe(503);
      expect(queued.json()).toMatchObject({ code: 'inbound_mail.not_sent_yet' });
      expect(queued.headers['retry-after']).toBe('300');
      const unknown = '0193d8a4-bbbb-7c2a-9f4e-1a2b3c4d5e6f';
      const foreign = await inbound(example('postfix-bounce.eml').toString('utf8').replace(BOUNCED_ID, unknown));
      expect(foreign.json()).toEqual({ understood: 'bounced', matched: false });
      const otherDomain = await inbound(
        example('postfix-bounce.eml')
          .toString('utf8')
          .replace(`${BOUNCED_ID}@accord.example.fr`, `${id}@elsewhere.example`),
      );
      expect(otherDomain.json()).toEqual({ understood: 'bounced', matched: false });
    });

    it('a delay and a person’s reply are understood and change nothing', async () => {
      const delayed = example('postfix-bounce.eml')
        .toString('utf8')
        .replace('Action: failed', 'Action: delayed')
        .replace('Status: 5.1.1', 'Status: 4.4.1');
      expect((await inbound(delayed)).json()).toEqual({ understood: 'ignored', matched: true });
      const reply = `From: Jean <jean@example.org>\r\nTo: contact@accord.example.fr\r\nSubject: Re: Votre dossier\r\nIn-Reply-To: <${BOUNCED_ID}@accord.example.fr>\r\n\r\nBonjour, je vous rappelle demain.\r\n`;
      expect((await inbound(reply)).json()).toEqual({ understood: 'ignored', matched: false });
    });

    it('refuses a caller without the token, and a body that is no e-mail', async () => {
      const wrong = await inbound(example('postfix-bounce.eml'), { authorization: 'Bearer not-the-token' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'inbound_mail.unauthorized' });
      expect(wrong.headers['www-authenticate']).toBe('Bearer realm="inbound-mail"');
      const none = await t.app.inject({
        method: 'POST',
        url: '/api/v1/inbound-mail',
        headers: { 'content-type': 'message/rfc822' },
        payload: example('postfix-bounce.eml'),
      });
      expect(none.statusCode).toBe(401);
      for (const garbage of ['', 'garbage without any header', Buffer.from([0, 1, 2, 3, 0xff, 0xfe])]) {
        const response = await inbound(garbage);
        expect(response.statusCode, String(garbage)).toBe(400);
      }
      expect((await inbound('no headers at all\n\nbody')).json()).toMatchObject({ code: 'inbound_mail.not_a_message' });
      const json = await inbound('{"a":1}', { 'content-type': 'application/json' });
      expect(json.statusCode).toBe(415);
      const huge = await inbound(Buffer.alloc(1024 * 1024 + 1, 'a'));
      expect(huge.statusCode).toBe(413);
    });
  });
});

describe.each(ENGINES)('the relay’s door without INBOUND_MAIL_TOKEN on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('is a 404 whatever the caller presents', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inbound-mail',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
      payload: example('postfix-bounce.eml'),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});
