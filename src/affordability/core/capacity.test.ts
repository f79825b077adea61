import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/dates.js';
import { AppError } from '../../platform/errors.js';
import { computeCapacity, householdRsa, seizableShare } from './capacity.js';
import { REGULATION_REFERENCE } from './fixtures.test-data.js';
import { referenceInForce } from './reference.js';
import { euros } from './text.js';
import { sayAmounts, type Message } from '../../platform/message.js';
import { EXPENSE_CATEGORIES, RESOURCE_TYPES, type Assessment, type Household } from './types.js';

/** A trace message as a reader of `lang` reads it, its amount parameters formatted (the web app does the same). */
const read = (message: Message, lang: keyof Message) => sayAmounts(message[lang], (cents) => euros(cents)[lang]);
const compute = (a: Assessment) => computeCapacity(a, referenceInForce(REGULATION_REFERENCE, a.date));
const budget = (
  date: string,
  household: Household,
  resourcesCents: number,
  expensesCents: number,
  more: Partial<Assessment> = {},
): Assessment => ({
  date,
  household,
  resources: [{ type: 'salary', amountCents: resourcesCents }],
  expenses: [{ category: 'housing', amountCents: expensesCents, basis: 'actual' }],
  ...more,
});
const COUPLE_2 = { adults: 2, children: 2, dependants: 3 };
const SINGLE = { adults: 1, children: 0, dependants: 0 };

describe('the public vectors of REGULATION.md §7', () => {
  it.each([
    {
      resources: 220000,
      household: COUPLE_2,
      expenses: 200000,
      qs: 34485,
      rsaBound: 83010,
      capacity: 20000,
      bound: 'expenses',
    },
    {
      resources: 220000,
      household: COUPLE_2,
      expenses: 150000,
      qs: 34485,
      rsaBound: 83010,
      capacity: 34400,
      bound: 'seizable_share',
    },
    {
      resources: 150000,
      household: SINGLE,
      expenses: 130000,
      qs: 23476,
      rsaBound: 84767,
      capacity: 20000,
      bound: 'expenses',
    },
  ])('2026-05-01: $resources cents, $household.dependants dependants, expenses $expenses → $capacity ($bound)', (v) => {
    const r = compute(budget('2026-05-01', v.household, v.resources, v.expenses));
    expect(r.seizableShareCents).toBe(v.qs);
    expect(r.resourcesCents - r.householdRsaCents).toBe(v.rsaBound);
    expect(r.capacityCents).toBe(v.capacity);
    expect(r.bindingConstraint).toBe(v.bound);
    expect(r.leftToLiveOnCents).toBe(v.resources - v.capacity);
  });

  it('the worked example: yearly seizable part 4,138.17, household RSA 1,369.90, a trace line per step with its rule', () => {
    const r = compute(budget('2026-05-01', COUPLE_2, 220000, 200000));
    expect(r.householdRsaCents).toBe(136990);
    expect(r.trace.map((l) => l.step)).toEqual([
      'resources',
      'seizable_share',
      'household_rsa',
      'expenses',
      'rsa_bound',
      'expenses_bound',
      'capacity',
      'left_after_expenses',
      'left_after_repayment',
    ]);
    expect(r.trace.every((l) => l.source.kind.length > 0 && l.message.fr && l.message.en && l.message.it)).toBe(true);
    const qs = r.trace.find((l) => l.step === 'seizable_share')!;
    expect(qs.source).toMatchObject({ kind: 'law', citation: expect.stringContaining('R3252-2') });
    // Amounts are parameters in cents, never formatted words: the reader's page formats them in its locale.
    expect(qs.message.en).toBe(
      'Seizable share: on {{eur:2640000}} a year, with the 2026 scale, each threshold raised by {{eur:522000}} for 3 dependant(s), the seizable part is {{eur:413817}} a year, that is {{eur:34485}} a month.',
    );
    expect(qs.message.it).not.toMatch(/\d,\d\d/);
    expect(read(qs.message, 'en')).toBe(
      'Seizable share: on €26,400.00 a year, with the 2026 scale, each threshold raised by €5,220.00 for 3 dependant(s), the seizable part is €4,138.17 a year, that is €344.85 a month.',
    );
    expect(read(qs.message, 'fr')).toContain('344,85\u00a0€ par mois');
    expect(read(r.trace.find((l) => l.step === 'capacity')!.message, 'fr')).toContain('200,00\u00a0€ par mois');
    expect(r.reference).toEqual({ scaleYear: 2026, rsaEffectiveFrom: '2026-04-01', allowances: [] });
    // Capacity bound by expenses: the household keeps nothing after both, below the floor, and the page says so.
    expect(r.flags).toEqual(['below_floor', 'figures_to_check']);
  });
});

