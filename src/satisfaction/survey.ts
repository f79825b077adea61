import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import type { DB } from '../platform/db/schema.js';
import { localDateOf } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict } from '../platform/errors.js';
import type { Survey, SurveyAnswer } from './contract.js';
import { minimiseComment } from './core/minimise.js';
import { tokenHash } from './invite.js';
import { satisfactionSettings } from './settings.js';

/** The debtor answering through the link: no account, no session, like the portal's visitor. */
const SURVEY_ACTOR = { userId: null, role: 'debtor' } as const;

const unknownSurvey = () =>
  new AppError('satisfaction.survey_unknown', 404, 'This survey link is not known: check that it was copied whole.');

/** The survey behind a link, for its page: whether it may still be answered, in the debtor's language. */
export async function readSurvey(deps: Deps, token: string): Promise<Survey> {
  const row = await deps.db
    .selectFrom('satisfaction_invitations')
    .select(['language', 'interaction_kind', 'interaction_at', 'expires_at', 'answered_at'])
    .where('token_sha256', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row) throw unknownSurvey();
  const { askRecommendation } = await satisfactionSettings(deps.db);
  return {
    status: row.answered_at ? 'answered' : row.expires_at <= deps.now() ? 'expired' : 'open',
    language: row.language,
    agencyName: deps.config.AGENCY_NAME,
    interactionKind: row.interaction_kind,
    interactionOn: localDateOf(row.interaction_at, deps.config.AGENCY_TZ!),
    askRecommendation,
  };
}

/**
 * Records the answer once, in one transaction under the invitation's lock: a second answer, or one after the link
 * expired, is refused. The comment is minimised before it is stored; the audit keeps the score, never the words.
 */
export async function answerSurvey(
  deps: Deps,
  token: string,
  body: SurveyAnswer,
  requestId: string | null,
): Promise<{ recorded: true }> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('satisfaction_invitations')
      .select(['id', 'creditor_id', 'case_id', 'expires_at', 'answered_at'])
      .where('token_sha256', '=', tokenHash(token))
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw unknownSurvey();
    if (row.answered_at) throw conflict('satisfaction.survey_answered', 'This survey was already answered: thank you.');
    if (row.expires_at <= now)
      throw new AppError('satisfaction.survey_expired', 410, 'This survey link has expired: it can no longer be used.');
    await recordAnswerIn(trx, row, body, now, requestId);
    return { recorded: true as const };
  });
}

/**
 * The one writer of an answer: the score, the minimised comment, the invitation marked answered, the audit (the score,
 * never the words), in the caller's transaction. The link's page and the portal's in-place survey both record by it.
 */
export async function recordAnswerIn(
  trx: Transaction<DB>,
  invitation: { id: string; creditor_id: string; case_id: string },
  body: SurveyAnswer,
  now: Date,
  requestId: string | null,
): Promise<void> {
  const comment = body.comment ? minimiseComment(body.comment) : '';
  // The recommendation is kept only while the settings ask it: a page opened before they changed cannot add one.
  const { askRecommendation } = await satisfactionSettings(trx);
  const recommendation = askRecommendation ? (body.recommendation ?? null) : null;
  await trx
    .insertInto('satisfaction_answers')
    .values({
      invitation_id: invitation.id,
      score: body.score,
      ease: body.ease ?? null,
      recommendation,
      comment: comment === '' ? null : comment,
      answered_at: now,
    })
    .execute();
  await trx.updateTable('satisfaction_invitations').set({ answered_at: now }).where('id', '=', invitation.id).execute();
  await appendAudit(trx, {
    actor: SURVEY_ACTOR,
    action: 'satisfaction.answered',
    targetType: 'satisfaction_invitation',
    targetId: invitation.id,
    creditorId: invitation.creditor_id,
    after: {
      caseId: invitation.case_id,
      score: body.score,
      ease: body.ease ?? null,
      recommendation,
      commented: comment !== '',
    },
    requestId,
    at: now,
  });
}
