import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { TableScroll } from '../../ui/TableScroll.js';
import type { AuditEntry } from './api.js';
import { EntryDetails, EntryLinks, useEntrySentence } from './entryWords.js';

export interface Trail {
  entries: AuditEntry[];
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  onMore: () => void;
}

/** The entries loaded so far, newest first, each in words with what it concerns, and the way to older ones. */
export function AuditTable({ trail }: { trail: Trail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sentence = useEntrySentence();
  const { entries } = trail;
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading" className="visually-hidden">
        {t('auditTrail.caption')}
      </h2>
      <p role="status" className="result-count">
        {entries.length === 0 ? t('auditTrail.none') : t('auditTrail.shown', { count: entries.length })}
        {trail.loadingMore ? ` ${t('auditTrail.loadingMore')}` : ''}
      </p>
      {entries.length > 0 ? (
        <TableScroll label={t('auditTrail.caption')}>
          <table className="audit-table" role="table">
            <caption className="visually-hidden">{t('auditTrail.caption')}</caption>
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
              {entries.map((entry) => (
                <tr role="row" key={entry.seq}>
                  <th scope="row" role="rowheader" className="nowrap">
                    {format.dateTime(entry.occurredAt)}
                  </th>
                  <td role="cell">
                    {sentence(entry)}
                    <span className="muted small-block">{labelOf(t, 'auditTrail.families', entry.family)}</span>
                  </td>
                  <td role="cell">
                    <EntryLinks entry={entry} />
                  </td>
                  <td role="cell">
                    <EntryDetails entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <MoreButton {...trail} count={entries.length} />
    </section>
  );
}

/** "Older entries" while there are any, then the end of the trail; the problem of a failed page, if one failed. */
export function MoreButton(props: {
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.moreError ? <ProblemMessage error={props.moreError} /> : null}
      {props.hasMore ? (
        <button type="button" className="button secondary" onClick={props.onMore} disabled={props.loadingMore}>
          {t('auditTrail.more')}
        </button>
      ) : props.count > 0 ? (
        <p className="muted">{t('auditTrail.end')}</p>
      ) : null}
    </>
  );
}
