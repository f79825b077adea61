import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../contact-policy/core/default-policy.js';
import { conductByTeam, conductFigures, type ConductFact } from './conduct-figures.js';

const fact = (month: string, figure: string, dimension: string, bucket: string, count: number): ConductFact => ({
  month,
  figure,
  dimension,
  bucket,
  count,
});

const base = {
  months: ['2026-01', '2026-02'],
  collected: new Map([['2026-01', 12_345]]),
  caps: DEFAULT_POLICY.caps,
  minimumAnswers: 5,
};

describe('conduct figures', () => {
  it('adds a small portfolio up by hand', () => {
    const figures = conductFigures({
      ...base,
      facts: [
        fact('2026-01', 'case_weeks', '', '', 8),
        fact('2026-02', 'case_weeks', '', '', 4),
        fact('2026-01', 'contact_weeks', 'phone', '2', 3),
        fact('2026-01', 'contact_weeks', 'all', '2', 3),
        fact('2026-02', 'contact_weeks', 'sms', '3', 1), // above the 2 messages a week
        fact('2026-02', 'contact_weeks', 'all', '3', 1),
        fact('2026-01', 'refused_attempts', '', 'phone', 2),
        fact('2026-01', 'refusals', 'window.hours', 'phone', 2),
        fact('2026-02', 'refusals', 'hold.vulnerability', 'sms', 1),
        fact('2026-02', 'refusals', 'care.written_only', 'sms', 1),
        fact('2026-01', 'complaints', 'amount', 'answered_in_time', 2),
        fact('2026-02', 'complaints', 'amount', 'open_overdue', 1),
        fact('2026-01', 'disputes', 'adjust', '', 1),
        fact('2026-01', 'dispute_answers', '', '4', 1),
        fact('2026-01', 'satisfaction', '', '5', 4),
        fact('2026-01', 'satisfaction', '', '2', 1),
        fact('2026-02', 'referrals', 'proposed', '', 1),
      ],
      today: [fact('2026-02', 'fragile', 'debtors', '', 10), fact('2026-02', 'fragile', 'fragile', '', 3)],
    });
    const [january, february] = figures.months;
    expect(january).toEqual({
      month: '2026-01',
      collectedCents: 12_345,
      caseWeeks: 8,
      attempts: 6,
      overCapCaseWeeks: 0,
      refused: 2,
      complaints: 2,
      disputes: 1,
      answers: 5,
      csatBasisPoints: 8000,
    });
    expect(february).toMatchObject({ attempts: 3, overCapCaseWeeks: 1, answers: 0, csatBasisPoints: null });
    const phone = figures.contacts.find((c) => c.channel === 'phone')!;
    expect(phone.buckets.map((b) => b.caseWeeks)).toEqual([9, 0, 3, 0, 0, 0, 0, 0]);
    expect(phone.perCaseWeekHundredths).toBe(50);
    expect(figures.contacts.find((c) => c.channel === 'sms')!.overCap).toEqual([{ contacts: 3, caseWeeks: 1 }]);
    // Care rules are named neutrally, and withheld together below the smallest cell.
    expect(figures.refusals.byRule).toEqual([
      { rule: 'hold.care_rule', refusals: null },
      { rule: 'window.hours', refusals: 2 },
    ]);
    expect(figures.complaints.byStatus).toEqual({
      answered_in_time: 2,
      answered_late: 0,
      open_in_time: 0,
      open_overdue: 1,
    });
    expect(figures.disputes).toMatchObject({ opened: 1, answered: 1, medianDaysToAnswer: 4 });
    expect(figures.care).toMatchObject({ debtors: 10, fragile: 3, shareBasisPoints: 3000 });
    expect(figures.care.referrals.find((r) => r.step === 'proposed')!.referrals).toBeNull();
    expect(figures.satisfaction).toEqual({ answers: 5, satisfied: 4, csatBasisPoints: 8000 });
  });

  it("adds up: the months' columns are the sections' totals, and every rate stays within 0-100 %", () => {
    const month = fc.constantFrom('2026-01', '2026-02');
    const arbitraryFact = fc.oneof(
      fc.tuple(month, fc.nat(40)).map(([m, n]) => fact(m, 'case_weeks', '', '', n)),
      fc
        .tuple(
          month,
          fc.constantFrom('all', 'phone', 'sms', 'email', 'letter'),
          fc.integer({ min: 1, max: 12 }),
          fc.nat(9),
        )
        .map(([m, channel, contacts, n]) => fact(m, 'contact_weeks', channel, String(contacts), n)),
      fc.tuple(month, fc.nat(9)).map(([m, n]) => fact(m, 'refused_attempts', '', 'phone', n)),
      fc
        .tuple(month, fc.constantFrom('amount', 'data'), fc.constantFrom('answered_late', 'open_in_time'), fc.nat(9))
        .map(([m, subject, status, n]) => fact(m, 'complaints', subject, status, n)),
      fc
        .tuple(month, fc.constantFrom('resume', 'close', 'answered'), fc.nat(9))
        .map(([m, outcome, n]) => fact(m, 'disputes', outcome, '', n)),
      fc
        .tuple(month, fc.integer({ min: 1, max: 5 }), fc.nat(9))
        .map(([m, score, n]) => fact(m, 'satisfaction', '', String(score), n)),
    );
    fc.assert(
      fc.property(fc.array(arbitraryFact, { maxLength: 30 }), fc.nat(50), fc.nat(50), (facts, debtors, extra) => {
        const fragile = Math.min(debtors, extra);
        const figures = conductFigures({
          ...base,
          facts,
          today: [
            fact('2026-02', 'fragile', 'debtors', '', debtors),
            fact('2026-02', 'fragile', 'fragile', '', fragile),
          ],
        });
        const monthly = (key: 'attempts' | 'refused' | 'complaints' | 'disputes' | 'answers') =>
          figures.months.reduce((sum, line) => sum + line[key], 0);
        expect(monthly('attempts')).toBe(figures.contacts.find((c) => c.channel === 'all')!.attempts);
        expect(monthly('refused')).toBe(figures.refusals.attempts);
        expect(monthly('complaints')).toBe(figures.complaints.total);
        expect(monthly('disputes')).toBe(figures.disputes.opened);
        expect(monthly('answers')).toBe(figures.satisfaction.answers);
        for (const channel of figures.contacts) {
          const inBuckets = channel.buckets.reduce((sum, b) => sum + b.caseWeeks, 0);
          expect(inBuckets + channel.overCapCaseWeeks).toBe(channel.caseWeeks);
        }
        for (const bp of [
          figures.satisfaction.csatBasisPoints,
          figures.care.shareBasisPoints,
          ...figures.months.map((line) => line.csatBasisPoints),
        ])
          if (bp !== null) expect(bp >= 0 && bp <= 10_000).toBe(true);
      }),
    );
  });

  it('compares two teams by hand: contacts against the caps, refusals by rule, a care rule withheld', () => {
    const [lyon, none] = conductByTeam(
      [
        {
          teamId: 'lyon',
          teamName: 'Amiable Lyon',
          facts: [
            fact('2026-01', 'case_weeks', '', '', 10),
            fact('2026-01', 'contact_weeks', 'all', '2', 3),
            fact('2026-01', 'contact_weeks', 'phone', '2', 3),
            fact('2026-01', 'contact_weeks', 'sms', '3', 1), // above the 2 messages a week
            fact('2026-01', 'contact_weeks', 'all', '3', 1),
            fact('2026-01', 'refused_attempts', '', 'phone', 4),
            fact('2026-01', 'refusals', 'window.hours', 'phone', 3),
            fact('2026-01', 'refusals', 'hold.vulnerability', 'phone', 1),
          ],
        },
        { teamId: null, teamName: null, facts: [fact('2026-01', 'case_weeks', '', '', 2)] },
      ],
      DEFAULT_POLICY.caps,
    );
    // 9 attempts over 10 case-weeks: 0.90; the week of 3 messages is above the SMS cap only.
    expect(lyon).toEqual({
      teamId: 'lyon',
      teamName: 'Amiable Lyon',
      caseWeeks: 10,
      attempts: 9,
      perCaseWeekHundredths: 90,
      capPerWeek: 10,
      overCapCaseWeeks: 1,
      refused: 4,
      byRule: [
        { rule: 'window.hours', refusals: 3 },
        { rule: 'hold.care_rule', refusals: null },
      ],
    });
    expect(none).toMatchObject({ teamId: null, caseWeeks: 2, attempts: 0, perCaseWeekHundredths: 0, byRule: [] });
  });
});
