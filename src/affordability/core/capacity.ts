import { invalid } from '../../platform/errors.js';
import { composition, frDate, say } from './text.js';
import { floorAmount } from './floors.js';
import { isSpecialCategoryExpense } from '../../need-to-know/core/need-to-know.js';
import { ALLOWANCE_WORD, BOUND_NAMES, CATEGORY_NAMES, leftStep } from './left-step.js';
import {
  UNSEIZABLE_RESOURCES,
  type Assessment,
  type BindingConstraint,
  type ExpenseBasis,
  type CapacityResult,
  type ExpenseCategory,
  type Flag,
  type Household,
  type ReferenceInForce,
  type RsaAmounts,
  type SeizureScale,
  type TraceLine,
} from './types.js';

/** A plan never runs longer than this (C. conso L732-3); beyond it, the household is oriented, not pushed. */
const MAX_PLAN_MONTHS = 84;

/**
 * The repayment capacity of REGULATION.md §7 (C. conso L731-1, L731-2, R731-1), pure: no I/O, no clock.
 *
 *   R       = monthly resources, unseizable benefits left out
 *   QS      = seizable share of 12 × R on the year's scale, thresholds raised per dependant, ÷ 12 (R3252-2, R3252-3)
 *   RSA_H   = RSA lump sum for the household at the date (R731-1)
 *   EXP     = max(RSA_H, day-to-day expenses) (L731-2)
 *   capacity = max(0, min(QS, R − RSA_H, R − EXP)), rounded down to the euro
 *
 * Rounding: QS is computed exactly (integer arithmetic on a common denominator of the scale's fractions) and rounded
 * once, to the nearest cent, half up (§7.2: "divided by 12, rounded to the cent"); the capacity is rounded down to
 * the whole euro (§7.5) so it never exceeds any bound. Every other figure is a sum or difference of integer cents.
 */
export function computeCapacity(assessment: Assessment, reference: ReferenceInForce): CapacityResult {
  assertAssessment(assessment);
  const { household } = assessment;
  const flags = new Set<Flag>();

  const resources = resourcesStep(assessment);
  const seizable = seizableShareStep(reference.scale, resources.resourcesCents, household);
  const rsa = householdRsaStep(reference.rsa, household);
  const expenses = expensesStep(assessment, reference, rsa.householdRsaCents);
  if (expenses.items.some((x) => x.placeholder)) flags.add('placeholder_allowance');
  const bounds = boundsStep(
    resources.resourcesCents,
    seizable.seizableShareCents,
    rsa.householdRsaCents,
    expenses.expensesCents,
  );
  if (bounds.expensesBoundCents < 0) flags.add('negative_margin');
  const capacity = capacityStep(bounds.candidates);
  const floorCents = floorAmount(reference.floor, household);
  const left = leftStep(resources, expenses.declaredExpensesCents, capacity.capacityCents, floorCents);
  if (left.belowFloor) flags.add('below_floor');
  const trace: TraceLine[] = [
    resources.line,
    seizable.line,
    rsa.line,
    expenses.line,
    ...bounds.lines,
    capacity.line,
    ...left.lines,
  ];

  const { capacityCents } = capacity;
  if (capacityCents === 0) flags.add('capacity_zero');
  const debtCents = assessment.debtCents;
  if (debtCents !== undefined && debtCents > 0 && capacityCents > 0 && debtCents > capacityCents * MAX_PLAN_MONTHS)
    flags.add('beyond_84_months');
  if (flags.has('capacity_zero') || flags.has('beyond_84_months')) {
    flags.add('orient_banque_de_france');
    trace.push(orientationLine(capacityCents));
  }
  if (reference.scale.status !== 'law' || reference.rsa.status !== 'law') flags.add('figures_to_check');

  return {
    date: assessment.date,
    capacityCents,
    bindingConstraint: capacity.bindingConstraint,
    resourcesCents: resources.resourcesCents,
    excludedResourcesCents: resources.excludedResourcesCents,
    seizableShareCents: seizable.seizableShareCents,
    householdRsaCents: rsa.householdRsaCents,
    expensesCents: expenses.expensesCents,
    declaredExpensesCents: expenses.declaredExpensesCents,
    leftToLiveOnCents: resources.resourcesCents - capacityCents,
    leftAfterExpensesCents: left.leftAfterExpensesCents,
    leftAfterRepaymentCents: left.leftAfterRepaymentCents,
    floor: {
      effectiveFrom: reference.floor?.effectiveFrom ?? null,
      amountCents: floorCents,
      status: reference.floor?.status ?? null,
    },
    expenseLines: expenses.items.map((x) => ({
      category: x.category,
      basis: x.basis,
      amountCents: x.amountCents,
      allowanceFrom: x.allowanceFrom,
    })),
    trace,
    flags: [...flags].sort(),
    reference: {
      scaleYear: reference.scale.year,
      rsaEffectiveFrom: reference.rsa.effectiveFrom,
      allowances: expenses.items.flatMap((x) =>
        x.allowanceFrom ? [{ category: x.category, effectiveFrom: x.allowanceFrom }] : [],
      ),
    },
  };
}

