import { useTranslation } from 'react-i18next';
import type { SearchResult } from './api.js';
import { Highlighted } from './Highlighted.js';

/** One case found: its reference, the debtor, the creditor and stage, and the field that matched, marked. */
export function ResultLine({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  return (
    <span className="search-result">
      <span className="search-result-main">
        <span className="search-reference">{result.caseReference}</span>
        <span className="search-debtor">
          {/* A name that matched is marked in place rather than repeated. */}
          {result.field === 'name' ? (
            <Highlighted value={result.value} highlights={result.highlights} />
          ) : (
            result.debtorName
          )}
        </span>
      </span>
      <span className="search-result-facts">
        {result.field === 'name' ? null : (
          <span>
            <span className="search-field">{t(`search.fields.${result.field}`)}</span>{' '}
            <Highlighted value={result.value} highlights={result.highlights} />
          </span>
        )}
        <span className="muted">
          {result.creditorName} · {t(`stages.${result.stage}`)}
          {result.status === 'closed' ? ` · ${t('statuses.closed')}` : ''}
        </span>
      </span>
    </span>
  );
}
