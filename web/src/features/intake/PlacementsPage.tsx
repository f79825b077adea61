import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listCreditors } from '../portfolio/api.js';
import { listPlacements } from './api.js';
import type { CreditorSummary } from '../portfolio/api.js';
import type { Placement } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import type { Column } from '../../ui/DataTable.js';
import { offsetFrom, PagedTable, useFocusAfterLoad } from '../../ui/PagedTable.js';
import { PlacementStatusBadge } from './PlacementStatusBadge.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { can } from '../identity/permissions.js';
import { placementName, placementSummary } from './placements.js';
import { useMe } from '../identity/SessionProvider.js';

const PAGE_SIZE = 25;

/** The placements in the user's scope, newest first; the filter and the page live in the address bar. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const creditorId = params.get('creditorId') ?? '';
  const offset = offsetFrom(params);
  const placements = useApiData(
    (signal) => listPlacements({ creditorId: creditorId || undefined, limit: PAGE_SIZE, offset }, signal),
    params.toString(),
  );
  // A creditor user sees its own creditor only: no filter to offer.
  const creditors = useApiData(
    (signal): Promise<{ items: CreditorSummary[] }> =>
      can(me.role, 'creditors.read') && me.creditorId === null ? listCreditors(signal) : Promise.resolve({ items: [] }),
    'creditors',
  );
  usePageTitle(t('placements.title'));

  const go = (next: { creditorId: string; offset: number }) => {
    const search = new URLSearchParams();
    if (next.creditorId) search.set('creditorId', next.creditorId);
    if (next.offset > 0) search.set('offset', String(next.offset));
    setParams(search);
  };

  const listHeading = useFocusAfterLoad(placements.status);
  const columns = usePlacementColumns();

  const creditorList = creditors.status === 'ready' ? creditors.data.items : [];
  return (
    <>
      <h1>{t('placements.heading')}</h1>
      <p className="muted">{t('placements.intro')}</p>
      {can(me.role, 'placements.create') ? (
        <p>
          <Link className="button primary" to="/placements/new">
            <span aria-hidden="true">+ </span>
            {t('placements.upload')}
          </Link>
        </p>
      ) : null}
      {creditorList.length > 1 ? (
        <CreditorFilter
          creditors={creditorList}
          creditorId={creditorId}
          onApply={(id) => go({ creditorId: id, offset: 0 })}
        />
      ) : null}
      <section aria-labelledby="placements-list-heading">
        <h2 id="placements-list-heading" ref={listHeading.ref} tabIndex={-1} className="visually-hidden">
          {t('placements.caption')}
        </h2>
        <PagedTable
          data={placements}
          onRetry={placements.reload}
          columns={columns}
          rowKey={(placement) => placement.id}
          offset={offset}
          pageSize={PAGE_SIZE}
          onPage={(next) => {
            listHeading.focusWhenLoaded();
            go({ creditorId, offset: next });
          }}
          texts={{
            caption: t('placements.caption'),
            pagination: t('placements.pagination'),
            none: t('placements.none'),
            range: (range, more) => t(more ? 'placements.rangeMore' : 'placements.range', range),
          }}
        />
      </section>
    </>
  );
}

function CreditorFilter(props: {
  creditors: CreditorSummary[];
  creditorId: string;
  onApply: (creditorId: string) => void;
}) {
  const { t } = useTranslation();
  const [creditorId, setCreditorId] = useState(props.creditorId);
  useEffect(() => setCreditorId(props.creditorId), [props.creditorId]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply(creditorId);
  }
  return (
    <form
      className="filters inline-filters"
      onSubmit={submit}
      aria-labelledby="placement-filters-heading"
      role="search"
    >
      <h2 id="placement-filters-heading" className="visually-hidden">
        {t('placements.filters')}
      </h2>
      <div className="field">
        <label htmlFor="placement-filter-creditor">{t('placements.creditor')}</label>
        <select id="placement-filter-creditor" value={creditorId} onChange={(e) => setCreditorId(e.target.value)}>
          <option value="">{t('placements.anyCreditor')}</option>
          {props.creditors.map((creditor) => (
            <option key={creditor.id} value={creditor.id}>
              {creditor.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button secondary">
          {t('placements.apply')}
        </button>
      </div>
    </form>
  );
}

/** The columns of the list: the file (with its format), when, whose, under which mandate, how far, what it did. */
function usePlacementColumns(): Column<Placement>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return [
    {
      header: t('placements.file'),
      rowHeader: true,
      cell: (placement) => (
        <>
          <Link to={`/placements/${placement.id}`}>{placementName(t, format, placement)}</Link>
          {placement.format ? (
            <span className="muted small-block plain">{labelOf(t, 'placements.formats', placement.format)}</span>
          ) : null}
        </>
      ),
    },
    {
      header: t('placements.createdAt'),
      cellClassName: 'nowrap',
      cell: (placement) => format.dateTime(placement.createdAt),
    },
    { header: t('placements.creditor'), cell: (placement) => placement.creditor.name },
    {
      header: t('placements.mandate'),
      cellClassName: 'nowrap',
      cell: (placement) => <code>{placement.mandateCode}</code>,
    },
    { header: t('placements.status'), cell: (placement) => <PlacementStatusBadge status={placement.status} /> },
    {
      header: t('placements.rows'),
      className: 'number',
      cell: (placement) => rowsOf(placement, format.count) ?? t('common.none'),
    },
    { header: t('placements.result'), cell: (placement) => placementSummary(t, format, placement) },
  ];
}

/** Rows of the file: counted at the end, read so far while running, unknown before. */
function rowsOf(placement: Placement, count: (value: number) => string): string | null {
  if (placement.status === 'pending') return null;
  if (placement.status === 'running') return placement.rowsRead === null ? null : count(placement.rowsRead);
  return count(placement.rowsTotal);
}
