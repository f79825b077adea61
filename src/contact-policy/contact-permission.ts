import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { assertDebtorInScope } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { decisionsAsReadBy } from '../need-to-know/decisions.js';
import { decideContact } from './core/decide.js';
import type { EstateContact, EstateRecipient } from './core/facts.js';
import type { Channel } from './core/policy-document.js';
import { startOfLocalDay } from '../platform/calendar/index.js';
import { conflict } from '../platform/errors.js';
import type { DecisionView } from './contract.js';
import { decisionView, type OverrideRef } from './decision-view.js';
import { loadContactFacts } from './load-facts.js';
import { policyInForce } from './policy-store.js';

type Db = Kysely<DB> | Transaction<DB>;

/** May this debtor be contacted on this channel at this moment? What a dialer or messaging platform asks. */
export async function contactPermission(
  deps: Deps,
  actor: Actor,
  input: {
    debtorId: string;
    channel: Channel;
    at?: Date | undefined;
    caseId?: string | undefined;
    recipient?: 'debtor' | EstateRecipient | undefined;
  },
): Promise<DecisionView> {
  const at = input.at ?? deps.now();
  await assertDebtorInScope(deps.db, actor, input.debtorId, input.caseId ?? null);
  const policy = await policyInForce(deps.db, at);
  const { facts } = await loadContactFacts(deps.db, policy, {
    debtorId: input.debtorId,
    caseId: input.caseId ?? null,
    at,
  });
  const recipient = input.recipient ?? 'debtor';
  const estate =
    recipient === 'debtor' ? undefined : await estateContact(deps, input.debtorId, input.caseId ?? null, recipient);
  const decision = decideContact(policy, { ...facts, estate }, input.channel, at.getTime());
  const override = decision.allowed
    ? null
    : await usableOverride(deps.db, input.debtorId, input.caseId ?? null, input.channel, at);
  // Need-to-know: a care hold's rule in neutral words to a reader without it (the decision itself is unchanged).
  const [view] = await decisionsAsReadBy(deps.db, actor, input.debtorId, deps.now(), [
    decisionView(decision, actor.locale, override),
  ]);
  return view!;
}

/**
 * Who the contact is for when the debtor died (REGULATION §12): the estate's option period, from the estate of the
 * case (or the debtor's latest). No death reported: there is no estate to contact (409).
 */
async function estateContact(
  deps: Deps,
  debtorId: string,
  caseId: string | null,
  recipient: EstateRecipient,
): Promise<EstateContact> {
  let query = deps.db
    .selectFrom('estates')
    .select('option_ends_on')
    .where('debtor_id', '=', debtorId)
    .orderBy('created_at', 'desc')
    .limit(1);
  if (caseId !== null) query = query.where('case_id', '=', caseId);
  const estate = await query.executeTakeFirst();
  if (!estate) throw conflict('estates.no_estate', 'No death is reported for this debtor: contact is with the debtor.');
  const endsOn = estate.option_ends_on;
  return {
    recipient,
    optionEndsOn: endsOn,
    optionEndsAt: endsOn === null ? null : startOfLocalDay(endsOn, deps.config.AGENCY_TZ).getTime(),
  };
}

/** An override granted for this channel, not used and not expired, that lets the next contact through. */
export async function usableOverride(
  db: Db,
  debtorId: string,
  caseId: string | null,
  channel: Channel,
  at: Date,
  lock = false,
): Promise<OverrideRef | null> {
  let query = db
    .selectFrom('contact_overrides as o')
    .innerJoin('users as u', 'u.id', 'o.granted_by')
    .select(['o.id', 'o.reason', 'u.display_name'])
    .where('o.debtor_id', '=', debtorId)
    .where('o.channel', '=', channel)
    .where('o.used_at', 'is', null)
    .where('o.granted_at', '<=', at)
    .where('o.valid_until', '>', at)
    .orderBy('o.granted_at')
    .limit(1);
  if (caseId !== null) query = query.where('o.case_id', '=', caseId);
  if (lock) query = query.forUpdate('o');
  const row = await query.executeTakeFirst();
  return row ? { id: row.id, reason: row.reason, grantedBy: row.display_name } : null;
}
