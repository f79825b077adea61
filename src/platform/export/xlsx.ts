import writeXlsxFile, { type Cell, type Row as SheetRow } from 'write-excel-file/node';
import { dayNumberOf, DAY_MS, minutesOf, MINUTE_MS } from '../calendar/local-time.js';
import type { ExportCell, ExportColumn, ExportKind, ExportLocale } from './table.js';
import { exportCell } from './table.js';

const DATE_FORMAT: Record<ExportLocale, string> = { fr: 'dd/mm/yyyy', it: 'dd/mm/yyyy', en: 'yyyy-mm-dd' };
const WIDTH: Record<ExportKind, number> = { text: 24, cents: 14, date: 12, instant: 17, count: 10 };

function sheetCell(cell: ExportCell, locale: ExportLocale): Cell {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'text':
      // A String cell is never evaluated: a text starting with "=" stays text in XLSX.
      return { type: String, value: cell.text };
    case 'number':
      return { type: Number, value: cell.value, format: cell.decimals === 2 ? '#,##0.00' : '0' };
    case 'date': {
      // The wall-clock date and time as a spreadsheet date (it has no zone): built in UTC so nothing shifts it.
      const ms = dayNumberOf(cell.isoDate) * DAY_MS + (cell.clock ? minutesOf(cell.clock) * MINUTE_MS : 0);
      const format = cell.clock ? `${DATE_FORMAT[locale]} hh:mm` : DATE_FORMAT[locale];
      return { type: Date, value: new Date(ms), format };
    }
  }
}

/** The whole workbook (one sheet, the header row frozen) as a Buffer: amounts are numbers, dates are dates. */
export async function xlsxBuffer<Row>(
  columns: ExportColumn<Row>[],
  pages: AsyncIterable<Row[]>,
  options: { locale: ExportLocale; zone: string; sheetName: string; caption?: string },
): Promise<Buffer> {
  // A caption (the list's filters in words) goes in the first cell, an empty row under it, then the header.
  const caption: SheetRow[] = options.caption === undefined ? [] : [[{ type: String, value: options.caption }], [null]];
  const sheet: SheetRow[] = [
    ...caption,
    columns.map((column) => ({ type: String, value: column.header[options.locale], fontWeight: 'bold' as const })),
  ];
  for await (const rows of pages) {
    for (const row of rows) {
      sheet.push(columns.map((column) => sheetCell(exportCell(column, row, options.zone), options.locale)));
    }
  }
  return writeXlsxFile(sheet, {
    sheet: options.sheetName.slice(0, 31),
    stickyRowsCount: caption.length + 1,
    columns: columns.map((column) => ({ width: column.width ?? WIDTH[column.kind] })),
  }).toBuffer();
}
