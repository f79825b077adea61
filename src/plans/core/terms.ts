import type { BusinessPlace } from '../../platform/calendar/place.js';
import { invalid } from '../../platform/errors.js';
import { discountAt, review, type Authority, type MandateLimits, type ProposalKind, type Reason } from './proposals.js';
import { scheduleByAmount, scheduleByMonths, type Instalment } from './schedule.js';

/**
 * The terms of a plan the debtor chose, checked against the mandate (refused beyond it), the capacity and the
 * actor's authority (a team leader's approval beyond them), pure.
 */

/** The plan the debtor chose, as the agent records it. */
export interface ChosenTerms {
  kind: ProposalKind;
  firstDueOn: string;
  months?: number | undefined;
  discountCents?: number | undefined;
  knowinglyAboveCapacity?: boolean | undefined;
}

export interface CheckedTerms {
  agreedCents: number;
  discountCents: number;
  schedule: Instalment[];
  /** Why a team leader must approve the version; none when it is agreed at once. */
  approvalReasons: Reason[];
  aboveCapacity: boolean;
}

/** Builds the schedule of a choice on an amount owed, refusing a choice that cannot be made. */
function buildSchedule(
  terms: ChosenTerms,
  owedCents: number,
  capacityCents: number,
  mandate: MandateLimits,
  place: BusinessPlace,
): { agreedCents: number; discountCents: number; schedule: Instalment[] } {
  if (terms.kind !== 'settlement' && terms.discountCents !== undefined && terms.discountCents > 0) {
    throw invalid(
      'plans.discount_not_settlement',
      'Only a settlement gives a discount: choose the settlement, or remove the discount.',
    );
  }
  if (terms.kind === 'pay_in_full' && terms.months !== undefined && terms.months !== 1) {
    throw invalid('plans.invalid_months', 'Paying in full is one payment: choose instalments to spread it.');
  }
  const discountCents =
    terms.kind === 'settlement' ? (terms.discountCents ?? discountAt(owedCents, mandate.maxDiscountBp)) : 0;
  const agreedCents = owedCents - discountCents;
  if (agreedCents <= 0)
    throw invalid('plans.discount_too_large', 'The discount leaves nothing to pay: give a smaller discount.');
  const months = terms.months ?? (terms.kind === 'instalments' ? null : 1);
  if (months === null && capacityCents <= 0) {
    throw invalid(
      'plans.invalid_months',
      'The capacity is zero: give the number of monthly instalments the debtor chose, or orient the household.',
    );
  }
  if (months !== null && months > agreedCents)
    throw invalid('plans.invalid_months', 'There are more instalments than cents to pay: choose fewer instalments.');
  try {
    const schedule =
      months === null
        ? scheduleByAmount(agreedCents, capacityCents, terms.firstDueOn, place)
        : scheduleByMonths(agreedCents, months, terms.firstDueOn, place);
    return { agreedCents, discountCents, schedule };
  } catch (error) {
    if (error instanceof RangeError)
      throw invalid('plans.invalid_months', `${error.message}: choose fewer instalments.`);
    throw error;
  }
}

/**
 * The schedule of the terms and what it needs: refused (400) beyond the mandate or the law, and above the capacity
 * unless the debtor chose it knowingly.
 */
export function checkTerms(
  terms: ChosenTerms,
  ctx: {
    owedCents: number;
    capacityCents: number;
    mandate: MandateLimits;
    authority: Authority;
    place: BusinessPlace;
  },
): CheckedTerms {
  const { agreedCents, discountCents, schedule } = buildSchedule(
    terms,
    ctx.owedCents,
    ctx.capacityCents,
    ctx.mandate,
    ctx.place,
  );
  const { refused, approvalReasons } = review(
    { agreedCents, discountCents, schedule },
    {
      balanceCents: ctx.owedCents,
      capacityCents: ctx.capacityCents,
      mandate: ctx.mandate,
      authority: ctx.authority,
      firstDueOn: terms.firstDueOn,
      place: ctx.place,
    },
  );
  if (refused.length > 0) {
    throw invalid(
      'plans.beyond_mandate',
      `This plan goes beyond what the mandate or the law allows (${refused.join(', ')}): choose a shorter plan or a smaller discount.`,
      { reasons: refused },
    );
  }
  const aboveCapacity = approvalReasons.includes('above_capacity');
  if (aboveCapacity && terms.knowinglyAboveCapacity !== true) {
    throw invalid(
      'plans.above_capacity_not_chosen',
      'An instalment exceeds the repayment capacity: record it only if the debtor chooses it knowingly (then a team leader reviews it).',
    );
  }
  return { agreedCents, discountCents, schedule, approvalReasons, aboveCapacity };
}
