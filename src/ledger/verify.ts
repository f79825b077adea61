import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';

export interface LedgerVerification {
  ok: boolean;
  transactions: number;
  entries: number;
  /** The first invariant found broken, in words that name the record. */
  violation: string | null;
}

/**
 * Checks the ledger's invariants over the whole database, set-based, and stops at the first broken one:
 * 1. everything the ledger names exists: each entry's transaction, debtor, claim and creditor, each transaction's
 *    payment and author (checked at each insert by a trigger, migration 0096; here again over the whole ledger);
 * 2. every transaction has entries and they sum to zero;
 * 3. every payment has exactly one receipt of its amount, reversed exactly when the payment is;
 * 4. cash received equals what was allocated, plus what is still unallocated, plus what was refunded;
 * 5. no debtor's credit is below zero (money is never paid out of a credit the debtor did not have);
 * 6. each claim's cached settled amounts equal its ledger entries (payments and corrections down count as settled,
 *    corrections up as negative), and no component is paid off beyond what it owes: no balance below zero;
 * 7. per creditor, claim movements and their counterpart in placed claims cancel out;
 * 8. each open case's cached balance equals what its open claims still owe;
 * 9. each judicial cost the debtor bears (since migration 0049) is one correction up of its claim's fees, of its amount.
 */
export async function verifyLedger(db: Kysely<DB>): Promise<LedgerVerification> {
  // The checks join whole tables, and are planned on fresh statistics (nothing may have analyzed the tables since a
  // large import). Each finds every violation first (a materialized `found`), then the first of them: asked for one
  // row at once, the planner bet on finding it early and joined by nested loop, minutes over 40,000 payments when
  // none is broken (the usual answer); whole, the join is hashed, half a second.
  await sql`analyze payments, ledger_transactions, ledger_entries, claims, cases`.execute(db);
  const counts = await sql<{ transactions: number; entries: number }>`
    select (select count(*) from ledger_transactions)::int as transactions, (select count(*) from ledger_entries)::int as entries`.execute(
    db,
  );
  const { transactions, entries } = counts.rows[0]!;
  let violation: string | null = null;
  for (const check of CHECKS) {
    violation = await check(db);
    if (violation !== null) break;
  }
  return { ok: violation === null, transactions, entries, violation };
}

/** One invariant: null when it holds, else the first record that breaks it, in words. */
type Check = (db: Kysely<DB>) => Promise<string | null>;

/** 1. Everything the ledger names exists (a reference to nothing could only come from a tampered database). */
async function referencesExist(db: Kysely<DB>): Promise<string | null> {
  const missing = await sql<{ seq: string | null; what: string; id: string }>`
    with found as materialized (
      select t.seq, 'transaction' as what, e.transaction_id as id from ledger_entries e
        left join ledger_transactions t on t.id = e.transaction_id where t.id is null
      union all
      select t.seq, 'debtor', e.debtor_id from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        where e.debtor_id is not null and not exists (select from debtors d where d.id = e.debtor_id)
      union all
      select t.seq, 'claim', e.claim_id from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        where e.claim_id is not null and not exists (select from claims c where c.id = e.claim_id)
      union all
      select t.seq, 'creditor', e.creditor_id from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        where e.creditor_id is not null and not exists (select from creditors r where r.id = e.creditor_id)
      union all
      select t.seq, 'payment', t.payment_id from ledger_transactions t
        where t.payment_id is not null and not exists (select from payments p where p.id = t.payment_id)
      union all
      select t.seq, 'user', t.created_by from ledger_transactions t
        where t.created_by is not null and not exists (select from users u where u.id = t.created_by)
    )
    select seq, what, id from found order by seq nulls first, what limit 1`.execute(db);
  const m = missing.rows[0];
  if (!m) return null;
  return m.seq === null
    ? `a ledger entry names transaction ${m.id}, which does not exist`
    : `transaction #${m.seq} names ${m.what} ${m.id}, which does not exist`;
}

/** 2. Every transaction has entries and they sum to zero. */
async function transactionsBalance(db: Kysely<DB>): Promise<string | null> {
  const unbalanced = await sql<{ id: string; seq: number; kind: string; total: number | null }>`
    select t.id, t.seq, t.kind, sum(e.amount_cents)::bigint as total
    from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
    group by t.id, t.seq, t.kind
    having count(e.id) = 0 or sum(e.amount_cents) <> 0
    order by t.seq limit 1`.execute(db);
  const u = unbalanced.rows[0];
  if (!u) return null;
  return u.total === null
    ? `transaction #${u.seq} (${u.kind}, ${u.id}) has no entries`
    : `transaction #${u.seq} (${u.kind}, ${u.id}) does not balance: its entries sum to ${u.total} cents`;
}

