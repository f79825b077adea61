import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { MAX_PLAN_MONTHS_BY_LAW } from './core/index.js';
import { assertCaseOpen, loadCapacity, loadCase } from './plan-facts.js';
import type { CaseReviewView } from './contract.js';

function reviewsQuery(deps: Deps) {
  return deps.db
    .selectFrom('case_reviews')
    .innerJoin('cases', 'cases.id', 'case_reviews.case_id')
    .innerJoin('debtors', 'debtors.id', 'case_reviews.debtor_id')
    .leftJoin('users', 'users.id', 'case_reviews.opened_by')
    .selectAll('case_reviews')
    .select([
      'cases.reference',
      'users.display_name',
      'debtors.kind as debtor_kind',
      'debtors.first_name',
      'debtors.last_name',
      'debtors.company_name',
    ]);
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewsQuery>['execute']>>[number];

const view = (r: ReviewRow): CaseReviewView => ({
  id: r.id,
  caseId: r.case_id,
  caseReference: r.reference,
  debtorName: debtorName(r),
  planId: r.plan_id,
  kind: r.kind,
  reasons: r.reasons,
  status: r.status,
  openedBy: r.display_name,
  openedAt: new Date(r.opened_at).toISOString(),
  closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  outcome: r.outcome,
});

/** Open review items for a person, oldest first; or a case's items, newest first. */
export async function listReviews(deps: Deps, where: { open: true } | { caseId: string }): Promise<CaseReviewView[]> {
  const rows =
    'caseId' in where
      ? await reviewsQuery(deps)
          .where('case_reviews.case_id', '=', where.caseId)
          .orderBy('case_reviews.opened_at', 'desc')
          .execute()
      : await reviewsQuery(deps)
          .where('case_reviews.status', '=', 'open')
          .orderBy('case_reviews.opened_at')
          .limit(500)
          .execute();
  return rows.map(view);
}

/**
 * Flags a case for orientation to the Banque de France procedure and free debt advice: allowed only when the
 * capacity is zero or the debt cannot be repaid within 84 months (re-checked here), and a person reviews it. It
 * refuses nothing by itself (GDPR art. 22). One open item per case: flagging again returns it.
 */
export async function flagOrientation(
  deps: Deps,
  actor: Actor,
  caseId: string,
  note: string | undefined,
  requestId: string | null,
): Promise<CaseReviewView> {
  const at = deps.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const facts = await loadCase(trx, caseId, true);
    assertCaseOpen(facts);
    const open = await trx
      .selectFrom('case_reviews')
      .select('id')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'orientation')
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) return open.id;
    const capacity = await loadCapacity(trx, facts.debtorId, facts.balanceCents);
    if (!capacity)
      throw conflict(
        'plans.assessment_required',
        "Record the household's budget first: orientation follows from the repayment capacity.",
      );
    const reasons =
      capacity.capacityCents <= 0
        ? ['capacity_zero']
        : Math.ceil(facts.balanceCents / capacity.capacityCents) > MAX_PLAN_MONTHS_BY_LAW
          ? ['beyond_84_months']
          : [];
    if (reasons.length === 0) {
      throw conflict(
        'plans.orientation_not_needed',
        'The debt can be repaid within 84 months at this capacity: propose a plan instead.',
      );
    }
    const row = await trx
      .insertInto('case_reviews')
      .values({
        case_id: caseId,
        debtor_id: facts.debtorId,
        kind: 'orientation',
        reasons: JSON.stringify(reasons),
        opened_by: actor.userId,
        opened_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const summary = note ? recordText('orientation_flagged_note', { note }) : recordText('orientation_flagged', {});
    await appendCaseEvent(trx, {
      caseId,
      debtorId: facts.debtorId,
      at,
      kind: 'review',
      summary,
      actorUserId: actor.userId,
      data: { reviewId: row.id, reasons },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'case.orientation_flagged',
      targetType: 'case',
      targetId: caseId,
      creditorId: facts.creditorId,
      after: { reviewId: row.id, reasons, assessmentId: capacity.assessmentId, capacityCents: capacity.capacityCents },
      requestId,
      at,
    });
    return row.id;
  });
  const [item] = (await listReviews(deps, { caseId })).filter((r) => r.id === id);
  return item!;
}

/** A person closes a review item with what was decided (oriented, plan renegotiated, …). */
export async function closeReview(
  deps: Deps,
  actor: Actor,
  reviewId: string,
  outcome: string,
  requestId: string | null,
): Promise<CaseReviewView> {
  const at = deps.now();
  const caseId = await deps.db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('case_reviews')
      .selectAll()
      .where('id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst();
    if (!review) throw notFound('The review');
    if (review.status !== 'open')
      throw conflict('plans.review_closed', 'This review is already closed: reload the list.');
    await trx
      .updateTable('case_reviews')
      .set({ status: 'closed', closed_by: actor.userId, closed_at: at, outcome })
      .where('id', '=', reviewId)
      .execute();
    await appendCaseEvent(trx, {
      caseId: review.case_id,
      debtorId: review.debtor_id,
      at,
      kind: 'review',
      summary: recordText('review_closed', { outcome }),
      actorUserId: actor.userId,
      data: { reviewId },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'case.review_closed',
      targetType: 'case',
      targetId: review.case_id,
      after: { reviewId, kind: review.kind, outcome },
      requestId,
      at,
    });
    return review.case_id;
  });
  return (await listReviews(deps, { caseId })).find((r) => r.id === reviewId)!;
}
