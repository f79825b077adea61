import { sql } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { addDays, agencyToday, isoWeekOf, type IsoDate } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { invalid } from '../platform/errors.js';
import { satisfactionSettings } from '../satisfaction/settings.js';
import {
  figuresOf,
  MIN_REVIEWS,
  periodsBetween,
  roller,
  sumCounts,
  type DayCounts,
  type Granularity,
} from './core/agents-teams.js';
import { ATTRIBUTION_DAYS } from './refresh-teams.js';
import { teamChoices, teamScope } from './team-scope.js';
import type { TeamsReport, TeamsReportLine, TeamsReportQuery } from './teams/contract.js';

/** The longest period one report counts: a year and a day, before widening to whole weeks. */
const LONGEST_PERIOD_DAYS = 366;
const DEFAULT_PERIOD_DAYS = 28;

/** The days a report counts: the last four weeks to today unless asked, widened to whole ISO weeks for weeks. */
export function teamsPeriod(
  today: IsoDate,
  query: Pick<TeamsReportQuery, 'from' | 'to' | 'granularity'>,
): { from: IsoDate; to: IsoDate } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw invalid('teams_report.period_reversed', 'The period must end on or after its first day.');
  if (addDays(from, LONGEST_PERIOD_DAYS) <= to) {
    throw invalid(
      'teams_report.period_too_long',
      `Ask for ${LONGEST_PERIOD_DAYS} days at most: choose a later first day or an earlier last day.`,
      { maxDays: LONGEST_PERIOD_DAYS },
    );
  }
  if (query.granularity === 'day') return { from, to };
  return { from: isoWeekOf(from).monday, to: addDays(isoWeekOf(to).monday, 6) };
}

/** The counts of agent_day_facts, as the report adds them. */
const FACT_COLUMNS = [
  'calls',
  'conversations',
  'promises',
  'plans',
  'payments',
  'collected_cents',
  'reviews',
  'review_score_bp_sum',
  'answers',
  'satisfied',
] as const;

interface Person {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  days: DayCounts[];
}

/**
 * Per agent and per team, per day or ISO week, in the reader's scope: the reviews of their calls and what debtors said
 * first, then calls, conversations, promises, plans and the money attributed to them, from the facts the five-minute
 * job keeps (refresh-teams.ts), never the contacts or payments themselves. A person counts in the team they are in
 * now.
 */
export async function teamsReport(deps: Deps, actor: Actor, query: TeamsReportQuery): Promise<TeamsReport> {
  const granularity: Granularity = query.granularity;
  const { from, to } = teamsPeriod(agencyToday(deps.now(), deps.config), query);
  const team = await teamScope(deps, actor, query.teamId);
  // By week, each person's days are added into their week's Monday in the database: a row per person and week.
  const day = granularity === 'week' ? sql<string>`date_trunc('week', f.day)::date` : sql<string>`f.day`;
  let facts = deps.db
    .selectFrom('agent_day_facts as f')
    .innerJoin('users as u', 'u.id', 'f.agent_id')
    .leftJoin('teams as t', 't.id', 'u.team_id')
    .select(['f.agent_id', 'u.display_name', 'u.team_id', 't.name as team_name', day.as('day')])
    .select(FACT_COLUMNS.map((column) => sql<string>`sum(${sql.ref(`f.${column}`)})`.as(column)))
    .where('f.day', '>=', from)
    .where('f.day', '<=', to)
    .groupBy(['f.agent_id', 'u.display_name', 'u.team_id', 't.name', day])
    .orderBy('t.name')
    .orderBy('u.display_name')
    .orderBy('f.agent_id')
    .orderBy(day);
  if (team) facts = facts.where('u.team_id', '=', team);
  // A team leader without a team reads nothing.
  const nothing = team === null;
  const [rows, choices, settings, refreshed] = await Promise.all([
    nothing ? [] : facts.execute(),
    teamChoices(deps, actor, team),
    satisfactionSettings(deps.db),
    deps.db.selectFrom('performance_refreshes').select('refreshed_at').executeTakeFirst(),
  ]);
  const people = new Map<string, Person>();
  for (const row of rows) {
    const person = people.get(row.agent_id) ?? {
      id: row.agent_id,
      name: row.display_name,
      teamId: row.team_id,
      teamName: row.team_name,
      days: [],
    };
    people.set(row.agent_id, person);
    person.days.push({
      day: typeof row.day === 'string' ? row.day : new Date(row.day).toISOString().slice(0, 10),
      calls: Number(row.calls),
      conversations: Number(row.conversations),
      promises: Number(row.promises),
      plans: Number(row.plans),
      payments: Number(row.payments),
      collectedCents: Number(row.collected_cents),
      reviews: Number(row.reviews),
      reviewScoreBpSum: Number(row.review_score_bp_sum),
      answers: Number(row.answers),
      satisfied: Number(row.satisfied),
    });
  }
  const teams = new Map<string, Person>();
  for (const person of people.values()) {
    const key = person.teamId ?? 'none';
    const entry = teams.get(key) ?? {
      id: key,
      name: person.teamName ?? '',
      teamId: person.teamId,
      teamName: person.teamName,
      days: [],
    };
    teams.set(key, entry);
    entry.days.push(...person.days);
  }
  const minimum = settings.minimumAnswers;
  const rollUp = roller(from, to, granularity);
  const line = (person: Person): TeamsReportLine => {
    const periods = rollUp(person.days);
    const total = sumCounts(periods.map((period) => period.counts));
    return {
      id: person.id,
      name: person.name,
      teamId: person.teamId,
      teamName: person.teamName,
      total: figuresOf(total, minimum),
      periods: periods.map((period) => figuresOf(period.counts, minimum)),
    };
  };
  return {
    from,
    to,
    granularity,
    teamId: team ?? null,
    refreshedAt: refreshed ? new Date(refreshed.refreshed_at).toISOString() : null,
    minimumAnswers: minimum,
    minimumReviews: MIN_REVIEWS,
    attributionDays: ATTRIBUTION_DAYS,
    teamChoices: choices,
    periods: periodsBetween(from, to, granularity),
    teams: [...teams.values()].map(line),
    agents: [...people.values()].map(line),
  };
}
