import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';
import { ESTATE_NEXT_ACTIONS, ESTATE_OPTIONS, ESTATE_STEPS, HEIR_OPTIONS, PARTY_ROLES } from './core/estate.js';

export { ESTATE_NEXT_ACTIONS, ESTATE_OPTIONS, ESTATE_STEPS, HEIR_OPTIONS, PARTY_ROLES };

/** A deceased debtor's estate (REGULATION §12): the API's shapes. */

const note = z.string().trim().min(1).max(2000);

export const deathReportBody = z.strictObject({ note });
export const deathProofBody = z.strictObject({
  diedOn: calendarDate.describe('the day of the death, as the certificate says'),
  documentId: z.string().uuid().describe("the death certificate, a document of the case's type death_certificate"),
});
export const estatePartyBody = z
  .strictObject({
    role: z.enum(PARTY_ROLES),
    name: z.string().trim().min(1).max(200),
    contact: z.string().trim().max(500).default(''),
    option: z.enum(HEIR_OPTIONS).optional().describe("an heir's option; not yet chosen when absent"),
  })
  .refine((party) => party.role === 'heir' || party.option === undefined, {
    message: 'only an heir has an option',
    path: ['option'],
  });
export const heirOptionBody = z.strictObject({ option: z.enum(HEIR_OPTIONS) });
export const estateClaimBody = z.strictObject({
  netAssetsPublishedOn: calendarDate
    .nullable()
    .default(null)
    .describe('the day an acceptance up to net assets was published (BODACC): the 15 months run from it'),
});
export const estatePartyParams = z.strictObject({ id: z.string().uuid(), partyId: z.string().uuid() });

const partySchema = z.object({
  id: z.string(),
  role: z.enum(PARTY_ROLES),
  name: z.string(),
  contact: z.string(),
  option: z.enum(HEIR_OPTIONS).nullable(),
  optionOn: z.string().nullable(),
  mayDemand: z.boolean().describe('whether a demand to pay may be made to this party today'),
});

export const estateSchema = z.object({
  caseId: z.string(),
  step: z.enum(ESTATE_STEPS),
  option: z.enum(ESTATE_OPTIONS),
  reportedOn: z.string(),
  diedOn: z.string().nullable(),
  proven: z.boolean(),
  certificateDocumentId: z.string().nullable(),
  optionEndsOn: z.string().nullable(),
  netAssetsPublishedOn: z.string().nullable(),
  claimDeclaredOn: z.string().nullable(),
  claimDeadlineOn: z.string().nullable(),
  next: z.object({ action: z.enum(ESTATE_NEXT_ACTIONS), dueOn: z.string() }),
  caseNext: z.object({ action: z.string(), dueOn: z.string() }).describe("the case's next step (its lifecycle)"),
  heirs: z.object({ known: z.number().int(), undecided: z.number().int(), renounced: z.number().int() }),
  /** The agency's staff only: a creditor user never sees the heirs' or relatives' personal data. */
  parties: z.array(partySchema).nullable(),
});
export const caseEstateSchema = z.object({ estate: estateSchema.nullable() });

export type DeathReportBody = z.infer<typeof deathReportBody>;
export type DeathProofBody = z.infer<typeof deathProofBody>;
export type EstatePartyBody = z.infer<typeof estatePartyBody>;
export type HeirOptionBody = z.infer<typeof heirOptionBody>;
export type EstateClaimBody = z.infer<typeof estateClaimBody>;
export type EstateView = z.infer<typeof estateSchema>;
export type CaseEstate = z.infer<typeof caseEstateSchema>;
