import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Pager } from '../../ui/Pager.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { getReviewQueue, refreshReviewQueue, type ReviewQueue } from './api.js';

type Item = ReviewQueue['items'][number];
const PAGE = 50;

/**
 * The cases waiting for a person's review before the judicial stage, oldest due first: each with its amount, the
 * route the facts suggest and what blocks an escalation now. The queue is refreshed every night; a reviewer may
 * refresh it at once.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('judicial.queue.title'));
  const [offset, setOffset] = useState(0);
  const list = useApiData((signal) => getReviewQueue(offset, signal), String(offset));
  const submit = useSubmit();
  async function refresh() {
    const ok = await submit.run(async () => {
      const counts = await refreshReviewQueue();
      return (t) => t('judicial.queue.refreshed', counts);
    });
    if (ok) list.reload();
  }
  return (
    <>
      <h1>{t('judicial.queue.title')}</h1>
      <p className="muted">{t('judicial.queue.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button secondary" disabled={submit.busy} onClick={() => void refresh()}>
          {t('judicial.queue.refresh')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('judicial.queue.empty')}</p>
          ) : (
            <>
              <p>{t('judicial.queue.total', { count: found.total })}</p>
              <DataTable<Item>
                caption={t('judicial.queue.caption')}
                rows={found.items}
                rowKey={(row) => row.id}
                columns={[
                  {
                    header: t('judicial.queue.column.case'),
                    rowHeader: true,
                    cellClassName: 'nowrap',
                    cell: (row) => <Link to={`/judicial-reviews/${row.id}`}>{row.caseReference}</Link>,
                  },
                  { header: t('judicial.queue.column.debtor'), cell: (row) => row.debtorName },
                  { header: t('judicial.queue.column.creditor'), cell: (row) => row.creditorName },
                  { header: t('judicial.queue.column.due'), cell: (row) => format.date(row.dueOn) },
                  { header: t('judicial.queue.column.amount'), cell: (row) => format.money(row.amountCents) },
                  {
                    header: t('judicial.queue.column.route'),
                    cell: (row) => labelOf(t, 'judicial.routes', row.proposedRoute),
                  },
                  {
                    header: t('judicial.queue.column.blocks'),
                    cell: (row) =>
                      row.blocks.length === 0 ? (
                        t('judicial.queue.clear')
                      ) : (
                        <span className="warning-text">
                          {row.blocks.map((block) => labelOf(t, 'judicial.blocks', block)).join(' · ')}
                        </span>
                      ),
                  },
                ]}
              />
              <Pager
                label={t('judicial.queue.caption')}
                offset={offset}
                pageSize={PAGE}
                hasMore={offset + found.items.length < found.total}
                onPage={setOffset}
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
