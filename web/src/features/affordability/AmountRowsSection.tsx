import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { browserToday } from '../../ui/today.js';
import type { FigureStatus } from './api.js';
import { AmountsForm, type AmountsValues } from './AmountsForm.js';
import { formId, openerId, type Editing } from './editing.js';
import { TextField } from './fields.js';
import { FiguresTable } from './FiguresTable.js';

const AMOUNTS = ['baseCents', 'perExtraPersonCents'] as const;
type AmountName = (typeof AMOUNTS)[number];
export type Amounts = readonly { name: AmountName; label: string }[];

/** A dated row of two monthly amounts: a base and what each person beyond the first adds (a floor, an allowance). */
export interface AmountRow extends Record<AmountName, number> {
  effectiveFrom: string;
  status: FigureStatus;
  source: string;
}

/**
 * A section of dated rows of a base and a per-extra-person amount, its texts under `referenceData.<section>`: the
 * table of rows (their own key columns first), the form that corrects one, and for an administrator the button that
 * opens `addForm`.
 */
export function AmountRowsSection<Row extends AmountRow>(props: {
  section: 'floors' | 'allowances';
  rows: Row[];
  editing: Editing;
  rowKey: (row: Row) => string;
  keyHead: ReactNode;
  keyCells: (row: Row) => ReactNode;
  /** The interpolation values of the row's edit button and edit heading. */
  describe: (row: Row) => Record<string, string>;
  onSaveRow: (row: Row, values: AmountsValues<AmountName>) => Promise<void>;
  addForm: (amounts: Amounts) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { section, editing, rowKey } = props;
  const text = (key: string, values?: Record<string, string>) => t(`referenceData.${section}.${key}`, values);
  const amounts = [
    { name: 'baseCents', label: text('base') },
    { name: 'perExtraPersonCents', label: text('perExtraPerson') },
  ] as const;
  const editRow = props.rows.find((row) => editing.current === rowKey(row));
  const addKey = `${section === 'floors' ? 'floor' : 'allowance'}:new`;

  return (
    <section className="card" aria-labelledby={`${section}-heading`}>
      <h2 id={`${section}-heading`}>{text('heading')}</h2>
      <p>{text('intro')}</p>
      <FiguresTable
        caption={text('caption')}
        empty={text('none')}
        rows={props.rows}
        editing={editing}
        rowKey={rowKey}
        editLabel={(row) => text('edit', props.describe(row))}
        head={
          <>
            {props.keyHead}
            {amounts.map(({ name, label }) => (
              <th key={name} scope="col" className="number">
                {label}
              </th>
            ))}
          </>
        }
        cells={(row) => (
          <>
            {props.keyCells(row)}
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
          heading={text('editHeading', props.describe(editRow))}
          amounts={amounts}
          initial={{ cents: editRow, status: editRow.status, source: editRow.source }}
          onSave={(values) => props.onSaveRow(editRow, values)}
          onCancel={editing.close}
        />
      ) : null}
      {editing.mayManage && editing.current === addKey ? (
        props.addForm(amounts)
      ) : editing.mayManage ? (
        <p>
          <button type="button" id={openerId(addKey)} className="button secondary" onClick={() => editing.open(addKey)}>
            {text('add')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The form that adds a dated row of amounts: its effective date (the first of January next year to begin with),
 * any other key field (`otherKeys`), the amounts.
 */
export function AddAmountRowForm(props: {
  section: 'floors' | 'allowances';
  formKey: string;
  amounts: Amounts;
  initial: AmountsValues<AmountName> | null;
  otherKeys?: (id: string) => ReactNode;
  editing: Editing;
  onSave: (values: AmountsValues<AmountName>, effectiveFrom: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = formId(props.formKey);
  const [date, setDate] = useState(`${Number(browserToday().slice(0, 4)) + 1}-01-01`);
  return (
    <AmountsForm
      id={id}
      heading={t(`referenceData.${props.section}.addHeading`)}
      amounts={props.amounts}
      initial={props.initial}
      keyValid={date !== ''}
      keyFields={(checked) => (
        <>
          {props.otherKeys?.(id)}
          <TextField
            id={`${id}-date`}
            type="date"
            label={t(`referenceData.${props.section}.effectiveFrom`)}
            value={date}
            onChange={setDate}
            hint={t('referenceData.form.dateHint')}
            error={checked && date === '' ? t('referenceData.form.dateMissing') : null}
          />
        </>
      )}
      onSave={(values) => props.onSave(values, date)}
      onCancel={props.editing.close}
    />
  );
}
