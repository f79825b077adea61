import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween, compareDates, isBusinessDay, isoDateOf } from '../../platform/calendar/index.js';
import {
  complaintDeadlines,
  deadlineStatus,
  decideComplaintAct,
  type ComplaintAct,
  type ComplaintDeadlineRule,
  type ComplaintState,
} from './complaint.js';
import { COMPLAINT_OUTCOMES } from './lists.js';

/** The shipped rows of migration 0034. */
const RULES: ComplaintDeadlineRule[] = [
  {
    country: 'FR',
    acknowledgeBusinessDays: 10,
    answerMonths: 2,
    answerDays: 0,
    source: 'ACPR 2022-R-01',
    validFrom: '2022-12-31',
  },
  {
    country: 'IT',
    acknowledgeBusinessDays: 10,
    answerMonths: 0,
    answerDays: 60,
    source: 'BdI',
    validFrom: '2022-12-31',
  },
];
const FR = { country: 'FR' as const };
const IT = { country: 'IT' as const };

describe('complaintDeadlines', () => {
  it('France: ten business days skip 8 May and Ascension; two months end on a business day', () => {
    expect(complaintDeadlines('2026-05-06', FR, RULES)).toMatchObject({
      acknowledgeBy: '2026-05-22',
      answerBy: '2026-07-06',
    });
  });

  it('France: an answer due on 14 July moves to the 15th; Whit Monday is skipped', () => {
    expect(complaintDeadlines('2026-05-14', FR, RULES)).toMatchObject({
      acknowledgeBy: '2026-05-29',
      answerBy: '2026-07-15',
    });
  });

  it('Italy: its own calendar and sixty days', () => {
    expect(complaintDeadlines('2026-05-06', IT, RULES)).toMatchObject({
      acknowledgeBy: '2026-05-20',
      answerBy: '2026-07-06',
    });
  });

  it('property: both deadlines fall on business days, after the receipt, with exactly N business days to acknowledge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 19_400, max: 22_000 }).map((n) => isoDateOf(n)),
        fc.constantFrom(FR, IT, { country: 'FR' as const, region: '57' }),
        (receivedOn, place) => {
          const deadlines = complaintDeadlines(receivedOn, place, RULES);
          expect(isBusinessDay(deadlines.acknowledgeBy, place)).toBe(true);
          expect(isBusinessDay(deadlines.answerBy, place)).toBe(true);
          expect(businessDaysBetween(receivedOn, deadlines.acknowledgeBy, place)).toBe(10);
          expect(compareDates(deadlines.answerBy, deadlines.acknowledgeBy)).toBe(1);
        },
      ),
    );
  });
});

const received: ComplaintState & { receivedOn: string } = {
  status: 'received',
  receivedOn: '2026-05-06',
  acknowledgeBy: '2026-05-22',
  answerBy: '2026-07-06',
  acknowledgedOn: null,
  answeredOn: null,
  outcome: null,
};

describe('deadlineStatus', () => {
  it('follows the acknowledgement, then the answer', () => {
    expect(deadlineStatus(received, '2026-05-10').current).toBe('on_time');
    expect(deadlineStatus(received, '2026-05-20').current).toBe('due_soon');
    expect(deadlineStatus(received, '2026-05-23').current).toBe('overdue');
    const acknowledged = { ...received, status: 'acknowledged' as const, acknowledgedOn: '2026-05-12' };
    expect(deadlineStatus(acknowledged, '2026-05-23')).toMatchObject({ acknowledgement: 'met', current: 'on_time' });
    expect(deadlineStatus(acknowledged, '2026-07-07').current).toBe('overdue');
    const late = { ...acknowledged, status: 'answered' as const, answeredOn: '2026-07-08', outcome: 'upheld' as const };
    expect(deadlineStatus(late, '2026-08-01')).toMatchObject({ answer: 'missed', current: 'missed' });
  });
});

describe('decideComplaintAct', () => {
  it('a refusal without the mediator is refused', () => {
    const decision = decideComplaintAct(received, {
      act: 'answer',
      on: '2026-05-12',
      outcome: 'refused',
      hasMediator: false,
    });
    expect(decision).toMatchObject({ outcome: 'refused', code: 'complaints.mediator_missing' });
  });

  it('an answer within the time acknowledges; an upheld complaint does not go to the mediator', () => {
    const answered = decideComplaintAct(received, {
      act: 'answer',
      on: '2026-05-12',
      outcome: 'upheld',
      hasMediator: false,
    });
    expect(answered).toMatchObject({ outcome: 'changed', state: { status: 'answered', acknowledgedOn: '2026-05-12' } });
    if (answered.outcome !== 'changed') return;
    const referred = decideComplaintAct(
      { ...answered.state, receivedOn: '2026-05-06' },
      {
        act: 'refer_to_mediator',
        on: '2026-06-01',
      },
    );
    expect(referred).toMatchObject({ outcome: 'refused', code: 'complaints.not_refused' });
  });

  const act: fc.Arbitrary<ComplaintAct> = fc.oneof(
    fc.record({ act: fc.constant('acknowledge' as const), on: fc.constant('2026-05-10') }),
    fc.record({
      act: fc.constant('answer' as const),
      on: fc.constant('2026-05-20'),
      outcome: fc.constantFrom(...COMPLAINT_OUTCOMES),
      hasMediator: fc.boolean(),
    }),
    fc.record({ act: fc.constant('close' as const), on: fc.constant('2026-06-01') }),
    fc.record({ act: fc.constant('refer_to_mediator' as const), on: fc.constant('2026-06-01') }),
  );

  it('property: any sequence of acts keeps the register consistent', () => {
    fc.assert(
      fc.property(fc.array(act, { maxLength: 8 }), (acts) => {
        let state = received;
        for (const next of acts) {
          const decision = decideComplaintAct(state, next);
          if (decision.outcome === 'changed') state = { ...decision.state, receivedOn: state.receivedOn };
        }
        // Answered means acknowledged; a refusal only with a mediator; the mediator only after a refusal.
        expect(state.answeredOn === null).toBe(state.outcome === null);
        if (state.status !== 'received') expect(state.acknowledgedOn).not.toBeNull();
        if (state.status === 'mediator') expect(state.outcome).not.toBe('upheld');
        if (['answered', 'closed', 'mediator'].includes(state.status)) expect(state.answeredOn).not.toBeNull();
      }),
    );
  });
});
