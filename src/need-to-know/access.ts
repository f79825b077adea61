import { sql, type Kysely } from 'kysely';
import type { Actor } from '../identity/actor.js';
import type { DB, SensitiveReadBasis, SensitiveReadSubject } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, invalid } from '../platform/errors.js';
import { decideNeedToKnow, REASON_MIN_LENGTH, reasonProblem, type NeedToKnowDecision } from './core/need-to-know.js';

/**
 * Whether the user holds one of the debtor's cases now: an unexpired lease taken from the queue ("next case"), or a
 * case a team leader assigned to them. The vulnerability and the budget are the debtor's, so any of its cases counts.
 */
export async function holdsDebtorCase(db: Kysely<DB>, userId: string, debtorId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('case_queue')
    .select(sql.lit(1).as('one'))
    .where('debtor_id', '=', debtorId)
    .where((eb) =>
      eb.or([eb.and([eb('leased_by', '=', userId), eb('lease_until', '>', now)]), eb('assigned_user_id', '=', userId)]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The need-to-know decision for one read of a debtor's special-category details. A reason is looked at only when the
 * role, the case held and the team do not already give access: a reason from a role that cannot read by reason, or
 * one too short to say anything, is refused with what to do instead.
 */
export async function needToKnow(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  reason: string | null | undefined,
): Promise<NeedToKnowDecision> {
  const stated = reason === undefined || reason === null || reason.trim() === '' ? null : reason.trim();
  const holdsCase =
    actor.role === 'creditor_user' ? false : await holdsDebtorCase(deps.db, actor.userId, debtorId, deps.now());
  const decision = decideNeedToKnow({ role: actor.role, holdsCase, reason: stated });
  if (decision.access === 'restricted' && stated !== null) {
    const problem = reasonProblem(actor.role, stated);
    if (problem === 'need_to_know.reason_not_accepted') {
      throw new AppError(
        problem,
        403,
        'Your role reads health and vulnerability details only on a case you hold: take it from your queue or ask your team leader to assign it to you, then read it without a reason.',
      );
    }
    if (problem === 'need_to_know.reason_too_short') {
      throw invalid(
        problem,
        `Say why you need these details (at least ${REASON_MIN_LENGTH} characters): the reason is kept with your read.`,
        {
          minLength: REASON_MIN_LENGTH,
        },
      );
    }
  }
  return decision;
}

export interface SensitiveRead {
  actor: Actor;
  debtorId: string;
  caseId: string | null;
  subject: SensitiveReadSubject;
  basis: SensitiveReadBasis;
  reason: string | null;
  requestId: string | null;
}

/**
 * Writes one read of special-category data in its own statement: it never takes the audit chain's head (the seal job
 * brings reads into the chain in batches). Never the data read, only who read what of whom, when and why.
 */
export async function recordSensitiveRead(deps: Deps, read: SensitiveRead): Promise<void> {
  await deps.db
    .insertInto('sensitive_reads')
    .values({
      read_at: deps.now(),
      user_id: read.actor.userId,
      role: read.actor.role,
      debtor_id: read.debtorId,
      case_id: read.caseId,
      subject: read.subject,
      basis: read.basis,
      reason: read.basis === 'stated_reason' ? read.reason : null,
      request_id: read.requestId,
    })
    .execute();
}

/** The basis recorded for a read under a decision: the need-to-know basis, or 'restricted' for a masked read. */
export function readBasis(decision: NeedToKnowDecision): SensitiveReadBasis {
  return decision.access === 'full' ? decision.basis : 'restricted';
}
