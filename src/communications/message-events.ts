import type { Transaction } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';

/**
 * What transports report after a message left: delivered, failed for good, bounced (the address does not exist),
 * a complaint (the debtor marked it as spam), or the debtor's own "stop". Each is one transaction: the outbox row, the
 * contact point, the opt-out, the case's timeline and the audit change together. The SMTP side (`email/`) and the
 * SMPP side (`sms/`) both report here, so the two channels cannot drift apart in what a bounce or a "STOP" means.
 */

export type MessageOutcome = 'delivered' | 'failed' | 'bounced' | 'complained';

export interface MessageEvent {
  channel: 'email' | 'sms';
  /** The transport's identifier of the message (`outbound_messages.provider_id`), or the outbox id itself. */
  providerId?: string | undefined;
  messageId?: string | undefined;
  outcome: MessageOutcome;
  at: Date;
  /** The transport's words (an SMTP status such as `5.1.1`, an SMPP `stat:`), kept on the message, never logged. */
  detail: string;
}

/** Applies a report to its message. Returns false when no message matches (a stale or foreign report). */
export async function recordMessageEvent(deps: Deps, event: MessageEvent): Promise<boolean> {
  return deps.db.transaction().execute((trx) => recordMessageEventIn(trx, deps.now(), event));
}

export async function recordMessageEventIn(trx: Transaction<DB>, now: Date, event: MessageEvent): Promise<boolean> {
  let query = trx
    .selectFrom('outbound_messages')
    .select(['id', 'debtor_id', 'case_id', 'contact_point_id', 'status', 'recipient', 'special_category'])
    .where('channel', '=', event.channel)
    .forUpdate();
  if (event.messageId) query = query.where('id', '=', event.messageId);
  else if (event.providerId) query = query.where('provider_id', '=', event.providerId);
  else return false;
  const message = await query.executeTakeFirst();
  if (!message) return false;
  // A later, weaker report never undoes a stronger one (a delivery receipt after a complaint).
  if (message.status === event.outcome || RANK[message.status as keyof typeof RANK] > RANK[event.outcome]) return true;
  await trx
    .updateTable('outbound_messages')
    .set({
      status: event.outcome,
      delivered_at: event.outcome === 'delivered' ? event.at : undefined,
      failed_at: event.outcome === 'delivered' ? undefined : event.at,
      last_error: event.outcome === 'delivered' ? undefined : event.detail.slice(0, 1000),
    })
    .where('id', '=', message.id)
    .execute();
  if (event.outcome === 'bounced') {
    await trx
      .updateTable('debtor_contact_points')
      .set({ undeliverable_at: event.at, undeliverable_reason: event.detail.slice(0, 500) })
      .where('id', '=', message.contact_point_id)
      .where('undeliverable_at', 'is', null)
      .execute();
  }
  await appendCaseEvent(trx, {
    caseId: message.case_id,
    debtorId: message.debtor_id,
    at: event.at,
    // A care e-mail's fate is the care unit's: its line takes the care kind, which no creditor's projection reads.
    kind: message.special_category ? 'care' : event.channel,
    channel: event.channel,
    direction: 'outbound',
    outcome: event.outcome,
    summary: recordText(SUMMARY[event.outcome], { channel: event.channel }),
    data: { messageId: message.id },
  });
  await appendAudit(trx, {
    actor: SYSTEM_ACTOR,
    action: `message.${event.outcome}`,
    targetType: 'outbound_message',
    targetId: message.id,
    before: { status: message.status },
    after: { status: event.outcome, at: event.at.toISOString(), detail: event.detail.slice(0, 200) },
    at: now,
  });
  if (event.outcome === 'complained') {
    await optOutIn(trx, now, {
      debtorId: message.debtor_id,
      caseId: message.case_id,
      channel: 'email',
      via: 'email_complaint',
      at: event.at,
    });
  }
  return true;
}

const RANK: Record<'queued' | 'sent' | MessageOutcome, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  failed: 3,
  bounced: 4,
  complained: 5,
};

const SUMMARY = {
  delivered: 'message_delivered',
  failed: 'message_failed',
  bounced: 'message_bounced',
  complained: 'opted_out_by_reply',
} as const;

export interface MessageOptOut {
  debtorId: string;
  /** The case the message that carried the opt-out was about: its timeline says so. */
  caseId: string | null;
  channel: 'email' | 'sms';
  via: 'sms_reply' | 'email_link' | 'email_complaint';
  at: Date;
}

/**
 * The debtor's "stop", received through the message itself: free, immediate, and for the channel as a whole
 * (REGULATION.md §6 and §13). Returns whether it was new (a second "STOP" changes nothing).
 */
export async function optOutIn(trx: Transaction<DB>, now: Date, input: MessageOptOut): Promise<boolean> {
  await trx.selectFrom('debtors').select('id').where('id', '=', input.debtorId).forUpdate().execute();
  const active = await trx
    .selectFrom('contact_opt_outs')
    .select('id')
    .where('debtor_id', '=', input.debtorId)
    .where('channel', '=', input.channel)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (active) return false;
  await trx
    .insertInto('contact_opt_outs')
    .values({
      debtor_id: input.debtorId,
      channel: input.channel,
      opted_out_at: input.at,
      recorded_by: null,
      via: input.via,
    })
    .execute();
  if (input.caseId) {
    await appendCaseEvent(trx, {
      caseId: input.caseId,
      debtorId: input.debtorId,
      at: input.at,
      kind: 'preferences',
      channel: input.channel,
      direction: 'inbound',
      summary: recordText('opted_out_by_reply', { channel: input.channel }),
      data: { via: input.via },
    });
  }
  await appendAudit(trx, {
    actor: SYSTEM_ACTOR,
    action: 'contact.opted_out',
    targetType: 'debtor',
    targetId: input.debtorId,
    after: { channel: input.channel, via: input.via, at: input.at.toISOString() },
    at: now,
  });
  return true;
}
