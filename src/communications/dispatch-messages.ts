import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { CLAIM_LEASE_MS, retryDelayMs } from './core/retry.js';
import { unsubscribeUrl } from './email/core/message-id.js';
import { recordMessageEvent } from './message-events.js';
import type { Sent, Transports } from './transports.js';

const BATCH = 200;

interface Claimed {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  unsubscribe_token: string | null;
  attempts: number;
}

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
  /** Messages left queued because their channel has no transport configured. */
  waiting: number;
}

/**
 * Hands queued messages to their transports. Each batch is claimed with a lease (`next_attempt_at` moved past the
 * lease) in a short transaction that skips rows another dispatcher holds, then sent outside any transaction: a slow
 * relay holds no lock. A message whose process dies mid-send is claimed again when the lease ends, so a message is
 * sent at least once; the transport's identifier recorded on success lets receipts find it.
 */
export async function dispatchMessages(deps: Deps, transports: Transports): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0, waiting: 0 };
  const channels = (['email', 'sms'] as const).filter((channel) => transports[channel] !== null);
  report.waiting = await countWaiting(deps, channels);
  if (channels.length === 0) return report;
  for (;;) {
    const batch = await claim(deps, channels);
    for (const message of batch) {
      try {
        const sent = await send(deps, transports, message);
        await deps.db
          .updateTable('outbound_messages')
          .set({ status: 'sent', sent_at: deps.now(), provider_id: sent.providerId, attempts: message.attempts + 1 })
          .where('id', '=', message.id)
          .where('status', '=', 'queued')
          .execute();
        report.sent += 1;
      } catch (caught) {
        if (await giveUpOrRetry(deps, message, caught)) report.failed += 1;
        else report.retried += 1;
      }
    }
    if (batch.length < BATCH) return report;
  }
}

async function countWaiting(deps: Deps, configured: readonly ('email' | 'sms')[]): Promise<number> {
  const row = await deps.db
    .selectFrom('outbound_messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'queued')
    .$if(configured.length > 0, (query) => query.where('channel', 'not in', configured))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function claim(deps: Deps, channels: readonly string[]): Promise<Claimed[]> {
  const now = deps.now();
  const result = await sql<Claimed>`
    update outbound_messages m set next_attempt_at = ${new Date(now.getTime() + CLAIM_LEASE_MS)}
    from (select id from outbound_messages
          where status = 'queued' and next_attempt_at <= ${now} and channel = any(${channels as string[]}::text[])
          order by next_attempt_at, id limit ${BATCH} for update skip locked) due
    where m.id = due.id
    returning m.id, m.channel, m.recipient, m.subject, m.body, m.unsubscribe_token, m.attempts`.execute(deps.db);
  return result.rows;
}

function send(deps: Deps, transports: Transports, message: Claimed): Promise<Sent> {
  if (message.channel === 'email') {
    return transports.email!.send({
      messageId: message.id,
      to: message.recipient,
      subject: message.subject ?? '',
      text: message.body,
      // A collection e-mail carries its one-click opt-out; a care referral's, sent with consent, has no token.
      unsubscribeUrl: message.unsubscribe_token
        ? unsubscribeUrl(deps.config.PUBLIC_URL!, message.unsubscribe_token)
        : null,
    });
  }
  return transports.sms!.send({ messageId: message.id, to: message.recipient, text: message.body });
}

/** Records a failed attempt; gives the message up (status failed, on the timeline) when retrying is over. */
async function giveUpOrRetry(deps: Deps, message: Claimed, caught: unknown): Promise<boolean> {
  const attempts = message.attempts + 1;
  // The transport's words only: never the address or the text.
  const error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 1000);
  // A message the transport refuses for what it is (a subject that would disclose the debt) fails at once: trying
  // again would send nothing different.
  const delay = caught instanceof AppError ? null : retryDelayMs(attempts);
  await deps.db
    .updateTable('outbound_messages')
    .set({
      attempts,
      last_error: error,
      next_attempt_at: new Date(deps.now().getTime() + (delay ?? 0)),
    })
    .where('id', '=', message.id)
    .execute();
  if (delay !== null) return false;
  await recordMessageEvent(deps, {
    channel: message.channel as 'email' | 'sms',
    messageId: message.id,
    outcome: 'failed',
    at: deps.now(),
    detail: `given up after ${attempts} attempts: ${error}`,
  });
  return true;
}
