import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import type { SatisfactionSettingsBody, SatisfactionSettingsView } from './contract.js';

export interface SatisfactionSettings {
  invitationGapDays: number;
  interactionWindowDays: number;
  tokenValidDays: number;
  minimumAnswers: number;
  askRecommendation: boolean;
}

/** The survey's settings, a row of reference data (migration 0072): never constants in the code. */
export async function satisfactionSettings(db: Deps['db'] | Transaction<DB>): Promise<SatisfactionSettings> {
  const row = await db.selectFrom('satisfaction_settings').selectAll().executeTakeFirstOrThrow();
  return {
    invitationGapDays: row.invitation_gap_days,
    interactionWindowDays: row.interaction_window_days,
    tokenValidDays: row.token_valid_days,
    minimumAnswers: row.minimum_answers,
    askRecommendation: row.ask_recommendation,
  };
}

/** The settings as the page shows them, with the reason given for them and when they last changed. */
export async function readSatisfactionSettings(db: Deps['db'] | Transaction<DB>): Promise<SatisfactionSettingsView> {
  const row = await db.selectFrom('satisfaction_settings').selectAll().executeTakeFirstOrThrow();
  return {
    invitationGapDays: row.invitation_gap_days,
    interactionWindowDays: row.interaction_window_days,
    tokenValidDays: row.token_valid_days,
    minimumAnswers: row.minimum_answers,
    askRecommendation: row.ask_recommendation,
    source: row.source,
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * New settings, from now on: the next invitations and the figures read them (links already sent keep the validity
 * they were given). The trail holds the figures before and after, and the reason.
 */
export async function changeSatisfactionSettings(
  deps: Deps,
  actor: Actor,
  body: SatisfactionSettingsBody,
  requestId: string,
): Promise<SatisfactionSettingsView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('satisfaction_settings').selectAll().forUpdate().executeTakeFirstOrThrow();
    await trx
      .updateTable('satisfaction_settings')
      .set({
        invitation_gap_days: body.invitationGapDays,
        interaction_window_days: body.interactionWindowDays,
        token_valid_days: body.tokenValidDays,
        minimum_answers: body.minimumAnswers,
        ask_recommendation: body.askRecommendation,
        source: body.source,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'satisfaction.settings_changed',
      targetType: 'satisfaction_settings',
      targetId: null,
      before: {
        invitationGapDays: before.invitation_gap_days,
        interactionWindowDays: before.interaction_window_days,
        tokenValidDays: before.token_valid_days,
        minimumAnswers: before.minimum_answers,
        askRecommendation: before.ask_recommendation,
        source: before.source,
      },
      after: body,
      requestId,
      at: now,
    });
    return readSatisfactionSettings(trx);
  });
}
