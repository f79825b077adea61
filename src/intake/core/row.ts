/**
 * One record of an intake file as the validator reads it: its values by column name, each checked once, and every
 * problem found in it, each saying where it is and what to fix. Pure.
 */
import { parseAmountCents } from './amounts.js';
import { columnSpec, isColumnName, normaliseColumnName, suggestColumn, type ColumnName } from './columns.js';
import { parseDate } from './dates.js';
import { cleanText, forbiddenCharacter } from './names.js';
import type { RowError } from './types.js';

export type RawValue = string | number | null | undefined;

/** Longest value kept in an error report. */
export const REPORTED_VALUE_LENGTH = 100;
/** Longest debtor or claim reference. */
export const REFERENCE_LENGTH = 64;

/** A value as shown in a report: text, cut to 100 characters (never inside a surrogate pair). */
export function reportedValue(value: RawValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (text.length <= REPORTED_VALUE_LENGTH) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(REPORTED_VALUE_LENGTH - 1))
    ? REPORTED_VALUE_LENGTH - 1
    : REPORTED_VALUE_LENGTH;
  return text.slice(0, cut);
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Collects the problems of one row and reads its values, each column checked once. */
export class Row {
  readonly errors: RowError[] = [];
  /** The values by column name: the record itself when its keys are already column names (the usual case). */
  private readonly values: Record<string, RawValue>;

  constructor(
    record: Record<string, RawValue>,
    readonly line: number,
  ) {
    let canonical = true;
    for (const key in record) {
      if (!isColumnName(key)) {
        canonical = false;
        break;
      }
    }
    if (canonical) {
      this.values = record;
      return;
    }
    this.values = {};
    for (const [key, value] of Object.entries(record)) {
      if (value === undefined) continue;
      const name = normaliseColumnName(key);
      if (!isColumnName(name)) {
        const suggestion = suggestColumn(name);
        this.fail(
          key,
          value,
          'column.unknown',
          `"${key}" is not a column of the intake format${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: rename or remove it`,
        );
      } else if (hasOwn(this.values, name)) {
        this.fail(key, value, 'column.duplicate', `the column "${name}" is given twice: keep one`);
      } else {
        this.values[name] = value;
      }
    }
  }

  has(column: ColumnName): boolean {
    return hasOwn(this.values, column);
  }

  fail(column: string, value: RawValue, code: string, message: string): void {
    this.errors.push({ line: this.line, column, value: reportedValue(value), code, message });
  }

  raw(column: ColumnName): RawValue {
    return hasOwn(this.values, column) ? this.values[column] : undefined;
  }

  /**
   * The cleaned text of a column ('' when blank or absent), or null when the value was refused (an invisible
   * character, too long), the problem being recorded.
   */
  text(column: ColumnName): string | null {
    const raw = this.raw(column);
    if (raw === null || raw === undefined) return '';
    const original = String(raw);
    const bad = forbiddenCharacter(original);
    if (bad) {
      this.fail(column, raw, 'text.invalid_character', `the value contains ${bad}: remove it`);
      return null;
    }
    const text = cleanText(original);
    const max = columnSpec(column).maxLength;
    // Code units bound code points from above: count the latter only when the former are too many.
    if (max !== null && text.length > max && [...text].length > max) {
      this.fail(
        column,
        raw,
        'text.too_long',
        `the value has ${[...text].length} characters; at most ${max} are accepted`,
      );
      return null;
    }
    return text;
  }

  /** Text that must be there; records 'required' (saying whether the column or only the value is missing). */
  required(column: ColumnName, why: string): string | null {
    const text = this.text(column);
    if (text === '') {
      const absent = !this.has(column);
      this.fail(
        column,
        this.raw(column),
        'required',
        absent ? `the file has no "${column}" column, which ${why} needs` : `"${column}" is required for ${why}`,
      );
      return null;
    }
    return text;
  }

  /** Text that is '' or null (refused) → null; otherwise the text. */
  optional(column: ColumnName): string | null {
    const text = this.text(column);
    return text === '' ? null : text;
  }

  /** One value among a list (case-insensitive); blank gives the default. */
  choice<T extends string>(column: ColumnName, allowed: readonly T[], fallback: T | null, why: string): T | null {
    const text = fallback === null ? this.required(column, why) : this.text(column);
    if (text === null) return null;
    if (text === '') return fallback;
    const value = text.toLowerCase();
    const found = allowed.find((a) => a === value);
    if (!found) this.fail(column, this.raw(column), `${column}.invalid`, `write one of: ${allowed.join(', ')}`);
    return found ?? null;
  }

  /**
   * A reference: 1 to 64 printable characters, kept exactly as written apart from surrounding spaces, so the
   * same file always finds the same debtors and claims.
   */
  reference(column: ColumnName): string | null {
    const raw = this.raw(column);
    const original = raw === null || raw === undefined ? '' : String(raw);
    const bad = forbiddenCharacter(original) ?? (/[\t\n\r]/.test(original.trim()) ? 'a tab or a line break' : null);
    if (bad) {
      this.fail(
        column,
        raw,
        'text.invalid_character',
        `the value contains ${bad}: a reference is printable characters only`,
      );
      return null;
    }
    const reference = original.trim();
    if (reference === '') return this.required(column, 'every row');
    const length = [...reference].length;
    if (length > REFERENCE_LENGTH) {
      this.fail(
        column,
        raw,
        'text.too_long',
        `the reference has ${length} characters; at most ${REFERENCE_LENGTH} are accepted`,
      );
      return null;
    }
    return reference;
  }

  date(column: ColumnName, today: string, why: string | null): string | null {
    const text = why === null ? this.text(column) : this.required(column, why);
    if (!text) return null;
    const parsed = parseDate(text);
    if (!parsed.ok) {
      this.fail(column, this.raw(column), parsed.code, parsed.message);
      return null;
    }
    if (parsed.date > today) {
      this.fail(column, this.raw(column), 'date.future', `the date is after today (${today}): check the year`);
      return null;
    }
    return parsed.date;
  }

  amount(column: ColumnName, required: boolean): number | null {
    const raw = this.raw(column);
    const blank = raw === null || raw === undefined || (typeof raw === 'string' && cleanText(raw) === '');
    if (blank) {
      if (!required) return 0;
      this.required(column, 'a placement');
      return null;
    }
    const parsed = parseAmountCents(raw);
    if (!parsed.ok) {
      this.fail(column, raw, parsed.code, parsed.message);
      return null;
    }
    return parsed.cents;
  }
}
