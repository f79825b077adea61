import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';

/** Communications with debtors: today the first letter (CPCE R124-4), issued as a PDF kept on the case. */

/** The first letter of a case: not sent yet, or sent on a day with its reference and the document kept. */
export const firstLetterStateSchema = z.object({
  caseId: z.string().uuid(),
  sentOn: calendarDate.nullable().describe('the day the first letter went out; null: not sent yet'),
  reference: z.string().nullable().describe('the letter’s reference, which every later step cites'),
  documentId: z
    .string()
    .uuid()
    .nullable()
    .describe(
      'the letter as sent, a correspondence document of the case; null when it was sent outside Accord or erased',
    ),
});
export type FirstLetterState = z.infer<typeof firstLetterStateSchema>;

export const issuedFirstLetterSchema = firstLetterStateSchema.extend({
  sentOn: calendarDate,
  reference: z.string(),
  documentId: z.string().uuid(),
  contactId: z.string().uuid(),
  amountDemandedCents: z.number().int(),
});
export type IssuedFirstLetter = z.infer<typeof issuedFirstLetterSchema>;

/** Problem codes of the first letter, for the web app's texts. */
export const FIRST_LETTER_PROBLEMS = [
  'communications.first_letter_already_sent',
  'communications.first_letter_italian',
  'communications.no_letter_address',
  'communications.nothing_due',
  'communications.agency_address_missing',
] as const;
