import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';

export interface SatisfactionSettings {
  invitationGapDays: number;
  interactionWindowDays: number;
  tokenValidDays: number;
  minimumAnswers: number;
}

/** The survey's settings, a row of reference data (migration 0072): never constants in the code. */
export async function satisfactionSettings(db: Deps['db'] | Transaction<DB>): Promise<SatisfactionSettings> {
  const row = await db.selectFrom('satisfaction_settings').selectAll().executeTakeFirstOrThrow();
  return {
    invitationGapDays: row.invitation_gap_days,
    interactionWindowDays: row.interaction_window_days,
    tokenValidDays: row.token_valid_days,
    minimumAnswers: row.minimum_answers,
  };
}
