import { z } from 'zod';
import { calendarDate } from '../../platform/http/schemas.js';

/**
 * The care unit's figures (issue 16): no individual's details. A count below the smallest cell (`core/small-cells.ts`)
 * is null, shown as "fewer than N", and so is a share built on it.
 */
export const withheldCount = z.number().int().nullable().describe('null when fewer than `smallestCell`: withheld');

export const careReportQuery = z
  .strictObject({
    from: calendarDate.optional().describe('first day of the period (agency calendar); 30 days before `to` if absent'),
    to: calendarDate.optional().describe('last day of the period, included; today if absent'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'the period must end on or after its first day',
    path: ['to'],
  });

const fragileShare = z.object({
  id: z.string(),
  name: z.string(),
  debtors: z.number().int().describe('debtors with an open case'),
  fragile: withheldCount.describe('of them, with a vulnerability record in force or due for review'),
  shareBasisPoints: z.number().int().nullable(),
});

export const careReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  smallestCell: z.number().int(),
  fragileByCreditor: z.array(fragileShare),
  fragileByTeam: z.array(fragileShare),
  firstCareContact: z.object({
    recorded: withheldCount.describe('records made in the period'),
    contacted: withheldCount.describe('of them, contacted by the care team since'),
    waiting: withheldCount.describe('of them, in force and not yet contacted by the care team'),
    medianHours: z.number().int().nullable().describe('hours from the record to the first care contact (median)'),
  }),
  referrals: z.object({
    proposed: withheldCount,
    sent: withheldCount,
    closed: withheldCount,
    outcomes: z.object({
      helped: withheldCount,
      not_reached: withheldCount,
      refused: withheldCount,
      file_lodged: withheldCount,
    }),
    followUpsOverdue: withheldCount.describe('open referrals whose follow-up day has passed (today)'),
  }),
  reviews: z.object({
    overdue: withheldCount.describe('records whose review day has passed (today)'),
    dueWithinWeek: withheldCount,
  }),
  signals: z.object({
    detected: withheldCount,
    confirmed: withheldCount,
    dismissed: withheldCount,
    open: withheldCount.describe('open today, whenever detected'),
  }),
});

export type CareReport = z.infer<typeof careReportSchema>;
