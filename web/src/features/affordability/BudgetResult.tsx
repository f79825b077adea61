import { useTranslation } from 'react-i18next';
import { sayMessage } from '../../i18n/amounts.js';
import { useFormat } from '../../i18n/format.js';
import { DataTable, type Column } from '../../ui/DataTable.js';
import { Facts } from '../../ui/Facts.js';
import type { BudgetVersion, CapacityResult } from './api.js';

/** The capacity computed, which bound holds it, the warnings, the figures counted and each step of the rule. */
export function BudgetResult({ result }: { result: CapacityResult | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="result-heading" aria-live="polite">
      <h2 id="result-heading">{t('budget.result')}</h2>
      {result === null ? (
        <p className="muted">{t('budget.notComputed')}</p>
      ) : (
        <>
          <p className="budget-capacity">
            <strong className="amount" data-testid="capacity">
              {t('budget.perMonth', { amount: format.money(result.capacityCents) })}
            </strong>
          </p>
          <p>{t('budget.boundBy', { bound: t(`budget.bounds.${result.bindingConstraint}`) })}</p>
          <LeftFigures result={result} />
          {result.flags.some((f) => f !== 'below_floor') ? (
            <ul className="budget-flags">
              {result.flags
                .filter((f) => f !== 'below_floor')
                .map((flag) => (
                  <li
                    key={flag}
                    className={
                      flag === 'orient_banque_de_france' || flag === 'capacity_zero' ? 'warning-text' : undefined
                    }
                  >
                    {t(`budget.flags.${flag}`)}
                  </li>
                ))}
            </ul>
          ) : null}
          <Facts
            items={[
              { label: t('budget.resourcesCounted'), value: format.money(result.resourcesCents) },
              { label: t('budget.seizableShare'), value: format.money(result.seizableShareCents) },
              { label: t('budget.householdRsa'), value: format.money(result.householdRsaCents) },
              { label: t('budget.expensesCounted'), value: format.money(result.expensesCents) },
              ...(result.expenseLines ?? [])
                .filter((x) => x.basis === 'standard')
                .map((x) => ({
                  label: t('budgetLeft.allowanceUsed', {
                    category: t(`budget.categories.${x.category}`).toLowerCase(),
                  }),
                  value: format.money(x.amountCents),
                })),
            ]}
          />
          <h3>{t('budget.steps')}</h3>
          <ol className="budget-trace">
            {result.trace.map((line) => (
              <li key={line.step}>
                <p>{sayMessage(format, line.message)}</p>
                {line.source ? (
                  <p className="hint">
                    {t('budgetLeft.source', {
                      source:
                        line.source.kind === 'law'
                          ? line.source.citation
                          : t(`budgetLeft.choices.${line.source.choice}`),
                    })}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * What the household keeps each month after its expenses, and after the repayment too, against the floor in force:
 * below it, a warning in plain words. Budgets recorded before these figures existed show none of them.
 */
function LeftFigures({ result }: { result: CapacityResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (result.leftAfterExpensesCents === undefined || result.leftAfterRepaymentCents === undefined) return null;
  const floor = result.floor?.amountCents ?? 0;
  return (
    <>
      <Facts
        items={[
          { label: t('budgetLeft.afterExpenses'), value: format.money(result.leftAfterExpensesCents) },
          {
            label: t('budgetLeft.afterRepayment'),
            value: <span data-testid="left-after-repayment">{format.money(result.leftAfterRepaymentCents)}</span>,
          },
          ...(floor > 0 ? [{ label: t('budgetLeft.floor'), value: format.money(floor) }] : []),
        ]}
      />
      {result.flags.includes('below_floor') ? (
        <p className="warning-text" role="alert" data-testid="below-floor">
          {t('budgetLeft.belowFloor', {
            capacity: format.money(result.capacityCents),
            left: format.money(result.leftAfterRepaymentCents),
            floor: format.money(floor),
          })}
          {result.floor?.status === 'placeholder' ? ` ${t('budgetLeft.floorPlaceholder')}` : ''}
        </p>
      ) : null}
    </>
  );
}

/** The versions of the debtor's budget recorded so far (each keeps the figures it was computed with). */
export function BudgetVersions({ items }: { items: BudgetVersion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: Column<BudgetVersion>[] = [
    { header: t('budget.version'), cell: (v) => v.version },
    { header: t('budget.evaluatedOn'), cell: (v) => format.date(v.date) },
    { header: t('budget.capacity'), className: 'number', cell: (v) => format.money(v.result.capacityCents) },
    { header: t('budget.recordedBy'), cell: (v) => v.recordedBy?.displayName ?? t('budget.declaredOnPortal') },
    { header: t('budget.recordedAt'), cell: (v) => format.dateTime(v.recordedAt) },
  ];
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('budget.versions')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('budget.noVersions')}</p>
      ) : (
        <DataTable caption={t('budget.versionsCaption')} columns={columns} rows={items} rowKey={(v) => v.id} />
      )}
    </section>
  );
}
