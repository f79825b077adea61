import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConductReport, PortfolioOutcomes, PortfolioReport } from '../contract.js';
import { addMonths, liquidationCurve } from './liquidation.js';
import { composeMonthlyReport, type ReportCell, type ReportSection } from './monthly-report.js';

const MONTH = '2026-11';
const NOW = new Date('2026-12-01T05:00:00Z');
const CREDITOR = { id: 'c-1', name: 'Banque Horizon' };

function portfolioOf(
  creditorId: string,
  vintages: { age: number; cases: number; placedCents: number; collected: number[] }[],
): PortfolioReport {
  const curves = vintages.map((v) =>
    liquidationCurve(
      {
        vintage: addMonths(MONTH, -v.age),
        cases: v.cases,
        placedCents: v.placedCents,
        collected: v.collected.map((cents, monthsSince) => ({ monthsSince, cents })),
      },
      MONTH,
    ),
  );
  return {
    from: addMonths(MONTH, -11),
    to: MONTH,
    asOf: '2026-12',
    refreshedAt: '2026-12-01T04:55:00.000Z',
    creditors: [
      {
        creditorId,
        creditorName: CREDITOR.name,
        cases: 0,
        placedCents: 0,
        collectedCents: 0,
        recoveryBp: null,
        curve: [],
        vintages: curves,
      },
    ],
  };
}

const outcomes = (from = addMonths(MONTH, -11)): PortfolioOutcomes => ({
  from,
  to: MONTH,
  asOf: '2026-12',
  refreshedAt: null,
  vintages: [
    {
      vintage: '2026-06',
      cases: 40,
      attempts: 90,
      rightParty: 30,
      rightPartyBp: 3333,
      reachedCases: 20,
      reachedBp: 5000,
      payingCases: 12,
      meanDaysToFirstPayment: 34,
      medianDaysToFirstPayment: 29,
    },
  ],
  months: [
    {
      month: MONTH,
      attempts: 120,
      rightParty: 40,
      rightPartyBp: 3333,
      workedCases: 60,
      reachedCases: 30,
      reachedBp: 5000,
      promises: { made: 10, open: 2, kept: 6, broken: 2, cancelled: 0, madeCents: 1, keptCents: 1, keptBp: 7500 },
      plans: { agreed: 4, onTrack: 3, behind: 0, completed: 0, broken: 1, ended: 0, onTrackBp: 7500, brokenBp: 2500 },
    },
  ],
  stages: [],
  flows: [],
});

const conduct = (fragile: number | null = null): ConductReport => ({
  from: MONTH,
  to: MONTH,
  asOf: '2026-12',
  refreshedAt: null,
  smallestCell: 3,
  minimumAnswers: 5,
  policyVersion: 1,
  teamId: null,
  teamChoices: [],
  byTeam: [],
  months: [
    {
      month: MONTH,
      collectedCents: 123_456,
      caseWeeks: 100,
      attempts: 80,
      overCapCaseWeeks: 0,
      refused: 2,
      complaints: 1,
      disputes: 1,
      answers: 0,
      csatBasisPoints: null,
    },
  ],
  contacts: [
    {
      channel: 'all',
      capPerWeek: 10,
      capId: 'x',
      caseWeeks: 100,
      attempts: 80,
      perCaseWeekHundredths: 80,
      buckets: [],
      overCap: [],
      overCapCaseWeeks: 0,
    },
  ],
  refusals: { attempts: 2, byChannel: [], byRule: [] },
  complaints: {
    total: 1,
    byStatus: { answered_in_time: 1, answered_late: 0, open_in_time: 0, open_overdue: 0 },
    bySubject: [],
  },
  disputes: { opened: 1, byOutcome: [], answered: 0, medianDaysToAnswer: null },
  care: { debtors: 50, fragile, shareBasisPoints: null, referrals: [] },
  satisfaction: { answers: 0, satisfied: null, csatBasisPoints: null },
});

const section = (sections: ReportSection[], key: ReportSection['key']) => sections.find((s) => s.key === key)!;
const value = (cell: ReportCell | undefined) =>
  cell?.kind === 'count' || cell?.kind === 'cents' || cell?.kind === 'days'
    ? cell.value
    : cell?.kind === 'rate'
      ? cell.bp
      : null;

