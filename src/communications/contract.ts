import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';
import { MESSAGE_TEMPLATES } from './core/message-templates.js';

export {
  MESSAGE_TEMPLATES,
  TEMPLATE_CHANNELS,
  type MessageChannel,
  type MessageTemplate,
} from './core/message-templates.js';

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

/** E-mails and SMS Accord sends itself: the templates, a message as queued, and the case's messages. */
export const messageChannelSchema = z.enum(['email', 'sms']);
export const messageTemplateSchema = z.enum(MESSAGE_TEMPLATES);
export const messageRequestSchema = z.object({
  channel: messageChannelSchema,
  template: messageTemplateSchema.describe('the text sent: a reminder, a request to call back, a balance statement'),
});

export const messageStatusSchema = z
  .enum(['queued', 'sent', 'delivered', 'failed', 'bounced', 'complained'])
  .describe(
    'queued: decided, waiting for its transport; sent: handed to it; delivered: the receipt came back; failed, bounced (the address is no longer used) or complained (the debtor marked it as spam, which opts them out)',
  );

export const queuedMessageSchema = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  contactId: z.string().uuid(),
  channel: messageChannelSchema,
  template: messageTemplateSchema,
  status: messageStatusSchema,
  queuedAt: z.string().datetime(),
});
export type QueuedMessage = z.infer<typeof queuedMessageSchema>;

export const messagePreviewSchema = z.object({
  channel: messageChannelSchema,
  template: messageTemplateSchema,
  language: z.enum(['fr', 'en', 'it']),
  subject: z.string().nullable(),
  body: z.string(),
  recipient: z.string().nullable().describe('where it would go; null: nowhere, the send would be refused'),
});

export const caseMessageSchema = queuedMessageSchema.extend({
  sentAt: z.string().datetime().nullable(),
  deliveredAt: z.string().datetime().nullable(),
  failedAt: z.string().datetime().nullable(),
  language: z.enum(['fr', 'en', 'it']),
  recipient: z.string().nullable().describe('the address or number; null for a creditor user'),
  subject: z.string().nullable(),
  body: z.string().describe('the exact text sent, as kept for proof'),
  contentSha256: z.string(),
});
export type CaseMessage = z.infer<typeof caseMessageSchema>;
export const caseMessagesSchema = z.object({ items: z.array(caseMessageSchema) });

export const MESSAGE_PROBLEMS = [
  'communications.template_channel',
  'communications.first_letter_missing',
  'communications.no_recipient',
  'communications.message_discloses',
] as const;
