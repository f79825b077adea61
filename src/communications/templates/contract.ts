import { z } from 'zod';
import { MESSAGE_LANGUAGES, MESSAGE_TEMPLATES, VARIABLE_NAMES } from '../core/template-text.js';

/** Every template on each of its channels in each language (the web app lists and checks them). */
export { SLOTS as TEMPLATE_SLOTS } from '../core/template-text.js';

/** Message templates as compliance writes them: slots, versions, the one open draft, its review and preview. */

export const channelSchema = z.enum(['email', 'sms', 'letter']);
export const languageSchema = z.enum(MESSAGE_LANGUAGES as ['fr', 'en', 'it']);
export const templateSchema = z.enum(MESSAGE_TEMPLATES);

export const slotParams = z.object({ template: templateSchema, channel: channelSchema, language: languageSchema });
export type SlotParams = z.infer<typeof slotParams>;

export const findingSchema = z
  .object({
    code: z.string().describe('template.syntax, template.mention_missing, template.discloses, …'),
    severity: z.enum(['error', 'warning']).describe('an error blocks submission and publication'),
    part: z.enum(['subject', 'body']).optional(),
    at: z.number().int().optional().describe('where in the part a syntax error starts'),
    text: z.string().optional().describe('the words found, or the expression refused'),
    variable: z.string().optional(),
    mention: z.string().optional().describe('the mandatory mention missing'),
    what: z.enum(['amount', 'debt_word', 'creditor']).optional().describe('what a third party could read'),
    parts: z.number().int().optional().describe('the SMS parts the text takes'),
  })
  .describe('what is wrong, or worth a second look, in a template text');
export type FindingView = z.infer<typeof findingSchema>;

export const templateTextBody = z.object({
  subject: z.string().max(200).nullable().describe('the e-mail’s subject; null for an SMS or a letter'),
  body: z.string().max(8000),
});

export const saveTemplateDraftBody = templateTextBody.extend({
  expectedUpdatedAt: z
    .string()
    .datetime()
    .nullable()
    .optional()
    .describe('the draft’s updatedAt as you read it (null: there was none); a newer save refuses yours'),
});

export const returnTemplateDraftBody = z.object({
  comment: z.string().trim().min(1).max(2000).describe('what the author should change'),
});

export const publishTemplateDraftBody = z.object({
  effectiveFrom: z.coerce.date().describe('from when the version is sent: now or later'),
  note: z.string().trim().min(1).max(500).describe('what changed and why, for the history'),
});

const person = z.object({ id: z.string().uuid(), name: z.string() });

export const templateVersionSchema = z.object({
  version: z.number().int().describe('0: the text Accord ships'),
  subject: z.string().nullable(),
  body: z.string(),
  effectiveFrom: z.string().nullable().describe('null for the shipped text, in force until a version replaces it'),
  note: z.string().nullable(),
  drafted: person.nullable(),
  published: person.nullable().describe('the reviewer who published it'),
});
export type TemplateVersionView = z.infer<typeof templateVersionSchema>;

export const templateDraftSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(['draft', 'in_review']),
  subject: z.string().nullable(),
  body: z.string(),
  basedOnVersion: z.number().int(),
  drafted: person.describe('who last wrote it'),
  updatedAt: z.string(),
  submitted: person.nullable(),
  submittedAt: z.string().nullable(),
  returned: person.nullable().describe('the reviewer who last sent it back'),
  reviewComment: z.string().nullable(),
  findings: z.array(findingSchema),
});
export type TemplateDraftView = z.infer<typeof templateDraftSchema>;

export const templateSlotSummarySchema = slotParams.extend({
  inForce: z.object({ version: z.number().int(), effectiveFrom: z.string().nullable() }),
  upcoming: z.object({ version: z.number().int(), effectiveFrom: z.string() }).nullable(),
  draft: z.object({ status: z.enum(['draft', 'in_review']), updatedAt: z.string(), drafted: z.string() }).nullable(),
});
export const templateSlotsSchema = z.object({ slots: z.array(templateSlotSummarySchema) });

export const variableSchema = z.object({
  name: z.enum(VARIABLE_NAMES as [string, ...string[]]),
  kind: z.enum(['text', 'reference', 'date', 'phone', 'money', 'url', 'block']),
  channels: z.array(channelSchema),
  inSubject: z.boolean(),
});

export const templateSlotSchema = slotParams.extend({
  inForce: templateVersionSchema,
  upcoming: z.array(templateVersionSchema),
  history: z.array(templateVersionSchema).describe('every version, newest first, down to the shipped text'),
  draft: templateDraftSchema.nullable(),
  variables: z.array(variableSchema).describe('the variables this slot may use'),
  requiredMentions: z.array(z.string()),
});
export type TemplateSlotView = z.infer<typeof templateSlotSchema>;

export const EDGE_SAMPLES = ['company', 'no_birth_date', 'overseas', 'italian'] as const;
export type EdgeSample = (typeof EDGE_SAMPLES)[number];

export const templatePreviewBody = slotParams.merge(templateTextBody).extend({
  sample: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('case'), caseReference: z.string().trim().min(1).max(40) }),
    z.object({ kind: z.literal('edge'), edge: z.enum(EDGE_SAMPLES) }),
  ]),
});
export type TemplatePreviewInput = z.infer<typeof templatePreviewBody>;

export const templatePreviewSchema = z.object({
  subject: z.string().nullable(),
  body: z.string().nullable().describe('null when the text does not parse: the findings say where'),
  findings: z.array(findingSchema),
  sms: z.object({ encoding: z.enum(['gsm7', 'ucs2']), units: z.number().int(), segments: z.number().int() }).nullable(),
  sample: z.object({
    label: z.string().describe('the case’s reference, or the edge case’s name'),
    firstLetterSent: z
      .boolean()
      .describe('false: this case’s first letter has not gone out, so no message may be sent to it yet'),
  }),
});
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;
