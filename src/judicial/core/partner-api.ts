import { z } from 'zod';
import { DEADLINE_KINDS, STATES, STEP_KINDS, type StepKind } from './procedure-lists.js';
import { JUDICIAL_ROUTES as ROUTES } from './route.js';

/**
 * The partner API's shapes (issue 15: "the partner's updates by API or by hand"), pure: a judicial partner's keys as
 * the agency's staff manage them, the procedures a partner handles as it reads them, and its reports (a step it says
 * happened, a payment it collected) posted into the agency's inbox, where a person applies or rejects each one.
 * The judicial contract passes them on, with the report's body (its dates are the API's calendar dates).
 */

/** The steps a partner may report: every step but the end of the procedure (the agency's) and a payment (its own kind). */
export type PartnerStepKind = Exclude<StepKind, 'procedure_ended' | 'partner_payment'>;
export const PARTNER_STEP_KINDS = STEP_KINDS.filter(
  (kind): kind is PartnerStepKind => kind !== 'procedure_ended' && kind !== 'partner_payment',
) as [PartnerStepKind, ...PartnerStepKind[]];

export const PARTNER_REPORT_KINDS = ['step', 'payment'] as const;
export const PARTNER_REPORT_STATUSES = ['pending', 'applied', 'rejected'] as const;
export type PartnerReportKind = (typeof PARTNER_REPORT_KINDS)[number];
export type PartnerReportStatus = (typeof PARTNER_REPORT_STATUSES)[number];

/** A key is `acp_<prefix>_<secret>`: the prefix (8 lowercase letters and digits) names it in lists, the secret is 43 base64url characters. */
export const PARTNER_KEY_PATTERN = /^acp_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

/* The keys, for the agency's staff. */

export const partnerKeyBody = z.strictObject({
  label: z.string().trim().min(1).max(120).describe('what the key is for, e.g. "Étude Martin: logiciel métier"'),
});
export const partnerKeyParams = z.strictObject({ id: z.string().uuid(), keyId: z.string().uuid() });
export const partnerKeySchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  label: z.string(),
  prefix: z.string().describe('the first characters of the key, to tell keys apart; never the secret'),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('who created it, by name'),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const partnerKeyCreatedSchema = partnerKeySchema.extend({
  key: z.string().describe('the whole key, shown this once: Accord keeps only its hash'),
});
export const partnerKeyListSchema = z.object({ items: z.array(partnerKeySchema) });

/* The partner's side: the procedures it handles and its reports. */

export const partnerProcedureSchema = z.object({
  id: z.string().describe('the procedure: the address reports are posted to'),
  caseReference: z.string(),
  debtorName: z.string(),
  route: z.enum(ROUTES),
  state: z.enum(STATES),
  stateSince: z.string(),
  deadlines: z.array(z.object({ kind: z.enum(DEADLINE_KINDS), on: z.string() })),
  reportableSteps: z
    .array(z.enum(PARTNER_STEP_KINDS))
    .describe('the steps the procedure accepts today; a payment may be reported on any open procedure'),
});
export const partnerProcedureListSchema = z.object({ items: z.array(partnerProcedureSchema) });

export const partnerReportSchema = z.object({
  id: z.string(),
  procedureId: z.string(),
  caseId: z.string(),
  externalId: z.string(),
  kind: z.enum(PARTNER_REPORT_KINDS),
  stepKind: z.enum(PARTNER_STEP_KINDS).nullable(),
  /** A service: to the debtor in person or not; null for any other report. */
  inPerson: z.boolean().nullable(),
  occurredOn: z.string().nullable(),
  amountCents: z.number().int().nullable(),
  receivedOn: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string(),
  status: z.enum(PARTNER_REPORT_STATUSES),
  receivedAt: z.string(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable().describe('why the agency rejected it'),
});

/* The agency's inbox. */

export const partnerReportRejectBody = z.strictObject({
  reason: z.string().trim().min(3).max(2000).describe('why, in words the partner is given back'),
});

export type PartnerKeyBody = z.infer<typeof partnerKeyBody>;
export type PartnerKeyView = z.infer<typeof partnerKeySchema>;
export type PartnerKeyCreated = z.infer<typeof partnerKeyCreatedSchema>;
export type PartnerKeyList = z.infer<typeof partnerKeyListSchema>;
export type PartnerProcedure = z.infer<typeof partnerProcedureSchema>;
export type PartnerProcedureList = z.infer<typeof partnerProcedureListSchema>;
export type PartnerReportView = z.infer<typeof partnerReportSchema>;
export type PartnerReportRejectBody = z.infer<typeof partnerReportRejectBody>;
