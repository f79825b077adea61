import { say } from './text.js';
import type { BindingConstraint, ExpenseCategory, TraceLine } from './types.js';

/**
 * 7. What the household keeps each month: all its resources (the unseizable benefits too) minus the expenses it
 * declared, then minus the repayment; below the floor in force the page says so plainly.
 */
export function leftStep(
  { resourcesCents, excludedResourcesCents }: { resourcesCents: number; excludedResourcesCents: number },
  declaredExpensesCents: number,
  capacityCents: number,
  floorCents: number,
) {
  const incomeCents = resourcesCents + excludedResourcesCents;
  const leftAfterExpensesCents = incomeCents - declaredExpensesCents;
  const leftAfterRepaymentCents = leftAfterExpensesCents - capacityCents;
  const belowFloor = capacityCents > 0 && leftAfterRepaymentCents < floorCents;
  const lines: TraceLine[] = [
    {
      step: 'left_after_expenses',
      source: { kind: 'choice', choice: 'left_after_expenses' },
      valueCents: leftAfterExpensesCents,
      message: say({
        fr: (e) =>
          `Reste après les dépenses : ${e(incomeCents)} de ressources − ${e(declaredExpensesCents)} de dépenses déclarées = ${e(leftAfterExpensesCents)} par mois.`,
        en: (e) =>
          `Left after expenses: ${e(incomeCents)} of resources − ${e(declaredExpensesCents)} of declared expenses = ${e(leftAfterExpensesCents)} a month.`,
        it: (e) =>
          `Resta dopo le spese: ${e(incomeCents)} di risorse − ${e(declaredExpensesCents)} di spese dichiarate = ${e(leftAfterExpensesCents)} al mese.`,
      }),
    },
    {
      step: 'left_after_repayment',
      source: { kind: 'choice', choice: 'living_floor' },
      valueCents: leftAfterRepaymentCents,
      message: say({
        fr: (e) =>
          `Reste après les dépenses et le remboursement : ${e(leftAfterExpensesCents)} − ${e(capacityCents)} = ${e(leftAfterRepaymentCents)} par mois` +
          (belowFloor
            ? `, moins que le minimum de ${e(floorCents)} que le foyer doit garder : proposez moins, ou revoyez le budget avec lui.`
            : `${floorCents > 0 ? `, au-dessus du minimum de ${e(floorCents)}` : ''}.`),
        en: (e) =>
          `Left after expenses and the repayment: ${e(leftAfterExpensesCents)} − ${e(capacityCents)} = ${e(leftAfterRepaymentCents)} a month` +
          (belowFloor
            ? `, less than the ${e(floorCents)} minimum the household must keep: propose less, or review the budget with them.`
            : `${floorCents > 0 ? `, above the ${e(floorCents)} minimum` : ''}.`),
        it: (e) =>
          `Resta dopo le spese e il rimborso: ${e(leftAfterExpensesCents)} − ${e(capacityCents)} = ${e(leftAfterRepaymentCents)} al mese` +
          (belowFloor
            ? `, meno del minimo di ${e(floorCents)} che il nucleo deve tenere: proponete meno o rivedete il bilancio con il nucleo.`
            : `${floorCents > 0 ? `, sopra il minimo di ${e(floorCents)}` : ''}.`),
      }),
    },
  ];
  return { leftAfterExpensesCents, leftAfterRepaymentCents, belowFloor, lines };
}

export const ALLOWANCE_WORD = { fr: 'dont forfaits :', en: 'standard allowances:', it: 'importi forfettari:' };

export const CATEGORY_NAMES: Record<ExpenseCategory, { fr: string; en: string; it: string }> = {
  housing: { fr: 'logement', en: 'housing', it: 'abitazione' },
  energy: { fr: 'énergie', en: 'energy', it: 'energia' },
  water: { fr: 'eau', en: 'water', it: 'acqua' },
  food_household: { fr: 'alimentation et entretien', en: 'food and household', it: 'alimentazione e casa' },
  transport: { fr: 'transport', en: 'transport', it: 'trasporti' },
  health: { fr: 'santé', en: 'health', it: 'salute' },
  childcare_schooling: { fr: 'garde et scolarité', en: 'childcare and schooling', it: 'custodia e scuola' },
  insurance: { fr: 'assurances', en: 'insurance', it: 'assicurazioni' },
  telephone_internet: { fr: 'téléphone et internet', en: 'phone and internet', it: 'telefono e internet' },
  other_debts: { fr: 'autres dettes', en: 'other debts', it: 'altri debiti' },
  other: { fr: 'autres', en: 'other', it: 'altro' },
};

export const BOUND_NAMES: Record<BindingConstraint, { fr: string; en: string; it: string }> = {
  seizable_share: { fr: 'la quotité saisissable', en: 'the seizable share', it: 'la quota pignorabile' },
  rsa: { fr: 'les ressources moins le RSA', en: 'resources minus the RSA', it: 'le risorse meno il RSA' },
  expenses: { fr: 'les ressources moins les dépenses', en: 'resources minus expenses', it: 'le risorse meno le spese' },
};
