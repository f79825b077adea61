import { sql } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { agencyToday, compareDates } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { assertSpecialistCertified } from '../training/training-facts.js';
import { withinScope } from '../cases/scope.js';
import type { ProcedureQueue, ProcedureQueueItem } from './contract.js';
import { nextAction } from './core/procedure-next.js';
import { factsOf, judicialCalendar } from './procedure-facts.js';

/** At most this many cases in the queue at once: the team works the first ones, the total says how many wait. */
export const QUEUE_LIMIT = 200;

/**
 * The judicial team's queue: every open case at the judicial stage with its procedure's next action, ordered by the
 * day it is due; the cases without a procedure come first, "to open" (the oldest at the stage first). Each says how
 * many of its partner's reports wait to be applied or rejected.
 */
export async function procedureQueue(deps: Deps, actor: Actor): Promise<ProcedureQueue> {
  // A judicial specialist takes cases from this queue only while certified (training/); others reading it supervise.
  await assertSpecialistCertified(deps, actor, 'judicial');
  const today = agencyToday(deps.now(), deps.config);
  const calendar = await judicialCalendar(deps.db);
  const rows = await deps.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .innerJoin('creditors as k', 'k.id', 'c.creditor_id')
    .leftJoin('judicial_procedures as p', 'p.case_id', 'c.id')
    .selectAll('p')
    .select([
      'c.id as case_id',
      'c.reference',
      'c.balance_cents',
      'c.currency',
      'd.kind as debtor_kind',
      'd.first_name',
      'd.last_name',
      'd.company_name',
      'k.name as creditor_name',
      sql<number>`(select count(*) from judicial_partner_reports r where r.case_id = c.id and r.status = 'pending')`.as(
        'pending_reports',
      ),
    ])
    .where('c.stage', '=', 'judicial')
    .where('c.status', '=', 'open')
    .where((eb) => eb.or([eb('p.id', 'is', null), eb('p.state', '<>', 'ended')]))
    .where(withinScope(actor, 'c.creditor_id'))
    .execute();
  const items: (ProcedureQueueItem & { toOpen: boolean })[] = rows.map((row) => {
    const common = {
      caseId: row.case_id,
      reference: row.reference,
      debtorName: debtorName({ ...row, kind: row.debtor_kind }),
      creditorName: row.creditor_name,
      balanceCents: Number(row.balance_cents),
      currency: row.currency,
      partnerReports: Number(row.pending_reports),
    };
    if (row.id === null) {
      const next = { action: 'open_procedure' as const, dueOn: today, deadline: null };
      return { ...common, route: null, state: null, next, toOpen: true };
    }
    const facts = factsOf(row as Parameters<typeof factsOf>[0]);
    return {
      ...common,
      route: facts.route,
      state: facts.state,
      next: nextAction(facts, today, calendar)!,
      toOpen: false,
    };
  });
  items.sort(
    (a, b) =>
      Number(b.toOpen) - Number(a.toOpen) ||
      compareDates(a.next.dueOn, b.next.dueOn) ||
      a.reference.localeCompare(b.reference),
  );
  return { items: items.slice(0, QUEUE_LIMIT).map(({ toOpen: _toOpen, ...item }) => item), total: items.length };
}
