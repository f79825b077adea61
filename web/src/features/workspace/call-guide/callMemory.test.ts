// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetAllInTab } from '../../../api/tabMemory.js';
import type { ScriptStep } from '../api.js';
import { callGuideReducer, initialCallGuide, type CallGuideAction, type CallGuideState } from './callGuideReducer.js';
import { callMemoryKey, keptOfCall, recallCall, restoreCall, useCallMemory } from './callMemory.js';

const SCRIPT: ScriptStep[] = [
  { id: 'identity', title: 'Confirmer l’identité', guidance: 'Nom et date de naissance', rightPartyOnly: false },
  { id: 'disclose_debt', title: 'Annoncer la dette', guidance: 'Montant et créancier', rightPartyOnly: true },
];
const STEP_IDS = SCRIPT.map((step) => step.id);
const fresh = initialCallGuide(SCRIPT, ['p1', 'p2']);
const run = (actions: CallGuideAction[]): CallGuideState => actions.reduce(callGuideReducer, fresh);
const KEY = callMemoryKey('user-1', 'case-1');

/** A call half done: identity confirmed, the debt announced, a promise being typed, with a note and a reason. */
const halfDone = run([
  { type: 'tick', stepId: 'identity', checked: true },
  { type: 'tick', stepId: 'disclose_debt', checked: true },
  { type: 'result', result: 'promise' },
  { type: 'text', field: 'amount', value: '120,50' },
  { type: 'text', field: 'dueOn', value: '2026-12-02' },
  { type: 'text', field: 'note', value: 'Rappeler après son hospitalisation' },
  { type: 'text', field: 'reason', value: 'Arrêt maladie' },
]);

/** Mounts the memory on a state, then unmounts it (as leaving the page does). */
function keep(state: CallGuideState, key = KEY) {
  renderHook(() => useCallMemory(key, state, fresh)).unmount();
}

afterEach(() => {
  cleanup();
  forgetAllInTab();
});

describe('a call in progress kept across pages and reloads', () => {
  it('comes back as it was left after going to another page of the app', () => {
    keep(halfDone);
    const back = recallCall(KEY, fresh, STEP_IDS);
    expect(back.checklist).toEqual(halfDone.checklist);
    expect(back.outcome).toBe('right_party');
    expect(back.result).toBe('promise');
    expect(back.text).toEqual(halfDone.text);
  });

  it('keeps in the tab’s storage what was ticked, chosen and typed, never the note or a reason', () => {
    keep(halfDone);
    const stored = sessionStorage.getItem(`accord:${KEY}`) ?? '';
    expect(JSON.parse(stored)).toEqual({
      checklist: { identity: true, disclose_debt: true },
      outcome: 'right_party',
      result: 'promise',
      text: { amount: '120,50', dueOn: '2026-12-02', callbackDate: '', callbackTime: '', contactPointId: '' },
    });
    expect(stored).not.toContain('hospitalisation');
    expect(stored).not.toContain('maladie');
  });

  it('after a reload (the page’s memory gone), finds the checklist and the promise, without the free texts', () => {
    const stored = sessionStorage.getItem(`accord:${KEY}`);
    keep(halfDone);
    const reloaded = restoreCall(fresh, JSON.parse(sessionStorage.getItem(`accord:${KEY}`)!), STEP_IDS);
    expect(stored).toBeNull();
    expect(reloaded.checklist).toEqual({ identity: true, disclose_debt: true });
    expect(reloaded.text).toMatchObject({ amount: '120,50', dueOn: '2026-12-02', note: '', reason: '' });
  });

  it('is kept per signed-in user and case: another user or another case starts afresh', () => {
    keep(halfDone);
    expect(recallCall(callMemoryKey('user-2', 'case-1'), fresh, STEP_IDS)).toEqual(fresh);
    expect(recallCall(callMemoryKey('user-1', 'case-2'), fresh, STEP_IDS)).toEqual(fresh);
  });

  it('is forgotten once the call is recorded or abandoned', () => {
    for (const end of [{ type: 'abandoned' }, { type: 'recorded', answer: {} }] as CallGuideAction[]) {
      keep(halfDone);
      keep(callGuideReducer(halfDone, end));
      expect(sessionStorage.getItem(`accord:${KEY}`)).toBeNull();
      expect(recallCall(KEY, fresh, STEP_IDS)).toEqual(fresh);
    }
  });

  it('is forgotten when the user signs out', () => {
    keep(halfDone);
    forgetAllInTab();
    expect(sessionStorage.length).toBe(0);
    expect(recallCall(KEY, fresh, STEP_IDS)).toEqual(fresh);
  });

  it('keeps nothing of a form not yet touched', () => {
    expect(keptOfCall(fresh, fresh)).toBeNull();
    keep(fresh);
    expect(sessionStorage.getItem(`accord:${KEY}`)).toBeNull();
  });

  it('drops what no longer fits the page rather than trusting it', () => {
    const restored = restoreCall(
      fresh,
      {
        checklist: { identity: true, gone: true, disclose_debt: 'yes' },
        outcome: 'shouting',
        result: 'promise',
        text: { amount: 5 },
      },
      STEP_IDS,
    );
    expect(restored.checklist).toEqual({ identity: true });
    expect(restored.outcome).toBeNull();
    expect(restored.result).toBeNull();
    expect(restored.text).toEqual(fresh.text);
    expect(restoreCall(fresh, 'garbage', STEP_IDS)).toEqual(fresh);
  });
});
