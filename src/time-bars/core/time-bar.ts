import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  laterDate,
  type IsoDate,
} from '../../platform/calendar/dates.js';

/**
 * Time bars (prescription), REGULATION.md §1 and §12 (pure: the day is a parameter, the periods are dated reference
 * data passed in).
 *
 * A claim's bar runs from its start (the due date the creditor knew of; for consumer credit the first unpaid
 * instalment not made good) for the rule's years. An interruption (the debtor's acknowledgement, a payment, which
 * acknowledges the debt, C. civ. 2240; a judicial act, 2241-2244) starts a new period of the same length from its day,
 * but only while the bar has not been reached: an acknowledgement after the bar does not revive the claim (Cass. 1e
 * civ. 19 May 2021). A judgment starts the enforcement period (CPCE L111-4). The last day is the anniversary of the
 * start (C. civ. 2228-2229: the day of the start is not counted, the bar is reached when the last day ends), so the
 * claim is time-barred from the next day.
 *
 * The bar never moves earlier: each counted interruption keeps the later of the running last day and its own.
 */

export const TIME_BAR_COUNTRIES = ['FR', 'IT'] as const;
export type TimeBarCountry = (typeof TIME_BAR_COUNTRIES)[number];

export const CLAIM_KINDS = ['consumer_goods_services', 'consumer_credit', 'general', 'judgment', 'periodic'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const INTERRUPTION_KINDS = ['acknowledgement', 'payment', 'judicial_act', 'judgment'] as const;
export type InterruptionKind = (typeof INTERRUPTION_KINDS)[number];
/** The kinds a person records; payments come from the payments themselves. */
export const RECORDED_INTERRUPTION_KINDS = ['acknowledgement', 'judicial_act', 'judgment'] as const;

export const TIME_BAR_TAGS = ['law', 'check'] as const;

/** A period of the reference data, in force from `validFrom`. */
export interface TimeBarRule {
  country: TimeBarCountry;
  claimKind: ClaimKind;
  years: number;
  source: string;
  tag: (typeof TIME_BAR_TAGS)[number];
  validFrom: IsoDate;
}

export interface Interruption {
  kind: InterruptionKind;
  on: IsoDate;
}

export interface TimeBarInput {
  country: TimeBarCountry;
  claimKind: ClaimKind;
  startOn: IsoDate;
  interruptions: readonly Interruption[];
  rules: readonly TimeBarRule[];
  /** The agency's today. */
  today: IsoDate;
  /** How many days before the last day a person reviews the claim. */
  reviewLeadDays: number;
}

export const TIME_BAR_STATUSES = ['running', 'approaching', 'time_barred'] as const;
export type TimeBarStatus = (typeof TIME_BAR_STATUSES)[number];

export const INTERRUPTION_EFFECTS = ['counted', 'before_start', 'after_bar'] as const;

export interface TimeBar {
  rule: TimeBarRule;
  startOn: IsoDate;
  interruptions: { kind: InterruptionKind; on: IsoDate; effect: (typeof INTERRUPTION_EFFECTS)[number] }[];
  /** The last day the claim may be pursued. */
  lastDay: IsoDate;
  /** The first day it is time-barred. */
  barredFrom: IsoDate;
  status: TimeBarStatus;
  /** Days from today to the last day (negative once time-barred). */
  daysLeft: number;
}

export class NoTimeBarRule extends Error {
  constructor(country: string, claimKind: string) {
    super(`no time bar rule for ${claimKind} claims in ${country}`);
  }
}

/**
 * The rule in force for a kind of claim on a date: the latest row valid on that date, or, for a start older than
 * every row, the oldest one (the reference data begins with the law that governs the oldest claims placed).
 */
export function ruleInForce(
  rules: readonly TimeBarRule[],
  country: TimeBarCountry,
  claimKind: ClaimKind,
  on: IsoDate,
): TimeBarRule {
  const candidates = rules
    .filter((rule) => rule.country === country && rule.claimKind === claimKind)
    .sort((a, b) => compareDates(a.validFrom, b.validFrom));
  if (candidates.length === 0) throw new NoTimeBarRule(country, claimKind);
  const valid = candidates.filter((rule) => compareDates(rule.validFrom, on) <= 0);
  return valid.length > 0 ? valid[valid.length - 1]! : candidates[0]!;
}

const anniversary = (on: IsoDate, years: number) => addMonths(on, 12 * years);

export function computeTimeBar(input: TimeBarInput): TimeBar {
  let rule = ruleInForce(input.rules, input.country, input.claimKind, input.startOn);
  const judgmentRule = (on: IsoDate) =>
    input.rules.some((r) => r.country === input.country && r.claimKind === 'judgment')
      ? ruleInForce(input.rules, input.country, 'judgment', on)
      : null;
  let lastDay = anniversary(input.startOn, rule.years);
  const sorted = [...input.interruptions].sort((a, b) => compareDates(a.on, b.on));
  const interruptions: TimeBar['interruptions'] = [];
  for (const interruption of sorted) {
    if (compareDates(interruption.on, input.startOn) < 0) {
      interruptions.push({ ...interruption, effect: 'before_start' });
      continue;
    }
    if (compareDates(interruption.on, lastDay) > 0) {
      interruptions.push({ ...interruption, effect: 'after_bar' });
      continue;
    }
    if (interruption.kind === 'judgment') {
      const enforcement = judgmentRule(interruption.on);
      if (enforcement && enforcement.years >= rule.years) rule = enforcement;
    }
    lastDay = laterDate(lastDay, anniversary(interruption.on, rule.years));
    interruptions.push({ ...interruption, effect: 'counted' });
  }
  const daysLeft = daysBetween(input.today, lastDay);
  const status: TimeBarStatus =
    daysLeft < 0 ? 'time_barred' : daysLeft <= input.reviewLeadDays ? 'approaching' : 'running';
  return { rule, startOn: input.startOn, interruptions, lastDay, barredFrom: addDays(lastDay, 1), status, daysLeft };
}

/** The kind of claim a contract type is, for the bar (a judgment recorded on the claim changes it, see above). */
export function claimKindOf(
  contractType: 'consumer_credit' | 'energy' | 'other' | 'overdraft' | 'rent' | 'telecom',
  country: TimeBarCountry,
  debtorIsPerson: boolean,
): ClaimKind {
  if (country === 'IT') return contractType === 'other' ? 'general' : 'periodic';
  if (!debtorIsPerson) return 'general';
  if (contractType === 'consumer_credit' || contractType === 'overdraft') return 'consumer_credit';
  if (contractType === 'energy' || contractType === 'telecom') return 'consumer_goods_services';
  return 'general';
}