describe('the monthly report', () => {
  it('composes the month of one creditor: summary, the liquidation table and its total, outcomes, conduct', () => {
    const report = composeMonthlyReport({
      creditor: CREDITOR,
      month: MONTH,
      now: NOW,
      portfolio: portfolioOf(CREDITOR.id, [
        { age: 2, cases: 10, placedCents: 100_000, collected: [1_000, 2_000, 3_000] },
        { age: 0, cases: 5, placedCents: 50_000, collected: [500] },
      ]),
      outcomes: outcomes(),
      conduct: conduct(null),
    });
    expect(report).toMatchObject({ creditorId: 'c-1', month: MONTH, composedAt: NOW.toISOString() });
    const summary = section(report.sections, 'summary').rows.map((row) => value(row[1]));
    // 15 cases, 1,500.00 placed, 65.00 collected: 433 bp; 1,234.56 in the month.
    expect(summary).toEqual([15, 150_000, 6_500, 433, 123_456]);
    const vintages = section(report.sections, 'vintages');
    expect(vintages.rows.map((row) => row.slice(0, 5).map((cell) => value(cell) ?? cell))).toEqual([
      [{ kind: 'text', text: '2026-09' }, 10, 100_000, 6_000, 600],
      [{ kind: 'text', text: '2026-11' }, 5, 50_000, 500, 100],
      [{ kind: 'label', text: { fr: 'Total', en: 'Total', it: 'Totale' } }, 15, 150_000, 6_500, 433],
    ]);
    // M+1 of the older vintage: 3,000 of 100,000 collected by the end of its second month.
    expect(value(vintages.rows[0]![5])).toBe(300);
    expect(value(vintages.rows[1]![5])).toBeNull();
    expect(section(report.sections, 'outcomes').rows.map((row) => value(row[1]))).toEqual([
      120, 40, 3333, 10, 6, 2, 7500, 4, 3, 1, 7500,
    ]);
    expect(section(report.sections, 'first_payment').rows[0]!.map(value)).toEqual([null, 40, 12, 34, 29]);
    // The withheld count of fragile debtors stays withheld.
    const care = section(report.sections, 'complaints').rows.find(
      (row) => row[0]!.kind === 'label' && row[0]!.text.en === 'of them, vulnerable',
    )!;
    expect(care[1]).toEqual({ kind: 'count', value: null });
  });

  it('refuses another creditor’s figures, and outcomes or conduct read over other months', () => {
    const input = { creditor: CREDITOR, month: MONTH, now: NOW, outcomes: outcomes(), conduct: conduct() };
    expect(() => composeMonthlyReport({ ...input, portfolio: portfolioOf('c-2', []) })).toThrow(/another creditor/);
    const portfolio = portfolioOf(CREDITOR.id, []);
    expect(() => composeMonthlyReport({ ...input, portfolio, conduct: { ...conduct(), from: '2026-10' } })).toThrow();
    expect(() => composeMonthlyReport({ ...input, portfolio, outcomes: { ...outcomes(), to: '2026-10' } })).toThrow();
  });

  it('adds up: the total row is the sum of the vintages, the summary agrees with it, every rate within 0–100 %', () => {
    const vintage = fc
      .record({
        age: fc.integer({ min: 0, max: 11 }),
        cases: fc.integer({ min: 1, max: 10_000 }),
        placedCents: fc.integer({ min: 1, max: 10_000_000_00 }),
        weights: fc.array(fc.nat(100), { maxLength: 12 }),
      })
      .map(({ age, cases, placedCents, weights }) => {
        const total = weights.reduce((sum, w) => sum + w, 0) || 1;
        return { age, cases, placedCents, collected: weights.map((w) => Math.floor((placedCents * w) / total)) };
      });
    fc.assert(
      fc.property(fc.uniqueArray(vintage, { selector: (v) => v.age, maxLength: 12 }), (vintages) => {
        const report = composeMonthlyReport({
          creditor: CREDITOR,
          month: MONTH,
          now: NOW,
          portfolio: portfolioOf(CREDITOR.id, vintages),
          outcomes: outcomes(),
          conduct: conduct(),
        });
        const table = section(report.sections, 'vintages');
        const rows = table.rows.slice(0, -1);
        const total = table.rows.at(-1)!;
        for (const column of [1, 2, 3])
          expect(value(total[column])).toBe(rows.reduce((sum, row) => sum + (value(row[column]) ?? 0), 0));
        const summary = section(report.sections, 'summary').rows.map((row) => value(row[1]));
        expect(summary.slice(0, 4)).toEqual([1, 2, 3, 4].map((column) => value(total[column])));
        for (const s of report.sections)
          for (const row of s.rows)
            for (const cell of row)
              if (cell.kind === 'rate' && cell.bp !== null) expect(cell.bp).toBeGreaterThanOrEqual(0);
        for (const row of rows)
          for (const cell of row.slice(4))
            if (cell.kind === 'rate' && cell.bp !== null) expect(cell.bp).toBeLessThanOrEqual(10_000);
      }),
    );
  });
});
