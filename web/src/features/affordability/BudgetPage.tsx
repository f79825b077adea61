import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EXPENSE_BASES, EXPENSE_CATEGORIES, RESOURCE_TYPES, type ExpenseBasis, type ExpenseCategory, type ResourceType } from '../../../../src/affordability/contract.js';
import { computeBudget, listBudgets, saveBudget } from './api.js';
import type { BudgetInput, BudgetVersion, CapacityResult } from './api.js';
import type { CaseDetail } from '../portfolio/api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { CaseSubpage } from '../portfolio/CaseSubpage.js';
import { Facts } from '../../ui/Facts.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { parseEurosToCents, useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { browserToday } from '../../ui/today.js';

/** The household budget (bilan) of a case's debtor: the agent enters it, reads the capacity and why. */
export function BudgetPage() {
  return <CaseSubpage headingKey="budget.heading" titleKey="budget.title">{(found) => <BudgetView detail={found} />}</CaseSubpage>;
}

interface ResourceRow {
  key: number;
  type: ResourceType;
  amount: string;
}
interface ExpenseRow {
  key: number;
  category: ExpenseCategory;
  basis: ExpenseBasis;
  amount: string;
}

const today = browserToday;

let nextKey = 1;

function BudgetView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const mayRead = can(me.role, 'affordability.read');
  const mayRecord = can(me.role, 'affordability.record');
  const [date, setDate] = useState(today);
  const [adults, setAdults] = useState('1');
  const [children, setChildren] = useState('0');
  const [dependants, setDependants] = useState('0');
  const [resources, setResources] = useState<ResourceRow[]>([{ key: nextKey++, type: 'salary', amount: '' }]);
  const [expenses, setExpenses] = useState<ExpenseRow[]>([{ key: nextKey++, category: 'housing', basis: 'actual', amount: '' }]);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState<'compute' | 'save' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<CapacityResult | null>(null);
  const [saved, setSaved] = useState('');
  const versions = useApiData((signal) => (mayRead ? listBudgets(detail.debtor.id, signal) : Promise.resolve({ items: [] })), detail.debtor.id);

  const badResources = resources.filter((r) => parseEurosToCents(r.amount) === null).map((r) => r.key);
  const badExpenses = expenses.filter((x) => x.basis !== 'standard' && parseEurosToCents(x.amount) === null).map((x) => x.key);

  function budget(): BudgetInput | null {
    if (badResources.length > 0 || badExpenses.length > 0) return null;
    return {
      date,
      household: { adults: Number(adults), children: Number(children), dependants: Number(dependants) },
      resources: resources.map((r) => ({ type: r.type, amountCents: parseEurosToCents(r.amount)! })),
      expenses: expenses.map((x) => (x.basis === 'standard' ? { category: x.category, basis: x.basis } : { category: x.category, basis: x.basis, amountCents: parseEurosToCents(x.amount)! })),
    };
  }

  async function run(action: 'compute' | 'save') {
    setChecked(true);
    setError(null);
    setSaved('');
    const body = budget();
    if (!body) return;
    setBusy(action);
    try {
      if (action === 'compute') {
        setResult(await computeBudget(body));
      } else {
        const version = await saveBudget(detail.debtor.id, body);
        setResult(version.result);
        setSaved(t('budget.saved', { version: version.version }));
        versions.reload();
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run('compute');
  }

  const count = (id: string, label: string, value: string, set: (v: string) => void, min: number, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={min} max={50} step={1} required value={value} onChange={(e) => set(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );

  return (
    <>
      <p className="back-link">
        <Link to={`/cases/${detail.id}`}>
          <span aria-hidden="true">← </span>
          {t('budget.back', { reference: detail.reference })}
        </Link>
      </p>
      <h1>{t('budget.heading', { name: detail.debtor.displayName })}</h1>
      <p>{t('budget.intro')}</p>
      {can(me.role, 'reference_data.read') ? (
        <p>
          <Link to="/reference-data">{t('referenceData.budgetLink')}</Link>
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <section className="card" aria-labelledby="household-heading">
          <h2 id="household-heading">{t('budget.household')}</h2>
          <div className="grid-form">
            <div className="field">
              <label htmlFor="budget-date">{t('budget.date')}</label>
              <input id="budget-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
            {count('budget-adults', t('budget.adults'), adults, setAdults, 1)}
            {count('budget-children', t('budget.children'), children, setChildren, 0)}
            {count('budget-dependants', t('budget.dependants'), dependants, setDependants, 0, t('budget.dependantsHint'))}
          </div>
        </section>

        <section className="card" aria-labelledby="resources-heading">
          <h2 id="resources-heading">{t('budget.resources')}</h2>
          {resources.length === 0 ? <p className="muted">{t('budget.noResources')}</p> : null}
          <ol className="budget-rows">
            {resources.map((row, index) => {
              const n = index + 1;
              const invalid = checked && badResources.includes(row.key);
              const change = (patch: Partial<ResourceRow>) => setResources((rows) => rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r)));
              return (
                <li key={row.key} className="budget-row">
                  <SelectField id={`resource-type-${row.key}`} label={t('budget.resourceType', { n })} value={row.type} options={RESOURCE_TYPES} text={(v) => t(`budget.resourceTypes.${v}`)} onChange={(type) => change({ type })} />
                  <AmountField id={`resource-amount-${row.key}`} label={t('budget.resourceAmount', { n })} value={row.amount} onChange={(amount) => change({ amount })} error={invalid ? t('budget.amountInvalid', { n }) : null} />
                  <button type="button" className="button secondary" onClick={() => setResources((rows) => rows.filter((r) => r.key !== row.key))}>
                    {t('budget.removeResource', { n })}
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button secondary" onClick={() => setResources((rows) => [...rows, { key: nextKey++, type: 'salary', amount: '' }])}>
            {t('budget.addResource')}
          </button>
        </section>

        <section className="card" aria-labelledby="expenses-heading">
          <h2 id="expenses-heading">{t('budget.expenses')}</h2>
          {expenses.length === 0 ? <p className="muted">{t('budget.noExpenses')}</p> : null}
          <ol className="budget-rows">
            {expenses.map((row, index) => {
              const n = index + 1;
              const invalid = checked && badExpenses.includes(row.key);
              const change = (patch: Partial<ExpenseRow>) => setExpenses((rows) => rows.map((x) => (x.key === row.key ? { ...x, ...patch } : x)));
              return (
                <li key={row.key} className="budget-row">
                  <SelectField id={`expense-category-${row.key}`} label={t('budget.expenseCategory', { n })} value={row.category} options={EXPENSE_CATEGORIES} text={(v) => t(`budget.categories.${v}`)} onChange={(category) => change({ category })} />
                  <SelectField id={`expense-basis-${row.key}`} label={t('budget.expenseBasis', { n })} value={row.basis} options={EXPENSE_BASES} text={(v) => t(`budget.bases.${v}`)} onChange={(basis) => change({ basis })} />
                  <AmountField
                    id={`expense-amount-${row.key}`}
                    label={t('budget.expenseAmount', { n })}
                    value={row.basis === 'standard' ? '' : row.amount}
                    onChange={(amount) => change({ amount })}
                    error={invalid ? t('budget.amountInvalid', { n }) : null}
                    standard={row.basis === 'standard' ? t('budget.fromTable') : null}
                  />
                  <button type="button" className="button secondary" onClick={() => setExpenses((rows) => rows.filter((x) => x.key !== row.key))}>
                    {t('budget.removeExpense', { n })}
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button secondary" onClick={() => setExpenses((rows) => [...rows, { key: nextKey++, category: 'food_household', basis: 'actual', amount: '' }])}>
            {t('budget.addExpense')}
          </button>
        </section>

        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy !== null}>
            {busy === 'compute' ? t('budget.computing') : t('budget.compute')}
          </button>
          {mayRecord ? (
            <button type="button" className="button secondary" disabled={busy !== null} onClick={() => void run('save')}>
              {busy === 'save' ? t('budget.saving') : t('budget.save')}
            </button>
          ) : null}
        </div>
      </form>
      <div role="status" className="status-area">
        {saved ? <p className="success">{saved}</p> : null}
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      <BudgetResult result={result} />
      {mayRead ? (
        <AsyncContent data={versions} onRetry={versions.reload}>
          {(found) => <Versions items={found.items} />}
        </AsyncContent>
      ) : null}
    </>
  );
}

/** A labelled choice among a fixed list of codes, each shown by its translation. */
function SelectField<T extends string>(props: { id: string; label: string; value: T; options: readonly T[]; text: (value: T) => string; onChange: (value: T) => void }) {
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
function AmountField(props: { id: string; label: string; value: string; onChange: (value: string) => void; error: string | null; standard?: string | null }) {
  const { id, error, standard = null } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={props.value}
        placeholder={standard ?? undefined}
        disabled={standard !== null}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : undefined}
      />
      {error !== null ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function BudgetResult({ result }: { result: CapacityResult | null }) {
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
          {result.flags.length > 0 ? (
            <ul className="budget-flags">
              {result.flags.map((flag) => (
                <li key={flag} className={flag === 'orient_banque_de_france' || flag === 'capacity_zero' ? 'warning-text' : undefined}>
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
              { label: t('budget.leftToLiveOn'), value: format.money(result.leftToLiveOnCents) },
            ]}
          />
          <h3>{t('budget.steps')}</h3>
          <ol className="budget-trace">
            {result.trace.map((line) => (
              <li key={line.step}>
                <p>{line.message[format.locale]}</p>
                <p className="hint">{t('budget.rule', { rule: line.rule })}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Versions({ items }: { items: BudgetVersion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('budget.versions')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('budget.noVersions')}</p>
      ) : (
        <TableScroll label={t('budget.versionsCaption')}>
          <table>
            <caption className="visually-hidden">{t('budget.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.version')}</th>
                <th scope="col">{t('budget.evaluatedOn')}</th>
                <th scope="col" className="number">
                  {t('budget.capacity')}
                </th>
                <th scope="col">{t('budget.recordedBy')}</th>
                <th scope="col">{t('budget.recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr key={v.id}>
                  <td>{v.version}</td>
                  <td>{format.date(v.date)}</td>
                  <td className="number">{format.money(v.result.capacityCents)}</td>
                  <td>{v.recordedBy.displayName}</td>
                  <td>{format.dateTime(v.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