/** 1. R: the monthly resources, the unseizable benefits left out (and said so). */
function resourcesStep(assessment: Assessment) {
  const resourcesCents = sum(
    assessment.resources.filter((r) => !UNSEIZABLE_RESOURCES.includes(r.type)).map((r) => r.amountCents),
  );
  const excludedResourcesCents = sum(
    assessment.resources.filter((r) => UNSEIZABLE_RESOURCES.includes(r.type)).map((r) => r.amountCents),
  );
  const line: TraceLine = {
    step: 'resources',
    source: { kind: 'choice', choice: 'unseizable_left_out' },
    valueCents: resourcesCents,
    message: say({
      fr: (e) =>
        `Ressources mensuelles retenues : ${e(resourcesCents)}` +
        (excludedResourcesCents > 0
          ? ` (les prestations insaisissables, ${e(excludedResourcesCents)}, ne sont pas comptées).`
          : '.'),
      en: (e) =>
        `Monthly resources counted: ${e(resourcesCents)}` +
        (excludedResourcesCents > 0
          ? ` (benefits that cannot be seized, ${e(excludedResourcesCents)}, are left out).`
          : '.'),
      it: (e) =>
        `Risorse mensili considerate: ${e(resourcesCents)}` +
        (excludedResourcesCents > 0
          ? ` (le prestazioni non pignorabili, ${e(excludedResourcesCents)}, non sono contate).`
          : '.'),
    }),
  };
  return { resourcesCents, excludedResourcesCents, line };
}

/** 2. QS: the seizable share of the resources on the year's scale, thresholds raised per dependant. */
function seizableShareStep(scale: SeizureScale, resourcesCents: number, household: Household) {
  const seizable = seizableShare(scale, resourcesCents, household.dependants);
  const seizableShareCents = seizable.monthlyCents;
  const upliftCents = household.dependants * scale.upliftPerDependantCents;
  const line: TraceLine = {
    step: 'seizable_share',
    source: { kind: 'law', citation: 'Code du travail, art. R3252-2, R3252-3' },
    valueCents: seizableShareCents,
    message: say({
      fr: (e) =>
        `Quotité saisissable : sur ${e(resourcesCents * 12)} par an, avec le barème ${scale.year}` +
        (household.dependants > 0
          ? ` dont chaque seuil est relevé de ${e(upliftCents)} pour ${household.dependants} personne(s) à charge`
          : '') +
        `, la part saisissable est de ${e(seizable.yearlyCentsRounded)} par an, soit ${e(seizableShareCents)} par mois.`,
      en: (e) =>
        `Seizable share: on ${e(resourcesCents * 12)} a year, with the ${scale.year} scale` +
        (household.dependants > 0
          ? `, each threshold raised by ${e(upliftCents)} for ${household.dependants} dependant(s)`
          : '') +
        `, the seizable part is ${e(seizable.yearlyCentsRounded)} a year, that is ${e(seizableShareCents)} a month.`,
      it: (e) =>
        `Quota pignorabile: su ${e(resourcesCents * 12)} all'anno, con la tabella ${scale.year}` +
        (household.dependants > 0
          ? `, ogni soglia aumentata di ${e(upliftCents)} per ${household.dependants} persona/e a carico`
          : '') +
        `, la parte pignorabile è ${e(seizable.yearlyCentsRounded)} all'anno, cioè ${e(seizableShareCents)} al mese.`,
    }),
  };
  return { seizableShareCents, line };
}

