import type { Kysely } from 'kysely';
import type { Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import { holdsDebtorCase } from './access.js';
import { isCareRuleId, restrictDecision } from './core/care-rule.js';
import { decideNeedToKnow, type NeedToKnowDecision } from './core/need-to-know.js';

interface DecisionLike {
  reasons: { rule: string; message: string; messages: { fr: string; en: string; it: string }; until: string | null }[];
  notices: { rule: string; message: string; messages: { fr: string; en: string; it?: string } }[];
}

const namesCareRule = (view: DecisionLike) =>
  view.reasons.some((reason) => isCareRuleId(reason.rule)) || view.notices.some((notice) => isCareRuleId(notice.rule));

/**
 * Whether the actor may read the care holds of these debtors, per debtor, without a stated reason (queues and
 * decisions take none): the care team and compliance always, a case worker on the debtors whose case they hold now.
 */
export async function careAccessByDebtor(
  db: Kysely<DB>,
  actor: Actor,
  debtorIds: readonly string[],
  now: Date,
): Promise<(debtorId: string) => boolean> {
  const full = (holdsCase: boolean) =>
    decideNeedToKnow({ role: actor.role, holdsCase, reason: null }).access === 'full';
  if (full(false)) return () => true;
  // Holding a case opens nothing to this role (a creditor user, an administrator, a manager): no need to look.
  if (!full(true)) return () => false;
  const held = new Set<string>();
  for (const debtorId of new Set(debtorIds))
    if (await holdsDebtorCase(db, actor.userId, debtorId, now)) held.add(debtorId);
  return (debtorId) => held.has(debtorId);
}

/**
 * Contact decisions as the actor may read them (GDPR art. 9): a care hold's rule id and words only for those with
 * need-to-know, `hold.care_rule` in neutral words for anyone else. The decisions are not changed, only what they say;
 * need-to-know is looked up only when one of them names a care hold, or taken from `known` (a read that already
 * decided it, with the reader's stated reason). Not recorded as a read: a decision shows no hold's reason.
 */
export async function decisionsAsReadBy<T extends DecisionLike>(
  db: Kysely<DB>,
  actor: Actor,
  debtorId: string,
  now: Date,
  views: T[],
  known: NeedToKnowDecision | null = null,
): Promise<T[]> {
  if (!views.some(namesCareRule)) return views;
  const full =
    known !== null ? known.access === 'full' : (await careAccessByDebtor(db, actor, [debtorId], now))(debtorId);
  if (full) return views;
  return views.map((view) => restrictDecision(view, actor.locale));
}
