import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import { addDays, instantAt } from '../platform/calendar/index.js';
import type { RemittanceView } from './contract.js';
import { loadRemittance } from './remittance-view.js';
import { remittanceNumber, remittanceTotals } from './core/totals.js';

/**
 * Prepares a creditor's remittance: every allocation of money to its claims (and every reversal of one) up to the
 * end of `periodTo` that no earlier remittance settled, with the collected amount, the commission at the mandate's
 * rate and the net. A transaction of the ledger is remitted once (a unique line), so preparing twice never pays
 * twice. Nothing moves yet: another person releases it (release-remittance.ts), which posts the payment over.
 */
export async function prepareRemittance(
  deps: Deps,
  actor: Actor,
  input: { creditorId: string; periodTo: string },
  requestId: string | null = null,
): Promise<RemittanceView> {
  const now = deps.now();
  // Remittance periods end at midnight, agency time.
  const agencyZone = deps.config.AGENCY_TZ;
  const until = instantAt(addDays(input.periodTo, 1), agencyZone);
  const id = await deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`remittance:${input.creditorId}`}))`.execute(trx);
    const creditor = await trx
      .selectFrom('creditors')
      .select(['id', 'code'])
      .where('id', '=', input.creditorId)
      .executeTakeFirst();
    if (!creditor) throw notFound('The creditor');
    const lines = await unremittedLines(trx, creditor.id, until, agencyZone);
    if (lines.length === 0) {
      throw conflict(
        'remittances.nothing_to_remit',
        `Nothing collected for ${creditor.code} up to ${input.periodTo} is waiting to be remitted.`,
      );
    }
    const { collected, commission, net, negative } = remittanceTotals(lines);
    if (negative) {
      throw conflict(
        'remittances.negative',
        `Reversals exceed collections for ${creditor.code} in this period (${net} cents): nothing is paid over; they carry to the next remittance.`,
      );
    }
    const sequence = await sql<{ n: number }>`select nextval('remittance_number_seq')::int as n`.execute(trx);
    const number = remittanceNumber(creditor.code, input.periodTo, sequence.rows[0]!.n);
    const remittance = await trx
      .insertInto('remittances')
      .values({
        number,
        creditor_id: creditor.id,
        period_to: input.periodTo,
        collected_cents: collected,
        commission_cents: commission,
        net_cents: net,
        lines: lines.length,
        prepared_by: actor.userId,
        prepared_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('remittance_lines')
      .values(
        lines.map((line) => ({
          remittance_id: remittance.id,
          transaction_id: line.transaction_id,
          payment_id: line.payment_id,
          case_reference: line.case_reference,
          occurred_on: line.occurred_on,
          collected_cents: line.collected,
          commission_cents: line.commission,
        })),
      )
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'remittance.prepared',
      targetType: 'remittance',
      targetId: remittance.id,
      creditorId: creditor.id,
      after: { number, periodTo: input.periodTo, collected, commission, net, lines: lines.length },
      requestId,
      at: now,
    });
    return remittance.id;
  });
  return loadRemittance(deps.db, id);
}

/**
 * Every allocation to the creditor's claims (and every reversal of one) before `until` that no remittance settled
 * yet, in the ledger's order, with its amounts in cents.
 */
async function unremittedLines(trx: Transaction<DB>, creditorId: string, until: Date, agencyZone: string) {
  const lines = await sql<{
    transaction_id: string;
    payment_id: string | null;
    case_reference: string;
    occurred_on: string;
    collected: number;
    commission: number;
    net: number;
  }>`
    select t.id as transaction_id, t.payment_id, coalesce(k.reference, '') as case_reference,
      -- The day the money was received (the payment's), else the day it was allocated.
      coalesce(p.received_on, (t.occurred_at at time zone ${agencyZone})::date)::text as occurred_on,
      (-sum(e.amount_cents) filter (where e.account = 'claim'))::bigint as collected,
      (-coalesce(sum(e.amount_cents) filter (where e.account = 'agency_income'), 0))::bigint as commission,
      (-coalesce(sum(e.amount_cents) filter (where e.account = 'creditor_payable'), 0))::bigint as net
    from ledger_transactions t
    join ledger_entries e on e.transaction_id = t.id
    left join ledger_transactions o on o.id = t.reverses_id
    left join payments p on p.id = t.payment_id
    left join cases k on k.id = p.case_id
    where coalesce(o.kind, t.kind) = 'allocation'
      and t.occurred_at < ${until}
      and exists (select 1 from ledger_entries c where c.transaction_id = t.id and c.account = 'creditor_placed' and c.creditor_id = ${creditorId})
      and not exists (select 1 from remittance_lines r where r.transaction_id = t.id)
    group by t.id, t.payment_id, k.reference, p.received_on, t.occurred_at, t.seq
    order by t.seq`.execute(trx);
  // bigint arrives as a string from PostgreSQL.
  return lines.rows.map((line) => ({
    ...line,
    collected: Number(line.collected),
    commission: Number(line.commission),
    net: Number(line.net),
  }));
}
