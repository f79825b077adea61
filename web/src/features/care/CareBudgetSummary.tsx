import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { listBudgets } from '../affordability/api.js';

/** The debtor's latest budget in a few figures, for the care case screen: what is left, set against the RSA. */
export function CareBudgetSummary({ caseId, debtorId }: { caseId: string; debtorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const budgets = useApiData((signal) => listBudgets(debtorId, signal), debtorId);
  return (
    <section className="card" aria-labelledby="care-budget-heading">
      <h2 id="care-budget-heading">{t('care.budget.heading')}</h2>
      <AsyncContent data={budgets} onRetry={budgets.reload}>
        {(found) => {
          const latest = [...found.items].sort((a, b) => b.version - a.version)[0];
          if (!latest) return <p>{t('care.budget.none')}</p>;
          return (
            <Facts
              items={[
                { label: t('care.budget.date'), value: format.date(latest.date) },
                {
                  label: t('care.budget.capacity'),
                  value: <strong>{format.money(latest.result.capacityCents)}</strong>,
                },
                { label: t('care.budget.resources'), value: format.money(latest.result.resourcesCents) },
                { label: t('care.budget.rsa'), value: format.money(latest.result.householdRsaCents) },
              ]}
            />
          );
        }}
      </AsyncContent>
      <p>
        <Link className="button secondary" to={`/cases/${caseId}/budget`}>
          {t('care.budget.open')}
        </Link>
      </p>
    </section>
  );
}
