import { z } from 'zod';
import { calendarDate } from '../platform/http/schemas.js';
import { MESSAGE_TEMPLATES, SENDABLE_TEMPLATES } from './core/message-templates.js';

export {
  MESSAGE_TEMPLATES,
  SENDABLE_TEMPLATES,
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
  'communications.first_letter_incomplete',
  'communications.no_letter_address',
  'communications.nothing_due',
  'communications.agency_address_missing',
] as const;

/** A reminder letter by post issued from its case: as it would go out now, and as issued. */
export const reminderLetterPreviewSchema = z.object({
  caseId: z.string().uuid(),
  reference: z.string().describe('the reference the letter will carry (RL-<case reference>-<n>)'),
  sentOn: calendarDate.describe('the date the letter will carry: today where the debtor lives'),
  firstLetterReference: z.string().describe('the first letter it cites'),
  firstLetterSentOn: calendarDate,
  language: z.enum(['fr', 'en', 'it']),
  recipient: z.array(z.string()).describe('the lines in the envelope’s window: the debtor’s name and address'),
  body: z.string().describe('the body as the template in force renders it for this case'),
  amountDemandedCents: z.number().int(),
});
export type ReminderLetterPreview = z.infer<typeof reminderLetterPreviewSchema>;

export const issuedReminderLetterSchema = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  reference: z.string(),
  sentOn: calendarDate,
  firstLetterReference: z.string(),
  pages: z.number().int(),
  amountDemandedCents: z.number().int(),
});
export type IssuedReminderLetter = z.infer<typeof issuedReminderLetterSchema>;

/** E-mails and SMS Accord sends itself: the templates, a message as queued, and the case's messages. */
export const messageChannelSchema = z.enum(['email', 'sms']);
export const messageTemplateSchema = z.enum(MESSAGE_TEMPLATES);
/** The templates a request may ask to send: never the survey, which only its job sends with its link. */
export const sendableTemplateSchema = z.enum(SENDABLE_TEMPLATES);
export const messageRequestSchema = z.object({
  channel: messageChannelSchema,
  template: sendableTemplateSchema.describe('the text sent: a reminder, a request to call back, a balance statement'),
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
  contactId: z
    .string()
    .uuid()
    .nullable()
    .describe('the contact the policy allowed; null for a care referral’s e-mail, which is no collection contact'),
  template: z
    .union([messageTemplateSchema, z.literal('care_referral')])
    .describe('the template, or care_referral: the care team’s referral e-mail (special category, need-to-know)'),
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
export const smsReplySchema = z.object({
  id: z.string().uuid(),
  receivedAt: z.string().datetime(),
  from: z.string().describe('the number it came from, in E.164'),
  body: z.string().describe('what the debtor wrote'),
  replyToMessageId: z.string().uuid().nullable().describe('the SMS it answers: the latest sent to that number'),
  taskId: z.string().uuid().nullable().describe('the task opened for the case’s team to answer it'),
});
export type SmsReply = z.infer<typeof smsReplySchema>;
export const caseMessagesSchema = z.object({
  items: z.array(caseMessageSchema),
  replies: z
    .array(smsReplySchema)
    .describe(
      'SMS the debtor wrote back other than STOP, newest first; none for a creditor user (a reply may hold special-category data)',
    ),
});
export type CaseMessages = z.infer<typeof caseMessagesSchema>;
export const unmatchedSmsRepliesSchema = z.object({
  items: z
    .array(smsReplySchema.extend({ to: z.string().describe('the number or short code it was sent to') }))
    .describe('replies from a number that is no debtor’s verified phone sent an SMS, newest first (the last 200)'),
});
export type UnmatchedSmsReplies = z.infer<typeof unmatchedSmsRepliesSchema>;

export const MESSAGE_PROBLEMS = [
  'communications.template_channel',
  'communications.first_letter_missing',
  'communications.no_recipient',
  'communications.message_discloses',
] as const;

/** Campaigns: a channel, a template and the strategy's segments, served by a daily run (or previewed). */
export const campaignInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  channel: z
    .enum(['email', 'sms', 'letter'])
    .describe('letter: reminder letters by post, issued by the run and printed by the next print run'),
  template: messageTemplateSchema.refine((template): boolean => template !== 'satisfaction_survey', {
    message: 'the satisfaction survey is sent only by its own job, with its single-use link',
  }),
  segmentIds: z
    .array(z.string().min(1).max(80))
    .max(50)
    .describe("the strategy's segments served; empty: every segment whose treatment plans the channel"),
  intervalDays: z.number().int().min(1).max(365).describe('a case is not messaged by this campaign again before'),
  dailyLimit: z.number().int().min(1).max(100_000).describe('at most so many messages a run'),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignRunSchema = z.object({
  id: z.string().uuid(),
  campaignId: z.string().uuid(),
  preview: z.boolean().describe('a preview: what a run would do now; nothing was recorded or sent'),
  startedAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
  selected: z.number().int(),
  queued: z.number().int().describe('allowed by the policy and queued (a preview: would be)'),
  refused: z.number().int(),
  failed: z.number().int(),
  refusals: z.record(z.string(), z.number().int()).describe('refusals by policy rule or problem code'),
});
export type CampaignRunView = z.infer<typeof campaignRunSchema>;

export const campaignSchema = campaignInputSchema.extend({
  id: z.string().uuid(),
  status: z.enum(['active', 'paused']),
  ownerName: z.string().describe('on whose authority the campaign runs: who activated it last'),
  runs: z.array(campaignRunSchema).describe('the ten latest runs and previews'),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignsSchema = z.object({ items: z.array(campaignSchema) });
