import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import { answerInPlace, inPlaceOffered, type PortalInteraction } from '../satisfaction/in-place.js';
import { satisfactionSettings } from '../satisfaction/settings.js';
import type { PortalSurveyInput, SurveyOffer } from './mandates/contract.js';
import type { PortalVisitor } from './portal-sessions.js';

/**
 * The one-question survey the portal offers in place after an act the person completed there (a plan signed, a
 * dispute filed, a direct debit set up, a payment): found on the person's own case (404 otherwise), offered unless a
 * blocking hold applies (satisfaction's SURVEY_BLOCKING_HOLDS), at most once per act, and recorded by the satisfaction
 * module's own writer (docs/portal.md, "Your opinion"; docs/listening.md).
 */

type Kind = PortalSurveyInput['kind'];

interface Found {
  at: Date;
  completed: boolean;
}

/** The act itself, on the case: when it happened and whether it stands. */
async function act(db: Kysely<DB>, caseId: string, kind: Kind, id: string): Promise<Found | undefined> {
  switch (kind) {
    case 'plan_agreed': {
      const row = await db
        .selectFrom('plans')
        .select(['created_at', 'status', 'created_by'])
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return row && { at: row.created_at, completed: !['proposed', 'refused', 'cancelled'].includes(row.status) };
    }
    case 'dispute_filed': {
      const row = await db
        .selectFrom('disputes')
        .select(['opened_at'])
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .where('opened_via', '=', 'portal')
        .executeTakeFirst();
      return row && { at: row.opened_at, completed: true };
    }
    case 'mandate_signed': {
      const row = await db
        .selectFrom('sepa_mandates')
        .select(['created_at'])
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .where('signed_via', '=', 'portal')
        .executeTakeFirst();
      return row && { at: row.created_at, completed: true };
    }
    case 'payment': {
      const row = await db
        .selectFrom('payments')
        .select(['recorded_at', 'status'])
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return row && { at: row.recorded_at, completed: row.status === 'recorded' };
    }
  }
}

async function interactionOf(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  kind: Kind,
  id: string,
): Promise<PortalInteraction> {
  const found = await deps.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .select(['c.id', 'c.debtor_id', 'c.creditor_id', 'd.language'])
    .where('c.id', '=', caseId)
    .where('c.debtor_id', '=', visitor.debtorId)
    .executeTakeFirst();
  if (!found) throw notFound('case');
  const done = await act(deps.db, found.id, kind, id);
  if (!done) throw notFound('interaction');
  return {
    debtorId: found.debtor_id,
    caseId: found.id,
    creditorId: found.creditor_id,
    kind,
    id,
    at: done.at,
    completed: done.completed,
    language: (['fr', 'en', 'it'] as const).find((l) => l === found.language) ?? 'fr',
  };
}

/** Whether the portal offers the survey about this act now. */
export async function surveyOfferFor(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  about: { kind: Kind; id: string },
): Promise<SurveyOffer> {
  const interaction = await interactionOf(deps, visitor, caseId, about.kind, about.id);
  const [offered, settings] = await Promise.all([inPlaceOffered(deps, interaction), satisfactionSettings(deps.db)]);
  return { offered, askRecommendation: settings.askRecommendation };
}

/** The person's answer about an act: a score from 1 to 5 and an optional comment, once. */
export async function answerPortalSurvey(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  input: PortalSurveyInput,
  requestId: string,
): Promise<{ recorded: true }> {
  const interaction = await interactionOf(deps, visitor, caseId, input.kind, input.id);
  return answerInPlace(
    deps,
    interaction,
    { score: input.score, comment: input.comment, recommendation: input.recommendation ?? null },
    requestId,
  );
}