describe('dated cases', () => {
  it('2024 scale, one dependant: thresholds raised by 1,690', () => {
    expect(seizableShare(REGULATION_REFERENCE.scales[0]!, 200000, 1).monthlyCents).toBe(40510);
  });

  it('2025 scale, single, 1,800 a month: every bracket up to 2/3 → 345.28, bound by the seizable share', () => {
    const r = compute(budget('2025-06-15', SINGLE, 180000, 90000));
    expect(r).toMatchObject({
      seizableShareCents: 34528,
      householdRsaCents: 64652,
      expensesCents: 90000,
      capacityCents: 34500,
      bindingConstraint: 'seizable_share',
      flags: [],
    });
  });

  it('2025 scale with two dependants', () => {
    expect(seizableShare(REGULATION_REFERENCE.scales[1]!, 150000, 2).monthlyCents).toBe(17329);
  });

  it('the part above the last threshold is seized whole', () => {
    expect(seizableShare(REGULATION_REFERENCE.scales[2]!, 500000, 0).monthlyCents).toBe(342143);
  });

  it('nothing is seizable on nothing', () => {
    expect(seizableShare(REGULATION_REFERENCE.scales[2]!, 0, 4).monthlyCents).toBe(0);
  });

  it('January to March combines the new scale with the previous RSA; the RSA changes on 1 April', () => {
    const march = compute(budget('2026-03-31', SINGLE, 150000, 130000));
    const april = compute(budget('2026-04-01', SINGLE, 150000, 130000));
    expect(march.reference).toMatchObject({ scaleYear: 2026, rsaEffectiveFrom: '2025-04-01' });
    expect(march.householdRsaCents).toBe(64652);
    expect(march.seizableShareCents).toBe(23476);
    expect(april.reference).toMatchObject({ scaleYear: 2026, rsaEffectiveFrom: '2026-04-01' });
    expect(april.householdRsaCents).toBe(65233);
    const dec = compute(budget('2025-12-31', SINGLE, 150000, 130000));
    expect(dec.reference).toMatchObject({ scaleYear: 2025, rsaEffectiveFrom: '2025-04-01' });
  });

  it('refuses a date without reference data, with a code a person can act on', () => {
    expect(() => compute(budget('2027-05-01', SINGLE, 150000, 0))).toThrow(
      expect.objectContaining({ code: 'affordability.no_seizure_scale' }),
    );
    expect(() => compute(budget('2025-03-31', SINGLE, 150000, 0))).toThrow(
      expect.objectContaining({ code: 'affordability.no_rsa_amounts' }),
    );
  });

  it('expenses below the household RSA count as the RSA, and the RSA binds', () => {
    // 700 − 652.33 = 47.67 on both the RSA and the expenses bounds; QS on 8,400 a year: (224 + 392) / 12 = 51.33.
    const r = compute(budget('2026-05-01', SINGLE, 70000, 30000));
    expect(r.expensesCents).toBe(65233);
    expect(r.declaredExpensesCents).toBe(30000);
    expect(r.seizableShareCents).toBe(5133);
    expect(r.bindingConstraint).toBe('rsa');
    expect(r.capacityCents).toBe(4700);
  });

  it('zero margin: resources at the RSA give capacity zero and orientation to the Banque de France', () => {
    const r = compute(budget('2026-05-01', SINGLE, 65233, 0));
    expect(r.capacityCents).toBe(0);
    expect(r.flags).toEqual(expect.arrayContaining(['capacity_zero', 'orient_banque_de_france']));
    expect(r.flags).not.toContain('negative_margin');
    expect(r.trace.at(-1)!.step).toBe('orientation');
  });

  it('negative margin: expenses above resources, capacity is zero, never negative, and the household keeps all', () => {
    const r = compute(budget('2026-05-01', SINGLE, 150000, 200000));
    expect(r.capacityCents).toBe(0);
    expect(r.bindingConstraint).toBe('expenses');
    expect(r.leftToLiveOnCents).toBe(150000);
    expect(r.flags).toEqual(expect.arrayContaining(['capacity_zero', 'negative_margin', 'orient_banque_de_france']));
    expect(r.trace.find((l) => l.step === 'expenses_bound')!.valueCents).toBe(-50000);
  });

  it('a capacity under one euro rounds down to zero', () => {
    const r = compute(budget('2026-05-01', SINGLE, 100000, 99950));
    expect(r.capacityCents).toBe(0);
  });

  it('unseizable benefits are left out of the base and shown', () => {
    const r = compute({
      ...budget('2026-05-01', { adults: 1, children: 1, dependants: 1 }, 150000, 110000),
      resources: [
        { type: 'salary', amountCents: 150000 },
        { type: 'family_benefit', amountCents: 15000 },
        { type: 'rsa', amountCents: 5000 },
      ],
    });
    expect(r.resourcesCents).toBe(150000);
    expect(r.excludedResourcesCents).toBe(20000);
    expect(read(r.trace[0]!.message, 'en')).toContain('€200.00');
  });

  it('a debt that would need more than 84 months at this capacity orients the household', () => {
    const within = compute(budget('2026-05-01', COUPLE_2, 220000, 200000, { debtCents: 20000 * 84 }));
    const beyond = compute(budget('2026-05-01', COUPLE_2, 220000, 200000, { debtCents: 20000 * 84 + 1 }));
    expect(within.flags).not.toContain('beyond_84_months');
    expect(beyond.flags).toEqual(expect.arrayContaining(['beyond_84_months', 'orient_banque_de_france']));
  });

  it('a standard allowance comes from the table in force, for the household size, and is flagged as a placeholder', () => {
    const r = compute({
      ...budget('2026-05-01', COUPLE_2, 220000, 100000),
      expenses: [{ category: 'food_household', basis: 'standard' }],
    });
    expect(r.declaredExpensesCents).toBe(32000 + 3 * 11000);
    expect(r.reference.allowances).toEqual([{ category: 'food_household', effectiveFrom: '2026-01-01' }]);
    expect(r.flags).toContain('placeholder_allowance');
    expect(() =>
      compute({ ...budget('2026-05-01', SINGLE, 100000, 0), expenses: [{ category: 'water', basis: 'standard' }] }),
    ).toThrow(expect.objectContaining({ code: 'affordability.no_standard_allowance' }));
    expect(() =>
      compute({ ...budget('2026-05-01', SINGLE, 100000, 0), expenses: [{ category: 'water', basis: 'actual' }] }),
    ).toThrow(AppError);
  });
});