/** 3. Every payment has exactly one receipt of its amount, reversed exactly when the payment is. */
async function receiptsMatchPayments(db: Kysely<DB>): Promise<string | null> {
  const receipts = await sql<{ receipt_number: string; problem: string }>`
    with found as materialized (
    select p.receipt_number, p.recorded_at,
      case when r.n is distinct from 1 then 'has ' || coalesce(r.n, 0) || ' receipt transactions instead of one'
           when r.cash <> p.amount_cents then 'has a receipt of ' || r.cash || ' cents for an amount of ' || p.amount_cents
           when (p.status = 'reversed') <> coalesce(r.reversed, false) then
             case when p.status = 'reversed' then 'is reversed but its receipt is not' else 'is not reversed but its receipt is' end
      end as problem
    from payments p
    left join (
      select t.payment_id, count(distinct t.id) as n, sum(e.amount_cents) filter (where e.account = 'cash') as cash,
        bool_or(exists (select 1 from ledger_transactions x where x.reverses_id = t.id)) as reversed
      from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
      where t.kind = 'receipt' group by t.payment_id
    ) r on r.payment_id = p.id
    where r.n is distinct from 1 or r.cash <> p.amount_cents or (p.status = 'reversed') <> coalesce(r.reversed, false)
    )
    select receipt_number, problem from found order by recorded_at limit 1`.execute(db);
  const r = receipts.rows[0];
  return r ? `payment ${r.receipt_number} ${r.problem}` : null;
}

/** 4. Cash received equals what was allocated, plus what is still unallocated, plus what was refunded. */
async function cashAccountedFor(db: Kysely<DB>): Promise<string | null> {
  const money = await sql<{ received: number; allocated: number; unallocated: number; refunded: number }>`
    with kinds as (
      select e.account, e.amount_cents, coalesce(o.kind, t.kind) as kind
      from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
      left join ledger_transactions o on o.id = t.reverses_id
    )
    select
      coalesce(sum(amount_cents) filter (where account = 'cash' and kind = 'receipt'), 0)::bigint as received,
      coalesce(-sum(amount_cents) filter (where account = 'claim' and kind = 'allocation'), 0)::bigint as allocated,
      coalesce(-sum(amount_cents) filter (where account = 'debtor_credit'), 0)::bigint as unallocated,
      coalesce(-sum(amount_cents) filter (where account = 'cash' and kind = 'refund'), 0)::bigint as refunded
    from kinds`.execute(db);
  const m = money.rows[0]!;
  if (Number(m.received) === Number(m.allocated) + Number(m.unallocated) + Number(m.refunded)) return null;
  return `cash received (${m.received} cents) is not what was allocated (${m.allocated}) plus unallocated (${m.unallocated}) plus refunded (${m.refunded})`;
}

/** 5. No debtor's credit is below zero (money is never paid out of a credit the debtor did not have). */
async function creditsNotNegative(db: Kysely<DB>): Promise<string | null> {
  const credits = await sql<{ debtor_id: string; credit: string | number }>`
    select debtor_id, -sum(amount_cents) as credit from ledger_entries
    where account = 'debtor_credit' group by debtor_id having sum(amount_cents) > 0
    order by debtor_id limit 1`.execute(db);
  const c = credits.rows[0];
  return c ? `debtor ${c.debtor_id} has a credit of ${c.credit} cents: a credit is never below zero` : null;
}

