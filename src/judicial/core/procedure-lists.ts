/**
 * The words of a judicial procedure (its states, outcomes, steps and their transitions, its deadlines and next
 * actions), apart from the counting of deadlines: the contract takes these into the web app, which must not take the
 * business-day calendar with them (`npm run lint:deps`, scripts/lint-deps.ts). Every module takes them from here.
 */

export const STATES = [
  'psrpc_to_invite',
  'psrpc_invited',
  'psrpc_agreed',
  'mediation_to_start',
  'mediation_pending',
  'agreement',
  'requete_to_file',
  'requete_filed',
  'ordonnance_issued',
  'served',
  'opposed',
  'titled',
  'attribution_seized',
  'attribution_denounced',
  'wage_commandement',
  'wage_seizure',
  'contested',
  'ended',
] as const;
export type State = (typeof STATES)[number];

export const OUTCOMES = ['paid', 'withdrawn', 'rejected', 'dismissed', 'title_expired', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The outcomes a person may give when ending a procedure by hand; the others follow from a step. */
export const END_OUTCOMES = ['paid', 'withdrawn', 'other'] as const satisfies readonly Outcome[];

/** A step's guard on the day it happened (`occurredOn`) against the state's deadlines. */
export type Guard = 'within' | 'after' | 'after_first_within_second' | 'after_second' | 'after_title_life';

export interface Transition {
  from: readonly State[] | 'any_open';
  /** The state entered; `stay` for a partner's update or payment. */
  to: State | 'stay';
  guard?: Guard;
  /** The step gives the creditor an enforceable title (its 10-year life starts on the step's day). */
  title?: true;
  /** An enforcement act: only where the state permits enforcement (`collectionActs`). */
  enforcement?: true;
  outcome?: Outcome;
}

export const TRANSITIONS = {
  psrpc_invitation_sent: { from: ['psrpc_to_invite'], to: 'psrpc_invited' },
  psrpc_accepted: { from: ['psrpc_invited'], to: 'psrpc_agreed', guard: 'within' },
  psrpc_refused: { from: ['psrpc_invited'], to: 'requete_to_file' },
  psrpc_no_answer: { from: ['psrpc_invited'], to: 'requete_to_file', guard: 'after' },
  psrpc_title_issued: { from: ['psrpc_agreed'], to: 'titled', title: true },
  mediation_started: { from: ['mediation_to_start'], to: 'mediation_pending' },
  mediation_agreement: { from: ['mediation_pending'], to: 'agreement' },
  mediation_failed: { from: ['mediation_pending'], to: 'requete_to_file' },
  agreement_broken: { from: ['agreement', 'psrpc_agreed'], to: 'requete_to_file' },
  requete_filed: { from: ['requete_to_file'], to: 'requete_filed' },
  ordonnance_issued: { from: ['requete_filed'], to: 'ordonnance_issued' },
  ordonnance_rejected: { from: ['requete_filed'], to: 'ended', outcome: 'rejected' },
  served: { from: ['ordonnance_issued'], to: 'served', guard: 'within' },
  ordonnance_lapsed: { from: ['ordonnance_issued'], to: 'requete_to_file', guard: 'after' },
  // From an enforcement state only as a late opposition (CPC 1416 al. 2: `lateOppositionRefusal`).
  opposition_filed: {
    from: ['served', 'titled', 'attribution_seized', 'attribution_denounced', 'wage_commandement', 'wage_seizure'],
    to: 'opposed',
    guard: 'within',
  },
  opposition_window_closed: { from: ['served'], to: 'titled', guard: 'after', title: true },
  /** The first act served to the debtor in person after a service that was not (CPC 1416 al. 2). */
  act_served_in_person: {
    from: ['titled', 'attribution_seized', 'attribution_denounced', 'wage_commandement', 'wage_seizure', 'contested'],
    to: 'stay',
  },
  judgment_for_creditor: { from: ['opposed'], to: 'titled', title: true },
  judgment_against_creditor: { from: ['opposed'], to: 'ended', outcome: 'dismissed' },
  bank_seized: { from: ['titled'], to: 'attribution_seized', enforcement: true },
  attribution_denounced: { from: ['attribution_seized'], to: 'attribution_denounced', guard: 'within' },
  attribution_lapsed: { from: ['attribution_seized'], to: 'titled', guard: 'after' },
  attribution_contested: { from: ['attribution_denounced'], to: 'contested', guard: 'within' },
  attribution_released: { from: ['attribution_denounced'], to: 'titled', guard: 'after' },
  wage_commandement_served: { from: ['titled'], to: 'wage_commandement', enforcement: true },
  wage_contested: { from: ['wage_commandement'], to: 'contested', guard: 'within' },
  wage_pv_served: {
    from: ['wage_commandement'],
    to: 'wage_seizure',
    guard: 'after_first_within_second',
    enforcement: true,
  },
  wage_commandement_lapsed: { from: ['wage_commandement'], to: 'titled', guard: 'after_second' },
  wage_seizure_ended: { from: ['wage_seizure'], to: 'titled' },
  contest_decided: { from: ['contested'], to: 'titled' },
  title_expired: { from: 'any_open', to: 'ended', guard: 'after_title_life', outcome: 'title_expired' },
  procedure_ended: { from: 'any_open', to: 'ended' },
  partner_update: { from: 'any_open', to: 'stay' },
  partner_payment: { from: 'any_open', to: 'stay' },
} as const satisfies Record<string, Transition>;
export type StepKind = keyof typeof TRANSITIONS;
export const STEP_KINDS = Object.keys(TRANSITIONS) as StepKind[];
/** The steps a person records through the step form; a partner's payment has its own form (it records a payment). */
export const RECORDED_STEPS = STEP_KINDS.filter((kind) => kind !== 'partner_payment') as [StepKind, ...StepKind[]];

export const DEADLINE_KINDS = [
  'psrpc_answer',
  'psrpc_title',
  'mediation_follow_up',
  'agreement_follow_up',
  'ordonnance_follow_up',
  'service',
  'opposition',
  'judgment_follow_up',
  'denunciation',
  'attribution_contest',
  'wage_debtor_month',
  'wage_pv',
  'seizure_follow_up',
  'contest_follow_up',
  'title_life',
  'late_opposition',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const NEXT_ACTIONS = [
  'open_procedure',
  'send_psrpc_invitation',
  'await_psrpc_answer',
  'record_psrpc_no_answer',
  'obtain_psrpc_title',
  'start_mediation',
  'follow_mediation',
  'follow_agreement',
  'file_requete',
  'await_ordonnance',
  'serve_ordonnance',
  'record_ordonnance_lapsed',
  'await_opposition_window',
  'follow_hearing',
  'enforce_title',
  'record_title_expired',
  'denounce_attribution',
  'record_attribution_lapsed',
  'await_attribution_contest',
  'await_debtor_month',
  'serve_wage_pv',
  'record_commandement_lapsed',
  'follow_wage_seizure',
  'follow_contest',
] as const;
export type NextActionKind = (typeof NEXT_ACTIONS)[number];
