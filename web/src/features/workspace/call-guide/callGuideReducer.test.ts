import { describe, expect, it } from 'vitest';
import type { CallResult, ScriptStep } from '../api.js';
import {
  callGuideReducer,
  checkCall,
  identityConfirmed,
  identityStepOf,
  initialCallGuide,
  type CallContext,
  type CallGuideAction,
  type CallGuideState,
} from './callGuideReducer.js';

const SCRIPT: ScriptStep[] = [
  { id: 'identity', title: 'Confirmer l’identité', guidance: 'Nom et date de naissance', rightPartyOnly: false },
  { id: 'disclose_debt', title: 'Annoncer la dette', guidance: 'Montant et créancier', rightPartyOnly: true },
  { id: 'offer_plan', title: 'Proposer un plan', guidance: 'Selon la capacité', rightPartyOnly: true },
];

const CONTEXT: CallContext = {
  script: SCRIPT,
  today: '2026-11-25',
  lastPromiseDay: '2026-12-09',
  now: '2026-11-25T09:00:00.000Z',
  parseCents: (text) => (/^\d+(,\d{1,2})?$/.test(text) ? Math.round(Number(text.replace(',', '.')) * 100) : null),
  localToIso: (date, time) => (date && time ? new Date(`${date}T${time}:00Z`).toISOString() : null),
};

const run = (actions: CallGuideAction[], state = initialCallGuide(SCRIPT, ['p1', 'p2'])): CallGuideState =>
  actions.reduce(callGuideReducer, state);
const tick = (stepId: string, checked = true): CallGuideAction => ({ type: 'tick', stepId, checked });
const text = (
  field: 'amount' | 'dueOn' | 'callbackDate' | 'callbackTime' | 'reason' | 'contactPointId' | 'note',
  value: string,
): CallGuideAction => ({ type: 'text', field, value });

describe('the call guide', () => {
  it('starts with nothing ticked, no outcome, and the only phone number chosen when there is one', () => {
    expect(initialCallGuide(SCRIPT, ['p1']).text.contactPointId).toBe('p1');
    const fresh = initialCallGuide(SCRIPT, ['p1', 'p2']);
    expect(fresh.text.contactPointId).toBe('');
    expect(fresh.outcome).toBeNull();
    expect(identityConfirmed(fresh)).toBe(false);
    expect(identityStepOf(SCRIPT)?.id).toBe('identity');
  });

  it('takes the identity step by its name, else the first step', () => {
    expect(identityStepOf([SCRIPT[1]!, { ...SCRIPT[0]!, id: 'verifier_identite' }])?.id).toBe('verifier_identite');
    expect(identityStepOf([SCRIPT[1]!, SCRIPT[2]!])?.id).toBe('disclose_debt');
    expect(identityStepOf([])).toBeUndefined();
  });

  it('confirming the identity means speaking to the debtor, and answers the reminder', () => {
    const state = run([{ type: 'checked', errors: { identity: {}, outcome: {} } }, tick('identity')]);
    expect(identityConfirmed(state)).toBe(true);
    expect(state.outcome).toBe('right_party');
    expect(state.errors.identity).toBeUndefined();
    expect(state.errors.outcome).toEqual({});
  });

  it('keeps an outcome already chosen when the identity is confirmed afterwards', () => {
    expect(run([{ type: 'outcome', outcome: 'third_party' }, tick('identity')]).outcome).toBe('third_party');
  });

  it('unticking the identity unticks every step said only to the debtor', () => {
    const state = run([tick('identity'), tick('disclose_debt'), tick('offer_plan'), tick('identity', false)]);
    expect(state.checklist).toEqual({ identity: false, disclose_debt: false, offer_plan: false });
  });

  it('another outcome than the debtor forgets the result; any choice clears the mistakes shown', () => {
    const state = run([
      tick('identity'),
      { type: 'result', result: 'promise' },
      { type: 'checked', errors: { amount: {} } },
      { type: 'outcome', outcome: 'no_answer' },
    ]);
    expect(state.result).toBeNull();
    expect(state.errors).toEqual({});
    expect(
      run([tick('identity'), { type: 'checked', errors: { result: {} } }, { type: 'result', result: 'callback' }])
        .errors,
    ).toEqual({});
  });

  it('counts refused submissions only', () => {
    const state = run([
      { type: 'checked', errors: { outcome: {} } },
      { type: 'checked', errors: {} },
      { type: 'checked', errors: { amount: {} } },
    ]);
    expect(state.refusals).toBe(2);
  });

  it('after a call recorded, starts afresh but keeps the number chosen and shows the answer', () => {
    const answer = {
      contactId: 'c1',
      outcome: 'wrong_number',
      result: null,
      checklist: {},
      actions: [],
      queue: null,
    } as CallResult;
    const state = run([
      tick('identity'),
      { type: 'outcome', outcome: 'wrong_number' },
      text('contactPointId', 'p2'),
      text('note', 'Mauvais numéro'),
      { type: 'recorded', answer },
    ]);
    expect(state).toMatchObject({ checklist: {}, outcome: null, result: null, recorded: answer });
    expect(state.text).toEqual({
      amount: '',
      dueOn: '',
      callbackDate: '',
      callbackTime: '',
      reason: '',
      contactPointId: 'p2',
      note: '',
    });
    expect(run([{ type: 'sending' }], state).recorded).toBeNull();
  });
});

