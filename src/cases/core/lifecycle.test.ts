import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '../../platform/calendar/dates.js';
import {
  AGENCY_CLOSE_REASONS,
  CASE_CHANGES,
  CASE_REFUSAL_CODES,
  CASE_STAGES,
  CLOSE_REASONS,
  decideCaseChange,
  DEFAULT_EVIDENCE_DAYS,
  NEXT_ACTIONS,
  REOPENING_CHANGES,
  type CaseChange,
  type CaseFacts,
  type CaseState,
  type CaseTransition,
} from './lifecycle.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const TODAY = '2026-03-02';

const change: fc.Arbitrary<CaseChange> = fc.oneof(
  fc.record({
    reason: fc.constant('plan_agreed' as const),
    planId: fc.constant('plan-1'),
    planVersion: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    reason: fc.constantFrom('plan_cancelled' as const, 'plan_broken' as const),
    planId: fc.constant('plan-1'),
  }),
  fc.record({ reason: fc.constant('merged' as const), intoCaseReference: fc.constant('ACC-2026-000001') }),
  fc.record({
    reason: fc.constant('dispute_opened' as const),
    disputeId: fc.constant('dispute-1'),
    evidenceDueOn: fc.constantFrom('2026-04-01', '2026-03-02', '2026-02-01', 'not a date'),
  }),
  fc.record({
    reason: fc.constant('dispute_resolved' as const),
    disputeId: fc.constant('dispute-1'),
    decision: fc.constantFrom('resume' as const, 'adjust' as const, 'close' as const),
  }),
  fc.record({
    reason: fc.constant('closed_by_agency' as const),
    closeReason: fc.constantFrom(...AGENCY_CLOSE_REASONS),
    note: fc.constant('Retour au créancier'),
  }),
  fc.record({ reason: fc.constant('reopened' as const), note: fc.constant('Fermé par erreur') }),
  fc.record({ reason: fc.constant('death_reported' as const), estateId: fc.constant('estate-1') }),
  fc.record({
    reason: fc.constant('judicial_escalated' as const),
    reviewId: fc.constant('review-1'),
    route: fc.constantFrom('psrpc', 'injonction_de_payer'),
    fileNotBefore: fc.constantFrom('2026-03-10', '2026-02-01'),
  }),
  fc.record({ reason: fc.constant('judicial_returned' as const), note: fc.constant('Retour à l’amiable') }),
  fc.record({ reason: fc.constant('overindebtedness_entered' as const), procedureId: fc.constant('proc-1') }),
  fc.record({
    reason: fc.constant('overindebtedness_left' as const),
    procedureId: fc.constant('proc-1'),
    outcome: fc.constantFrom('inadmissible' as const, 'ended' as const),
    planLive: fc.boolean(),
  }),
  fc.record({
    reason: fc.constant('overindebtedness_measures_apply' as const),
    procedureId: fc.constant('proc-1'),
    planId: fc.option(fc.constant('plan-1'), { nil: null }),
    followOn: fc.constantFrom('2026-04-01', '2026-03-02', '2026-02-01', 'not a date'),
  }),
  fc.record({ reason: fc.constant('overindebtedness_erased' as const), procedureId: fc.constant('proc-1') }),
  fc.constantFrom<CaseChange>(
    { reason: 'paid_in_full' },
    { reason: 'payment_reversed' },
    { reason: 'recalled' },
    { reason: 'closed_by_creditor' },
  ),
);

/** Facts the database allows: a closed case has the closed stage, a reason and a date, and owes nothing. */
const facts: fc.Arbitrary<CaseFacts> = fc
  .record({
    stage: fc.constantFrom(...CASE_STAGES),
    onHold: fc.boolean(),
    closeReason: fc.constantFrom(...CLOSE_REASONS),
    balanceCents: fc.constantFrom(0, 0, 1, 12_345),
    openClaims: fc.nat({ max: 3 }),
    paidClaims: fc.nat({ max: 3 }),
    stageBeforeClosing: fc.option(fc.constantFrom(...CASE_STAGES), { nil: null }),
    openDisputes: fc.nat({ max: 2 }),
    stageBeforeDispute: fc.option(fc.constantFrom(...CASE_STAGES), { nil: null }),
    stageBeforeOverindebtedness: fc.option(fc.constantFrom(...CASE_STAGES), { nil: null }),
  })
  .map(({ stage, onHold, closeReason, balanceCents, ...rest }) =>
    stage === 'closed'
      ? {
          ...rest,
          stage,
          status: 'closed' as const,
          closeReason,
          closedOn: '2026-01-15',
          balanceCents: rest.openClaims > 0 ? balanceCents : 0,
        }
      : {
          ...rest,
          stage,
          status: onHold ? ('on_hold' as const) : ('open' as const),
          closeReason: null,
          closedOn: null,
          balanceCents,
        },
  );

