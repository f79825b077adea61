import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { addDays, proposePlans } from './core/index.js';
import type { ProposalsView } from './contract.js';
import { loadAuthority, loadCapacity, loadCase, type CapacityFacts } from './plan-facts.js';
import { agencyToday, nextBusinessDay } from '../platform/calendar/index.js';

/**
 * What can be offered on a case: from its balance, the debtor's latest recorded capacity (this case's share) and the
 * mandate, checked against the actor's authority. Without a recorded budget nothing is proposed. The debtor's portal
 * reads the same, with an agent's authority, inside the transaction that records their choice (`db`).
 */
export async function planProposals(
  deps: Deps,
  actor: Pick<Actor, 'role'>,
  caseId: string,
  firstDueOn: string | undefined,
  db: Kysely<DB> | Transaction<DB> = deps.db,
  known: { capacity?: Promise<CapacityFacts | null> } = {},
): Promise<ProposalsView> {
  const [facts, authority] = await Promise.all([loadCase(db, caseId), loadAuthority(db, actor.role)]);
  // A caller that has read the capacity for this case's debtor and balance gives it, not read again.
  const capacity = await (known.capacity ?? loadCapacity(db, facts.debtorId, facts.balanceCents));
  // By default the first instalment falls a month from today (time to set up the payment).
  // A due date never falls on a closed day: the first one moves to the next business day of the debtor's place.
  const first = nextBusinessDay(firstDueOn ?? addDays(agencyToday(deps.now(), deps.config), 30), facts.place);
  const base = {
    caseId,
    balanceCents: facts.balanceCents,
    firstDueOn: first,
    capacity,
    mandate: facts.mandate,
    authority,
  };
  if (!capacity || facts.balanceCents <= 0 || facts.status === 'closed')
    return { ...base, proposals: [], orientation: false, notProposed: [] };
  return {
    ...base,
    ...proposePlans({
      balanceCents: facts.balanceCents,
      capacityCents: capacity.capacityCents,
      mandate: facts.mandate,
      authority,
      firstDueOn: first,
      place: facts.place,
    }),
  };
}
