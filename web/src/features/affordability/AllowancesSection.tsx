import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPENSE_CATEGORIES } from '../../../../src/affordability/contract.js';
import { useFormat } from '../../i18n/format.js';
import type { ExpenseCategory, StandardAllowance } from './api.js';
import { AddAmountRowForm, AmountRowsSection, type Amounts } from './AmountRowsSection.js';
import type { Editing } from './editing.js';

const rowKey = (row: Pick<StandardAllowance, 'category' | 'effectiveFrom'>) =>
  `allowance:${row.category}@${row.effectiveFrom}`;

/** The standard allowances by category and effective date; administrators correct and add rows. */
export function AllowancesSection({
  rows,
  editing,
  onSave,
}: {
  rows: StandardAllowance[];
  editing: Editing;
  onSave: (row: StandardAllowance) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const category = (c: ExpenseCategory) => t(`budget.categories.${c}`);

  return (
    <AmountRowsSection
      section="allowances"
      rows={rows}
      editing={editing}
      rowKey={rowKey}
      describe={(row) => ({ category: category(row.category), date: format.date(row.effectiveFrom) })}
      keyHead={
        <>
          <th scope="col">{t('referenceData.allowances.category')}</th>
          <th scope="col">{t('referenceData.allowances.effectiveFrom')}</th>
        </>
      }
      keyCells={(row) => (
        <>
          <th scope="row">{category(row.category)}</th>
          <td>{format.date(row.effectiveFrom)}</td>
        </>
      )}
      onSaveRow={(row, { cents, status, source }) =>
        onSave({ ...cents, category: row.category, effectiveFrom: row.effectiveFrom, status, source })
      }
      addForm={(amounts) => <AddAllowanceForm amounts={amounts} editing={editing} onSave={onSave} />}
    />
  );
}

function AddAllowanceForm(props: {
  amounts: Amounts;
  editing: Editing;
  onSave: (row: StandardAllowance) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<ExpenseCategory>('food_household');
  return (
    <AddAmountRowForm
      section="allowances"
      formKey="allowance:new"
      amounts={props.amounts}
      initial={null}
      editing={props.editing}
      otherKeys={(id) => (
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('referenceData.allowances.category')}</label>
          <select
            id={`${id}-category`}
            value={category}
            onChange={(e) => setCategory(e.target.value as ExpenseCategory)}
          >
            {EXPENSE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`budget.categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      onSave={({ cents, status, source }, effectiveFrom) =>
        props.onSave({ ...cents, category, effectiveFrom, status, source })
      }
    />
  );
}
