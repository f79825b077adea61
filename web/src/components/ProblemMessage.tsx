import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR_CODE } from '../api/client.js';
import { SERVER_TEXT_LANG } from '../i18n/labels.js';

const HEADLINES: Record<number, string> = {
  401: 'errors.unauthenticated',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  400: 'errors.invalid',
  422: 'errors.invalid',
  409: 'errors.conflict',
  423: 'errors.locked',
  429: 'errors.rateLimited',
};

interface Props {
  error: unknown;
  /** Overrides the headline chosen from the status (e.g. "Could not sign in"). */
  title?: string;
  onRetry?: () => void;
}

/**
 * Shows an API problem: a translated headline from its status, then the server's `detail`, which says what to do.
 * Announced at once (role="alert") so nobody misses why an action failed.
 */
export function ProblemMessage({ error, title, onRetry }: Props) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const network = apiError?.code === NETWORK_ERROR_CODE;
  const headlineKey = apiError ? (HEADLINES[apiError.status] ?? (apiError.status >= 500 ? 'errors.server' : 'errors.generic')) : 'errors.generic';
  const headline = title ?? (network ? t('errors.network') : t(headlineKey));
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{headline}</p>
      {network ? (
        <p>{t('errors.networkDetail')}</p>
      ) : apiError ? (
        <p lang={SERVER_TEXT_LANG}>{apiError.detail}</p>
      ) : (
        <p>{error instanceof Error ? error.message : String(error)}</p>
      )}
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
