import { sql, type Transaction } from 'kysely';
import type { DB, LedgerTransactionsTable } from '../platform/db/schema.js';
import { assertBalanced, assertCreditNotNegative, type Entry } from './core/postings.js';

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
  const [id] = await postTransactions(trx, [posting]);
  return id!;
}

/**
 * `postTransaction` for many transactions at once, in their order: one statement writes every transaction, its entries
 * and the claims' settled caches (the entries keep the order they are given in, so a reversal can undo them in
 * order), and one reads the credit of each debtor a posting takes from. Answers the transactions' ids in order.
 */
export async function postTransactions(trx: Transaction<DB>, postings: readonly Posting[]): Promise<string[]> {
  if (postings.length === 0) return [];
  for (const posting of postings) assertBalanced(posting.entries);
  const rows = postings.map((posting) => ({
    kind: posting.kind,
    occurredAt: posting.occurredAt.toISOString(),
    paymentId: posting.paymentId ?? null,
    reversesId: posting.reversesId ?? null,
    reason: posting.reason ?? null,
    createdBy: posting.createdBy,
    entries: posting.entries.map((entry) => ({
      account: entry.account,
      amountCents: entry.amountCents,
      debtorId: entry.debtorId ?? null,
      claimId: entry.claimId ?? null,
      component: entry.component ?? null,
      creditorId: entry.creditorId ?? null,
    })),
  }));
  // The ids are drawn first (time-ordered, in the postings' order) so the entries can name their transaction.
  const written = await sql<{ id: string }>`
    with given as (
      select p.doc, p.ord, uuid_time_ordered() as id
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as p(doc, ord)
    ),
    made as (
      insert into ledger_transactions (id, kind, occurred_at, payment_id, reverses_id, reason, created_by, created_at)
      select id, doc->>'kind', (doc->>'occurredAt')::timestamptz, (doc->>'paymentId')::uuid, (doc->>'reversesId')::uuid,
        doc->>'reason', (doc->>'createdBy')::uuid, (doc->>'occurredAt')::timestamptz
      from given order by ord
      returning id
    ),
    entries as (
      select g.id as transaction_id, g.ord, e.ord as entry_ord, e.doc->>'account' as account,
        (e.doc->>'amountCents')::bigint as amount_cents, (e.doc->>'debtorId')::uuid as debtor_id,
        (e.doc->>'claimId')::uuid as claim_id, e.doc->>'component' as component, (e.doc->>'creditorId')::uuid as creditor_id,
        (g.doc->>'occurredAt')::timestamptz as occurred_at
      from given g, jsonb_array_elements(g.doc->'entries') with ordinality as e(doc, ord)
    ),
    inserted as (
      insert into ledger_entries (transaction_id, account, amount_cents, debtor_id, claim_id, component, creditor_id)
      select transaction_id, account, amount_cents, debtor_id, claim_id, component, creditor_id
      from entries order by ord, entry_ord
    ),
    settled as (
      select claim_id,
        coalesce(sum(amount_cents) filter (where component = 'principal'), 0) as principal,
        coalesce(sum(amount_cents) filter (where component = 'interest'), 0) as interest,
        coalesce(sum(amount_cents) filter (where component = 'fees'), 0) as fees,
        max(occurred_at) as occurred_at
      from entries where account = 'claim' group by claim_id
    ),
    claims_kept as (
      update claims set settled_principal_cents = settled_principal_cents - settled.principal,
        settled_interest_cents = settled_interest_cents - settled.interest,
        settled_fees_cents = settled_fees_cents - settled.fees,
        updated_at = settled.occurred_at
      from settled where claims.id = settled.claim_id
    )
    select id from given order by ord`.execute(trx);
  await assertCreditsKept(trx, postings);
  return written.rows.map((row) => row.id);
}

/**
 * A posting that takes from a debtor's credit must find at least that much there when it is written: for each such
 * debtor, the lowest the credit went after any of these postings (its credit now, less what these postings moved,
 * plus the lowest running total after a taking posting) is never below zero. A debtor whose running total never goes
 * below zero needs no read (a payment's allocation takes what its own receipt brought): every posting is written here
 * and checked so, so a credit before them is never below zero (`ledger:verify` checks it).
 */
async function assertCreditsKept(trx: Transaction<DB>, postings: readonly Posting[]) {
  const running = new Map<string, { moved: number; lowest: number | null }>();
  for (const posting of postings) {
    const taken = new Map<string, number>();
    for (const entry of posting.entries) {
      if (entry.account !== 'debtor_credit' || entry.debtorId === undefined) continue;
      taken.set(entry.debtorId, (taken.get(entry.debtorId) ?? 0) + entry.amountCents);
    }
    for (const [debtorId, cents] of taken) {
      const state = running.get(debtorId) ?? { moved: 0, lowest: null };
      // Entries are debits positive: taking from the credit lowers it by `cents`.
      state.moved -= cents;
      if (cents > 0) state.lowest = Math.min(state.lowest ?? state.moved, state.moved);
      running.set(debtorId, state);
    }
  }
  const takers = [...running].filter(([, state]) => state.lowest !== null && state.lowest < 0);
  if (takers.length === 0) return;
  const credits = new Map(
    (
      await sql<{ debtor_id: string; total: string | number | null }>`
        select debtor_id, sum(amount_cents) as total from ledger_entries
        where account = 'debtor_credit' and debtor_id = any(${takers.map(([id]) => id)}::uuid[])
        group by debtor_id`.execute(trx)
    ).rows.map((row) => [row.debtor_id, -Number(row.total ?? 0)]),
  );
  for (const [debtorId, state] of takers) {
    assertCreditNotNegative(debtorId, (credits.get(debtorId) ?? 0) - state.moved + state.lowest!);
  }
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
