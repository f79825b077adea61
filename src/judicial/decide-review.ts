import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { appendCaseEvent } from '../cases/append-case-event.js';
import { changeCase } from '../cases/change-case.js';
import { recordText } from '../cases/core/record-texts.js';
import { queueCreditorCaseNotice } from '../cases/creditor-case-notice.js';
import { assertVisible } from '../cases/scope.js';
import { closeCaseIn } from '../closures/close-case.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { IsoDate } from '../platform/calendar/dates.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { assertMayGoToCourt } from '../time-bars/time-bars.js';
import type { ReviewDecisionBody, ReviewView } from './contract.js';
import { checkEscalation, fileNotBefore, keepAmicableProblem, type EscalationBlock } from './core/review.js';
import type { JudicialRoute } from './core/route.js';
import { loadCaseReviewFacts, type EscalationView, type LockedCase } from './review-facts.js';
import { readReview } from './review-view.js';

interface Step {
  trx: Transaction<DB>;
  actor: Actor;
  reviewId: string;
  kase: LockedCase;
  facts: EscalationView;
  now: Date;
  today: IsoDate;
  requestId: string | null;
}

const BLOCK_WORDS: Record<EscalationBlock | 'route_not_allowed', string> = {
  case_closed: 'The case is closed.',
  already_judicial: 'The case is already at the judicial stage.',
  nothing_owed: 'No claim of the case is owed.',
  time_barred: 'A claim of the case is time-barred: it cannot go to court (C. conso L121-2).',
  dispute_open: 'A dispute of the case waits for the creditor or a decision: a disputed claim does not go to court.',
  overindebtedness: 'The debtor is under an over-indebtedness procedure: enforcement is stayed.',
  enforcement_stayed: 'A hold stays enforcement (debt advice): wait for its end.',
  debtor_deceased: 'The debtor died: the estate is followed, not the court.',
  vulnerability_review: 'A vulnerability is under review by the care unit: wait for its review.',
  below_threshold: "The amount owed is below the mandate's threshold for a court action.",
  no_forbearance_offered:
    'No plan was ever offered to the debtor: forbearance comes before enforcement (CCD2 art. 35).',
  route_not_allowed: 'This route is not open to this case: choose one of the routes the facts allow.',
};

/**
 * A person's decision on a waiting review, in one transaction, under the review's and the case's row locks (the
 * checks are made again on the locked facts): escalate by a chosen route (refused with the block's code when the
 * claim is time-barred, disputed, under a procedure…; the debtor is told first: the notice is on the timeline and
 * nothing may be filed before `file_not_before`; the creditor is told), keep amicable until a new review date, close
 * (through the closures' service) or return to the creditor. Audited with the facts the reviewer saw.
 */
export async function decideReview(
  deps: Deps,
  actor: Actor,
  reviewId: string,
  body: ReviewDecisionBody,
  requestId: string | null = null,
): Promise<ReviewView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  await deps.db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('judicial_reviews')
      .select(['id', 'case_id', 'creditor_id', 'status', 'due_on'])
      .where('id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst();
    assertVisible(actor, review ?? null, 'The review');
    if (!review) throw notFound('The review');
    if (review.status !== 'waiting')
      throw conflict('judicial.review_decided', 'This review was already decided: reload the page.');
    const { kase, facts } = await loadCaseReviewFacts(trx, review.case_id, today, { lock: true });
    const step: Step = { trx, actor, reviewId, kase, facts, now, today, requestId };
    const written = await decided(step, body);
    await trx
      .updateTable('judicial_reviews')
      .set({
        status: 'decided',
        decision: body.decision,
        reason: body.reason,
        proposed_route: facts.route.proposed,
        facts: JSON.stringify(snapshot(facts)),
        decided_by: actor.userId,
        decided_at: now,
        updated_at: now,
        ...written,
      })
      .where('id', '=', reviewId)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'judicial_review.decided',
      targetType: 'judicial_review',
      targetId: reviewId,
      creditorId: kase.creditor_id,
      before: { status: 'waiting', stage: kase.stage, dueOn: review.due_on },
      after: { decision: body.decision, reason: body.reason, ...written, facts: snapshot(facts) },
      requestId,
      at: now,
    });
  });
  return readReview(deps, actor, reviewId, requestId);
}

