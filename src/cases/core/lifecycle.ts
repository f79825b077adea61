import { isIsoDate, localDateOf } from '../../platform/calendar/dates.js';
import {
  nextStepOf,
  type AgencyCloseReason,
  type CaseFacts,
  type CaseStage,
  type CaseState,
  type CloseReason,
  type NextStep,
} from './case-state.js';
import { recordText, type RecordText } from './record-texts.js';

/**
 * The life of a case (pure: the moment and the agency's date are parameters, never the clock).
 *
 *   (placement) ─► amicable ─plan_agreed─► plan ─plan_cancelled / plan_broken─► amicable
 *   every open stage ─paid_in_full / merged / recalled / closed_by_creditor─► closed
 *   closed (as paid) ─payment_reversed─► the stage it had before it closed
 *   amicable / plan / judicial ─dispute_opened─► dispute ─dispute_resolved─► the stage it had before the dispute
 *   every open stage ─closed_by_agency (a person's reason)─► closed ─reopened─► amicable
 *   every open stage ─death_reported─► deceased (the estate is followed; closes as deceased when it is vacant)
 *   amicable / plan ─judicial_escalated (a person's review)─► judicial ─judicial_returned─► amicable
 *   every open stage but deceased ─overindebtedness_entered─► overindebtedness ─overindebtedness_left─► the stage
 *     it had before (inadmissible, or ended without measures); ─overindebtedness_measures_apply─► overindebtedness
 *     (the commission's plan is followed); ─overindebtedness_erased─► closed (rétablissement personnel)
 *
 * Each change is a row of `CASE_CHANGES`: which stages it moves, which it leaves where they are (not an error:
 * a plan agreed on a case in dispute leaves the dispute where a person put it), what it requires, where it goes and
 * what the stage history and the timeline say. A stage absent from a row refuses the change with a stable code.
 * New states (disputes, complaints, deceased, time-barred) are new rows and new stages, not new branches.
 */
export * from './case-state.js';

export type CaseChange =
  | { reason: 'plan_agreed'; planId: string; planVersion: number }
  | { reason: 'plan_cancelled'; planId: string }
  | { reason: 'plan_broken'; planId: string }
  | { reason: 'paid_in_full' }
  | { reason: 'payment_reversed' }
  | { reason: 'merged'; intoCaseReference: string }
  | { reason: 'recalled' }
  | { reason: 'closed_by_creditor' }
  | { reason: 'dispute_opened'; disputeId: string; evidenceDueOn: string }
  | { reason: 'dispute_resolved'; disputeId: string; decision: 'resume' | 'adjust' | 'close' }
  | { reason: 'closed_by_agency'; closeReason: AgencyCloseReason; note: string }
  | { reason: 'death_reported'; estateId: string }
  | { reason: 'reopened'; note: string }
  | { reason: 'judicial_escalated'; reviewId: string; route: string; fileNotBefore: string }
  | { reason: 'judicial_returned'; note: string }
  | { reason: 'overindebtedness_entered'; procedureId: string }
  | {
      reason: 'overindebtedness_left';
      procedureId: string;
      outcome: 'inadmissible' | 'ended';
      /** Whether the case still has a live plan: a plan the stay cancelled does not take it back to `plan`. */
      planLive: boolean;
    }
  | { reason: 'overindebtedness_measures_apply'; procedureId: string; planId: string | null; followOn: string }
  | { reason: 'overindebtedness_erased'; procedureId: string };
export type CaseChangeReason = CaseChange['reason'];

export const CASE_REFUSAL_CODES = [
  'cases.closed',
  'cases.not_closed',
  'cases.balance_outstanding',
  'cases.claims_open',
  'cases.nothing_paid',
  'cases.not_closed_as_paid',
  'cases.nothing_owed',
  'cases.disputes_open',
  'cases.merged_not_reopened',
  'cases.overindebtedness_procedure',
  'cases.debtor_deceased',
] as const;
export type CaseRefusalCode = (typeof CASE_REFUSAL_CODES)[number];

