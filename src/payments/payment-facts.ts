import { sql, type Transaction } from 'kysely';
import { locationOf, type Location } from '../contact-policy/load-facts.js';
import type { DB } from '../platform/db/schema.js';
import { ASKING } from '../plans/fit-plan.js';

/** A case a payment is recorded on, locked for the payment's transaction, with its mandate's terms. */
export interface PaymentCase {
  id: string;
  reference: string;
  debtor_id: string;
  creditor_id: string;
  status: string;
  opened_on: string;
  mandate_kind: string;
  commission_rate_bp: number;
  allocation_order: unknown;
  /** The creditor gave a webhook address: it is told of each payment. */
  notify: boolean;
}

export interface ExistingPayment {
  id: string;
  request_hash: string;
  idempotency_key: string;
}

/**
 * Takes a payment's locks, in one statement and one order so two batches never wait on each other in a circle: first
 * each idempotency key's advisory lock (concurrent retries of a key wait here for the first to commit), then the
 * cases' rows (`for update`, in the order of their ids): the case row lock orders every allocation on the case's
 * claims. What the payment reads comes after, in a statement of its own (`loadPaymentFacts`), whose snapshot is taken
 * once the locks are held: it sees a concurrent first recording of a key and the claims as the last payment left them.
 */
export async function lockPaymentRows(
  trx: Transaction<DB>,
  keys: readonly string[],
  caseIds: readonly string[],
): Promise<void> {
  // A case row is locked only once the join has the keys' locks: the keys are always taken first.
  await sql`
    with held as (
      select count(pg_advisory_xact_lock(h)) as n
      from (select distinct hashtext('payment:' || k) as h from unnest(${keys}::text[]) k order by 1) ordered
    ),
    locked as (
      select c.id from cases c, held where c.id = any(${caseIds}::uuid[]) and held.n >= 0 order by c.id for update of c
    )
    select (select n from held) as keys, (select count(*) from locked) as cases`.execute(trx);
}

export interface OpenClaim {
  id: string;
  reference: string;
  default_on: string;
  outstanding: { principal: number; interest: number; fees: number };
}

/** What a payment needs to know of a locked case, read after the lock: its claims, where its debtor lives, its plan. */
export interface CaseFacts {
  claims: OpenClaim[];
  location: Location;
  /** The case has an open promise to pay, which the payment may keep. */
  promiseOpen: boolean;
  /** The statuses of the case's live plans whose schedule still asks for money (none, usually one). */
  planStatuses: string[];
}

/**
 * Read once the locks are held (`lockPaymentRows`), in one statement: the payments already recorded under these
 * idempotency keys, and each case with its mandate's terms and the facts a payment needs of it: the open (and paid)
 * claims in the allocation's order, the address `debtorLocation` would pick, an open promise, a live plan.
 */
export async function loadPaymentFacts(
  trx: Transaction<DB>,
  keys: readonly string[],
  caseIds: readonly string[],
): Promise<{ existing: Map<string, ExistingPayment>; cases: Map<string, PaymentCase & { facts: CaseFacts }> }> {
  const rows = await sql<{ what: 'payment' | 'case'; doc: ExistingPayment | CaseDocument }>`
    with existing as (
      select id, request_hash, idempotency_key from payments where idempotency_key = any(${keys}::text[])
    ),
    read as (
      select c.id, c.reference, c.debtor_id, c.creditor_id, c.status, c.opened_on, m.kind as mandate_kind,
        m.commission_rate_bp, m.allocation_order, coalesce(cr.webhook_url, '') <> '' as notify,
        (select coalesce(jsonb_agg(jsonb_build_object('id', cl.id, 'reference', cl.reference, 'default_on', cl.default_on,
            'owed', jsonb_build_array(cl.principal_cents, cl.interest_cents, cl.fees_cents),
            'settled', jsonb_build_array(cl.settled_principal_cents, cl.settled_interest_cents, cl.settled_fees_cents))
            order by cl.default_on, cl.reference), '[]'::jsonb)
          from claims cl where cl.case_id = c.id and cl.status in ('open', 'paid')) as claims,
        (select to_jsonb(a) from (
            select country, subdivision, time_zone from debtor_addresses where debtor_id = c.debtor_id
            order by is_primary desc, created_at desc limit 1) a) as address,
        exists (select 1 from promises where case_id = c.id and status = 'open') as promise_open,
        array(select status from plans where case_id = c.id and status in (${sql.join(ASKING)})) as plan_statuses
      from cases c join mandates m on m.id = c.mandate_id join creditors cr on cr.id = c.creditor_id
      where c.id = any(${caseIds}::uuid[])
    )
    select 'payment' as what, to_jsonb(existing) as doc from existing
    union all
    select 'case', to_jsonb(read) from read`.execute(trx);
  const existing = new Map<string, ExistingPayment>();
  const cases = new Map<string, PaymentCase & { facts: CaseFacts }>();
  for (const row of rows.rows) {
    if (row.what === 'payment') {
      existing.set((row.doc as ExistingPayment).idempotency_key, row.doc as ExistingPayment);
      continue;
    }
    const { claims, address, promise_open, plan_statuses, ...caseRow } = row.doc as CaseDocument;
    cases.set(caseRow.id, {
      ...caseRow,
      facts: {
        claims: claims.map((claim) => ({
          id: claim.id,
          reference: claim.reference,
          default_on: claim.default_on,
          outstanding: {
            principal: Math.max(0, Number(claim.owed[0]) - Number(claim.settled[0])),
            interest: Math.max(0, Number(claim.owed[1]) - Number(claim.settled[1])),
            fees: Math.max(0, Number(claim.owed[2]) - Number(claim.settled[2])),
          },
        })),
        location: locationOf(address),
        promiseOpen: promise_open,
        planStatuses: plan_statuses,
      },
    });
  }
  return { existing, cases };
}

/** A case as `loadPaymentFacts` reads it: its row and mandate's terms, with its facts as the server gives them. */
interface CaseDocument extends PaymentCase {
  claims: {
    id: string;
    reference: string;
    default_on: string;
    owed: [number, number, number];
    settled: [number, number, number];
  }[];
  address: { country: string; subdivision: string | null; time_zone: string } | null;
  promise_open: boolean;
  plan_statuses: string[];
}
