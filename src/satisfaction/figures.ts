import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { addMonths, agencyToday, instantAt, startOfMonth } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import type {
  SatisfactionComments,
  SatisfactionDimension,
  SatisfactionFigures,
  SatisfactionGroup,
} from './contract.js';
import { csat, responseRate } from './core/csat.js';
import { nps, RECOMMENDATIONS } from './core/nps.js';
import { segmentNames } from '../workspace/strategy-store.js';
import { satisfactionSettings } from './settings.js';

interface GroupRow {
  key: string | null;
  label: string | null;
  invited: number;
  answered: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  ease_sum: number;
  ease_count: number;
  /** How many answers gave each recommendation, r0 to r10. */
  [recommendation: `r${number}`]: number;
}

/** A group's figures from its counts: the rate and the ease hidden under the minimum sample. */
function group(row: GroupRow, minimum: number): SatisfactionGroup {
  const n = (value: unknown) => Number(value ?? 0);
  const figure = csat({ byScore: { 1: n(row.s1), 2: n(row.s2), 3: n(row.s3), 4: n(row.s4), 5: n(row.s5) } }, minimum);
  const easeCount = n(row.ease_count);
  return {
    key: row.key ?? 'none',
    label: row.label ?? row.key ?? 'none',
    invited: n(row.invited),
    answered: n(row.answered),
    responseRatePercent: responseRate(n(row.invited), n(row.answered)),
    csat: figure,
    nps: nps(
      RECOMMENDATIONS.map((value) => n(row[`r${value}`])),
      minimum,
    ),
    easeMean:
      figure.status === 'rate' && easeCount >= minimum ? Math.round((n(row.ease_sum) / easeCount) * 10) / 10 : null,
  };
}

/** What each dimension groups by, and the name it shows. */
function dimensionColumns(dimension: SatisfactionDimension | 'overall', zone: string) {
  switch (dimension) {
    case 'overall':
      return { key: sql<string>`'all'`, label: sql<string>`'all'` };
    case 'agent':
      return { key: sql<string>`i.agent_id::text`, label: sql<string>`max(u.display_name)` };
    case 'team':
      return { key: sql<string>`i.team_id::text`, label: sql<string>`max(t.name)` };
    case 'creditor':
      return { key: sql<string>`i.creditor_id::text`, label: sql<string>`max(cr.name)` };
    case 'channel':
      return { key: sql<string>`i.channel`, label: sql<string>`i.channel` };
    case 'arm':
      return { key: sql<string>`i.strategy_arm`, label: sql<string>`i.strategy_arm` };
    // Named after the query, from the strategy's versions.
    case 'segment':
      return { key: sql<string>`i.segment_id`, label: sql<string>`i.segment_id` };
    case 'month':
      return {
        key: sql<string>`to_char(i.sent_at at time zone ${zone}, 'YYYY-MM')`,
        label: sql<string>`min(to_char(i.sent_at at time zone ${zone}, 'YYYY-MM'))`,
      };
  }
}

async function groups(
  deps: Deps,
  dimension: SatisfactionDimension | 'overall',
  from: Date,
  minimum: number,
): Promise<SatisfactionGroup[]> {
  const zone = deps.config.AGENCY_TZ!;
  const { key, label } = dimensionColumns(dimension, zone);
  const score = (value: number): Expression<SqlBool> => sql<SqlBool>`a.score = ${value}`;
  const rows = await deps.db
    .selectFrom('satisfaction_invitations as i')
    .leftJoin('satisfaction_answers as a', 'a.invitation_id', 'i.id')
    // A survey answered in place on the portal has no agent (the act was the person's own).
    .leftJoin('users as u', 'u.id', 'i.agent_id')
    .leftJoin('teams as t', 't.id', 'i.team_id')
    .innerJoin('creditors as cr', 'cr.id', 'i.creditor_id')
    .select([
      key.as('key'),
      label.as('label'),
      sql<number>`count(*)::int`.as('invited'),
      sql<number>`count(a.invitation_id)::int`.as('answered'),
      ...[1, 2, 3, 4, 5].map((value) => sql<number>`(count(*) filter (where ${score(value)}))::int`.as(`s${value}`)),
      ...RECOMMENDATIONS.map((value) =>
        sql<number>`(count(*) filter (where a.recommendation = ${value}))::int`.as(`r${value}`),
      ),
      sql<number>`coalesce(sum(a.ease), 0)::int`.as('ease_sum'),
      sql<number>`count(a.ease)::int`.as('ease_count'),
    ])
    .where('i.sent_at', '>=', from)
    .$if(dimension === 'agent', (query) => query.where('i.agent_id', 'is not', null))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((row) => group(row as unknown as GroupRow, minimum));
}

