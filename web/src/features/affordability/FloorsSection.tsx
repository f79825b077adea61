import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { browserToday } from '../../ui/today.js';
import type { LivingFloor } from './api.js';
import { AddAmountRowForm, AmountRowsSection } from './AmountRowsSection.js';
import type { Editing } from './editing.js';

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
  const current = inForceOn(rows, browserToday());
  const latest = rows.at(-1) ?? null;

  return (
    <AmountRowsSection
      section="floors"
      rows={[...rows].reverse()}
      editing={editing}
      rowKey={rowKey}
      describe={(row) => ({ date: format.date(row.effectiveFrom) })}
      keyHead={<th scope="col">{t('referenceData.floors.effectiveFrom')}</th>}
      keyCells={(row) => (
        <th scope="row">
          {format.date(row.effectiveFrom)}
          {row.effectiveFrom === current ? (
            <>
              {' '}
              <span className="badge">{t('referenceData.floors.inForce')}</span>
            </>
          ) : null}
        </th>
      )}
      onSaveRow={(row, { cents, status, source }) =>
        onSave({ ...cents, effectiveFrom: row.effectiveFrom, status, source })
      }
      addForm={(amounts) => (
        <AddAmountRowForm
          section="floors"
          formKey="floor:new"
          amounts={amounts}
          initial={latest ? { cents: latest, status: latest.status, source: '' } : null}
          editing={editing}
          onSave={({ cents, status, source }, effectiveFrom) => onSave({ ...cents, effectiveFrom, status, source })}
        />
      )}
    />
  );
}
