import { z } from 'zod';
import { contactAdaptationsSchema } from './core/adaptations.js';
import { ESTATE_RECIPIENTS } from './core/facts.js';
import { isValidTimeZone } from '../platform/calendar/local-time.js';
import { CALENDAR_DATE_MAX, CALENDAR_DATE_MIN, idParams, INT4_MAX, int4Param } from '../platform/http/schemas.js';
import { REASON_MAX_LENGTH } from '../need-to-know/core/need-to-know.js';
import { CARE_RULE } from '../need-to-know/core/projection.js';
import { CHANNELS, DAY_KEYS, HOLD_KINDS, policyDocumentSchema } from './core/policy-document.js';

/**
 * The API of the contact policy: whether a debtor may be contacted, contacts recorded, overrides, holds, the debtor's
 * own wishes (preferences, opt-outs, callbacks), and the policy itself (versions, the draft, simulations, decisions
 * on inline facts, holidays).
 */

/**
 * The note of version 1, the policy Accord ships (written by migration 0005): the pages say it in the reader's
 * language; any other note is shown in the words its author wrote.
 */
export const SHIPPED_POLICY_NOTE = 'Politique par défaut livrée avec Accord (REGULATION.md §6)';

export const channelSchema = z.enum(CHANNELS);
const channel = channelSchema;
/** An instant with its offset, read as a Date. */
/** A moment the API takes, within the calendar's dates (a hold ending in year 9999 would put its next moment past them). */
const instant = z.iso
  .datetime({ offset: true })
  .refine(
    (value) =>
      Date.parse(value) >= Date.parse(`${CALENDAR_DATE_MIN}T00:00:00Z`) &&
      Date.parse(value) <= Date.parse(`${CALENDAR_DATE_MAX}T23:59:59Z`),
    `use a moment from ${CALENDAR_DATE_MIN} to ${CALENDAR_DATE_MAX}`,
  )
  .transform((value) => new Date(value));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM');

/**
 * A decision as the API gives it: instants as ISO strings, each message in the reader's language and in all three
 * (a notice a compliance officer wrote in French and English only has no Italian: English stands in for it).
 */
const messages = z.object({ fr: z.string(), en: z.string(), it: z.string() });
const noticeMessages = z.object({ fr: z.string(), en: z.string(), it: z.string().optional() });

export const decisionSchema = z.object({
  allowed: z.boolean(),
  channel: z.enum(CHANNELS),
  at: z.string(),
  reasons: z.array(z.object({ rule: z.string(), message: z.string(), messages, until: z.string().nullable() })),
  notices: z.array(z.object({ rule: z.string(), message: z.string(), messages: noticeMessages })),
  nextAllowedAt: z.string().nullable(),
  policyVersion: z.number().int(),
  callback: z.boolean(),
  override: z.object({ id: z.string(), reason: z.string(), grantedBy: z.string() }).nullable(),
});

