import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import smpp, { type PDU, type Server } from 'smpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';
import { waitUntil } from '../../../test/support/wait.js';
import { verifyAuditTrail } from '../../audit/verify.js';
import type { CaseMessages, UnmatchedSmsReplies } from '../contract.js';
import type { SmsTransport } from '../transports.js';
import { startDemoSmsSink, type DemoSmsSink, type SinkedSms } from './demo-sms-sink.js';
import { createSmppTransport, parseSmppUrl } from './smpp-transport.js';

const START = new Date('2026-12-04T10:00:00Z');
const NUMBER = '+33699887766';
const SENDER = 'Accord';
const TEXT = 'Accord: merci de nous rappeler au 01 84 80 00 00, réf. ACC-1. STOP au 36180';

describe('SMPP URL', () => {
  it('reads the credentials, the host and the port', () => {
    expect(parseSmppUrl('smpp://acc%40rd:p%3Ass@smsc.example.net:2776')).toEqual({
      host: 'smsc.example.net',
      port: 2776,
      systemId: 'acc@rd',
      password: 'p:ss',
    });
    expect(parseSmppUrl('smpp://accord:secret@127.0.0.1').port).toBe(2775);
    expect(() => parseSmppUrl('http://accord:secret@127.0.0.1')).toThrow(/smpp:\/\//);
  });

  it('gives no transport when SMPP_URL or SMS_SENDER is unset', () => {
    const deps = {} as Parameters<typeof createSmppTransport>[1];
    expect(createSmppTransport({ SMPP_URL: undefined, SMS_SENDER: SENDER }, deps)).toBeNull();
    expect(createSmppTransport({ SMPP_URL: 'smpp://a:b@127.0.0.1:1', SMS_SENDER: undefined }, deps)).toBeNull();
  });
});

/** An SMSC that binds anyone and answers each submit_sm as told (null: never answers). */
async function bareSmsc(submitStatus: number | null): Promise<{ server: Server; url: string }> {
  const server = smpp.createServer((session) => {
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: PDU) => session.send(pdu.response()));
    session.on('submit_sm', (pdu: PDU) => {
      if (submitStatus !== null) session.send(pdu.response({ command_status: submitStatus }));
    });
    session.on('unbind', (pdu: PDU) => session.send(pdu.response(), () => session.close()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return { server, url: `smpp://accord:secret@127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

describe('SMPP answers other than ESME_ROK', () => {
  const deps = {} as Parameters<typeof createSmppTransport>[1];
  const sms = { messageId: randomUUID(), to: NUMBER, text: TEXT };

  it('rejects a send with the name of the status the SMSC answered', async () => {
    const smsc = await bareSmsc(smpp.errors.ESME_RTHROTTLED!);
    const transport = createSmppTransport({ SMPP_URL: smsc.url, SMS_SENDER: SENDER }, deps)!;
    await expect(transport.send(sms)).rejects.toThrow('the SMSC refused submit_sm: ESME_RTHROTTLED');
    await transport.close();
    await new Promise((resolve) => smsc.server.close(resolve));
  });

  it('rejects a send the SMSC does not answer in time', async () => {
    const smsc = await bareSmsc(null);
    const transport = createSmppTransport({ SMPP_URL: smsc.url, SMS_SENDER: SENDER }, deps, {
      responseTimeoutMs: 200,
    })!;
    await expect(transport.send(sms)).rejects.toThrow('no answer to submit_sm within 200 ms');
    await transport.close();
    await new Promise((resolve) => smsc.server.close(resolve));
  });

  it('rejects a send when no SMSC listens', async () => {
    const smsc = await bareSmsc(0);
    const { url } = smsc;
    await new Promise((resolve) => smsc.server.close(resolve));
    const transport = createSmppTransport({ SMPP_URL: url, SMS_SENDER: SENDER }, deps)!;
    await expect(transport.send(sms)).rejects.toThrow('the SMPP connection closed (ECONNREFUSED)');
    await transport.close();
  });
});

describe.each(ENGINES)('SMS over SMPP to a local SMSC on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  let sink: DemoSmsSink;
  let transport: SmsTransport;
  let debtorId: string;
  let caseId: string;
  let contactPointId: string;

  const url = (password = 'secret') => `smpp://accord:${password}@127.0.0.1:${sink.port}`;
  const sinked = (): SinkedSms[] =>
    readFileSync(sink.file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SinkedSms);

  /** An outbox row for the SMS the transport sent, as the dispatcher leaves it (a contact row is its decision). */
  const recordSent = async (providerId: string, body: string) => {
    const policy = await t.deps.db
      .selectFrom('contact_policy_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirstOrThrow();
    const contact = await t.deps.db
      .insertInto('contacts')
      .values({
        debtor_id: debtorId,
        case_id: caseId,
        channel: 'sms',
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
    return t.deps.db
      .insertInto('outbound_messages')
      .values({
        debtor_id: debtorId,
        case_id: caseId,
        contact_id: contact.id,
        channel: 'sms',
        contact_point_id: contactPointId,
        recipient: NUMBER,
        template: 'reminder',
        language: 'fr',
        body,
        content_sha256: '0'.repeat(64),
        status: 'sent',
        provider_id: providerId,
        attempts: 1,
        queued_at: START,
        next_attempt_at: START,
        sent_at: START,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    dir = mkdtempSync(join(tmpdir(), 'accord-sms-'));
    sink = await startDemoSmsSink({ dir, port: 0, systemId: 'accord', password: 'secret', receiptDelayMs: 0 });
    transport = createSmppTransport({ SMPP_URL: url(), SMS_SENDER: SENDER }, t.deps)!;
    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('status', '=', 'open')
      .orderBy('reference')
      .limit(1)
      .executeTakeFirstOrThrow();
    [caseId, debtorId] = [kase.id, kase.debtor_id];
    // The debtor's mobile, written as a person might have typed it: the number is matched in E.164.
    const point = await t.deps.db
      .insertInto('debtor_contact_points')
      .values({ debtor_id: debtorId, channel: 'phone', value: '+33 6 99 88 77 66', usage: 'mobile', source: 'debtor' })
      .returning('id')
      .executeTakeFirstOrThrow();
    contactPointId = point.id;
  });

  afterAll(async () => {
    await transport?.close();
    await sink?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends an SMS that reaches the SMSC from the sender, to the number, with its text and a message_id', async () => {
    const sent = await transport.send({ messageId: randomUUID(), to: NUMBER, text: TEXT });
    expect(sent.providerId).toMatch(/^[0-9a-f]{16}$/);
    expect(sinked().find((sms) => sms.messageId === sent.providerId)).toMatchObject({
      from: SENDER,
      to: NUMBER,
      text: TEXT,
    });
  });

  it('sends a long text in parts the SMSC joins back, in UCS-2 when it needs it', async () => {
    const text = `Accord : l’équipe vous répond du lundi au vendredi. ${'Merci de nous rappeler. '.repeat(6)}`;
    const sent = await transport.send({ messageId: randomUUID(), to: NUMBER, text });
    expect(sinked().find((sms) => sms.messageId === sent.providerId)?.text).toBe(text);
  });

  it('marks the message delivered when the delivery receipt comes back', async () => {
    const sent = await transport.send({ messageId: randomUUID(), to: NUMBER, text: TEXT });
    const message = await recordSent(sent.providerId, TEXT);
    // The client answers the receipt once it is applied (it waits for the outbox row when the receipt is early).
    expect(await sink.receiptAnswered(sent.providerId)).toBe(0);
    const row = await t.deps.db
      .selectFrom('outbound_messages')
      .select(['status', 'delivered_at'])
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
    expect(row.delivered_at).not.toBeNull();
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', message.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['message.delivered']);
  });

  it('opts out of SMS, once, every debtor whose mobile the STOP came from', async () => {
    // Another debtor with the same mobile, written nationally: the number is compared in E.164.
    const other = await t.deps.db
      .selectFrom('debtors')
      .select('id')
      .where('id', '!=', debtorId)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('debtor_contact_points')
      .values({ debtor_id: other.id, channel: 'phone', value: '06 99 88 77 66', usage: 'mobile', source: 'agent' })
      .execute();
    const preferenceLines = () =>
      t.deps.db
        .selectFrom('case_events')
        .select(['channel', 'direction', 'summary_key'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'preferences')
        .orderBy('seq')
        .execute();
    const optOuts = () =>
      t.deps.db
        .selectFrom('contact_opt_outs')
        .select(['debtor_id', 'via', 'withdrawn_at'])
        .where('debtor_id', 'in', [debtorId, other.id])
        .where('channel', '=', 'sms')
        .orderBy('debtor_id')
        .execute();
    const audits = () =>
      t.deps.db
        .selectFrom('audit_log')
        .select(['target_id', 'after'])
        .where('target_id', 'in', [debtorId, other.id])
        .where('action', '=', 'contact.opted_out')
        .execute();
    const before = await preferenceLines();

    // Written with a character outside the GSM alphabet, the reply comes in UCS-2.
    expect(await sink.reply('33699887766', SENDER, ' ARRÊT ! ')).toBe(0);
    expect(await optOuts()).toEqual(
      [debtorId, other.id].sort().map((id) => ({ debtor_id: id, via: 'sms_reply', withdrawn_at: null })),
    );
    const audited = await audits();
    expect(audited.map((entry) => entry.target_id).sort()).toEqual([debtorId, other.id].sort());
    for (const entry of audited) expect(entry.after).toMatchObject({ channel: 'sms', via: 'sms_reply' });
    // The case of the latest SMS to that number says so on its timeline (the other debtor was sent none).
    const after = await preferenceLines();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({ channel: 'sms', direction: 'inbound', summary_key: 'opted_out_by_reply' });

    // A second STOP changes nothing.
    expect(await sink.reply('33699887766', SENDER, 'Stop.')).toBe(0);
    expect(await optOuts()).toHaveLength(2);
    expect(await audits()).toHaveLength(2);
    expect(await preferenceLines()).toHaveLength(after.length);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('keeps a reply that is not a STOP on the case of the latest SMS to that verified number, with a task to answer it', async () => {
    const optOutCount = async () => (await t.deps.db.selectFrom('contact_opt_outs').select('id').execute()).length;
    const optedOut = await optOutCount();
    // Only a verified phone ties a reply to its debtor.
    await t.deps.db
      .updateTable('debtor_contact_points')
      .set({ verified_at: START })
      .where('id', '=', contactPointId)
      .execute();
    const text = 'Je vous rappelle demain, je suis à l’hôpital';
    expect(await sink.reply('33699887766', SENDER, text)).toBe(0);
    const kept = await t.deps.db
      .selectFrom('inbound_sms')
      .selectAll()
      .where('from_number', '=', NUMBER)
      .executeTakeFirstOrThrow();
    const latest = await t.deps.db
      .selectFrom('outbound_messages')
      .select('id')
      .where('case_id', '=', caseId)
      .orderBy('queued_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({
      body: text,
      debtor_id: debtorId,
      case_id: caseId,
      reply_to_message_id: latest.id,
      content_sha256: createHash('sha256').update(text).digest('hex'),
    });
    // A task for the case's team to answer it, and a line on the timeline that says a reply came, not what.
    const kase = await t.deps.db
      .selectFrom('cases')
      .select('assigned_team_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const task = await t.deps.db
      .selectFrom('case_tasks')
      .select(['id', 'kind', 'status', 'team_id'])
      .where('id', '=', kept.task_id!)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ id: kept.task_id, kind: 'sms_reply', status: 'open', team_id: kase.assigned_team_id });
    const line = await t.deps.db
      .selectFrom('case_events')
      .select(['kind', 'channel', 'direction', 'summary_params', 'data'])
      .where('case_id', '=', caseId)
      .where('summary_key', '=', 'sms_reply_received')
      .executeTakeFirstOrThrow();
    expect(line).toMatchObject({ kind: 'sms', channel: 'sms', direction: 'inbound', summary_params: {} });
    // Audited with the text's hash; the text is nowhere but on the reply kept.
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_id', '=', kept.id)
      .execute();
    expect(audited).toEqual([
      {
        action: 'message.reply_received',
        after: expect.objectContaining({ matched: true, caseId, contentSha256: kept.content_sha256 }),
      },
    ]);
    const everywhere = await t.deps.db.selectFrom('audit_log').select('after').where('after', 'is not', null).execute();
    expect(JSON.stringify(everywhere)).not.toContain('hôpital');
    expect(JSON.stringify(line)).not.toContain('hôpital');
    // The case's messages show it to the staff, with the task to answer it.
    const manager = await signIn(t.app, demoEmail('manager'));
    const messages = (await as(t.app, manager)('GET', `/api/v1/cases/${caseId}/messages`)).json() as CaseMessages;
    expect(messages.replies[0]).toMatchObject({ from: NUMBER, body: text, taskId: kept.task_id });
    expect(await optOutCount()).toBe(optedOut);
  });

  it('keeps a reply from an unknown number for a manager, and a STOP from it changes nothing', async () => {
    const optOutCount = async () => (await t.deps.db.selectFrom('contact_opt_outs').select('id').execute()).length;
    const optedOut = await optOutCount();
    expect(await sink.reply('33611111111', SENDER, 'PAYE')).toBe(0);
    expect(await sink.reply('33611111111', SENDER, 'STOP')).toBe(0);
    expect(await optOutCount()).toBe(optedOut);
    const manager = await signIn(t.app, demoEmail('manager'));
    const unmatched = await as(t.app, manager)('GET', '/api/v1/sms-replies/unmatched');
    expect(unmatched.statusCode).toBe(200);
    expect((unmatched.json() as UnmatchedSmsReplies).items).toEqual([
      expect.objectContaining({ from: '+33611111111', to: SENDER, body: 'PAYE', replyToMessageId: null, taskId: null }),
    ]);
    const teamLeader = await signIn(t.app, demoEmail('team_leader'));
    expect((await as(t.app, teamLeader)('GET', '/api/v1/sms-replies/unmatched')).statusCode).toBe(403);
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'message.reply_received')
      .where('creditor_id', 'is', null)
      .execute();
    expect(audited.map((a) => a.after)).toEqual([{ matched: false, contentSha256: expect.any(String) }]);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('rejects a send with the SMSC status when the bind is refused', async () => {
    const refused = createSmppTransport({ SMPP_URL: url('wrong'), SMS_SENDER: SENDER }, t.deps)!;
    await expect(refused.send({ messageId: randomUUID(), to: NUMBER, text: TEXT })).rejects.toThrow(
      'the SMSC refused bind_transceiver: ESME_RBINDFAIL',
    );
    await refused.close();
  });

  it('listens: binds before any SMS is sent, answers what arrives, and binds again by itself when dropped', async () => {
    const listener = createSmppTransport({ SMPP_URL: url(), SMS_SENDER: SENDER }, t.deps, { rebindMs: 20 })!;
    try {
      const binds = sink.binds;
      listener.listen();
      await waitUntil(() => sink.binds === binds + 1);
      // A reply reaches a process that has sent nothing (from a number no debtor has: nothing changes).
      expect(await sink.reply('33611223344', SENDER, 'Bonjour')).toBe(0);
      await sink.dropSessions();
      await waitUntil(() => sink.binds === binds + 2);
    } finally {
      await listener.close();
    }
  });

  it('binds again on the next send after the SMSC dropped the connection', async () => {
    await transport.send({ messageId: randomUUID(), to: NUMBER, text: TEXT });
    const binds = sink.binds;
    await sink.dropSessions();
    const sent = await transport.send({ messageId: randomUUID(), to: NUMBER, text: TEXT });
    expect(sink.binds).toBe(binds + 1);
    expect(sinked().some((sms) => sms.messageId === sent.providerId)).toBe(true);
  });
});
