import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBusinessDay } from '../../platform/calendar/business-days.js';
import { addDays } from '../../platform/calendar/dates.js';
import { legalRuleOn } from '../../platform/calendar/legal-deadlines.js';
import { INITIAL_DEADLINE_RULES, PROCEDURE_DEADLINES } from './deadline-rules.js';
import {
  ACTS,
  checkNextStep,
  deadlineFrom,
  deadlinesOf,
  FINAL_STATES,
  FIRST_STATE,
  holdKindOf,
  isStayed,
  mayAct,
  NEXT_STATES,
  nextActionOf,
  statesOf,
  type ProcedureCountry,
  type ProcedureFacts,
  type ProcedureStep,
} from './procedure.js';

const FR = { place: { country: 'FR' }, rules: INITIAL_DEADLINE_RULES };
const calendarOf = (country: string) => ({ place: { country }, rules: INITIAL_DEADLINE_RULES });
const day = fc.integer({ min: 0, max: 365 * 12 }).map((offset) => addDays('2018-01-01', offset));

/** A procedure walked along its allowed states, each step a few days after the one before. */
const procedure: fc.Arbitrary<ProcedureFacts> = fc
  .record({
    country: fc.constantFrom<ProcedureCountry>('FR', 'IT'),
    filedOn: day,
    walk: fc.array(fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 200 }), doc: fc.boolean() }), {
      maxLength: 6,
    }),
  })
  .map(({ country, filedOn, walk }) => {
    const steps: ProcedureStep[] = [{ state: FIRST_STATE[country], on: filedOn, documentRef: 'dossier' }];
    for (const { pick, gap, doc } of walk) {
      const last = steps.at(-1)!;
      const options = NEXT_STATES[last.state].filter((s) => statesOf(country).includes(s));
      if (options.length === 0) break;
      steps.push({
        state: options[pick % options.length]!,
        on: addDays(last.on, gap),
        documentRef: doc ? 'lettre' : null,
      });
    }
    return { country, steps };
  });

