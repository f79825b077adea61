import { compareDates, type IsoDate } from '../../platform/calendar/dates.js';
import { deadlineOn, type JudicialCalendar, titleExpiresOn } from './procedure-deadlines.js';
import { JUDICIAL_ROUTES, type JudicialRoute } from './route.js';
import {
  END_OUTCOMES,
  STEP_KINDS,
  TRANSITIONS,
  type DeadlineKind,
  type Guard,
  type Outcome,
  type State,
  type StepKind,
  type Transition,
} from './procedure-lists.js';

/**
 * A judicial procedure's states and steps (REGULATION §11), pure: the route chosen at the review, the state entered on
 * a day, each step's allowed states and its guard on the state's deadline, the next action and what collection acts
 * the state permits. Time comes in as `today`; deadlines are counted by `procedure-deadlines.ts` (CPC 641-642).
 */
/** The routes a procedure follows: the ones the review proposes (route.ts), one list. */
export const ROUTES = JUDICIAL_ROUTES;
export type Route = JudicialRoute;

/** The state each route starts in; enforcement needs the title the creditor already holds. */
export const FIRST_STATE: Readonly<Record<Route, State>> = {
  psrpc: 'psrpc_to_invite',
  prior_mediation: 'mediation_to_start',
  injonction_de_payer: 'requete_to_file',
  enforcement_with_title: 'titled',
};

/** The deadlines running in a state, from the day it was entered; the first one orders the judicial queue. */
const STATE_DEADLINES: Partial<Record<State, readonly DeadlineKind[]>> = {
  psrpc_invited: ['psrpc_answer'],
  psrpc_agreed: ['psrpc_title'],
  mediation_pending: ['mediation_follow_up'],
  agreement: ['agreement_follow_up'],
  requete_filed: ['ordonnance_follow_up'],
  ordonnance_issued: ['service'],
  served: ['opposition'],
  opposed: ['judgment_follow_up'],
  attribution_seized: ['denunciation'],
  attribution_denounced: ['attribution_contest'],
  wage_commandement: ['wage_debtor_month', 'wage_pv'],
  wage_seizure: ['seizure_follow_up'],
  contested: ['contest_follow_up'],
};

export interface ProcedureFacts {
  route: Route;
  state: State;
  stateSince: IsoDate;
  titleObtainedOn: IsoDate | null;
  titleExpiresOn: IsoDate | null;
  /** Nothing is filed before this day: the debtor is told first (the review's notice). */
  fileNotBefore: IsoDate | null;
  outcome: Outcome | null;
  /** How the injonction was served: to the debtor in person or not (CPC 1416); null before its service. */
  servedInPerson: boolean | null;
  /**
   * Served otherwise than in person: the day of the first act served in person or, failing that, of the first measure
   * making the debtor's assets unavailable, from which a late opposition's month runs (CPC 1416 al. 2).
   */
  lateOppositionFrom: IsoDate | null;
}

export interface Deadline {
  kind: DeadlineKind;
  on: IsoDate;
}

/** The deadlines running in the procedure's state (the title's life apart). */
export function stateDeadlines(state: State, since: IsoDate, calendar: JudicialCalendar): Deadline[] {
  return (STATE_DEADLINES[state] ?? []).map((kind) => ({ kind, on: deadlineOn(kind, since, calendar) }));
}

export type ProcedureRefusal =
  | 'judicial_procedure.title_required'
  | 'judicial_procedure.title_in_future'
  | 'judicial_procedure.title_expired'
  | 'judicial_procedure.step_not_allowed'
  | 'judicial_procedure.step_in_future'
  | 'judicial_procedure.step_before_state'
  | 'judicial_procedure.deadline_passed'
  | 'judicial_procedure.deadline_not_reached'
  | 'judicial_procedure.before_file_not_before'
  | 'judicial_procedure.outcome_required';

/** The procedure as it starts on `openedOn`; enforcement needs the title's day (and a title still alive). */
export function openProcedure(
  route: Route,
  openedOn: IsoDate,
  calendar: JudicialCalendar,
  options: { titleObtainedOn?: IsoDate | null; fileNotBefore?: IsoDate | null } = {},
): ProcedureFacts | ProcedureRefusal {
  const obtainedOn = route === 'enforcement_with_title' ? (options.titleObtainedOn ?? null) : null;
  if (route === 'enforcement_with_title' && !obtainedOn) return 'judicial_procedure.title_required';
  if (obtainedOn && compareDates(obtainedOn, openedOn) > 0) return 'judicial_procedure.title_in_future';
  if (obtainedOn && compareDates(titleExpiresOn(obtainedOn, calendar), openedOn) < 0)
    return 'judicial_procedure.title_expired';
  return {
    route,
    state: FIRST_STATE[route],
    stateSince: openedOn,
    titleObtainedOn: obtainedOn,
    titleExpiresOn: obtainedOn ? titleExpiresOn(obtainedOn, calendar) : null,
    fileNotBefore: options.fileNotBefore ?? null,
    outcome: null,
    servedInPerson: null,
    lateOppositionFrom: null,
  };
}

