import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, isBusinessDay } from '../../platform/calendar/index.js';
import { legalRuleOn } from '../../platform/calendar/legal-deadlines.js';
import {
  deadlineOn,
  FRANCE,
  INITIAL_DEADLINE_RULES,
  type JudicialCalendar,
  titleExpiresOn,
} from './procedure-deadlines.js';
import { DEADLINE_KINDS, STATES, STEP_KINDS, TRANSITIONS, type StepKind } from './procedure-lists.js';
import { nextAction } from './procedure-next.js';
import {
  allowedSteps,
  applyStep,
  collectionActs,
  lateOppositionDeadline,
  openProcedure,
  refuseStep,
  ROUTES,
  type ProcedureFacts,
} from './procedure.js';

/** France's calendar and the deadline rules migration 0047 seeds. */
const C: JudicialCalendar = { place: FRANCE, rules: INITIAL_DEADLINE_RULES };

const day = fc.integer({ min: 0, max: 365 * 12 }).map((offset) => addDays('2022-03-01', offset));

const facts: fc.Arbitrary<ProcedureFacts> = fc
  .record({
    route: fc.constantFrom(...ROUTES),
    state: fc.constantFrom(...STATES),
    since: day,
    title: fc.option(fc.integer({ min: -4000, max: 30 }), { nil: null }),
    fileNotBefore: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    servedInPerson: fc.constantFrom(null, true, false),
    late: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  })
  .map(({ route, state, since, title, fileNotBefore, servedInPerson, late }) => {
    const obtainedOn = title === null ? null : addDays(since, title);
    return {
      route,
      state,
      stateSince: since,
      titleObtainedOn: obtainedOn,
      titleExpiresOn: obtainedOn ? titleExpiresOn(obtainedOn, C) : null,
      fileNotBefore: fileNotBefore === null ? null : addDays(since, fileNotBefore),
      outcome: state === 'ended' ? 'paid' : null,
      servedInPerson,
      lateOppositionFrom: late === null || servedInPerson !== false ? null : addDays(since, late),
    };
  });

const injonction = (openedOn: string) => openProcedure('injonction_de_payer', openedOn, C) as ProcedureFacts;

function walk(start: ProcedureFacts, steps: [StepKind, string][]) {
  return steps.reduce((current, [kind, on]) => applyStep(current, { kind, occurredOn: on }, on, C), start);
}

