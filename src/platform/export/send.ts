import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { agencyToday } from '../calendar/today.js';
import { AppError } from '../errors.js';
import type { Message } from '../message.js';
import { csvLines } from './csv.js';
import type { ExportColumn, ExportFormat, ExportLocale } from './table.js';
import { EXPORT_MAX_ROWS } from './table.js';
import { xlsxBuffer } from './xlsx.js';

/** One page of a list, read by the service that serves the list, with the list's filters. */
export type ReadPage<Row> = (paging: { limit: number; offset: number }) => Promise<{ items: Row[]; hasMore: boolean }>;

/** What an export gave out: the rows read into the file, and whether the whole list went (a CSV may be cut off). */
export interface ExportSent {
  rows: number;
  completed: boolean;
}

/**
 * Who asks and how: the format, the reader's language, the agency's zone (instants on its clock), the moment, and how
 * the export is recorded (the audit entry, written before the file's last rows leave; see `sendExport`).
 */
export interface ExportContext {
  format: ExportFormat;
  locale: ExportLocale;
  zone: string;
  now: Date;
  record: (sent: ExportSent) => Promise<void>;
}

export function exportContext(
  deps: { config: { AGENCY_TZ: string }; now: () => Date },
  reader: { locale: ExportLocale },
  format: ExportFormat,
  record: (sent: ExportSent) => Promise<void>,
): ExportContext {
  return { format, locale: reader.locale, zone: deps.config.AGENCY_TZ, now: deps.now(), record };
}

export interface ExportTable<Row> {
  /** The file's name before its date (`cases` → `cases-2026-03-02.csv`) and the sheet's name in each language. */
  fileStem: string;
  title: Message;
  columns: ExportColumn<Row>[];
  readPage: ReadPage<Row>;
  /** What the list holds in words (its filters), written above the header in each language; none for most lists. */
  caption?: Message;
}

const EXPORT_PAGE_ROWS = 1000;

const MEDIA_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A list read whole by its service (a period's payments, the team queues) as pages. */
export function pagesOf<Row>(load: () => Promise<Row[]>): ReadPage<Row> {
  let rows: Promise<Row[]> | null = null;
  return async ({ limit, offset }) => {
    rows ??= load();
    const all = await rows;
    return { items: all.slice(offset, offset + limit), hasMore: offset + limit < all.length };
  };
}

/**
 * A list its service reads in order by keyset (the audit trail) as pages: the rows are pulled once, in order, and
 * kept until the page that asks for them. (The size check pulls up to EXPORT_MAX_ROWS + 1 before the first byte.)
 */
export function pagesInOrder<Row>(rows: AsyncIterator<Row>): ReadPage<Row> {
  const pulled: Row[] = [];
  let ended = false;
  return async ({ limit, offset }) => {
    while (!ended && pulled.length <= offset + limit) {
      const next = await rows.next();
      if (next.done) ended = true;
      else pulled.push(next.value);
    }
    return { items: pulled.slice(offset, offset + limit), hasMore: pulled.length > offset + limit };
  };
}

/**
 * Every page of the list, recorded once: when the last page has been read, before its rows are written (so a failure
 * to record fails the export), or, when the reader goes away or a read fails first, with the rows read so far.
 */
async function* everyPage<Row>(readPage: ReadPage<Row>, record: ExportContext['record']): AsyncGenerator<Row[]> {
  let rows = 0;
  let recorded = false;
  try {
    for (let offset = 0; ; offset += EXPORT_PAGE_ROWS) {
      const page = await readPage({ limit: EXPORT_PAGE_ROWS, offset });
      rows += page.items.length;
      if (!page.hasMore) {
        recorded = true;
        await record({ rows, completed: true });
        yield page.items;
        return;
      }
      yield page.items;
    }
  } finally {
    if (!recorded && rows > 0) await record({ rows, completed: false });
  }
}

/**
 * Sends a list as a file: CSV streamed page by page as the service reads them, XLSX built whole then sent. A list
 * longer than EXPORT_MAX_ROWS is refused before the first byte, so a file is never cut short without a word. Every
 * export that gives out a row is recorded through `context.record` (the caller's audit entry).
 */
export async function sendExport<Row>(
  reply: FastifyReply,
  context: ExportContext,
  table: ExportTable<Row>,
): Promise<FastifyReply> {
  const beyond = await table.readPage({ limit: 1, offset: EXPORT_MAX_ROWS });
  if (beyond.items.length > 0) {
    throw new AppError(
      'export.too_many_rows',
      422,
      `This list has more than ${EXPORT_MAX_ROWS} rows: narrow its filters (a period, a creditor, a stage) and export again.`,
      { maxRows: EXPORT_MAX_ROWS },
    );
  }
  const fileName = `${table.fileStem}-${agencyToday(context.now, { AGENCY_TZ: context.zone })}.${context.format}`;
  reply
    .type(MEDIA_TYPE[context.format])
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store');
  const options = { locale: context.locale, zone: context.zone, caption: table.caption?.[context.locale] };
  if (context.format === 'csv') {
    return reply.send(Readable.from(csvLines(table.columns, everyPage(table.readPage, context.record), options)));
  }
  const sheetName = table.title[context.locale];
  return reply.send(
    await xlsxBuffer(table.columns, everyPage(table.readPage, context.record), { ...options, sheetName }),
  );
}
