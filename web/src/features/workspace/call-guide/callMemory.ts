import { useEffect, useReducer, useState } from 'react';
import {
  forgetInPage,
  forgetInTab,
  keepInPage,
  keepInTab,
  recallFromPage,
  recallFromTab,
} from '../../../api/tabMemory.js';
import { CALL_OUTCOMES, CALL_RESULTS, type CallOutcome, type CallResultKind } from '../api.js';
import type { ScriptStep } from '../api.js';
import { callGuideReducer, initialCallGuide, type CallGuideState, type CallText } from './callGuideReducer.js';

/**
 * A call in progress outlives the page: the agent opens the budget from the call, or reloads, and comes back to the
 * checklist as it was, until the call is recorded or abandoned (or the agent signs out). One entry per signed-in user
 * and case. The tab keeps only what was ticked and chosen, the amount, dates and number (`KeptCall`); the free texts
 * (the note, a dispute's or hardship's reason) may hold what a debtor confided of their health or life, so they stay
 * in this page's memory only: they survive going to another page of the app, never a reload, and never touch storage.
 */
export interface KeptCall {
  checklist: Record<string, boolean>;
  outcome: CallOutcome | null;
  result: CallResultKind | null;
  text: Record<KeptText, string>;
}

type KeptText = Exclude<CallText, FreeText>;
type FreeText = 'note' | 'reason';
const KEPT_TEXT = ['amount', 'dueOn', 'callbackDate', 'callbackTime', 'contactPointId'] as const satisfies KeptText[];
const FREE_TEXT = ['note', 'reason'] as const satisfies FreeText[];

export const callMemoryKey = (userId: string, caseId: string) => `call:${userId}:${caseId}`;

/** What the tab keeps of a call: nothing when nothing was entered yet (a fresh form is not worth keeping). */
export function keptOfCall(state: CallGuideState, fresh: CallGuideState): KeptCall | null {
  const text = Object.fromEntries(KEPT_TEXT.map((field) => [field, state.text[field]])) as KeptCall['text'];
  const kept: KeptCall = { checklist: state.checklist, outcome: state.outcome, result: state.result, text };
  const untouched =
    Object.values(state.checklist).every((ticked) => !ticked) &&
    state.outcome === null &&
    state.result === null &&
    KEPT_TEXT.every((field) => state.text[field] === fresh.text[field]);
  return untouched ? null : kept;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= 200;
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);

/**
 * The call as it was left: the fresh form with what was kept laid over it. Whatever no longer fits (a step the
 * script lost, a value from another version of the page) is dropped rather than trusted.
 */
export function restoreCall(fresh: CallGuideState, kept: unknown, stepIds: readonly string[]): CallGuideState {
  if (typeof kept !== 'object' || kept === null) return fresh;
  const { checklist, outcome, result, text } = kept as Partial<Record<keyof KeptCall, unknown>>;
  const restored: CallGuideState = { ...fresh, checklist: {}, text: { ...fresh.text } };
  if (typeof checklist === 'object' && checklist !== null) {
    for (const [stepId, ticked] of Object.entries(checklist)) {
      if (stepIds.includes(stepId) && typeof ticked === 'boolean') restored.checklist[stepId] = ticked;
    }
  }
  if (isOneOf(CALL_OUTCOMES, outcome)) restored.outcome = outcome;
  if (restored.outcome === 'right_party' && isOneOf(CALL_RESULTS, result)) restored.result = result;
  if (typeof text === 'object' && text !== null) {
    for (const field of KEPT_TEXT) {
      const value = (text as Record<string, unknown>)[field];
      if (isText(value)) restored.text[field] = value;
    }
  }
  return restored;
}

/** The call in progress on this case for this user, as the tab and the page's memory have it (or the fresh form). */
export function recallCall(key: string, fresh: CallGuideState, stepIds: readonly string[]): CallGuideState {
  const restored = restoreCall(fresh, recallFromTab(key), stepIds);
  const free = recallFromPage(key) as Record<FreeText, string> | undefined;
  return free ? { ...restored, text: { ...restored.text, ...free } } : restored;
}

/** Keeps the call as the agent fills it in; a call recorded or abandoned comes back fresh, and is forgotten. */
export function useCallMemory(key: string, state: CallGuideState, fresh: CallGuideState): void {
  useEffect(() => {
    const kept = keptOfCall(state, fresh);
    const free = Object.fromEntries(FREE_TEXT.map((field) => [field, state.text[field]])) as Record<FreeText, string>;
    if (kept) keepInTab(key, kept);
    else forgetInTab(key);
    if (kept || FREE_TEXT.some((field) => free[field] !== '')) keepInPage(key, free);
    else forgetInPage(key);
  }, [key, state, fresh]);
}

/**
 * The call on this case: the one left in progress (the budget opened from it, a reload) as it was, else a fresh one;
 * `resumed` says it came back.
 */
export function useCallInProgress(key: string, script: readonly ScriptStep[], phoneIds: readonly string[]) {
  const [fresh] = useState(() => initialCallGuide(script, phoneIds));
  const [state, dispatch] = useReducer(callGuideReducer, null, () =>
    recallCall(
      key,
      fresh,
      script.map((step) => step.id),
    ),
  );
  const [resumed] = useState(() => keptOfCall(state, fresh) !== null);
  useCallMemory(key, state, fresh);
  return { state, dispatch, fresh, resumed };
}
