import type { Actor } from '../identity/actor.js';
import { withinScope } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import type { Dashboard } from './contract.js';

/** Portfolio figures by creditor and stage, within the actor's scope. */
export async function dashboard(deps: Deps, actor: Actor): Promise<Dashboard> {
  const query = deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .select((eb) => [
      'cases.creditor_id',
      'creditors.name as creditor_name',
      'cases.stage',
      eb.fn.countAll<number>().as('cases'),
      eb.fn.sum<string | number>('cases.balance_cents').as('balance_cents'),
    ])
    .where('cases.status', '<>', 'closed')
    .where(withinScope(actor, 'cases.creditor_id'))
    .groupBy(['cases.creditor_id', 'creditors.name', 'cases.stage']);
  const rows = await query.orderBy('creditors.name').orderBy('cases.stage').execute();
  const byCreditor = new Map<string, Dashboard['creditors'][number]>();
  for (const row of rows) {
    const entry = byCreditor.get(row.creditor_id) ?? {
      creditorId: row.creditor_id,
      creditorName: row.creditor_name,
      openCases: 0,
      balanceCents: 0,
      stages: [],
    };
    const cases = Number(row.cases);
    const balance = exactCents(row.balance_cents, `${row.creditor_name}, ${row.stage}`);
    entry.openCases += cases;
    entry.balanceCents += balance;
    entry.stages.push({ stage: row.stage, cases, balanceCents: balance });
    byCreditor.set(row.creditor_id, entry);
  }
  const creditors = [...byCreditor.values()];
  const balanceCents = creditors.reduce((sum, c) => sum + c.balanceCents, 0);
  return {
    openCases: creditors.reduce((sum, c) => sum + c.openCases, 0),
    balanceCents: exactCents(balanceCents, 'the whole portfolio'),
    creditors: creditors.map((c) => ({ ...c, balanceCents: exactCents(c.balanceCents, c.creditorName) })),
  };
}

/**
 * A sum of balances (PostgreSQL's exact numeric) as a number of cents, refused with a problem naming the group when
 * it leaves the exact range of JavaScript numbers: amounts are bounded (MAX_AMOUNT_CENTS), so only a corrupted
 * balance can get there, and it must be found and corrected, not rounded.
 */
function exactCents(value: string | number | null, group: string): number {
  const cents = Number(value ?? 0);
  if (!Number.isSafeInteger(cents)) {
    throw new AppError(
      'reporting.balance_out_of_range',
      409,
      `The open balance of ${group} adds up to ${value} cents, beyond what Accord counts exactly: a case holds an impossible balance; find it in the case list (largest balance first) and correct it.`,
      { group },
    );
  }
  return cents;
}
