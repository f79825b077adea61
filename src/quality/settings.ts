import type { Transaction } from 'kysely';
import type { BusinessPlace } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';

export interface QualitySettings {
  randomPerMonth: number;
  lowCsatMax: number;
  followUpMaxDays: number;
  calendar: BusinessPlace;
}

/** The call-quality settings, a row of reference data (migration 0078): never constants in the code. */
export async function qualitySettings(db: Deps['db'] | Transaction<DB>): Promise<QualitySettings> {
  const row = await db.selectFrom('quality_settings').selectAll().executeTakeFirstOrThrow();
  return {
    randomPerMonth: row.random_per_month,
    lowCsatMax: row.low_csat_max,
    followUpMaxDays: row.follow_up_max_days,
    calendar: { country: row.calendar_country, region: row.calendar_region },
  };
}
