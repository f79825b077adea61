import { useTranslation } from 'react-i18next';
import {
  EXPENSE_BASES,
  EXPENSE_CATEGORIES,
  RESOURCE_TYPES,
  type ExpenseBasis,
  type ExpenseCategory,
  type ResourceType,
} from '../../../../src/affordability/contract.js';
import { Field } from '../../ui/fields.js';

export interface ResourceRow {
  key: number;
  type: ResourceType;
  amount: string;
}
export interface ExpenseRow {
  key: number;
  category: ExpenseCategory;
  basis: ExpenseBasis;
  amount: string;
}

let nextKey = 1;
export const newResource = (): ResourceRow => ({ key: nextKey++, type: 'salary', amount: '' });
export const newExpense = (category: ExpenseCategory): ExpenseRow => ({
  key: nextKey++,
  category,
  basis: 'actual',
  amount: '',
});

type Rows<T> = (update: (rows: T[]) => T[]) => void;

/** The household's monthly resources, one row each (its kind and amount), added and removed by the agent. */
export function ResourceRows({
  rows,
  setRows,
  invalidKeys,
}: {
  rows: ResourceRow[];
  setRows: Rows<ResourceRow>;
  invalidKeys: number[];
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="resources-heading">
      <h2 id="resources-heading">{t('budget.resources')}</h2>
      {rows.length === 0 ? <p className="muted">{t('budget.noResources')}</p> : null}
      <ol className="budget-rows">
        {rows.map((row, index) => {
          const n = index + 1;
          const change = (patch: Partial<ResourceRow>) =>
            setRows((all) => all.map((r) => (r.key === row.key ? { ...r, ...patch } : r)));
          return (
            <li key={row.key} className="budget-row">
              <SelectField
                id={`resource-type-${row.key}`}
                label={t('budget.resourceType', { n })}
                value={row.type}
                options={RESOURCE_TYPES}
                text={(v) => t(`budget.resourceTypes.${v}`)}
                onChange={(type) => change({ type })}
              />
              <AmountField
                id={`resource-amount-${row.key}`}
                label={t('budget.resourceAmount', { n })}
                value={row.amount}
                onChange={(amount) => change({ amount })}
                error={invalidKeys.includes(row.key) ? t('budget.amountInvalid', { n }) : null}
              />
              <button
                type="button"
                className="button secondary"
                onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
              >
                {t('budget.removeResource', { n })}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button secondary" onClick={() => setRows((all) => [...all, newResource()])}>
        {t('budget.addResource')}
      </button>
    </section>
  );
}

/** The household's monthly expenses, one row each: its category, its basis (actual or the standard allowance), its amount. */
export function ExpenseRows({
  rows,
  setRows,
  invalidKeys,
}: {
  rows: ExpenseRow[];
  setRows: Rows<ExpenseRow>;
  invalidKeys: number[];
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="expenses-heading">
      <h2 id="expenses-heading">{t('budget.expenses')}</h2>
      {rows.length === 0 ? <p className="muted">{t('budget.noExpenses')}</p> : null}
      <ol className="budget-rows">
        {rows.map((row, index) => {
          const n = index + 1;
          const change = (patch: Partial<ExpenseRow>) =>
            setRows((all) => all.map((x) => (x.key === row.key ? { ...x, ...patch } : x)));
          return (
            <li key={row.key} className="budget-row">
              <SelectField
                id={`expense-category-${row.key}`}
                label={t('budget.expenseCategory', { n })}
                value={row.category}
                options={EXPENSE_CATEGORIES}
                text={(v) => t(`budget.categories.${v}`)}
                onChange={(category) => change({ category })}
              />
              <SelectField
                id={`expense-basis-${row.key}`}
                label={t('budget.expenseBasis', { n })}
                value={row.basis}
                options={EXPENSE_BASES}
                text={(v) => t(`budget.bases.${v}`)}
                onChange={(basis) => change({ basis })}
              />
              <AmountField
                id={`expense-amount-${row.key}`}
                label={t('budget.expenseAmount', { n })}
                value={row.basis === 'standard' ? '' : row.amount}
                onChange={(amount) => change({ amount })}
                error={invalidKeys.includes(row.key) ? t('budget.amountInvalid', { n }) : null}
                standard={row.basis === 'standard' ? t('budget.fromTable') : null}
              />
              <button
                type="button"
                className="button secondary"
                onClick={() => setRows((all) => all.filter((x) => x.key !== row.key))}
              >
                {t('budget.removeExpense', { n })}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button secondary"
        onClick={() => setRows((all) => [...all, newExpense('food_household')])}
      >
        {t('budget.addExpense')}
      </button>
    </section>
  );
}

/** A labelled choice among a fixed list of codes, each shown by its translation. */
function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  text: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.text(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A monthly amount typed in euros; disabled with a placeholder when a standard allowance gives it. */
function AmountField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  standard?: string | null;
}) {
  const { standard = null } = props;
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={props.value}
          placeholder={standard ?? undefined}
          disabled={standard !== null}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
