import { toLocal, isoDateOf, clockOf } from '../calendar/local-time.js';
import type { Message } from '../message.js';
import type { EXPORT_FORMATS } from '../http/schemas.js';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportLocale = keyof Message;

/**
 * What a column holds, which decides how each format writes it: `text` as text (formula-proofed in CSV), `cents` an
 * amount in integer cents written as a number with 2 decimals, `date` a calendar date `YYYY-MM-DD`, `instant` a
 * moment shown on the agency's clock, `count` a whole number.
 */
export type ExportKind = 'text' | 'cents' | 'date' | 'instant' | 'count';

export interface ExportColumn<Row> {
  header: Message;
  kind: ExportKind;
  /** Text for `text`, cents or a count for numbers, `YYYY-MM-DD` for `date`, a Date or ISO string for `instant`. */
  value: (row: Row) => string | number | Date | null;
  /** Width in characters in XLSX (default from the kind). */
  width?: number;
}

/** A cell after its kind is applied: what both writers start from. */
export type ExportCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; decimals: 0 | 2 }
  | { kind: 'date'; isoDate: string; clock: string | null }
  | { kind: 'empty' };

/** The most rows one export carries: a larger list is narrowed by its filters first (export.too_many_rows). */
export const EXPORT_MAX_ROWS = 100_000;

export function exportCell<Row>(column: ExportColumn<Row>, row: Row, zone: string): ExportCell {
  const value = column.value(row);
  if (value === null || value === '') return { kind: 'empty' };
  switch (column.kind) {
    case 'text':
      return { kind: 'text', text: String(value) };
    case 'cents':
      return { kind: 'number', value: Number(value) / 100, decimals: 2 };
    case 'count':
      return { kind: 'number', value: Number(value), decimals: 0 };
    case 'date':
      return { kind: 'date', isoDate: String(value).slice(0, 10), clock: null };
    case 'instant': {
      const local = toLocal(zone, new Date(value).getTime());
      return { kind: 'date', isoDate: isoDateOf(local.dayNumber), clock: clockOf(local.minuteOfDay) };
    }
  }
}