/** 3. RSA_H: the RSA lump sum of the household at the date, which always stays with it. */
function householdRsaStep(rsa: RsaAmounts, household: Household) {
  const householdRsaCents = householdRsa(rsa, household);
  const people = {
    fr: composition(household, 'fr'),
    en: composition(household, 'en'),
    it: composition(household, 'it'),
  };
  const line: TraceLine = {
    step: 'household_rsa',
    source: {
      kind: 'law',
      citation: 'Code de l’action sociale et des familles, art. L262-2 ; Code de la consommation, art. R731-1',
    },
    valueCents: householdRsaCents,
    message: say({
      fr: (e) =>
        `RSA du foyer (${people.fr}) en vigueur depuis le ${frDate(rsa.effectiveFrom)} : ${e(householdRsaCents)}. Cette somme reste toujours au foyer.`,
      en: (e) =>
        `Household RSA (${people.en}) in force since ${rsa.effectiveFrom}: ${e(householdRsaCents)}. This amount always stays with the household.`,
      it: (e) =>
        `RSA del nucleo (${people.it}) in vigore dal ${frDate(rsa.effectiveFrom)}: ${e(householdRsaCents)}. Questa somma resta sempre al nucleo.`,
    }),
  };
  return { householdRsaCents, line };
}

/** 4. EXP: the day-to-day expenses declared (actual or standard allowances), never less than the household RSA. */
function expensesStep(assessment: Assessment, reference: ReferenceInForce, householdRsaCents: number) {
  const items = assessment.expenses.map((x) => expenseAmount(x, reference, assessment.household));
  const declaredExpensesCents = sum(items.map((x) => x.amountCents));
  const expensesCents = Math.max(householdRsaCents, declaredExpensesCents);
  // A standard allowance shows the amount it gave: "(standard allowances: food 350.00 €)".
  // A special-category line (health) is never named in the trace, which every reader of the budget sees.
  const standard = items.filter((x) => x.allowanceFrom !== null && !isSpecialCategoryExpense(x.category));
  const allowances = (lang: 'fr' | 'en' | 'it', e: (cents: number) => string) =>
    standard.length === 0
      ? ''
      : ` (${ALLOWANCE_WORD[lang]} ${standard.map((x) => `${CATEGORY_NAMES[x.category][lang]} ${e(x.amountCents)}`).join(', ')})`;
  const line: TraceLine = {
    step: 'expenses',
    source: { kind: 'law', citation: 'Code de la consommation, art. L731-2' },
    valueCents: expensesCents,
    message: say({
      fr: (e) =>
        `Dépenses courantes déclarées : ${e(declaredExpensesCents)}${allowances('fr', e)}` +
        (declaredExpensesCents < householdRsaCents
          ? `, inférieures au RSA du foyer : on retient ${e(expensesCents)}.`
          : `, retenues telles quelles.`),
      en: (e) =>
        `Day-to-day expenses declared: ${e(declaredExpensesCents)}${allowances('en', e)}` +
        (declaredExpensesCents < householdRsaCents
          ? `, below the household RSA: ${e(expensesCents)} is counted.`
          : `, counted as they are.`),
      it: (e) =>
        `Spese correnti dichiarate: ${e(declaredExpensesCents)}${allowances('it', e)}` +
        (declaredExpensesCents < householdRsaCents
          ? `, inferiori al RSA del nucleo: si considera ${e(expensesCents)}.`
          : `, considerate così come sono.`),
    }),
  };
  return { items, declaredExpensesCents, expensesCents, line };
}

