import { createHmac } from 'node:crypto';
import type { Deps } from '../platform/deps.js';
import { isSealed, open, secretsKey } from '../platform/secret-box.js';
import { postToCheckedAddress, type WebhookSend } from './webhook-post.js';
import { checkWebhookTarget, WebhookTargetRefused, type Resolve } from './webhook-target.js';

/**
 * Delivery of the notices payments write to the creditor outbox (`payments/creditor-notice.ts`): a signed POST to the
 * creditor's webhook, retried until its server answers 2xx.
 */

/** The job that delivers waiting notices, every minute (`src/app/job-schedule.ts`). */
export const CREDITOR_NOTICES = 'creditor-notices';

/** `sha256=` and the HMAC-SHA256 of `timestamp.body` with the creditor's secret, as in the X-Accord-Signature header. */
export function signNotice(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const MAX_ATTEMPTS = 12;
const BATCH = 100;

/**
 * Delivers waiting notices. Before each POST the target is checked again (a name may now resolve to a private
 * address), the POST connects to an address that check saw rather than resolving the name once more (DNS
 * rebinding), and redirects are not followed, so a creditor's server cannot steer Accord into the agency's network.
 */
export async function deliverCreditorNotices(
  deps: Deps,
  send: WebhookSend = postToCheckedAddress,
  resolve?: Resolve,
): Promise<{ delivered: number; failed: number }> {
  const pending = await deps.db
    .selectFrom('creditor_notifications as n')
    .innerJoin('creditors as c', 'c.id', 'n.creditor_id')
    .select(['n.id', 'n.event', 'n.payload', 'n.attempts', 'c.webhook_url', 'c.webhook_secret'])
    .where('n.delivered_at', 'is', null)
    .where('n.attempts', '<', MAX_ATTEMPTS)
    .orderBy('n.created_at')
    .limit(BATCH)
    .execute();
  let delivered = 0;
  let failed = 0;
  for (const notice of pending) {
    const body = JSON.stringify(notice.payload);
    const timestamp = String(Math.floor(deps.now().getTime() / 1000));
    let error: string | null = null;
    try {
      if (!notice.webhook_url) throw new Error('the creditor removed its webhook address');
      const target = await checkWebhookTarget(notice.webhook_url, deps.config, resolve);
      const secret = notice.webhook_secret ? openSecret(deps, notice.webhook_secret) : null;
      const response = await send(target, {
        headers: {
          'content-type': 'application/json',
          'x-accord-event': notice.event,
          'x-accord-delivery': notice.id,
          'x-accord-timestamp': timestamp,
          ...(secret ? { 'x-accord-signature': signNotice(secret, timestamp, body) } : {}),
        },
        body,
        timeoutMs: 10_000,
      });
      if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
    } catch (caught) {
      error =
        caught instanceof WebhookTargetRefused
          ? `webhook address refused: ${caught.message}`
          : caught instanceof Error
            ? caught.message
            : String(caught);
    }
    await deps.db
      .updateTable('creditor_notifications')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), delivered_at: error ? null : deps.now(), last_error: error }))
      .where('id', '=', notice.id)
      .execute();
    if (error) failed += 1;
    else delivered += 1;
  }
  return { delivered, failed };
}

/** The secret in clear for signing, from its sealed form (a value from before encryption is used as it is). */
function openSecret(deps: Deps, stored: string): string {
  if (!isSealed(stored)) return stored;
  try {
    return open(secretsKey(deps.config.SECRETS_KEY), stored);
  } catch {
    throw new Error('the webhook secret cannot be decrypted: check SECRETS_KEY (the key that encrypted it)');
  }
}
