import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/**
 * The creditor is informed of every payment (CPCE R124-5): in its view (GET /creditor-payments) and, when it gave a
 * webhook address, by a signed POST. The notice is written in the payment's own transaction (an outbox), and a job
 * delivers it, retrying until the creditor's server answers 2xx; so no payment goes unannounced and none twice.
 */

export interface PaymentNotice {
  paymentId: string;
  creditorId: string;
  event: 'payment.recorded' | 'payment.reversed';
  payload: Record<string, unknown>;
  at: Date;
}

export async function queueCreditorNotice(trx: Transaction<DB>, notice: PaymentNotice) {
  const creditor = await trx
    .selectFrom('creditors')
    .select('webhook_url')
    .where('id', '=', notice.creditorId)
    .executeTakeFirst();
  if (!creditor?.webhook_url) return;
  await queueCreditorNotices(trx, [notice]);
}

/** Notices to creditors the caller knows gave a webhook address, in one statement. */
export async function queueCreditorNotices(trx: Transaction<DB>, notices: readonly PaymentNotice[]) {
  if (notices.length === 0) return;
  await trx
    .insertInto('creditor_notifications')
    .values(
      notices.map((notice) => ({
        creditor_id: notice.creditorId,
        payment_id: notice.paymentId,
        event: notice.event,
        payload: JSON.stringify({ event: notice.event, occurredAt: notice.at.toISOString(), ...notice.payload }),
        created_at: notice.at,
      })),
    )
    .onConflict((oc) => oc.columns(['payment_id', 'event']).doNothing())
    .execute();
}

export { queueCreditorCaseNotice, type CaseNotice } from '../cases/creditor-case-notice.js';
