import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { open, secretsKey } from '../platform/secret-box.js';
import { queueCreditorNotice } from '../payments/creditor-notice.js';
import { deliverCreditorNotices, signNotice } from './creditor-notices.js';
import { postToCheckedAddress, type WebhookSend } from './webhook-post.js';
import { sealPlaintextWebhookSecrets } from './creditor-settings.js';

const KEY = randomBytes(32).toString('base64');
const SECRET = 'the-creditor-own-secret-7Q2x';

describe.each(ENGINES)('creditor webhooks: public targets only, secrets encrypted at rest on %s', (engine) => {
  let t: TestApp;
  let manager: ReturnType<typeof as>;
  let creditorId = '';
  const settings = (body: object) =>
    manager('PUT', `/api/v1/creditors/${creditorId}/remittance-settings`, {
      remittanceIban: null,
      remittanceBic: null,
      ...body,
    });
  const stored = async () =>
    t.deps.db
      .selectFrom('creditors')
      .select(['webhook_url', 'webhook_secret', 'webhook_secret_last4'])
      .where('id', '=', creditorId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, config: { SECRETS_KEY: KEY } });
    manager = as(t.app, await signIn(t.app, demoEmail('manager')));
    creditorId = (
      await t.deps.db.selectFrom('creditors').select('id').where('code', '=', 'BHORIZON').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it('refuses loopback, private and link-local targets, in IPv4, IPv6 and by a name that resolves to one', async () => {
    for (const webhookUrl of [
      'https://127.0.0.1/hook',
      'https://10.0.0.8/hook',
      'https://192.168.1.20/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://localhost/hook',
      'http://127.0.0.1:8080/hook',
    ]) {
      const response = await settings({ webhookUrl });
      expect(response.statusCode, webhookUrl).toBe(422);
      expect(response.json().code, webhookUrl).toBe('creditors.webhook_target_refused');
    }
    expect((await stored()).webhook_url).toBeNull();
    // A public https address is accepted (given as an address: no DNS needed).
    expect((await settings({ webhookUrl: 'https://93.184.216.34/accord' })).statusCode).toBe(200);
  });

  it('keeps the secret encrypted, shows only its last four characters, and a drawn secret once', async () => {
    const set = await settings({ webhookUrl: 'https://93.184.216.34/accord', webhookSecret: SECRET });
    expect(set.json()).toEqual({
      remittanceIban: null,
      remittanceBic: null,
      webhookUrl: 'https://93.184.216.34/accord',
      webhookSecretSet: true,
      webhookSecretLast4: '7Q2x',
    });
    const row = await stored();
    expect(row.webhook_secret).toMatch(/^v1:/);
    expect(row.webhook_secret).not.toContain(SECRET);
    expect(open(secretsKey(KEY), row.webhook_secret!)).toBe(SECRET);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'creditor.remittance_settings_set')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain(SECRET);

    const rotated = (await settings({ webhookUrl: 'https://93.184.216.34/accord', rotateWebhookSecret: true })).json();
    expect(rotated.newWebhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.webhookSecretLast4).toBe(rotated.newWebhookSecret.slice(-4));
    const again = (await settings({ webhookUrl: 'https://93.184.216.34/accord' })).json();
    expect(again).not.toHaveProperty('newWebhookSecret');
    expect(JSON.stringify(again)).not.toContain(rotated.newWebhookSecret);
    expect(again.webhookSecretLast4).toBe(rotated.newWebhookSecret.slice(-4));
  });

  it('checks the target again at delivery: a name now resolving to a private address gets nothing', async () => {
    const calls: string[] = [];
    const send: WebhookSend = async (target) => {
      calls.push(target.url.href);
      return { status: 204 };
    };
    await t.deps.db
      .updateTable('creditors')
      .set({ webhook_url: 'https://hooks.creditor.example/accord' })
      .where('id', '=', creditorId)
      .execute();
    const first = await queueNotice(0);
    const rebound = await deliverCreditorNotices(t.deps, send, async () => ['93.184.216.34', '10.0.0.7']);
    expect(rebound).toEqual({ delivered: 0, failed: 1 });
    expect(calls).toEqual([]);
    const notice = await t.deps.db
      .selectFrom('creditor_notifications')
      .select('last_error')
      .where('payment_id', '=', first)
      .executeTakeFirstOrThrow();
    expect(notice.last_error).toContain('webhook address refused');
    expect(notice.last_error).toContain('10.0.0.7');
    // Once the name is public again, the notice goes, signed with the decrypted secret.
    const delivered = await deliverCreditorNotices(t.deps, send, async () => ['93.184.216.34']);
    expect(delivered).toEqual({ delivered: 1, failed: 0 });
    expect(calls).toEqual(['https://hooks.creditor.example/accord']);
  });

  it('signs deliveries with the secret it decrypts, to a local server the operator allowed', async () => {
    const received: { signature: string | undefined; timestamp: string; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({
          signature: request.headers['x-accord-signature'] as string | undefined,
          timestamp: String(request.headers['x-accord-timestamp']),
          body,
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/accord`;
      const allowing = { ...t.deps, config: { ...t.deps.config, WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8' } };
      await t.deps.db.updateTable('creditors').set({ webhook_url: url }).where('id', '=', creditorId).execute();
      await settings({ webhookUrl: null, webhookSecret: SECRET });
      await t.deps.db.updateTable('creditors').set({ webhook_url: url }).where('id', '=', creditorId).execute();
      await queueNotice(1);
      // Without the operator's range the local server is refused; with it, the notice arrives signed.
      expect(await deliverCreditorNotices(t.deps)).toEqual({ delivered: 0, failed: 1 });
      expect(await deliverCreditorNotices(allowing)).toEqual({ delivered: 1, failed: 0 });
      expect(received).toHaveLength(1);
      expect(received[0]!.signature).toBe(signNotice(SECRET, received[0]!.timestamp, received[0]!.body));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('connects only to the address it checked, never resolving the name again (DNS rebinding), Host kept as the name', async () => {
    const hosts: string[] = [];
    const server = createServer((request, response) => {
      hosts.push(String(request.headers.host));
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const allowing = { ...t.deps, config: { ...t.deps.config, WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8' } };
      let resolutions = 0;
      // The first answer is the one checked; a rebinding name would answer something else next time.
      const rebinding = (first: string) => async () => [resolutions++ === 0 ? first : '10.66.0.1'];

      // A name that no DNS knows (.invalid): delivered all the same, to the address the check saw.
      await t.deps.db
        .updateTable('creditors')
        .set({ webhook_url: `http://hooks.rebind.invalid:${port}/accord` })
        .where('id', '=', creditorId)
        .execute();
      await queueNotice(2);
      expect(await deliverCreditorNotices(allowing, postToCheckedAddress, rebinding('127.0.0.1'))).toEqual({
        delivered: 1,
        failed: 0,
      });
      expect(resolutions).toBe(1);
      expect(hosts).toEqual([`hooks.rebind.invalid:${port}`]);

      // "localhost" resolves to 127.0.0.1, where the server listens; checked as 127.0.0.2, the delivery goes there
      // (nobody listens) and fails, rather than following what the name resolves to at connect time.
      resolutions = 0;
      await t.deps.db
        .updateTable('creditors')
        .set({ webhook_url: `http://localhost:${port}/accord` })
        .where('id', '=', creditorId)
        .execute();
      await queueNotice(2, 'payment.reversed');
      const pinned = await deliverCreditorNotices(allowing, postToCheckedAddress, rebinding('127.0.0.2'));
      expect(pinned).toEqual({ delivered: 0, failed: 1 });
      expect(hosts).toHaveLength(1);
      const failedNotice = await t.deps.db
        .selectFrom('creditor_notifications')
        .select('last_error')
        .where('delivered_at', 'is', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(failedNotice.last_error).toContain('127.0.0.2');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses to store a secret without SECRETS_KEY, and encrypts plaintext secrets of earlier versions at start', async () => {
    const keyless = { ...t.deps, config: { ...t.deps.config, SECRETS_KEY: undefined } };
    await t.deps.db
      .updateTable('creditors')
      .set({ webhook_secret: 'an-old-plaintext-secret', webhook_secret_last4: null })
      .where('id', '=', creditorId)
      .execute();
    await expect(sealPlaintextWebhookSecrets(keyless)).rejects.toThrow('set SECRETS_KEY');
    expect(await sealPlaintextWebhookSecrets(t.deps)).toBe(1);
    const row = await stored();
    expect(row.webhook_secret).toMatch(/^v1:/);
    expect(row.webhook_secret_last4).toBe('cret');
    expect(open(secretsKey(KEY), row.webhook_secret!)).toBe('an-old-plaintext-secret');
    expect(await sealPlaintextWebhookSecrets(t.deps)).toBe(0);

    const { setRemittanceSettings } = await import('./creditor-settings.js');
    const actor = {
      userId: (await signIn(t.app, demoEmail('manager'))).userId,
      role: 'manager' as const,
      creditorId: null,
      displayName: 'M',
      email: 'm@x',
      locale: 'fr' as const,
    };
    await expect(
      setRemittanceSettings(keyless, actor, creditorId, {
        remittanceIban: null,
        remittanceBic: null,
        webhookUrl: null,
        webhookSecret: SECRET,
      }),
    ).rejects.toMatchObject({
      code: 'creditors.secrets_key_missing',
    });
  });

  /** A notice about one of the demo's payments (the n-th), queued as a payment would. */
  async function queueNotice(
    n: number,
    event: 'payment.recorded' | 'payment.reversed' = 'payment.recorded',
  ): Promise<string> {
    const paymentId = (
      await t.deps.db.selectFrom('payments').select('id').orderBy('id').offset(n).limit(1).executeTakeFirstOrThrow()
    ).id;
    await t.deps.db.transaction().execute(async (trx) => {
      await queueCreditorNotice(trx, { paymentId, creditorId, event, payload: { paymentId }, at: t.deps.now() });
    });
    return paymentId;
  }
});
