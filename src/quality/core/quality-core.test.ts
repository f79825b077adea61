import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpProblem } from './coaching.js';
import { gridInForce, newGridProblems, type GridCriterion } from './grid.js';
import { sampleCalls, type CallFact } from './sample.js';
import { FULL_BP, meanBp, scoreReview } from './score.js';

const FR = { country: 'FR', region: null };

const criterion = (id: string, scaleMax = 3, allowNotApplicable = false): GridCriterion => ({
  id,
  scaleMax,
  allowNotApplicable,
  texts: {
    fr: { label: `fr ${id}`, guidance: 'g' },
    en: { label: `en ${id}`, guidance: 'g' },
    it: { label: `it ${id}`, guidance: 'g' },
  },
});

const months = ['2026-09', '2026-10', '2026-11'];
const calls = fc.array(
  fc
    .record({
      id: fc.uuid(),
      month: fc.constantFrom(...months),
      day: fc.integer({ min: 1, max: 28 }),
      complaint: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      lowCsat: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    })
    .map(({ id, month, day, complaint, lowCsat }): CallFact => ({
      id,
      on: `${month}-${String(day).padStart(2, '0')}`,
      complaint,
      lowCsat,
    })),
  { maxLength: 60 },
);

describe('the month’s sample of calls', () => {
  it('is within the month’s calls, without duplicates, with every flagged call and at most the random count besides', () => {
    fc.assert(
      fc.property(
        calls,
        fc.uuid(),
        fc.constantFrom(...months),
        fc.integer({ min: 0, max: 8 }),
        (facts, agent, month, count) => {
          const sample = sampleCalls(agent, month, facts, count);
          const ofMonth = facts.filter((call) => call.on.startsWith(month));
          const ids = sample.map((entry) => entry.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(ofMonth.some((call) => call.id === id)).toBe(true);
          for (const call of ofMonth.filter((c) => c.complaint || c.lowCsat)) expect(ids).toContain(call.id);
          const flagged = new Set(ofMonth.filter((c) => c.complaint || c.lowCsat).map((c) => c.id));
          const random = sample.filter((entry) => entry.reason === 'random');
          expect(random.length).toBe(Math.min(count, new Set(ofMonth.map((c) => c.id)).size - flagged.size));
          for (const entry of sample) {
            const call = ofMonth.find((c) => c.id === entry.id)!;
            expect(entry.reason).toBe(call.complaint ? 'complaint' : call.lowCsat ? 'low_csat' : 'random');
          }
        },
      ),
    );
  });

  it('is the same for the same agent, month and calls, whatever order the calls come in', () => {
    fc.assert(
      fc.property(
        calls,
        fc.uuid(),
        fc.constantFrom(...months),
        fc.integer({ min: 0, max: 5 }),
        (facts, agent, month, count) => {
          const once = sampleCalls(agent, month, facts, count);
          expect(sampleCalls(agent, month, [...facts].reverse(), count)).toEqual(once);
          expect(sampleCalls(agent, month, facts, count)).toEqual(once);
        },
      ),
    );
  });

  it('draws differently for another agent or another month of the same calls', () => {
    const facts: CallFact[] = Array.from({ length: 40 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      on: '2026-10-15',
      complaint: false,
      lowCsat: false,
    }));
    const a = sampleCalls('agent-a', '2026-10', facts, 4).map((s) => s.id);
    const b = sampleCalls('agent-b', '2026-10', facts, 4).map((s) => s.id);
    expect(a).toHaveLength(4);
    expect(a).not.toEqual(b);
  });
});