export interface StepInput {
  kind: StepKind;
  occurredOn: IsoDate;
  /** How a procedure ended by hand (`procedure_ended`). */
  outcome?: Outcome;
  /** `served`: to the debtor in person (the default) or not, at home or by PV (CPC 1416). */
  inPerson?: boolean;
}

function fromAllows(transition: Transition, state: State): boolean {
  return transition.from === 'any_open' ? state !== 'ended' : transition.from.includes(state);
}

function guardRefusal(guard: Guard | undefined, deadlines: Deadline[], facts: ProcedureFacts, on: IsoDate) {
  const first = deadlines[0]?.on;
  const second = deadlines[1]?.on;
  if (guard === 'within' && first && compareDates(on, first) > 0) return 'judicial_procedure.deadline_passed';
  if (guard === 'after' && first && compareDates(on, first) <= 0) return 'judicial_procedure.deadline_not_reached';
  if (guard === 'after_first_within_second' && first && second) {
    if (compareDates(on, first) <= 0) return 'judicial_procedure.deadline_not_reached';
    if (compareDates(on, second) > 0) return 'judicial_procedure.deadline_passed';
  }
  if (guard === 'after_second' && second && compareDates(on, second) <= 0)
    return 'judicial_procedure.deadline_not_reached';
  if (guard === 'after_title_life' && (!facts.titleExpiresOn || compareDates(on, facts.titleExpiresOn) <= 0))
    return 'judicial_procedure.deadline_not_reached';
  return null;
}

/** Whether the step is refused, and why: the state, the day, the guard, the file-not-before day, the title's life. */
export function refuseStep(
  facts: ProcedureFacts,
  step: StepInput,
  today: IsoDate,
  calendar: JudicialCalendar,
): ProcedureRefusal | null {
  const transition: Transition = TRANSITIONS[step.kind];
  if (!fromAllows(transition, facts.state)) return 'judicial_procedure.step_not_allowed';
  if (compareDates(step.occurredOn, today) > 0) return 'judicial_procedure.step_in_future';
  if (compareDates(step.occurredOn, facts.stateSince) < 0) return 'judicial_procedure.step_before_state';
  if (step.kind === 'requete_filed' && facts.fileNotBefore && compareDates(step.occurredOn, facts.fileNotBefore) < 0)
    return 'judicial_procedure.before_file_not_before';
  if (step.kind === 'procedure_ended' && !(END_OUTCOMES as readonly string[]).includes(step.outcome ?? ''))
    return 'judicial_procedure.outcome_required';
  const late = lateOppositionRefusal(facts, step, calendar);
  if (late !== undefined) return late;
  const deadlines = stateDeadlines(facts.state, facts.stateSince, calendar);
  const guarded = guardRefusal(transition.guard, deadlines, facts, step.occurredOn);
  if (guarded) return guarded;
  if (transition.enforcement && !enforcementAllowed(facts, step.occurredOn, calendar)) {
    return facts.titleExpiresOn && compareDates(step.occurredOn, facts.titleExpiresOn) > 0
      ? 'judicial_procedure.title_expired'
      : 'judicial_procedure.step_not_allowed';
  }
  return null;
}

/**
 * CPC 1416 al. 2, after a service not in person: the act served in person that opens the late opposition's month
 * (the first only), and an opposition from an enforcement state within that month. Undefined for any other step.
 */
function lateOppositionRefusal(
  facts: ProcedureFacts,
  step: StepInput,
  calendar: JudicialCalendar,
): ProcedureRefusal | null | undefined {
  if (step.kind === 'act_served_in_person')
    return facts.servedInPerson === false && facts.lateOppositionFrom === null
      ? null
      : 'judicial_procedure.step_not_allowed';
  if (step.kind !== 'opposition_filed' || facts.state === 'served') return undefined;
  if (facts.lateOppositionFrom === null) return 'judicial_procedure.step_not_allowed';
  const end = deadlineOn('late_opposition', facts.lateOppositionFrom, calendar);
  return compareDates(step.occurredOn, end) > 0 ? 'judicial_procedure.deadline_passed' : null;
}