export interface CaseRefusal {
  code: CaseRefusalCode;
  message: string;
}

/** A line of the case's stage history (`case_stage_history`). */
export interface StageHistoryEntry {
  fromStage: CaseStage;
  toStage: CaseStage;
  reason: RecordText;
}

/** The one timeline event (`case_events`) a change produces. */
export interface CaseTimelineEvent {
  kind: 'stage_change';
  summary: RecordText;
  data: Record<string, unknown>;
}

export type CaseTransition =
  | {
      outcome: 'changed';
      reason: CaseChangeReason;
      from: CaseState;
      to: CaseState;
      at: Date;
      history: StageHistoryEntry;
      event: CaseTimelineEvent;
      next: NextStep;
    }
  | { outcome: 'unchanged'; reason: CaseChangeReason; state: CaseState; next: NextStep }
  | { outcome: 'refused'; reason: CaseChangeReason; refusal: CaseRefusal };

type ChangeOf<R extends CaseChangeReason> = Extract<CaseChange, { reason: R }>;

interface ChangeRule<R extends CaseChangeReason> {
  /** What each stage does with the change; a stage not listed refuses it (`cases.closed` when it is closed). */
  from: Partial<Record<CaseStage, 'move' | 'stay'>>;
  /** A condition on the facts, checked when the case moves. */
  requires?: (facts: CaseFacts) => CaseRefusal | null;
  /** The state after the change. */
  to: (facts: CaseFacts, today: string, change: ChangeOf<R>) => CaseState;
  /** Why, by key (record-texts.ts): the stage history's reason and the timeline's summary. */
  summary: (change: ChangeOf<R>) => RecordText;
  /** A date the change brings with it (the creditor's evidence deadline), for the next step. */
  dueOn?: (change: ChangeOf<R>) => string;
  /** Facts of the change kept on the timeline event. */
  data?: (change: ChangeOf<R>) => Record<string, unknown>;
}

const OPEN_STAGES = [
  'amicable',
  'plan',
  'dispute',
  'overindebtedness',
  'judicial',
  'deceased',
] as const satisfies readonly CaseStage[];
const everyOpenStage = (what: 'move' | 'stay') =>
  Object.fromEntries(OPEN_STAGES.map((stage) => [stage, what])) as Record<
    (typeof OPEN_STAGES)[number],
    'move' | 'stay'
  >;

const closing =
  (closeReason: CloseReason) =>
  (facts: CaseFacts, today: string): CaseState => ({
    stage: 'closed',
    status: 'closed',
    closeReason,
    closedOn: today,
    balanceCents: 0,
  });
const atStage =
  (stage: CaseStage) =>
  (facts: CaseFacts): CaseState => ({ ...stateOf(facts), stage });

const noOpenDispute = (facts: CaseFacts): CaseRefusal | null =>
  (facts.openDisputes ?? 0) > 0
    ? {
        code: 'cases.disputes_open',
        message: `The case still has ${facts.openDisputes} open dispute(s): collection resumes only when each is decided.`,
      }
    : null;

const someOpenClaim = (facts: CaseFacts): CaseRefusal | null =>
  facts.openClaims === 0 ? { code: 'cases.nothing_owed', message: 'No claim of this case is open.' } : null;

const noOpenClaims = (facts: CaseFacts): CaseRefusal | null =>
  facts.openClaims > 0
    ? {
        code: 'cases.claims_open',
        message: `The case still has ${facts.openClaims} open claim(s): it closes only when none is left.`,
      }
    : null;

/**
 * What the lifecycle itself knows stops a case going to court: a dispute still open, an over-indebtedness procedure,
 * a debtor who died, nothing owed. The review (src/judicial) checks the rest (time bars, holds, threshold, forbearance)
 * before it asks for the change.
 */
