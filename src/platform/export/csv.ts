import type { ExportCell, ExportColumn, ExportLocale } from './table.js';
import { exportCell } from './table.js';

/** Excel reads a UTF-8 file as UTF-8 only when it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';

/** A text starting with one of these is a formula to a spreadsheet (CSV injection): it is written as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The separators a spreadsheet of that language expects: French and Italian use the comma for decimals. */
export function csvDialect(locale: ExportLocale): { separator: string; decimal: string } {
  return locale === 'en' ? { separator: ',', decimal: '.' } : { separator: ';', decimal: ',' };
}

/** One field: formula-proofed (a leading apostrophe), quoted when it holds a separator, a quote or a line break. */
export function csvField(text: string, separator: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cellText(cell: ExportCell, decimal: string): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      // Written by us from a number, never from input: no formula check, and a negative amount stays a number.
      return cell.value.toFixed(cell.decimals).replace('.', decimal);
    case 'date':
      return cell.clock ? `${cell.isoDate} ${cell.clock}` : cell.isoDate;
  }
}

/** The CSV's lines (CRLF, as RFC 4180 says), the header first (after the caption, if any), the BOM before it; rows are pulled page by page. */
export async function* csvLines<Row>(
  columns: ExportColumn<Row>[],
  pages: AsyncIterable<Row[]>,
  options: { locale: ExportLocale; zone: string; caption?: string },
): AsyncGenerator<string> {
  const { separator, decimal } = csvDialect(options.locale);
  const line = (fields: string[]) => fields.join(separator) + '\r\n';
  // A caption (the list's filters in words) is one field on the first line, then an empty line, then the header.
  const caption = options.caption === undefined ? '' : line([csvField(options.caption, separator)]) + '\r\n';
  yield CSV_BOM + caption + line(columns.map((column) => csvField(column.header[options.locale], separator)));
  for await (const rows of pages) {
    let chunk = '';
    for (const row of rows) {
      chunk += line(
        columns.map((column) => {
          const cell = exportCell(column, row, options.zone);
          const text = cellText(cell, decimal);
          return cell.kind === 'text' ? csvField(text, separator) : text;
        }),
      );
    }
    if (chunk) yield chunk;
  }
}
