import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { portalApi } from './api.js';
import { PasskeyOffer } from './PortalPasskeys.js';

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
          <PasskeyOffer />
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
          {me.help.length > 0 ? (
            <section aria-labelledby="portal-help">
              <h2 id="portal-help">{t('portal.home.help')}</h2>
              <p>{t('portal.home.helpIntro')}</p>
              <ul className="portal-cases">
                {me.help.map((help) => (
                  <li key={`${help.organisation}-${help.proposedOn}`} className="portal-case-card">
                    <h3>{help.organisation}</h3>
                    {help.phone ? (
                      <p>
                        {t('portal.home.helpPhone')} <a href={`tel:${help.phone.replace(/\s/g, '')}`}>{help.phone}</a>
                      </p>
                    ) : null}
                    {help.email ? (
                      <p>
                        {t('portal.home.helpEmail')} <a href={`mailto:${help.email}`}>{help.email}</a>
                      </p>
                    ) : null}
                    {help.website ? (
                      <p>
                        <a href={help.website} rel="noopener noreferrer">
                          {help.website}
                        </a>
                      </p>
                    ) : null}
                    {help.address ? <p>{help.address}</p> : null}
                    <p className="muted">{t('portal.home.helpProposed', { day: format.date(help.proposedOn) })}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <h2>{t('portal.home.settings')}</h2>
          <p>
            <Link to="/portal/preferences">{t('portal.preferences.link')}</Link>
          </p>
          <p>
            <Link to="/portal/details">{t('portal.details.link')}</Link>
          </p>
          <p>
            <Link to="/portal/passkeys">{t('portalPasskeys.link')}</Link>
          </p>
        </>
      )}
    </AsyncContent>
  );
}
