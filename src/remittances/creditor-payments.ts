import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { paymentsWhere } from '../payments/payment-view.js';
import type { CreditorPayments } from './contract.js';

/** The payments received on a creditor's cases in a period, by day of receipt, with their allocation. */
export async function creditorPayments(
  db: Kysely<DB>,
  query: { creditorId: string | null; from: string; to: string },
): Promise<CreditorPayments> {
  const items = await paymentsWhere(db, (select) => {
    let filtered = select.where('p.received_on', '>=', query.from).where('p.received_on', '<=', query.to);
    if (query.creditorId) filtered = filtered.where('p.creditor_id', '=', query.creditorId);
    return filtered;
  });
  return {
    items,
    totalCents: items.filter((item) => item.status === 'recorded').reduce((sum, item) => sum + item.amountCents, 0),
  };
}