/** 5. The three bounds on the capacity: the seizable share, resources minus the RSA, resources minus expenses. */
function boundsStep(
  resourcesCents: number,
  seizableShareCents: number,
  householdRsaCents: number,
  expensesCents: number,
) {
  const rsaBoundCents = resourcesCents - householdRsaCents;
  const expensesBoundCents = resourcesCents - expensesCents;
  const lines: TraceLine[] = [
    {
      step: 'rsa_bound',
      source: { kind: 'law', citation: 'Code de la consommation, art. R731-1' },
      valueCents: rsaBoundCents,
      message: say({
        fr: (e) =>
          `Ressources moins RSA du foyer : ${e(resourcesCents)} − ${e(householdRsaCents)} = ${e(rsaBoundCents)}.`,
        en: (e) =>
          `Resources minus household RSA: ${e(resourcesCents)} − ${e(householdRsaCents)} = ${e(rsaBoundCents)}.`,
        it: (e) => `Risorse meno RSA del nucleo: ${e(resourcesCents)} − ${e(householdRsaCents)} = ${e(rsaBoundCents)}.`,
      }),
    },
    {
      step: 'expenses_bound',
      source: { kind: 'law', citation: 'Code de la consommation, art. L731-2' },
      valueCents: expensesBoundCents,
      message: say({
        fr: (e) =>
          `Ressources moins dépenses retenues : ${e(resourcesCents)} − ${e(expensesCents)} = ${e(expensesBoundCents)}.`,
        en: (e) =>
          `Resources minus expenses counted: ${e(resourcesCents)} − ${e(expensesCents)} = ${e(expensesBoundCents)}.`,
        it: (e) =>
          `Risorse meno spese considerate: ${e(resourcesCents)} − ${e(expensesCents)} = ${e(expensesBoundCents)}.`,
      }),
    },
  ];
  // Ties go to the first of seizable share, RSA, expenses (when expenses are below the RSA, the RSA binds).
  const candidates: [BindingConstraint, number][] = [
    ['seizable_share', seizableShareCents],
    ['rsa', rsaBoundCents],
    ['expenses', expensesBoundCents],
  ];
  return { candidates, expensesBoundCents, lines };
}

/** 6. The capacity: the smallest bound, rounded down to the whole euro, never negative. */
function capacityStep(candidates: [BindingConstraint, number][]) {
  const [bindingConstraint, smallestCents] = candidates.reduce((a, b) => (b[1] < a[1] ? b : a));
  const capacityCents = smallestCents <= 0 ? 0 : smallestCents - (smallestCents % 100);
  const bound = BOUND_NAMES[bindingConstraint];
  const line: TraceLine = {
    step: 'capacity',
    source: { kind: 'law', citation: 'Code de la consommation, art. L731-1' },
    valueCents: capacityCents,
    message: say({
      fr: (e) =>
        `Capacité de remboursement : la plus petite des trois limites (${bound.fr}, ${e(smallestCents)}), arrondie à l'euro inférieur${smallestCents < 0 ? ' et jamais négative' : ''} : ${e(capacityCents)} par mois.`,
      en: (e) =>
        `Repayment capacity: the smallest of the three bounds (${bound.en}, ${e(smallestCents)}), rounded down to the euro${smallestCents < 0 ? ' and never negative' : ''}: ${e(capacityCents)} a month.`,
      it: (e) =>
        `Capacità di rimborso: il più piccolo dei tre limiti (${bound.it}, ${e(smallestCents)}), arrotondato all'euro inferiore${smallestCents < 0 ? ' e mai negativo' : ''}: ${e(capacityCents)} al mese.`,
    }),
  };
  return { bindingConstraint, capacityCents, line };
}

/** No capacity, or a plan beyond 84 months: no plan is proposed, the household is oriented and a person reviews. */
function orientationLine(capacityCents: number): TraceLine {
  return {
    step: 'orientation',
    source: {
      kind: 'law',
      citation: 'Code de la consommation, art. L711-1, L732-3 ; Directive (UE) 2023/2225, art. 36',
    },
    valueCents: capacityCents,
    message: say({
      fr: () =>
        `Aucun plan n'est proposé : orienter vers la procédure de surendettement de la Banque de France et un conseil budgétaire gratuit (Point conseil budget). Une personne revoit le dossier.`,
      en: () =>
        `No plan is proposed: orient the household to the Banque de France over-indebtedness procedure and free debt advice (Point conseil budget). A person reviews the case.`,
      it: () =>
        `Nessun piano viene proposto: orientare il nucleo verso la procedura di sovraindebitamento della Banque de France e una consulenza gratuita sul debito (Point conseil budget). Una persona riesamina la pratica.`,
    }),
  };
}

/**
 * The seizable share of a monthly pay on a year's scale (R3252-2), each threshold raised by `dependants × uplift`
 * (R3252-3). Exact: each bracket's slice × numerator is scaled to the least common denominator of the fractions, summed
 * as a BigInt, and divided by 12 × that denominator once, rounding half up to the cent.
 */
