import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import {
  getPolicyDraft,
  getPolicyOverview,
  savePolicyDraft,
  type PolicyDraft,
  type PolicyOverview,
  type VersionSummary,
} from './api.js';
import { PolicyRules } from './PolicyRules.js';
import { VersionNote } from './VersionNote.js';
import { VersionFacts } from './VersionFacts.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';

/** "Politique de contact": the version in force as readable rules, what is coming, every version, and the draft. */
export function ContactPolicyPage() {
  const { t } = useTranslation();
  const overview = useApiData((signal) => getPolicyOverview(signal), 'overview');
  const location = useLocation();
  const announcement = (location.state as { announcement?: string } | null)?.announcement ?? '';
  usePageTitle(t('contactPolicy.title'));
  return (
    <>
      <h1>{t('contactPolicy.title')}</h1>
      <p className="muted">{t('contactPolicy.intro')}</p>
      <div role="status" className="status-area" id="contact-policy-status">
        {announcement ? <p className="success">{announcement}</p> : null}
      </div>
      <AsyncContent data={overview} onRetry={overview.reload}>
        {(found) => <Overview overview={found} />}
      </AsyncContent>
    </>
  );
}

function Overview({ overview }: { overview: PolicyOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const { current } = overview;
  return (
    <>
      <section aria-labelledby="policy-current-heading" className="card">
        <h2 id="policy-current-heading">{t('contactPolicy.current')}</h2>
        <VersionFacts version={current} />
        <p>
          <Link to="/contact-policy/holidays">{t('contactPolicy.holidaysLink')}</Link>
        </p>
      </section>
      {can(me.role, 'contact_policy.manage') ? (
        <DraftCard current={current.version} document={current.document} />
      ) : (
        <p className="info">{t('contactPolicy.readOnly')}</p>
      )}
      <section aria-labelledby="policy-upcoming-heading">
        <h2 id="policy-upcoming-heading">{t('contactPolicy.upcoming')}</h2>
        {overview.upcoming.length === 0 ? (
          <p>{t('contactPolicy.noUpcoming')}</p>
        ) : (
          <ul className="plain-list">
            {overview.upcoming.map((version) => (
              <li key={version.version}>
                <Link to={`/contact-policy/versions/${version.version}`}>
                  {t('contactPolicy.upcomingLine', {
                    version: version.version,
                    date: format.dateTime(version.effectiveFrom),
                  })}
                </Link>
                {version.note ? (
                  <>
                    {' — '}
                    <VersionNote note={version.note} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="policy-rules-heading">
        <h2 id="policy-rules-heading">{t('contactPolicy.rulesHeading')}</h2>
        <PolicyRules document={current.document} idPrefix="current" />
      </section>
      <History versions={overview.versions} current={current.version} upcoming={overview.upcoming} />
    </>
  );
}

function History({
  versions,
  current,
  upcoming,
}: {
  versions: VersionSummary[];
  current: number;
  upcoming: VersionSummary[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const upcomingSet = new Set(upcoming.map((version) => version.version));
  const status = (version: number) =>
    version === current ? 'current' : upcomingSet.has(version) ? 'upcoming' : 'past';
  return (
    <section aria-labelledby="policy-history-heading">
      <h2 id="policy-history-heading">{t('contactPolicy.history')}</h2>
      <TableScroll label={t('contactPolicy.historyCaption')}>
        <table>
          <caption className="visually-hidden">{t('contactPolicy.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contactPolicy.columns.version')}</th>
              <th scope="col">{t('contactPolicy.columns.status')}</th>
              <th scope="col">{t('contactPolicy.columns.effectiveFrom')}</th>
              <th scope="col">{t('contactPolicy.columns.publishedAt')}</th>
              <th scope="col">{t('contactPolicy.columns.publishedBy')}</th>
              <th scope="col">{t('contactPolicy.columns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version}>
                <th scope="row">
                  <Link
                    to={`/contact-policy/versions/${version.version}`}
                    aria-label={t('contactPolicy.viewVersion', { version: version.version })}
                  >
                    {version.version}
                  </Link>
                </th>
                <td>{t(`contactPolicy.statuses.${status(version.version)}`)}</td>
                <td>{format.dateTime(version.effectiveFrom)}</td>
                <td>{format.dateTime(version.publishedAt)}</td>
                <td>{version.publishedBy?.name ?? t('contactPolicy.system')}</td>
                <td>{version.note ? <VersionNote note={version.note} /> : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** For compliance officers: the draft in progress, or a button that starts one from the version in force. */
function DraftCard({ current, document }: { current: number; document: PolicyDraft['document'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const draft = useApiData((signal) => getPolicyDraft(signal), 'draft');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      await savePolicyDraft({ document, basedOnVersion: current, expectedUpdatedAt: null });
      await navigate('/contact-policy/draft');
    } catch (caught) {
      setError(caught);
      setStarting(false);
    }
  }

  return (
    <section aria-labelledby="policy-draft-heading" className="card">
      <h2 id="policy-draft-heading">{t('contactPolicy.draftCard')}</h2>
      <AsyncContent data={draft} onRetry={draft.reload}>
        {(found) =>
          found ? (
            <>
              <p>
                {found.basedOnVersion !== null
                  ? t('contactPolicy.draftLine', {
                      date: format.dateTime(found.updatedAt),
                      name: found.updatedBy ?? t('contactPolicy.system'),
                      version: found.basedOnVersion,
                    })
                  : t('contactPolicy.draftLineNoBase', {
                      date: format.dateTime(found.updatedAt),
                      name: found.updatedBy ?? t('contactPolicy.system'),
                    })}
              </p>
              <p>
                <Link className="button primary" to="/contact-policy/draft">
                  {t('contactPolicy.openDraft')}
                </Link>
              </p>
            </>
          ) : (
            <>
              <p>{t('contactPolicy.noDraft')}</p>
              <div className="form-actions">
                <button type="button" className="button primary" disabled={starting} onClick={() => void start()}>
                  {starting ? t('contactPolicy.startingDraft') : t('contactPolicy.startDraft')}
                </button>
              </div>
              {error ? <ProblemMessage error={error} /> : null}
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}
