import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import type { InteractionKind } from './core/eligibility.js';

/** A completed exchange that may earn its debtor a survey, with whom it was and what it concerned. */
export interface Interaction {
  kind: InteractionKind;
  id: string;
  at: Date;
  caseId: string;
  debtorId: string;
  creditorId: string;
  agentId: string | null;
  completed: boolean;
}

/** At most so many interactions of each kind a run considers (the oldest first; the next run takes the rest). */
const LIMIT_PER_KIND = 5000;

/**
 * The interactions of the window, one query per kind: calls in which the debtor was reached, plans agreed (the person
 * who negotiated them), payments recorded by a person, disputes decided, complaints closed.
 */
export async function recentInteractions(deps: Pick<Deps, 'db'>, since: Date, now: Date): Promise<Interaction[]> {
  const db = deps.db;
  const [calls, plans, payments, disputes, complaints] = await Promise.all([
    db
      .selectFrom('contacts as c')
      .innerJoin('cases as k', 'k.id', 'c.case_id')
      .select(['c.id', 'c.occurred_at as at', 'c.case_id', 'c.debtor_id', 'k.creditor_id', 'c.recorded_by as agent_id'])
      .select(sql<boolean>`c.outcome = 'right_party'`.as('completed'))
      .where('c.channel', '=', 'phone')
      .where('c.outcome', '=', 'right_party')
      .where('c.occurred_at', '>=', since)
      .where('c.occurred_at', '<=', now)
      .orderBy('c.occurred_at')
      .limit(LIMIT_PER_KIND)
      .execute(),
    db
      .selectFrom('plan_events as e')
      .innerJoin('plans as p', 'p.id', 'e.plan_id')
      .select(['p.id', 'e.occurred_at as at', 'p.case_id', 'p.debtor_id', 'p.creditor_id', 'p.created_by as agent_id'])
      .select(sql<boolean>`p.status not in ('cancelled', 'refused')`.as('completed'))
      .where('e.to_status', '=', 'agreed')
      .where('e.occurred_at', '>=', since)
      .where('e.occurred_at', '<=', now)
      .orderBy('e.occurred_at')
      .limit(LIMIT_PER_KIND)
      .execute(),
    db
      .selectFrom('payments')
      .select(['id', 'recorded_at as at', 'case_id', 'debtor_id', 'creditor_id', 'recorded_by as agent_id'])
      .select(sql<boolean>`status = 'recorded'`.as('completed'))
      .where('recorded_at', '>=', since)
      .where('recorded_at', '<=', now)
      .where('recorded_by', 'is not', null)
      .orderBy('recorded_at')
      .limit(LIMIT_PER_KIND)
      .execute(),
    db
      .selectFrom('disputes')
      .select(['id', 'case_id', 'debtor_id', 'creditor_id', 'decided_by as agent_id'])
      .select(sql<Date>`decided_at`.as('at'))
      .select(sql<boolean>`true`.as('completed'))
      .where('decided_at', '>=', since)
      .where('decided_at', '<=', now)
      .orderBy('decided_at')
      .limit(LIMIT_PER_KIND)
      .execute(),
    db
      .selectFrom('complaints')
      .select(['id', 'updated_at as at', 'case_id', 'debtor_id', 'creditor_id', 'answered_by as agent_id'])
      .select(sql<boolean>`status = 'closed'`.as('completed'))
      .where('status', '=', 'closed')
      .where('updated_at', '>=', since)
      .where('updated_at', '<=', now)
      .orderBy('updated_at')
      .limit(LIMIT_PER_KIND)
      .execute(),
  ]);
  const tag = (kind: InteractionKind) => (row: (typeof calls)[number]) => ({
    kind,
    id: row.id,
    at: row.at,
    caseId: row.case_id,
    debtorId: row.debtor_id,
    creditorId: row.creditor_id,
    agentId: row.agent_id,
    completed: row.completed,
  });
  return [
    ...calls.map(tag('call')),
    ...plans.map(tag('plan_agreed')),
    ...payments.map(tag('payment')),
    ...disputes.map(tag('dispute_decided')),
    ...complaints.map(tag('complaint_closed')),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}
