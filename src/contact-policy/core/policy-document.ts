import { z } from 'zod';

/**
 * The contact policy as a document: what a compliance officer reads, edits as a draft, diffs and publishes.
 * Every line of shared/domain/REGULATION.md §6 is a field here, so nothing of the policy hides in code.
 * Each rule carries its basis (LAW, SOFT, CHOICE) and a source so the readable view can say where it comes from.
 */

export const CHANNELS = ['phone', 'sms', 'email', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const HOLD_KINDS = [
  'overindebtedness_filed',
  'overindebtedness_admissible',
  'commission_plan',
  'dispute',
  'vulnerability',
  'debt_advice',
  'represented',
  'deceased',
  'time_barred',
] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

export const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type DayKey = (typeof DAY_KEYS)[number];

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clock = z.string().regex(CLOCK, 'a time as HH:MM, from 00:00 to 24:00');

const basis = z.enum(['LAW', 'SOFT', 'CHOICE']);
const source = z.string().max(200);
/**
 * A text the document carries (a notice), in the author's words: French and English, and Italian (optional, since the
 * first versions had none; a shipped notice without it is said in Italian from the default, see notice-texts.ts).
 */
export const documentTextSchema = z.strictObject({
  fr: z.string().min(1).max(500),
  en: z.string().min(1).max(500),
  it: z.string().min(1).max(500).optional(),
});
export type DocumentText = z.infer<typeof documentTextSchema>;

export const timeRangeSchema = z
  .strictObject({ from: clock, to: clock })
  .refine((range) => range.from < range.to, { message: 'a range must end after it starts' });
export type TimeRange = z.infer<typeof timeRangeSchema>;

const dayRanges = z.array(timeRangeSchema).max(8);

export const countryWindowsSchema = z.strictObject({
  sun: dayRanges,
  mon: dayRanges,
  tue: dayRanges,
  wed: dayRanges,
  thu: dayRanges,
  fri: dayRanges,
  sat: dayRanges,
  /** Public holidays of the debtor's country and region: usually closed. */
  holiday: dayRanges,
  basis,
  source: source.optional(),
});
export type CountryWindows = z.infer<typeof countryWindowsSchema>;

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day of the year as MM-DD');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const extraHolidaySchema = z.strictObject({
  /** Every year on this day… */
  monthDay,
  name: z.string().min(1).max(120),
  /** …only for these regions (département or province codes as stored on addresses); all when absent. */
  regions: z.array(z.string().min(1).max(10)).max(200).optional(),
  from: isoDate.optional(),
  until: isoDate.optional(),
});

export const countryHolidaysSchema = z.strictObject({
  /** The public-holiday calendar of the `date-holidays` package for this country… */
  calendar: z.literal('date-holidays'),
  /** …where an address's region code (département 974) maps to the calendar's region (RE). */
  regionCodes: z.record(z.string().min(1).max(10), z.string().min(1).max(10)),
  /** Days the policy adds (a patron saint's day) or removes from the calendar. */
  extra: z.array(extraHolidaySchema).max(500),
  ignore: z.array(z.strictObject({ monthDay, name: z.string().max(120).optional() })).max(100),
  basis,
  source: source.optional(),
});
export type CountryHolidays = z.infer<typeof countryHolidaysSchema>;

export const capPeriodSchema = z.union([
  z.strictObject({ localDay: z.literal(true) }),
  z.strictObject({ rollingDays: z.number().int().min(1).max(366) }),
  z.strictObject({
    rollingHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 31),
  }),
]);
export type CapPeriod = z.infer<typeof capPeriodSchema>;

export const capSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_.-]{3,60}$/, 'lower-case letters, digits, dots, dashes or underscores'),
  /** The channels whose contacts count towards the cap, and which it restricts. */
  channels: z.array(z.enum(CHANNELS)).min(1),
  /** Outbound attempts (every call, message or letter sent) or conversations with the debtor (either way). */
  counts: z.enum(['attempts', 'conversations']),
  max: z.number().int().min(0).max(1000),
  per: capPeriodSchema,
  /** Only for debtors living in these countries; everywhere when absent. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  basis,
  source: source.optional(),
});
export type Cap = z.infer<typeof capSchema>;

export const holdRuleSchema = z.strictObject({
  /** Channels the hold stops while it is active. */
  stops: z.array(z.enum(CHANNELS)),
  /** The pause given when a person records this hold without choosing an end. */
  defaultDays: z.number().int().min(1).max(3650).optional(),
  /** The longest a hold of this kind may last (admissibility suspends collection for 2 years at most). */
  maxDays: z.number().int().min(1).max(3650).optional(),
  /** What the agent must know or do while it holds (shown beside the decision, never a refusal). */
  notice: documentTextSchema.optional(),
  basis,
  source: source.optional(),
});
export type HoldRule = z.infer<typeof holdRuleSchema>;

