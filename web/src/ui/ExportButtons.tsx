import { useTranslation } from 'react-i18next';
import { download, type Query } from '../api/client.js';
import { ProblemMessage } from './ProblemMessage.js';
import { useSubmit } from './useSubmit.js';

const FORMATS = ['csv', 'xlsx'] as const;

/**
 * Downloads the list on screen as CSV or XLSX: `path` is the list's export route, `query` the list's filters (no
 * paging: every row). `what` names the list for screen readers ("Export the cases as CSV").
 */
export function ExportButtons({ path, query, what }: { path: string; query?: Query; what: string }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <div className="export-buttons">
      <span aria-hidden="true">{t('exports.label')}</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button secondary small"
          disabled={submit.busy}
          aria-label={t('exports.as', { what, format: format.toUpperCase() })}
          onClick={() => void submit.run(() => download(path, { ...query, format }))}
        >
          {format.toUpperCase()}
        </button>
      ))}
      {submit.busy ? <span role="status">{t('exports.preparing')}</span> : null}
      {submit.error ? <ProblemMessage error={submit.error} /> : null}
    </div>
  );
}
