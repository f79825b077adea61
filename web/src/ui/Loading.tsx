import { useTranslation } from 'react-i18next';

/** A polite status line while data loads, so screen readers hear that something is happening. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
