export { addMonths, scheduleByAmount, scheduleByMonths, type Instalment } from './schedule.js';
export {
  discountAt,
  MAX_PLAN_MONTHS_BY_LAW,
  proposePlans,
  review,
  type Authority,
  type MandateLimits,
  type Proposal,
  type ProposalContext,
  type ProposalKind,
  type Proposals,
  type Reason,
} from './proposals.js';
export {
  addDays,
  followUp,
  nextStatus,
  PLAN_STATUSES,
  TERMINAL_STATUSES,
  type FollowUp,
  type InstalmentState,
  type InstalmentStatus,
  type PlanEvent,
  type PlanStatus,
} from './lifecycle.js';
export { applyFit, fitToBalance, type PlanFit } from './fit-to-balance.js';
export { checkTerms, type CheckedTerms, type ChosenTerms } from './terms.js';
