import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { closeTransports, configuredTransports } from './configured-transports.js';
import { dispatchMessages } from './dispatch-messages.js';
import { startDemoMailSink, type DemoMailSink } from './email/demo-mail-sink.js';
import { createSmtpTransport } from './email/smtp-transport.js';

// A Wednesday, 10:00 in Paris: within every channel's hours.
const START = new Date('2026-11-25T09:00:00Z');
const PUBLIC_URL = 'https://accord.example.fr';

interface RunBody {
  selected: number;
  queued: number;
  refused: number;
  failed: number;
  refusals: Record<string, number>;
  id: string;
}

describe.each(ENGINES)('messages sent through SMTP, and campaigns, on %s', (engine) => {
  let t: TestApp;
  let sink: DemoMailSink;
  let dir: string;
  let agent: Session;
  let compliance: Session;
  let teamLeader: Session;

  const outboxCount = async (where: 'campaign' | 'all') => {
    const row = await t.deps.db
      .selectFrom('outbound_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .$if(where === 'campaign', (query) => query.where('campaign_run_id', 'is not', null))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-mail-'));
    sink = await startDemoMailSink({ dir, port: 0 });
    t = await createTestApp(engine, {
      demo: true,
      now: START,
      config: {
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        MAIL_FROM: 'Accord <contact@accord.example.fr>',
        PUBLIC_URL,
      },
    });
    agent = await signIn(t.app, demoEmail('agent'));
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    teamLeader = await signIn(t.app, demoEmail('team_leader'));
  });
  afterAll(async () => {
    await closeTransports(t.deps.config);
    await t.close();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('hands a queued e-mail to the SMTP relay with its one-click opt-out, and records the relay’s id', async () => {
    const found = await t.deps.db
      .selectFrom('case_queue as q')
      .innerJoin('cases as c', 'c.id', 'q.case_id')
      .select('c.id')
      .where('c.first_letter_sent_on', 'is not', null)
      .where('c.status', '=', 'open')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('debtor_contact_points as p')
            .select('p.id')
            .whereRef('p.debtor_id', '=', 'c.debtor_id')
            .where('p.channel', '=', 'email'),
        ),
      )
      .orderBy('c.reference')
      .limit(30)
      .execute();
    let queuedId: string | null = null;
    for (const candidate of found) {
      const sent = await as(t.app, agent)('POST', `/api/v1/cases/${candidate.id}/messages`, {
        channel: 'email',
        template: 'call_us',
      });
      if (sent.statusCode === 201) {
        queuedId = (sent.json() as { id: string }).id;
        break;
      }
    }
    expect(queuedId).not.toBeNull();
    const report = await dispatchMessages(t.deps, configuredTransports(t.deps));
    expect(report).toMatchObject({ sent: 1, failed: 0, retried: 0 });
    const row = await t.deps.db
      .selectFrom('outbound_messages')
      .selectAll()
      .where('id', '=', queuedId!)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.provider_id).toBe(`<${queuedId}@accord.example.fr>`);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const received = await simpleParser(await readFile(join(dir, files[0]!)));
    expect(received.subject).toBe(row.subject);
    expect(received.text?.trim()).toBe(row.body.trim());
    const link = `${PUBLIC_URL}/api/v1/unsubscribe/${row.unsubscribe_token}`;
    const line = (key: string) =>
      received.headerLines.find((header) => header.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('list-unsubscribe')).toBe(`List-Unsubscribe: <${link}>`);
    // The link is in the text too, for a mailbox that shows no button.
    expect(received.text).toContain(link);
    // Nothing is sent twice.
    expect(await dispatchMessages(t.deps, configuredTransports(t.deps))).toMatchObject({ sent: 0 });
  });

  it('keeps a message queued for a later attempt when the relay is down', async () => {
    const { id } = await t.deps.db
      .selectFrom('outbound_messages')
      .select('id')
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('outbound_messages')
      .set({ status: 'queued', sent_at: null, next_attempt_at: START, attempts: 0 })
      .where('id', '=', id)
      .execute();
    const down = createSmtpTransport({
      SMTP_URL: 'smtp://127.0.0.1:1',
      MAIL_FROM: 'Accord <contact@accord.example.fr>',
      PUBLIC_URL,
    });
    const report = await dispatchMessages(t.deps, { email: down, sms: null });
    await down!.close();
    expect(report).toMatchObject({ sent: 0, retried: 1 });
    const row = await t.deps.db
      .selectFrom('outbound_messages')
      .select(['status', 'attempts', 'next_attempt_at', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.next_attempt_at.getTime()).toBe(START.getTime() + 60_000);
    expect(row.last_error).toBeTruthy();
  });

  it('previews a campaign without recording anything, then runs it: the policy decides each case', async () => {
    const created = await as(t.app, compliance)('POST', '/api/v1/campaigns', {
      name: 'Relance e-mail des nouveaux dossiers',
      channel: 'email',
      template: 'reminder',
      segmentIds: [],
      intervalDays: 14,
      dailyLimit: 40,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    expect((await as(t.app, teamLeader)('POST', `/api/v1/campaigns/${id}/runs`, { preview: true })).statusCode).toBe(
      403,
    );
    const paused = await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/runs`, { preview: false });
    expect(paused.statusCode).toBe(409);

    const before = await outboxCount('all');
    const contactsBefore = await t.deps.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const preview = await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/runs`, { preview: true });
    expect(preview.statusCode, preview.body).toBe(201);
    const previewed = preview.json() as RunBody;
    expect(previewed.selected).toBeGreaterThan(0);
    expect(previewed.queued + previewed.refused + previewed.failed).toBe(previewed.selected);
    expect(previewed.failed).toBe(0);
    expect(await outboxCount('all')).toBe(before);
    const contactsAfter = await t.deps.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(contactsAfter.n).toBe(contactsBefore.n);

    expect(
      (await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/status`, { status: 'active' })).statusCode,
    ).toBe(200);
    const run = await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/runs`, { preview: false });
    expect(run.statusCode, run.body).toBe(201);
    const ran = run.json() as RunBody;
    // The preview said what the run did.
    expect({ selected: ran.selected, queued: ran.queued, refusals: ran.refusals }).toEqual({
      selected: previewed.selected,
      queued: previewed.queued,
      refusals: previewed.refusals,
    });
    expect(await outboxCount('campaign')).toBe(ran.queued);
    // A case the campaign messaged is not taken again within its interval.
    const again = (
      await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/runs`, { preview: true })
    ).json() as RunBody;
    expect(again.selected).toBe(previewed.selected - ran.queued);

    const listed = await as(t.app, teamLeader)('GET', '/api/v1/campaigns');
    expect(listed.statusCode).toBe(200);
    const [campaign] = (listed.json() as { items: { status: string; runs: RunBody[] }[] }).items;
    expect(campaign!.status).toBe('active');
    expect(campaign!.runs).toHaveLength(3);
  });

  it('refuses by the policy’s hours what a campaign would send at night', async () => {
    const created = await as(t.app, compliance)('POST', '/api/v1/campaigns', {
      name: 'SMS de rappel',
      channel: 'sms',
      template: 'call_us',
      segmentIds: [],
      intervalDays: 7,
      dailyLimit: 20,
    });
    const { id } = created.json() as { id: string };
    // 21:45 in Paris and in Rome: after every window (the session signed in this morning still holds).
    t.clock.now = new Date('2026-11-25T20:45:00Z');
    try {
      const response = await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/runs`, { preview: true });
      expect(response.statusCode, response.body).toBe(201);
      const night = (
        await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/runs`, { preview: true })
      ).json() as RunBody;
      expect(night.selected).toBeGreaterThan(0);
      expect(night.queued).toBe(0);
      expect(night.refused).toBe(night.selected);
    } finally {
      t.clock.now = START;
    }
  });
});
