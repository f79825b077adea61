import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import type { CoachingInput, CoachingView } from './contract.js';
import { followUpProblem } from './core/coaching.js';
import { assertOversees } from './scope.js';
import { qualitySettings } from './settings.js';

type Db = Deps['db'] | Transaction<DB>;

/** At most so many coaching notes an agent's list shows, the newest first. */
const COACHING_LIMIT = 20;

/** The coaching notes of some people, the newest first (at most twenty each). */
export async function coachingOf(db: Db, agentIds: readonly string[], onlyId?: string): Promise<CoachingView[]> {
  if (agentIds.length === 0) return [];
  let query = db
    .selectFrom('quality_coaching_notes as n')
    .innerJoin('users as a', 'a.id', 'n.agent_id')
    .innerJoin('users as w', 'w.id', 'n.author_id')
    .selectAll('n')
    .select(['a.display_name as agent_name', 'w.display_name as author_name'])
    .where('n.agent_id', 'in', [...agentIds])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc');
  if (onlyId) query = query.where('n.id', '=', onlyId);
  const rows = await query.execute();
  const counts = new Map<string, number>();
  return rows
    .filter((row) => {
      const count = (counts.get(row.agent_id) ?? 0) + 1;
      counts.set(row.agent_id, count);
      return count <= COACHING_LIMIT;
    })
    .map((row) => ({
      id: row.id,
      agentId: row.agent_id,
      agentName: row.agent_name,
      authorName: row.author_name,
      reviewId: row.review_id,
      actions: row.actions as string[],
      notes: row.notes,
      followUpOn: row.follow_up_on,
      createdAt: row.created_at.toISOString(),
      acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    }));
}

/**
 * A coaching note for an agent of the actor's team: the actions agreed and a follow-up on a working day of the
 * agency's calendar, within the settings' horizon; tied to one of the agent's reviews when it follows one.
 */
export async function recordCoaching(
  deps: Deps,
  actor: Actor,
  body: CoachingInput,
  requestId: string,
): Promise<CoachingView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const id = await deps.db.transaction().execute(async (trx) => {
    const agent = await assertOversees(trx, actor, body.agentId);
    const settings = await qualitySettings(trx);
    const problem = followUpProblem(body.followUpOn, today, settings.followUpMaxDays, settings.calendar);
    if (problem)
      throw invalid(
        'quality.follow_up_invalid',
        `The follow-up must fall on a working day after today, within ${settings.followUpMaxDays} days.`,
        { problem },
      );
    const reviewId = body.reviewId ?? null;
    if (reviewId) {
      const review = await trx
        .selectFrom('quality_reviews')
        .select('agent_id')
        .where('id', '=', reviewId)
        .executeTakeFirst();
      if (review?.agent_id !== agent.id) throw notFound('The review');
    }
    const row = await trx
      .insertInto('quality_coaching_notes')
      .values({
        agent_id: agent.id,
        team_id: agent.teamId,
        author_id: actor.userId,
        review_id: reviewId,
        actions: JSON.stringify(body.actions),
        notes: body.notes ?? null,
        follow_up_on: body.followUpOn,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'quality.coaching_recorded',
      targetType: 'user',
      targetId: agent.id,
      after: { coachingId: row.id, reviewId, count: body.actions.length, followUpOn: body.followUpOn },
      requestId,
      at: now,
    });
    return row.id;
  });
  return (await coachingOf(deps.db, [body.agentId], id))[0]!;
}

/** The agent acknowledges a coaching note of theirs, once. */
export async function acknowledgeCoaching(
  deps: Deps,
  actor: Actor,
  coachingId: string,
  requestId: string,
): Promise<CoachingView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const note = await trx
      .selectFrom('quality_coaching_notes')
      .select(['agent_id', 'acknowledged_at'])
      .where('id', '=', coachingId)
      .forUpdate()
      .executeTakeFirst();
    if (!note) throw notFound('The coaching note');
    if (note.agent_id !== actor.userId)
      throw new AppError('quality.only_the_agent', 403, 'Only the agent a coaching note is for acknowledges it.');
    if (note.acknowledged_at)
      throw conflict('quality.already_acknowledged', 'You have already acknowledged this coaching note.');
    await trx
      .updateTable('quality_coaching_notes')
      .set({ acknowledged_at: now })
      .where('id', '=', coachingId)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'quality.coaching_acknowledged',
      targetType: 'user',
      targetId: actor.userId,
      after: { coachingId },
      requestId,
      at: now,
    });
  });
  return (await coachingOf(deps.db, [actor.userId], coachingId))[0]!;
}