/** 6. Each claim's cached settled amounts equal its ledger entries, and no balance is below zero. */
async function claimsMatchEntries(db: Kysely<DB>): Promise<string | null> {
  const claims = await sql<{ reference: string; problem: string }>`
    with movements as (
      select claim_id,
        -coalesce(sum(amount_cents) filter (where component = 'principal'), 0) as principal,
        -coalesce(sum(amount_cents) filter (where component = 'interest'), 0) as interest,
        -coalesce(sum(amount_cents) filter (where component = 'fees'), 0) as fees
      from ledger_entries where account = 'claim' group by claim_id
    ),
    found as materialized (
    select c.reference,
      case when c.settled_principal_cents <> coalesce(m.principal, 0) or c.settled_interest_cents <> coalesce(m.interest, 0)
             or c.settled_fees_cents <> coalesce(m.fees, 0)
             then 'caches settled amounts ' || c.settled_principal_cents || '/' || c.settled_interest_cents || '/' || c.settled_fees_cents
               || ' but its ledger entries give ' || coalesce(m.principal, 0) || '/' || coalesce(m.interest, 0) || '/' || coalesce(m.fees, 0)
           else 'is paid off beyond what it owes'
      end as problem
    from claims c left join movements m on m.claim_id = c.id
    where c.settled_principal_cents <> coalesce(m.principal, 0) or c.settled_interest_cents <> coalesce(m.interest, 0)
       or c.settled_fees_cents <> coalesce(m.fees, 0)
       or c.settled_principal_cents > c.principal_cents or c.settled_interest_cents > c.interest_cents or c.settled_fees_cents > c.fees_cents
    )
    select reference, problem from found order by reference limit 1`.execute(db);
  const c = claims.rows[0];
  return c ? `claim ${c.reference} ${c.problem}` : null;
}

/** 7. Per creditor, claim movements and their counterpart in placed claims cancel out. */
async function placedClaimsCancelOut(db: Kysely<DB>): Promise<string | null> {
  const placed = await sql<{ code: string; total: number }>`
    select cr.code, sum(x.amount)::bigint as total from (
      select cl.creditor_id, e.amount_cents as amount from ledger_entries e join claims cl on cl.id = e.claim_id where e.account = 'claim'
      union all
      select e.creditor_id, e.amount_cents from ledger_entries e where e.account = 'creditor_placed'
    ) x join creditors cr on cr.id = x.creditor_id
    group by cr.code having sum(x.amount) <> 0 order by cr.code limit 1`.execute(db);
  const p = placed.rows[0];
  return p ? `creditor ${p.code}: claim movements and placed claims do not cancel out (${p.total} cents)` : null;
}

/** 8. Each open case's cached balance equals what its open claims still owe. */
async function caseBalancesMatchClaims(db: Kysely<DB>): Promise<string | null> {
  const balances = await sql<{ reference: string; cached: number; owed: number }>`
    with found as materialized (
    select k.reference, k.balance_cents as cached, coalesce(o.owed, 0)::bigint as owed
    from cases k left join (
      select case_id, greatest(0, sum(principal_cents + interest_cents + fees_cents - settled_principal_cents - settled_interest_cents - settled_fees_cents)) as owed
      from claims where status = 'open' group by case_id
    ) o on o.case_id = k.id
    where k.status <> 'closed' and k.balance_cents <> coalesce(o.owed, 0)
    )
    select reference, cached, owed from found order by reference limit 1`.execute(db);
  const b = balances.rows[0];
  return b ? `case ${b.reference} caches a balance of ${b.cached} cents but its open claims owe ${b.owed}` : null;
}

/** 9. Each judicial cost the debtor bears is in the ledger: one correction up of its claim's fees, of its amount. */
async function judicialCostsPosted(db: Kysely<DB>): Promise<string | null> {
  const costs = await sql<{ reference: string; amount: number; posted: number | null }>`
    with found as materialized (
    select k.reference, c.amount_cents as amount, e.posted
    from judicial_costs c join cases k on k.id = c.case_id
    left join (
      select transaction_id, claim_id, sum(amount_cents) filter (where component = 'fees')::bigint as posted
      from ledger_entries where account = 'claim' group by transaction_id, claim_id
    ) e on e.transaction_id = c.ledger_transaction_id and e.claim_id = c.claim_id
    where c.ledger_transaction_id is not null and e.posted is distinct from c.amount_cents
    )
    select reference, amount, posted from found order by reference limit 1`.execute(db);
  const c = costs.rows[0];
  return c
    ? `case ${c.reference}: a judicial cost of ${c.amount} cents the debtor bears is posted as ${c.posted ?? 'nothing'} on its claim's fees`
    : null;
}

/** In the order of the list above: the first broken one is the one reported. */
const CHECKS: readonly Check[] = [
  referencesExist,
  transactionsBalance,
  receiptsMatchPayments,
  cashAccountedFor,
  creditsNotNegative,
  claimsMatchEntries,
  placedClaimsCancelOut,
  caseBalancesMatchClaims,
  judicialCostsPosted,
];
