import type { Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { addMonths, agencyToday, instantAt, localDateOf } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import type { TeamSample } from './contract.js';
import { sampleCalls, type CallFact, type SampledCall } from './core/sample.js';
import { coachingOf } from './coaching-service.js';
import { gridOn } from './grid-store.js';
import { reviewablePeople } from './scope.js';
import { qualitySettings } from './settings.js';

type Db = Deps['db'] | Transaction<DB>;

export interface CallRow extends CallFact {
  agentId: string;
  occurredAt: Date;
  caseId: string;
  caseReference: string;
  direction: 'inbound' | 'outbound';
}

/** The instants a month (YYYY-MM) of the agency's zone runs between. */
export function monthBounds(month: string, zone: string): { from: Date; to: Date } {
  const first = `${month}-01`;
  return { from: instantAt(first, zone), to: instantAt(addMonths(first, 1), zone) };
}

/** This month in the agency's zone, YYYY-MM. */
export const agencyMonth = (deps: Pick<Deps, 'now' | 'config'>) => agencyToday(deps.now(), deps.config).slice(0, 7);

/**
 * The calls of some people in a month: phone contacts with a conversation (the debtor or someone reached) that each
 * recorded, with their flags: a complaint that names the call, a survey answer about it at or under the low mark.
 */
export async function callsOfMonth(
  db: Db,
  agentIds: readonly string[],
  month: string,
  zone: string,
  lowCsatMax: number,
): Promise<CallRow[]> {
  if (agentIds.length === 0) return [];
  const { from, to } = monthBounds(month, zone);
  const rows = await db
    .selectFrom('contacts as c')
    .innerJoin('cases as k', 'k.id', 'c.case_id')
    .select(['c.id', 'c.recorded_by', 'c.occurred_at', 'c.case_id', 'k.reference', 'c.direction'])
    .select((eb) => [
      eb
        .exists(
          eb.selectFrom('complaint_contacts as cc').select('cc.contact_id').whereRef('cc.contact_id', '=', 'c.id'),
        )
        .as('complaint'),
      eb
        .exists(
          eb
            .selectFrom('satisfaction_invitations as i')
            .innerJoin('satisfaction_answers as a', 'a.invitation_id', 'i.id')
            .select('i.id')
            .where('i.interaction_kind', '=', 'call')
            .whereRef('i.interaction_id', '=', 'c.id')
            .where('a.score', '<=', lowCsatMax),
        )
        .as('low_csat'),
    ])
    .where('c.channel', '=', 'phone')
    .where('c.conversation', '=', true)
    .where('c.recorded_by', 'in', [...agentIds])
    .where('c.occurred_at', '>=', from)
    .where('c.occurred_at', '<', to)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    agentId: row.recorded_by!,
    on: localDateOf(row.occurred_at, zone),
    occurredAt: row.occurred_at,
    caseId: row.case_id,
    caseReference: row.reference,
    direction: row.direction,
    complaint: Boolean(row.complaint),
    lowCsat: Boolean(row.low_csat),
  }));
}

/** One agent's sample of a month, from the facts in the database (the same facts, the same sample). */
export async function sampleOf(
  db: Db,
  agentId: string,
  month: string,
  zone: string,
): Promise<{ sample: SampledCall[]; calls: CallRow[] }> {
  const settings = await qualitySettings(db);
  const calls = await callsOfMonth(db, [agentId], month, zone, settings.lowCsatMax);
  return { sample: sampleCalls(agentId, month, calls, settings.randomPerMonth), calls };
}

/**
 * A team leader's month (a manager's: every case worker's): each agent's sample of calls with its reason and its
 * review when done, their coaching notes, and the grid a review recorded today is scored on.
 */
export async function teamSample(deps: Deps, actor: Actor, month: string | undefined): Promise<TeamSample> {
  const zone = deps.config.AGENCY_TZ;
  const chosen = month ?? agencyMonth(deps);
  const settings = await qualitySettings(deps.db);
  const people = await reviewablePeople(deps.db, actor);
  const ids = people.map((person) => person.id);
  const [calls, grid, coaching] = await Promise.all([
    callsOfMonth(deps.db, ids, chosen, zone, settings.lowCsatMax),
    gridOn(deps.db, agencyToday(deps.now(), deps.config)),
    coachingOf(deps.db, ids),
  ]);
  const reviews =
    calls.length === 0
      ? []
      : await deps.db
          .selectFrom('quality_reviews')
          .select(['id', 'contact_id', 'score_bp', 'reviewed_at', 'acknowledged_at'])
          .where(
            'contact_id',
            'in',
            calls.map((call) => call.id),
          )
          .execute();
  const reviewOf = new Map(reviews.map((review) => [review.contact_id, review]));
  return {
    month: chosen,
    grid,
    agents: people.map((person) => {
      const mine = calls.filter((call) => call.agentId === person.id);
      const byId = new Map(mine.map((call) => [call.id, call]));
      return {
        agentId: person.id,
        displayName: person.displayName,
        teamName: person.teamName,
        callsInMonth: mine.length,
        sample: sampleCalls(person.id, chosen, mine, settings.randomPerMonth).map((entry) => {
          const call = byId.get(entry.id)!;
          const review = reviewOf.get(entry.id);
          return {
            callId: entry.id,
            reason: entry.reason,
            occurredAt: call.occurredAt.toISOString(),
            caseId: call.caseId,
            caseReference: call.caseReference,
            direction: call.direction,
            review: review
              ? {
                  id: review.id,
                  scoreBp: review.score_bp,
                  reviewedAt: review.reviewed_at.toISOString(),
                  acknowledgedAt: review.acknowledged_at?.toISOString() ?? null,
                }
              : null,
          };
        }),
        coaching: coaching.filter((note) => note.agentId === person.id),
      };
    }),
  };
}
