import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  getStrategies,
  getStrategyVersion,
  type StrategyOverview,
  type StrategyVersion,
  type StrategyVersionSummary,
} from './api.js';
import { useApiData } from '../../../api/useApiData.js';
import { AsyncContent } from '../../../ui/AsyncContent.js';
import { Facts } from '../../../ui/Facts.js';
import { TableScroll } from '../../../ui/TableScroll.js';
import { usePageTitle } from '../../../ui/usePageTitle.js';
import { useFormat } from '../../../i18n/format.js';
import { RECORD_TEXT_LANG } from '../../../i18n/labels.js';
import { can } from '../../identity/permissions.js';
import { useMe } from '../../identity/SessionProvider.js';
import { StrategyEditor } from './StrategyEditor.js';
import { StrategyRules } from './StrategyRules.js';

/** A version number from the address (?version=N), or null for the version in force. */
function versionParam(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/**
 * "Stratégies": the strategy in force as readable rules, every published version (?version=N shows one), and for
 * managers the editor that publishes a new version.
 */
export function StrategiesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requested = versionParam(params.get('version'));
  const [announcement, setAnnouncement] = useState('');
  const data = useApiData(async (signal) => {
    const overview = await getStrategies(signal);
    const viewed =
      requested === null || requested === overview.inForce.version
        ? overview.inForce
        : await getStrategyVersion(requested, signal);
    return { overview, viewed };
  }, String(requested));
  usePageTitle(
    requested === null
      ? t('supervision.strategies.title')
      : `${t('supervision.strategies.viewing', { version: requested })} – ${t('supervision.strategies.title')}`,
  );
  return (
    <>
      <h1>{t('supervision.strategies.title')}</h1>
      <p className="muted">{t('supervision.strategies.intro')}</p>
      <div role="status" className="status-area" id="strategies-status">
        {announcement ? <p className="success">{announcement}</p> : null}
      </div>
      <AsyncContent data={data} onRetry={data.reload}>
        {({ overview, viewed }) => (
          <Overview
            overview={overview}
            viewed={viewed}
            onPublished={(version) => {
              setAnnouncement(t('supervision.strategies.editor.published', { version: version.version }));
              data.reload();
            }}
          />
        )}
      </AsyncContent>
    </>
  );
}

function Overview({
  overview,
  viewed,
  onPublished,
}: {
  overview: StrategyOverview;
  viewed: StrategyVersion;
  onPublished: (version: StrategyVersion) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { inForce } = overview;
  const isInForce = viewed.version === inForce.version;
  const nextVersion = Math.max(inForce.version, ...overview.versions.map((version) => version.version)) + 1;
  return (
    <>
      <section aria-labelledby="strategy-viewed-heading" className="card">
        <h2 id="strategy-viewed-heading">
          {isInForce
            ? t('supervision.strategies.inForce')
            : t('supervision.strategies.viewing', { version: viewed.version })}
        </h2>
        {isInForce ? null : (
          <>
            <p className="info">{t('supervision.strategies.notInForce', { version: inForce.version })}</p>
            <p>
              <Link to="/strategies">{t('supervision.strategies.backToInForce')}</Link>
            </p>
          </>
        )}
        <VersionFacts version={viewed} />
      </section>
      <section aria-labelledby="strategy-rules-heading">
        <h2 id="strategy-rules-heading">{t('supervision.strategies.rules')}</h2>
        <StrategyRules document={viewed.document} idPrefix={isInForce ? 'in-force' : `version-${viewed.version}`} />
      </section>
      <Versions versions={overview.versions} inForce={inForce.version} viewed={viewed.version} />
      {can(me.role, 'strategies.manage') ? (
        <StrategyEditor document={inForce.document} nextVersion={nextVersion} onPublished={onPublished} />
      ) : (
        <p className="info">{t('supervision.strategies.readOnly')}</p>
      )}
    </>
  );
}

function VersionFacts({ version }: { version: StrategyVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Facts
      items={[
        { label: t('supervision.strategies.facts.version'), value: version.version },
        {
          label: t('supervision.strategies.facts.title'),
          value: <span lang={RECORD_TEXT_LANG}>{version.document.title}</span>,
        },
        { label: t('supervision.strategies.facts.publishedAt'), value: format.dateTime(version.publishedAt) },
        {
          label: t('supervision.strategies.facts.publishedBy'),
          value: version.publishedBy ?? t('supervision.strategies.system'),
        },
        { label: t('supervision.strategies.facts.segments'), value: format.count(version.document.segments.length) },
        {
          label: t('supervision.strategies.facts.note'),
          value: version.note ? <span lang={RECORD_TEXT_LANG}>{version.note}</span> : t('common.none'),
        },
      ]}
    />
  );
}

function Versions({
  versions,
  inForce,
  viewed,
}: {
  versions: StrategyVersionSummary[];
  inForce: number;
  viewed: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="strategy-versions-heading">
      <h2 id="strategy-versions-heading">{t('supervision.strategies.versions')}</h2>
      <TableScroll label={t('supervision.strategies.versionsCaption')}>
        <table className="strategy-versions">
          <caption className="visually-hidden">{t('supervision.strategies.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supervision.strategies.columns.version')}</th>
              <th scope="col">{t('supervision.strategies.columns.status')}</th>
              <th scope="col">{t('supervision.strategies.columns.publishedAt')}</th>
              <th scope="col">{t('supervision.strategies.columns.publishedBy')}</th>
              <th scope="col">{t('supervision.strategies.columns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((version) => (
              <tr key={version.version} data-version={version.version}>
                <th scope="row">
                  <Link
                    to={version.version === inForce ? '/strategies' : `/strategies?version=${version.version}`}
                    aria-label={t('supervision.strategies.viewVersion', { version: version.version })}
                    aria-current={version.version === viewed ? 'page' : undefined}
                  >
                    {version.version}
                  </Link>
                </th>
                <td>
                  {version.version === inForce
                    ? t('supervision.strategies.statuses.inForce')
                    : t('supervision.strategies.statuses.past')}
                </td>
                <td>{format.dateTime(version.publishedAt)}</td>
                <td>{version.publishedBy ?? t('supervision.strategies.system')}</td>
                <td lang={RECORD_TEXT_LANG}>{version.note || t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
