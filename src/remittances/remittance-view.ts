import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import type { RemittanceSummary, RemittanceView } from './contract.js';

type Db = Kysely<DB> | Transaction<DB>;

const summaryColumns = (db: Db) =>
  db
    .selectFrom('remittances as r')
    .innerJoin('creditors as c', 'c.id', 'r.creditor_id')
    .leftJoin('users as u', 'u.id', 'r.prepared_by')
    .leftJoin('users as v', 'v.id', 'r.released_by')
    .leftJoin('users as x', 'x.id', 'r.cancelled_by')
    .select([
      'r.id',
      'r.number',
      'r.creditor_id',
      'c.code',
      'c.name',
      'r.period_to',
      'r.collected_cents',
      'r.commission_cents',
      'r.net_cents',
      'r.status',
      'r.prepared_at',
      'r.prepared_by',
      'u.display_name',
      'r.released_at',
      'r.released_by',
      'v.display_name as released_by_name',
      'r.cancelled_at',
      'x.display_name as cancelled_by_name',
    ]);

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryColumns>['execute']>>[number];

function summary(row: SummaryRow): RemittanceSummary {
  return {
    id: row.id,
    number: row.number,
    creditorId: row.creditor_id,
    creditorCode: row.code,
    creditorName: row.name,
    periodTo: row.period_to,
    collectedCents: row.collected_cents,
    commissionCents: row.commission_cents,
    netCents: row.net_cents,
    status: row.status,
    preparedAt: row.prepared_at.toISOString(),
    preparedBy: row.display_name,
    preparedById: row.prepared_by,
    releasedAt: row.released_at?.toISOString() ?? null,
    releasedBy: row.released_by_name,
    releasedById: row.released_by,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelledBy: row.cancelled_by_name,
  };
}

export async function loadRemittance(db: Db, id: string): Promise<RemittanceView> {
  const row = await summaryColumns(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The remittance');
  const lines = await db
    .selectFrom('remittance_lines as l')
    .leftJoin('payments as p', 'p.id', 'l.payment_id')
    .select([
      'l.payment_id',
      'p.receipt_number',
      'l.case_reference',
      'l.occurred_on',
      'l.collected_cents',
      'l.commission_cents',
    ])
    .where('l.remittance_id', '=', id)
    .orderBy('l.occurred_on')
    .orderBy('l.case_reference')
    .execute();
  return {
    ...summary(row),
    lines: lines.map((line) => ({
      paymentId: line.payment_id,
      receiptNumber: line.receipt_number,
      caseReference: line.case_reference,
      occurredOn: line.occurred_on,
      collectedCents: line.collected_cents,
      commissionCents: line.commission_cents,
      netCents: line.collected_cents - line.commission_cents,
    })),
  };
}

export async function listRemittances(db: Db, creditorId: string | null): Promise<RemittanceSummary[]> {
  let query = summaryColumns(db).orderBy('r.prepared_at', 'desc').limit(200);
  if (creditorId) query = query.where('r.creditor_id', '=', creditorId);
  return (await query.execute()).map(summary);
}
