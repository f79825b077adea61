import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/** A change of a case the creditor is told of (its webhook), beside what its view shows. */
export interface CaseNotice {
  creditorId: string;
  caseId: string;
  event: 'dispute.evidence_requested' | 'dispute.decided' | 'case.closed' | 'case.reopened' | 'judicial.escalated';
  payload: Record<string, unknown>;
  at: Date;
}

/**
 * Writes a case notice to the creditor's outbox in the transaction of the change it tells (a dispute's evidence
 * request, its decision, a closure of any reason, a reopening, an escalation to the judicial stage); the same job delivers it, signed, when the creditor gave a webhook.
 */
export async function queueCreditorCaseNotice(trx: Transaction<DB>, notice: CaseNotice) {
  const creditor = await trx
    .selectFrom('creditors')
    .select('webhook_url')
    .where('id', '=', notice.creditorId)
    .executeTakeFirst();
  if (!creditor?.webhook_url) return;
  await trx
    .insertInto('creditor_notifications')
    .values({
      creditor_id: notice.creditorId,
      case_id: notice.caseId,
      event: notice.event,
      payload: JSON.stringify({ event: notice.event, occurredAt: notice.at.toISOString(), ...notice.payload }),
      created_at: notice.at,
    })
    .execute();
}