/** The check constraints of `cases`, which every state a change leads to must meet. */
function expectValidState(state: CaseState) {
  expect(state.status === 'closed').toBe(state.stage === 'closed');
  expect(state.status === 'closed').toBe(state.closedOn !== null);
  expect(state.status === 'closed').toBe(state.closeReason !== null);
  expect(state.balanceCents).toBeGreaterThanOrEqual(0);
}

/** Applies a change and carries the facts forward, as the database would after writing it. */
function step(current: CaseFacts, next: CaseChange): { facts: CaseFacts; transition: CaseTransition } {
  const transition = decideCaseChange(current, next, NOW, TODAY);
  if (transition.outcome !== 'changed') return { facts: current, transition };
  const stageBeforeClosing = transition.to.stage === 'closed' ? current.stage : current.stageBeforeClosing;
  return { facts: { ...current, ...transition.to, stageBeforeClosing }, transition };
}

describe('case lifecycle', () => {
  it('follows a plan: agreed moves an amicable case to plan, broken or cancelled moves it back', () => {
    const open: CaseFacts = {
      stage: 'amicable',
      status: 'open',
      closeReason: null,
      closedOn: null,
      balanceCents: 50_000,
      openClaims: 1,
      paidClaims: 0,
      stageBeforeClosing: null,
    };
    const agreed = decideCaseChange(open, { reason: 'plan_agreed', planId: 'p', planVersion: 2 }, NOW, TODAY);
    expect(agreed).toMatchObject({
      outcome: 'changed',
      to: { stage: 'plan', status: 'open' },
      history: { fromStage: 'amicable', toStage: 'plan', reason: { key: 'plan_agreed', params: { planVersion: 2 } } },
      event: {
        kind: 'stage_change',
        summary: { key: 'plan_agreed', params: { planVersion: 2 } },
        data: { reason: 'plan_agreed', planId: 'p', fromStage: 'amicable', toStage: 'plan' },
      },
    });
    const atPlan = { ...open, stage: 'plan' as const };
    expect(decideCaseChange(atPlan, { reason: 'plan_broken', planId: 'p' }, NOW, TODAY)).toMatchObject({
      outcome: 'changed',
      to: { stage: 'amicable' },
    });
    expect(decideCaseChange(atPlan, { reason: 'plan_cancelled', planId: 'p' }, NOW, TODAY)).toMatchObject({
      outcome: 'changed',
      to: { stage: 'amicable' },
    });
  });

  it('leaves a case in dispute or closed where it is when its plan changes', () => {
    const dispute: CaseFacts = {
      stage: 'dispute',
      status: 'open',
      closeReason: null,
      closedOn: null,
      balanceCents: 100,
      openClaims: 1,
      paidClaims: 0,
      stageBeforeClosing: null,
    };
    expect(decideCaseChange(dispute, { reason: 'plan_agreed', planId: 'p', planVersion: 1 }, NOW, TODAY).outcome).toBe(
      'unchanged',
    );
    // A plan's change gives no agency day: the disputed case stays, with a next step all the same (it threw before).
    expect(decideCaseChange(dispute, { reason: 'plan_agreed', planId: 'p', planVersion: 1 }, NOW, '')).toMatchObject({
      outcome: 'unchanged',
      next: { action: 'await_creditor_evidence' },
    });
    const closed: CaseFacts = {
      ...dispute,
      stage: 'closed',
      status: 'closed',
      closeReason: 'paid',
      closedOn: TODAY,
      balanceCents: 0,
      openClaims: 0,
    };
    expect(decideCaseChange(closed, { reason: 'plan_cancelled', planId: 'p' }, NOW, TODAY).outcome).toBe('unchanged');
  });

  it('closes a case as paid only when nothing is owed, and reopens it (at its former stage) when a reversal makes it owe again', () => {
    const owing: CaseFacts = {
      stage: 'plan',
      status: 'open',
      closeReason: null,
      closedOn: null,
      balanceCents: 10,
      openClaims: 0,
      paidClaims: 1,
      stageBeforeClosing: null,
    };
    expect(decideCaseChange(owing, { reason: 'paid_in_full' }, NOW, TODAY)).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'cases.balance_outstanding' },
    });
    expect(
      decideCaseChange({ ...owing, openClaims: 1, balanceCents: 0 }, { reason: 'paid_in_full' }, NOW, TODAY),
    ).toMatchObject({ outcome: 'refused', refusal: { code: 'cases.claims_open' } });
    const paid = decideCaseChange({ ...owing, balanceCents: 0 }, { reason: 'paid_in_full' }, NOW, TODAY);
    expect(paid).toMatchObject({
      outcome: 'changed',
      to: { stage: 'closed', status: 'closed', closeReason: 'paid', closedOn: TODAY, balanceCents: 0 },
      history: { reason: { key: 'paid_in_full', params: {} } },
    });
    const closed: CaseFacts = {
      stage: 'closed',
      status: 'closed',
      closeReason: 'paid',
      closedOn: TODAY,
      balanceCents: 2_000,
      openClaims: 1,
      paidClaims: 0,
      stageBeforeClosing: 'plan',
    };
    expect(decideCaseChange(closed, { reason: 'payment_reversed' }, NOW, TODAY)).toMatchObject({
      outcome: 'changed',
      to: { stage: 'plan', status: 'open', closeReason: null, closedOn: null, balanceCents: 2_000 },
      history: { fromStage: 'closed', toStage: 'plan', reason: { key: 'payment_reversed_reopened', params: {} } },
    });
    expect(
      decideCaseChange({ ...closed, closeReason: 'recalled' }, { reason: 'payment_reversed' }, NOW, TODAY),
    ).toMatchObject({ outcome: 'refused', refusal: { code: 'cases.not_closed_as_paid' } });
  });

  it('refuses to close a closed case again, and to reopen an open one', () => {
    const closed: CaseFacts = {
      stage: 'closed',
      status: 'closed',
      closeReason: 'recalled',
      closedOn: TODAY,
      balanceCents: 0,
      openClaims: 0,
      paidClaims: 0,
      stageBeforeClosing: 'amicable',
    };
    for (const reason of ['paid_in_full', 'recalled', 'closed_by_creditor'] as const) {
      expect(decideCaseChange(closed, { reason }, NOW, TODAY)).toMatchObject({
        outcome: 'refused',
        refusal: { code: 'cases.closed' },
      });
    }
    const open: CaseFacts = { ...closed, stage: 'amicable', status: 'open', closeReason: null, closedOn: null };
    expect(decideCaseChange(open, { reason: 'payment_reversed' }, NOW, TODAY)).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'cases.not_closed' },
    });
  });

  it('properties: no change leaves a closed case but the reopening ones; every change that moves yields one history line and one timeline event; states stay valid', () => {
    expect(REOPENING_CHANGES).toEqual(['payment_reversed', 'reopened']);
    fc.assert(
      fc.property(facts, change, (before, next) => {
        const transition = decideCaseChange(before, next, NOW, TODAY);
        if (transition.outcome === 'refused') {
          expect(CASE_REFUSAL_CODES).toContain(transition.refusal.code);
          expect(transition.refusal.message.length).toBeGreaterThan(10);
          return;
        }
        if (transition.outcome === 'unchanged') {
          expect(transition.state).toEqual({
            stage: before.stage,
            status: before.status,
            closeReason: before.closeReason,
            closedOn: before.closedOn,
            balanceCents: before.balanceCents,
          });
          return;
        }
        expectValidState(transition.to);
        if (before.status === 'closed' && transition.to.status !== 'closed')
          expect(REOPENING_CHANGES).toContain(next.reason);
        // Exactly one line of each, and they tell the same change.
        expect(transition.history).toEqual({
          fromStage: before.stage,
          toStage: transition.to.stage,
          reason: transition.event.summary,
        });
        expect(transition.event.kind).toBe('stage_change');
        expect(transition.event.summary).toEqual(CASE_CHANGES[next.reason].summary(next as never));
        expect(transition.event.data).toMatchObject({
          reason: next.reason,
          fromStage: before.stage,
          toStage: transition.to.stage,
        });
        expect(transition.at).toBe(NOW);
        // A case closes only when no claim is open, and never owing anything.
        if (transition.to.status === 'closed') {
          expect(before.openClaims).toBe(0);
          expect(transition.to.balanceCents).toBe(0);
        }
      }),
    );
  });

  it('properties: replaying the same changes from the same facts gives the same states and events', () => {
    fc.assert(
      fc.property(facts, fc.array(change, { maxLength: 20 }), (start, changes) => {
        const run = () => {
          let current = start;
          const out: CaseTransition[] = [];
          for (const next of changes) {
            const result = step(current, next);
            current = result.facts;
            out.push(result.transition);
          }
          return { final: current, out };
        };
        expect(run()).toEqual(run());
      }),
    );
  });
});

