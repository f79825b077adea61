import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import type { PaymentView } from './contract.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function loadPayment(db: Db, paymentId: string): Promise<PaymentView> {
  const row = await paymentRows(db).where('p.id', '=', paymentId).executeTakeFirst();
  if (!row) throw notFound('The payment');
  const [view] = await paymentViews(db, [row]);
  return view!;
}

const paymentRows = (db: Db) =>
  db
    .selectFrom('payments as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .leftJoin('users as u', 'u.id', 'p.recorded_by')
    .selectAll('p')
    .select(['c.reference as case_reference', 'u.display_name']);

/** Payments chosen by `where`, newest first, 1,000 at most. */
export async function paymentsWhere(
  db: Db,
  where: (select: ReturnType<typeof paymentRows>) => ReturnType<typeof paymentRows>,
): Promise<PaymentView[]> {
  const rows = await where(paymentRows(db)).orderBy('p.recorded_at', 'desc').limit(1_000).execute();
  return paymentViews(db, rows);
}

export function casePayments(db: Db, caseId: string): Promise<PaymentView[]> {
  return paymentsWhere(db, (select) => select.where('p.case_id', '=', caseId));
}

interface PaymentRow {
  id: string;
  case_id: string;
  debtor_id: string;
  creditor_id: string;
  channel: PaymentView['channel'];
  amount_cents: number;
  currency: string;
  received_on: string;
  reference: string | null;
  payer_name: string | null;
  receipt_number: string;
  status: 'recorded' | 'reversed';
  source: PaymentView['source'];
  recorded_at: Date;
  reversed_at: Date | null;
  reversal_kind: string | null;
  reversal_reason: string | null;
  case_reference: string;
  display_name: string | null;
}

async function paymentViews(db: Db, rows: PaymentRow[]): Promise<PaymentView[]> {
  if (rows.length === 0) return [];
  const entries = await db
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_transactions as t', 't.id', 'e.transaction_id')
    .leftJoin('claims as cl', 'cl.id', 'e.claim_id')
    .select(['t.payment_id', 'e.account', 'e.amount_cents', 'e.claim_id', 'e.component', 'cl.reference'])
    .where(
      't.payment_id',
      'in',
      rows.map((row) => row.id),
    )
    .where('t.kind', 'in', ['allocation', 'reversal'])
    .execute();
  return rows.map((row) => {
    const mine = entries.filter((entry) => entry.payment_id === row.id);
    const byClaim = new Map<string, PaymentView['allocations'][number]>();
    let commission = 0;
    for (const entry of mine) {
      if (entry.account === 'agency_income') commission -= entry.amount_cents;
      if (entry.account !== 'claim') continue;
      const key = `${entry.claim_id}|${entry.component}`;
      const found = byClaim.get(key) ?? {
        claimId: entry.claim_id!,
        claimReference: entry.reference ?? '',
        component: entry.component!,
        amountCents: 0,
      };
      found.amountCents -= entry.amount_cents;
      byClaim.set(key, found);
    }
    const allocations = [...byClaim.values()].filter((allocation) => allocation.amountCents !== 0);
    const allocated = allocations.reduce((sum, allocation) => sum + allocation.amountCents, 0);
    return {
      id: row.id,
      caseId: row.case_id,
      caseReference: row.case_reference,
      debtorId: row.debtor_id,
      creditorId: row.creditor_id,
      channel: row.channel,
      amountCents: row.amount_cents,
      currency: row.currency,
      receivedOn: row.received_on,
      reference: row.reference,
      payerName: row.payer_name,
      receiptNumber: row.receipt_number,
      status: row.status,
      source: row.source,
      recordedAt: row.recorded_at.toISOString(),
      recordedBy: row.display_name,
      reversedAt: row.reversed_at?.toISOString() ?? null,
      reversalKind: row.reversal_kind,
      reversalReason: row.reversal_reason,
      allocations,
      unallocatedCents: row.status === 'reversed' ? 0 : row.amount_cents - allocated,
      commissionCents: commission,
    };
  });
}
