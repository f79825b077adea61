import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { sql } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { agencyToday, startOfLocalDay } from '../platform/calendar/index.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { invalid, notFound } from '../platform/errors.js';
import { TEAM_KINDS } from './core/strategy-document.js';
import { actorTeam, waitingIn } from './next-case.js';
import { CARE_SEGMENT_NAME } from '../need-to-know/core/care-rule.js';
import { decideNeedToKnow } from '../need-to-know/core/need-to-know.js';
import { isCareSegment } from './core/segment.js';
import { queueEntryViews } from './queue-view.js';
import { refreshDebtors } from './refresh-queue.js';
import { caseInScope } from '../cases/scope.js';
import { strategyInForce } from './strategy-store.js';
import { taskView } from './case-workspace.js';
import type {
  Assignment,
  QueueEntryView,
  SegmentControlChange,
  SegmentControlView,
  TeamQueue,
  WorkspaceSummary,
} from './contract.js';

/** Midnight in the agency's zone: "today" for the activity figures. */
function startOfDay(deps: Deps, now: Date): Date {
  return startOfLocalDay(agencyToday(now, deps.config), deps.config.AGENCY_TZ);
}

/** The agent's day: the case they hold, their queue, today's figures, their team's open follow-ups due. */
export async function workspaceSummary(deps: Deps, actor: Actor): Promise<WorkspaceSummary> {
  const now = deps.now();
  const team = await actorTeam(deps.db, actor);
  const held = await deps.db
    .selectFrom('case_queue')
    .select('case_id')
    .where('leased_by', '=', actor.userId)
    .where('lease_until', '>', now)
    .executeTakeFirst();
  const [current] = held ? await queueEntryViews(deps.db, [held.case_id], { actor, now }) : [];
  const since = startOfDay(deps, now);
  const today = await sql<{ calls: number; conversations: number; promises: number }>`
    select
      (select count(*)::int from contacts where recorded_by = ${actor.userId} and channel = 'phone' and recorded_at >= ${since}) as calls,
      (select count(*)::int from contacts where recorded_by = ${actor.userId} and conversation and recorded_at >= ${since}) as conversations,
      (select count(*)::int from promises where created_by = ${actor.userId} and created_at >= ${since}) as promises`.execute(
    deps.db,
  );
  const tasks = team
    ? await deps.db
        .selectFrom('case_tasks')
        .innerJoin('cases', 'cases.id', 'case_tasks.case_id')
        .leftJoin('teams', 'teams.id', 'case_tasks.team_id')
        .selectAll('case_tasks')
        .select(['cases.reference as case_reference', 'teams.name as team_name'])
        .where('case_tasks.team_id', '=', team.id)
        .where('case_tasks.status', '=', 'open')
        .where('case_tasks.due_at', '<=', now)
        .orderBy('case_tasks.due_at')
        .limit(50)
        .execute()
    : [];
  return {
    current: current ?? null,
    teams: team ? [team] : [],
    waiting: team ? await waitingIn(deps.db, team.id, now) : { callableNow: 0, later: 0 },
    today: today.rows[0]!,
    openTasks: tasks.map((task) => taskView(task, actor.locale)),
  };
}

/**
 * The queues of the teams a team leader answers for (their own) or, for a manager, of every team that works cases:
 * per segment and arm the cases, those callable now and those leased; the agents with their case and today's figures.
 */
export async function teamQueues(deps: Deps, actor: Actor): Promise<{ items: TeamQueue[] }> {
  const now = deps.now();
  const strategy = await strategyInForce(deps.db);
  // Need-to-know: counts per segment name no person, but a segment that selects by vulnerability is named neutrally.
  const mayKnow = decideNeedToKnow({ role: actor.role, holdsCase: false, reason: null }).access === 'full';
  const names = new Map(
    strategy.document.segments.map((segment) => [
      segment.id,
      !mayKnow && isCareSegment(segment) ? CARE_SEGMENT_NAME[actor.locale] : segment.name,
    ]),
  );
  let teamsQuery = deps.db
    .selectFrom('teams')
    .select(['id', 'name', 'kind'])
    .where('kind', 'in', [...TEAM_KINDS])
    .orderBy('name');
  if (actor.role === 'team_leader') {
    const own = await actorTeam(deps.db, actor);
    teamsQuery = teamsQuery.where('id', '=', own?.id ?? '00000000-0000-0000-0000-000000000000');
  }
  const teams = await teamsQuery.execute();
  const controls = new Map(
    (await deps.db.selectFrom('segment_controls').selectAll().execute()).map((row) => [row.segment_id, row]),
  );
  const since = startOfDay(deps, now);
  const items = [];
  for (const team of teams) {
    const [segments, agents, openTasks] = await Promise.all([
      segmentCounts(deps, team.id, now),
      teamAgents(deps, team.id, { now, since }),
      deps.db
        .selectFrom('case_tasks')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('team_id', '=', team.id)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow(),
    ]);
    const counted = new Map(segments.map((row) => [`${row.segment_id}\u0000${row.arm}`, row]));
    items.push({
      team,
      segments: armsToShow(strategy.document.segments, segments).map(({ segmentId, arm }) => {
        const row = counted.get(`${segmentId}\u0000${arm}`);
        return {
          segmentId,
          name: names.get(segmentId) ?? segmentId,
          arm,
          cases: row?.cases ?? 0,
          callableNow: row?.callable_now ?? 0,
          leased: row?.leased ?? 0,
          paused: controls.get(segmentId)?.paused ?? false,
          priorityBoost: controls.get(segmentId)?.priority_boost ?? 0,
        };
      }),
      agents,
      openTasks: openTasks.n,
    });
  }
  return { items };
}

