import { z } from 'zod';
import { payingSchema } from './payments/contract.js';
import { calendarDate } from '../platform/http/schemas.js';
import { COMPLAINT_SUBJECTS } from '../complaints/core/lists.js';
import { ACCESS_CODE_LENGTH } from './core/access.js';
import { DISPUTE_GROUNDS } from '../disputes/contract.js';
import type { MediaType } from '../documents/contract.js';

/** The debtor portal's API (`/api/portal/v1`, docs/portal.md): its own sessions, the person's cases only. */

export const PORTAL_LANGUAGES = ['fr', 'en', 'it'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

export const signInBody = z.strictObject({
  /** As printed on the letter: spaces, dashes, lower case and the letters O, I, L read as figures are accepted. */
  accessCode: z.string().trim().min(ACCESS_CODE_LENGTH).max(20),
  /** The birth date on file; when the file has none (a company), the postcode of the letters instead. */
  birthDate: calendarDate.optional(),
  postcode: z.string().trim().min(2).max(12).optional(),
});

export const destinationSchema = z.object({
  id: z.string().uuid(),
  channel: z.enum(['sms', 'email']),
  /** Masked: the last two digits of a phone, the first letter and the domain of an e-mail address. */
  masked: z.string(),
});

export const signInStartedSchema = z.object({
  challengeId: z.string().uuid(),
  destinations: z.array(destinationSchema),
});

export const sendCodeBody = z.strictObject({
  challengeId: z.string().uuid(),
  contactPointId: z.string().uuid(),
});

export const codeSentSchema = z.object({
  sentTo: destinationSchema,
  expiresAt: z.string().datetime(),
});

export const verifyCodeBody = z.strictObject({
  challengeId: z.string().uuid(),
  code: z.string().trim().min(6).max(12),
});

const caseSummarySchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  creditorName: z.string(),
  status: z.enum(['open', 'on_hold', 'closed']),
  balanceCents: z.number().int(),
  currency: z.string(),
  /** The procedure engaged, in one sentence. */
  procedure: z.string(),
});
export type PortalCaseSummary = z.infer<typeof caseSummarySchema>;

