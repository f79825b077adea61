import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import type { Entry } from '../ledger/core/postings.js';
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

export interface PaymentRow {
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
  return rows.map((row) =>
    paymentView(
      row,
      entries.filter((entry) => entry.payment_id === row.id),
    ),
  );
}

/** A ledger entry of a payment's allocation or reversal, with its claim's reference. */
export interface ViewEntry {
  account: string;
  amount_cents: number;
  claim_id: string | null;
  component: string | null;
  reference: string | null;
}

/**
 * A payment as the API shows it, from its row and its allocation and reversal entries: also what a payment just
 * recorded answers, from what its transaction wrote, without reading it back.
 */
export function paymentView(row: PaymentRow, mine: readonly ViewEntry[]): PaymentView {
  const byClaim = new Map<string, PaymentView['allocations'][number]>();
  let commission = 0;
  for (const entry of mine) {
    if (entry.account === 'agency_income') commission -= entry.amount_cents;
    if (entry.account !== 'claim') continue;
    const key = `${entry.claim_id}|${entry.component}`;
    const found = byClaim.get(key) ?? {
      claimId: entry.claim_id!,
      claimReference: entry.reference ?? '',
      component: entry.component as PaymentView['allocations'][number]['component'],
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
}

/** What a payment's transaction wrote, for `recordedView`. */
export interface RecordedPayment {
  id: string;
  receiptNumber: string;
  caseRow: { id: string; reference: string; debtor_id: string; creditor_id: string };
  input: {
    amountCents: number;
    channel: PaymentView['channel'];
    receivedOn: string;
    reference?: string | undefined;
    payerName?: string | undefined;
  };
  source: PaymentView['source'];
  recordedAt: Date;
  recordedBy: string;
  /** Its allocation's entries, and the references of the case's claims. */
  entries: readonly Entry[];
  claimReferences: ReadonlyMap<string, string>;
}

/** The view of a payment its transaction just recorded, as `loadPayment` reads it after the commit. */
export function recordedView(payment: RecordedPayment): PaymentView {
  const { input, caseRow } = payment;
  return paymentView(
    {
      id: payment.id,
      case_id: caseRow.id,
      debtor_id: caseRow.debtor_id,
      creditor_id: caseRow.creditor_id,
      channel: input.channel,
      amount_cents: input.amountCents,
      currency: 'EUR',
      received_on: input.receivedOn,
      reference: input.reference ?? null,
      payer_name: input.payerName ?? null,
      receipt_number: payment.receiptNumber,
      status: 'recorded',
      source: payment.source,
      recorded_at: payment.recordedAt,
      reversed_at: null,
      reversal_kind: null,
      reversal_reason: null,
      case_reference: caseRow.reference,
      display_name: payment.recordedBy,
    },
    payment.entries.map((entry) => ({
      account: entry.account,
      amount_cents: entry.amountCents,
      claim_id: entry.claimId ?? null,
      component: entry.component ?? null,
      reference: entry.claimId ? (payment.claimReferences.get(entry.claimId) ?? null) : null,
    })),
  );
}
