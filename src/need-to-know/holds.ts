import type { Actor } from '../identity/actor.js';
import { recordText } from '../cases/core/record-texts.js';
import type { Deps } from '../platform/deps.js';
import { needToKnow, recordSensitiveRead } from './access.js';
import { isCareHold, type NeedToKnowDecision } from './core/need-to-know.js';
import { restrictHold, type HoldDetails } from './core/projection.js';

/** The timeline line a restricted reader sees instead of a care hold's event (its own summary names the kind). */
export const CARE_EVENT_SUMMARY = recordText('care_rule_restricted', {});

export interface HoldsRead<T> {
  holds: (T & { restricted: boolean })[];
  decision: NeedToKnowDecision | null;
  /** Ids of care holds whose details were withheld. */
  restrictedIds: Set<string>;
}

/**
 * A debtor's holds as the actor may read them: care holds (vulnerability) in full for the care team, compliance, the
 * worker who holds one of the debtor's cases now, or a team leader or manager who states a reason; for anyone else
 * kind-neutral ("care rule", dates and status kept, no reason). A read that shows a care hold in full is recorded.
 */
export async function holdsAsReadBy<T extends HoldDetails & { id: string }>(
  deps: Deps,
  actor: Actor,
  target: { debtorId: string; caseId: string | null },
  holds: T[],
  options: { reason?: string | null | undefined; requestId?: string | null } = {},
): Promise<HoldsRead<T>> {
  const care = holds.filter((hold) => isCareHold(hold.kind));
  if (care.length === 0)
    return { holds: holds.map((hold) => ({ ...hold, restricted: false })), decision: null, restrictedIds: new Set() };
  const decision = await needToKnow(deps, actor, target.debtorId, options.reason);
  if (decision.access === 'full') {
    await recordSensitiveRead(deps, {
      actor,
      debtorId: target.debtorId,
      caseId: target.caseId,
      subject: 'vulnerability',
      basis: decision.basis,
      reason: options.reason?.trim() ?? null,
      requestId: options.requestId ?? null,
    });
    return { holds: holds.map((hold) => ({ ...hold, restricted: false })), decision, restrictedIds: new Set() };
  }
  return { holds: holds.map(restrictHold), decision, restrictedIds: new Set(care.map((hold) => hold.id)) };
}