describe('the injonction de payer', () => {
  it('runs from the requête to a final title, the service within 6 months and the opposition’s month (CPC 1411, 1416)', () => {
    const issued = walk(injonction('2026-01-05'), [
      ['requete_filed', '2026-01-06'],
      ['ordonnance_issued', '2026-02-10'],
    ]);
    expect(issued.state).toBe('ordonnance_issued');
    expect(nextAction(issued, '2026-02-10', C)).toMatchObject({
      action: 'serve_ordonnance',
      dueOn: '2026-08-10',
      deadline: { kind: 'service', on: '2026-08-10' },
    });
    const served = applyStep(issued, { kind: 'served', occurredOn: '2026-03-13' }, '2026-03-13', C);
    // 13 April 2026 is a Monday; the month ends that day.
    expect(nextAction(served, '2026-03-20', C)).toMatchObject({
      action: 'await_opposition_window',
      dueOn: '2026-04-14',
      deadline: { kind: 'opposition', on: '2026-04-13' },
    });
    expect(collectionActs(served, '2026-03-20', C)).toEqual({
      amicable_contact: true,
      payment_request: true,
      enforcement: false,
    });
    expect(refuseStep(served, { kind: 'opposition_window_closed', occurredOn: '2026-04-13' }, '2026-04-13', C)).toBe(
      'judicial_procedure.deadline_not_reached',
    );
    const final = applyStep(served, { kind: 'opposition_window_closed', occurredOn: '2026-04-14' }, '2026-04-14', C);
    expect(final).toMatchObject({ state: 'titled', titleObtainedOn: '2026-04-14', titleExpiresOn: '2036-04-14' });
    expect(collectionActs(final, '2026-04-14', C).enforcement).toBe(true);
  });

  it('keeps a late opposition open after a service not in person, for a month from the first freeze (CPC 1416 al. 2)', () => {
    const issued = walk(injonction('2026-01-05'), [
      ['requete_filed', '2026-01-06'],
      ['ordonnance_issued', '2026-02-10'],
    ]);
    const atHome = applyStep(issued, { kind: 'served', occurredOn: '2026-03-13', inPerson: false }, '2026-03-13', C);
    expect(atHome).toMatchObject({ servedInPerson: false, lateOppositionFrom: null });
    const titled = applyStep(atHome, { kind: 'opposition_window_closed', occurredOn: '2026-04-14' }, '2026-04-14', C);
    // Enforceable, yet no opposition until a first act in person or a first freeze of assets.
    expect(collectionActs(titled, '2026-04-20', C).enforcement).toBe(true);
    const opposeOn = (facts: ProcedureFacts, on: string) =>
      refuseStep(facts, { kind: 'opposition_filed', occurredOn: on }, on, C);
    expect(opposeOn(titled, '2026-04-20')).toBe('judicial_procedure.step_not_allowed');
    // A bank seizure on Friday 24 April 2026 opens the month: it ends Sunday 24 May, moved past Whit Monday to 26 May.
    const seized = applyStep(titled, { kind: 'bank_seized', occurredOn: '2026-04-24' }, '2026-04-24', C);
    expect(seized.lateOppositionFrom).toBe('2026-04-24');
    expect(lateOppositionDeadline(seized, '2026-04-24', C)).toEqual({ kind: 'late_opposition', on: '2026-05-26' });
    expect(opposeOn(seized, '2026-05-26')).toBeNull();
    expect(applyStep(seized, { kind: 'opposition_filed', occurredOn: '2026-05-04' }, '2026-05-04', C)).toMatchObject({
      state: 'opposed',
    });
    const denounced = applyStep(seized, { kind: 'attribution_denounced', occurredOn: '2026-04-30' }, '2026-04-30', C);
    expect(opposeOn(denounced, '2026-05-27')).toBe('judicial_procedure.deadline_passed');
    expect(lateOppositionDeadline(denounced, '2026-05-27', C)).toBeNull();
    // Only the first act opens it: a later act in person changes nothing.
    expect(refuseStep(seized, { kind: 'act_served_in_person', occurredOn: '2026-05-02' }, '2026-05-02', C)).toBe(
      'judicial_procedure.step_not_allowed',
    );
    // Without a freeze, the first act served in person opens it the same way.
    const inPerson = applyStep(titled, { kind: 'act_served_in_person', occurredOn: '2026-06-01' }, '2026-06-01', C);
    expect(inPerson).toMatchObject({ state: 'titled', lateOppositionFrom: '2026-06-01' });
    expect(opposeOn(inPerson, '2026-07-01')).toBeNull();
  });

  it('properties: an order served in person is never opposed once its month has passed', () => {
    fc.assert(
      fc.property(facts, day, (start, on) => {
        const served: ProcedureFacts = { ...start, servedInPerson: true, lateOppositionFrom: null };
        if (served.state === 'served') return;
        expect(refuseStep(served, { kind: 'opposition_filed', occurredOn: on }, on, C)).not.toBeNull();
        expect(refuseStep(served, { kind: 'act_served_in_person', occurredOn: on }, on, C)).not.toBeNull();
        expect(lateOppositionDeadline(served, on, C)).toBeNull();
      }),
    );
  });

  it('moves a deadline that ends on a closed day to the next working day (CPC 642)', () => {
    // Served Saturday 1 Nov 2025 (a holiday too): the month ends Monday 1 Dec. Served 14 June 2025: 14 July is a holiday.
    expect(deadlineOn('opposition', '2025-06-14', C)).toBe('2025-07-15');
    // A bank seizure on Friday 24 April 2026: the 8th day is Saturday 2 May, moved to Monday 4 May.
    expect(deadlineOn('denunciation', '2026-04-24', C)).toBe('2026-05-04');
    // An ordonnance of 31 August: 6 months end on 28 February (CPC 641), a Sunday in 2027 → Monday 1 March.
    expect(deadlineOn('service', '2026-08-31', C)).toBe('2027-03-01');
  });

  it('makes an ordonnance not served within 6 months void and files again', () => {
    const issued = walk(injonction('2026-01-05'), [
      ['requete_filed', '2026-01-05'],
      ['ordonnance_issued', '2026-01-20'],
    ]);
    expect(refuseStep(issued, { kind: 'served', occurredOn: '2026-07-21' }, '2026-07-21', C)).toBe(
      'judicial_procedure.deadline_passed',
    );
    expect(nextAction(issued, '2026-07-21', C)).toMatchObject({
      action: 'record_ordonnance_lapsed',
      dueOn: '2026-07-21',
    });
    const lapsed = applyStep(issued, { kind: 'ordonnance_lapsed', occurredOn: '2026-07-21' }, '2026-07-21', C);
    expect(lapsed.state).toBe('requete_to_file');
  });

  it('refuses to file before the debtor was told (the review’s file-not-before day)', () => {
    const opened = openProcedure('injonction_de_payer', '2026-01-05', C, {
      fileNotBefore: '2026-01-20',
    }) as ProcedureFacts;
    expect(refuseStep(opened, { kind: 'requete_filed', occurredOn: '2026-01-19' }, '2026-01-19', C)).toBe(
      'judicial_procedure.before_file_not_before',
    );
    expect(nextAction(opened, '2026-01-05', C)).toMatchObject({ action: 'file_requete', dueOn: '2026-01-20' });
  });
});

