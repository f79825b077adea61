import { z } from 'zod';
import { calendarDate, idParams } from '../platform/http/schemas.js';
import { REASON_MAX_LENGTH } from '../need-to-know/core/need-to-know.js';
import {
  BINDING_CONSTRAINTS,
  CHOICES,
  EXPENSE_BASES,
  EXPENSE_CATEGORIES,
  FLAGS,
  RESOURCE_TYPES,
} from './core/index.js';

/** The API of affordability: household budgets, their capacity, and the dated reference data. */

/** A real calendar day (1900–2199), the one date schema of the API. */
export const isoDate = calendarDate;

/** A monthly amount in cents: at most 10 million euros, which no household budget reaches. */
const monthlyCents = z.number().int().min(0).max(1_000_000_000);
const figureStatus = z.enum(['law', 'check', 'placeholder']);

export const assessmentBody = z.strictObject({
  date: isoDate,
  household: z.strictObject({
    adults: z.number().int().min(1).max(20),
    children: z.number().int().min(0).max(30),
    dependants: z.number().int().min(0).max(50).describe('dependants in the sense of Code du travail R3252-3'),
  }),
  resources: z.array(z.strictObject({ type: z.enum(RESOURCE_TYPES), amountCents: monthlyCents })).max(50),
  expenses: z
    .array(
      z.strictObject({
        category: z.enum(EXPENSE_CATEGORIES),
        amountCents: monthlyCents.optional().describe('required unless the basis is "standard"'),
        basis: z.enum(EXPENSE_BASES).default('actual'),
      }),
    )
    .max(50),
});

const message = z.object({ fr: z.string(), en: z.string(), it: z.string() });

export const capacityResultSchema = z.object({
  date: z.string(),
  capacityCents: z.number().int(),
  bindingConstraint: z.enum(BINDING_CONSTRAINTS),
  resourcesCents: z.number().int(),
  excludedResourcesCents: z.number().int(),
  seizableShareCents: z.number().int(),
  householdRsaCents: z.number().int(),
  expensesCents: z.number().int(),
  declaredExpensesCents: z.number().int(),
  leftToLiveOnCents: z.number().int(),
  // Budgets recorded before these figures existed do not have them (the web app then shows what they have).
  leftAfterExpensesCents: z.number().int().optional(),
  leftAfterRepaymentCents: z.number().int().optional(),
  floor: z
    .object({
      effectiveFrom: z.string().nullable(),
      amountCents: z.number().int(),
      status: z.enum(['law', 'check', 'placeholder']).nullable(),
    })
    .optional(),
  expenseLines: z
    .array(
      z.object({
        category: z.enum(EXPENSE_CATEGORIES),
        basis: z.enum(EXPENSE_BASES),
        amountCents: z.number().int(),
        allowanceFrom: z.string().nullable(),
      }),
    )
    .optional(),
  trace: z.array(
    z.object({
      step: z.string(),
      source: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('law'), citation: z.string() }),
          z.object({ kind: z.literal('choice'), choice: z.enum(CHOICES) }),
        ])
        .optional()
        .describe('the article of law the step follows, or the agency choice it makes'),
      valueCents: z.number().int(),
      message,
    }),
  ),
  flags: z.array(z.enum(FLAGS)),
  reference: z.object({
    scaleYear: z.number().int(),
    rsaEffectiveFrom: z.string(),
    allowances: z.array(z.object({ category: z.enum(EXPENSE_CATEGORIES), effectiveFrom: z.string() })),
  }),
});

export const assessmentVersionSchema = z.object({
  id: z.string(),
  debtorId: z.string(),
  version: z.number().int(),
  date: z.string(),
  input: z.unknown(),
  result: capacityResultSchema,
  recordedBy: z
    .object({ id: z.string(), displayName: z.string() })
    .nullable()
    .describe('null for a budget the debtor declared on the portal'),
  source: z.enum(['agent', 'portal']),
  recordedAt: z.string(),
});

/** How much of the budgets the reader sees (need-to-know on health lines). */
export const budgetAccessSchema = z.object({
  level: z.enum(['full', 'restricted']),
  basis: z.enum(['care_team', 'case_holder', 'compliance', 'stated_reason']).nullable(),
  reasonAccepted: z.boolean(),
  restrictedLines: z.number().int(),
});

