import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { browserToday } from '../../ui/today.js';
import type { LivingFloor } from './api.js';
import { AmountsForm } from './AmountsForm.js';
import { formId, openerId, type Editing } from './editing.js';
import { TextField } from './fields.js';
import { FiguresTable } from './FiguresTable.js';

const AMOUNTS = ['baseCents', 'perExtraPersonCents'] as const;
const rowKey = (row: Pick<LivingFloor, 'effectiveFrom'>) => `floor:${row.effectiveFrom}`;

/** The effective date of the row in force on `date`: the latest on or before it (rows in date order). */
function inForceOn(rows: LivingFloor[], date: string): string | null {
  return rows.filter((row) => row.effectiveFrom <= date).at(-1)?.effectiveFrom ?? null;
}

/**
 * The floor a household keeps after its expenses and the repayment, one row per effective date, newest first: the
 * history of its values, the one in force today marked. Administrators correct a row or add a date.
 */
export function FloorsSection({
  rows,
  editing,
  onSave,
}: {
  rows: LivingFloor[];
  editing: Editing;
  onSave: (row: LivingFloor) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const amounts = [
    { name: 'baseCents', label: t('referenceData.floors.base') },
    { name: 'perExtraPersonCents', label: t('referenceData.floors.perExtraPerson') },
  ] as const;
  const current = inForceOn(rows, browserToday());
  const editRow = rows.find((row) => editing.current === rowKey(row));
  const addKey = 'floor:new';

  return (
    <section className="card" aria-labelledby="floors-heading">
      <h2 id="floors-heading">{t('referenceData.floors.heading')}</h2>
      <p>{t('referenceData.floors.intro')}</p>
      <FiguresTable
        caption={t('referenceData.floors.caption')}
        empty={t('referenceData.floors.none')}
        rows={[...rows].reverse()}
        editing={editing}
        rowKey={rowKey}
        editLabel={(row) => t('referenceData.floors.edit', { date: format.date(row.effectiveFrom) })}
        head={
          <>
            <th scope="col">{t('referenceData.floors.effectiveFrom')}</th>
            {amounts.map(({ name, label }) => (
              <th key={name} scope="col" className="number">
                {label}
              </th>
            ))}
          </>
        }
        cells={(row) => (
          <>
            <th scope="row">
              {format.date(row.effectiveFrom)}
              {row.effectiveFrom === current ? (
                <>
                  {' '}
                  <span className="badge">{t('referenceData.floors.inForce')}</span>
                </>
              ) : null}
            </th>
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
          heading={t('referenceData.floors.editHeading', { date: format.date(editRow.effectiveFrom) })}
          amounts={amounts}
          initial={{ cents: editRow, status: editRow.status, source: editRow.source }}
          onSave={({ cents, status, source }) =>
            onSave({ ...cents, effectiveFrom: editRow.effectiveFrom, status, source })
          }
          onCancel={editing.close}
        />
      ) : null}
      {editing.mayManage && editing.current === addKey ? (
        <AddFloorForm amounts={amounts} latest={rows.at(-1) ?? null} editing={editing} onSave={onSave} />
      ) : editing.mayManage ? (
        <p>
          <button type="button" id={openerId(addKey)} className="button secondary" onClick={() => editing.open(addKey)}>
            {t('referenceData.floors.add')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function AddFloorForm(props: {
  amounts: readonly { name: (typeof AMOUNTS)[number]; label: string }[];
  latest: LivingFloor | null;
  editing: Editing;
  onSave: (row: LivingFloor) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = formId('floor:new');
  const [date, setDate] = useState(`${Number(browserToday().slice(0, 4)) + 1}-01-01`);
  return (
    <AmountsForm
      id={id}
      heading={t('referenceData.floors.addHeading')}
      amounts={props.amounts}
      initial={props.latest ? { cents: props.latest, status: props.latest.status, source: '' } : null}
      keyValid={date !== ''}
      keyFields={(checked) => (
        <TextField
          id={`${id}-date`}
          type="date"
          label={t('referenceData.floors.effectiveFrom')}
          value={date}
          onChange={setDate}
          hint={t('referenceData.form.dateHint')}
          error={checked && date === '' ? t('referenceData.form.dateMissing') : null}
        />
      )}
      onSave={({ cents, status, source }) => props.onSave({ ...cents, effectiveFrom: date, status, source })}
      onCancel={props.editing.close}
    />
  );
}
