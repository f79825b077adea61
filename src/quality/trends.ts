import { sql } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { addMonths, agencyToday, instantAt, startOfMonth } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { csat, emptyCounts, type ScoreCounts } from '../satisfaction/core/csat.js';
import { satisfactionSettings } from '../satisfaction/settings.js';
import type { QualityTrends, TrendPoint } from './contract.js';
import { meanBp } from './core/score.js';
import { reviewablePeople } from './scope.js';

interface Bucket {
  scores: number[];
  counts: ScoreCounts;
}

const bucket = (): Bucket => ({ scores: [], counts: emptyCounts() });

/**
 * Quality month by month, per agent and per team in the actor's scope (a team leader's team, a manager's every team):
 * the reviews, their mean score, and beside them the same month's CSAT from the satisfaction surveys (the share of 4
 * and 5, "too few" under the survey's minimum sample), so a score is read with what debtors said.
 */
export async function qualityTrends(deps: Deps, actor: Actor, monthCount: number): Promise<QualityTrends> {
  const zone = deps.config.AGENCY_TZ;
  const today = agencyToday(deps.now(), deps.config);
  const first = addMonths(startOfMonth(today), -(monthCount - 1));
  const months = Array.from({ length: monthCount }, (_, i) => addMonths(first, i).slice(0, 7));
  const from = instantAt(first, zone);
  const people = await reviewablePeople(deps.db, actor);
  const ids = people.map((person) => person.id);
  const { minimumAnswers } = await satisfactionSettings(deps.db);
  const [reviews, answers] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          deps.db
            .selectFrom('quality_reviews')
            .select(['agent_id', 'month', 'score_bp'])
            .where('agent_id', 'in', ids)
            .where('month', '>=', months[0]!)
            .execute(),
          deps.db
            .selectFrom('satisfaction_invitations as i')
            .innerJoin('satisfaction_answers as a', 'a.invitation_id', 'i.id')
            .select(['i.agent_id', 'a.score'])
            .select(sql<string>`to_char(i.sent_at at time zone ${zone}, 'YYYY-MM')`.as('month'))
            .where('i.agent_id', 'in', ids)
            .where('i.sent_at', '>=', from)
            .execute(),
        ]);
  const teamOf = new Map(people.map((person) => [person.id, person.teamId ?? 'none']));
  const buckets = new Map<string, Bucket>();
  const at = (key: string) => buckets.get(key) ?? (buckets.set(key, bucket()), buckets.get(key)!);
  for (const review of reviews) {
    at(`agent|${review.agent_id}|${review.month}`).scores.push(review.score_bp);
    at(`team|${teamOf.get(review.agent_id)}|${review.month}`).scores.push(review.score_bp);
  }
  for (const answer of answers) {
    // Answers given on the portal have no agent (the query keeps the agents' only).
    if (answer.agent_id === null) continue;
    const score = answer.score as 1 | 2 | 3 | 4 | 5;
    at(`agent|${answer.agent_id}|${answer.month}`).counts.byScore[score] += 1;
    at(`team|${teamOf.get(answer.agent_id)}|${answer.month}`).counts.byScore[score] += 1;
  }
  const points = (kind: string, key: string): TrendPoint[] =>
    months.map((month) => {
      const found = buckets.get(`${kind}|${key}|${month}`) ?? bucket();
      return {
        month,
        reviews: found.scores.length,
        meanScoreBp: meanBp(found.scores),
        csat: csat(found.counts, minimumAnswers),
      };
    });
  const teams = [...new Map(people.map((p) => [p.teamId ?? 'none', p.teamName ?? '—'])).entries()];
  return {
    months,
    minimumAnswers,
    series: [
      ...teams.map(([key, label]) => ({ kind: 'team' as const, key, label, points: points('team', key) })),
      ...people.map((person) => ({
        kind: 'agent' as const,
        key: person.id,
        label: person.displayName,
        points: points('agent', person.id),
      })),
    ],
  };
}
