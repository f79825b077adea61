import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { BLOCK_FILTERS, type BlockFilter } from '../../../../src/judicial/contract.js';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { offsetFrom } from '../../ui/PagedTable.js';
import { Pager } from '../../ui/Pager.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import {
  getReviewQueue,
  getReviewQueueCounts,
  refreshReviewQueue,
  type ReviewQueue,
  type ReviewQueueCounts,
} from './api.js';

type Item = ReviewQueue['items'][number];
const PAGE = 50;

/** The filter in the address bar (`?blocked=none`): one the server knows, or none (every waiting review). */
function filterFrom(params: URLSearchParams): BlockFilter | '' {
  const value = params.get('blocked') ?? '';
  return (BLOCK_FILTERS as readonly string[]).includes(value) ? (value as BlockFilter) : '';
}

/** The address of the queue narrowed by a filter, from its first page. */
const queueHref = (filter: BlockFilter | '') => (filter ? `/judicial-reviews?blocked=${filter}` : '/judicial-reviews');

/**
 * The cases waiting for a person's review before the judicial stage, oldest due first: each with its amount, the
 * route the facts suggest and what blocks an escalation now. A reviewer narrows it to the cases that may be escalated
 * now, or to the blocked ones by reason (the filter and the page live in the address bar). The queue is refreshed
 * every night; a reviewer may refresh it at once.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('judicial.queue.title'));
  const [params, setParams] = useSearchParams();
  const blocked = filterFrom(params);
  const offset = offsetFrom(params);
  const list = useApiData((signal) => getReviewQueue({ blocked, offset }, signal), `${blocked}:${offset}`);
  // Counted apart: the table does not wait for the blocks of the whole queue.
  const counts = useApiData((signal) => getReviewQueueCounts(signal), 'counts');
  const go = (next: { blocked: BlockFilter | ''; offset: number }) => {
    const search = new URLSearchParams();
    if (next.blocked) search.set('blocked', next.blocked);
    if (next.offset > 0) search.set('offset', String(next.offset));
    setParams(search);
  };
  const submit = useSubmit();
  async function refresh() {
    const ok = await submit.run(async () => {
      const counts = await refreshReviewQueue();
      return (t) => t('judicial.queue.refreshed', counts);
    });
    if (ok) {
      list.reload();
      counts.reload();
    }
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
      <BlockFilterForm blocked={blocked} onApply={(value) => go({ blocked: value, offset: 0 })} />
      <AsyncContent data={counts} onRetry={counts.reload}>
        {(counted) => <QueueCounts counts={counted} />}
      </AsyncContent>
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) => (
          <>
            {found.items.length === 0 ? (
              <p>{t(blocked ? 'judicial.queue.emptyFiltered' : 'judicial.queue.empty')}</p>
            ) : (
              <>
                <p>{t('judicial.queue.total', { count: found.total })}</p>
                <QueueTable items={found.items} />
                <Pager
                  label={t('judicial.queue.caption')}
                  offset={offset}
                  pageSize={PAGE}
                  hasMore={offset + found.items.length < found.total}
                  onPage={(next) => go({ blocked, offset: next })}
                />
              </>
            )}
          </>
        )}
      </AsyncContent>
    </>
  );
}

/** The filter form: every waiting review, those a person may escalate now, the blocked ones, or one reason's. */
function BlockFilterForm(props: { blocked: BlockFilter | ''; onApply: (blocked: BlockFilter | '') => void }) {
  const { t } = useTranslation();
  const [blocked, setBlocked] = useState(props.blocked);
  useEffect(() => setBlocked(props.blocked), [props.blocked]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply(blocked);
  }
  return (
    <form className="filters inline-filters" onSubmit={submit} aria-labelledby="review-filters-heading" role="search">
      <h2 id="review-filters-heading" className="visually-hidden">
        {t('judicial.queue.filters')}
      </h2>
      <div className="field">
        <label htmlFor="review-filter-blocked">{t('judicial.queue.blockedFilter')}</label>
        <select
          id="review-filter-blocked"
          value={blocked}
          onChange={(event) => setBlocked(event.target.value as BlockFilter | '')}
        >
          <option value="">{t('judicial.queue.filter.all')}</option>
          <option value="none">{t('judicial.queue.filter.none')}</option>
          <option value="any">{t('judicial.queue.filter.any')}</option>
          <optgroup label={t('judicial.queue.filter.byBlock')}>
            {BLOCK_FILTERS.filter((value) => value !== 'none' && value !== 'any').map((value) => (
              <option key={value} value={value}>
                {labelOf(t, 'judicial.blocks', value)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button secondary">
          {t('judicial.queue.apply')}
        </button>
      </div>
    </form>
  );
}

/** How many reviews wait in each state, whatever the filter: each a link to the queue narrowed to it. */
function QueueCounts({ counts }: { counts: ReviewQueueCounts }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = BLOCK_FILTERS.flatMap((value) =>
    value !== 'none' && value !== 'any' && counts.byBlock[value]! > 0 ? [value] : [],
  );
  return (
    <section aria-labelledby="review-counts-heading" className="queue-counts">
      <h2 id="review-counts-heading" className="visually-hidden">
        {t('judicial.queue.counts')}
      </h2>
      <ul className="queue-count-list">
        <li>
          <Link to={queueHref('none')}>
            {t('judicial.queue.escalable', { count: counts.escalable, n: format.count(counts.escalable) })}
          </Link>
        </li>
        <li>
          <Link to={queueHref('any')}>
            {t('judicial.queue.blocked', { count: counts.blocked, n: format.count(counts.blocked) })}
          </Link>
        </li>
      </ul>
      {reasons.length > 0 ? (
        <>
          <p className="queue-count-heading">{t('judicial.queue.byReason')}</p>
          <ul className="queue-count-list">
            {reasons.map((value) => (
              <li key={value}>
                <Link to={queueHref(value)}>
                  {t('judicial.queue.reasonCount', {
                    reason: labelOf(t, 'judicial.blocks', value),
                    count: format.count(counts.byBlock[value]!),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function QueueTable({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable<Item>
      caption={t('judicial.queue.caption')}
      rows={items}
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
        { header: t('judicial.queue.column.route'), cell: (row) => labelOf(t, 'judicial.routes', row.proposedRoute) },
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
  );
}