describe('over-indebtedness procedure', () => {
  it('moves a deadline that ends on a closed day to the next working day (CPC 642)', () => {
    // Admissibility notified on Thursday 2026-04-23: 15 days end on Friday 8 May (a holiday) → Monday 11 May.
    const appeal = deadlineFrom('admissibility_appeal', '2026-04-23', FR);
    expect(appeal.countEndsOn).toBe('2026-05-08');
    expect(appeal.dueOn).toBe('2026-05-11');
    expect(appeal.moved).toBe(true);
    // Mesures imposées notified on 2026-06-01: 30 days end on Wednesday 1 July, a working day, unmoved.
    expect(deadlineFrom('measures_contest', '2026-06-01', FR)).toMatchObject({ dueOn: '2026-07-01', moved: false });
    // The stay's end is a limit, not moved: admissible 2026-05-09 → 2028-05-09 (a Tuesday) and 2026-11-07 → a Sunday.
    expect(deadlineFrom('stay_end', '2026-11-07', FR)).toMatchObject({ dueOn: '2028-11-07', moved: false });
  });

  it('never puts a deadline that moves on a closed day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROCEDURE_DEADLINES),
        day,
        fc.constantFrom('FR', 'IT'),
        (deadline, from, country) => {
          const d = deadlineFrom(deadline, from, calendarOf(country));
          if (legalRuleOn(INITIAL_DEADLINE_RULES, deadline, from).movesToWorkingDay)
            expect(isBusinessDay(d.dueOn, { country })).toBe(true);
          expect(d.dueOn >= d.countEndsOn).toBe(true);
        },
      ),
    );
  });

  it('allows no collection act in a stayed state, and only the plan in a plan state', () => {
    fc.assert(
      fc.property(procedure, (p) => {
        const state = p.steps.at(-1)!.state;
        if (isStayed(state)) for (const act of ACTS) expect(mayAct(state, act)).toBe(false);
        if (state === 'plan_applies' || state === 'plan_approved') {
          expect(mayAct(state, 'collection_contact')).toBe(false);
          expect(mayAct(state, 'payment_request')).toBe(false);
          expect(mayAct(state, 'direct_debit')).toBe(false);
          expect(mayAct(state, 'interest_accrual')).toBe(false);
          expect(mayAct(state, 'plan_instalment_request')).toBe(true);
        }
        // From filing on, nothing adds to the claim while the procedure holds it.
        if (!['inadmissible', 'closed'].includes(state)) expect(mayAct(state, 'interest_accrual')).toBe(false);
      }),
    );
  });

  it('gives every state that is not final a next action due today or later', () => {
    fc.assert(
      fc.property(procedure, fc.integer({ min: 0, max: 1500 }), (p, later) => {
        const today = addDays(p.steps.at(-1)!.on, later);
        const next = nextActionOf(p, today, calendarOf(p.country));
        if (FINAL_STATES.includes(p.steps.at(-1)!.state)) expect(next).toBeNull();
        else expect(next!.dueOn >= today).toBe(true);
      }),
    );
  });

  it('places the hold that the state calls for', () => {
    expect(holdKindOf('filed')).toBe('overindebtedness_filed');
    expect(holdKindOf('admissible')).toBe('overindebtedness_admissible');
    expect(holdKindOf('mesures_imposees')).toBe('overindebtedness_admissible');
    expect(holdKindOf('plan_applies')).toBe('commission_plan');
    expect(holdKindOf('protective_measures')).toBe('overindebtedness_admissible');
    expect(holdKindOf('closed')).toBeNull();
    expect(holdKindOf('inadmissible')).toBeNull();
  });

  it('asks for the next step in order, dated between the last step and today', () => {
    const p: ProcedureFacts = { country: 'FR', steps: [{ state: 'filed', on: '2026-03-02', documentRef: 'BDF-1' }] };
    expect(checkNextStep(p, { state: 'admissible', on: '2026-04-01' }, '2026-04-10')).toBeNull();
    expect(checkNextStep(p, { state: 'mesures_imposees', on: '2026-04-01' }, '2026-04-10')).toBe(
      'overindebtedness.wrong_step',
    );
    expect(checkNextStep(p, { state: 'admissible', on: '2026-03-01' }, '2026-04-10')).toBe(
      'overindebtedness.step_before_previous',
    );
    expect(checkNextStep(p, { state: 'admissible', on: '2026-04-11' }, '2026-04-10')).toBe(
      'overindebtedness.step_in_future',
    );
    expect(checkNextStep(p, { state: 'protective_measures', on: '2026-04-01' }, '2026-04-10')).toBe(
      'overindebtedness.wrong_step',
    );
  });

  it('counts the stay from admissibility until a decision comes, and asks for its end when it came', () => {
    const p: ProcedureFacts = {
      country: 'FR',
      steps: [
        { state: 'filed', on: '2024-01-05', documentRef: 'BDF-1' },
        { state: 'admissible', on: '2024-02-05', documentRef: 'L1' },
      ],
    };
    expect(deadlinesOf(p, FR).map((d) => [d.deadline, d.dueOn])).toEqual([
      ['admissibility_appeal', '2024-02-20'],
      ['stay_end', '2026-02-05'],
    ]);
    expect(nextActionOf(p, '2024-02-10', FR)).toMatchObject({ action: 'watch_appeal', dueOn: '2024-02-20' });
    expect(nextActionOf(p, '2024-03-01', FR)).toMatchObject({ action: 'record_liabilities_statement' });
    expect(nextActionOf(p, '2026-02-05', FR)).toMatchObject({ action: 'record_stay_end', dueOn: '2026-02-05' });
  });

  it('asks for the document of a step recorded without one', () => {
    const p: ProcedureFacts = { country: 'FR', steps: [{ state: 'filed', on: '2026-03-02', documentRef: null }] };
    expect(nextActionOf(p, '2026-03-03', FR)).toMatchObject({ action: 'record_document', dueOn: '2026-03-03' });
  });
});
