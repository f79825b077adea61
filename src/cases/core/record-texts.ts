import type { Message } from '../../platform/message.js';

/** The kinds of line a case's timeline holds (the check constraint of `case_events.kind`). */
export const CASE_EVENT_KINDS = [
  'placement',
  'letter',
  'call_attempt',
  'conversation',
  'sms',
  'email',
  'note',
  'stage_change',
  'promise',
  'payment_reported',
  'hold',
  'contact_override',
  'preferences',
  'plan',
  'review',
  'payment',
  'payment_reversed',
  'task',
  'assignment',
  'dispute',
  'complaint',
  'estate',
  'judicial',
  'care',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/**
 * How the reader's page shows a parameter: `text` as written (a reference, a name, a reason a person typed), `money`
 * in cents and `count` in the reader's grouping, `date` (YYYY-MM-DD) and `dateTime` (ISO instant) in the reader's
 * locale, `channel`, `holdKind`, `planKind`, `reversalKind`, `adjustmentCause` and the other code kinds (a judicial
 * procedure's `judicialState`, `judicialStep`, `judicialDeadline`, `judicialCostKind`, `judicialOutcome`,
 * `judicialReporter`…) as codes the web translates,
 * `approvalReasons` as codes separated by ", ", each translated, `message` as a `Message` the server composed in the
 * three languages.
 */
export type RecordParamKind =
  | 'text'
  | 'money'
  | 'count'
  | 'date'
  | 'dateTime'
  | 'channel'
  | 'holdKind'
  | 'planKind'
  | 'reversalKind'
  | 'adjustmentCause'
  | 'approvalReasons'
  | 'closeReason'
  | 'disputeGrounds'
  | 'disputeAnswer'
  | 'disputeDecision'
  | 'complaintSubject'
  | 'complaintOutcome'
  | 'estateRole'
  | 'heirOption'
  | 'judicialRoute'
  | 'reviewDecision'
  | 'judicialState'
  | 'judicialStep'
  | 'judicialDeadline'
  | 'judicialCostKind'
  | 'judicialOutcome'
  | 'judicialReporter'
  | 'message';

/**
 * Every text the system writes on a case file (the timeline's summaries, the stage history's reasons), by key, with
 * the kind of each parameter. The file stores the key and the parameters; the web app says it in the reader's
 * language at display time. Keys are never renamed (old rows keep theirs); a new text is a new key.
 */
export const RECORD_TEXTS = {
  // The lifecycle's changes (core/lifecycle.ts): the stage history's reason and the timeline's summary.
  plan_agreed: { planVersion: 'count' },
  plan_cancelled_to_amicable: {},
  plan_broken_to_amicable: {},
  paid_in_full: {},
  payment_reversed_reopened: {},
  merged: { intoCaseReference: 'text' },
  recalled: {},
  closed_by_creditor: {},
  dispute_stage_opened: {},
  dispute_stage_resolved: {},
  case_closed: { closeReason: 'closeReason', note: 'text' },
  case_reopened: { note: 'text' },
  death_reported_stage: {},
  judicial_escalated: { route: 'judicialRoute', fileNotBefore: 'date' },
  judicial_returned: { note: 'text' },
  // The review before the judicial stage (src/judicial): the decision, and the debtor told before anything is filed.
  judicial_review_decided: { decision: 'reviewDecision', reason: 'text' },
  judicial_review_kept: { nextReviewOn: 'date', reason: 'text' },
  judicial_notice_sent: { route: 'judicialRoute', fileNotBefore: 'date' },
  // The judicial procedure (src/judicial/procedure-*.ts): opened, each step with its day, its source (the agency, or
  // the partner's update entered) and the state entered, a cost line and who bears it, a payment the partner collected.
  // A step's or a cost's note stays on the procedure: never copied here.
  judicial_procedure_opened: { route: 'judicialRoute' },
  judicial_procedure_opened_partner: { route: 'judicialRoute', partner: 'text' },
  judicial_step: { step: 'judicialStep', on: 'date', by: 'judicialReporter', state: 'judicialState' },
  judicial_step_due: {
    step: 'judicialStep',
    on: 'date',
    by: 'judicialReporter',
    state: 'judicialState',
    deadline: 'judicialDeadline',
    dueOn: 'date',
  },
  judicial_step_ended: { step: 'judicialStep', on: 'date', by: 'judicialReporter', outcome: 'judicialOutcome' },
  judicial_cost_debtor: { cost: 'judicialCostKind', amountCents: 'money', on: 'date', claimReference: 'text' },
  judicial_cost_creditor: { cost: 'judicialCostKind', amountCents: 'money', on: 'date' },
  judicial_partner_payment: { amountCents: 'money', on: 'date' },
  judicial_partner_payment_fee: { amountCents: 'money', on: 'date', feeCents: 'money' },
  overindebtedness_entered: {},
  overindebtedness_inadmissible: {},
  overindebtedness_ended: {},
  overindebtedness_measures_apply: {},
  overindebtedness_erased: {},
  // Over-indebtedness (src/overindebtedness): each step of the procedure with its day and its first deadline.
  overindebtedness_step: { state: 'message', on: 'date' },
  overindebtedness_step_due: { state: 'message', on: 'date', dueOn: 'date' },
  // Deceased debtors (src/estates): the report, the proof, the parties, the claim declared, the heirs' options.
  estate_death_reported: {},
  estate_death_proven: { diedOn: 'date', optionEndsOn: 'date' },
  estate_party_added: { role: 'estateRole' },
  estate_claim_declared: {},
  estate_claim_declared_by: { deadlineOn: 'date' },
  estate_option_recorded: { option: 'heirOption' },
  // Referrals of the care unit (src/care/referrals): neutral words, never the organisation, the need or the outcome.
  care_referral_proposed: { followUpOn: 'date' },
  care_referral_sent: {},
  care_referral_follow_up_moved: { followUpOn: 'date' },
  care_referral_closed: {},
  // Disputes (src/disputes): recorded, linked to an earlier one, the creditor asked and answering, a person's decision.
  dispute_recorded: { grounds: 'disputeGrounds', claimReference: 'text', dueOn: 'date' },
  dispute_linked: { grounds: 'disputeGrounds', claimReference: 'text' },
  dispute_answered: { answer: 'disputeAnswer', claimReference: 'text' },
  dispute_decided: { decision: 'disputeDecision', claimReference: 'text', note: 'text' },
  dispute_debtor_told: { decision: 'disputeDecision', claimReference: 'text' },
  // Complaints (src/complaints): registered with their deadlines, acknowledged, answered (a refusal names the
  // mediator), closed or taken to the mediator. The summary the person gave is never copied here.
  complaint_registered: {
    reference: 'text',
    subject: 'complaintSubject',
    receivedOn: 'date',
    acknowledgeBy: 'date',
    answerBy: 'date',
  },
  complaint_acknowledged: { reference: 'text', answerBy: 'date' },
  complaint_answered: { reference: 'text', outcome: 'complaintOutcome' },
  complaint_answered_mediator: { reference: 'text', outcome: 'complaintOutcome', mediator: 'text' },
  complaint_closed: { reference: 'text' },
  complaint_referred_to_mediator: { reference: 'text' },
  // A placement opens the case.
  placement: { creditor: 'text', mandate: 'text' },
  placement_file: { creditor: 'text', mandate: 'text', file: 'text' },
  // Plans.
  plan_recorded_agreed: { version: 'count', planKind: 'planKind', amountCents: 'money', instalments: 'count' },
  plan_recorded_pending: { version: 'count', planKind: 'planKind', amountCents: 'money', instalments: 'count' },
  plan_approved: { version: 'count', by: 'text', reason: 'text' },
  plan_refused: { version: 'count', by: 'text', reason: 'text' },
  plan_cancelled: { reason: 'text' },
  plan_cancelled_case_closed: { closeReason: 'closeReason' },
  plan_completed: {},
  plan_adjusted: { version: 'count', fromCents: 'money', toCents: 'money', remaining: 'count' },
  plan_broken: { instalment: 'count', graceDays: 'count' },
  // A plan's history (plan_events.reason), read back from what plans/core/event-reasons.ts wrote.
  plan_within_authority: {},
  plan_needs_approval: { reasons: 'approvalReasons' },
  plan_chosen_with_debtor: {},
  plan_instalment_paid: { instalment: 'count', reference: 'text' },
  plan_instalment_paid_by_payment: { instalment: 'count' },
  plan_first_due: { dueOn: 'date' },
  plan_unpaid_beyond_grace: { instalment: 'count', graceDays: 'count' },
  plan_adjusted_to_balance: { cause: 'adjustmentCause', fromCents: 'money', toCents: 'money' },
  plan_due_again: { instalments: 'text', receiptNumber: 'text' },
  plan_case_closed: { closeReason: 'closeReason' },
  plan_commission_schedule: { decisionRef: 'text' },
  // Reviews and follow-ups.
  orientation_flagged: {},
  orientation_flagged_note: { note: 'text' },
  review_closed: { outcome: 'text' },
  task_created: { title: 'message', dueOn: 'date' },
  // Who works the case.
  assigned_care_team: {},
  assigned_team: { team: 'text', note: 'text' },
  assigned_agent: { team: 'text', note: 'text' },
  // Promises.
  promise_made: { amountCents: 'money', dueOn: 'date' },
  promise_kept: { amountCents: 'money' },
  promise_cancelled: { reason: 'text' },
  promise_broken: { amountCents: 'money', dueOn: 'date' },
  // Contacts and the contact policy.
  first_letter: { reference: 'text' },
  first_letter_it: { reference: 'text' },
  mail_returned: { reference: 'text', returnedOn: 'date' },
  contact_recorded: { channel: 'channel' },
  contact_override: { channel: 'channel', reason: 'text' },
  callback_requested: { at: 'dateTime' },
  // Messages Accord sends itself (src/communications): what went out, and what the transport said of it after.
  message_sent: { channel: 'channel', template: 'text' },
  message_delivered: { channel: 'channel' },
  message_failed: { channel: 'channel' },
  message_bounced: { channel: 'channel' },
  opted_out_by_reply: { channel: 'channel' },
  // The debtor wrote back by SMS: the line says so, never what (the text is on the case's messages, for its readers).
  sms_reply_received: {},
  hold_placed: { holdKind: 'holdKind' },
  hold_lifted: { holdKind: 'holdKind', reason: 'text' },
  // What a person wrote on the file; a care hold as read by someone with no need to know (need-to-know/holds.ts).
  note: { text: 'text' },
  care_rule_restricted: {},
  // The care unit (src/care): neutral words only, never a driver, the note or a diagnosis.
  care_recorded: { reviewOn: 'date' },
  care_reviewed: { reviewOn: 'date' },
  care_ended: {},
  care_review_due: {},
  care_breathing_space_started: { until: 'date' },
  care_breathing_space_renewed: { until: 'date' },
  care_signal_dismissed: {},
  // The debtor portal (src/portal): the person's own requests, in neutral words (never the difficulty declared).
  portal_difficulty_declared: {},
  portal_callback_requested: { at: 'dateTime' },
  portal_preferences_set: {},
  portal_address_given: { postalCode: 'text', city: 'text' },
  portal_phone_given: {},
  portal_budget_declared: {},
  portal_plan_signed: {},
  portal_mandate_signed: { reference: 'text' },
  portal_mandate_revoked: { reference: 'text' },
  portal_debits_notified: { reference: 'text' },
  // The demo's history (src/demo/seed.ts): calls, messages, reminders and stage changes as an agency records them.
  placed_by_creditor: {},
  call_no_answer: {},
  call_voicemail: {},
  call_wrong_number: {},
  conversation_promise_to_pay: {},
  conversation_callback_requested: {},
  conversation_hardship_declared: {},
  conversation_refusal: {},
  conversation_right_party: {},
  reminder_sms: {},
  reminder_letter: { reference: 'text', sentOn: 'date' },
  reminder_letter_withdrawn: { reference: 'text', because: 'message' },
  stage_plan: {},
  stage_dispute: {},
  stage_overindebtedness: {},
  stage_judicial: {},
  stage_closed: {},
  // Payments.
  payment_received: { amountCents: 'money', receiptNumber: 'text' },
  payment_reversed: { reversalKind: 'reversalKind', receiptNumber: 'text', reason: 'text' },
} as const satisfies Record<string, Record<string, RecordParamKind>>;

export type RecordTextKey = keyof typeof RECORD_TEXTS;
export const RECORD_TEXT_KEYS = Object.keys(RECORD_TEXTS) as RecordTextKey[];

type ParamValue<K extends RecordParamKind> = K extends 'money' | 'count'
  ? number
  : K extends 'message'
    ? Message
    : string;
type ParamsOf<K extends RecordTextKey> = {
  [P in keyof (typeof RECORD_TEXTS)[K]]: (typeof RECORD_TEXTS)[K][P] extends RecordParamKind
    ? ParamValue<(typeof RECORD_TEXTS)[K][P]>
    : never;
};

/** A text of the case file: its key and its parameters, checked against `RECORD_TEXTS` where it is written. */
export type RecordText = { [K in RecordTextKey]: { key: K; params: ParamsOf<K> } }[RecordTextKey];

/** A parameter as stored and sent: what `RecordText`'s parameters are once they leave the server's types. */
export type RecordParam = string | number | Message;

/** Builds a text of the case file (the parameters' names and kinds are those of its key). */
export function recordText<K extends RecordTextKey>(key: K, params: ParamsOf<K>): RecordText {
  return { key, params } as RecordText;
}
