import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getDebtorTrail, type DebtorRead, type DebtorTrail, type DebtorTrailItem } from './api.js';
import { MoreButton } from './AuditTable.js';
import { EntryDetails, EntryLinks, useEntrySentence } from './entryWords.js';
import { useKeysetPages } from './useKeysetPages.js';

const PAGE_SIZE = 50;

/** Everything done and read about one debtor, newest first, for compliance (reading it is recorded). */
export function DebtorAuditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const trail = useKeysetPages<DebtorTrailItem, DebtorTrail>(
    (cursor, signal) => getDebtorTrail(id, { ...(cursor ? { cursor } : {}), limit: PAGE_SIZE }, signal),
    id,
  );
  const name = trail.first.status === 'ready' ? trail.first.data.debtor.name : null;
  usePageTitle(name ? t('auditTrail.debtor.heading', { name }) : t('auditTrail.debtor.title'));

  return (
    <>
      <p className="back-link">
        <Link to="/audit">
          <span aria-hidden="true">← </span>
          {t('audit.heading')}
        </Link>
      </p>
      <AsyncContent data={trail.first} onRetry={trail.first.reload}>
        {(first) => (
          <>
            <h1>{t('auditTrail.debtor.heading', { name: first.debtor.name })}</h1>
            <p className="muted">{t('auditTrail.debtor.intro')}</p>
            <p className="muted">{t('auditTrail.debtor.recorded')}</p>
            <p>
              <Link to={`/audit?${new URLSearchParams({ debtorId: first.debtor.id }).toString()}`}>
                {t('auditTrail.debtor.allEntries')}
              </Link>
            </p>
            <TrailTable name={first.debtor.name} items={trail.items} />
            <MoreButton
              count={trail.items.length}
              hasMore={trail.hasMore}
              loadingMore={trail.loadingMore}
              moreError={trail.moreError}
              onMore={() => void trail.more()}
            />
          </>
        )}
      </AsyncContent>
    </>
  );
}

function TrailTable({ name, items }: { name: string; items: DebtorTrailItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sentence = useEntrySentence();
  const readSentence = useReadSentence();
  const caption = t('auditTrail.debtor.caption', { name });
  if (items.length === 0) return <p>{t('auditTrail.debtor.none')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="audit-table" role="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('auditTrail.when')}
            </th>
            <th scope="col" role="columnheader">
              {t('auditTrail.what')}
            </th>
            <th scope="col" role="columnheader">
              {t('auditTrail.concerns')}
            </th>
            <th scope="col" role="columnheader">
              {t('auditTrail.details')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((item) =>
            item.kind === 'entry' ? (
              <tr role="row" key={`a${item.entry.seq}`}>
                <th scope="row" role="rowheader" className="nowrap">
                  {format.dateTime(item.entry.occurredAt)}
                </th>
                <td role="cell">
                  {sentence(item.entry)}
                  <span className="muted small-block">{labelOf(t, 'auditTrail.families', item.entry.family)}</span>
                </td>
                <td role="cell">
                  <EntryLinks entry={item.entry} />
                </td>
                <td role="cell">
                  <EntryDetails entry={item.entry} />
                </td>
              </tr>
            ) : (
              <tr role="row" key={`r${item.read.seq}`}>
                <th scope="row" role="rowheader" className="nowrap">
                  {format.dateTime(item.read.readAt)}
                </th>
                <td role="cell">
                  {readSentence(item.read)}
                  <span className="muted small-block">{labelOf(t, 'auditTrail.families', 'special_reads')}</span>
                </td>
                <td role="cell">
                  <EntryLinks entry={{ case: item.read.case, debtor: null, user: item.read.user }} />
                </td>
                <td role="cell">
                  {item.read.reason ? t('auditTrail.debtor.reason', { reason: item.read.reason }) : '—'}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "Claire Martin a consulté le budget sur le dossier ACC-000123 (titulaire du dossier)". */
function useReadSentence() {
  const { t } = useTranslation();
  return (read: DebtorRead) => {
    const values = {
      user: read.user.name,
      subject: labelOf(t, 'auditTrail.debtor.subjects', read.subject),
      basis: labelOf(t, 'auditTrail.debtor.bases', read.basis),
      case: read.case?.name ?? '',
    };
    return read.case ? t('auditTrail.debtor.readOnCase', values) : t('auditTrail.debtor.read', values);
  };
}