describe('enforcement and the other routes', () => {
  it('lapses a bank seizure not served on the debtor within 8 days (R211-3) and waits for the wage commandement’s month', () => {
    const titled = openProcedure('enforcement_with_title', '2026-03-02', C, { titleObtainedOn: '2025-01-10' });
    const seized = applyStep(
      titled as ProcedureFacts,
      { kind: 'bank_seized', occurredOn: '2026-03-02' },
      '2026-03-02',
      C,
    );
    expect(nextAction(seized, '2026-03-03', C)).toMatchObject({ action: 'denounce_attribution', dueOn: '2026-03-10' });
    expect(refuseStep(seized, { kind: 'attribution_denounced', occurredOn: '2026-03-11' }, '2026-03-11', C)).toBe(
      'judicial_procedure.deadline_passed',
    );
    const back = applyStep(seized, { kind: 'attribution_lapsed', occurredOn: '2026-03-11' }, '2026-03-11', C);
    const commandement = applyStep(
      back,
      { kind: 'wage_commandement_served', occurredOn: '2026-03-12' },
      '2026-03-12',
      C,
    );
    expect(refuseStep(commandement, { kind: 'wage_pv_served', occurredOn: '2026-04-10' }, '2026-04-10', C)).toBe(
      'judicial_procedure.deadline_not_reached',
    );
    expect(nextAction(commandement, '2026-04-14', C)).toMatchObject({ action: 'serve_wage_pv', dueOn: '2026-06-12' });
  });

  it('needs a living title to enforce (L111-4) and a title to open the enforcement route', () => {
    expect(openProcedure('enforcement_with_title', '2026-03-02', C)).toBe('judicial_procedure.title_required');
    expect(openProcedure('enforcement_with_title', '2026-03-02', C, { titleObtainedOn: '2026-03-03' })).toBe(
      'judicial_procedure.title_in_future',
    );
    expect(openProcedure('enforcement_with_title', '2026-03-02', C, { titleObtainedOn: '2016-03-01' })).toBe(
      'judicial_procedure.title_expired',
    );
  });

  it('turns a PSRPC left unanswered for a month into an injonction (L125-1)', () => {
    const invited = walk(openProcedure('psrpc', '2026-02-02', C) as ProcedureFacts, [
      ['psrpc_invitation_sent', '2026-02-02'],
    ]);
    expect(nextAction(invited, '2026-02-10', C)).toMatchObject({ action: 'await_psrpc_answer', dueOn: '2026-03-03' });
    expect(applyStep(invited, { kind: 'psrpc_no_answer', occurredOn: '2026-03-03' }, '2026-03-03', C).state).toBe(
      'requete_to_file',
    );
  });
});

describe('the machine’s properties', () => {
  it('never leaves a deadline that moves on a closed day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEADLINE_KINDS), day, (kind, from) => {
        const on = deadlineOn(kind, from, C);
        if (legalRuleOn(INITIAL_DEADLINE_RULES, kind, from).movesToWorkingDay)
          expect(isBusinessDay(on, FRANCE)).toBe(true);
        expect(compareDates(on, from)).toBe(1);
      }),
    );
  });

  it('gives every open state a next action due today or later, and none to an ended one', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 800 }), (procedure, later) => {
        const today = addDays(procedure.stateSince, later);
        const next = nextAction(procedure, today, C);
        if (procedure.state === 'ended') expect(next).toBeNull();
        else expect(compareDates(next!.dueOn, today)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('accepts exactly the steps it lists, and no enforcement act where enforcement is stayed', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 400 }), fc.constantFrom(...STEP_KINDS), (procedure, later, kind) => {
        const on = addDays(procedure.stateSince, later);
        const allowed = allowedSteps(procedure, on, C).includes(kind);
        const step = { kind, occurredOn: on, outcome: 'paid' as const };
        expect(refuseStep(procedure, step, on, C) === null).toBe(allowed);
        if (!allowed) expect(() => applyStep(procedure, step, on, C)).toThrow();
        const enforcement = 'enforcement' in TRANSITIONS[kind];
        if (enforcement && allowed) expect(collectionActs(procedure, on, C).enforcement).toBe(true);
        if (procedure.state === 'ended') expect(allowed).toBe(false);
      }),
    );
  });

  it('keeps a title’s life ten years from the day it was obtained, whatever step gave it', () => {
    fc.assert(
      fc.property(day, (obtainedOn) => {
        expect(titleExpiresOn(obtainedOn, C).slice(0, 4)).toBe(String(Number(obtainedOn.slice(0, 4)) + 10));
      }),
    );
  });
});
