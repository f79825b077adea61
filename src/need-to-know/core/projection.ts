import { isCareHold, isSpecialCategoryExpense } from './need-to-know.js';

/**
 * The kind-neutral name a restricted reader sees instead of a care hold's kind; its reason is withheld. What the hold
 * does (the channels it stops, until when) stays visible, so the reader still follows the rule.
 */
export const CARE_RULE = 'care_rule';

/** What a restricted reader sees instead of a special-category budget line. */
export const SPECIAL_CATEGORY = 'special_category';

export interface HoldDetails {
  kind: string;
  reason: string | null;
}

/** A hold as a restricted reader sees it: a care hold loses its kind and reason, other holds stay as they are. */
export function restrictHold<T extends HoldDetails>(hold: T): T & { restricted: boolean } {
  if (!isCareHold(hold.kind)) return { ...hold, restricted: false };
  return { ...hold, kind: CARE_RULE, reason: null, restricted: true };
}

/** A line of a household budget (`affordability/core/types.ts`), as far as need-to-know reads it. */
export interface BudgetLine {
  category: string;
  amountCents?: number | undefined;
  basis: string;
}

/**
 * A budget as a restricted reader sees it: each special-category line keeps its place but neither its category nor its
 * amount (it reads `special_category`); totals and the capacity are unchanged (they are what the reader's work needs).
 */
export function restrictAssessment<Budget extends { expenses: readonly BudgetLine[] }>(
  input: Budget,
): { input: Omit<Budget, 'expenses'> & { expenses: BudgetLine[] }; restrictedLines: number } {
  let restrictedLines = 0;
  const expenses = input.expenses.map((expense): BudgetLine => {
    if (!isSpecialCategoryExpense(expense.category)) return expense;
    restrictedLines += 1;
    return { category: SPECIAL_CATEGORY, basis: expense.basis };
  });
  return { input: { ...input, expenses }, restrictedLines };
}

/**
 * A computed budget's own list of lines (what each expense counted, the allowance it came from), as a restricted reader
 * sees it: the special-category lines are left out, since their place in the input already says that one exists.
 */
export function restrictResultLines<Result extends { expenseLines?: readonly BudgetLine[] | undefined }>(
  result: Result,
): Result {
  if (!result.expenseLines) return result;
  return { ...result, expenseLines: result.expenseLines.filter((line) => !isSpecialCategoryExpense(line.category)) };
}

/** Whether a budget holds any line a restricted reader may not see. */
export function hasSpecialCategoryLines(input: { expenses?: readonly BudgetLine[] }): boolean {
  return (input.expenses ?? []).some((expense) => isSpecialCategoryExpense(expense.category));
}
