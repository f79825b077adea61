import { z } from 'zod';
import { calendarDate, exportFormatQuery, pagingQuery } from '../platform/http/schemas.js';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECTS,
  DEADLINE_STATUSES,
  ROOT_CAUSES,
} from './core/lists.js';

/** The API of complaints: registering one on a case, handling it, and the register of complaints and measures. */

export {
  COMPLAINT_CHANNELS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECTS,
  DEADLINE_STATUSES,
  ROOT_CAUSES,
};
export type {
  ComplaintChannel,
  ComplaintOutcome,
  ComplaintStatus,
  ComplaintSubject,
  DeadlineStatus,
  RootCause,
} from './core/lists.js';

export const registerComplaintBody = z.strictObject({
  channel: z.enum(COMPLAINT_CHANNELS),
  subject: z.enum(COMPLAINT_SUBJECTS),
  /** What the person said, in their words or close to them. */
  summary: z.string().trim().min(1).max(4000),
  /** The day it was received (a letter's arrival, a call's day); defaults to today. */
  receivedOn: calendarDate.optional(),
  /**
   * Contacts it is about. A complaint about contact frequency is linked in any case to the debtor's contacts of the
   * 30 days before it, each with the contact policy's decision kept when it was recorded.
   */
  contactIds: z.array(z.uuid()).max(100).optional(),
});

export const answerComplaintBody = z.strictObject({
  outcome: z.enum(COMPLAINT_OUTCOMES),
  answer: z.string().trim().min(1).max(8000),
  rootCause: z.enum(ROOT_CAUSES),
  /** What the agency changes because of it (a rule tightened, a coaching session): the register's "measures". */
  measures: z.string().trim().max(4000).optional(),
});

export const closeComplaintBody = z.strictObject({
  /** The person took the complaint to the mediator after the answer. */
  referredToMediator: z.boolean().default(false),
});

export const mediatorSchema = z.object({
  name: z.string(),
  address: z.string(),
  website: z.string().nullable(),
  email: z.string().nullable(),
});

export const linkedContactSchema = z.object({
  id: z.string(),
  at: z.string(),
  channel: z.string(),
  direction: z.string(),
  outcome: z.string(),
  /** The contact policy's decision when the contact was recorded. */
  policyVersion: z.number().int(),
  allowed: z.boolean(),
  overridden: z.boolean(),
});

export const complaintSchema = z.object({
  id: z.string(),
  reference: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  creditorName: z.string(),
  debtorName: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  subject: z.enum(COMPLAINT_SUBJECTS),
  summary: z.string(),
  receivedOn: calendarDate,
  country: z.enum(['FR', 'IT']),
  acknowledgeBy: calendarDate,
  answerBy: calendarDate,
  status: z.enum(COMPLAINT_STATUSES),
  acknowledgedOn: calendarDate.nullable(),
  answeredOn: calendarDate.nullable(),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
  answer: z.string().nullable(),
  rootCause: z.enum(ROOT_CAUSES).nullable(),
  measures: z.string().nullable(),
  /** The mediator named in the answer (every refusal, whole or partial, names one). */
  mediator: mediatorSchema.nullable(),
  closedOn: calendarDate.nullable(),
  deadline: z.object({
    acknowledgement: z.enum(DEADLINE_STATUSES),
    answer: z.enum(DEADLINE_STATUSES),
    current: z.enum(DEADLINE_STATUSES),
  }),
  registeredBy: z.string().nullable(),
  registeredAt: z.string(),
  contacts: z.array(linkedContactSchema),
});
export const complaintListSchema = z.object({ items: z.array(complaintSchema) });

const registerFilter = {
  status: z.enum([...COMPLAINT_STATUSES, 'open']).optional(),
  subject: z.enum(COMPLAINT_SUBJECTS).optional(),
  deadline: z.enum(DEADLINE_STATUSES).optional(),
  rootCause: z.enum(ROOT_CAUSES).optional(),
  creditorId: z.uuid().optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
};
export const complaintRegisterQuery = z.strictObject({ ...registerFilter, ...pagingQuery });
export const complaintExportQuery = z.strictObject({ ...registerFilter, ...exportFormatQuery });
export const complaintPageSchema = z.object({
  items: z.array(complaintSchema),
  total: z.number().int(),
  /** Counts of the filtered register by the deadline that matters now. */
  byDeadline: z.record(z.enum(DEADLINE_STATUSES), z.number().int()),
});

export type RegisterComplaintBody = z.infer<typeof registerComplaintBody>;
export type AnswerComplaintBody = z.infer<typeof answerComplaintBody>;
export type CloseComplaintBody = z.infer<typeof closeComplaintBody>;
export type ComplaintView = z.infer<typeof complaintSchema>;
export type ComplaintList = z.infer<typeof complaintListSchema>;
export type ComplaintRegisterQuery = z.infer<typeof complaintRegisterQuery>;
export type ComplaintRegisterFilter = Omit<ComplaintRegisterQuery, 'limit' | 'offset'>;
export type ComplaintExportQuery = z.infer<typeof complaintExportQuery>;
export type ComplaintPage = z.infer<typeof complaintPageSchema>;
export type MediatorView = z.infer<typeof mediatorSchema>;

/** The sectors a mediator may serve (a creditor's sector picks its mediator when the creditor has none of its own). */
export const MEDIATOR_SECTORS = ['bank', 'consumer_credit', 'energy', 'housing', 'other', 'telecom'] as const;
export const MEDIATOR_COUNTRIES = ['FR', 'IT'] as const;

/**
 * A mediator's details from a date, for one scope: a creditor's own, else a sector's, else the country's. Saving the
 * same scope and day again corrects that row; another day adds a row, in force from it.
 */
export const mediatorBody = z
  .strictObject({
    country: z.enum(MEDIATOR_COUNTRIES),
    creditorId: z.string().uuid().nullable().default(null).describe("a creditor's own mediator; null for a sector's"),
    sector: z.enum(MEDIATOR_SECTORS).nullable().default(null).describe("a sector's mediator; null for the country's"),
    name: z.string().trim().min(1).max(200),
    address: z.string().trim().min(1).max(500),
    website: z
      .string()
      .trim()
      .max(300)
      .regex(/^https?:\/\/\S+$/, 'a web address (https://…)')
      .nullable()
      .default(null),
    email: z.string().trim().max(300).email().nullable().default(null),
    validFrom: calendarDate.describe('the day the details are in force from: today or later'),
  })
  .refine((body) => !(body.creditorId && body.sector), {
    message: "a creditor's own mediator has no sector",
    path: ['sector'],
  });

export const mediatorRowSchema = z.object({
  id: z.string(),
  country: z.enum(MEDIATOR_COUNTRIES),
  creditorId: z.string().nullable(),
  creditorName: z.string().nullable(),
  sector: z.enum(MEDIATOR_SECTORS).nullable(),
  name: z.string(),
  address: z.string(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  validFrom: z.string(),
  /** The row a refusal names today for its scope (the latest of its scope on or before today). */
  inForce: z.boolean(),
  /** Later than today: in force from its day. */
  upcoming: z.boolean(),
});

export const mediatorListSchema = z.object({
  items: z.array(mediatorRowSchema),
  /** The agency's today, the first day a change may apply from (the browser's own day may differ). */
  today: calendarDate,
});

export type MediatorBody = z.input<typeof mediatorBody>;
export type MediatorRow = z.infer<typeof mediatorRowSchema>;
export type MediatorList = z.infer<typeof mediatorListSchema>;
