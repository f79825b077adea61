/**
 * The care unit's words (REGULATION §4, §5; FCA FG21/1), shared by the core, the contract and the web app. Each list
 * matches a check of migration 0053; a test holds them equal.
 */

/** FG21/1's four drivers of vulnerability. */
export const DRIVERS = ['health', 'life_event', 'resilience', 'capability'] as const;
export type Driver = (typeof DRIVERS)[number];

/** GDPR art. 9(2): explicit consent (a), or the establishment, exercise or defence of legal claims (f). */
export const LEGAL_BASES = ['explicit_consent', 'legal_claims'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const CONSENTS = ['given', 'refused', 'not_asked'] as const;
export type Consent = (typeof CONSENTS)[number];

/** A record is active until its review date passes (review_due, a person must look) or a person ends it. */
export const VULNERABILITY_STATUSES = ['active', 'review_due', 'ended'] as const;
export type VulnerabilityStatus = (typeof VULNERABILITY_STATUSES)[number];

export const REVIEW_OUTCOMES = ['kept', 'changed', 'ended'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The facts that suggest a possible vulnerability to a person; never a verdict. */
export const SIGNAL_KINDS = [
  'no_capacity',
  'below_minimum_income',
  'hardship_outcome',
  'bereavement_outcome',
  'broken_promises_after_life_event',
  'debtor_declaration',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** What an organisation of the directory helps with. */
export const HELPS_WITH = [
  'over_indebtedness',
  'budget_advice',
  'social_support',
  'job_loss',
  'family_benefits',
  'housing',
  'health',
  'legal_advice',
  'consumer_rights',
] as const;
export type HelpsWith = (typeof HELPS_WITH)[number];

export const COVERAGES = ['national', 'region', 'department'] as const;
export type Coverage = (typeof COVERAGES)[number];

export const DIRECTORY_COUNTRIES = ['FR', 'IT'] as const;

export const REFERRAL_STATUSES = ['proposed', 'sent', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** How a referral reached the organisation or the debtor: the contact details by letter or e-mail, or a warm handoff. */
export const SENT_HOW = ['letter', 'email', 'warm_handoff'] as const;
export type SentHow = (typeof SENT_HOW)[number];

export const REFERRAL_OUTCOMES = ['helped', 'not_reached', 'refused', 'file_lodged'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** What the care team's queue holds: new records, reviews due, open signals, referrals to follow up. */
export const CARE_QUEUE_KINDS = ['new_record', 'review_due', 'signal', 'referral_follow_up'] as const;
export type CareQueueKind = (typeof CARE_QUEUE_KINDS)[number];
