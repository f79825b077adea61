import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR_CODE } from '../api/client.js';
import { useFormat } from '../i18n/format.js';
import { describeProblem } from '../i18n/problems.js';

const HEADLINES: Record<number, string> = {
  401: 'errors.unauthenticated',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  400: 'errors.invalid',
  413: 'errors.invalid',
  415: 'errors.invalid',
  422: 'errors.invalid',
  409: 'errors.conflict',
  423: 'errors.locked',
  429: 'errors.rateLimited',
};

interface Props {
  error: unknown;
  /** Overrides the headline chosen from the status (e.g. "Could not sign in"). */
  title?: string;
  /** Says more precisely, on this screen, what some problem codes mean (code → translated text). */
  overrides?: Partial<Record<string, string>>;
  onRetry?: () => void;
}

/**
 * Shows an API problem: a translated headline from its status, then what happened and what to do, translated from
 * the problem's stable `code` (the server's English `detail` only for a code the app does not know yet).
 * Announced at once (role="alert") so nobody misses why an action failed.
 */
export function ProblemMessage({ error, title, overrides, onRetry }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const apiError = error instanceof ApiError ? error : null;
  const network = apiError?.code === NETWORK_ERROR_CODE;
  const headlineKey = apiError
    ? (HEADLINES[apiError.status] ?? (apiError.status >= 500 ? 'errors.server' : 'errors.generic'))
    : 'errors.generic';
  const headline = title ?? (network ? t('errors.network') : t(headlineKey));
  const description = apiError ? describeProblem(apiError, t, format, overrides) : null;
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{headline}</p>
      {description ? (
        <>
          <p lang={description.message.lang}>{description.message.text}</p>
          {description.details.length > 0 ? (
            <ul className="problem-details">
              {description.details.map((line, index) => (
                <li key={index} lang={line.lang}>
                  {line.text}
                </li>
              ))}
            </ul>
          ) : null}
        </>
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
