import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPENSE_CATEGORIES } from '../../../../src/affordability/contract.js';
import { useFormat } from '../../i18n/format.js';
import type { ExpenseCategory, StandardAllowance } from './api.js';
import { AmountsForm } from './AmountsForm.js';
import { formId, openerId, type Editing } from './editing.js';
import { TextField } from './fields.js';
import { FiguresTable } from './FiguresTable.js';

const AMOUNTS = ['baseCents', 'perExtraPersonCents'] as const;

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
  const amounts = [
    { name: 'baseCents', label: t('referenceData.allowances.base') },
    { name: 'perExtraPersonCents', label: t('referenceData.allowances.perExtraPerson') },
  ] as const;
  const category = (c: ExpenseCategory) => t(`budget.categories.${c}`);
  const editRow = rows.find((row) => editing.current === rowKey(row));
  const addKey = 'allowance:new';

  return (
    <section className="card" aria-labelledby="allowances-heading">
      <h2 id="allowances-heading">{t('referenceData.allowances.heading')}</h2>
      <p>{t('referenceData.allowances.intro')}</p>
      <FiguresTable
        caption={t('referenceData.allowances.caption')}
        empty={t('referenceData.allowances.none')}
        rows={rows}
        editing={editing}
        rowKey={rowKey}
        editLabel={(row) =>
          t('referenceData.allowances.edit', { category: category(row.category), date: format.date(row.effectiveFrom) })
        }
        head={
          <>
            <th scope="col">{t('referenceData.allowances.category')}</th>
            <th scope="col">{t('referenceData.allowances.effectiveFrom')}</th>
            {amounts.map(({ name, label }) => (
              <th key={name} scope="col" className="number">
                {label}
              </th>
            ))}
          </>
        }
        cells={(row) => (
          <>
            <th scope="row">{category(row.category)}</th>
            <td>{format.date(row.effectiveFrom)}</td>
            {AMOUNTS.map((name) => (
              <td key={name} className="number">
                {format.money(row[name])}
              </td>
            ))}
          </>
        )}
      />
      {editRow ? (
        <AmountsForm
          key={rowKey(editRow)}
          id={formId(rowKey(editRow))}
          heading={t('referenceData.allowances.editHeading', {
            category: category(editRow.category),
            date: format.date(editRow.effectiveFrom),
          })}
          amounts={amounts}
          initial={{ cents: editRow, status: editRow.status, source: editRow.source }}
          onSave={({ cents, status, source }) =>
            onSave({ ...cents, category: editRow.category, effectiveFrom: editRow.effectiveFrom, status, source })
          }
          onCancel={editing.close}
        />
      ) : null}
      {editing.mayManage && editing.current === addKey ? (
        <AddAllowanceForm amounts={amounts} editing={editing} onSave={onSave} />
      ) : editing.mayManage ? (
        <p>
          <button type="button" id={openerId(addKey)} className="button secondary" onClick={() => editing.open(addKey)}>
            {t('referenceData.allowances.add')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function AddAllowanceForm(props: {
  amounts: readonly { name: (typeof AMOUNTS)[number]; label: string }[];
  editing: Editing;
  onSave: (row: StandardAllowance) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = formId('allowance:new');
  const [category, setCategory] = useState<ExpenseCategory>('food_household');
  const [date, setDate] = useState(`${new Date().getFullYear() + 1}-01-01`);
  return (
    <AmountsForm
      id={id}
      heading={t('referenceData.allowances.addHeading')}
      amounts={props.amounts}
      initial={null}
      keyValid={date !== ''}
      keyFields={(checked) => (
        <>
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
          <TextField
            id={`${id}-date`}
            type="date"
            label={t('referenceData.allowances.effectiveFrom')}
            value={date}
            onChange={setDate}
            hint={t('referenceData.form.dateHint')}
            error={checked && date === '' ? t('referenceData.form.dateMissing') : null}
          />
        </>
      )}
      onSave={({ cents, status, source }) => props.onSave({ ...cents, category, effectiveFrom: date, status, source })}
      onCancel={props.editing.close}
    />
  );
}
