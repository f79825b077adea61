import type { IsoDate } from '../../platform/calendar/dates.js';
import { countDeadline, type DeadlineCalendar } from '../../platform/calendar/legal-deadlines.js';
import type { ProcedureDeadline } from './deadline-rules.js';

/** The debtor's calendar and the deadline rules in force (`procedure_deadline_rules`). */
export type ProcedureCalendar = DeadlineCalendar<ProcedureDeadline>;

/**
 * An over-indebtedness procedure as the creditor's agent lives it (REGULATION.md §2 and §10). Pure: the day is a
 * parameter, the deadlines are counted with the dated reference data passed in, on the debtor's calendar.
 *
 * France (Banque de France commission, C. conso L711-1 ff.):
 *   filed ─► admissible | inadmissible ─► liabilities_stated ─► orientation
 *   (plan_conventionnel | mesures_imposees | prp_sans_liquidation | prp_avec_liquidation) ─► plan_applies | erased
 *   ─► closed. An inadmissible file may come back admissible on appeal; every live state may close (file withdrawn,
 *   procedure ended without measures).
 * Italy (CCII, composizione della crisi da sovraindebitamento): filed_occ ─► protective_measures ─► plan_approved |
 *   liquidazione_controllata ─► erased (esdebitazione) | closed.
 *
 * One procedure covers every debt of the debtor, so every open case of the debtor, at every creditor.
 */
export const FR_STATES = [
  'filed',
  'admissible',
  'inadmissible',
  'liabilities_stated',
  'plan_conventionnel',
  'mesures_imposees',
  'prp_sans_liquidation',
  'prp_avec_liquidation',
  'plan_applies',
  'erased',
  'closed',
] as const;
export const IT_STATES = [
  'filed_occ',
  'protective_measures',
  'plan_approved',
  'liquidazione_controllata',
  'erased',
  'closed',
] as const;
export const PROCEDURE_STATES = [
  ...FR_STATES,
  'filed_occ',
  'protective_measures',
  'plan_approved',
  'liquidazione_controllata',
] as const;
export type ProcedureState = (typeof PROCEDURE_STATES)[number];
export const PROCEDURE_COUNTRIES = ['FR', 'IT'] as const;
export type ProcedureCountry = (typeof PROCEDURE_COUNTRIES)[number];

/** Where a procedure ends: nothing more is recorded after these. */
export const FINAL_STATES: readonly ProcedureState[] = ['erased', 'closed'];

/** The states each state may go to. */
export const NEXT_STATES: Readonly<Record<ProcedureState, readonly ProcedureState[]>> = {
  filed: ['admissible', 'inadmissible', 'closed'],
  admissible: [
    'liabilities_stated',
    'plan_conventionnel',
    'mesures_imposees',
    'prp_sans_liquidation',
    'prp_avec_liquidation',
    'closed',
  ],
  inadmissible: ['admissible', 'closed'],
  liabilities_stated: [
    'plan_conventionnel',
    'mesures_imposees',
    'prp_sans_liquidation',
    'prp_avec_liquidation',
    'closed',
  ],
  plan_conventionnel: ['plan_applies', 'mesures_imposees', 'prp_sans_liquidation', 'closed'],
  mesures_imposees: ['plan_applies', 'closed'],
  prp_sans_liquidation: ['erased', 'closed'],
  prp_avec_liquidation: ['erased', 'closed'],
  plan_applies: ['closed'],
  filed_occ: ['protective_measures', 'plan_approved', 'liquidazione_controllata', 'closed'],
  protective_measures: ['plan_approved', 'liquidazione_controllata', 'closed'],
  plan_approved: ['closed'],
  liquidazione_controllata: ['erased', 'closed'],
  erased: [],
  closed: [],
};

/** The states a procedure of a country starts in. */
export const FIRST_STATE: Readonly<Record<ProcedureCountry, ProcedureState>> = { FR: 'filed', IT: 'filed_occ' };

export function statesOf(country: ProcedureCountry): readonly ProcedureState[] {
  return country === 'FR' ? FR_STATES : IT_STATES;
}

/**
 * The acts on a claim the procedure allows or forbids. `interest_accrual` and `fee_charge` are guards: Accord adds
 * no interest and no fee to a claim today, and anything that would must ask here first (L722-14: none from
 * admissibility until the measures apply; the measures set their own, and Accord takes the commission's schedule).
 */
export const ACTS = [
  'collection_contact',
  'payment_request',
  'direct_debit',
  'plan_instalment_request',
  'plan_direct_debit',
  'interest_accrual',
  'fee_charge',
  'enforcement',
] as const;
export type Act = (typeof ACTS)[number];

/** The states in which the stay applies: no collection at all (L722-2, L722-5, R722-5; Italy: protective measures). */
export const STAYED_STATES: readonly ProcedureState[] = [
  'admissible',
  'liabilities_stated',
  'plan_conventionnel',
  'mesures_imposees',
  'prp_sans_liquidation',
  'prp_avec_liquidation',
  'erased',
  'protective_measures',
  'liquidazione_controllata',
];
/** The states in which the commission's (or the judge's) plan applies: only its schedule is collected. */
export const PLAN_STATES: readonly ProcedureState[] = ['plan_applies', 'plan_approved'];

