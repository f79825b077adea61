/** PostgreSQL COPY text format: one line per row, tab-separated, \N for null, backslash escapes. */
const SPECIAL = /[\\\t\n\r]/;

export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyLine(values: readonly (string | number | null)[]): string {
  // Built in place rather than mapped to an array and joined: a row is staged 34 fields at a time, a million times.
  let line = values.length > 0 ? copyField(values[0] ?? null) : '';
  for (let i = 1; i < values.length; i++) line += `\t${copyField(values[i] ?? null)}`;
  return `${line}\n`;
}
