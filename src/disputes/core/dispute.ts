import { addDays, type IsoDate } from '../../platform/calendar/dates.js';

/**
 * A dispute of a claim (REGULATION.md §9): the claimant proves the debt (C. civ. 1353), so collection stops and the
 * creditor is asked for its evidence. Pure: what to ask, by when, which earlier dispute a new one joins, whether an
 * answer holds together and what a person's decision does.
 */
export const DISPUTE_GROUNDS = [
  'not_mine',
  'amount_wrong',
  'already_paid',
  'not_delivered',
  'identity_theft',
  'other',
] as const;
export type DisputeGrounds = (typeof DISPUTE_GROUNDS)[number];

export const DISPUTE_STATUSES = ['evidence_requested', 'answered', 'decided', 'linked'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
/** The statuses of a dispute that still waits for someone: the creditor, or a person's review. */
export const OPEN_DISPUTE_STATUSES = ['evidence_requested', 'answered'] as const satisfies readonly DisputeStatus[];

export const DISPUTE_ANSWERS = ['confirmed', 'adjusted', 'withdrawn'] as const;
export type DisputeAnswer = (typeof DISPUTE_ANSWERS)[number];

export const DISPUTE_DECISIONS = ['resume', 'adjust', 'close'] as const;
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number];

export const CLAIM_COMPONENTS = ['principal', 'interest', 'fees'] as const;
export type ClaimComponent = (typeof CLAIM_COMPONENTS)[number];

/** The evidence REGULATION.md §9 lists, as stable keys the web app words. */
export const EVIDENCE_KINDS = ['contract', 'statement', 'delivery', 'formal_notice', 'assignment'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface DisputedClaim {
  contractType: 'consumer_credit' | 'overdraft' | 'energy' | 'telecom' | 'rent' | 'other';
  /** The claim was bought (a purchased mandate) or placed by another than its original creditor. */
  assigned: boolean;
}

/**
 * What the creditor is asked for: always the signed contract and the account's statement split into principal,
 * interest and fees; proof of delivery when goods or a service are at stake or the debtor says none came; for
 * consumer credit, the formal notice before acceleration and the first unpaid instalment's date (R312-35, which starts
 * the two-year bar); the deed of assignment and its notice when the claim was sold.
 */
export function evidenceToRequest(grounds: DisputeGrounds, claim: DisputedClaim): EvidenceKind[] {
  const goodsOrService = ['energy', 'telecom', 'rent', 'other'].includes(claim.contractType);
  return EVIDENCE_KINDS.filter((kind) => {
    switch (kind) {
      case 'contract':
      case 'statement':
        return true;
      case 'delivery':
        return grounds === 'not_delivered' || goodsOrService;
      case 'formal_notice':
        return claim.contractType === 'consumer_credit';
      case 'assignment':
        return claim.assigned;
    }
  });
}

/** The day the creditor's evidence is due: the mandate's number of days after the agency's today. */
export function evidenceDueOn(today: IsoDate, mandateDays: number): IsoDate {
  return addDays(today, Math.max(1, Math.trunc(mandateDays)));
}

/** An evidence request is overdue the day after its due date, while the creditor has not answered. */
export function isOverdue(dispute: { status: DisputeStatus; evidenceDueOn: IsoDate }, today: IsoDate): boolean {
  return dispute.status === 'evidence_requested' && dispute.evidenceDueOn < today;
}

export interface ExistingDispute {
  id: string;
  claimId: string;
  grounds: DisputeGrounds;
  status: DisputeStatus;
}

/**
 * The dispute a new one joins: the first still waiting on the same claim for the same grounds. A repeated dispute is
 * kept and linked (it follows the first's outcome), never dropped; a dispute on new grounds asks the creditor again.
 */
export function linkTarget(existing: readonly ExistingDispute[], claimId: string, grounds: DisputeGrounds) {
  return (
    existing.find(
      (dispute) =>
        dispute.claimId === claimId &&
        dispute.grounds === grounds &&
        (OPEN_DISPUTE_STATUSES as readonly string[]).includes(dispute.status),
    ) ?? null
  );
}

export type AnswerRefusal = 'disputes.adjustment_required' | 'disputes.adjustment_not_allowed';

/** An adjusted answer carries its correction (a non-zero amount of one component); the others carry none. */
export function checkAnswer(
  answer: DisputeAnswer,
  adjustment: { component: ClaimComponent; amountCents: number } | null,
): AnswerRefusal | null {
  if (answer === 'adjusted')
    return adjustment && Number.isSafeInteger(adjustment.amountCents) && adjustment.amountCents !== 0
      ? null
      : 'disputes.adjustment_required';
  return adjustment ? 'disputes.adjustment_not_allowed' : null;
}

export interface DecisionEffects {
  /** The creditor's correction is posted through the ledger. */
  postAdjustment: boolean;
  /** The claim is recalled (goes back to the creditor) and no longer collected. */
  recallClaim: boolean;
  /** What the debtor is told, by the decision's code. */
  tellDebtor: DisputeDecision;
}

/**
 * What a person's decision does. Adjusting needs the creditor's adjusted answer; any answer may lead to resuming or
 * closing (a person may find a "confirmed" answer unconvincing, or a withdrawal already settled elsewhere).
 */
export function decide(
  answer: DisputeAnswer,
  decision: DisputeDecision,
): DecisionEffects | 'disputes.adjust_needs_adjusted_answer' {
  if (decision === 'adjust' && answer !== 'adjusted') return 'disputes.adjust_needs_adjusted_answer';
  return { postAdjustment: decision === 'adjust', recallClaim: decision === 'close', tellDebtor: decision };
}
