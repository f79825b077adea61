import { z } from 'zod';
import { calendarDate } from '../../platform/http/schemas.js';
import {
  COVERAGES,
  DIRECTORY_COUNTRIES,
  HELPS_WITH,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  SENT_HOW,
} from '../core/vocabulary.js';
import { departmentsOf, regionsOf } from './core/areas.js';

export { COVERAGES, DIRECTORY_COUNTRIES, HELPS_WITH, REFERRAL_OUTCOMES, REFERRAL_STATUSES, SENT_HOW };
export { departmentsOf, regionsOf };
export type { HelpsWith, ReferralOutcome, SentHow } from '../core/vocabulary.js';

/**
 * The care unit's organisations directory and referrals (REGULATION §4 CCD2 art. 36, §5): the API's shapes. A
 * referral reveals a vulnerability: its details reach only readers with need-to-know (src/need-to-know).
 */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((value) => (value === null || value === '' ? null : value));

export const organisationBody = z
  .strictObject({
    country: z.enum(DIRECTORY_COUNTRIES),
    name: z.string().trim().min(1).max(200),
    helpsWith: z
      .array(z.enum(HELPS_WITH))
      .min(1, 'say what the organisation helps with')
      .max(HELPS_WITH.length)
      .refine((list) => new Set(list).size === list.length, 'name each kind of help once'),
    coverage: z.enum(COVERAGES),
    area: optionalText(40).describe(
      'null when national; the INSEE département (France) or province abbreviation (Italy) for a département, the INSEE region code (France) or region name (Italy) for a region',
    ),
    phone: optionalText(40).refine(
      (value) => value === null || value.length >= 3,
      'a phone number has 3 characters or more',
    ),
    email: optionalText(200).refine(
      (value) => value === null || /^[^@\s]+@[^@\s]+$/.test(value),
      'write an e-mail address, e.g. contact@example.org',
    ),
    website: optionalText(300).refine(
      (value) => value === null || /^https?:\/\//.test(value),
      'write the address from http:// or https://',
    ),
    address: optionalText(300),
    description: optionalText(1000),
    active: z.boolean().default(true),
  })
  .superRefine((body, ctx) => {
    if (body.coverage === 'national' && body.area !== null)
      ctx.addIssue({ code: 'custom', path: ['area'], message: 'a national organisation has no area: leave it empty' });
    if (body.coverage !== 'national') {
      const known = body.coverage === 'region' ? regionsOf(body.country) : departmentsOf(body.country);
      if (body.area === null || !known.includes(body.area))
        ctx.addIssue({
          code: 'custom',
          path: ['area'],
          message:
            body.coverage === 'region'
              ? 'name the region: its INSEE code in France (e.g. 44), its name in Italy (e.g. Lombardia)'
              : 'name the département (France, e.g. 75) or the province (Italy, e.g. MI)',
        });
    }
    if (!body.phone && !body.email && !body.website && !body.address)
      ctx.addIssue({
        code: 'custom',
        path: ['website'],
        message: 'give at least one way to reach it: phone, e-mail, website or address',
      });
  });

export const organisationQuery = z.strictObject({
  country: z.enum(DIRECTORY_COUNTRIES).optional(),
  helpsWith: z.enum(HELPS_WITH).optional(),
  area: z.string().trim().min(1).max(40).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const organisationSchema = z.object({
  id: z.string(),
  country: z.enum(DIRECTORY_COUNTRIES),
  name: z.string(),
  helpsWith: z.array(z.enum(HELPS_WITH)),
  coverage: z.enum(COVERAGES),
  area: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export const organisationListSchema = z.object({ items: z.array(organisationSchema) });

export const referralProposalBody = z.strictObject({
  consent: z.literal(true, { message: 'ask the debtor first: a referral is proposed only with their consent' }),
  organisationId: z.string().uuid(),
  need: z.string().trim().min(1).max(300),
  caseId: z.string().uuid().nullable().default(null).describe('the case the referral was proposed from, if any'),
  followUpOn: calendarDate.nullable().default(null).describe('today or later; null for today + 14 days'),
});
export const referralSendingBody = z.strictObject({ how: z.enum(SENT_HOW) });
export const referralFollowUpBody = z.strictObject({ followUpOn: calendarDate });
export const referralClosingBody = z.strictObject({
  outcome: z.enum(REFERRAL_OUTCOMES),
  note: optionalText(500),
});
export const referralReadQuery = z.strictObject({
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe('why a team leader or a manager reads outside a case they hold'),
});

export const referralSchema = z.object({
  id: z.string(),
  debtorId: z.string(),
  caseId: z.string().nullable(),
  organisation: organisationSchema.pick({
    id: true,
    name: true,
    helpsWith: true,
    phone: true,
    email: true,
    website: true,
    address: true,
  }),
  need: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  consentAt: z.string(),
  proposedAt: z.string(),
  proposedBy: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentBy: z.string().nullable(),
  sentHow: z.enum(SENT_HOW).nullable(),
  /** The letter sent (a document of the case: GET /api/v1/documents/:id/file), when sent by letter by Accord. */
  letterDocumentId: z.string().nullable(),
  /** The e-mail sent, when sent by e-mail by Accord: the outbox's message, where it stands, and when. */
  email: z
    .object({
      messageId: z.string(),
      status: z.enum(['queued', 'sent', 'delivered', 'failed', 'bounced', 'complained']),
      queuedAt: z.string(),
      sentAt: z.string().nullable(),
      deliveredAt: z.string().nullable(),
      failedAt: z.string().nullable(),
    })
    .nullable(),
  followUpOn: z.string(),
  followUpDue: z.boolean(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** The outcomes a person may choose when closing it now. */
  outcomes: z.array(z.enum(REFERRAL_OUTCOMES)),
});

export const debtorReferralsSchema = z.object({
  /** full: the referrals in detail; restricted: only how many (the reader has no need to know). */
  access: z.enum(['full', 'restricted']),
  count: z.number().int(),
  openCount: z.number().int(),
  referrals: z.array(referralSchema),
  /** Whether the debtor has a vulnerability record not ended (the case page then offers the section). */
  hasRecord: z.boolean(),
  /** The agency's today: the earliest follow-up date. */
  today: z.string(),
  /** The directory's organisations serving the debtor (full access only): nearest first. */
  suggestions: z.array(organisationSchema),
});

export type OrganisationBody = z.output<typeof organisationBody>;
export type OrganisationInput = z.input<typeof organisationBody>;
export type OrganisationQuery = z.infer<typeof organisationQuery>;
export type OrganisationView = z.infer<typeof organisationSchema>;
export type OrganisationList = z.infer<typeof organisationListSchema>;
export type ReferralProposalBody = z.output<typeof referralProposalBody>;
export type ReferralProposalInput = z.input<typeof referralProposalBody>;
export type ReferralSendingBody = z.infer<typeof referralSendingBody>;
export type ReferralFollowUpBody = z.infer<typeof referralFollowUpBody>;
export type ReferralClosingBody = z.output<typeof referralClosingBody>;
export type ReferralClosingInput = z.input<typeof referralClosingBody>;
export type ReferralView = z.infer<typeof referralSchema>;
export type DebtorReferrals = z.infer<typeof debtorReferralsSchema>;
