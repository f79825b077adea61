import { scheduleByAmount, type Instalment } from './schedule.js';
import type { BusinessPlace } from '../../platform/calendar/place.js';

/**
 * Plan proposals from the balance, the repayment capacity and the mandate (PRODUCT.md §4, REGULATION.md §7.7), pure.
 * What exceeds the agent's authority needs a team leader's approval; what exceeds the mandate is never proposed;
 * beyond 84 months or at capacity zero no plan is pushed and the household is oriented to the Banque de France.
 */

/** The law's ceiling on any plan (C. conso L732-3). */
export const MAX_PLAN_MONTHS_BY_LAW = 84;

export interface MandateLimits {
  /** The mandate's longest plan (24 by default); never above 84. */
  maxPlanMonths: number;
  /** The largest discount a settlement may give, in basis points of the balance. */
  maxDiscountBp: number;
  settlementsAllowed: boolean;
}

/** What an agent may agree without a team leader (reference data of the agency, per role). */
export interface Authority {
  maxPlanMonths: number;
  maxDiscountBp: number;
}

export interface ProposalContext {
  balanceCents: number;
  capacityCents: number;
  mandate: MandateLimits;
  authority: Authority;
  firstDueOn: string;
  /** Where the debtor lives: due dates fall on its business days. */
  place: BusinessPlace;
}

export type ProposalKind = 'pay_in_full' | 'instalments' | 'settlement';

/** Why a proposal needs a team leader (approval) or cannot be made (refusal). */
export type Reason =
  | 'above_capacity'
  | 'beyond_agent_months'
  | 'beyond_agent_discount'
  | 'beyond_mandate_months'
  | 'beyond_mandate_discount'
  | 'settlement_not_allowed'
  | 'beyond_84_months'
  | 'capacity_zero';

export interface Proposal {
  kind: ProposalKind;
  /** What the debtor agrees to pay: the balance, or the balance less the discount. */
  agreedCents: number;
  discountCents: number;
  schedule: Instalment[];
  /** Empty when the agent may agree it alone; otherwise a team leader approves it first. */
  approvalReasons: Reason[];
}

export interface Proposals {
  proposals: Proposal[];
  /** Capacity zero, or no plan within 84 months: no plan is pushed, a person reviews, orientation is offered. */
  orientation: boolean;
  /** Why some kinds were not proposed. */
  notProposed: { kind: ProposalKind; reasons: Reason[] }[];
}

/** The discount at a rate, rounded down to the cent (never more than the mandate allows). */
export function discountAt(balanceCents: number, bp: number): number {
  return Number((BigInt(balanceCents) * BigInt(bp)) / 10_000n);
}

/** Whether a discount is above a rate of the balance, compared exactly (discount / balance > bp / 10,000). */
function discountAbove(discountCents: number, balanceCents: number, bp: number): boolean {
  return BigInt(discountCents) * 10_000n > BigInt(balanceCents) * BigInt(bp);
}

/** The checks of one proposal: refused (beyond the mandate or the law), or the reasons a team leader must approve it. */
export function review(
  input: { agreedCents: number; discountCents: number; schedule: Instalment[] },
  ctx: ProposalContext,
): { refused: Reason[]; approvalReasons: Reason[] } {
  const months = input.schedule.length;
  const largest = Math.max(...input.schedule.map((i) => i.amountCents));
  const refused: Reason[] = [];
  const approvalReasons: Reason[] = [];
  if (months > MAX_PLAN_MONTHS_BY_LAW) refused.push('beyond_84_months');
  if (months > Math.min(ctx.mandate.maxPlanMonths, MAX_PLAN_MONTHS_BY_LAW)) refused.push('beyond_mandate_months');
  if (input.discountCents > 0 && !ctx.mandate.settlementsAllowed) refused.push('settlement_not_allowed');
  if (discountAbove(input.discountCents, ctx.balanceCents, ctx.mandate.maxDiscountBp))
    refused.push('beyond_mandate_discount');
  if (largest > ctx.capacityCents) approvalReasons.push('above_capacity');
  if (months > ctx.authority.maxPlanMonths) approvalReasons.push('beyond_agent_months');
  if (discountAbove(input.discountCents, ctx.balanceCents, ctx.authority.maxDiscountBp))
    approvalReasons.push('beyond_agent_discount');
  return { refused, approvalReasons };
}

export function proposePlans(ctx: ProposalContext): Proposals {
  if (!Number.isSafeInteger(ctx.balanceCents) || ctx.balanceCents <= 0)
    throw new RangeError('the balance must be a positive whole number of cents');
  const proposals: Proposal[] = [];
  const notProposed: Proposals['notProposed'] = [];
  const offer = (kind: ProposalKind, agreedCents: number, discountCents: number, schedule: Instalment[]) => {
    const { refused, approvalReasons } = review({ agreedCents, discountCents, schedule }, ctx);
    if (refused.length > 0) notProposed.push({ kind, reasons: refused });
    else proposals.push({ kind, agreedCents, discountCents, schedule, approvalReasons });
  };

  const orientation =
    ctx.capacityCents <= 0 || Math.ceil(ctx.balanceCents / ctx.capacityCents) > MAX_PLAN_MONTHS_BY_LAW;
  // Paying in full is always the debtor's right; above the capacity it is flagged for review.
  offer(
    'pay_in_full',
    ctx.balanceCents,
    0,
    scheduleByAmount(ctx.balanceCents, ctx.balanceCents, ctx.firstDueOn, ctx.place),
  );
  if (orientation) {
    notProposed.push({ kind: 'instalments', reasons: [ctx.capacityCents <= 0 ? 'capacity_zero' : 'beyond_84_months'] });
  } else if (ctx.balanceCents > ctx.capacityCents) {
    offer(
      'instalments',
      ctx.balanceCents,
      0,
      scheduleByAmount(ctx.balanceCents, ctx.capacityCents, ctx.firstDueOn, ctx.place),
    );
  }
  if (ctx.mandate.settlementsAllowed && ctx.mandate.maxDiscountBp > 0) {
    const discountCents = discountAt(ctx.balanceCents, ctx.mandate.maxDiscountBp);
    const agreed = ctx.balanceCents - discountCents;
    if (discountCents > 0 && agreed > 0)
      offer('settlement', agreed, discountCents, scheduleByAmount(agreed, agreed, ctx.firstDueOn, ctx.place));
  } else {
    notProposed.push({ kind: 'settlement', reasons: ['settlement_not_allowed'] });
  }
  return { proposals, orientation, notProposed };
}