export function isStayed(state: ProcedureState): boolean {
  return STAYED_STATES.includes(state);
}

/** Which acts are allowed in a state. */
export function allowedActs(state: ProcedureState): ReadonlySet<Act> {
  if (isStayed(state)) return new Set();
  if (PLAN_STATES.includes(state)) return new Set<Act>(['plan_instalment_request', 'plan_direct_debit']);
  // Filed (France: a [CHOICE] pause of calls and texts, the contact policy's hold) or filed with the OCC: collection
  // goes on by letter, but nothing adds to the claim and no enforcement starts while the file is examined.
  if (state === 'filed' || state === 'filed_occ')
    return new Set<Act>([
      'collection_contact',
      'payment_request',
      'direct_debit',
      'plan_instalment_request',
      'plan_direct_debit',
    ]);
  // Inadmissible or closed: the procedure no longer covers the claim.
  return new Set<Act>(ACTS);
}

export function mayAct(state: ProcedureState, act: Act): boolean {
  return allowedActs(state).has(act);
}

/** The contact policy's hold the state places (the holds of src/contact-policy), or none. */
export type ProcedureHoldKind = 'overindebtedness_filed' | 'overindebtedness_admissible' | 'commission_plan';
export function holdKindOf(state: ProcedureState): ProcedureHoldKind | null {
  if (state === 'filed' || state === 'filed_occ') return 'overindebtedness_filed';
  if (isStayed(state) && state !== 'erased') return 'overindebtedness_admissible';
  if (PLAN_STATES.includes(state)) return 'commission_plan';
  return null;
}

/** What the state does to the cases it covers (cases/core/lifecycle.ts). */
export type CaseEffect = 'in_procedure' | 'plan_applies' | 'leave' | 'erase';
export function caseEffectOf(state: ProcedureState): CaseEffect {
  if (state === 'inadmissible' || state === 'closed') return 'leave';
  if (state === 'erased') return 'erase';
  if (PLAN_STATES.includes(state)) return 'plan_applies';
  return 'in_procedure';
}

/** A dated step: the state and the day of the letter or decision that made it, with its document when recorded. */
export interface ProcedureStep {
  state: ProcedureState;
  on: IsoDate;
  documentRef: string | null;
}

export interface ProcedureFacts {
  country: ProcedureCountry;
  /** Oldest first; the first is the filing. */
  steps: readonly ProcedureStep[];
}

export function currentStep(procedure: ProcedureFacts): ProcedureStep {
  const step = procedure.steps.at(-1);
  if (!step) throw new Error('A procedure has at least its filing');
  return step;
}

/** A deadline of the current state, with its source and whether it moved off a closed day (CPC 642). */
export interface Deadline {
  deadline: ProcedureDeadline;
  /** The day the law's count ends (before any move). */
  countEndsOn: IsoDate;
  /** The last day to act: `countEndsOn`, moved to the next working day when it is closed and the rule moves it. */
  dueOn: IsoDate;
  moved: boolean;
  source: string;
  tag: 'law' | 'check' | 'choice';
}

/** The last day of a deadline that starts on `from` (the day of the letter or decision), on the debtor's calendar. */
export function deadlineFrom(deadline: ProcedureDeadline, from: IsoDate, calendar: ProcedureCalendar): Deadline {
  const { rule, countEndsOn, dueOn } = countDeadline(calendar, deadline, from);
  return { deadline, countEndsOn, dueOn, moved: dueOn !== countEndsOn, source: rule.source, tag: rule.tag };
}

/** The deadlines each state starts, counted from the state's day (the stay's end: from admissibility). */
const STATE_DEADLINES: Readonly<Record<ProcedureState, readonly ProcedureDeadline[]>> = {
  filed: ['decision_expected'],
  admissible: ['admissibility_appeal'],
  inadmissible: ['admissibility_appeal'],
  liabilities_stated: ['liabilities_proof'],
  plan_conventionnel: ['plan_refusal'],
  mesures_imposees: ['measures_contest'],
  prp_sans_liquidation: ['prp_contest'],
  prp_avec_liquidation: ['prp_contest'],
  plan_applies: [],
  filed_occ: ['occ_claim_lodging'],
  protective_measures: ['occ_follow_up'],
  plan_approved: [],
  liquidazione_controllata: ['occ_claim_lodging'],
  erased: [],
  closed: [],
};

/** The states before a decision on the measures, during which the stay's end matters (it ends unless a decision came). */
const AWAITING_DECISION: readonly ProcedureState[] = ['admissible', 'liabilities_stated'];

/** The deadlines of the procedure as it stands: the current state's, and the stay's end while no decision came. */
export function deadlinesOf(procedure: ProcedureFacts, calendar: ProcedureCalendar): Deadline[] {
  const step = currentStep(procedure);
  const own = STATE_DEADLINES[step.state].map((deadline) => deadlineFrom(deadline, step.on, calendar));
  const admissible = procedure.steps.findLast((s) => s.state === 'admissible');
  if (admissible && AWAITING_DECISION.includes(step.state)) own.push(deadlineFrom('stay_end', admissible.on, calendar));
  return own;
}

