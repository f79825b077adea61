import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { TableScroll } from '../../ui/TableScroll.js';
import type { AuditEntry } from './api.js';

/** The role recorded for scheduled jobs and command-line tools (SYSTEM_ACTOR on the server). */
const SYSTEM_ROLE = 'system';

export interface Trail {
  entries: AuditEntry[];
  /** False once a page came back shorter than asked: nothing older exists. */
  mayHaveOlder: boolean;
}

/** The entries loaded so far, newest first, and the way to older ones. */
export function AuditTable({
  trail,
  loadingOlder,
  onLoadOlder,
}: {
  trail: Trail;
  loadingOlder: boolean;
  onLoadOlder: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading" className="visually-hidden">
        {t('audit.caption')}
      </h2>
      <p role="status" className="result-count">
        {trail.entries.length === 0 ? t('audit.none') : t('audit.shown', { count: trail.entries.length })}
        {loadingOlder ? ` ${t('audit.loadingOlder')}` : ''}
      </p>
      {trail.entries.length > 0 ? (
        <TableScroll label={t('audit.caption')}>
          <table className="audit-table">
            <caption className="visually-hidden">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t('audit.seq')}
                </th>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {trail.entries.map((entry) => (
                <tr key={entry.seq}>
                  <th scope="row" className="number">
                    {entry.seq}
                  </th>
                  <td>{format.dateTime(entry.occurredAt)}</td>
                  <td>
                    {entry.actor.name ?? t('audit.system')}
                    {entry.actor.role && entry.actor.role !== SYSTEM_ROLE ? (
                      <span className="muted small-block">{labelOf(t, 'roles', entry.actor.role)}</span>
                    ) : null}
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {labelOf(t, 'audit.targetTypes', entry.targetType)}
                    {entry.targetId ? <code className="muted small-block">{entry.targetId}</code> : null}
                  </td>
                  <td>
                    <EntryData entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {trail.mayHaveOlder ? (
        <button type="button" className="button secondary" onClick={onLoadOlder} disabled={loadingOlder}>
          {t('audit.loadOlder')}
        </button>
      ) : trail.entries.length > 0 ? (
        <p className="muted">{t('audit.noOlder')}</p>
      ) : null}
    </section>
  );
}

function EntryData({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.before == null && entry.after == null) return <>{t('common.none')}</>;
  return (
    <details>
      <summary>
        {t('audit.details')}
        <span className="visually-hidden"> {t('audit.ofEntry', { seq: entry.seq })}</span>
      </summary>
      {entry.before != null ? (
        <>
          <p className="data-label">{t('audit.before')}</p>
          <pre>{JSON.stringify(entry.before, null, 2)}</pre>
        </>
      ) : null}
      {entry.after != null ? (
        <>
          <p className="data-label">{t('audit.after')}</p>
          <pre>{JSON.stringify(entry.after, null, 2)}</pre>
        </>
      ) : null}
    </details>
  );
}
