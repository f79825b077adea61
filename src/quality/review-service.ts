import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday, localDateOf } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { coachingOf } from './coaching-service.js';
import type { MyQuality, ReviewInput, ReviewView } from './contract.js';
import { scoreReview, type CriterionScore } from './core/score.js';
import { gridOn, gridVersion } from './grid-store.js';
import { sampleOf } from './sample-service.js';
import { assertOversees, oversees } from './scope.js';

type Db = Deps['db'] | Transaction<DB>;

/** The reviews matching a filter, with the grid each was scored on. */
async function reviewViews(db: Db, filter: { id?: string; agentId?: string }): Promise<ReviewView[]> {
  let query = db
    .selectFrom('quality_reviews as r')
    .innerJoin('contacts as c', 'c.id', 'r.contact_id')
    .innerJoin('cases as k', 'k.id', 'c.case_id')
    .innerJoin('users as a', 'a.id', 'r.agent_id')
    .innerJoin('users as w', 'w.id', 'r.reviewer_id')
    .selectAll('r')
    .select(['c.occurred_at', 'c.case_id', 'k.reference', 'a.display_name as agent_name'])
    .select('w.display_name as reviewer_name')
    .orderBy('r.reviewed_at', 'desc')
    .orderBy('r.id', 'desc');
  if (filter.id) query = query.where('r.id', '=', filter.id);
  if (filter.agentId) query = query.where('r.agent_id', '=', filter.agentId).limit(100);
  const rows = await query.execute();
  const grids = new Map<number, Awaited<ReturnType<typeof gridVersion>>>();
  for (const version of new Set(rows.map((row) => row.grid_version)))
    grids.set(version, await gridVersion(db, version));
  return rows.map((row) => ({
    id: row.id,
    callId: row.contact_id,
    callAt: row.occurred_at.toISOString(),
    caseId: row.case_id,
    caseReference: row.reference,
    agentId: row.agent_id,
    agentName: row.agent_name,
    reviewerName: row.reviewer_name,
    month: row.month,
    sampleReason: row.sample_reason,
    grid: grids.get(row.grid_version)!,
    scores: row.scores as CriterionScore[],
    scoreBp: row.score_bp,
    notes: row.notes,
    reviewedAt: row.reviewed_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
  }));
}

/**
 * A team leader's review of a call sampled from an agent of their team: scored on the grid in force today, every
 * criterion within its scale, the overall in basis points; once per call. The sample is drawn again inside the
 * transaction from the same facts, so only a sampled call is reviewed, with the reason it was drawn for.
 */
export async function recordReview(
  deps: Deps,
  actor: Actor,
  body: ReviewInput,
  requestId: string,
): Promise<ReviewView> {
  const now = deps.now();
  const zone = deps.config.AGENCY_TZ;
  const today = agencyToday(now, deps.config);
  const id = await deps.db.transaction().execute(async (trx) => {
    const call = await trx
      .selectFrom('contacts')
      .select(['id', 'recorded_by', 'occurred_at', 'channel', 'conversation'])
      .where('id', '=', body.callId)
      .executeTakeFirst();
    if (!call || call.channel !== 'phone' || !call.conversation || !call.recorded_by)
      throw invalid(
        'quality.not_a_call',
        'Only a phone call in which someone was reached, recorded by a person, is reviewed.',
      );
    const agent = await assertOversees(trx, actor, call.recorded_by);
    const month = localDateOf(call.occurred_at, zone).slice(0, 7);
    const { sample } = await sampleOf(trx, agent.id, month, zone);
    const drawn = sample.find((entry) => entry.id === call.id);
    if (!drawn)
      throw invalid(
        'quality.not_sampled',
        'This call is not in the agent’s sample of its month: review a sampled call.',
      );
    const grid = await gridOn(trx, today);
    if (!grid)
      throw conflict('quality.no_grid', 'No listening grid is in force today: the compliance officer publishes one.');
    const outcome = scoreReview(grid.criteria, body.scores);
    if (!outcome.ok)
      throw invalid(
        'quality.scores_invalid',
        'Score every criterion of the grid once, within its scale ("not applicable" only where the grid allows it).',
        { problems: outcome.problems },
      );
    const row = await trx
      .insertInto('quality_reviews')
      .values({
        contact_id: call.id,
        agent_id: agent.id,
        team_id: agent.teamId,
        reviewer_id: actor.userId,
        grid_version: grid.version,
        month,
        sample_reason: drawn.reason,
        scores: JSON.stringify(grid.criteria.map((c) => body.scores.find((s) => s.criterion === c.id)!)),
        score_bp: outcome.scoreBp,
        notes: body.notes ?? null,
        reviewed_at: now,
      })
      .onConflict((oc) => oc.column('contact_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('quality.already_reviewed', 'This call has already been reviewed.');
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'quality.review_recorded',
      targetType: 'user',
      targetId: agent.id,
      after: {
        reviewId: row.id,
        callId: call.id,
        month,
        reason: drawn.reason,
        version: grid.version,
        scoreBp: outcome.scoreBp,
      },
      requestId,
      at: now,
    });
    return row.id;
  });
  return (await reviewViews(deps.db, { id }))[0]!;
}

/** A review, for the agent it is about, their team leader or a manager; not found for anyone else. */
export async function readReview(deps: Deps, actor: Actor, reviewId: string): Promise<ReviewView> {
  const [review] = await reviewViews(deps.db, { id: reviewId });
  if (!review) throw notFound('The review');
  if (review.agentId !== actor.userId && !(await oversees(deps.db, actor, review.agentId)))
    throw notFound('The review');
  return review;
}

/** The agent acknowledges a review of their call, once. */
export async function acknowledgeReview(
  deps: Deps,
  actor: Actor,
  reviewId: string,
  requestId: string,
): Promise<ReviewView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('quality_reviews')
      .select(['agent_id', 'acknowledged_at'])
      .where('id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst();
    if (!review) throw notFound('The review');
    if (review.agent_id !== actor.userId)
      throw new AppError(
        'quality.only_the_agent',
        403,
        'Only the agent whose call was reviewed acknowledges the review.',
      );
    if (review.acknowledged_at)
      throw conflict('quality.already_acknowledged', 'You have already acknowledged this review.');
    await trx.updateTable('quality_reviews').set({ acknowledged_at: now }).where('id', '=', reviewId).execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'quality.review_acknowledged',
      targetType: 'user',
      targetId: actor.userId,
      after: { reviewId },
      requestId,
      at: now,
    });
  });
  return (await reviewViews(deps.db, { id: reviewId }))[0]!;
}

/** The actor's own reviews and coaching notes, the newest first. */
export async function myQuality(deps: Deps, actor: Actor): Promise<MyQuality> {
  const [reviews, coaching] = await Promise.all([
    reviewViews(deps.db, { agentId: actor.userId }),
    coachingOf(deps.db, [actor.userId]),
  ]);
  return { reviews, coaching };
}

/** An agent's reviews, for their team leader or a manager (403 for another team's agent). */
export async function agentQuality(deps: Deps, actor: Actor, agentId: string): Promise<MyQuality> {
  await assertOversees(deps.db, actor, agentId);
  const [reviews, coaching] = await Promise.all([reviewViews(deps.db, { agentId }), coachingOf(deps.db, [agentId])]);
  return { reviews, coaching };
}