describe('over-indebtedness', () => {
  const base: CaseFacts = {
    stage: 'plan',
    status: 'open',
    closeReason: null,
    closedOn: null,
    balanceCents: 40_000,
    openClaims: 1,
    paidClaims: 0,
    stageBeforeClosing: null,
  };
  const procedureId = 'proc-1';

  it('takes every open stage but deceased into the procedure, and back to the stage it had when the file is inadmissible or ends', () => {
    for (const stage of ['amicable', 'plan', 'dispute', 'judicial'] as const) {
      expect(
        decideCaseChange({ ...base, stage }, { reason: 'overindebtedness_entered', procedureId }, NOW, TODAY),
      ).toMatchObject({
        outcome: 'changed',
        to: { stage: 'overindebtedness' },
        next: { action: 'follow_commission', dueOn: TODAY },
        event: { summary: { key: 'overindebtedness_entered' }, data: { procedureId } },
      });
    }
    const entered: CaseChange = { reason: 'overindebtedness_entered', procedureId };
    expect(decideCaseChange({ ...base, stage: 'overindebtedness' }, entered, NOW, TODAY).outcome).toBe('unchanged');
    expect(decideCaseChange({ ...base, stage: 'deceased' }, entered, NOW, TODAY).outcome).toBe('refused');
    const inProcedure: CaseFacts = { ...base, stage: 'overindebtedness', stageBeforeOverindebtedness: 'plan' };
    const left = decideCaseChange(
      inProcedure,
      { reason: 'overindebtedness_left', procedureId, outcome: 'inadmissible', planLive: true },
      NOW,
      TODAY,
    );
    expect(left).toMatchObject({
      outcome: 'changed',
      to: { stage: 'plan' },
      event: { summary: { key: 'overindebtedness_inadmissible' } },
    });
    expect(
      decideCaseChange(
        { ...inProcedure, stageBeforeOverindebtedness: null },
        { reason: 'overindebtedness_left', procedureId, outcome: 'ended', planLive: false },
        NOW,
        TODAY,
      ),
    ).toMatchObject({ outcome: 'changed', to: { stage: 'amicable' } });
    // A dispute opened during the procedure and still open keeps the case in dispute when it ends; one decided
    // meanwhile does not bring the case back to the dispute stage it had before the filing.
    const leaving: CaseChange = { reason: 'overindebtedness_left', procedureId, outcome: 'ended', planLive: false };
    expect(decideCaseChange({ ...inProcedure, openDisputes: 1 }, leaving, NOW, TODAY)).toMatchObject({
      outcome: 'changed',
      to: { stage: 'dispute' },
    });
    expect(
      decideCaseChange(
        { ...inProcedure, stageBeforeOverindebtedness: 'dispute', openDisputes: 0 },
        leaving,
        NOW,
        TODAY,
      ),
    ).toMatchObject({ outcome: 'changed', to: { stage: 'amicable' } });
    // That dispute decided later returns the case to the amicable stage, not to the procedure that ended.
    expect(
      decideCaseChange(
        { ...base, stage: 'dispute', stageBeforeDispute: 'overindebtedness', openDisputes: 0 },
        { reason: 'dispute_resolved', disputeId: 'd', decision: 'resume' },
        NOW,
        TODAY,
      ),
    ).toMatchObject({ outcome: 'changed', to: { stage: 'amicable' } });
    // A case that left the procedure some other way is left where it is.
    expect(
      decideCaseChange(
        base,
        { reason: 'overindebtedness_left', procedureId, outcome: 'ended', planLive: false },
        NOW,
        TODAY,
      ).outcome,
    ).toBe('unchanged');
  });

  it('keeps a case in the procedure while the commission’s plan applies, and closes it on erasure once no claim is open', () => {
    const inProcedure: CaseFacts = { ...base, stage: 'overindebtedness', stageBeforeOverindebtedness: 'amicable' };
    expect(
      decideCaseChange(
        inProcedure,
        { reason: 'overindebtedness_measures_apply', procedureId, planId: 'p', followOn: '2026-04-05' },
        NOW,
        TODAY,
      ),
    ).toMatchObject({
      outcome: 'changed',
      to: { stage: 'overindebtedness' },
      next: { action: 'follow_commission', dueOn: '2026-04-05' },
    });
    const erased: CaseChange = { reason: 'overindebtedness_erased', procedureId };
    expect(decideCaseChange(inProcedure, erased, NOW, TODAY)).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'cases.claims_open' },
    });
    expect(decideCaseChange({ ...inProcedure, openClaims: 0, balanceCents: 0 }, erased, NOW, TODAY)).toMatchObject({
      outcome: 'changed',
      to: { stage: 'closed', status: 'closed', closeReason: 'overindebtedness_erasure', closedOn: TODAY },
    });
    expect(decideCaseChange(base, erased, NOW, TODAY).outcome).toBe('refused');
  });
});

