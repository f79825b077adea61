import { sql, type Transaction } from 'kysely';
import type { DB, LedgerTransactionsTable } from '../platform/db/schema.js';
import { assertBalanced, assertCreditNotNegative, creditTakenCents, type Entry } from './core/postings.js';

export interface Posting {
  kind: LedgerTransactionsTable['kind'];
  occurredAt: Date;
  paymentId?: string | null;
  reversesId?: string | null;
  reason?: string | null;
  createdBy: string | null;
  entries: readonly Entry[];
}

/**
 * Writes one balanced ledger transaction inside the caller's transaction, and keeps each touched claim's settled
 * cache in step with its entries (a credit on a claim account pays it off; a debit undoes or corrects up).
 */
export async function postTransaction(trx: Transaction<DB>, posting: Posting): Promise<string> {
  assertBalanced(posting.entries);
  const created = await trx
    .insertInto('ledger_transactions')
    .values({
      kind: posting.kind,
      occurred_at: posting.occurredAt,
      payment_id: posting.paymentId ?? null,
      reverses_id: posting.reversesId ?? null,
      reason: posting.reason ?? null,
      created_by: posting.createdBy,
      created_at: posting.occurredAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('ledger_entries')
    .values(
      posting.entries.map((entry) => ({
        transaction_id: created.id,
        account: entry.account,
        amount_cents: entry.amountCents,
        debtor_id: entry.debtorId ?? null,
        claim_id: entry.claimId ?? null,
        component: entry.component ?? null,
        creditor_id: entry.creditorId ?? null,
      })),
    )
    .execute();
  for (const [debtorId, taken] of creditTakenCents(posting.entries)) {
    if (taken > 0) assertCreditNotNegative(debtorId, await debtorCreditCents(trx, debtorId));
  }
  for (const entry of posting.entries) {
    if (entry.account !== 'claim') continue;
    const column = sql.ref(`settled_${entry.component}_cents`);
    await sql`update claims set ${column} = ${column} - ${entry.amountCents}, updated_at = ${posting.occurredAt} where id = ${entry.claimId}`.execute(
      trx,
    );
  }
  return created.id;
}

/** The debtor's credit (money received that no claim took), as the ledger has it inside the caller's transaction. */
export async function debtorCreditCents(trx: Transaction<DB>, debtorId: string): Promise<number> {
  const row = await sql<{ total: string | number | null }>`
    select sum(amount_cents) as total from ledger_entries where account = 'debtor_credit' and debtor_id = ${debtorId}`.execute(
    trx,
  );
  return -Number(row.rows[0]?.total ?? 0);
}

/** The entries of a posted transaction, to reverse them. */
export async function entriesOf(trx: Transaction<DB>, transactionId: string): Promise<Entry[]> {
  const rows = await trx
    .selectFrom('ledger_entries')
    .select(['account', 'amount_cents', 'debtor_id', 'claim_id', 'component', 'creditor_id'])
    .where('transaction_id', '=', transactionId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    account: row.account,
    amountCents: row.amount_cents,
    debtorId: row.debtor_id ?? undefined,
    claimId: row.claim_id ?? undefined,
    component: row.component ?? undefined,
    creditorId: row.creditor_id ?? undefined,
  }));
}

/** A case's balance: what its open claims still owe after what was paid off. */
export async function refreshCaseBalance(trx: Transaction<DB>, caseId: string, at: Date) {
  await sql`
    update cases set balance_cents = coalesce((
      select sum(principal_cents + interest_cents + fees_cents - settled_principal_cents - settled_interest_cents - settled_fees_cents)
      from claims where case_id = ${caseId} and status = 'open'), 0), updated_at = ${at}
    where id = ${caseId}`.execute(trx);
}
