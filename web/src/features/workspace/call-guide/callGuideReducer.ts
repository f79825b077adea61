import type { CallBody, CallOutcome, CallResult, CallResultKind, ScriptStep } from '../api.js';

/**
 * The guided call as data: what the agent has ticked and entered, the mistakes found when sending, and the answer
 * of the last call recorded. Pure (no React, no clock, no texts): the components render it and dispatch actions.
 */

/** The fields a mistake can be tied to. */
export type CallField =
  'identity' | 'disclosed' | 'outcome' | 'result' | 'amount' | 'dueOn' | 'callback' | 'reason' | 'contactPoint';

/** The mistakes found, each with the values its text shows (the steps disclosed, the dates a promise may fall on). */
export type CallErrors = Partial<Record<CallField, Record<string, string>>>;

/** The text fields of the form, set as typed. */
export type CallText = 'amount' | 'dueOn' | 'callbackDate' | 'callbackTime' | 'reason' | 'contactPointId' | 'note';

export interface CallGuideState {
  /** The script's step that confirms who answers, and the steps said only to the debtor once it is confirmed. */
  identityStepId: string | undefined;
  rightPartyOnly: readonly string[];
  checklist: Record<string, boolean>;
  outcome: CallOutcome | null;
  result: CallResultKind | null;
  text: Record<CallText, string>;
  errors: CallErrors;
  /** Counts the refused submissions: each sends the focus to the first field to correct. */
  refusals: number;
  /** The server's answer to the last call recorded (shown until the next one is sent). */
  recorded: CallResult | null;
}

export type CallGuideAction =
  | { type: 'tick'; stepId: string; checked: boolean }
  | { type: 'outcome'; outcome: CallOutcome }
  | { type: 'result'; result: CallResultKind }
  | { type: 'text'; field: CallText; value: string }
  | { type: 'checked'; errors: CallErrors }
  | { type: 'sending' }
  | { type: 'recorded'; answer: CallResult }
  | { type: 'abandoned' };

/** The step that confirms who answers: the script's identity step, else its first step. */
export function identityStepOf(script: readonly ScriptStep[]): ScriptStep | undefined {
  return script.find((step) => /identity|identite/.test(step.id)) ?? script[0];
}

const EMPTY_TEXT: Record<CallText, string> = {
  amount: '',
  dueOn: '',
  callbackDate: '',
  callbackTime: '',
  reason: '',
  contactPointId: '',
  note: '',
};

/** A fresh call on this script; the only phone number not known to be wrong is chosen already. */
export function initialCallGuide(script: readonly ScriptStep[], phoneIds: readonly string[]): CallGuideState {
  return {
    identityStepId: identityStepOf(script)?.id,
    rightPartyOnly: script.filter((step) => step.rightPartyOnly).map((step) => step.id),
    checklist: {},
    outcome: null,
    result: null,
    text: { ...EMPTY_TEXT, contactPointId: phoneIds.length === 1 ? phoneIds[0]! : '' },
    errors: {},
    refusals: 0,
    recorded: null,
  };
}

/** Whether the debtor's identity is confirmed (a script without steps has nothing to confirm). */
export function identityConfirmed(state: CallGuideState): boolean {
  return state.identityStepId === undefined || state.checklist[state.identityStepId] === true;
}

/** The form emptied for another call; the number chosen stays. */
function afresh(state: CallGuideState): CallGuideState {
  return {
    ...state,
    checklist: {},
    outcome: null,
    result: null,
    text: { ...EMPTY_TEXT, contactPointId: state.text.contactPointId },
  };
}

