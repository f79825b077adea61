import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getPolicyOverview, getPolicyVersion } from './api.js';
import { PolicyDiffView, PolicyRules } from './PolicyRules.js';
import { VersionFacts } from './VersionFacts.js';

/** One published version: its rules, and what it changes from the version in force. */
export function ContactPolicyVersionPage() {
  const { t } = useTranslation();
  const { version = '' } = useParams();
  const number = Number(version);
  const data = useApiData(async (signal) => {
    const [detail, overview] = await Promise.all([getPolicyVersion(number, signal), getPolicyOverview(signal)]);
    return { detail, current: overview.current };
  }, version);
  usePageTitle(t('contactPolicy.versionHeading', { version }));
  return (
    <>
      <p className="back-link">
        <Link to="/contact-policy">
          <span aria-hidden="true">← </span>
          {t('contactPolicy.backToPolicy')}
        </Link>
      </p>
      <h1>{t('contactPolicy.versionHeading', { version })}</h1>
      <AsyncContent data={data} onRetry={data.reload}>
        {({ detail, current }) => (
          <>
            <section className="card" aria-label={t('contactPolicy.versionHeading', { version })}>
              <VersionFacts version={detail} />
            </section>
            {detail.version !== current.version ? (
              <PolicyDiffView
                before={current.document}
                after={detail.document}
                version={current.version}
                idPrefix="version"
              />
            ) : null}
            <section aria-labelledby="version-rules-heading">
              <h2 id="version-rules-heading">{t('contactPolicy.rulesHeading')}</h2>
              <PolicyRules document={detail.document} idPrefix="version" />
            </section>
          </>
        )}
      </AsyncContent>
    </>
  );
}