type Arm = 'champion' | 'challenger';

/** Per segment and arm of a team's queue: its cases, those callable now and those leased. */
async function segmentCounts(deps: Deps, teamId: string, now: Date) {
  const segments = await sql<{ segment_id: string; arm: Arm; cases: number; callable_now: number; leased: number }>`
    select segment_id, arm, count(*)::int as cases,
      count(*) filter (where callable_from <= ${now} and not paused and (lease_until is null or lease_until < ${now}))::int as callable_now,
      count(*) filter (where lease_until >= ${now})::int as leased
    from case_queue where team_id = ${teamId}
    group by segment_id, arm order by segment_id, arm`.execute(deps.db);
  return segments.rows;
}

/**
 * Every segment and arm of the strategy, in its order (an empty one can be paused or boosted ahead of time), then any
 * left from an earlier version until the sweep moves their cases.
 */
function armsToShow(
  strategySegments: readonly { id: string; challenger?: unknown }[],
  counted: readonly { segment_id: string; arm: Arm }[],
): { segmentId: string; arm: Arm }[] {
  const arms = strategySegments.flatMap((segment) => [
    { segmentId: segment.id, arm: 'champion' as const },
    ...(segment.challenger ? [{ segmentId: segment.id, arm: 'challenger' as const }] : []),
  ]);
  const known = new Set(arms.map((entry) => `${entry.segmentId}\u0000${entry.arm}`));
  const shown: { segmentId: string; arm: Arm }[] = arms;
  for (const row of counted)
    if (!known.has(`${row.segment_id}\u0000${row.arm}`)) shown.push({ segmentId: row.segment_id, arm: row.arm });
  return shown;
}

/** The team's active agents, each with the case they hold and today's figures. */
async function teamAgents(
  deps: Deps,
  teamId: string,
  moments: { now: Date; since: Date },
): Promise<TeamQueue['agents']> {
  const { now, since } = moments;
  const agents = await sql<{
    id: string;
    name: string;
    case_id: string | null;
    reference: string | null;
    since: Date | null;
    calls: number;
    conversations: number;
    promises: number;
  }>`
    select u.id, u.display_name as name, q.case_id, c.reference, q.leased_at as since,
      (select count(*)::int from contacts k where k.recorded_by = u.id and k.channel = 'phone' and k.recorded_at >= ${since}) as calls,
      (select count(*)::int from contacts k where k.recorded_by = u.id and k.conversation and k.recorded_at >= ${since}) as conversations,
      (select count(*)::int from promises p where p.created_by = u.id and p.created_at >= ${since}) as promises
    from users u
    left join case_queue q on q.leased_by = u.id and q.lease_until >= ${now}
    left join cases c on c.id = q.case_id
    where u.team_id = ${teamId} and u.active and u.role in ('agent', 'team_leader', 'care_specialist', 'overindebtedness_specialist', 'judicial_specialist')
    order by u.display_name`.execute(deps.db);
  return agents.rows.map((row) => ({
    id: row.id,
    name: row.name,
    current:
      row.case_id && row.reference && row.since
        ? { caseId: row.case_id, reference: row.reference, since: row.since.toISOString() }
        : null,
    callsToday: row.calls,
    conversationsToday: row.conversations,
    promisesToday: row.promises,
  }));
}

