import { z } from 'zod';
import { calendarDate } from '../../platform/http/schemas.js';
import { MANDATE_TEXT_VERSION, PRE_NOTIFICATION_DAYS } from '../core/e-mandate.js';

/**
 * The portal's SEPA direct-debit e-mandate and its in-place survey (docs/portal.md, "A direct debit" and "Your
 * opinion"): what the person reads before signing, what they sign, the mandate as they see it (the IBAN masked).
 */

export const MANDATE_REFUSALS = ['case_closed', 'no_plan', 'on_hold', 'not_configured'] as const;

/** The mandate on the case as the person reads it: never the whole IBAN. */
export const portalMandateSchema = z.object({
  reference: z.string(),
  holder: z.string(),
  ibanMasked: z.string().describe('the country, check digits and last four characters only'),
  bic: z.string().nullable(),
  signedOn: calendarDate,
  signedVia: z.enum(['staff', 'portal']),
  status: z.enum(['active', 'revoked']),
  revokedOn: calendarDate.nullable(),
  firstDebitOn: calendarDate.nullable().describe('the first due date it debits (notice given in time)'),
});
export type PortalMandate = z.infer<typeof portalMandateSchema>;

const debit = z.object({
  number: z.number().int(),
  dueOn: calendarDate,
  amountCents: z.number().int(),
  noticeBy: calendarDate.describe('the latest day the person is told of it'),
  byDirectDebit: z.boolean().describe('whether a mandate signed today would debit it (notified in time)'),
});

/** The mandate page: the text to read (or why none may be signed), the debits it would take, the mandate in force. */
export const portalMandatePageSchema = z.object({
  refusal: z.enum(MANDATE_REFUSALS).nullable(),
  creditorName: z.string().nullable(),
  creditorIdentifier: z.string().nullable(),
  reference: z.string().nullable().describe('the unique reference of the mandate signed now'),
  textVersion: z.literal(MANDATE_TEXT_VERSION),
  text: z.array(z.string()).describe('the mandate text, paragraph by paragraph, in the language asked'),
  preNotificationDays: z.literal(PRE_NOTIFICATION_DAYS),
  debits: z.array(debit),
  current: portalMandateSchema.nullable(),
  history: z.array(portalMandateSchema),
});
export type PortalMandatePage = z.infer<typeof portalMandatePageSchema>;

/** What the person signs: the account holder, the IBAN (and BIC if needed), their consent to the text they read. */
export const signMandateBody = z.strictObject({
  holder: z.string().trim().min(2).max(140),
  iban: z.string().min(5).max(50),
  bic: z.string().max(20).nullish(),
  reference: z.string().min(1).max(35),
  language: z.enum(['fr', 'en', 'it']),
  textVersion: z.literal(MANDATE_TEXT_VERSION),
  consent: z.literal(true),
});
export type SignMandateInput = z.infer<typeof signMandateBody>;

export const mandateSignedSchema = z.object({
  mandate: portalMandateSchema,
  /** The interaction to offer the survey about (null: none is offered). */
  survey: z.object({ kind: z.literal('mandate_signed'), id: z.string().uuid() }).nullable(),
});
export type MandateSigned = z.infer<typeof mandateSignedSchema>;

/** The portal acts a survey may follow (satisfaction's interaction kinds). */
export const PORTAL_SURVEY_KINDS = ['plan_agreed', 'dispute_filed', 'mandate_signed', 'payment'] as const;

export const surveyOfferQuery = z.strictObject({
  kind: z.enum(PORTAL_SURVEY_KINDS),
  id: z.string().uuid(),
});
export const surveyOfferSchema = z.object({
  offered: z.boolean(),
  askRecommendation: z.boolean().describe('whether to ask the recommendation question (0-10, optional)'),
});
export type SurveyOffer = z.infer<typeof surveyOfferSchema>;

export const portalSurveyBody = z.strictObject({
  kind: z.enum(PORTAL_SURVEY_KINDS),
  id: z.string().uuid(),
  score: z.number().int().min(1).max(5),
  recommendation: z.number().int().min(0).max(10).optional().describe('0-10, optional; kept when the settings ask it'),
  comment: z.string().trim().max(1000).optional(),
});
export type PortalSurveyInput = z.infer<typeof portalSurveyBody>;

/** The account check and the mask, for the page to say a mistake before the person reads the mandate. */
export { checkAccount, maskIban, type IbanRefusal } from '../core/e-mandate.js';
