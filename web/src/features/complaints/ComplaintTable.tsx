import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { ComplaintView } from './api.js';
import { DataTable, type Column } from '../../ui/DataTable.js';
import { useFormat, type Formatters } from '../../i18n/format.js';

/** Complaints as a table: reference, case, subject, the dates, the deadline's status, the status, and actions. */
export function ComplaintTable({
  complaints,
  showCase,
  actions,
}: {
  complaints: ComplaintView[];
  showCase: boolean;
  actions?: (complaint: ComplaintView) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('complaints.caption')}
      columns={columns(t, format, showCase, actions)}
      rows={complaints}
      rowKey={(row) => row.id}
      className="wrapping-headers"
    />
  );
}

function columns(
  t: TFunction,
  format: Formatters,
  showCase: boolean,
  actions?: (complaint: ComplaintView) => ReactNode,
): Column<ComplaintView>[] {
  return [
    { header: t('complaints.column.reference'), cell: (c) => c.reference, rowHeader: true },
    {
      header: t('complaints.column.case'),
      cell: (c) => <Link to={`/cases/${c.caseId}`}>{c.caseReference}</Link>,
      hidden: !showCase,
    },
    {
      header: t('complaints.column.subject'),
      cell: (c) => (
        <>
          {t(`complaints.subjects.${c.subject}`)}
          {c.contacts.length > 0 ? (
            <span className="hint"> · {t('complaints.contacts', { count: c.contacts.length })}</span>
          ) : null}
        </>
      ),
    },
    { header: t('complaints.column.received'), cell: (c) => format.date(c.receivedOn) },
    { header: t('complaints.column.acknowledgeBy'), cell: (c) => format.date(c.acknowledgeBy) },
    { header: t('complaints.column.answerBy'), cell: (c) => format.date(c.answerBy) },
    {
      header: t('complaints.column.deadline'),
      cell: (c) => (
        <span className={`badge deadline-${c.deadline.current}`}>
          {t(`complaints.deadlines.${c.deadline.current}`)}
        </span>
      ),
    },
    {
      header: t('complaints.column.status'),
      cell: (c) => (
        <>
          {t(`complaints.statuses.${c.status}`)}
          {c.outcome ? ` · ${t(`complaints.outcomes.${c.outcome}`)}` : ''}
          {c.mediator ? (
            <span className="hint">
              {' '}
              · {t('complaints.mediator', { name: c.mediator.name, address: c.mediator.address })}
            </span>
          ) : null}
        </>
      ),
    },
    { header: t('complaints.column.actions'), cell: (c) => actions?.(c) ?? null, hidden: !actions },
  ];
}
