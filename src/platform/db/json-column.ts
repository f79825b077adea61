import type { ColumnType } from 'kysely';

/** A jsonb column: read as the parsed value, written as a value or a JSON string. */
export type JsonColumn<T = unknown> = ColumnType<T, string | T, string | T>;

/** One window of the hours a debtor chose for contact (`contact_preferences.windows`). */
export interface PreferenceWindow {
  days: string[];
  from: string;
  to: string;
}

/** One bracket of the seizure scale (`affordability_seizure_scales.brackets`); thresholds are yearly. */
export interface SeizureBracket {
  upToCents: number | null;
  numerator: number;
  denominator: number;
}