export const PROCEDURE_ACTIONS = [
  'record_document',
  'record_admissibility',
  'watch_appeal',
  'record_liabilities_statement',
  'prove_claim',
  'answer_plan',
  'decide_contest',
  'record_orientation',
  'record_measures_apply',
  'record_erasure',
  'record_stay_end',
  'lodge_claim_with_occ',
  'follow_occ',
  'follow_plan',
  'close_procedure',
] as const;
export type ProcedureAction = (typeof PROCEDURE_ACTIONS)[number];

export interface NextProcedureAction {
  action: ProcedureAction;
  /** Never before today: an overdue action is due today (`overdue` says so). */
  dueOn: IsoDate;
  overdue: boolean;
  /** The deadline the action answers, when it answers one. */
  deadline: ProcedureDeadline | null;
}

/** What to do while the state's deadline runs, and once it has run. */
const ACTIONS: Readonly<Record<ProcedureState, { during: ProcedureAction; after: ProcedureAction }>> = {
  filed: { during: 'record_admissibility', after: 'record_admissibility' },
  admissible: { during: 'watch_appeal', after: 'record_liabilities_statement' },
  inadmissible: { during: 'watch_appeal', after: 'close_procedure' },
  liabilities_stated: { during: 'prove_claim', after: 'record_orientation' },
  plan_conventionnel: { during: 'answer_plan', after: 'record_measures_apply' },
  mesures_imposees: { during: 'decide_contest', after: 'record_measures_apply' },
  prp_sans_liquidation: { during: 'decide_contest', after: 'record_erasure' },
  prp_avec_liquidation: { during: 'decide_contest', after: 'record_erasure' },
  plan_applies: { during: 'follow_plan', after: 'follow_plan' },
  filed_occ: { during: 'lodge_claim_with_occ', after: 'follow_occ' },
  protective_measures: { during: 'follow_occ', after: 'follow_occ' },
  plan_approved: { during: 'follow_plan', after: 'follow_plan' },
  liquidazione_controllata: { during: 'lodge_claim_with_occ', after: 'follow_occ' },
  erased: { during: 'close_procedure', after: 'close_procedure' },
  closed: { during: 'close_procedure', after: 'close_procedure' },
};

/**
 * The next action of a procedure that is not final: its document when the step's letter is not recorded, else what
 * the state's first deadline asks (by that deadline), else what comes once it has run (today). The stay's end comes
 * first when it has come and no decision did. Null for a final state.
 */
export function nextActionOf(
  procedure: ProcedureFacts,
  today: IsoDate,
  calendar: ProcedureCalendar,
): NextProcedureAction | null {
  const step = currentStep(procedure);
  if (FINAL_STATES.includes(step.state)) return null;
  const deadlines = deadlinesOf(procedure, calendar);
  const stay = deadlines.find((d) => d.deadline === 'stay_end');
  if (stay && stay.dueOn <= today)
    return { action: 'record_stay_end', dueOn: today, overdue: stay.dueOn < today, deadline: 'stay_end' };
  if (step.documentRef === null && step.state !== 'plan_applies' && step.state !== 'plan_approved')
    return { action: 'record_document', dueOn: today, overdue: false, deadline: null };
  const own = deadlines.filter((d) => d.deadline !== 'stay_end').sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  const running = own.find((d) => d.dueOn >= today);
  const { during, after } = ACTIONS[step.state];
  if (running) return { action: during, dueOn: running.dueOn, overdue: false, deadline: running.deadline };
  const lapsed = own.at(-1);
  // An action that answers a deadline (record the decision expected by a date) is overdue once it ran.
  const overdue = lapsed !== undefined && step.state === 'filed';
  return { action: after, dueOn: today, overdue, deadline: lapsed?.deadline ?? null };
}

export type StepRefusal =
  | 'overindebtedness.final'
  | 'overindebtedness.wrong_step'
  | 'overindebtedness.step_before_previous'
  | 'overindebtedness.step_in_future';

/** Whether a step may be recorded next: a state the current one leads to, dated between the last step and today. */
export function checkNextStep(
  procedure: ProcedureFacts,
  next: { state: ProcedureState; on: IsoDate },
  today: IsoDate,
): StepRefusal | null {
  const step = currentStep(procedure);
  if (FINAL_STATES.includes(step.state)) return 'overindebtedness.final';
  if (!NEXT_STATES[step.state].includes(next.state) || !statesOf(procedure.country).includes(next.state))
    return 'overindebtedness.wrong_step';
  if (next.on < step.on) return 'overindebtedness.step_before_previous';
  if (next.on > today) return 'overindebtedness.step_in_future';
  return null;
}

/** The end of the stay started by admissibility (at most 2 years, L722-3): the contact policy's hold ends then. */
export function stayEndsOn(procedure: ProcedureFacts, calendar: ProcedureCalendar): IsoDate | null {
  const admissible = procedure.steps.findLast((s) => s.state === 'admissible');
  return admissible ? deadlineFrom('stay_end', admissible.on, calendar).dueOn : null;
}
