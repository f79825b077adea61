/**
 * What the person may choose on the portal (docs/portal.md, "A budget and a plan"), pure: whether a plan may be
 * chosen alone on this file, and each plan the agency proposes said plainly (how many payments, how much, from when
 * to when, the total and what is waived).
 */

/** The version of the consent text the person ticks before signing a plan; recorded with their consent. */
export const PLAN_CONSENT_VERSION = 'portal-plan-consent-1' as const;

/**
 * The holds under which nobody chooses a plan alone on the portal: collection is suspended, the debt is contested, a
 * court, a commission or a representative is involved, or the person's situation is being looked at by the care team.
 * A person of the agency agrees any plan with them then (they are told to call).
 */
export const HOLDS_FORBIDDING_A_PORTAL_PLAN = [
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

/** The stages at which a plan is not chosen alone: a procedure or a person's decision holds the file. */
const STAGES_FORBIDDING_A_PORTAL_PLAN = ['dispute', 'overindebtedness', 'judicial', 'deceased'] as const;

export type PlanRefusal = 'case_closed' | 'on_hold' | 'nothing_owed' | 'plan_exists' | 'budget_required';

/**
 * Why the person may not choose a plan on this file now, or null when they may. The agent's own path refuses a closed
 * case, the over-indebtedness procedure, nothing owed, a live plan and a missing budget; the portal adds the holds and
 * stages a person of the agency handles.
 */
export function planRefusal(facts: {
  status: string;
  stage: string;
  balanceCents: number;
  activeHolds: readonly string[];
  livePlan: boolean;
  hasBudget: boolean;
}): PlanRefusal | null {
  if (facts.status === 'closed' || facts.stage === 'closed') return 'case_closed';
  if (
    (STAGES_FORBIDDING_A_PORTAL_PLAN as readonly string[]).includes(facts.stage) ||
    facts.activeHolds.some((kind) => (HOLDS_FORBIDDING_A_PORTAL_PLAN as readonly string[]).includes(kind))
  )
    return 'on_hold';
  if (facts.balanceCents <= 0) return 'nothing_owed';
  if (facts.livePlan) return 'plan_exists';
  if (!facts.hasBudget) return 'budget_required';
  return null;
}

interface Instalment {
  number: number;
  dueOn: string;
  amountCents: number;
}

export interface ProposalInWords {
  kind: 'pay_in_full' | 'instalments' | 'settlement';
  /** How many payments. */
  count: number;
  /** The usual payment (the first; the last may be smaller). */
  amountCents: number;
  /** The last payment when it differs from the usual one, else null. */
  lastAmountCents: number | null;
  firstDueOn: string;
  lastDueOn: string;
  /** What the person pays in all: nothing is added to it (no interest, no charges). */
  totalCents: number;
  /** What the creditor waives (a settlement), 0 otherwise. */
  waivedCents: number;
  /** The agency's approval is needed first (beyond an agent's authority or above the capacity). */
  needsApproval: boolean;
  schedule: Instalment[];
}

/** A proposal as the person reads it, from the same proposal the agent sees. */
export function proposalInWords(proposal: {
  kind: ProposalInWords['kind'];
  agreedCents: number;
  discountCents: number;
  schedule: readonly Instalment[];
  approvalReasons: readonly string[];
}): ProposalInWords {
  const schedule = proposal.schedule.map((i) => ({ number: i.number, dueOn: i.dueOn, amountCents: i.amountCents }));
  const first = schedule[0]!;
  const last = schedule.at(-1)!;
  return {
    kind: proposal.kind,
    count: schedule.length,
    amountCents: first.amountCents,
    lastAmountCents: schedule.length > 1 && last.amountCents !== first.amountCents ? last.amountCents : null,
    firstDueOn: first.dueOn,
    lastDueOn: last.dueOn,
    totalCents: schedule.reduce((sum, i) => sum + i.amountCents, 0),
    waivedCents: proposal.discountCents,
    needsApproval: proposal.approvalReasons.length > 0,
    schedule,
  };
}

/** The next instalment still to pay of a schedule, or null when all are paid. */
export function nextInstalment<T extends { status: string; number: number }>(instalments: readonly T[]): T | null {
  return [...instalments].sort((a, b) => a.number - b.number).find((i) => i.status !== 'paid') ?? null;
}