describe('household RSA by composition', () => {
  const rsa = REGULATION_REFERENCE.rsa[1]!;
  it.each([
    [{ adults: 1, children: 0 }, 65233],
    [{ adults: 1, children: 1 }, 97850],
    [{ adults: 2, children: 0 }, 97850],
    [{ adults: 1, children: 2 }, 117419],
    [{ adults: 2, children: 1 }, 117419],
    [{ adults: 2, children: 2 }, 136990],
    [{ adults: 2, children: 3 }, 136990 + 26093],
    [{ adults: 1, children: 3 }, 117419 + 26093],
    [{ adults: 3, children: 2 }, 136990 + 26093],
  ])('%o → %i', (h, expected) => {
    expect(householdRsa(rsa, { ...h, dependants: 0 })).toBe(expected);
  });
});

describe('properties', () => {
  const date = fc.constantFrom('2025-04-01', '2025-12-31', '2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31');
  const household = fc.record({
    adults: fc.integer({ min: 1, max: 4 }),
    children: fc.integer({ min: 0, max: 8 }),
    dependants: fc.integer({ min: 0, max: 10 }),
  });
  const assessment = fc.record({
    date,
    household,
    resources: fc.array(
      fc.record({ type: fc.constantFrom(...RESOURCE_TYPES), amountCents: fc.integer({ min: 0, max: 2_000_000 }) }),
      { maxLength: 5 },
    ),
    expenses: fc.array(
      fc.record({
        category: fc.constantFrom(...EXPENSE_CATEGORIES),
        amountCents: fc.integer({ min: 0, max: 1_000_000 }),
        basis: fc.constantFrom('actual' as const, 'actual_with_evidence' as const),
      }),
      { maxLength: 8 },
    ),
  });

  it('capacity never exceeds any of the three bounds, is never negative, and is whole euros', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        const r = compute(a);
        expect(r.capacityCents).toBeGreaterThanOrEqual(0);
        expect(r.capacityCents).toBeLessThanOrEqual(Math.max(0, r.seizableShareCents));
        expect(r.capacityCents).toBeLessThanOrEqual(Math.max(0, r.resourcesCents - r.householdRsaCents));
        expect(r.capacityCents).toBeLessThanOrEqual(Math.max(0, r.resourcesCents - r.expensesCents));
        expect(r.capacityCents % 100).toBe(0);
        expect(r.expensesCents).toBeGreaterThanOrEqual(r.householdRsaCents);
        expect(r.leftToLiveOnCents + r.capacityCents).toBe(r.resourcesCents);
        // The binding bound is the smallest, and the capacity is less than a euro below it when positive.
        const bounds = {
          seizable_share: r.seizableShareCents,
          rsa: r.resourcesCents - r.householdRsaCents,
          expenses: r.resourcesCents - r.expensesCents,
        };
        const smallest = Math.min(...Object.values(bounds));
        expect(bounds[r.bindingConstraint]).toBe(smallest);
        expect(r.capacityCents).toBe(smallest <= 0 ? 0 : smallest - (smallest % 100));
        expect(r.flags.includes('capacity_zero')).toBe(r.capacityCents === 0);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same assessment gives the same result', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        expect(compute(structuredClone(a))).toEqual(compute(a));
      }),
      { numRuns: 200 },
    );
  });

  it('the seizable share never decreases with pay, never increases with dependants, and stays below the pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 8 }),
        (y, pay, more, dependants) => {
          const scale = REGULATION_REFERENCE.scales[y % 3]!;
          const base = seizableShare(scale, pay, dependants).monthlyCents;
          expect(seizableShare(scale, pay + more, dependants).monthlyCents).toBeGreaterThanOrEqual(base);
          expect(seizableShare(scale, pay, dependants + 1).monthlyCents).toBeLessThanOrEqual(base);
          expect(base).toBeLessThanOrEqual(pay);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('what the household keeps, after expenses and after the repayment', () => {
  // Resources 2,000, expenses 1,490: the seizable share (471.70) binds, capacity 471; 39 € remain once both are paid.
  const issue = budget('2026-05-01', SINGLE, 200000, 149000);

  it('shows what is left after the expenses and after the repayment, and warns below the floor in force', () => {
    const result = compute(issue);
    expect(result.capacityCents).toBe(47100);
    expect(result.leftAfterExpensesCents).toBe(51000);
    expect(result.leftAfterRepaymentCents).toBe(3900);
    expect(result.floor).toMatchObject({ effectiveFrom: '2025-01-01' });
    expect(result.floor.amountCents).toBeGreaterThan(3900);
    expect(result.flags).toContain('below_floor');
    const steps = result.trace.map((l) => l.step);
    expect(steps).toEqual(expect.arrayContaining(['left_after_expenses', 'left_after_repayment']));
    const line = result.trace.find((l) => l.step === 'left_after_repayment')!;
    expect(read(line.message, 'fr')).toContain('39,00');
    // Comfortable budget: no warning.
    expect(compute(budget('2026-05-01', SINGLE, 200000, 100000)).flags).not.toContain('below_floor');
  });

  it('names the legal source of each step in words, never a file or a tag', () => {
    for (const line of compute(issue).trace) {
      expect(line.source.kind === 'law' ? line.source.citation : line.source.choice).not.toMatch(/REGULATION|\[|\.md/);
      if (line.source.kind === 'law') expect(line.source.citation).toMatch(/^(Code|Directive|CASF)/);
    }
    expect(compute(issue).trace.find((l) => l.step === 'seizable_share')!.source).toEqual({
      kind: 'law',
      citation: 'Code du travail, art. R3252-2, R3252-3',
    });
  });

  it('shows the amount of each standard allowance it used', () => {
    const withAllowance = compute({
      ...issue,
      expenses: [
        { category: 'housing', amountCents: 60000, basis: 'actual' },
        { category: 'food_household', basis: 'standard' },
      ],
    });
    const food = withAllowance.expenseLines.find((x) => x.category === 'food_household')!;
    expect(food.basis).toBe('standard');
    expect(food.amountCents).toBeGreaterThan(0);
    const money = euros(food.amountCents).fr;
    expect(read(withAllowance.trace.find((l) => l.step === 'expenses')!.message, 'fr')).toContain(money);
  });

  it('uses the floor in force on the budget’s date: a new effective date changes later budgets only', () => {
    const raised = {
      ...REGULATION_REFERENCE,
      floors: [
        ...REGULATION_REFERENCE.floors,
        {
          effectiveFrom: '2026-06-01',
          baseCents: 2_000,
          perExtraPersonCents: 1_000,
          status: 'law' as const,
          source: 'x',
        },
      ],
    };
    const at = (date: string, household: Household) => {
      const a = budget(date, household, 200000, 149000);
      return computeCapacity(a, referenceInForce(raised, a.date));
    };
    // Before the new row: the indicative 100 € (+ 50 € a person); from it: 20 € (+ 10 €).
    expect(at('2026-05-31', SINGLE).floor).toMatchObject({ effectiveFrom: '2025-01-01', amountCents: 10_000 });
    expect(at('2026-05-31', COUPLE_2).floor.amountCents).toBe(10_000 + 3 * 5_000);
    expect(at('2026-06-01', SINGLE).floor).toMatchObject({ effectiveFrom: '2026-06-01', amountCents: 2_000 });
    expect(at('2026-06-01', COUPLE_2).floor.amountCents).toBe(2_000 + 3 * 1_000);
    // 39 € left is below 100 € and above 20 €: the warning follows the floor of the date.
    expect(at('2026-05-31', SINGLE).flags).toContain('below_floor');
    expect(at('2026-06-01', SINGLE).flags).not.toContain('below_floor');
    // Before any floor on file, none applies.
    expect(referenceInForce({ ...REGULATION_REFERENCE, floors: [] }, '2026-05-01').floor).toBeNull();
  });

  it('property: the floor in force is the latest row effective on or before the date', () => {
    const floorRow = fc.record({
      effectiveFrom: fc.integer({ min: 0, max: 2000 }).map((d) => addDays('2024-01-01', d)),
      baseCents: fc.integer({ min: 0, max: 100_000 }),
      perExtraPersonCents: fc.integer({ min: 0, max: 50_000 }),
      status: fc.constant('placeholder' as const),
      source: fc.constant('generated'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(floorRow, { selector: (r) => r.effectiveFrom, maxLength: 6 }),
        fc.integer({ min: 0, max: 600 }),
        (floors, day) => {
          // Dates with a scale and an RSA on file (1 April 2025 to the end of 2026).
          const date = addDays('2025-04-01', day);
          const chosen = referenceInForce({ ...REGULATION_REFERENCE, floors }, date).floor;
          const eligible = floors.filter((f) => f.effectiveFrom <= date).map((f) => f.effectiveFrom);
          expect(chosen?.effectiveFrom ?? null).toBe(eligible.length ? eligible.sort().at(-1) : null);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('properties: left after repayment = left after expenses − capacity, and the flag says exactly when it is below the floor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800_000 }), fc.integer({ min: 0, max: 800_000 }), (resources, expenses) => {
        const r = compute(budget('2026-05-01', SINGLE, resources, expenses));
        expect(r.leftAfterExpensesCents).toBe(resources - expenses);
        expect(r.leftAfterRepaymentCents).toBe(r.leftAfterExpensesCents - r.capacityCents);
        expect(r.flags.includes('below_floor')).toBe(
          r.capacityCents > 0 && r.leftAfterRepaymentCents < r.floor.amountCents,
        );
      }),
      { numRuns: 300 },
    );
  });
});
