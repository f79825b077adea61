import { addDays, addMonths, isIsoDate } from '../../platform/calendar/dates.js';

/**
 * The vocabulary of a case's life (stages, statuses, closing reasons, the state and the facts a change reads) and the
 * next step each state leaves. Pure. `lifecycle.ts` decides the changes and passes all of this on.
 */

export const CASE_STAGES = [
  'amicable',
  'plan',
  'dispute',
  'overindebtedness',
  'judicial',
  'deceased',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const CASE_STATUSES = ['open', 'on_hold', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CLOSE_REASONS = [
  'paid',
  'recalled',
  'time_barred',
  'deceased',
  'personal_recovery',
  'settled',
  'written_off',
  'merged',
  'other',
  'returned_unpaid',
  'overindebtedness_erasure',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * The reasons a person closes a case for (`closed_by_agency`). Paid and merged are not among them: a case closes as
 * paid only through its payments (`paid_in_full`) and as merged only through a debtor merge (`merged`).
 * `deceased` is a debtor deceased without an estate to claim from (REGULATION §12).
 */
export const AGENCY_CLOSE_REASONS = [
  'settled',
  'recalled',
  'returned_unpaid',
  'deceased',
  'time_barred',
  'overindebtedness_erasure',
] as const satisfies readonly CloseReason[];
export type AgencyCloseReason = (typeof AGENCY_CLOSE_REASONS)[number];

/** Days the creditor has to send its evidence when the mandate says nothing (mandates.dispute_evidence_days). */
export const DEFAULT_EVIDENCE_DAYS = 30;
/** How long a closed file is kept before a person reviews its erasure: the general limitation period (C. civ. 2224). */
export const CLOSED_FILE_REVIEW_MONTHS = 60;

/** Where a case stands: the columns of `cases` this module owns. */
export interface CaseState {
  stage: CaseStage;
  status: CaseStatus;
  closeReason: CloseReason | null;
  /** The agency's date the case closed, YYYY-MM-DD; null while it is open. */
  closedOn: string | null;
  /** The cached outstanding amount; a closed case owes nothing through the agency. */
  balanceCents: number;
}

/** What a change may depend on besides the state, read under the case's row lock. */
export interface CaseFacts extends CaseState {
  openClaims: number;
  paidClaims: number;
  /** The stage the case had when it last closed (its stage history), for a reopening. */
  stageBeforeClosing: CaseStage | null;
  /** Disputes of the case still waiting for the creditor's evidence or a person's review (0 when not given). */
  openDisputes?: number | undefined;
  /** The stage the case had when it last entered the dispute stage, where a resolved dispute takes it back. */
  stageBeforeDispute?: CaseStage | null | undefined;
  /** The stage the case had when it entered the over-indebtedness procedure, where leaving it takes it back. */
  stageBeforeOverindebtedness?: CaseStage | null | undefined;
}

/** Where every case starts: a placement opens it at the amicable stage. */
export const OPENING_STATE: Omit<CaseState, 'balanceCents' | 'closedOn'> = {
  stage: 'amicable',
  status: 'open',
  closeReason: null,
};

/** What the case waits for next, and by when: every state a change leaves has one. */
export const NEXT_ACTIONS = [
  'contact_debtor',
  'follow_plan',
  'await_creditor_evidence',
  'follow_commission',
  'judicial_review',
  'follow_estate',
  'retention_review',
] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];
export interface NextStep {
  action: NextAction;
  /** YYYY-MM-DD, never before the day of the change. */
  dueOn: string;
}

/**
 * The next step of a case in a state: a date for every state, so no change leaves a case that nobody looks at
 * again. An open stage is worked from the day of the change (a dispute: from the creditor's deadline); a closed file
 * is reviewed for erasure when the general limitation period has run.
 */
export function nextStepOf(state: CaseState, today: string, dueOn?: string): NextStep {
  switch (state.stage) {
    case 'amicable':
      return { action: 'contact_debtor', dueOn: today };
    case 'plan':
      return { action: 'follow_plan', dueOn: today };
    case 'dispute':
      return {
        action: 'await_creditor_evidence',
        dueOn: dueOn && isIsoDate(dueOn) && dueOn >= today ? dueOn : addDays(today, DEFAULT_EVIDENCE_DAYS),
      };
    case 'overindebtedness':
      // The commission's plan: from its first instalment.
      return { action: 'follow_commission', dueOn: dueOn && isIsoDate(dueOn) && dueOn >= today ? dueOn : today };
    case 'judicial':
      // An escalated case waits for the end of the debtor's notice before anything is filed.
      return { action: 'judicial_review', dueOn: dueOn && isIsoDate(dueOn) && dueOn >= today ? dueOn : today };
    case 'deceased':
      // The estate's own next date (estates/core: the certificate, the notary, the claim, the option period).
      return { action: 'follow_estate', dueOn: dueOn && isIsoDate(dueOn) && dueOn >= today ? dueOn : today };
    case 'closed':
      return {
        action: 'retention_review',
        dueOn: addMonths(state.closedOn && state.closedOn > today ? state.closedOn : today, CLOSED_FILE_REVIEW_MONTHS),
      };
  }
}