const mayGoToCourt = (facts: CaseFacts): CaseRefusal | null => {
  if (facts.stage === 'dispute' || (facts.openDisputes ?? 0) > 0)
    return {
      code: 'cases.disputes_open',
      message: 'A dispute of this case waits for the creditor or a decision: the case cannot go to court.',
    };
  if (facts.stage === 'overindebtedness')
    return {
      code: 'cases.overindebtedness_procedure',
      message: 'The debtor is under an over-indebtedness procedure: enforcement is stayed.',
    };
  if (facts.stage === 'deceased')
    return { code: 'cases.debtor_deceased', message: 'The debtor died: the estate is followed, not the court.' };
  return someOpenClaim(facts);
};

/**
 * Every change a case knows. The plan's changes follow the plan (plans/plan-status.ts); a case at a stage a person
 * chose (dispute, over-indebtedness, judicial) or already closed stays where it is.
 */
export const CASE_CHANGES: { [R in CaseChangeReason]: ChangeRule<R> } = {
  plan_agreed: {
    from: { ...everyOpenStage('stay'), amicable: 'move', closed: 'stay' },
    to: atStage('plan'),
    summary: (change) => recordText('plan_agreed', { planVersion: change.planVersion }),
    data: (change) => ({ planId: change.planId }),
  },
  plan_cancelled: {
    from: { ...everyOpenStage('stay'), plan: 'move', closed: 'stay' },
    to: atStage('amicable'),
    summary: () => recordText('plan_cancelled_to_amicable', {}),
    data: (change) => ({ planId: change.planId }),
  },
  plan_broken: {
    from: { ...everyOpenStage('stay'), plan: 'move', closed: 'stay' },
    to: atStage('amicable'),
    summary: () => recordText('plan_broken_to_amicable', {}),
    data: (change) => ({ planId: change.planId }),
  },
  paid_in_full: {
    from: everyOpenStage('move'),
    requires: (facts) =>
      noOpenClaims(facts) ??
      (facts.balanceCents !== 0
        ? {
            code: 'cases.balance_outstanding',
            message: `The case still owes ${facts.balanceCents} cents: it closes as paid only when its balance is zero.`,
          }
        : facts.paidClaims === 0
          ? { code: 'cases.nothing_paid', message: 'No claim of this case was paid: it cannot close as paid.' }
          : null),
    to: closing('paid'),
    summary: () => recordText('paid_in_full', {}),
  },
  payment_reversed: {
    from: { closed: 'move' },
    requires: (facts) =>
      facts.closeReason !== 'paid'
        ? {
            code: 'cases.not_closed_as_paid',
            message: `The case closed as ${facts.closeReason ?? 'open'}, not as paid: a reversed payment does not reopen it.`,
          }
        : facts.openClaims === 0
          ? { code: 'cases.nothing_owed', message: 'No claim of this case owes again: it stays closed.' }
          : null,
    to: (facts) => ({
      stage: facts.stageBeforeClosing && facts.stageBeforeClosing !== 'closed' ? facts.stageBeforeClosing : 'amicable',
      status: 'open',
      closeReason: null,
      closedOn: null,
      balanceCents: facts.balanceCents,
    }),
    summary: () => recordText('payment_reversed_reopened', {}),
  },
  merged: {
    from: everyOpenStage('move'),
    requires: noOpenClaims,
    to: closing('merged'),
    summary: (change) => recordText('merged', { intoCaseReference: change.intoCaseReference }),
    data: (change) => ({ intoCaseReference: change.intoCaseReference }),
  },
  recalled: {
    from: everyOpenStage('move'),
    requires: noOpenClaims,
    to: closing('recalled'),
    summary: () => recordText('recalled', {}),
  },
  closed_by_creditor: {
    from: everyOpenStage('move'),
    requires: noOpenClaims,
    to: closing('settled'),
    summary: () => recordText('closed_by_creditor', {}),
  },
  dispute_opened: {
    from: {
      amicable: 'move',
      plan: 'move',
      judicial: 'move',
      dispute: 'stay',
      overindebtedness: 'stay',
      deceased: 'stay',
    },
    requires: someOpenClaim,
    to: atStage('dispute'),
    summary: () => recordText('dispute_stage_opened', {}),
    dueOn: (change) => change.evidenceDueOn,
    data: (change) => ({ disputeId: change.disputeId, evidenceDueOn: change.evidenceDueOn }),
  },
  dispute_resolved: {
    from: { ...everyOpenStage('stay'), dispute: 'move', closed: 'stay' },
    requires: noOpenDispute,
    to: (facts) => {
      const back = facts.stageBeforeDispute;
      // Out of a procedure that ended (the dispute outlived it): the amicable stage, not the procedure again.
      const ok = back && back !== 'dispute' && back !== 'closed' && back !== 'overindebtedness';
      return { ...stateOf(facts), stage: ok ? back : 'amicable' };
    },
    summary: () => recordText('dispute_stage_resolved', {}),
    data: (change) => ({ disputeId: change.disputeId, decision: change.decision }),
  },
  closed_by_agency: {
    from: everyOpenStage('move'),
    requires: noOpenClaims,
    to: (facts, today, change) => closing(change.closeReason)(facts, today),
    summary: (change) => recordText('case_closed', { closeReason: change.closeReason, note: change.note }),
    data: (change) => ({ closeReason: change.closeReason }),
  },
  death_reported: {
    from: { ...everyOpenStage('move'), deceased: 'stay' },
    to: atStage('deceased'),
    summary: () => recordText('death_reported_stage', {}),
    data: (change) => ({ estateId: change.estateId }),
  },
  reopened: {
    from: { closed: 'move' },
    requires: (facts) =>
      facts.closeReason === 'merged'
        ? {
            code: 'cases.merged_not_reopened',
            message: 'The case closed because its debtor was merged: its claims live on in the surviving case.',
          }
        : someOpenClaim(facts),
    to: (facts) => ({
      stage: 'amicable',
      status: 'open',
      closeReason: null,
      closedOn: null,
      balanceCents: facts.balanceCents,
    }),
    summary: (change) => recordText('case_reopened', { note: change.note }),
  },
  judicial_escalated: {
    from: {
      amicable: 'move',
      plan: 'move',
      dispute: 'move',
      overindebtedness: 'move',
      deceased: 'move',
      judicial: 'stay',
    },
    requires: mayGoToCourt,
    to: atStage('judicial'),
    summary: (change) => recordText('judicial_escalated', { route: change.route, fileNotBefore: change.fileNotBefore }),
    dueOn: (change) => change.fileNotBefore,
    data: (change) => ({ reviewId: change.reviewId, route: change.route, fileNotBefore: change.fileNotBefore }),
  },
  judicial_returned: {
    from: { ...everyOpenStage('stay'), judicial: 'move' },
    to: atStage('amicable'),
    summary: (change) => recordText('judicial_returned', { note: change.note }),
  },
  overindebtedness_entered: {
    from: { amicable: 'move', plan: 'move', dispute: 'move', judicial: 'move', overindebtedness: 'stay' },
    to: atStage('overindebtedness'),
    summary: () => recordText('overindebtedness_entered', {}),
    data: (change) => ({ procedureId: change.procedureId }),
  },
  overindebtedness_left: {
    from: { ...everyOpenStage('stay'), overindebtedness: 'move', closed: 'stay' },
    to: (facts, _today, change) => {
      // A dispute opened during the procedure, still open, holds the case in dispute; one decided meanwhile does not.
      if ((facts.openDisputes ?? 0) > 0) return { ...stateOf(facts), stage: 'dispute' };
      const back = facts.stageBeforeOverindebtedness;
      const ok =
        back &&
        back !== 'overindebtedness' &&
        back !== 'closed' &&
        back !== 'deceased' &&
        back !== 'dispute' &&
        (back !== 'plan' || change.planLive);
      return { ...stateOf(facts), stage: ok ? back : 'amicable' };
    },
    summary: (change) =>
      recordText(change.outcome === 'inadmissible' ? 'overindebtedness_inadmissible' : 'overindebtedness_ended', {}),
    data: (change) => ({ procedureId: change.procedureId, outcome: change.outcome }),
  },
  overindebtedness_measures_apply: {
    from: { overindebtedness: 'move' },
    to: atStage('overindebtedness'),
    summary: () => recordText('overindebtedness_measures_apply', {}),
    dueOn: (change) => change.followOn,
    data: (change) => ({ procedureId: change.procedureId, planId: change.planId }),
  },
  overindebtedness_erased: {
    from: { overindebtedness: 'move' },
    requires: noOpenClaims,
    to: closing('overindebtedness_erasure'),
    summary: () => recordText('overindebtedness_erased', {}),
    data: (change) => ({ procedureId: change.procedureId }),
  },
};

