import { useTranslation } from 'react-i18next';

/** Yes/No in words (with a mark for quick scanning): colour or a symbol alone would not be accessible. */
export function YesNo({ value, yes, no }: { value: boolean; yes?: string; no?: string }) {
  const { t } = useTranslation();
  return (
    <span className={value ? 'flag flag-yes' : 'flag flag-no'}>
      <span aria-hidden="true">{value ? '✓ ' : '– '}</span>
      {value ? (yes ?? t('common.yes')) : (no ?? t('common.no'))}
    </span>
  );
}
