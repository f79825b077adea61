import type { Message } from '../../platform/message.js';

/**
 * The household budget (bilan) and the reference data of its computation (shared/domain/REGULATION.md §2, §7).
 * Every amount is monthly, in integer cents, except the seizure scale's thresholds, which are yearly (as in the law).
 */

export const RESOURCE_TYPES = [
  'salary',
  'pension',
  'unemployment',
  'benefit',
  'rsa',
  'family_benefit',
  'housing_benefit',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/**
 * Benefits that cannot be seized are left out of the base R [CHOICE of REGULATION.md §7.1]: the RSA itself, family
 * benefits and housing benefit (CSS L553-4, CCH L821-5). They are still shown to the household, as excluded.
 */
export const UNSEIZABLE_RESOURCES: readonly ResourceType[] = ['rsa', 'family_benefit', 'housing_benefit'];

export const EXPENSE_CATEGORIES = [
  'housing',
  'energy',
  'water',
  'food_household',
  'transport',
  'health',
  'childcare_schooling',
  'insurance',
  'telephone_internet',
  'other_debts',
  'other',
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const EXPENSE_BASES = ['actual', 'actual_with_evidence', 'standard'] as const;
export type ExpenseBasis = (typeof EXPENSE_BASES)[number];

export interface Household {
  adults: number;
  children: number;
  /** Dependants in the sense of Code du travail R3252-3 (spouse without resources, children, ascendants). */
  dependants: number;
}

export interface Resource {
  type: ResourceType;
  amountCents: number;
}

export interface Expense {
  category: ExpenseCategory;
  /** The actual amount; for a standard allowance, ignored (the reference table gives it) and may be left out. */
  amountCents?: number | undefined;
  basis: ExpenseBasis;
}

export interface Assessment {
  /** The evaluation date, YYYY-MM-DD: it chooses the reference data in force. */
  date: string;
  household: Household;
  resources: Resource[];
  expenses: Expense[];
  /** What the household owes in total, when known: a capacity that would need more than 84 months is flagged. */
  debtCents?: number | undefined;
}

/** Whether a figure comes from a primary source or only a secondary one to be checked ([CHECK] in REGULATION.md). */
export type FigureStatus = 'law' | 'check' | 'placeholder';

/** One bracket of the wage-seizure scale (Code du travail R3252-2): the fraction seized of the yearly pay up to `upToCents`. */
export interface ScaleBracket {
  /** The bracket's upper bound on yearly net pay (before the dependants' uplift); null for the last, open bracket. */
  upToCents: number | null;
  numerator: number;
  denominator: number;
}

export interface SeizureScale {
  year: number;
  brackets: ScaleBracket[];
  /** Added to each threshold per dependant (R3252-3), yearly. */
  upliftPerDependantCents: number;
  status: FigureStatus;
  source: string;
}

/** The RSA lump sum (CASF L262-2) from an effective date (each 1 April). */
export interface RsaAmounts {
  effectiveFrom: string;
  /** A single person. */
  singleCents: number;
  /** A couple, or a single person with one child. */
  coupleCents: number;
  /** A couple with one child, or a single person with two children. */
  coupleOneChildCents: number;
  /** A couple with two children. */
  coupleTwoChildrenCents: number;
  /** Each further child (or further person). */
  furtherPersonCents: number;
  status: FigureStatus;
  source: string;
}

/** A standard allowance (forfait): `baseCents` for one person plus `perExtraPersonCents` for each other person. */
export interface StandardAllowance {
  category: ExpenseCategory;
  effectiveFrom: string;
  baseCents: number;
  perExtraPersonCents: number;
  status: FigureStatus;
  source: string;
}

/**
 * The least a household should keep each month once it has paid its expenses and the repayment, from an effective
 * date: `baseCents` for one person plus `perExtraPersonCents` for each other one. The agency's choice (a margin for
 * the unexpected, REGULATION.md §7), dated like every other figure; below it the budget page warns in plain words.
 */
export interface LivingFloor {
  effectiveFrom: string;
  baseCents: number;
  perExtraPersonCents: number;
  status: FigureStatus;
  source: string;
}

/** Everything on file; `referenceInForce` picks what applies at a date. */
export interface ReferenceData {
  scales: SeizureScale[];
  rsa: RsaAmounts[];
  allowances: StandardAllowance[];
  /** The floors on file, each from its effective date. */
  floors: LivingFloor[];
}

/** The reference data in force at one date. */
export interface ReferenceInForce {
  scale: SeizureScale;
  rsa: RsaAmounts;
  /** The allowance in force per category (absent when the table has none). */
  allowances: Partial<Record<ExpenseCategory, StandardAllowance>>;
  /** The floor in force, or null before the first one. */
  floor: LivingFloor | null;
}

export const BINDING_CONSTRAINTS = ['seizable_share', 'rsa', 'expenses'] as const;
export type BindingConstraint = (typeof BINDING_CONSTRAINTS)[number];

export const FLAGS = [
  'capacity_zero',
  'negative_margin',
  'beyond_84_months',
  'orient_banque_de_france',
  'figures_to_check',
  'placeholder_allowance',
  'below_floor',
] as const;
export type Flag = (typeof FLAGS)[number];

/** What an agency chooses where the law leaves it free; the web app says each in words, in the reader's language. */
export const CHOICES = ['unseizable_left_out', 'left_after_expenses', 'living_floor'] as const;
export type Choice = (typeof CHOICES)[number];

/** The source of a step: an article of law, cited as the law names it, or the agency's own choice. */
export type RuleSource = { kind: 'law'; citation: string } | { kind: 'choice'; choice: Choice };

export interface TraceLine {
  step: string;
  source: RuleSource;
  valueCents: number;
  message: Message;
}

/** An expense as counted: its amount, the allowance's when the basis is the standard one. */
export interface ExpenseLine {
  category: ExpenseCategory;
  basis: ExpenseBasis;
  amountCents: number;
  /** The effective date of the standard allowance used, or null for an actual amount. */
  allowanceFrom: string | null;
}

export interface CapacityResult {
  date: string;
  capacityCents: number;
  bindingConstraint: BindingConstraint;
  /** R: the monthly resources that make the base (unseizable benefits left out). */
  resourcesCents: number;
  excludedResourcesCents: number;
  seizableShareCents: number;
  householdRsaCents: number;
  /** EXP: the day-to-day expenses, counted as at least the household RSA. */
  expensesCents: number;
  declaredExpensesCents: number;
  /** R − capacity (the law's "reste à vivre", unseizable benefits aside). */
  leftToLiveOnCents: number;
  /** Every resource (unseizable benefits included) minus the expenses declared: what the household has left each month. */
  leftAfterExpensesCents: number;
  /** What it has left once it also pays the capacity. */
  leftAfterRepaymentCents: number;
  /** The floor in force for this household (0 before the first one on file). */
  floor: { effectiveFrom: string | null; amountCents: number; status: FigureStatus | null };
  expenseLines: ExpenseLine[];
  trace: TraceLine[];
  flags: Flag[];
  /** Which reference rows were used, so a saved assessment stays explainable after a correction of the tables. */
  reference: {
    scaleYear: number;
    rsaEffectiveFrom: string;
    allowances: { category: ExpenseCategory; effectiveFrom: string }[];
  };
}
