import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../ui/usePageTitle.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFound'));
  return (
    <>
      <h1>{t('errors.notFound')}</h1>
      <p>{t('errors.pageNotFound')}</p>
      <p>
        <Link to="/">{t('errors.goHome')}</Link>
      </p>
    </>
  );
}
