import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../ui/TableScroll.js';
import { useFormat } from '../../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../../i18n/labels.js';

export interface HoldRow {
  id: string;
  kind: string;
  /** Null for a care hold the reader has no need to know: the row says a care rule applies, not why. */
  reason: string | null;
  restricted?: boolean;
  status: string;
  startsAt: string;
  endsAt: string | null;
  reviewAt: string | null;
  /** Given by the contact view: null for a hold on all of the debtor's cases. */
  caseId?: string | null;
  createdBy?: string | null;
}

/**
 * A debtor's holds. With `detailed`, also whether each covers this case or all of the debtor's cases and who placed
 * it; dates in `timeZone` (the debtor's) when given; `action` adds a last column (lifting a hold).
 */
export function HoldsTable({
  holds,
  detailed = false,
  timeZone,
  action,
}: {
  holds: HoldRow[];
  detailed?: boolean;
  timeZone?: string;
  action?: { header: string; cell: (hold: HoldRow) => ReactNode };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const optionalDate = (value: string | null) => (value ? format.dateTimeIn(value, timeZone) : t('common.none'));
  return (
    <TableScroll label={t('case.holdsCaption')}>
      <table>
        <caption className="visually-hidden">{t('case.holdsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('case.holdKind')}</th>
            {detailed ? <th scope="col">{t('contact.holds.scope')}</th> : null}
            <th scope="col">{t('case.reason')}</th>
            <th scope="col">{t('case.holdStatus')}</th>
            <th scope="col">{t('case.startsAt')}</th>
            <th scope="col">{t('case.endsAt')}</th>
            <th scope="col">{t('case.reviewAt')}</th>
            {detailed ? <th scope="col">{t('contact.holds.createdBy')}</th> : null}
            {action ? <th scope="col">{action.header}</th> : null}
          </tr>
        </thead>
        <tbody>
          {holds.map((hold) => (
            <tr
              key={hold.id}
              className={detailed ? (hold.status === 'active' ? 'row-warning' : 'row-muted') : undefined}
            >
              <th scope="row">{labelOf(t, 'values.holdKinds', hold.kind)}</th>
              {detailed ? <td>{hold.caseId ? t('contact.holds.thisCase') : t('contact.holds.allCases')}</td> : null}
              {hold.reason === null ? (
                <td className="muted">{t('needToKnow.reasonWithheld')}</td>
              ) : (
                <td lang={RECORD_TEXT_LANG}>{hold.reason}</td>
              )}
              <td>{labelOf(t, 'values.holdStatuses', hold.status)}</td>
              <td>{optionalDate(hold.startsAt)}</td>
              <td>{optionalDate(hold.endsAt)}</td>
              <td>{optionalDate(hold.reviewAt)}</td>
              {detailed ? <td>{hold.createdBy ?? t('common.none')}</td> : null}
              {action ? <td>{action.cell(hold)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
