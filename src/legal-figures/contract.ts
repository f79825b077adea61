import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';
import { PROCEDURE_DEADLINES } from '../overindebtedness/core/deadline-rules.js';
import { DEADLINE_KINDS } from '../judicial/core/procedure-lists.js';

/**
 * The API of the specialist procedures' figures of law: their deadlines and the commissaire's proportional fee
 * (A444-32), dated reference data read by every staff member and added to by compliance officers and administrators.
 */

const tag = z.enum(['law', 'check', 'choice']);
const source = z.string().trim().min(2).max(300).describe('the article or text the figure comes from');

const deadlineFields = {
  amount: z.number().int().min(1).max(240),
  unit: z.enum(['days', 'months']),
  movesToWorkingDay: z.boolean().describe('CPC 642: a count ending on a closed day ends on the next working day'),
  tag,
  source,
  validFrom: calendarDate.describe('the first day a count may start with this figure: today or later'),
};

export const deadlineRuleBody = z.discriminatedUnion('procedure', [
  z.strictObject({
    procedure: z.literal('overindebtedness'),
    deadline: z.enum(PROCEDURE_DEADLINES),
    ...deadlineFields,
  }),
  z.strictObject({ procedure: z.literal('judicial'), deadline: z.enum(DEADLINE_KINDS), ...deadlineFields }),
]);

export const deadlineRuleSchema = z.object({
  procedure: z.enum(['overindebtedness', 'judicial']),
  deadline: z.string(),
  amount: z.number().int(),
  unit: z.enum(['days', 'months']),
  movesToWorkingDay: z.boolean(),
  tag,
  source: z.string(),
  validFrom: z.string(),
  /** Whether counts starting today use this row (the latest row started by today). */
  inForce: z.boolean(),
});

const band = z.strictObject({
  uptoCents: z.number().int().min(1).max(100_000_000).nullable().describe('null for the last, open band'),
  rateBp: z.number().int().min(0).max(10_000).describe('the rate in hundredths of a percent'),
});

export const feeTableBody = z.strictObject({
  floorCents: z.number().int().min(0).max(1_000_000).describe('the least fee, and the fee up to floorUptoCents'),
  floorUptoCents: z.number().int().min(0).max(100_000_000),
  capCents: z.number().int().min(0).max(100_000_000),
  bands: z.array(band).min(1).max(12),
  tag: z.enum(['law', 'check']),
  source,
  validFrom: calendarDate,
});

export const feeTableSchema = z.object({
  floorCents: z.number().int(),
  floorUptoCents: z.number().int(),
  capCents: z.number().int(),
  bands: z.array(z.object({ uptoCents: z.number().int().nullable(), rateBp: z.number().int() })),
  tag: z.enum(['law', 'check']),
  source: z.string(),
  validFrom: z.string(),
  inForce: z.boolean(),
});

export const legalFiguresSchema = z.object({
  today: z.string(),
  deadlines: z.array(deadlineRuleSchema),
  feeTables: z.array(feeTableSchema),
});

export type DeadlineRuleBody = z.infer<typeof deadlineRuleBody>;
export type DeadlineRuleView = z.infer<typeof deadlineRuleSchema>;
export type FeeTableBody = z.infer<typeof feeTableBody>;
export type FeeTableView = z.infer<typeof feeTableSchema>;
export type LegalFigures = z.infer<typeof legalFiguresSchema>;
