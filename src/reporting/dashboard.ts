import type { Actor } from '../identity/actor.js';
import { withinScope } from '../cases/scope.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import type { Dashboard } from './contract.js';

/**
 * Portfolio figures by creditor and stage, within the actor's scope, from the latest portfolio snapshot: the
 * five-minute refresh of the report facts rewrites today's (refresh-performance.ts), so the figures are at most that
 * old, and a few rows are read instead of every open case.
 */
export async function dashboard(deps: Deps, actor: Actor): Promise<Dashboard> {
  // Today's snapshot, or the latest before it should the refresh not have run yet today.
  const latest = deps.db
    .selectFrom('portfolio_snapshots')
    .select((eb) => eb.fn.max('snapshot_on').as('day'))
    .where('snapshot_on', '<=', agencyToday(deps.now(), deps.config));
  const rows = await deps.db
    .selectFrom('portfolio_snapshots as s')
    .innerJoin('creditors', 'creditors.id', 's.creditor_id')
    .select(['s.creditor_id', 'creditors.name as creditor_name', 's.stage', 's.open_cases as cases', 's.balance_cents'])
    .where('s.snapshot_on', '=', latest)
    .where(withinScope(actor, 's.creditor_id'))
    .orderBy('creditors.name')
    .orderBy('s.stage')
    .execute();
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
