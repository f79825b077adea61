import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useMe } from '../identity/SessionProvider.js';
import { getOpenDisputes, type DisputeView } from './api.js';

/**
 * The disputes waiting for the creditor or a decision, by due date: the team's list of answers to decide and of
 * evidence requests (the overdue ones on a tick), and the creditor's list of requests to answer (its own cases only).
 */
export function DisputesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const creditorUser = me.role === 'creditor_user';
  // Everything open by default: the answers a person must decide on matter as much as the late evidence requests.
  const [overdue, setOverdue] = useState(false);
  const title = creditorUser ? t('disputes.page.creditorTitle') : t('disputes.page.title');
  usePageTitle(title);
  const list = useApiData((signal) => getOpenDisputes({ overdue, offset: 0 }, signal), String(overdue));
  return (
    <>
      <h1>{title}</h1>
      <p>{creditorUser ? t('disputes.page.creditorIntro') : t('disputes.page.intro')}</p>
      <label className="choice">
        <input type="checkbox" checked={overdue} onChange={(event) => setOverdue(event.target.checked)} />{' '}
        {t('disputes.page.overdueOnly')}
      </label>
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('disputes.page.empty')}</p>
          ) : (
            <DataTable<DisputeView>
              caption={t('disputes.page.caption')}
              rows={found.items}
              rowKey={(row) => row.id}
              columns={[
                {
                  header: t('disputes.page.column.case'),
                  rowHeader: true,
                  cellClassName: 'nowrap',
                  cell: (row) => <Link to={`/cases/${row.caseId}`}>{row.caseReference}</Link>,
                },
                { header: t('disputes.page.column.debtor'), cell: (row) => row.debtorName },
                {
                  header: t('disputes.page.column.claim'),
                  cellClassName: 'nowrap',
                  cell: (row) => row.claimReference,
                },
                {
                  header: t('disputes.page.column.grounds'),
                  cell: (row) => labelOf(t, 'disputes.grounds', row.grounds),
                },
                {
                  header: t('disputes.page.column.status'),
                  cell: (row) =>
                    `${labelOf(t, 'disputes.statuses', row.status)}${row.overdue ? ` · ${t('disputes.overdue')}` : ''}`,
                },
                { header: t('disputes.page.column.due'), cell: (row) => format.date(row.evidenceDueOn) },
              ]}
            />
          )
        }
      </AsyncContent>
    </>
  );
}