export const assessmentsQuery = z.strictObject({
  reason: z.string().max(REASON_MAX_LENGTH).optional().describe('why a team leader or manager reads the masked lines'),
});
export const assessmentListSchema = z.object({ items: z.array(assessmentVersionSchema), access: budgetAccessSchema });
/** The debtor whose budgets are read or recorded. */
export const debtorParams = idParams;

export const seizureScaleBody = z.strictObject({
  brackets: z
    .array(
      z.strictObject({
        upToCents: z.number().int().min(1).max(1e12).nullable(),
        numerator: z.number().int().min(0).max(100),
        denominator: z.number().int().min(1).max(100),
      }),
    )
    .min(1)
    .max(20),
  upliftPerDependantCents: z.number().int().min(0).max(1e10),
  status: figureStatus,
  source: z.string().trim().min(1).max(500),
});
export const seizureScaleSchema = seizureScaleBody.extend({ year: z.number().int() });

export const rsaAmountsBody = z.strictObject({
  singleCents: monthlyCents.min(1),
  coupleCents: monthlyCents.min(1),
  coupleOneChildCents: monthlyCents.min(1),
  coupleTwoChildrenCents: monthlyCents.min(1),
  furtherPersonCents: monthlyCents.min(1),
  status: figureStatus,
  source: z.string().trim().min(1).max(500),
});
export const rsaAmountsSchema = rsaAmountsBody.extend({ effectiveFrom: z.string() });

export const standardAllowanceBody = z.strictObject({
  baseCents: monthlyCents,
  perExtraPersonCents: monthlyCents,
  status: figureStatus,
  source: z.string().trim().min(1).max(500),
});
export const standardAllowanceSchema = standardAllowanceBody.extend({
  category: z.enum(EXPENSE_CATEGORIES),
  effectiveFrom: z.string(),
});

/** The floor a household keeps after its expenses and the repayment: one person's base, plus each other person. */
export const livingFloorBody = z.strictObject({
  baseCents: monthlyCents,
  perExtraPersonCents: monthlyCents,
  status: figureStatus,
  source: z.string().trim().min(1).max(500),
});
export const livingFloorSchema = livingFloorBody.extend({ effectiveFrom: z.string() });

export const referenceDataSchema = z.object({
  scales: z.array(seizureScaleSchema),
  rsa: z.array(rsaAmountsSchema),
  allowances: z.array(standardAllowanceSchema),
  floors: z.array(livingFloorSchema),
});

export const seizureScaleParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const rsaAmountsParams = z.strictObject({ effectiveFrom: isoDate });
export const livingFloorParams = z.strictObject({ effectiveFrom: isoDate });
export const standardAllowanceParams = z.strictObject({ category: z.enum(EXPENSE_CATEGORIES), effectiveFrom: isoDate });

/** A household budget as a client sends it (the basis of an expense may be left out: "actual"). */
export type BudgetInput = z.input<typeof assessmentBody>;
export type CapacityResultView = z.infer<typeof capacityResultSchema>;
export type AssessmentVersionView = z.infer<typeof assessmentVersionSchema>;
export type BudgetAccessView = z.infer<typeof budgetAccessSchema>;
export type AssessmentList = z.infer<typeof assessmentListSchema>;
export type ReferenceDataView = z.infer<typeof referenceDataSchema>;

/** What the web app's budget and reference-data forms use of the pure core: the lists and the figures' types. */
export { EXPENSE_BASES, EXPENSE_CATEGORIES, RESOURCE_TYPES } from './core/types.js';
export { readSource, type SourceNote, type SourceParts } from './core/source-note.js';
/** The server's texts carry their amounts as parameters in cents, which the reader's page formats in its locale. */
export { sayAmounts } from '../platform/message.js';
export type {
  ExpenseBasis,
  ExpenseCategory,
  FigureStatus,
  LivingFloor,
  ReferenceData,
  ResourceType,
  RsaAmounts,
  ScaleBracket,
  SeizureScale,
  StandardAllowance,
} from './core/types.js';
