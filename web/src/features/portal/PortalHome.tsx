import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { portalApi } from './api.js';

/** The person's files, each in one line: who, how much is left, where it stands; then what they can set for all. */
export function PortalHome() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('portal.home.title'));
  const format = useFormat();
  const data = useApiData((signal) => portalApi.me(i18n.language, signal), i18n.language);
  return (
    <AsyncContent data={data} onRetry={data.reload}>
      {(me) => (
        <>
          <h1>{me.firstName ? t('portal.home.hello', { name: me.firstName }) : t('portal.home.heading')}</h1>
          <p>{t('portal.home.intro', { count: me.cases.length })}</p>
          <ul className="portal-cases">
            {me.cases.map((c) => (
              <li key={c.id} className="portal-case-card">
                <h2>
                  <Link to={`/portal/cases/${c.id}`}>{t('portal.home.caseWith', { creditor: c.creditorName })}</Link>
                </h2>
                <p className="portal-amount">
                  {t('portal.home.left')} <strong>{format.money(c.balanceCents)}</strong>
                </p>
                <p>{c.procedure}</p>
                <p className="muted">{t('portal.home.reference', { reference: c.reference })}</p>
              </li>
            ))}
          </ul>
          <h2>{t('portal.home.settings')}</h2>
          <p>
            <Link to="/portal/preferences">{t('portal.preferences.link')}</Link>
          </p>
        </>
      )}
    </AsyncContent>
  );
}
