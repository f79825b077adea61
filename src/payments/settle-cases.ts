import { sql, type Transaction } from 'kysely';
import { changeCase } from '../cases/change-case.js';
import { agencyToday } from '../platform/calendar/index.js';
import { queueCreditorCaseNotice } from './creditor-notice.js';
import type { DB } from '../platform/db/schema.js';

const OWED = sql`(principal_cents + interest_cents + fees_cents)`;
const SETTLED = sql`(settled_principal_cents + settled_interest_cents + settled_fees_cents)`;

/**
 * After money moved on cases: claims with nothing left become paid (and paid ones that owe again, open), each case's
 * cached balance follows, and a case whose claims are all paid closes as paid — or reopens when a reversal undid that.
 * One statement for every case given; the lifecycle's change (rare) case by case, each told to the creditor (its
 * webhook's `case.closed` or `case.reopened`, in the same transaction).
 */
export async function settleCases(
  trx: Transaction<DB>,
  caseIds: readonly string[],
  actorUserId: string | null,
  now: Date,
  agency: { AGENCY_TZ: string },
): Promise<void> {
  if (caseIds.length === 0) return;
  // The claims' statuses are written and read in one statement: what "open" will be after the update is written
  // out (a claim in ('open', 'paid') that still owes), since a statement does not see its own changes.
  const states = await sql<{
    id: string;
    status: string;
    close_reason: string | null;
    creditor_id: string;
    reference: string;
    open_claims: number;
    paid_claims: number;
  }>`
    with turned as (
      update claims set status = case when ${OWED} <= ${SETTLED} then 'paid' else 'open' end, updated_at = ${now}
      where case_id = any(${caseIds}::uuid[]) and status in ('open', 'paid')
        and status <> case when ${OWED} <= ${SETTLED} then 'paid' else 'open' end
    ),
    balanced as (
      update cases set balance_cents = coalesce((
          select sum(${OWED} - ${SETTLED}) from claims
          where claims.case_id = cases.id and status in ('open', 'paid') and ${OWED} > ${SETTLED}), 0),
        updated_at = ${now}
      where id = any(${caseIds}::uuid[])
      returning id, status, close_reason, creditor_id, reference
    )
    select b.id, b.status, b.close_reason, b.creditor_id, b.reference,
      (select count(*)::int from claims where case_id = b.id and status in ('open', 'paid') and ${OWED} > ${SETTLED}) as open_claims,
      (select count(*)::int from claims where case_id = b.id and status in ('open', 'paid') and ${OWED} <= ${SETTLED}) as paid_claims
    from balanced b`.execute(trx);
  const byId = new Map(states.rows.map((row) => [row.id, row]));
  // The lifecycle requires the rest (no open claim, a zero balance) and refuses a change its stage does not allow.
  const today = agencyToday(now, agency);
  for (const caseId of caseIds) {
    const state = byId.get(caseId);
    if (!state) continue;
    const open = Number(state.open_claims);
    const notice = { creditorId: state.creditor_id, caseId, at: now };
    if (state.status !== 'closed' && open === 0 && Number(state.paid_claims) > 0) {
      await changeCase(trx, { caseId, change: { reason: 'paid_in_full' }, actorUserId, now, today });
      await queueCreditorCaseNotice(trx, {
        ...notice,
        event: 'case.closed',
        payload: { caseReference: state.reference, closeReason: 'paid', closedOn: today },
      });
    } else if (state.status === 'closed' && state.close_reason === 'paid' && open > 0) {
      await changeCase(trx, { caseId, change: { reason: 'payment_reversed' }, actorUserId, now, today });
      await queueCreditorCaseNotice(trx, {
        ...notice,
        event: 'case.reopened',
        payload: { caseReference: state.reference, reopenedOn: today, reason: 'payment_reversed' },
      });
    }
  }
}
