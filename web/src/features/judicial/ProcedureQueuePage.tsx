import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getProcedureQueue, type ProcedureQueue } from './procedure-api.js';

type Item = ProcedureQueue['items'][number];

/**
 * The judicial team's queue (REGULATION §11): every case at the judicial stage with its procedure's next action, by
 * the day it is due; the cases without a procedure first, to open.
 */
export function ProcedureQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('judicialProcedure.queue.title'));
  const queue = useApiData((signal) => getProcedureQueue(signal), 'queue');
  return (
    <>
      <h1>{t('judicialProcedure.queue.title')}</h1>
      <p>{t('judicialProcedure.queue.intro')}</p>
      <AsyncContent data={queue} onRetry={queue.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('judicialProcedure.queue.empty')}</p>
          ) : (
            <>
              <p className="muted">{t('judicialProcedure.queue.total', { count: found.total })}</p>
              <DataTable<Item>
                caption={t('judicialProcedure.queue.caption')}
                rows={found.items}
                rowKey={(row) => row.caseId}
                columns={[
                  {
                    header: t('judicialProcedure.queue.column.case'),
                    rowHeader: true,
                    cellClassName: 'nowrap',
                    cell: (row) => <Link to={`/cases/${row.caseId}`}>{row.reference}</Link>,
                  },
                  { header: t('judicialProcedure.queue.column.debtor'), cell: (row) => row.debtorName },
                  { header: t('judicialProcedure.queue.column.creditor'), cell: (row) => row.creditorName },
                  {
                    header: t('judicialProcedure.queue.column.balance'),
                    cell: (row) => format.money(row.balanceCents, row.currency),
                    className: 'number',
                  },
                  {
                    header: t('judicialProcedure.queue.column.state'),
                    cell: (row) =>
                      row.state
                        ? labelOf(t, 'judicialProcedure.states', row.state)
                        : t('judicialProcedure.queue.toOpen'),
                  },
                  {
                    header: t('judicialProcedure.queue.column.next'),
                    cell: (row) => (
                      <>
                        {labelOf(t, 'judicialProcedure.next', row.next.action)}
                        {row.partnerReports > 0 ? (
                          <span className="small-block">
                            {t('judicialProcedure.queue.partnerReports', { count: row.partnerReports })}
                          </span>
                        ) : null}
                      </>
                    ),
                  },
                  { header: t('judicialProcedure.queue.column.due'), cell: (row) => format.date(row.next.dueOn) },
                ]}
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