export const noticeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_.-]{3,60}$/),
  channels: z.array(z.enum(CHANNELS)).min(1),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  text: documentTextSchema,
  basis,
  source: source.optional(),
});

export const spacingSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_.-]{3,60}$/),
  channels: z.array(z.enum(CHANNELS)).min(1),
  minHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 31),
  basis,
  source: source.optional(),
});
export type Spacing = z.infer<typeof spacingSchema>;

/**
 * The softer contact profile for debtors with an active vulnerability record (REGULATION §5, FG21/1): fewer touches,
 * longer spacing, written first. It applies in addition to the rest of the policy, never instead of it, so it can
 * only narrow; the compliance officer owns it like any other section.
 */
export const careProfileSchema = z.strictObject({
  /** Caps counted like the policy's own, on top of them. */
  caps: z.array(capSchema).max(50),
  /** Spacing between outbound contacts, on top of the policy's own. */
  spacing: z.array(spacingSchema).max(20),
  /** No phone call or SMS until a letter or an e-mail went out after the vulnerability was recorded. */
  writtenFirst: z.boolean(),
  basis,
  source: source.optional(),
});
export type CareProfile = z.infer<typeof careProfileSchema>;

export const policyDocumentSchema = z.strictObject({
  title: z.string().min(1).max(200),
  /** Contact hours per country of the debtor's address, in the debtor's local time. */
  windows: z.record(z.string().regex(/^[A-Z]{2}$/, 'an ISO country code such as FR'), countryWindowsSchema),
  /** Channels that keep to the contact hours (a letter is posted whenever; it arrives in the day). */
  windowsApplyTo: z.array(z.enum(CHANNELS)),
  holidays: z.record(z.string().regex(/^[A-Z]{2}$/), countryHolidaysSchema),
  caps: z.array(capSchema).max(100),
  spacing: z.array(spacingSchema).max(20),
  pauseAfterConversation: z.strictObject({
    channels: z.array(z.enum(CHANNELS)),
    days: z.number().int().min(0).max(90),
    basis,
    source: source.optional(),
  }),
  firstLetter: z.strictObject({
    required: z.boolean(),
    /** Days between sending the R124-4 letter and any other step (time for the post). */
    daysBeforeOtherChannels: z.number().int().min(0).max(60),
    basis,
    source: source.optional(),
  }),
  holds: z.strictObject(
    Object.fromEntries(HOLD_KINDS.map((kind) => [kind, holdRuleSchema])) as Record<HoldKind, typeof holdRuleSchema>,
  ),
  optOut: z.strictObject({
    /** Hours within which an opt-out must take effect; Accord applies it at once, this is the outer limit. */
    effectiveWithinHours: z.number().int().min(0).max(72),
    basis,
    source: source.optional(),
  }),
  preferences: z.strictObject({
    /** Channels a preference for other channels does not close (the legally required letters). */
    alwaysOpen: z.array(z.enum(CHANNELS)),
    callback: z.strictObject({
      /** A callback the debtor asked for may happen this many minutes either side of the time chosen. */
      toleranceMinutes: z.number().int().min(0).max(120),
      /** Even a requested callback stays inside these local hours. */
      within: timeRangeSchema,
      basis,
      source: source.optional(),
    }),
    basis,
    source: source.optional(),
  }),
  notices: z.array(noticeSchema).max(50),
  /** The care profile (a stored document written before it existed reads with the default: `withCareProfile`). */
  care: careProfileSchema,
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

/** A published version: the document and the facts of its publication. */
export interface PolicyVersion {
  version: number;
  effectiveFrom: string;
  document: PolicyDocument;
}
