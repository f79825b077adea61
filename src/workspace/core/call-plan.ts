import { DAY_MS, dayNumberOf, isoDateOf, toLocal } from '../../platform/calendar/index.js';
import { SCRIPT, STEP_IDS } from './conversation.js';

/** Limits of the guided conversation, in one place. */
export const CALL_LIMITS = {
  /** A promise to pay is for a date within this many days: further off, agree on a plan. */
  promiseMaxDays: 45,
  /** Days after its date before an unpaid promise counts as broken (a transfer takes a day or two to show). */
  promiseGraceDays: 2,
  noteMaxLength: 2000,
  callbackMaxDays: 60,
  refusalReviewDays: 7,
  /** "Already paid": the case waits this long for the payment to show before someone checks. */
  paymentCheckDays: 10,
  /** A dispute hold is reviewed after this long if the creditor has not answered. */
  disputeReviewDays: 30,
  /** A bereavement pauses contact this long before the care team reviews the pause (its breathing space's default). */
  bereavementPauseDays: 30,
} as const;

export type CallOutcome = 'right_party' | 'no_answer' | 'busy' | 'voicemail' | 'wrong_number' | 'third_party';
export type CallResultKind =
  'promise' | 'callback' | 'refusal' | 'dispute' | 'hardship' | 'bereavement' | 'already_paid' | 'information';

export interface CallInput {
  outcome: CallOutcome;
  result?: CallResultKind | undefined;
  checklist: Record<string, boolean>;
  contactPointId?: string | undefined;
  promise?: { amountCents: number; dueOn: string } | undefined;
  callbackAt?: number | undefined;
  reason?: string | undefined;
}

export interface CallContext {
  now: number;
  timeZone: string;
  balanceCents: number;
  hasOpenPromise: boolean;
  /** The debtor's phone numbers (ids). */
  phonePoints: readonly string[];
}

export type PlannedAction =
  | { kind: 'promise'; amountCents: number; dueOn: string }
  | { kind: 'callback'; at: number }
  | { kind: 'hold'; holdKind: 'dispute' | 'vulnerability'; reason: string; reviewAt: number | null }
  | {
      kind: 'task';
      taskKind: 'refusal_review' | 'dispute_review' | 'care_referral' | 'payment_check' | 'trace_contact';
      dueAt: number;
      team: 'current' | 'care';
    }
  | { kind: 'move_team'; teamKind: 'care' }
  | { kind: 'flag_wrong_number'; contactPointId: string };

export interface CallProblem {
  code: string;
  message: string;
}

export type CallPlan =
  | { ok: true; result: CallResultKind | null; checklist: Record<string, boolean>; actions: PlannedAction[] }
  | { ok: false; problem: CallProblem };

const refuse = (code: string, message: string): { ok: false; problem: CallProblem } => ({
  ok: false,
  problem: { code, message },
});
const problem = (code: string, message: string): CallProblem => ({ code, message });

/**
 * Checks a call as the agent describes it and plans what follows from it. Pure: the service records the call and
 * carries out the plan in one transaction. Nothing about the debt is said before identity is confirmed, so a call
 * that did not reach the debtor cannot have the later steps checked off.
 */
export function planCall(input: CallInput, context: CallContext): CallPlan {
  const checked = checkedChecklist(input);
  if (!checked.ok) return checked;
  const { checklist } = checked;
  const result: CallResultKind | null = input.outcome === 'right_party' ? (input.result ?? 'information') : null;
  const actions: PlannedAction[] | CallProblem = result === null ? [] : resultActions(result, input, context);
  if (!Array.isArray(actions)) return { ok: false, problem: actions };
  if (input.outcome === 'wrong_number') {
    if (!input.contactPointId || !context.phonePoints.includes(input.contactPointId)) {
      return refuse(
        'call.contact_point_invalid',
        'Say which of the debtor’s numbers reached someone else: it will not be dialled again.',
      );
    }
    actions.push({ kind: 'flag_wrong_number', contactPointId: input.contactPointId });
    actions.push({ kind: 'task', taskKind: 'trace_contact', dueAt: context.now, team: 'current' });
  }
  return { ok: true, result, checklist, actions };
}

/**
 * The script's steps as checked off, every step named; refused when a step is unknown, when a call that did not reach
 * the debtor has a result or a step said only to the debtor, or when a conversation did not confirm identity.
 */
function checkedChecklist(
  input: CallInput,
): { ok: true; checklist: Record<string, boolean> } | { ok: false; problem: CallProblem } {
  for (const step of Object.keys(input.checklist)) {
    if (!STEP_IDS.has(step))
      return refuse(
        'call.unknown_step',
        `"${step}" is not a step of the call script: use ${[...STEP_IDS].join(', ')}.`,
      );
  }
  const checklist = Object.fromEntries(SCRIPT.map((step) => [step.id, input.checklist[step.id] === true]));
  if (input.outcome !== 'right_party') {
    if (input.result !== undefined) {
      return refuse(
        'call.result_needs_right_party',
        'A call ends in a promise, a callback, a refusal or another result only after a conversation with the debtor: choose the outcome "right party" or leave the result out.',
      );
    }
    const disclosed = SCRIPT.filter((step) => step.rightPartyOnly && checklist[step.id]);
    if (disclosed.length > 0) {
      return refuse(
        'call.disclosed_without_identity',
        `The steps ${disclosed.map((step) => step.id).join(', ')} are only for a conversation with the debtor, identity confirmed: uncheck them (nothing about the debt is said to anyone else).`,
      );
    }
  } else if (!checklist.identity) {
    return refuse(
      'call.identity_not_confirmed',
      'A conversation with the debtor starts by confirming who answers: check the identity step, or record the call as a third party.',
    );
  }
  return { ok: true, checklist };
}