/**
 * CSAT and NPS with their counts and intervals, and the response rate, overall and by agent, team, creditor, channel,
 * month, strategy arm and segment, over the last months (this one included). Every group under the minimum sample
 * says "too few".
 */
export async function satisfactionFigures(deps: Deps, months: number): Promise<SatisfactionFigures> {
  const settings = await satisfactionSettings(deps.db);
  const today = agencyToday(deps.now(), { AGENCY_TZ: deps.config.AGENCY_TZ! });
  const firstDay = addMonths(startOfMonth(today), -(months - 1));
  const from = instantAt(firstDay, deps.config.AGENCY_TZ!);
  const minimum = settings.minimumAnswers;
  const [[overall, agent, team, creditor, channel, month, arm, segment], names] = await Promise.all([
    Promise.all(
      (['overall', 'agent', 'team', 'creditor', 'channel', 'month', 'arm', 'segment'] as const).map((dimension) =>
        groups(deps, dimension, from, minimum),
      ),
    ),
    segmentNames(deps.db),
  ]);
  const none = group({ key: 'all', label: 'all' } as GroupRow, minimum);
  const byLabel = (list: SatisfactionGroup[]) => [...list].sort((a, b) => a.label.localeCompare(b.label));
  return {
    from: firstDay,
    minimumAnswers: minimum,
    overall: overall![0] ?? none,
    by: {
      agent: byLabel(agent!),
      team: byLabel(team!),
      creditor: byLabel(creditor!),
      channel: channel!,
      month: month!,
      arm: arm!,
      segment: byLabel(segment!.map((row) => ({ ...row, label: names.get(row.key) ?? row.label }))),
    },
  };
}

/** At most so many comments a page shows, newest first. */
const COMMENTS_LIMIT = 100;

/**
 * The debtors' comments, minimised when they were stored: a team leader reads their own team's, a manager or a
 * compliance officer everyone's.
 */
export async function satisfactionComments(deps: Deps, actor: Actor): Promise<SatisfactionComments> {
  let query = deps.db
    .selectFrom('satisfaction_answers as a')
    .innerJoin('satisfaction_invitations as i', 'i.id', 'a.invitation_id')
    .leftJoin('users as u', 'u.id', 'i.agent_id')
    .leftJoin('teams as t', 't.id', 'i.team_id')
    .select(['a.answered_at', 'a.score', 'a.ease', 'a.comment', 'u.display_name', 't.name', 'i.channel'])
    .select('i.interaction_kind')
    .where('a.comment', 'is not', null)
    .orderBy('a.answered_at', 'desc')
    .orderBy('a.invitation_id', 'desc')
    .limit(COMMENTS_LIMIT);
  if (actor.role === 'team_leader') {
    const me = await deps.db.selectFrom('users').select('team_id').where('id', '=', actor.userId).executeTakeFirst();
    if (!me?.team_id) return { items: [] };
    query = query.where('i.team_id', '=', me.team_id);
  }
  const rows = await query.execute();
  return {
    items: rows.map((row) => ({
      answeredAt: row.answered_at.toISOString(),
      score: row.score,
      ease: row.ease,
      comment: row.comment!,
      agentName: row.display_name,
      teamName: row.name,
      channel: row.channel,
      interactionKind: row.interaction_kind,
    })),
  };
}
