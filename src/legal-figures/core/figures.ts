import { compareDates, type IsoDate } from '../../platform/calendar/dates.js';

/**
 * The rules a new row of legal figures must meet (issue 15; REGULATION.md: a figure tagged [CHECK] is editable
 * reference data, never a constant). Pure. A row is added from a day that has not yet passed in the agency: rows are
 * never rewritten, and a deadline already counted (its count started before the row) keeps the figure it was counted
 * with, so nothing running changes under the team's feet.
 */
export type FigureRefusal =
  | 'legal_figures.valid_from_past'
  | 'legal_figures.already_dated'
  | 'legal_figures.bands_unordered'
  | 'legal_figures.last_band_open'
  | 'legal_figures.floor_above_cap';

export function refuseDeadlineRow(
  row: { validFrom: IsoDate },
  today: IsoDate,
  datedRows: readonly IsoDate[],
): FigureRefusal | null {
  if (compareDates(row.validFrom, today) < 0) return 'legal_figures.valid_from_past';
  if (datedRows.includes(row.validFrom)) return 'legal_figures.already_dated';
  return null;
}

export interface FeeBandInput {
  uptoCents: number | null;
  rateBp: number;
}

/**
 * A proportional fee table is well formed when its bands rise strictly, only the last is open (no upper bound: it
 * takes every amount above), and the floor does not exceed the cap.
 */
export function refuseFeeTable(
  table: { validFrom: IsoDate; floorCents: number; capCents: number; bands: readonly FeeBandInput[] },
  today: IsoDate,
  datedRows: readonly IsoDate[],
): FigureRefusal | null {
  const dated = refuseDeadlineRow(table, today, datedRows);
  if (dated) return dated;
  if (table.floorCents > table.capCents) return 'legal_figures.floor_above_cap';
  const last = table.bands.at(-1);
  if (!last || last.uptoCents !== null) return 'legal_figures.last_band_open';
  let lower = 0;
  for (const band of table.bands.slice(0, -1)) {
    if (band.uptoCents === null) return 'legal_figures.last_band_open';
    if (band.uptoCents <= lower) return 'legal_figures.bands_unordered';
    lower = band.uptoCents;
  }
  return null;
}

export const FIGURE_REFUSALS: Readonly<Record<FigureRefusal, string>> = {
  'legal_figures.valid_from_past':
    'A figure is added from today or a later day: a deadline already counted keeps the figure it was counted with.',
  'legal_figures.already_dated': 'A row of this figure already starts on that day: choose another day.',
  'legal_figures.bands_unordered': 'The bands must rise: each upper bound above the one before.',
  'legal_figures.last_band_open': 'Only the last band is open (no upper bound); every other band has one.',
  'legal_figures.floor_above_cap': 'The least fee cannot be above the cap.',
};