export const contactSchema = z.object({
  id: z.string(),
  debtorId: z.string(),
  caseId: z.string(),
  channel: z.enum(CHANNELS),
  direction: z.enum(['outbound', 'inbound']),
  outcome: z.string(),
  conversation: z.boolean(),
  firstLetter: z.boolean(),
  at: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  note: z.string().nullable(),
  policyVersion: z.number().int(),
  overrideId: z.string().nullable(),
  decision: decisionSchema,
});
export const holdSchema = z.object({
  id: z.string(),
  debtorId: z.string(),
  caseId: z.string().nullable(),
  kind: z
    .enum([...HOLD_KINDS, CARE_RULE])
    .describe('"care_rule" for a care hold whose details the reader has no need to know'),
  reason: z.string().nullable(),
  restricted: z.boolean().optional(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  reviewAt: z.string().nullable(),
  status: z.enum(['active', 'lifted', 'lapsed']),
  liftedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const preferencesSchema = z.object({
  channels: z.array(channel).nullable(),
  windows: z.array(z.object({ days: z.array(z.enum(DAY_KEYS)), from: z.string(), to: z.string() })).nullable(),
});

export const overrideSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  channel,
  reason: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  validUntil: z.string(),
  usedAt: z.string().nullable(),
});

const holdRuleSchema = z.object({
  stops: z.array(channel),
  defaultDays: z.number().int().nullable(),
  maxDays: z.number().int().nullable(),
});

export const caseContactSchema = z.object({
  debtorId: z.string(),
  now: z.string(),
  location: z.object({ country: z.string(), region: z.string().nullable(), timeZone: z.string() }),
  policyVersion: z.number().int(),
  holdRules: z.object(
    Object.fromEntries(HOLD_KINDS.map((kind) => [kind, holdRuleSchema])) as Record<
      (typeof HOLD_KINDS)[number],
      typeof holdRuleSchema
    >,
  ),
  firstLetter: z.object({ sentOn: z.string(), reference: z.string().nullable() }).nullable(),
  permissions: z.object({ phone: decisionSchema, sms: decisionSchema, email: decisionSchema, letter: decisionSchema }),
  contacts: z.array(contactSchema),
  holds: z.array(holdSchema),
  overrides: z.array(overrideSchema),
  optOuts: z.array(z.object({ channel, optedOutAt: z.string() })),
  preferences: preferencesSchema,
  callbacks: z.array(z.object({ id: z.string(), caseId: z.string(), at: z.string(), status: z.string() })),
});

export const CONTACT_RECIPIENTS = ['debtor', ...ESTATE_RECIPIENTS] as const;
export const contactPermissionQuery = z.strictObject({
  channel,
  at: instant.optional(),
  caseId: z.string().uuid().optional(),
  recipient: z
    .enum(CONTACT_RECIPIENTS)
    .default('debtor')
    .describe("who is contacted: the debtor, or for a deceased debtor's estate an heir, a relative or the notary"),
});
export const caseContactQuery = z.strictObject({
  reason: z
    .string()
    .max(REASON_MAX_LENGTH)
    .optional()
    .describe('why a team leader or manager reads care holds in full'),
});

export const recordContactBody = z.strictObject({
  debtorId: z.string().uuid(),
  caseId: z.string().uuid(),
  channel,
  direction: z.enum(['outbound', 'inbound']),
  outcome: z.string().min(1).max(40),
  at: instant.optional(),
  note: z.string().max(2000).optional(),
  firstLetter: z.boolean().optional(),
});
export const recordedContactSchema = z.object({ contact: contactSchema, decision: decisionSchema });

export const overrideBody = z.strictObject({
  caseId: z.string().uuid(),
  channel,
  reason: z.string().trim().min(10, 'write the reason in at least 10 characters').max(1000),
  validForMinutes: z.number().int().min(5).max(1440).optional(),
});
export const grantedOverrideSchema = overrideSchema.extend({ refusal: decisionSchema });

export const placeHoldBody = z.strictObject({
  kind: z.enum(HOLD_KINDS),
  reason: z.string().trim().min(3).max(1000),
  caseId: z.string().uuid().optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  reviewAt: instant.optional(),
});
export const liftHoldBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

export const preferencesBody = z.strictObject({
  channels: z.array(channel).min(1).nullable(),
  windows: z
    .array(z.strictObject({ days: z.array(z.enum(DAY_KEYS)).min(1), from: clock, to: clock }))
    .min(1)
    .max(14)
    .nullable(),
});
export const optOutBody = z.strictObject({ channel });
export const optOutSchema = z.object({ channel, optedOutAt: z.string() });
export const optOutParams = idParams.extend({ channel });
export const callbackBody = z.strictObject({ caseId: z.string().uuid(), at: instant });
export const callbackSchema = z.object({ id: z.string(), at: z.string(), status: z.string() });

export const versionSummarySchema = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string(),
  publishedAt: z.string(),
  publishedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export const versionDetailSchema = versionSummarySchema.extend({ document: policyDocumentSchema });
export const draftSchema = z.object({
  document: policyDocumentSchema,
  basedOnVersion: z.number().int().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const policyOverviewSchema = z.object({
  current: versionDetailSchema,
  upcoming: z.array(versionSummarySchema),
  versions: z.array(versionSummarySchema),
});
export const policyVersionParams = z.strictObject({ version: int4Param });

export const saveDraftBody = z.strictObject({
  document: z.unknown(),
  basedOnVersion: z.number().int().min(1).nullable(),
  /** The draft's `updatedAt` this edit started from, or null to start a new one: a changed draft answers 409. */
  expectedUpdatedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export const publishDraftBody = z.strictObject({
  effectiveFrom: instant,
  note: z.string().trim().min(3, 'say in a few words what changes').max(1000),
});

export const simulationBody = z.strictObject({ days: z.number().int().min(1).max(90), policy: z.unknown().optional() });
export const simulationSchema = z.object({
  from: z.string(),
  to: z.string(),
  contacts: z.number().int(),
  truncated: z.boolean(),
  changed: z.number().int(),
  refusedByDraft: z.number().int(),
  allowedByDraft: z.number().int(),
  rules: z.array(
    z.object({
      rule: z.string(),
      refusedByDraft: z.number().int(),
      refusedByCurrent: z.number().int(),
      examples: z.array(
        z.object({
          contactId: z.string(),
          caseId: z.string(),
          caseReference: z.string(),
          at: z.string(),
          channel,
          /** The rules that refuse it: the draft's, or the version then in force's where the draft allows it. */
          reasons: z.array(z.string()),
          /** What the draft does to this contact beside the version then in force. */
          answer: z.enum(['refusedByDraft', 'allowedByDraft', 'refusedByBoth']),
        }),
      ),
    }),
  ),
});

/** Facts given inline, to try a rule without touching real data. */
export const inlineFactsSchema = z.strictObject({
  location: z.strictObject({
    country: z.string().regex(/^[A-Z]{2}$/),
    region: z.string().max(10).nullable().default(null),
    timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone such as Europe/Paris'),
  }),
  holds: z
    .array(
      z.strictObject({
        kind: z.enum(HOLD_KINDS),
        startsAt: instant,
        endsAt: instant.nullable().default(null),
        reviewAt: instant.nullable().default(null),
      }),
    )
    .max(20)
    .default([]),
  optOuts: z.partialRecord(channel, instant).default({}),
  reachable: z
    .strictObject({ phone: z.boolean(), sms: z.boolean(), email: z.boolean(), letter: z.boolean() })
    .default({ phone: true, sms: true, email: true, letter: true }),
  preferences: z
    .strictObject({
      channels: z.array(channel).nullable().default(null),
      windows: z
        .array(z.strictObject({ days: z.array(z.enum(DAY_KEYS)), from: z.string(), to: z.string() }))
        .nullable()
        .default(null),
      callbacks: z
        .array(z.strictObject({ at: instant, channel }))
        .max(10)
        .default([]),
    })
    .default({ channels: null, windows: null, callbacks: [] }),
  firstLetterSentAt: instant.nullable(),
  caseOpen: z.boolean().default(true),
  history: z
    .array(
      z.strictObject({
        at: instant,
        channel,
        direction: z.enum(['outbound', 'inbound']),
        conversation: z.boolean().default(false),
      }),
    )
    .max(1000)
    .default([]),
  care: z
    .strictObject({
      since: instant,
      adaptations: contactAdaptationsSchema,
      firstWrittenAt: instant.nullable().default(null),
    })
    .nullable()
    .default(null)
    .describe('An active vulnerability record: its adaptations and the care profile apply'),
});

export const decisionRequestBody = z.strictObject({
  policy: z.unknown().optional(),
  version: z.number().int().min(1).max(INT4_MAX).optional(),
  draft: z.boolean().optional(),
  facts: inlineFactsSchema,
  channel,
  at: instant,
});

export const holidaysQuery = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  region: z.string().max(10).optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  draft: z.enum(['true', 'false']).optional(),
});
export const holidaysSchema = z.object({ holidays: z.array(z.object({ date: z.string(), name: z.string() })) });

export type DecisionView = z.infer<typeof decisionSchema>;
export type ContactView = z.infer<typeof contactSchema>;
export type RecordedContact = z.infer<typeof recordedContactSchema>;
export type HoldView = z.infer<typeof holdSchema>;
export type OverrideView = z.infer<typeof grantedOverrideSchema>;
export type PreferencesView = z.infer<typeof preferencesSchema>;
export type CaseContactView = z.infer<typeof caseContactSchema>;
export type CallbackView = z.infer<typeof callbackSchema>;
export type OptOutView = z.infer<typeof optOutSchema>;
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type VersionDetail = z.infer<typeof versionDetailSchema>;
export type DraftView = z.infer<typeof draftSchema>;
export type PolicyOverview = z.infer<typeof policyOverviewSchema>;
export type SimulationResult = z.infer<typeof simulationSchema>;
export type InlineFacts = z.infer<typeof inlineFactsSchema>;
export type Holiday = z.infer<typeof holidaysSchema>['holidays'][number];

/**
 * What the web app uses of the pure core: the policy document's lists and types, the rules in words and the
 * difference between two versions, and the outcomes of a contact.
 */
export { CHANNELS, DAY_KEYS, HOLD_KINDS } from './core/policy-document.js';
export type { Cap, CapPeriod, Channel, DayKey, HoldKind, PolicyDocument } from './core/policy-document.js';
export { capPeriod, DAY_TYPES, describePolicy, diffPolicies, groupBySection, isEmptyDiff } from './core/describe.js';
export type { PolicyDiff, RuleLine, RuleParam } from './core/describe.js';
export { readPolicySource } from './core/source-words.js';
export { shippedNotices } from './core/notice-texts.js';
export { DEFAULT_POLICY } from './core/default-policy.js';
export type { PolicySourceName, PolicySourceNote, PolicySourcePart } from './core/source-words.js';
export { OUTCOMES } from './core/outcomes.js';
