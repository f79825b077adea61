import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getProcedureQueue, type QueueItem } from './api.js';

/**
 * The over-indebtedness team's queue: every procedure under way with an action due, by its date (an overdue action is
 * due today); each row the debtor (a link to the first covered case), the creditors, the step, the next action.
 */
export function OverindebtednessQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('overindebtedness.queueTitle'));
  const list = useApiData((signal) => getProcedureQueue(signal), 'queue');
  return (
    <>
      <h1>{t('overindebtedness.queueTitle')}</h1>
      <p className="muted">{t('overindebtedness.queueIntro')}</p>
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('overindebtedness.queueEmpty')}</p>
          ) : (
            <DataTable<QueueItem>
              caption={t('overindebtedness.queueTitle')}
              rows={found.items}
              rowKey={(row) => row.procedureId}
              columns={[
                {
                  header: t('overindebtedness.columns.debtor'),
                  rowHeader: true,
                  cell: (row) =>
                    row.caseIds[0] ? <Link to={`/cases/${row.caseIds[0]}`}>{row.debtorName}</Link> : row.debtorName,
                },
                { header: t('overindebtedness.columns.creditors'), cell: (row) => row.creditors.join(', ') },
                {
                  header: t('overindebtedness.columns.state'),
                  cell: (row) => labelOf(t, 'overindebtedness.states', row.state),
                },
                {
                  header: t('overindebtedness.columns.nextAction'),
                  cell: (row) => labelOf(t, 'overindebtedness.actions', row.nextAction.action),
                },
                {
                  header: t('overindebtedness.columns.dueOn'),
                  cell: (row) =>
                    `${format.date(row.nextAction.dueOn)}${row.nextAction.overdue ? ` · ${t('overindebtedness.overdue')}` : ''}`,
                },
              ]}
            />
          )
        }
      </AsyncContent>
    </>
  );
}