export const portalMeSchema = z.object({
  firstName: z.string().nullable(),
  language: z.enum(PORTAL_LANGUAGES),
  csrfToken: z.string(),
  /** When the session ends at the latest (it ends earlier when left unused). */
  endsAt: z.string().datetime(),
  cases: z.array(caseSummarySchema),
  /** The organisations the care team proposed to the person, with their consent, to help them: how to reach each. */
  help: z.array(
    z.object({
      organisation: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      website: z.string().nullable(),
      address: z.string().nullable(),
      proposedOn: z.string(),
    }),
  ),
  agency: z.object({
    name: z.string(),
    phone: z.string(),
    address: z.array(z.string()),
    /** When the agency answers the phone, in words. */
    hours: z.string(),
    /** The agency's clock, in which callbacks are booked. */
    timeZone: z.string(),
  }),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

export const portalClaimSchema = z.object({
  reference: z.string(),
  contractType: z.string(),
  originalCreditor: z.string().nullable(),
  defaultOn: z.string(),
  principalCents: z.number().int(),
  interestCents: z.number().int(),
  feesCents: z.number().int(),
  settledCents: z.number().int(),
  balanceCents: z.number().int(),
  /** The last day the claim can be pursued in court, when it is near or passed. */
  timeBar: z.object({ status: z.enum(['approaching', 'time_barred']), lastDay: z.string() }).nullable(),
});

/**
 * Where a dispute stands for the person: being checked (collection paused), or decided: the debt confirmed
 * (collection resumes), corrected, or the case closed; joined to an earlier one on the same contract and grounds.
 */
export const PORTAL_DISPUTE_STATES = ['being_checked', 'confirmed', 'corrected', 'closed', 'joined'] as const;

export const portalCaseSchema = caseSummarySchema.extend({
  mandateKind: z.enum(['collection', 'purchased']),
  /** Why the agency writes, in one sentence. */
  why: z.string(),
  openedOn: z.string(),
  firstLetter: z.object({ sentOn: z.string(), reference: z.string().nullable() }).nullable(),
  claims: z.array(portalClaimSchema),
  totals: z.object({
    principalCents: z.number().int(),
    interestCents: z.number().int(),
    feesCents: z.number().int(),
    paidCents: z.number().int(),
    balanceCents: z.number().int(),
  }),
  standing: z.object({
    procedure: z.string(),
    next: z.string(),
    ifNoSolution: z.string(),
    facts: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
  plan: z
    .object({
      status: z.string(),
      nextInstalment: z.object({ dueOn: z.string(), amountCents: z.number().int() }).nullable(),
    })
    .nullable(),
  letters: z.array(z.object({ id: z.string().uuid(), fileName: z.string(), sentAt: z.string().datetime() })),
  payments: z.array(
    z.object({
      id: z.string().uuid(),
      receiptNumber: z.string(),
      receivedOn: z.string(),
      amountCents: z.number().int(),
      channel: z.string(),
    }),
  ),
  /** How the person can pay: by card (when set up), by bank transfer with the case's RF reference. */
  paying: payingSchema,
  callbacks: z.array(z.object({ id: z.string().uuid(), at: z.string().datetime() })),
  declarations: z.array(z.object({ kind: z.string(), declaredAt: z.string().datetime() })),
  /** The person's disputes on this case, where each stands in their words (never the staff's notes). */
  disputes: z.array(
    z.object({
      grounds: z.enum(DISPUTE_GROUNDS),
      claimReference: z.string(),
      openedAt: z.string().datetime(),
      state: z.enum(PORTAL_DISPUTE_STATES),
      decidedAt: z.string().datetime().nullable(),
    }),
  ),
});
export type PortalCase = z.infer<typeof portalCaseSchema>;

export const langQuery = z.strictObject({ lang: z.enum(PORTAL_LANGUAGES).optional() });

export const DIFFICULTY_KINDS = ['job_loss', 'illness', 'bereavement', 'separation', 'other'] as const;
export type DifficultyKind = (typeof DIFFICULTY_KINDS)[number];

export const difficultyBody = z.strictObject({
  kind: z.enum(DIFFICULTY_KINDS),
  note: z.string().trim().min(1).max(1000).optional(),
  /** The person agrees that what they declare is used to adapt how their file is handled: required. */
  consent: z.literal(true),
});

/** A day and a time on the agency's clock (the page says which): the server turns them into an instant. */
export const callbackBody = z.strictObject({
  day: calendarDate,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export const callbackSchema = z.object({ id: z.string().uuid(), at: z.string().datetime() });

const dayKey = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const preferencesBody = z.strictObject({
  channels: z
    .array(z.enum(['phone', 'sms', 'email', 'letter']))
    .min(1)
    .max(4)
    .nullable(),
  windows: z
    .array(z.strictObject({ days: z.array(dayKey).min(1).max(7), from: clock, to: clock }))
    .max(7)
    .nullable(),
});
export const preferencesSchema = z.object({
  channels: z.array(z.string()).nullable(),
  windows: z.array(z.object({ days: z.array(z.string()), from: z.string(), to: z.string() })).nullable(),
});

export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];
export const PORTAL_COMPLAINT_SUBJECTS = COMPLAINT_SUBJECTS;

export const complaintBody = z.strictObject({
  subject: z.enum(COMPLAINT_SUBJECTS),
  /** What went wrong, in the person's words. */
  summary: z.string().trim().min(10).max(4000),
});

/** A complaint registered: its reference and the days by which the agency acknowledges and answers it. */
export const complaintFiledSchema = z.object({
  reference: z.string(),
  acknowledgeBy: z.string(),
  answerBy: z.string(),
});
export type ComplaintFiled = z.infer<typeof complaintFiledSchema>;

/** What the person may dispute a claim on: the grounds the agency's own dispute form offers. */
export const PORTAL_DISPUTE_GROUNDS = DISPUTE_GROUNDS;

export const portalDisputeBody = z.strictObject({
  /** The contract disputed, by the reference the file shows. */
  claimReference: z.string().trim().min(1).max(100),
  grounds: z.enum(DISPUTE_GROUNDS),
  /** Why, in the person's words. */
  note: z.string().trim().min(10).max(2000),
  /** Documents the person sent on this file first (`POST …/documents`). */
  documentIds: z.array(z.string().uuid()).max(5).default([]),
});
export const portalDisputeRecordedSchema = z.object({
  id: z.string().uuid(),
  claimReference: z.string(),
  grounds: z.enum(DISPUTE_GROUNDS),
  /** The day by which the creditor must send its evidence. */
  evidenceDueOn: z.string(),
  documents: z.number().int(),
});
export type PortalDisputeRecorded = z.infer<typeof portalDisputeRecordedSchema>;

/** The files the portal accepts from the person (read from their bytes), and how large. */
export const PORTAL_DOCUMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
] as const satisfies readonly MediaType[];
export const PORTAL_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The content types the document route takes as a raw body (the type kept is always the one read from the bytes). */
export const PORTAL_UPLOAD_CONTENT_TYPES = [...PORTAL_DOCUMENT_TYPES, 'application/octet-stream'] as const;

export const portalDocumentQuery = z.strictObject({
  /** The file's name on the person's phone or computer: kept as metadata only. */
  fileName: z.string().min(1).max(255),
});
export const portalDocumentReceivedSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
});
export type PortalDocumentReceived = z.infer<typeof portalDocumentReceivedSchema>;

/** The person's contact details as the agency holds them: the letters' address and the phone numbers known. */
export const contactDetailsSchema = z.object({
  address: z
    .object({
      lines: z.array(z.string()),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
      givenByYou: z.boolean(),
    })
    .nullable(),
  phones: z.array(z.object({ masked: z.string(), verified: z.boolean(), givenByYou: z.boolean() })),
});
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

export const PORTAL_ADDRESS_COUNTRIES = ['FR', 'IT'] as const;
export const addressBody = z.strictObject({
  line1: z.string().trim().min(3).max(100),
  line2: z.string().trim().max(100).default(''),
  postalCode: z.string().trim().min(4).max(10),
  city: z.string().trim().min(1).max(80),
  country: z.enum(PORTAL_ADDRESS_COUNTRIES),
});
export const PHONE_USAGES = ['mobile', 'home', 'work'] as const;
export const phoneBody = z.strictObject({
  number: z.string().trim().min(6).max(30),
  usage: z.enum(PHONE_USAGES),
});