export function seizableShare(
  scale: SeizureScale,
  monthlyCents: number,
  dependants: number,
): { monthlyCents: number; yearlyCentsRounded: number } {
  const yearly = BigInt(monthlyCents) * 12n;
  const uplift = BigInt(dependants) * BigInt(scale.upliftPerDependantCents);
  const common = scale.brackets.reduce((l, b) => lcm(l, BigInt(b.denominator)), 1n);
  let scaled = 0n; // in 1/common of a cent, yearly
  let lower = 0n;
  for (const bracket of scale.brackets) {
    const upper = bracket.upToCents === null ? null : BigInt(bracket.upToCents) + uplift;
    const top = upper === null || yearly < upper ? yearly : upper;
    if (top > lower) scaled += (top - lower) * BigInt(bracket.numerator) * (common / BigInt(bracket.denominator));
    if (upper === null || yearly <= upper) break;
    lower = upper;
  }
  return {
    monthlyCents: Number(roundHalfUp(scaled, common * 12n)),
    yearlyCentsRounded: Number(roundHalfUp(scaled, common)),
  };
}

/**
 * The RSA for a household (CASF L262-2, R262-1): a couple when there are two adults or more. A single person with one
 * child gets the couple amount and with two the couple-with-one-child amount; each child beyond two, and each adult
 * beyond two, adds the further-person amount [CHOICE for extra adults, who are rare in these files].
 */
export function householdRsa(rsa: RsaAmounts, household: Household): number {
  const couple = household.adults >= 2;
  const extraAdults = Math.max(0, household.adults - 2);
  const firstTwo = Math.min(household.children, 2);
  const further = household.children - firstTwo + extraAdults;
  const base = couple
    ? [rsa.coupleCents, rsa.coupleOneChildCents, rsa.coupleTwoChildrenCents][firstTwo]!
    : [rsa.singleCents, rsa.coupleCents, rsa.coupleOneChildCents][firstTwo]!;
  return base + further * rsa.furtherPersonCents;
}

function expenseAmount(
  expense: Assessment['expenses'][number],
  reference: ReferenceInForce,
  household: Household,
): {
  category: ExpenseCategory;
  basis: ExpenseBasis;
  amountCents: number;
  allowanceFrom: string | null;
  placeholder: boolean;
} {
  if (expense.basis !== 'standard') {
    if (expense.amountCents === undefined) {
      throw invalid(
        'affordability.expense_amount_missing',
        `The ${expense.category} expense needs an amount, or the basis "standard" to use the standard allowance.`,
        {
          category: expense.category,
        },
      );
    }
    return {
      category: expense.category,
      basis: expense.basis,
      amountCents: expense.amountCents,
      allowanceFrom: null,
      placeholder: false,
    };
  }
  const allowance = reference.allowances[expense.category];
  if (!allowance) {
    throw invalid(
      'affordability.no_standard_allowance',
      `There is no standard allowance for ${expense.category}: enter the actual amount instead.`,
      {
        category: expense.category,
      },
    );
  }
  const persons = household.adults + household.children;
  return {
    category: expense.category,
    basis: 'standard',
    amountCents: allowance.baseCents + Math.max(0, persons - 1) * allowance.perExtraPersonCents,
    allowanceFrom: allowance.effectiveFrom,
    placeholder: allowance.status === 'placeholder',
  };
}

/** What the HTTP schema already refuses, asserted again here: the core is also called from other code. */
function assertAssessment(a: Assessment): void {
  const { adults, children, dependants } = a.household;
  const counts = [adults, children, dependants].every((n) => Number.isSafeInteger(n) && n >= 0) && adults >= 1;
  const amounts = [
    ...a.resources.map((r) => r.amountCents),
    ...a.expenses.flatMap((x) => (x.amountCents === undefined ? [] : [x.amountCents])),
  ].every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!counts || !amounts || !/^\d{4}-\d{2}-\d{2}$/.test(a.date)) {
    throw invalid(
      'affordability.invalid_assessment',
      'An assessment needs a date, at least one adult, whole non-negative counts and amounts in whole cents.',
    );
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** n / d rounded to the nearest integer, halves up (n ≥ 0, d > 0). */
function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}
