import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { sayMessage } from '../../i18n/amounts.js';
import { parseEurosToCents, useFormat } from '../../i18n/format.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { EXPENSE_CATEGORIES, RESOURCE_TYPES, portalPlansApi, type PortalBudget } from './plans-api.js';

type Amounts = Record<string, string>;

/** The amounts typed, in cents (empty lines left out), or the names of the lines that are not amounts. */
function readAmounts<T extends string>(names: readonly T[], texts: Amounts) {
  const lines: { name: T; amountCents: number }[] = [];
  const invalid: string[] = [];
  for (const name of names) {
    const text = (texts[name] ?? '').trim();
    if (text === '') continue;
    const cents = parseEurosToCents(text);
    if (cents === null) invalid.push(name);
    else lines.push({ name, amountCents: cents });
  }
  return { lines, invalid };
}

/**
 * The person's budget in plain words: their household, what comes in and goes out each month. Saved as their own
 * declaration and computed by the agents' computation; the capacity is said with the same explanation, step by step.
 */
export function PortalBudgetPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('portal.budgetPlan.budgetTitle'));
  const [household, setHousehold] = useState({ adults: '1', children: '0', dependants: '0' });
  const [income, setIncome] = useState<Amounts>({});
  const [charges, setCharges] = useState<Amounts>({});
  const [invalid, setInvalid] = useState<string[]>([]);
  const [saved, setSaved] = useState<PortalBudget | null>(null);
  const sending = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const resources = readAmounts(RESOURCE_TYPES, income);
    const expenses = readAmounts(EXPENSE_CATEGORIES, charges);
    const wrong = [...resources.invalid, ...expenses.invalid];
    setInvalid(wrong);
    if (wrong.length > 0) return;
    await sending.run(async () => {
      setSaved(
        await portalPlansApi.declareBudget(caseId, {
          household: {
            adults: Number(household.adults),
            children: Number(household.children),
            dependants: Number(household.dependants),
          },
          resources: resources.lines.map((line) => ({ type: line.name, amountCents: line.amountCents })),
          expenses: expenses.lines.map((line) => ({ category: line.name, amountCents: line.amountCents })),
        }),
      );
    });
  }

  if (saved) return <BudgetSaved caseId={caseId} budget={saved} />;
  const count = (name: keyof typeof household, min: number) => (
    <Field id={`portal-budget-${name}`} label={t(`portal.budgetPlan.${name}`)}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={min}
          max={20}
          required
          value={household[name]}
          onChange={(event) => setHousehold({ ...household, [name]: event.target.value })}
        />
      )}
    </Field>
  );
  const amount = (prefix: 'resources' | 'categories', name: string, texts: Amounts, set: (a: Amounts) => void) => (
    <Field
      key={name}
      id={`portal-budget-${name}`}
      label={t(`portal.budgetPlan.${prefix}.${name}`)}
      error={invalid.includes(name) ? t('portal.budgetPlan.amountInvalid') : undefined}
    >
      {(control) => (
        <input
          {...control}
          inputMode="decimal"
          autoComplete="off"
          value={texts[name] ?? ''}
          onChange={(event) => set({ ...texts, [name]: event.target.value })}
        />
      )}
    </Field>
  );
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <h1>{t('portal.budgetPlan.budgetHeading')}</h1>
      <p>{t('portal.budgetPlan.budgetIntro')}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('portal.budgetPlan.household')}</legend>
          {count('adults', 1)}
          {count('children', 0)}
          {count('dependants', 0)}
          <p className="hint">{t('portal.budgetPlan.dependantsHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('portal.budgetPlan.income')}</legend>
          <p className="hint">{t('portal.budgetPlan.incomeHint')}</p>
          {RESOURCE_TYPES.map((name) => amount('resources', name, income, setIncome))}
        </fieldset>
        <fieldset>
          <legend>{t('portal.budgetPlan.charges')}</legend>
          <p className="hint">{t('portal.budgetPlan.incomeHint')}</p>
          {EXPENSE_CATEGORIES.map((name) => amount('categories', name, charges, setCharges))}
        </fieldset>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.budgetPlan.compute')}
        </button>
      </form>
    </div>
  );
}

/** The capacity of the budget saved, in a sentence, and the agents' explanation of it, step by step. */
export function BudgetSaved({ caseId, budget }: { caseId: string; budget: PortalBudget }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { result } = budget;
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <h1>{t('portal.budgetPlan.budgetHeading')}</h1>
      <p role="status" data-testid="portal-capacity">
        <strong>
          {result.capacityCents > 0
            ? t('portal.budgetPlan.capacity', { amount: format.money(result.capacityCents) })
            : t('portal.budgetPlan.capacityZero')}
        </strong>
      </p>
      {result.leftAfterRepaymentCents !== undefined ? (
        <p>{t('portal.budgetPlan.left', { amount: format.money(result.leftAfterRepaymentCents) })}</p>
      ) : null}
      <details>
        <summary>{t('portal.budgetPlan.how')}</summary>
        <ol>
          {result.trace.map((line) => (
            <li key={line.step}>{sayMessage(format, line.message)}</li>
          ))}
        </ol>
      </details>
      <p>
        <Link className="button primary" to={`/portal/cases/${caseId}/plan`}>
          {t('portal.budgetPlan.seePlans')}
        </Link>
      </p>
    </div>
  );
}