describe('disputes, closures and reopenings', () => {
  const open: CaseFacts = {
    stage: 'plan',
    status: 'on_hold',
    closeReason: null,
    closedOn: null,
    balanceCents: 40_000,
    openClaims: 2,
    paidClaims: 0,
    stageBeforeClosing: null,
    openDisputes: 0,
    stageBeforeDispute: null,
  };

  it('moves a case into the dispute stage with the creditor’s deadline as its next date, and back to where it was once every dispute is decided', () => {
    const opened = decideCaseChange(
      open,
      { reason: 'dispute_opened', disputeId: 'd', evidenceDueOn: '2026-04-01' },
      NOW,
      TODAY,
    );
    expect(opened).toMatchObject({
      outcome: 'changed',
      to: { stage: 'dispute', status: 'on_hold' },
      next: { action: 'await_creditor_evidence', dueOn: '2026-04-01' },
      event: { summary: { key: 'dispute_stage_opened' }, data: { disputeId: 'd', evidenceDueOn: '2026-04-01' } },
    });
    const inDispute: CaseFacts = { ...open, stage: 'dispute', stageBeforeDispute: 'plan', openDisputes: 1 };
    // A second dispute leaves the stage where it is.
    expect(
      decideCaseChange(inDispute, { reason: 'dispute_opened', disputeId: 'e', evidenceDueOn: '2026-04-01' }, NOW, TODAY)
        .outcome,
    ).toBe('unchanged');
    const resolve: CaseChange = { reason: 'dispute_resolved', disputeId: 'd', decision: 'resume' };
    expect(decideCaseChange(inDispute, resolve, NOW, TODAY)).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'cases.disputes_open' },
    });
    expect(decideCaseChange({ ...inDispute, openDisputes: 0 }, resolve, NOW, TODAY)).toMatchObject({
      outcome: 'changed',
      to: { stage: 'plan' },
      next: { action: 'follow_plan', dueOn: TODAY },
    });
  });

  it('closes a case for a person’s reason once no claim is open, and reopens it at the amicable stage unless it was merged', () => {
    const close: CaseChange = { reason: 'closed_by_agency', closeReason: 'returned_unpaid', note: 'Rendu' };
    expect(decideCaseChange(open, close, NOW, TODAY)).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'cases.claims_open' },
    });
    const closed = decideCaseChange({ ...open, openClaims: 0 }, close, NOW, TODAY);
    expect(closed).toMatchObject({
      outcome: 'changed',
      to: { stage: 'closed', status: 'closed', closeReason: 'returned_unpaid', closedOn: TODAY, balanceCents: 0 },
      next: { action: 'retention_review', dueOn: '2031-03-02' },
      event: { summary: { key: 'case_closed', params: { closeReason: 'returned_unpaid', note: 'Rendu' } } },
    });
    const wasClosed: CaseFacts = {
      ...open,
      stage: 'closed',
      status: 'closed',
      closeReason: 'returned_unpaid',
      closedOn: TODAY,
      balanceCents: 12_000,
      openClaims: 1,
    };
    expect(decideCaseChange(wasClosed, { reason: 'reopened', note: 'Erreur' }, NOW, TODAY)).toMatchObject({
      outcome: 'changed',
      to: { stage: 'amicable', status: 'open', closeReason: null, closedOn: null, balanceCents: 12_000 },
    });
    expect(
      decideCaseChange({ ...wasClosed, closeReason: 'merged' }, { reason: 'reopened', note: 'x' }, NOW, TODAY),
    ).toMatchObject({ outcome: 'refused', refusal: { code: 'cases.merged_not_reopened' } });
    expect(
      decideCaseChange({ ...wasClosed, openClaims: 0 }, { reason: 'reopened', note: 'x' }, NOW, TODAY),
    ).toMatchObject({ outcome: 'refused', refusal: { code: 'cases.nothing_owed' } });
  });

  it('moves an open case to the deceased stage when a death is reported, leaves it there, and closes it as deceased', () => {
    const open: CaseFacts = {
      stage: 'plan',
      status: 'open',
      closeReason: null,
      closedOn: null,
      balanceCents: 50_000,
      openClaims: 1,
      paidClaims: 0,
      stageBeforeClosing: null,
    };
    const reported = decideCaseChange(open, { reason: 'death_reported', estateId: 'e' }, NOW, TODAY);
    expect(reported).toMatchObject({
      outcome: 'changed',
      to: { stage: 'deceased', status: 'open' },
      history: { fromStage: 'plan', toStage: 'deceased', reason: { key: 'death_reported_stage' } },
      next: { action: 'follow_estate', dueOn: TODAY },
    });
    const deceased = { ...open, stage: 'deceased' as const };
    expect(decideCaseChange(deceased, { reason: 'death_reported', estateId: 'e' }, NOW, TODAY).outcome).toBe(
      'unchanged',
    );
    expect(decideCaseChange(deceased, { reason: 'plan_agreed', planId: 'p', planVersion: 1 }, NOW, TODAY).outcome).toBe(
      'unchanged',
    );
    expect(
      decideCaseChange(
        { ...deceased, openClaims: 0, balanceCents: 0 },
        { reason: 'closed_by_agency', closeReason: 'deceased', note: 'Succession vacante' },
        NOW,
        TODAY,
      ),
    ).toMatchObject({ outcome: 'changed', to: { stage: 'closed', closeReason: 'deceased' } });
    expect(
      decideCaseChange(
        { ...deceased, stage: 'closed', status: 'closed', closeReason: 'deceased', closedOn: TODAY, balanceCents: 0 },
        { reason: 'death_reported', estateId: 'e' },
        NOW,
        TODAY,
      ),
    ).toMatchObject({ outcome: 'refused', refusal: { code: 'cases.closed' } });
  });

  it('properties: no change leaves a case without a next action and a date, never before the day of the change', () => {
    fc.assert(
      fc.property(facts, fc.array(change, { minLength: 1, maxLength: 12 }), (start, changes) => {
        let current = start;
        for (const next of changes) {
          const { facts: after, transition } = step(current, next);
          current = after;
          if (transition.outcome === 'refused') continue;
          expect(NEXT_ACTIONS).toContain(transition.next.action);
          expect(isIsoDate(transition.next.dueOn)).toBe(true);
          expect(transition.next.dueOn >= TODAY).toBe(true);
          const state = transition.outcome === 'changed' ? transition.to : transition.state;
          expect(transition.next.action === 'retention_review').toBe(state.status === 'closed');
          if (transition.outcome === 'changed') {
            if (state.stage === 'dispute')
              expect(
                transition.next.dueOn <= addDays(TODAY, DEFAULT_EVIDENCE_DAYS) || next.reason === 'dispute_opened',
              ).toBe(true);
          }
        }
      }),
    );
  });
});

