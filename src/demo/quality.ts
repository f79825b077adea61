import { createHash } from 'node:crypto';
import { addDays, addMonths, agencyToday, endOfMonth, instantAt, isBusinessDay } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { gridOn } from '../quality/grid-store.js';
import { sampleCalls } from '../quality/core/sample.js';
import { scoreReview } from '../quality/core/score.js';
import { callsOfMonth } from '../quality/sample-service.js';
import { qualitySettings } from '../quality/settings.js';
import { Random } from './random.js';

/**
 * Five months of call reviews and coaching notes for the demo's amicable team (Amiable Lyon): the team leader reviews
 * every call of the agent's monthly sample, the listening score rising month by month (the coaching works), a coaching
 * note after each month, the older ones acknowledged by the agent. The current month is left for the team leader to
 * review. Which calls the sample draws follows the sampling rule; the scores are drawn by a seeded generator in the
 * order of a hash of the cases' references, so the figures are the same on every run.
 */
const MONTHS = 5;

const ACTIONS = [
  'Vérifier l’identité (nom et date de naissance) avant toute mention de la dette',
  'Reformuler la situation du débiteur avant toute proposition',
  'Laisser un silence après la question ouverte, sans relancer aussitôt',
  'Annoncer les prochaines étapes et leurs dates avant de raccrocher',
  'Conclure chaque appel par un résumé de ce qui est convenu',
  'Proposer un échéancier dans la capacité calculée, avec la marge expliquée',
];

const NOTES = [
  'Bonne écoute, la personne a pu expliquer sa situation. Identité vérifiée un peu tard.',
  'Proposition faite avant de connaître la situation : à reprendre en réécoute.',
  'Appel calme et clair, résumé final complet.',
  'Le débiteur a été coupé plusieurs fois ; la reformulation a ensuite rétabli le dialogue.',
];

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export async function loadDemoQuality(deps: Deps): Promise<void> {
  const random = new Random(20261206);
  const zone = deps.config.AGENCY_TZ;
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const people = await deps.db
    .selectFrom('users as u')
    .innerJoin('teams as t', 't.id', 'u.team_id')
    .select(['u.id', 'u.role', 'u.team_id'])
    .where('t.name', '=', 'Amiable Lyon')
    .where('u.role', 'in', ['agent', 'team_leader'])
    .orderBy('u.email')
    .execute();
  const leader = people.find((person) => person.role === 'team_leader');
  const agents = people.filter((person) => person.role === 'agent');
  if (!leader || agents.length === 0) return;
  const settings = await qualitySettings(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    for (const agent of agents) {
      for (let back = MONTHS; back >= 1; back--) {
        const first = addMonths(`${today.slice(0, 7)}-01`, -back);
        const month = first.slice(0, 7);
        const reviewedOn = endOfMonth(first);
        const grid = await gridOn(trx, reviewedOn);
        if (!grid) continue;
        const calls = await callsOfMonth(trx, [agent.id], month, zone, settings.lowCsatMax);
        const byId = new Map(calls.map((call) => [call.id, call]));
        const sample = sampleCalls(agent.id, month, calls, settings.randomPerMonth)
          .map((entry) => ({ ...entry, call: byId.get(entry.id)! }))
          .sort((a, b) =>
            md5(`${a.call.caseReference}|${a.call.occurredAt.toISOString()}`).localeCompare(
              md5(`${b.call.caseReference}|${b.call.occurredAt.toISOString()}`),
            ),
          );
        const reviewedAt = new Date(
          Math.min(instantAt(reviewedOn, zone, '17:00').getTime(), now.getTime() - 3_600_000),
        );
        // The share of points earned rises from about 60 % to about 85 % over the months.
        const level = 0.6 + ((MONTHS - back) / MONTHS) * 0.28;
        let latestReview: string | null = null;
        for (const entry of sample) {
          const scores = grid.criteria.map((criterion) => ({
            criterion: criterion.id,
            score:
              criterion.allowNotApplicable && random.chance(0.25)
                ? null
                : random.chance(level)
                  ? criterion.scaleMax
                  : random.int(0, criterion.scaleMax - 1),
          }));
          const outcome = scoreReview(grid.criteria, scores);
          if (!outcome.ok) continue;
          const row = await trx
            .insertInto('quality_reviews')
            .values({
              contact_id: entry.id,
              agent_id: agent.id,
              team_id: agent.team_id,
              reviewer_id: leader.id,
              grid_version: grid.version,
              month,
              sample_reason: entry.reason,
              scores: JSON.stringify(scores),
              score_bp: outcome.scoreBp,
              notes: random.pick(NOTES),
              reviewed_at: reviewedAt,
              acknowledged_at: back > 1 ? new Date(reviewedAt.getTime() + 20 * 3_600_000) : null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          latestReview = row.id;
        }
        if (!latestReview) continue;
        let followUp = addDays(reviewedOn, 14);
        while (!isBusinessDay(followUp, settings.calendar)) followUp = addDays(followUp, 1);
        const first2 = random.int(0, ACTIONS.length - 1);
        await trx
          .insertInto('quality_coaching_notes')
          .values({
            agent_id: agent.id,
            team_id: agent.team_id,
            author_id: leader.id,
            review_id: latestReview,
            actions: JSON.stringify([ACTIONS[first2]!, ACTIONS[(first2 + 2) % ACTIONS.length]!]),
            notes: 'Réécoute commune de deux appels du mois.',
            follow_up_on: followUp,
            created_at: new Date(reviewedAt.getTime() + 1_800_000),
            acknowledged_at: back > 1 ? new Date(reviewedAt.getTime() + 22 * 3_600_000) : null,
          })
          .execute();
      }
    }
  });
}