export function callGuideReducer(state: CallGuideState, action: CallGuideAction): CallGuideState {
  switch (action.type) {
    case 'tick': {
      const checklist = { ...state.checklist, [action.stepId]: action.checked };
      if (action.stepId !== state.identityStepId) return { ...state, checklist };
      // Without a confirmed identity, nothing said only to the debtor can have been said.
      if (!action.checked) {
        for (const id of state.rightPartyOnly) checklist[id] = false;
        return { ...state, checklist };
      }
      // Confirming who answers means speaking to the debtor; the reminder to do it first is answered.
      return {
        ...state,
        checklist,
        outcome: state.outcome ?? 'right_party',
        errors: { ...state.errors, identity: undefined },
      };
    }
    case 'outcome':
      return {
        ...state,
        outcome: action.outcome,
        result: action.outcome === 'right_party' ? state.result : null,
        errors: {},
      };
    case 'result':
      return { ...state, result: action.result, errors: {} };
    case 'text':
      return { ...state, text: { ...state.text, [action.field]: action.value } };
    case 'checked': {
      const refused = Object.values(action.errors).some(Boolean);
      return { ...state, errors: action.errors, refusals: refused ? state.refusals + 1 : state.refusals };
    }
    case 'sending':
      return { ...state, recorded: null };
    case 'recorded':
      // The call is done: the form starts afresh for the next one (the number chosen stays).
      return { ...afresh(state), recorded: action.answer };
    case 'abandoned':
      // The agent drops the call unrecorded: the form starts afresh, with nothing to correct.
      return { ...afresh(state), errors: {} };
  }
}

/** What the check of a call needs beyond the form: the script, the debtor's day and now, the rules of a promise. */
export interface CallContext {
  script: readonly ScriptStep[];
  /** The debtor's today and the last day a promise may fall on (YYYY-MM-DD). */
  today: string;
  lastPromiseDay: string;
  /** The debtor's "now", as an ISO instant: a callback must come after it. */
  now: string;
  /** The amount typed, in cents (null when it cannot be read). */
  parseCents: (text: string) => number | null;
  /** A date and time read in the debtor's zone, as an ISO instant (null when incomplete). */
  localToIso: (date: string, time: string) => string | null;
}

/** Checks the call as the agent fills it in: the body to send, or the mistakes to correct first. */
export function checkCall(state: CallGuideState, context: CallContext): { body: CallBody | null; errors: CallErrors } {
  const { outcome, result, checklist, text } = state;
  const found: CallErrors = {};
  if (outcome === null) found.outcome = {};
  if (outcome === 'right_party' && !identityConfirmed(state)) found.identity = {};
  const disclosed = context.script.filter((step) => step.rightPartyOnly && checklist[step.id]);
  if (outcome !== null && outcome !== 'right_party' && disclosed.length > 0)
    found.disclosed = { steps: disclosed.map((step) => step.title).join(', ') };
  if (outcome === 'right_party' && result === null) found.result = {};
  if (outcome === 'wrong_number' && !text.contactPointId) found.contactPoint = {};
  const body: CallBody = { outcome: outcome ?? 'no_answer', checklist: { ...checklist } };
  if (outcome === 'wrong_number' && text.contactPointId) body.contactPointId = text.contactPointId;
  if (outcome === 'right_party' && result) {
    body.result = result;
    if (result === 'promise') {
      const cents = context.parseCents(text.amount);
      if (cents === null || cents <= 0) found.amount = {};
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(text.dueOn) ||
        text.dueOn < context.today ||
        text.dueOn > context.lastPromiseDay
      ) {
        found.dueOn = { from: context.today, to: context.lastPromiseDay };
      }
      if (cents !== null && cents > 0) body.promise = { amountCents: cents, dueOn: text.dueOn };
    }
    if (result === 'callback') {
      const at = context.localToIso(text.callbackDate, text.callbackTime);
      if (at === null || Date.parse(at) <= Date.parse(context.now)) found.callback = {};
      else body.callbackAt = at;
    }
    if (result === 'dispute' || result === 'hardship' || result === 'bereavement') {
      if (text.reason.trim().length < 3) found.reason = {};
      else body.reason = text.reason.trim();
    }
  }
  if (text.note.trim()) body.note = text.note.trim();
  return { body: Object.keys(found).length > 0 ? null : body, errors: found };
}
