import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import type { SurveyAnswer } from './contract.js';
import {
  inPlaceEligibility,
  type HoldFact,
  type InPlaceIneligibility,
  type InteractionKind,
} from './core/eligibility.js';
import { tokenHash } from './invite.js';
import { satisfactionSettings } from './settings.js';
import { recordAnswerIn } from './survey.js';

/**
 * The survey offered in place on the debtor portal after an act the person completed there (docs/listening.md,
 * "On the portal"): no message, no link; the invitation is written when the person answers, with channel `portal`
 * and no agent, and the answer by the same writer as the link's (`recordAnswerIn`), so the figures read both alike.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** The act the survey is about, as the portal found it on the person's own case. */
export interface PortalInteraction {
  debtorId: string;
  caseId: string;
  creditorId: string;
  kind: InteractionKind;
  id: string;
  at: Date;
  completed: boolean;
  language: 'fr' | 'en' | 'it';
}

async function debtorHolds(db: Db, debtorId: string): Promise<HoldFact[]> {
  const rows = await db
    .selectFrom('holds')
    .select(['kind', 'starts_at', 'ends_at', 'lifted_at'])
    .where('debtor_id', '=', debtorId)
    .where('status', '=', 'active')
    .execute();
  return rows.map((hold) => ({
    kind: hold.kind,
    startsAt: hold.starts_at.getTime(),
    endsAt: (hold.lifted_at ?? hold.ends_at)?.getTime() ?? null,
  }));
}

async function verdict(db: Db, interaction: PortalInteraction, now: Date) {
  const [holds, invited, settings] = await Promise.all([
    debtorHolds(db, interaction.debtorId),
    db
      .selectFrom('satisfaction_invitations')
      .select('id')
      .where('interaction_kind', '=', interaction.kind)
      .where('interaction_id', '=', interaction.id)
      .executeTakeFirst(),
    satisfactionSettings(db),
  ]);
  return inPlaceEligibility(
    { at: interaction.at.getTime(), completed: interaction.completed },
    { holds, alreadyInvited: invited !== undefined },
    settings,
    now.getTime(),
  );
}

/** Whether the survey is offered now about this act (never under a blocking hold, once per act, while recent). */
export async function inPlaceOffered(deps: Deps, interaction: PortalInteraction): Promise<boolean> {
  return (await verdict(deps.db, interaction, deps.now())).eligible;
}

const REFUSED: Record<InPlaceIneligibility, { code: string; message: string }> = {
  already_invited: { code: 'satisfaction.survey_answered', message: 'This survey was already answered: thank you.' },
  hold: { code: 'satisfaction.survey_not_offered', message: 'No survey is asked about this now.' },
  not_completed: { code: 'satisfaction.survey_not_offered', message: 'No survey is asked about this now.' },
  too_old: { code: 'satisfaction.survey_not_offered', message: 'No survey is asked about this now.' },
  in_future: { code: 'satisfaction.survey_not_offered', message: 'No survey is asked about this now.' },
};

/**
 * The person's answer about an act, once: the eligibility checked again under the interaction's lock (a second answer
 * meets the unique invitation of the act), the invitation written answered, the answer recorded by the survey's writer.
 */
export async function answerInPlace(
  deps: Deps,
  interaction: PortalInteraction,
  body: Pick<SurveyAnswer, 'score' | 'comment' | 'recommendation'>,
  requestId: string,
): Promise<{ recorded: true }> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('cases')
      .select('id')
      .where('id', '=', interaction.caseId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const found = await verdict(trx, interaction, now);
    if (!found.eligible) {
      const problem = REFUSED[found.reason];
      throw conflict(problem.code, problem.message);
    }
    const row = await trx
      .insertInto('satisfaction_invitations')
      .values({
        debtor_id: interaction.debtorId,
        case_id: interaction.caseId,
        creditor_id: interaction.creditorId,
        interaction_kind: interaction.kind,
        interaction_id: interaction.id,
        interaction_at: interaction.at,
        agent_id: null,
        team_id: null,
        strategy_arm: null,
        channel: 'portal',
        message_id: null,
        // No link is ever sent: a random token nobody holds keeps the column's shape.
        token_sha256: tokenHash(randomBytes(24).toString('base64url')),
        language: interaction.language,
        sent_at: now,
        expires_at: new Date(now.getTime() + 1000),
      })
      .returning(['id', 'creditor_id', 'case_id'])
      .executeTakeFirstOrThrow();
    await recordAnswerIn(
      trx,
      row,
      {
        score: body.score,
        recommendation: body.recommendation ?? null,
        ...(body.comment ? { comment: body.comment } : {}),
      },
      now,
      requestId,
    );
    return { recorded: true as const };
  });
}
