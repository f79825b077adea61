import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import type { Deps } from '../platform/deps.js';

/** Portfolio figures by creditor and stage, within the actor's scope. */
export async function dashboard(deps: Deps, actor: Actor) {
  const scope = creditorScope(actor);
  let query = deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .select((eb) => [
      'cases.creditor_id',
      'creditors.name as creditor_name',
      'cases.stage',
      eb.fn.countAll<number>().as('cases'),
      eb.fn.sum<number>('cases.balance_cents').as('balance_cents'),
    ])
    .where('cases.status', '<>', 'closed')
    .groupBy(['cases.creditor_id', 'creditors.name', 'cases.stage']);
  if (scope) query = query.where('cases.creditor_id', '=', scope);
  const rows = await query.orderBy('creditors.name').orderBy('cases.stage').execute();
  const byCreditor = new Map<string, { creditorId: string; creditorName: string; openCases: number; balanceCents: number; stages: { stage: string; cases: number; balanceCents: number }[] }>();
  for (const row of rows) {
    const entry = byCreditor.get(row.creditor_id) ?? {
      creditorId: row.creditor_id,
      creditorName: row.creditor_name,
      openCases: 0,
      balanceCents: 0,
      stages: [],
    };
    const cases = Number(row.cases);
    const balance = Number(row.balance_cents ?? 0);
    entry.openCases += cases;
    entry.balanceCents += balance;
    entry.stages.push({ stage: row.stage, cases, balanceCents: balance });
    byCreditor.set(row.creditor_id, entry);
  }
  const creditors = [...byCreditor.values()];
  return {
    openCases: creditors.reduce((sum, c) => sum + c.openCases, 0),
    balanceCents: creditors.reduce((sum, c) => sum + c.balanceCents, 0),
    creditors,
  };
}
