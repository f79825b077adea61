import type { Role } from '../../identity/core/roles.js';
import { CASE_WORKERS } from '../../identity/core/roles.js';

/**
 * Need-to-know on special-category data (GDPR art. 9, REGULATION.md §4): health and vulnerability details are read
 * only by the care team, the worker who holds the case now, compliance officers (and later the debtor). Team leaders
 * and managers may read them outside those cases when they state why (the reason is kept with the read). Everyone
 * else sees that a care rule applies, not why.
 */

/** Why a reader may see the details. */
export type NeedToKnowBasis = 'care_team' | 'case_holder' | 'compliance' | 'stated_reason';

export type NeedToKnowDecision =
  { access: 'full'; basis: NeedToKnowBasis } | { access: 'restricted'; reasonAccepted: boolean };

export interface NeedToKnowFacts {
  role: Role;
  /** The actor holds one of the debtor's cases now: an unexpired lease from the queue, or a case assigned to them. */
  holdsCase: boolean;
  /** A reason the actor stated for this read, trimmed; null when none was given. */
  reason: string | null;
}

/** Roles that may read outside the cases they hold by stating a reason, which is audited with the read. */
export const REASON_ROLES: readonly Role[] = ['team_leader', 'manager'];

export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 500;

/**
 * Hold kinds whose existence and reason reveal health or vulnerability (REGULATION.md §5). Kinds of the contact
 * policy's holds (`contact-policy/core/policy-document.ts`), named here so need-to-know depends on no capability it
 * guards; a test checks each is one.
 */
export const CARE_HOLD_KINDS: readonly string[] = ['vulnerability'];

/** Budget lines that reveal health (care, treatment, medical costs): categories of `affordability/core/types.ts`. */
export const SPECIAL_CATEGORY_EXPENSES: readonly string[] = ['health'];

export function isCareHold(kind: string): boolean {
  return CARE_HOLD_KINDS.includes(kind);
}

export function isSpecialCategoryExpense(category: string): boolean {
  return SPECIAL_CATEGORY_EXPENSES.includes(category);
}

/** Who may read special-category details of a debtor, decided from the role, the case held now and a stated reason. */
export function decideNeedToKnow(facts: NeedToKnowFacts): NeedToKnowDecision {
  if (facts.role === 'care_specialist') return { access: 'full', basis: 'care_team' };
  if (facts.role === 'compliance_officer') return { access: 'full', basis: 'compliance' };
  if (facts.holdsCase && (CASE_WORKERS as readonly Role[]).includes(facts.role))
    return { access: 'full', basis: 'case_holder' };
  const reasonAccepted = REASON_ROLES.includes(facts.role);
  if (reasonAccepted && facts.reason !== null && facts.reason.length >= REASON_MIN_LENGTH)
    return { access: 'full', basis: 'stated_reason' };
  return { access: 'restricted', reasonAccepted };
}

/**
 * What is wrong with a reason given for a read, or null: a role that cannot read by reason must not believe its
 * reason opened anything, and a reason must say something.
 */
export function reasonProblem(
  role: Role,
  reason: string | null,
): 'need_to_know.reason_not_accepted' | 'need_to_know.reason_too_short' | null {
  if (reason === null) return null;
  if (!REASON_ROLES.includes(role)) return 'need_to_know.reason_not_accepted';
  if (reason.length < REASON_MIN_LENGTH) return 'need_to_know.reason_too_short';
  return null;
}
