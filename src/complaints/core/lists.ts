/**
 * The words of complaints (their channels, subjects, statuses, outcomes, root causes and deadline states), apart from
 * the deadlines' arithmetic in `complaint.ts`: the contract takes these into the web app, which must not take the
 * business-day calendar with them (`npm run lint:deps`, scripts/lint-deps.ts).
 */

export const COMPLAINT_CHANNELS = ['phone', 'letter', 'email', 'sms', 'portal', 'in_person', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_SUBJECTS = [
  'contact_frequency',
  'amount',
  'hardship_not_heard',
  'fraud',
  'data',
  'agent_conduct',
  'other',
] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];
export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'answered', 'closed', 'mediator'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_OUTCOMES = ['upheld', 'partially_upheld', 'refused'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const ROOT_CAUSES = [
  'contact_policy',
  'process',
  'agent_error',
  'creditor_data',
  'system',
  'third_party',
  'no_fault',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];
/** Where a complaint stands against its deadlines. */
export const DEADLINE_STATUSES = ['on_time', 'due_soon', 'overdue', 'met', 'missed'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
