import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listCreditors } from '../portfolio/api.js';
import { listPlacements } from './api.js';
import type { CreditorSummary } from '../portfolio/api.js';
import type { Placement } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Pager } from '../../ui/Pager.js';
import { PlacementStatusBadge } from './PlacementStatusBadge.js';
import { TableScroll } from '../../ui/TableScroll.js';
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
  const offsetParam = Number(params.get('offset') ?? '0');
  const offset = Number.isInteger(offsetParam) && offsetParam > 0 ? offsetParam : 0;
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

  // After "previous"/"next" the focus goes to the list's heading instead of being lost with the old buttons.
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusListWhenLoaded = useRef(false);
  useEffect(() => {
    if (placements.status !== 'loading' && focusListWhenLoaded.current) {
      focusListWhenLoaded.current = false;
      listHeading.current?.focus();
    }
  }, [placements.status]);

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
        <CreditorFilter creditors={creditorList} creditorId={creditorId} onApply={(id) => go({ creditorId: id, offset: 0 })} />
      ) : null}
      <section aria-labelledby="placements-list-heading">
        <h2 id="placements-list-heading" ref={listHeading} tabIndex={-1} className="visually-hidden">
          {t('placements.caption')}
        </h2>
        <AsyncContent data={placements} onRetry={placements.reload}>
          {(page) => (
            <PlacementTable
              items={page.items}
              hasMore={page.hasMore}
              offset={offset}
              onPage={(next) => {
                focusListWhenLoaded.current = true;
                go({ creditorId, offset: next });
              }}
            />
          )}
        </AsyncContent>
      </section>
    </>
  );
}

function CreditorFilter(props: { creditors: CreditorSummary[]; creditorId: string; onApply: (creditorId: string) => void }) {
  const { t } = useTranslation();
  const [creditorId, setCreditorId] = useState(props.creditorId);
  useEffect(() => setCreditorId(props.creditorId), [props.creditorId]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply(creditorId);
  }
  return (
    <form className="filters inline-filters" onSubmit={submit} aria-labelledby="placement-filters-heading" role="search">
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

function PlacementTable({
  items,
  hasMore,
  offset,
  onPage,
}: {
  items: Placement[];
  hasMore: boolean;
  offset: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const range = { from: format.count(offset + 1), to: format.count(offset + items.length) };
  return (
    <>
      <p role="status" className="result-count">
        {items.length === 0 ? t('placements.none') : hasMore ? t('placements.rangeMore', range) : t('placements.range', range)}
      </p>
      {items.length > 0 ? (
        <TableScroll label={t('placements.caption')}>
          <table>
            <caption className="visually-hidden">{t('placements.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('placements.file')}</th>
                <th scope="col">{t('placements.createdAt')}</th>
                <th scope="col">{t('placements.creditor')}</th>
                <th scope="col">{t('placements.mandate')}</th>
                <th scope="col">{t('placements.status')}</th>
                <th scope="col" className="number">
                  {t('placements.rows')}
                </th>
                <th scope="col">{t('placements.result')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((placement) => (
                <tr key={placement.id}>
                  <th scope="row">
                    <Link to={`/placements/${placement.id}`}>{placementName(t, format, placement)}</Link>
                    {placement.format ? (
                      <span className="muted small-block plain">{labelOf(t, 'placements.formats', placement.format)}</span>
                    ) : null}
                  </th>
                  <td className="nowrap">{format.dateTime(placement.createdAt)}</td>
                  <td>{placement.creditor.name}</td>
                  <td className="nowrap">
                    <code>{placement.mandateCode}</code>
                  </td>
                  <td>
                    <PlacementStatusBadge status={placement.status} />
                  </td>
                  <td className="number">{rowsOf(placement, format.count) ?? t('common.none')}</td>
                  <td>{placementSummary(t, format, placement)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <Pager label={t('placements.pagination')} offset={offset} pageSize={PAGE_SIZE} hasMore={hasMore} onPage={onPage} />
    </>
  );
}

/** Rows of the file: counted at the end, read so far while running, unknown before. */
function rowsOf(placement: Placement, count: (value: number) => string): string | null {
  if (placement.status === 'pending') return null;
  if (placement.status === 'running') return placement.rowsRead === null ? null : count(placement.rowsRead);
  return count(placement.rowsTotal);
}