describe('checking a call before it is sent', () => {
  it('asks for an outcome first', () => {
    expect(checkCall(run([]), CONTEXT)).toEqual({ body: null, errors: { outcome: {} } });
  });

  it('refuses a conversation with the debtor without a confirmed identity, or without its result', () => {
    expect(checkCall(run([{ type: 'outcome', outcome: 'right_party' }]), CONTEXT).errors).toEqual({
      identity: {},
      result: {},
    });
  });

  it('refuses steps said only to the debtor when someone else answered, naming them', () => {
    const state = run([
      tick('identity'),
      tick('disclose_debt'),
      tick('offer_plan'),
      { type: 'outcome', outcome: 'third_party' },
    ]);
    expect(checkCall(state, CONTEXT).errors).toEqual({ disclosed: { steps: 'Annoncer la dette, Proposer un plan' } });
  });

  it('asks which number was wrong, and sends it', () => {
    const wrong = run([{ type: 'outcome', outcome: 'wrong_number' }]);
    expect(checkCall(wrong, CONTEXT).errors).toEqual({ contactPoint: {} });
    expect(checkCall(run([text('contactPointId', 'p2')], wrong), CONTEXT).body).toEqual({
      outcome: 'wrong_number',
      checklist: {},
      contactPointId: 'p2',
    });
  });

  it('sends a promise with its amount in cents and its date, within the days a promise may take', () => {
    const promise = run([
      tick('identity'),
      { type: 'result', result: 'promise' },
      text('amount', '120,50'),
      text('dueOn', '2026-12-01'),
      text('note', '  rappel  '),
    ]);
    expect(checkCall(promise, CONTEXT)).toEqual({
      body: {
        outcome: 'right_party',
        checklist: { identity: true },
        result: 'promise',
        promise: { amountCents: 12050, dueOn: '2026-12-01' },
        note: 'rappel',
      },
      errors: {},
    });
    const late = run([text('amount', '0'), text('dueOn', '2026-12-10')], promise);
    expect(checkCall(late, CONTEXT).errors).toEqual({ amount: {}, dueOn: { from: '2026-11-25', to: '2026-12-09' } });
    expect(checkCall(run([text('dueOn', '2026-11-24')], promise), CONTEXT).errors).toEqual({
      dueOn: { from: '2026-11-25', to: '2026-12-09' },
    });
  });

  it('sends a callback only at a moment to come, read in the debtor’s zone', () => {
    const callback = run([
      tick('identity'),
      { type: 'result', result: 'callback' },
      text('callbackDate', '2026-11-25'),
      text('callbackTime', '08:00'),
    ]);
    expect(checkCall(callback, CONTEXT).errors).toEqual({ callback: {} });
    const later = run([text('callbackTime', '15:30')], callback);
    expect(checkCall(later, CONTEXT).body).toMatchObject({
      result: 'callback',
      callbackAt: '2026-11-25T15:30:00.000Z',
    });
  });

  it('asks for the reason of a dispute or a hardship (three characters at least), trimmed', () => {
    const dispute = run([tick('identity'), { type: 'result', result: 'dispute' }, text('reason', ' ab ')]);
    expect(checkCall(dispute, CONTEXT).errors).toEqual({ reason: {} });
    expect(checkCall(run([text('reason', ' déjà payé ')], dispute), CONTEXT).body).toMatchObject({
      result: 'dispute',
      reason: 'déjà payé',
    });
  });
});
