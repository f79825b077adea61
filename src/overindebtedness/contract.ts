import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';
import {
  ACTS,
  FR_STATES,
  IT_STATES,
  PROCEDURE_ACTIONS,
  PROCEDURE_COUNTRIES,
  PROCEDURE_STATES,
} from './core/procedure.js';
import { PROCEDURE_DEADLINES } from './core/deadline-rules.js';

export { ACTS, FR_STATES, IT_STATES, PROCEDURE_ACTIONS, PROCEDURE_COUNTRIES, PROCEDURE_STATES, PROCEDURE_DEADLINES };

/** The over-indebtedness procedure (REGULATION §2, §10): the API's shapes. */

const documentRef = z.string().trim().min(1).max(200);
const note = z.string().trim().max(2000).default('');

export const filingBody = z.strictObject({
  country: z.enum(PROCEDURE_COUNTRIES).default('FR'),
  /** The day the file was lodged with the commission (or the OCC). */
  filedOn: calendarDate,
  /** The commission's file number. */
  fileReference: z.string().trim().min(1).max(100),
  /** The filing's receipt or the letter that told of it; null when it is still to come. */
  documentRef: documentRef.nullable().default(null),
  note,
});

const instalment = z.strictObject({ dueOn: calendarDate, amountCents: z.number().int().min(1).max(1_000_000_000) });

export const stepBody = z.strictObject({
  state: z.enum(PROCEDURE_STATES),
  /** The day of the letter or decision. */
  on: calendarDate,
  documentRef: documentRef.nullable().default(null),
  note,
  /** For the plan or measures applying: each covered case's schedule, from the commission's decision. */
  schedules: z
    .array(z.strictObject({ caseId: z.string().uuid(), instalments: z.array(instalment).min(1).max(168) }))
    .max(50)
    .default([]),
});

export const documentBody = z.strictObject({ documentRef });

const deadline = z.object({
  deadline: z.enum(PROCEDURE_DEADLINES),
  countEndsOn: z.string(),
  dueOn: z.string(),
  moved: z.boolean(),
  source: z.string(),
  tag: z.enum(['law', 'check', 'choice']),
});

const nextAction = z.object({
  action: z.enum(PROCEDURE_ACTIONS),
  dueOn: z.string(),
  overdue: z.boolean(),
  deadline: z.enum(PROCEDURE_DEADLINES).nullable(),
});

const coveredCase = z.object({
  caseId: z.string(),
  caseReference: z.string(),
  creditorName: z.string(),
  stage: z.string(),
  balanceCents: z.number().int(),
  planId: z.string().nullable(),
  statementTaskId: z.string().nullable(),
});

/** The procedure as staff see it; a creditor user gets the same shape cut to its own cases, without documents or notes. */
export const procedureSchema = z.object({
  id: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  country: z.enum(PROCEDURE_COUNTRIES),
  state: z.enum(PROCEDURE_STATES),
  stateOn: z.string(),
  filedOn: z.string(),
  fileReference: z.string().nullable(),
  steps: z.array(
    z.object({
      state: z.enum(PROCEDURE_STATES),
      on: z.string(),
      documentRef: z.string().nullable(),
      note: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  deadlines: z.array(deadline),
  nextAction: nextAction.nullable(),
  nextStates: z.array(z.enum(PROCEDURE_STATES)),
  allowedActs: z.array(z.enum(ACTS)),
  cases: z.array(coveredCase),
});

export const caseProcedureSchema = z.object({ procedure: procedureSchema.nullable() });

export const queueItemSchema = z.object({
  procedureId: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  creditors: z.array(z.string()),
  caseIds: z.array(z.string()),
  state: z.enum(PROCEDURE_STATES),
  nextAction: nextAction,
});
export const queueSchema = z.object({ items: z.array(queueItemSchema) });

export type FilingBody = z.infer<typeof filingBody>;
export type StepBody = z.infer<typeof stepBody>;
export type ProcedureView = z.infer<typeof procedureSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