/** Pauses or boosts a segment of the strategy in force, at once on every entry of the segment. Audited. */
export async function setSegmentControl(
  deps: Deps,
  actor: Actor,
  segmentId: string,
  input: SegmentControlChange,
  requestId: string | null = null,
): Promise<SegmentControlView> {
  const now = deps.now();
  const note = input.note.trim();
  if (note.length < 3)
    throw invalid(
      'segment.note_missing',
      'Write why (at least 3 characters): the agents see it in the queue’s reasons.',
    );
  const strategy = await strategyInForce(deps.db);
  if (!strategy.document.segments.some((segment) => segment.id === segmentId)) {
    throw invalid(
      'segment.unknown',
      `The strategy in force (version ${strategy.version}) has no segment "${segmentId}".`,
    );
  }
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('segment_controls')
      .selectAll()
      .where('segment_id', '=', segmentId)
      .forUpdate()
      .executeTakeFirst();
    const row = await trx
      .insertInto('segment_controls')
      .values({
        segment_id: segmentId,
        paused: input.paused,
        priority_boost: input.priorityBoost,
        note,
        updated_by: actor.userId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('segment_id').doUpdateSet({
          paused: input.paused,
          priority_boost: input.priorityBoost,
          note,
          updated_by: actor.userId,
          updated_at: now,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    // The pause and the boost apply at once; the reasons follow at the next refresh of each entry.
    const delta = input.priorityBoost - (before?.priority_boost ?? 0);
    await trx
      .updateTable('case_queue')
      .set((eb) => ({ paused: input.paused, priority: eb('priority', '+', delta) }))
      .where('segment_id', '=', segmentId)
      .execute();
    await trx
      .insertInto('queue_dirty')
      .columns(['debtor_id'])
      .expression((eb) =>
        eb.selectFrom('case_queue').select('debtor_id').distinct().where('segment_id', '=', segmentId),
      )
      .onConflict((oc) => oc.column('debtor_id').doNothing())
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'segment.controlled',
      targetType: 'segment',
      targetId: segmentId,
      before: before ? { paused: before.paused, priorityBoost: before.priority_boost } : null,
      after: { paused: input.paused, priorityBoost: input.priorityBoost, note },
      requestId,
      at: now,
    });
    return {
      segmentId: row.segment_id,
      paused: row.paused,
      priorityBoost: row.priority_boost,
      note: row.note,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: actor.displayName,
    };
  });
}

/** Gives a case to a team (pinned: the strategy no longer moves it) and optionally to one agent of it. Audited. */
export async function assignCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: Assignment,
  requestId: string | null = null,
): Promise<QueueEntryView> {
  const now = deps.now();
  const note = input.note.trim();
  if (note.length < 3)
    throw invalid('assignment.note_missing', 'Write why the case changes hands (at least 3 characters).');
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await caseInScope(trx, actor, caseId);
    const team = await trx
      .selectFrom('teams')
      .select(['id', 'name', 'kind'])
      .where('id', '=', input.teamId)
      .executeTakeFirst();
    if (!team || !(TEAM_KINDS as readonly string[]).includes(team.kind))
      throw invalid(
        'assignment.team_unknown',
        'Choose a team that works cases (amicable, care, over-indebtedness, judicial).',
      );
    if (input.userId) {
      const user = await trx
        .selectFrom('users')
        .select(['id', 'team_id', 'active'])
        .where('id', '=', input.userId)
        .executeTakeFirst();
      if (!user || user.team_id !== team.id || !user.active)
        throw invalid('assignment.user_not_in_team', `The person chosen is not an active member of ${team.name}.`);
    }
    const before = await trx
      .selectFrom('cases')
      .select(['assigned_team_id', 'assigned_user_id'])
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('cases')
      .set({ assigned_team_id: team.id, assigned_user_id: input.userId, updated_at: now })
      .where('id', '=', caseId)
      .execute();
    await refreshDebtors(trx, [caseRow.debtor_id], now);
    await trx
      .updateTable('case_queue')
      .set({ team_id: team.id, team_pinned: true, assigned_user_id: input.userId })
      .where('case_id', '=', caseId)
      .execute();
    await appendCaseEvent(trx, {
      caseId,
      debtorId: caseRow.debtor_id,
      at: now,
      kind: 'assignment',
      summary: recordText(input.userId ? 'assigned_agent' : 'assigned_team', { team: team.name, note }),
      actorUserId: actor.userId,
      data: { teamId: team.id, userId: input.userId },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'case.assigned',
      targetType: 'case',
      targetId: caseId,
      creditorId: caseRow.creditor_id,
      before: { teamId: before.assigned_team_id, userId: before.assigned_user_id },
      after: { teamId: team.id, userId: input.userId, note },
      requestId,
      at: now,
    });
    const [view] = await queueEntryViews(trx, [caseId], { actor, now });
    if (!view) throw notFound('The queue entry');
    return view;
  });
}