describe('the judicial stage', () => {
  const open: CaseFacts = {
    stage: 'amicable',
    status: 'open',
    closeReason: null,
    closedOn: null,
    balanceCents: 80_000,
    openClaims: 1,
    paidClaims: 0,
    stageBeforeClosing: null,
    openDisputes: 0,
  };
  const escalate: CaseChange = {
    reason: 'judicial_escalated',
    reviewId: 'r',
    route: 'psrpc',
    fileNotBefore: '2026-03-10',
  };

  it('moves an amicable or plan case to the judicial stage after a review, next step at the end of the notice', () => {
    for (const stage of ['amicable', 'plan'] as const) {
      expect(decideCaseChange({ ...open, stage }, escalate, NOW, TODAY)).toMatchObject({
        outcome: 'changed',
        to: { stage: 'judicial', status: 'open' },
        next: { action: 'judicial_review', dueOn: '2026-03-10' },
        history: { fromStage: stage, toStage: 'judicial', reason: { key: 'judicial_escalated' } },
        event: { data: { reviewId: 'r', route: 'psrpc', fileNotBefore: '2026-03-10' } },
      });
    }
    expect(decideCaseChange({ ...open, stage: 'judicial' }, escalate, NOW, TODAY).outcome).toBe('unchanged');
  });

  it('refuses with a stable code what the lifecycle knows stops a court action', () => {
    const refused = (facts: CaseFacts) => decideCaseChange(facts, escalate, NOW, TODAY);
    expect(refused({ ...open, openDisputes: 1 })).toMatchObject({ refusal: { code: 'cases.disputes_open' } });
    expect(refused({ ...open, stage: 'dispute' })).toMatchObject({ refusal: { code: 'cases.disputes_open' } });
    expect(refused({ ...open, stage: 'overindebtedness' })).toMatchObject({
      refusal: { code: 'cases.overindebtedness_procedure' },
    });
    expect(refused({ ...open, stage: 'deceased' })).toMatchObject({ refusal: { code: 'cases.debtor_deceased' } });
    expect(refused({ ...open, openClaims: 0 })).toMatchObject({ refusal: { code: 'cases.nothing_owed' } });
    expect(
      refused({ ...open, stage: 'closed', status: 'closed', closeReason: 'paid', closedOn: TODAY, balanceCents: 0 }),
    ).toMatchObject({ refusal: { code: 'cases.closed' } });
  });

  it('returns a judicial case to the amicable stage and leaves any other stage where it is', () => {
    const back: CaseChange = { reason: 'judicial_returned', note: 'Accord trouvé' };
    expect(decideCaseChange({ ...open, stage: 'judicial' }, back, NOW, TODAY)).toMatchObject({
      outcome: 'changed',
      to: { stage: 'amicable' },
      next: { action: 'contact_debtor', dueOn: TODAY },
      event: { summary: { key: 'judicial_returned', params: { note: 'Accord trouvé' } } },
    });
    expect(decideCaseChange(open, back, NOW, TODAY).outcome).toBe('unchanged');
  });

  it('properties: a case reaches the judicial stage only through an escalation, never with a dispute open', () => {
    fc.assert(
      fc.property(facts, change, (before, next) => {
        const transition = decideCaseChange(before, next, NOW, TODAY);
        if (transition.outcome !== 'changed' || transition.to.stage !== 'judicial' || before.stage === 'judicial')
          return;
        // A return to the stage the case had (after a dispute, a reversed payment, an over-indebtedness filing that
        // was inadmissible or ended without measures) goes back to an escalation already reviewed.
        if (['dispute_resolved', 'payment_reversed', 'overindebtedness_left'].includes(next.reason)) return;
        expect(next.reason).toBe('judicial_escalated');
        expect(before.openDisputes ?? 0).toBe(0);
        expect(['amicable', 'plan']).toContain(before.stage);
      }),
    );
  });
});
