import { CareBudgetSummary } from './CareBudgetSummary.js';
import { CarePanel } from './CarePanel.js';

/**
 * The care specialist's case screen starts with the person (the situation, signals, referrals, then the budget);
 * the case page puts the amount and the rest after it.
 */
export function CareFirst(props: { caseId: string; debtorId: string; caseOpen: boolean; onChanged: () => void }) {
  return (
    <>
      <CarePanel {...props} />
      <CareBudgetSummary caseId={props.caseId} debtorId={props.debtorId} />
    </>
  );
}
