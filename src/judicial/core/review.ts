import { addDays, compareDates, laterDate, type IsoDate } from '../../platform/calendar/dates.js';
import type { JudicialRoute } from './route.js';

/**
 * The review before the judicial stage (issue 15, REGULATION.md §4, §11, §12; pure: `today` is a parameter).
 *
 * Never automatic (GDPR art. 22): a case without an amicable solution (no live plan, no payment) for its mandate's
 * delay waits for a person, who escalates it, keeps it amicable until a new date, closes it, or returns it to the
 * creditor. An escalation is refused, with a stable reason, when the claim is time-barred, disputed, under an
 * over-indebtedness procedure or a hold that stays enforcement, below the mandate's threshold, when forbearance was
 * never offered (CCD2 art. 35), when the debtor died, or while a vulnerability is under review (care).
 *
 * `reviewDueOn` is the rule the queue's refresh writes in SQL (review-queue.ts); a test holds both equal.
 */

export const REVIEW_DECISIONS = ['escalate', 'keep_amicable', 'close', 'return_to_creditor'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Stages whose cases a review looks at: the amicable stage, and a dispute (shown, blocked) that came from it. */
export const REVIEWED_STAGES = ['amicable', 'dispute'] as const;

/** Plan statuses that are an amicable solution in progress: the case is not due a review while one exists. */
export const LIVE_PLAN_STATUSES = ['proposed', 'pending_approval', 'agreed', 'active'] as const;

/** Days the debtor has between the pre-litigation notice and the first filing [CHOICE]. */
export const PRE_LITIGATION_NOTICE_DAYS = 8;
/** The longest a reviewer may keep a case amicable before it is reviewed again [CHOICE]. */
export const MAX_KEEP_AMICABLE_DAYS = 365;
export const REVIEW_DAYS_BOUNDS = { min: 60, max: 365 } as const;

export interface ReviewDueFacts {
  stage: string;
  status: string;
  openedOn: IsoDate;
  /** The mandate's delay without an amicable solution (mandates.judicial_review_days). */
  reviewDays: number;
  livePlan: boolean;
  /** The last payment not reversed, the day the last plan ended, the day the case came back from the judicial stage. */
  lastPaymentOn: IsoDate | null;
  lastPlanEndedOn: IsoDate | null;
  returnedOn: IsoDate | null;
  /** The latest date a reviewer kept the case amicable until. */
  keptUntil: IsoDate | null;
}

/** The day a case becomes due a review, or null while it is not one a review looks at (closed, another stage, a plan). */
export function reviewDueOn(facts: ReviewDueFacts): IsoDate | null {
  if (facts.status === 'closed' || !(REVIEWED_STAGES as readonly string[]).includes(facts.stage)) return null;
  if (facts.livePlan) return null;
  const anchor = [facts.lastPaymentOn, facts.lastPlanEndedOn, facts.returnedOn].reduce<IsoDate>(
    (latest, day) => (day ? laterDate(latest, day) : latest),
    facts.openedOn,
  );
  const due = addDays(anchor, facts.reviewDays);
  return facts.keptUntil ? laterDate(due, facts.keptUntil) : due;
}

export function isDueForReview(facts: ReviewDueFacts, today: IsoDate): boolean {
  const due = reviewDueOn(facts);
  return due !== null && compareDates(due, today) <= 0;
}

export const ESCALATION_BLOCKS = [
  'case_closed',
  'already_judicial',
  'nothing_owed',
  'time_barred',
  'dispute_open',
  'overindebtedness',
  'enforcement_stayed',
  'debtor_deceased',
  'vulnerability_review',
  'below_threshold',
  'no_forbearance_offered',
] as const;
export type EscalationBlock = (typeof ESCALATION_BLOCKS)[number];

/** What the review queue may be narrowed to: the cases a person may escalate now, the blocked ones, or one block's. */
export const BLOCK_FILTERS = ['none', 'any', ...ESCALATION_BLOCKS] as const;
export type BlockFilter = (typeof BLOCK_FILTERS)[number];

/** Whether a case with these blocks is one the filter keeps. */
export function keptByBlockFilter(blocks: readonly EscalationBlock[], filter: BlockFilter): boolean {
  if (filter === 'none') return blocks.length === 0;
  if (filter === 'any') return blocks.length > 0;
  return blocks.includes(filter);
}

/** Hold kinds that stay enforcement, and the block each one is. A care hold is a vulnerability under review. */
export const BLOCKING_HOLDS: Readonly<Record<string, EscalationBlock>> = {
  overindebtedness_filed: 'overindebtedness',
  overindebtedness_admissible: 'overindebtedness',
  commission_plan: 'overindebtedness',
  debt_advice: 'enforcement_stayed',
  dispute: 'dispute_open',
  time_barred: 'time_barred',
  deceased: 'debtor_deceased',
  vulnerability: 'vulnerability_review',
};

export interface EscalationFacts {
  stage: string;
  status: string;
  openClaims: number;
  /** Principal and interest still owed on the open claims, in cents. */
  amountCents: number;
  /** The mandate's threshold: below it, no court action (mandates.judicial_threshold_cents). */
  thresholdCents: number;
  timeBarredClaims: number;
  openDisputes: number;
  /** Kinds of the debtor's and the case's active holds. */
  activeHoldKinds: readonly string[];
  /** Plan versions recorded on the case (offers of forbearance made, whatever became of them). */
  forbearanceOffers: number;
  debtorDeceased: boolean;
}

/** Every reason the case may not be escalated now, in the order above; empty when a person may escalate it. */
export function escalationBlocks(facts: EscalationFacts): EscalationBlock[] {
  const blocks = new Set<EscalationBlock>();
  if (facts.status === 'closed' || facts.stage === 'closed') blocks.add('case_closed');
  if (facts.stage === 'judicial') blocks.add('already_judicial');
  if (facts.openClaims === 0 || facts.amountCents <= 0) blocks.add('nothing_owed');
  if (facts.timeBarredClaims > 0) blocks.add('time_barred');
  if (facts.openDisputes > 0 || facts.stage === 'dispute') blocks.add('dispute_open');
  if (facts.stage === 'overindebtedness') blocks.add('overindebtedness');
  if (facts.stage === 'deceased' || facts.debtorDeceased) blocks.add('debtor_deceased');
  for (const kind of facts.activeHoldKinds) {
    const block = BLOCKING_HOLDS[kind];
    if (block) blocks.add(block);
  }
  if (facts.amountCents > 0 && facts.amountCents < facts.thresholdCents) blocks.add('below_threshold');
  if (facts.forbearanceOffers === 0) blocks.add('no_forbearance_offered');
  return ESCALATION_BLOCKS.filter((block) => blocks.has(block));
}

/** The pre-litigation notice's effect: the first day anything may be filed. */
export function fileNotBefore(noticeOn: IsoDate): IsoDate {
  return addDays(noticeOn, PRE_LITIGATION_NOTICE_DAYS);
}

/** What is wrong with a new review date a reviewer gives when keeping a case amicable, or null. */
export function keepAmicableProblem(today: IsoDate, nextReviewOn: IsoDate): 'judicial.next_review_invalid' | null {
  if (compareDates(nextReviewOn, today) <= 0) return 'judicial.next_review_invalid';
  if (compareDates(nextReviewOn, addDays(today, MAX_KEEP_AMICABLE_DAYS)) > 0) return 'judicial.next_review_invalid';
  return null;
}

export type EscalationCheck =
  { outcome: 'allowed'; route: JudicialRoute } | { outcome: 'refused'; block: EscalationBlock | 'route_not_allowed' };

/**
 * Whether a person may escalate the case by the route they chose: refused with the first block, or when the route is
 * not one the facts allow (route.ts). Never allowed for a blocked case, whatever the route.
 */
export function checkEscalation(
  facts: EscalationFacts,
  chosen: JudicialRoute,
  allowed: readonly JudicialRoute[],
): EscalationCheck {
  const [block] = escalationBlocks(facts);
  if (block) return { outcome: 'refused', block };
  if (!allowed.includes(chosen)) return { outcome: 'refused', block: 'route_not_allowed' };
  return { outcome: 'allowed', route: chosen };
}

/** What the review screen proposes: escalation only when nothing blocks it, otherwise keeping the case amicable. */
export function proposedDecision(blocks: readonly EscalationBlock[]): ReviewDecision {
  if (blocks.includes('case_closed')) return 'close';
  return blocks.length === 0 ? 'escalate' : 'keep_amicable';
}