/** What a conversation's result sets in motion, or why it cannot be recorded as described. */
function resultActions(result: CallResultKind, input: CallInput, context: CallContext): PlannedAction[] | CallProblem {
  const { now } = context;
  switch (result) {
    case 'promise':
      return promiseActions(input, context);
    case 'callback':
      if (input.callbackAt === undefined)
        return problem('call.callback_missing', 'A callback needs the time the debtor chose.');
      if (input.callbackAt <= now)
        return problem('contact.callback_in_past', 'A callback is for a moment to come: choose a later time.');
      if (input.callbackAt > now + CALL_LIMITS.callbackMaxDays * DAY_MS) {
        return problem(
          'contact.callback_too_far',
          `A callback may be set up to ${CALL_LIMITS.callbackMaxDays} days ahead; for later, agree on a new contact then.`,
        );
      }
      return [{ kind: 'callback', at: input.callbackAt }];
    case 'refusal':
      return [
        {
          kind: 'task',
          taskKind: 'refusal_review',
          dueAt: now + CALL_LIMITS.refusalReviewDays * DAY_MS,
          team: 'current',
        },
      ];
    case 'dispute': {
      const reason = input.reason?.trim() ?? '';
      if (reason.length < 3)
        return problem(
          'call.reason_missing',
          'Write what the debtor disputes (at least 3 characters): the creditor must answer it.',
        );
      return [
        { kind: 'hold', holdKind: 'dispute', reason, reviewAt: now + CALL_LIMITS.disputeReviewDays * DAY_MS },
        { kind: 'task', taskKind: 'dispute_review', dueAt: now, team: 'current' },
      ];
    }
    case 'hardship': {
      const reason = input.reason?.trim() ?? '';
      if (reason.length < 3)
        return problem(
          'call.reason_missing',
          'Write in a few neutral words what the debtor declared (no health details): the care team takes over from it.',
        );
      return [
        { kind: 'hold', holdKind: 'vulnerability', reason, reviewAt: null },
        { kind: 'move_team', teamKind: 'care' },
        { kind: 'task', taskKind: 'care_referral', dueAt: now, team: 'care' },
      ];
    }
    case 'bereavement': {
      const reason = input.reason?.trim() ?? '';
      if (reason.length < 3)
        return problem(
          'call.reason_missing',
          'Write in a few neutral words what the debtor told (a close one died; no more detail): the care team takes over from it.',
        );
      // A pause, not a verdict: contact stops, the care team reviews at the end of the pause and offers a record.
      return [
        {
          kind: 'hold',
          holdKind: 'vulnerability',
          reason,
          reviewAt: now + CALL_LIMITS.bereavementPauseDays * DAY_MS,
        },
        { kind: 'move_team', teamKind: 'care' },
        { kind: 'task', taskKind: 'care_referral', dueAt: now, team: 'care' },
      ];
    }
    case 'already_paid':
      return [
        {
          kind: 'task',
          taskKind: 'payment_check',
          dueAt: now + CALL_LIMITS.paymentCheckDays * DAY_MS,
          team: 'current',
        },
      ];
    default:
      return [];
  }
}

/** A promise to pay: no more than is owed, from today to the furthest date allowed, and one open at a time. */
function promiseActions(input: CallInput, context: CallContext): PlannedAction[] | CallProblem {
  if (!input.promise) return problem('call.promise_missing', 'A promise to pay needs its amount and its date.');
  if (context.hasOpenPromise)
    return problem(
      'promise.already_open',
      'This case already has an open promise to pay: cancel it first, or wait until it is kept or broken.',
    );
  if (input.promise.amountCents > context.balanceCents) {
    return problem(
      'promise.amount_too_high',
      `A promise cannot exceed what is owed (${context.balanceCents} cents): lower the amount.`,
    );
  }
  const today = toLocal(context.timeZone, context.now).dayNumber;
  const due = dayNumberOf(input.promise.dueOn);
  if (due < today || due > today + CALL_LIMITS.promiseMaxDays) {
    return problem(
      'promise.due_out_of_range',
      `A promise is for a date from today (${isoDateOf(today)}) to ${isoDateOf(today + CALL_LIMITS.promiseMaxDays)}; further off, agree on a plan.`,
    );
  }
  return [{ kind: 'promise', amountCents: input.promise.amountCents, dueOn: input.promise.dueOn }];
}

/** Whether an open promise is broken on `today` (the debtor's local date): its date and the grace days are past. */
export function promiseBroken(
  promise: { dueOn: string; amountCents: number; paidCents: number },
  today: string,
): boolean {
  return (
    promise.paidCents < promise.amountCents &&
    dayNumberOf(today) > dayNumberOf(promise.dueOn) + CALL_LIMITS.promiseGraceDays
  );
}

/** How much of a promise the payments made since it cover, and whether that keeps it. */
export function promiseProgress(amountCents: number, paidSinceCents: number): { paidCents: number; kept: boolean } {
  const paidCents = Math.max(0, Math.min(amountCents, paidSinceCents));
  return { paidCents, kept: paidCents >= amountCents };
}
