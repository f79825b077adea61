import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string(),
    requestId: z.string(),
  })
  .passthrough()
  .describe('RFC 9457 problem details; `code` is stable, `detail` says what to fix');

/** Documents the problem responses a route may give, for the OpenAPI description. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<S, typeof problemSchema>;
}

export const pagingQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** A list's export: the same filters as the list, without paging, and the file's format. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportFormatQuery = {
  format: z.enum(EXPORT_FORMATS).describe('csv (UTF-8 with a BOM, for Excel) or xlsx'),
};
/** The answer of an export route: a CSV or XLSX file, described for the OpenAPI document only. */
export const exportFileResponse = z
  .unknown()
  .describe('text/csv; charset=utf-8 or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

/** The calendar dates the API takes: far enough back for birth dates, far enough ahead for any plan or schedule. */
export const CALENDAR_DATE_MIN = '1900-01-01';
export const CALENDAR_DATE_MAX = '2199-12-31';

function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date written `YYYY-MM-DD` that exists (no 30 February, no month 99) and lies between
 * CALENDAR_DATE_MIN and CALENDAR_DATE_MAX: every date the API takes goes through here, so the database never sees
 * a date it refuses.
 */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the YYYY-MM-DD format, e.g. 2026-01-31')
  .refine(isCalendarDay, 'this day does not exist in the calendar: check the month (01 to 12) and the day')
  .refine(
    (value) => value >= CALENDAR_DATE_MIN && value <= CALENDAR_DATE_MAX,
    `use a date from ${CALENDAR_DATE_MIN} to ${CALENDAR_DATE_MAX}`,
  )
  .describe(`a calendar date, YYYY-MM-DD, from ${CALENDAR_DATE_MIN} to ${CALENDAR_DATE_MAX}`);

/** The largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;

/** A positive whole number that fits a PostgreSQL `integer` (version numbers, sequence numbers) in a path or query. */
export const int4Param = z.coerce
  .number()
  .int('use a whole number')
  .min(1, 'use a number from 1')
  .max(INT4_MAX, `use a number up to ${INT4_MAX}`);

/** The path of a resource named by its id. */
export const idParams = z.strictObject({ id: z.string().uuid() });

/** An answer that is a file (PDF, XML), described for the OpenAPI document only. */
export const fileResponse = (mediaType: string) => z.unknown().describe(mediaType);

/** The answer of a 204: no body. */
export const noContent = z.null();
