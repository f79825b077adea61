import { addMonths, type IsoDate } from '../../platform/calendar/dates.js';

/**
 * A deceased debtor's estate (REGULATION.md §12, French civil code). Pure: the day is a parameter and the deadlines
 * are dated reference data passed in (`estate_deadline_rules`).
 *
 * Reported (every contact stops at once) → proven (the death certificate) → notary (who settles the estate, where the
 * claim is declared) → claim lodged. Beside the steps, each heir's option (C. civ. 768): accept, accept up to net
 * assets, renounce, or not yet chosen. No heir can be made to choose for 4 months after the death (771), so no demand
 * reaches an heir before then; relatives who are not heirs owe nothing and are never asked to pay. When every heir
 * renounced, the estate is vacant and the case closes as deceased without an estate.
 */
export const ESTATE_STEPS = ['reported', 'proven', 'notary', 'claim_lodged'] as const;
export type EstateStep = (typeof ESTATE_STEPS)[number];

export const PARTY_ROLES = ['notary', 'heir', 'relative'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const HEIR_OPTIONS = ['undecided', 'accept', 'net_assets', 'renounce'] as const;
export type HeirOption = (typeof HEIR_OPTIONS)[number];

/** The estate's option as the heirs' choices make it. */
export const ESTATE_OPTIONS = ['pending', 'accepted', 'net_assets', 'vacant'] as const;
export type EstateOption = (typeof ESTATE_OPTIONS)[number];

export const ESTATE_DEADLINES = ['option_period', 'summons_to_opt', 'claim_declaration', 'option_lapse'] as const;
export type EstateDeadline = (typeof ESTATE_DEADLINES)[number];

/** A deadline of the reference data, in force from `validFrom`. */
export interface EstateDeadlineRule {
  deadline: EstateDeadline;
  months: number;
  source: string;
  tag: 'law' | 'check';
  validFrom: IsoDate;
}

/** The rule of a deadline in force on a day (the latest one that started by then; the earliest before any did). */
export function ruleOn(
  rules: readonly EstateDeadlineRule[],
  deadline: EstateDeadline,
  on: IsoDate,
): EstateDeadlineRule {
  const candidates = rules
    .filter((rule) => rule.deadline === deadline)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  if (candidates.length === 0) throw new Error(`No reference data for the estate deadline ${deadline}`);
  return candidates.filter((rule) => rule.validFrom <= on).at(-1) ?? candidates[0]!;
}

/** The day the heirs' option period ends: the death + 4 months (C. civ. 771), in force on the day of the death. */
export function optionEndsOn(diedOn: IsoDate, rules: readonly EstateDeadlineRule[]): IsoDate {
  return addMonths(diedOn, ruleOn(rules, 'option_period', diedOn).months);
}

/** The last day to declare the claim when an heir accepted up to net assets: publication + 15 months (792). */
export function claimDeadlineOn(publishedOn: IsoDate, rules: readonly EstateDeadlineRule[]): IsoDate {
  return addMonths(publishedOn, ruleOn(rules, 'claim_declaration', publishedOn).months);
}

/**
 * The estate's option from its heirs' choices: up to net assets as soon as one heir chose it (the claim must then be
 * declared), accepted when one accepted, vacant when every heir known renounced, pending otherwise.
 */
export function estateOption(options: readonly HeirOption[]): EstateOption {
  if (options.includes('net_assets')) return 'net_assets';
  if (options.includes('accept')) return 'accepted';
  if (options.length > 0 && options.every((option) => option === 'renounce')) return 'vacant';
  return 'pending';
}

/**
 * Whether a demand to pay may be made to a party of the estate on a day: never to a relative; to an heir only once
 * the death is proven and the 4-month option period is over; to the notary once the death is proven.
 */
export function mayDemand(role: PartyRole, optionEnds: IsoDate | null, today: IsoDate): boolean {
  if (role === 'relative' || optionEnds === null) return false;
  return role === 'notary' || today >= optionEnds;
}

export interface EstateFacts {
  step: EstateStep;
  diedOn: IsoDate | null;
  optionEndsOn: IsoDate | null;
  netAssetsPublishedOn: IsoDate | null;
  claimDeclaredOn: IsoDate | null;
  claimDeadlineOn: IsoDate | null;
  heirOptions: readonly HeirOption[];
}

export const ESTATE_NEXT_ACTIONS = [
  'obtain_certificate',
  'identify_notary',
  'declare_claim',
  'await_option',
  'summon_heirs',
  'pursue_heirs',
  'close_without_estate',
] as const;
export type EstateNextAction = (typeof ESTATE_NEXT_ACTIONS)[number];

export interface EstateNextStep {
  action: EstateNextAction;
  /** YYYY-MM-DD, never before today. */
  dueOn: IsoDate;
}

const notBefore = (day: IsoDate, today: IsoDate) => (day > today ? day : today);

/**
 * What the estate waits for, and by when: the certificate, the notary, the claim's declaration (by its 15-month
 * deadline once a net-assets acceptance is published), the end of the option period, then the heirs. A vacant estate
 * leads to the closure as deceased without an estate.
 */
export function estateNextStep(facts: EstateFacts, today: IsoDate): EstateNextStep {
  const option = estateOption(facts.heirOptions);
  if (facts.step === 'reported') return { action: 'obtain_certificate', dueOn: today };
  if (option === 'vacant') return { action: 'close_without_estate', dueOn: today };
  if (facts.step === 'proven') return { action: 'identify_notary', dueOn: today };
  if (facts.step === 'notary')
    return { action: 'declare_claim', dueOn: notBefore(facts.claimDeadlineOn ?? today, today) };
  if (option === 'pending') {
    const ends = facts.optionEndsOn ?? today;
    return ends > today ? { action: 'await_option', dueOn: ends } : { action: 'summon_heirs', dueOn: today };
  }
  return { action: 'pursue_heirs', dueOn: notBefore(facts.optionEndsOn ?? today, today) };
}

export type EstateRefusal =
  | 'estates.already_reported'
  | 'estates.already_proven'
  | 'estates.not_proven'
  | 'estates.death_after_report'
  | 'estates.no_notary'
  | 'estates.claim_already_declared'
  | 'estates.claim_deadline_passed'
  | 'estates.publication_before_death'
  | 'estates.not_an_heir';

/** The death is proven once: by a day not after the report (nor before 1900). */
export function checkProof(facts: EstateFacts, diedOn: IsoDate, reportedOn: IsoDate): EstateRefusal | null {
  if (facts.step !== 'reported') return 'estates.already_proven';
  if (diedOn > reportedOn || diedOn < '1900-01-01') return 'estates.death_after_report';
  return null;
}

/**
 * The claim is declared once, to the notary known (the elected domicile), with the day a net-assets acceptance was
 * published when there is one: after its 15 months the unsecured claim is extinguished (792) and is refused.
 */
export function checkDeclaration(
  facts: EstateFacts,
  publishedOn: IsoDate | null,
  today: IsoDate,
  rules: readonly EstateDeadlineRule[],
): EstateRefusal | null {
  if (facts.step === 'reported') return 'estates.not_proven';
  if (facts.step === 'proven') return 'estates.no_notary';
  if (facts.step === 'claim_lodged') return 'estates.claim_already_declared';
  if (publishedOn !== null && facts.diedOn !== null && publishedOn < facts.diedOn)
    return 'estates.publication_before_death';
  if (publishedOn !== null && today > claimDeadlineOn(publishedOn, rules)) return 'estates.claim_deadline_passed';
  return null;
}

/** The step after a party is added: the first notary known moves a proven estate on. */
export function stepAfterParty(step: EstateStep, role: PartyRole): EstateStep {
  return step === 'proven' && role === 'notary' ? 'notary' : step;
}