/** The changes that may take a case out of `closed`: every other one refuses or leaves a closed case closed. */
export const REOPENING_CHANGES: readonly CaseChangeReason[] = (Object.keys(CASE_CHANGES) as CaseChangeReason[]).filter(
  (reason) => CASE_CHANGES[reason].from.closed === 'move',
);

export function stateOf(facts: CaseState): CaseState {
  return {
    stage: facts.stage,
    status: facts.status,
    closeReason: facts.closeReason,
    closedOn: facts.closedOn,
    balanceCents: facts.balanceCents,
  };
}

/**
 * Decides a change of a case: `changed` with the new state, its stage history line and its one timeline event;
 * `unchanged` when the change leaves this stage where it is; `refused` with a stable code otherwise.
 */
export function decideCaseChange(facts: CaseFacts, change: CaseChange, now: Date, today: string): CaseTransition {
  const rule = CASE_CHANGES[change.reason] as ChangeRule<CaseChangeReason>;
  const what = rule.from[facts.stage];
  if (what === undefined) {
    const refusal: CaseRefusal =
      facts.stage === 'closed'
        ? {
            code: 'cases.closed',
            message: `The case is closed (${facts.closeReason ?? 'closed'}): it cannot change this way (${change.reason}).`,
          }
        : {
            code: 'cases.not_closed',
            message: `The case is open at the ${facts.stage} stage: this change (${change.reason}) applies to a closed case only.`,
          };
    return { outcome: 'refused', reason: change.reason, refusal };
  }
  if (what === 'stay') {
    const state = stateOf(facts);
    // Nothing is written for a case left where it is; a caller that gives no agency day (a plan's change) still gets
    // a next step, dated by the change's UTC day.
    const day = isIsoDate(today) ? today : localDateOf(now, 'UTC');
    return { outcome: 'unchanged', reason: change.reason, state, next: nextStepOf(state, day) };
  }
  const refusal = rule.requires?.(facts) ?? null;
  if (refusal) return { outcome: 'refused', reason: change.reason, refusal };
  const from = stateOf(facts);
  const to = rule.to(facts, today, change);
  const summary = rule.summary(change);
  const next = nextStepOf(to, today, rule.dueOn?.(change));
  return {
    outcome: 'changed',
    reason: change.reason,
    from,
    to,
    at: now,
    history: { fromStage: from.stage, toStage: to.stage, reason: summary },
    next,
    event: {
      kind: 'stage_change',
      summary,
      data: {
        reason: change.reason,
        fromStage: from.stage,
        toStage: to.stage,
        fromStatus: from.status,
        toStatus: to.status,
        ...(to.closeReason ? { closeReason: to.closeReason } : {}),
        ...rule.data?.(change),
      },
    },
  };
}
