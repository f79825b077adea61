import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { parseEurosToCents } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { browserToday } from '../../ui/today.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import type { CaseDetail } from '../portfolio/api.js';
import { CaseSubpage } from '../portfolio/CaseSubpage.js';
import { computeBudget, listBudgets, saveBudget, type BudgetInput, type CapacityResult } from './api.js';
import { BudgetResult, BudgetVersions } from './BudgetResult.js';
import { ExpenseRows, newExpense, newResource, ResourceRows, type ExpenseRow, type ResourceRow } from './BudgetRows.js';

/** The household budget (bilan) of a case's debtor: the agent enters it, reads the capacity and why. */
export function BudgetPage() {
  return (
    <CaseSubpage headingKey="budget.heading" titleKey="budget.title">
      {(found) => <BudgetView detail={found} />}
    </CaseSubpage>
  );
}

interface Household {
  date: string;
  adults: string;
  children: string;
  dependants: string;
}

/** The budget to send, or null while an amount cannot be read (the rows at fault are marked). */
function budgetOf(household: Household, resources: ResourceRow[], expenses: ExpenseRow[]): BudgetInput | null {
  if (resources.some((r) => parseEurosToCents(r.amount) === null)) return null;
  if (expenses.some((x) => x.basis !== 'standard' && parseEurosToCents(x.amount) === null)) return null;
  return {
    date: household.date,
    household: {
      adults: Number(household.adults),
      children: Number(household.children),
      dependants: Number(household.dependants),
    },
    resources: resources.map((r) => ({ type: r.type, amountCents: parseEurosToCents(r.amount) ?? 0 })),
    expenses: expenses.map((x) =>
      x.basis === 'standard'
        ? { category: x.category, basis: x.basis }
        : { category: x.category, basis: x.basis, amountCents: parseEurosToCents(x.amount) ?? 0 },
    ),
  };
}

function BudgetView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const mayRead = can(me.role, 'affordability.read');
  const mayRecord = can(me.role, 'affordability.record');
  const [household, setHousehold] = useState<Household>(() => ({
    date: browserToday(),
    adults: '1',
    children: '0',
    dependants: '0',
  }));
  const [resources, setResources] = useState(() => [newResource()]);
  const [expenses, setExpenses] = useState(() => [newExpense('housing')]);
  const [checked, setChecked] = useState(false);
  const sending = useSubmit();
  const [action, setAction] = useState<'compute' | 'save'>('compute');
  const [result, setResult] = useState<CapacityResult | null>(null);
  const versions = useApiData(
    (signal) => (mayRead ? listBudgets(detail.debtor.id, signal) : Promise.resolve({ items: [] })),
    detail.debtor.id,
  );

  const badResources = checked ? resources.filter((r) => parseEurosToCents(r.amount) === null).map((r) => r.key) : [];
  const badExpenses = checked
    ? expenses.filter((x) => x.basis !== 'standard' && parseEurosToCents(x.amount) === null).map((x) => x.key)
    : [];

  async function run(chosen: 'compute' | 'save') {
    setChecked(true);
    sending.reset();
    const body = budgetOf(household, resources, expenses);
    if (!body) return;
    setAction(chosen);
    await sending.run(async () => {
      if (chosen === 'compute') {
        setResult(await computeBudget(body));
        return;
      }
      const version = await saveBudget(detail.debtor.id, body);
      setResult(version.result);
      versions.reload();
      return (t) => t('budget.saved', { version: version.version });
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run('compute');
  }

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
        <HouseholdFields
          household={household}
          onChange={(patch) => setHousehold((current) => ({ ...current, ...patch }))}
        />
        <ResourceRows rows={resources} setRows={setResources} invalidKeys={badResources} />
        <ExpenseRows rows={expenses} setRows={setExpenses} invalidKeys={badExpenses} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={sending.busy}>
            {sending.busy && action === 'compute' ? t('budget.computing') : t('budget.compute')}
          </button>
          {mayRecord ? (
            <button type="button" className="button secondary" disabled={sending.busy} onClick={() => void run('save')}>
              {sending.busy && action === 'save' ? t('budget.saving') : t('budget.save')}
            </button>
          ) : null}
        </div>
      </form>
      <SubmitFeedback submit={sending} />
      <BudgetResult result={result} />
      {mayRead ? (
        <AsyncContent data={versions} onRetry={versions.reload}>
          {(found) => <BudgetVersions items={found.items} />}
        </AsyncContent>
      ) : null}
    </>
  );
}

/** When the budget is evaluated, and who lives in the household. */
function HouseholdFields({
  household,
  onChange,
}: {
  household: Household;
  onChange: (patch: Partial<Household>) => void;
}) {
  const { t } = useTranslation();
  const count = (id: string, name: 'adults' | 'children' | 'dependants', min: number, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{t(`budget.${name}`)}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={50}
        step={1}
        required
        value={household[name]}
        onChange={(e) => onChange({ [name]: e.target.value })}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
  return (
    <section className="card" aria-labelledby="household-heading">
      <h2 id="household-heading">{t('budget.household')}</h2>
      <div className="grid-form">
        <div className="field">
          <label htmlFor="budget-date">{t('budget.date')}</label>
          <input
            id="budget-date"
            type="date"
            required
            value={household.date}
            onChange={(e) => onChange({ date: e.target.value })}
          />
        </div>
        {count('budget-adults', 'adults', 1)}
        {count('budget-children', 'children', 0)}
        {count('budget-dependants', 'dependants', 0, t('budget.dependantsHint'))}
      </div>
    </section>
  );
}
