import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import type { RsaAmounts } from './api.js';
import { AmountsForm, type AmountsValues } from './AmountsForm.js';
import { formId, openerId, type Editing } from './editing.js';
import { TextField } from './fields.js';
import { FiguresTable } from './FiguresTable.js';

const AMOUNTS = [
  'singleCents',
  'coupleCents',
  'coupleOneChildCents',
  'coupleTwoChildrenCents',
  'furtherPersonCents',
] as const;
type Amount = (typeof AMOUNTS)[number];
const LABELS: Record<Amount, 'single' | 'couple' | 'coupleOneChild' | 'coupleTwoChildren' | 'furtherPerson'> = {
  singleCents: 'single',
  coupleCents: 'couple',
  coupleOneChildCents: 'coupleOneChild',
  coupleTwoChildrenCents: 'coupleTwoChildren',
  furtherPersonCents: 'furtherPerson',
};

/** The 1 April after the latest row's date: the next date the RSA is revalued. */
function nextAprilFirst(rows: RsaAmounts[]): string {
  const latest = rows.at(-1)?.effectiveFrom;
  const year = latest ? Number(latest.slice(0, 4)) + 1 : new Date().getFullYear();
  return `${year}-04-01`;
}

/** The RSA amounts by household, one row per effective date, newest first; administrators correct and add rows. */
export function RsaSection({
  rows,
  editing,
  onSave,
}: {
  rows: RsaAmounts[];
  editing: Editing;
  onSave: (row: RsaAmounts) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const amounts = AMOUNTS.map((name) => ({ name, label: t(`referenceData.rsa.${LABELS[name]}`) }));
  const values = (row: RsaAmounts): AmountsValues<Amount> => ({ cents: row, status: row.status, source: row.source });
  const newest = [...rows].reverse();
  const editRow = rows.find((row) => editing.current === `rsa:${row.effectiveFrom}`);

  return (
    <section className="card" aria-labelledby="rsa-heading">
      <h2 id="rsa-heading">{t('referenceData.rsa.heading')}</h2>
      <p>{t('referenceData.rsa.intro')}</p>
      <FiguresTable
        caption={t('referenceData.rsa.caption')}
        empty={t('referenceData.rsa.none')}
        rows={newest}
        editing={editing}
        rowKey={(row) => `rsa:${row.effectiveFrom}`}
        editLabel={(row) => t('referenceData.rsa.edit', { date: format.date(row.effectiveFrom) })}
        head={
          <>
            <th scope="col">{t('referenceData.rsa.effectiveFrom')}</th>
            {AMOUNTS.map((name) => (
              <th key={name} scope="col" className="number">
                {t(`referenceData.rsa.columns.${LABELS[name]}`)}
              </th>
            ))}
          </>
        }
        cells={(row) => (
          <>
            <th scope="row">{format.date(row.effectiveFrom)}</th>
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
          key={editRow.effectiveFrom}
          id={formId(`rsa:${editRow.effectiveFrom}`)}
          heading={t('referenceData.rsa.editHeading', { date: format.date(editRow.effectiveFrom) })}
          amounts={amounts}
          initial={values(editRow)}
          onSave={({ cents, status, source }) =>
            onSave({ ...cents, effectiveFrom: editRow.effectiveFrom, status, source })
          }
          onCancel={editing.close}
        />
      ) : null}
      {editing.mayManage ? <AddRsa rows={rows} editing={editing} amounts={amounts} onSave={onSave} /> : null}
    </section>
  );
}

function AddRsa(props: {
  rows: RsaAmounts[];
  editing: Editing;
  amounts: { name: Amount; label: string }[];
  onSave: (row: RsaAmounts) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { editing } = props;
  const latest = props.rows.at(-1);
  const key = 'rsa:new';
  if (editing.current !== key) {
    return (
      <p>
        <button type="button" id={openerId(key)} className="button secondary" onClick={() => editing.open(key)}>
          {t('referenceData.rsa.add')}
        </button>
      </p>
    );
  }
  return <AddRsaForm {...props} initialDate={nextAprilFirst(props.rows)} latest={latest ?? null} />;
}

function AddRsaForm(props: {
  editing: Editing;
  amounts: { name: Amount; label: string }[];
  onSave: (row: RsaAmounts) => Promise<void>;
  initialDate: string;
  latest: RsaAmounts | null;
}) {
  const { t } = useTranslation();
  const id = formId('rsa:new');
  const [date, setDate] = useState(props.initialDate);
  return (
    <AmountsForm
      id={id}
      heading={t('referenceData.rsa.addHeading')}
      amounts={props.amounts}
      initial={props.latest ? { cents: props.latest, status: 'check', source: '' } : null}
      keyValid={date !== ''}
      keyFields={(checked) => (
        <TextField
          id={`${id}-date`}
          type="date"
          label={t('referenceData.rsa.effectiveFrom')}
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