/** What a review's decision does besides the review row, and the columns of the row it sets. */
async function decided(step: Step, body: ReviewDecisionBody) {
  const { trx, actor, kase, now, today, requestId } = step;
  switch (body.decision) {
    case 'escalate':
      return escalate(step, body);
    case 'keep_amicable': {
      const next = body.nextReviewOn;
      if (!next || keepAmicableProblem(today, next))
        throw invalid('judicial.next_review_invalid', 'Give a new review date after today and within a year.');
      await timeline(step, 'review', recordText('judicial_review_kept', { nextReviewOn: next, reason: body.reason }));
      return { next_review_on: next };
    }
    case 'close':
    case 'return_to_creditor': {
      const closeReason = body.decision === 'return_to_creditor' ? 'returned_unpaid' : body.closeReason;
      if (!closeReason) throw invalid('judicial.close_reason_required', 'Say why the case closes.');
      await timeline(
        step,
        'review',
        recordText('judicial_review_decided', { decision: body.decision, reason: body.reason }),
      );
      await closeCaseIn(trx, actor, kase.id, { reason: closeReason, note: body.reason }, { now, today, requestId });
      return {};
    }
  }
}

async function escalate(step: Step, body: ReviewDecisionBody) {
  const { trx, actor, kase, facts, now, today, reviewId } = step;
  if (!body.route) throw invalid('judicial.route_required', 'Choose the judicial route among those proposed.');
  const check = checkEscalation(facts.escalation, body.route, facts.route.allowed);
  if (check.outcome === 'refused') {
    const details = { caseId: kase.id, blocks: facts.blocks, allowed: facts.route.allowed };
    if (check.block === 'route_not_allowed')
      throw invalid('judicial.route_not_allowed', BLOCK_WORDS.route_not_allowed, details);
    throw new AppError(`judicial.${check.block}`, 409, BLOCK_WORDS[check.block], details);
  }
  // The time bars' own guard, whatever moves a case to court (time-bars/time-bars.ts).
  await assertMayGoToCourt(trx, kase.id, today);
  const notBefore = fileNotBefore(today);
  await timeline(step, 'review', recordText('judicial_review_decided', { decision: 'escalate', reason: body.reason }));
  await timeline(step, 'letter', recordText('judicial_notice_sent', { route: check.route, fileNotBefore: notBefore }), {
    direction: 'outbound',
    data: { reviewId, route: check.route, fileNotBefore: notBefore, debtorTold: true },
  });
  await changeCase(trx, {
    caseId: kase.id,
    change: { reason: 'judicial_escalated', reviewId, route: check.route, fileNotBefore: notBefore },
    actorUserId: actor.userId,
    now,
    today,
  });
  await queueCreditorCaseNotice(trx, {
    creditorId: kase.creditor_id,
    caseId: kase.id,
    event: 'judicial.escalated',
    payload: { caseReference: kase.reference, route: check.route, fileNotBefore: notBefore, reviewId },
    at: now,
  });
  return { chosen_route: check.route as JudicialRoute, debtor_told_at: now, file_not_before: notBefore };
}

async function timeline(
  step: Step,
  kind: 'review' | 'letter',
  summary: ReturnType<typeof recordText>,
  extra: { direction?: 'outbound'; data?: Record<string, unknown> } = {},
) {
  await appendCaseEvent(step.trx, {
    caseId: step.kase.id,
    debtorId: step.kase.debtor_id,
    at: step.now,
    kind,
    direction: extra.direction ?? null,
    summary,
    actorUserId: step.actor.userId,
    data: extra.data ?? { reviewId: step.reviewId },
  });
}

/** What the reviewer saw, kept with the decision: amounts, blocks, the route, the bars; never a vulnerability's details. */
function snapshot(facts: EscalationView) {
  return {
    principalCents: facts.principalCents,
    interestCents: facts.interestCents,
    feesCents: facts.feesCents,
    thresholdCents: facts.thresholdCents,
    blocks: facts.blocks,
    proposedRoute: facts.route.proposed,
    allowedRoutes: facts.route.allowed,
    hasTitle: facts.hasTitle,
    openDisputes: facts.escalation.openDisputes,
    forbearanceOffers: facts.escalation.forbearanceOffers,
    timeBars: facts.bars.map((c) => ({ reference: c.reference, lastDay: c.bar.lastDay, status: c.bar.status })),
  };
}

/** The escalation of a case, for the procedure's work (src/judicial procedure files): its route and first filing day. */
export async function latestEscalation(db: Deps['db'] | Transaction<DB>, caseId: string) {
  return db
    .selectFrom('judicial_reviews')
    .select(['id', 'chosen_route', 'file_not_before', 'debtor_told_at', 'decided_at', 'decided_by'])
    .where('case_id', '=', caseId)
    .where('decision', '=', 'escalate')
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