describe('a review’s overall score', () => {
  const grid = [
    criterion('identity_checked', 2),
    criterion('reformulated', 3),
    criterion('proposed_within_capacity', 3, true),
  ];

  it('is an integer of basis points between 0 and 10,000, full marks 10,000, nothing 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.integer({ min: 0, max: 3 })),
        (a, b, c) => {
          const outcome = scoreReview(grid, [
            { criterion: 'identity_checked', score: a },
            { criterion: 'reformulated', score: b },
            { criterion: 'proposed_within_capacity', score: c },
          ]);
          if (!outcome.ok) throw new Error('a score was expected');
          expect(Number.isInteger(outcome.scoreBp)).toBe(true);
          expect(outcome.scoreBp).toBeGreaterThanOrEqual(0);
          expect(outcome.scoreBp).toBeLessThanOrEqual(FULL_BP);
          const possible = 5 + (c === null ? 0 : 3);
          const exact = ((a + b + (c ?? 0)) * FULL_BP) / possible;
          expect(Math.abs(outcome.scoreBp - exact)).toBeLessThanOrEqual(0.5);
        },
      ),
    );
    const full = scoreReview(
      grid,
      grid.map((c) => ({ criterion: c.id, score: c.scaleMax })),
    );
    expect(full).toEqual({ ok: true, scoreBp: FULL_BP });
    expect(
      scoreReview(
        grid,
        grid.map((c) => ({ criterion: c.id, score: 0 })),
      ),
    ).toEqual({ ok: true, scoreBp: 0 });
  });

  it('refuses a missing, unknown, repeated or out-of-scale criterion, and "not applicable" where the grid refuses it', () => {
    const outcome = scoreReview(grid, [
      { criterion: 'identity_checked', score: 3 },
      { criterion: 'reformulated', score: null },
      { criterion: 'reformulated', score: 1 },
      { criterion: 'invented', score: 1 },
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const codes = outcome.problems.map((p) => `${p.code}:${'criterion' in p ? p.criterion : ''}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'repeated:reformulated',
        'unknown:invented',
        'missing:proposed_within_capacity',
        'out_of_scale:identity_checked',
      ]),
    );
    const refused = scoreReview(grid, [
      { criterion: 'identity_checked', score: null },
      { criterion: 'reformulated', score: 1 },
      { criterion: 'proposed_within_capacity', score: 1 },
    ]);
    expect(refused).toEqual({
      ok: false,
      problems: [{ code: 'not_applicable_refused', criterion: 'identity_checked' }],
    });
  });

  it('averages reviews half up, none giving no figure', () => {
    expect(meanBp([])).toBeNull();
    expect(meanBp([5000, 5001])).toBe(5001);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: FULL_BP }), { minLength: 1, maxLength: 30 }), (scores) => {
        const mean = meanBp(scores)!;
        expect(mean).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(mean).toBeLessThanOrEqual(Math.max(...scores));
      }),
    );
  });
});

describe('the grid’s versions', () => {
  it('applies the latest version whose date has come, none before the first', () => {
    const versions = [
      { version: 1, validFrom: '2026-01-01' },
      { version: 2, validFrom: '2026-11-01' },
    ];
    expect(gridInForce(versions, '2025-12-31')).toBeNull();
    expect(gridInForce(versions, '2026-10-31')?.version).toBe(1);
    expect(gridInForce(versions, '2026-11-01')?.version).toBe(2);
    expect(gridInForce([...versions].reverse(), '2027-03-01')?.version).toBe(2);
  });

  it('takes a new version from today on, after the latest, with criteria named once and texts in three languages', () => {
    const ok = [criterion('identity_checked'), criterion('closed_with_summary', 2, true)];
    expect(newGridProblems(ok, '2026-12-05', '2026-12-05', '2026-01-01')).toEqual([]);
    expect(newGridProblems(ok, '2026-12-04', '2026-12-05', '2026-01-01')).toEqual([
      { code: 'date_past', today: '2026-12-05' },
    ]);
    expect(newGridProblems(ok, '2027-01-01', '2026-12-05', '2027-01-01')).toEqual([
      { code: 'date_not_after_latest', latest: '2027-01-01' },
    ]);
    const bad = { ...criterion('Bad Id', 0), texts: { ...criterion('x').texts, it: { label: '', guidance: 'g' } } };
    expect(newGridProblems([bad, bad], '2026-12-06', '2026-12-05', null).map((p) => p.code)).toEqual([
      'bad_criterion_id',
      'bad_scale',
      'missing_text',
      'duplicate_criterion',
      'bad_criterion_id',
      'bad_scale',
      'missing_text',
    ]);
    expect(newGridProblems([], '2026-12-06', '2026-12-05', null)).toEqual([{ code: 'no_criteria' }]);
  });
});

describe('a coaching note’s follow-up date', () => {
  it('is a working day after today, within the horizon', () => {
    expect(followUpProblem('2026-12-14', '2026-12-05', 90, FR)).toBeNull();
    expect(followUpProblem('2026-12-05', '2026-12-05', 90, FR)).toEqual({
      code: 'not_after_today',
      today: '2026-12-05',
    });
    expect(followUpProblem('2026-12-12', '2026-12-05', 90, FR)?.code).toBe('not_a_working_day');
    expect(followUpProblem('2026-12-25', '2026-12-05', 90, FR)?.code).toBe('not_a_working_day');
    expect(followUpProblem('2027-06-01', '2026-12-05', 90, FR)?.code).toBe('too_far');
    expect(followUpProblem('2026-13-01', '2026-12-05', 90, FR)).toEqual({ code: 'not_a_date' });
  });

  it('never accepts a weekend day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 }), (ahead) => {
        const day = new Date(Date.UTC(2026, 11, 5 + ahead)).toISOString().slice(0, 10);
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        if (weekday === 0 || weekday === 6)
          expect(followUpProblem(day, '2026-12-05', 90, FR)?.code).toBe('not_a_working_day');
      }),
    );
  });
});
