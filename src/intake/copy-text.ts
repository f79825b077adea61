/** PostgreSQL COPY text format: one line per row, tab-separated, \N for null, backslash escapes. */
const SPECIAL = /[\\\t\n\r]/;

export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyLine(values: readonly (string | number | null)[]): string {
  // Joined, not concatenated field by field: `+=` leaves each line a rope of 68 pieces until it is flattened, and
  // two batches of 20,000 such lines took an import of 1,000,000 rows from 397 to 595 MB.
  return `${values.map(copyField).join('\t')}\n`;
}