/** The late opposition's month while it runs on `on` (CPC 1416 al. 2), for the deadlines shown and the queue. */
export function lateOppositionDeadline(
  facts: ProcedureFacts,
  on: IsoDate,
  calendar: JudicialCalendar,
): Deadline | null {
  if (facts.lateOppositionFrom === null || !LATE_OPPOSABLE.includes(facts.state)) return null;
  const end = deadlineOn('late_opposition', facts.lateOppositionFrom, calendar);
  return compareDates(on, end) <= 0 ? { kind: 'late_opposition', on: end } : null;
}

const LATE_OPPOSABLE: readonly State[] = TRANSITIONS.opposition_filed.from.filter((state) => state !== 'served');

/** The day a late opposition's month starts, if this step starts it: the first act in person or asset freeze. */
function lateOppositionStart(facts: ProcedureFacts, step: StepInput): IsoDate | null {
  if (facts.servedInPerson !== false || facts.lateOppositionFrom !== null) return facts.lateOppositionFrom;
  const freezes = step.kind === 'bank_seized' || step.kind === 'wage_pv_served';
  return step.kind === 'act_served_in_person' || freezes ? step.occurredOn : null;
}

/** The procedure after an allowed step (throws on a refused one: call `refuseStep` first). */
export function applyStep(
  facts: ProcedureFacts,
  step: StepInput,
  today: IsoDate,
  calendar: JudicialCalendar,
): ProcedureFacts {
  const refusal = refuseStep(facts, step, today, calendar);
  if (refusal) throw new Error(`applyStep: ${step.kind} refused in ${facts.state}: ${refusal}`);
  const transition: Transition = TRANSITIONS[step.kind];
  const lateOppositionFrom = lateOppositionStart(facts, step);
  if (transition.to === 'stay') return { ...facts, lateOppositionFrom };
  const titled = transition.title === true;
  return {
    ...facts,
    servedInPerson: step.kind === 'served' ? (step.inPerson ?? true) : facts.servedInPerson,
    lateOppositionFrom,
    state: transition.to,
    stateSince: step.occurredOn,
    titleObtainedOn: titled ? step.occurredOn : facts.titleObtainedOn,
    titleExpiresOn: titled ? titleExpiresOn(step.occurredOn, calendar) : facts.titleExpiresOn,
    outcome: transition.to === 'ended' ? (transition.outcome ?? step.outcome ?? 'other') : null,
  };
}

/** The steps the procedure accepts on `on` (its state, the day against its deadlines), for the forms. */
export function allowedSteps(facts: ProcedureFacts, on: IsoDate, calendar: JudicialCalendar): StepKind[] {
  return STEP_KINDS.filter(
    (kind) => refuseStep(facts, { kind, occurredOn: on, outcome: 'paid' }, on, calendar) === null,
  );
}

const ENFORCEABLE: readonly State[] = ['titled', 'attribution_seized', 'attribution_denounced', 'wage_seizure'];

/**
 * Enforcement needs an enforceable title still alive (CPCE L111-2, L111-4); none while an opposition may be made or
 * is pending (CPC 539: an ordinary remedy suspends execution), nor while a contest is decided [CHECK]; the wage
 * seizure's PV waits for the commandement's month.
 */
export function enforcementAllowed(facts: ProcedureFacts, on: IsoDate, calendar: JudicialCalendar): boolean {
  if (!facts.titleExpiresOn || compareDates(on, facts.titleExpiresOn) > 0) return false;
  if (ENFORCEABLE.includes(facts.state)) return true;
  if (facts.state !== 'wage_commandement') return false;
  const [month] = stateDeadlines(facts.state, facts.stateSince, calendar);
  return compareDates(on, month!.on) > 0;
}

export const COLLECTION_ACTS = ['amicable_contact', 'payment_request', 'enforcement'] as const;
export type CollectionAct = (typeof COLLECTION_ACTS)[number];

/**
 * Which collection acts the procedure permits on `on`. No article stays amicable contact or a request to pay during
 * a procedure: they stay allowed (under the contact policy, without any fee, L111-8) until the procedure ends.
 */
export function collectionActs(facts: ProcedureFacts, on: IsoDate, calendar: JudicialCalendar) {
  const open = facts.state !== 'ended';
  return {
    amicable_contact: open,
    payment_request: open,
    enforcement: open && enforcementAllowed(facts, on, calendar),
  } satisfies Record<CollectionAct, boolean>;
}
