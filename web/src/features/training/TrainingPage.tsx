import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QUEUE_CERTIFICATIONS } from '../../../../src/training/contract.js';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import {
  getTraining,
  type CertificationView,
  type ModuleSummary,
  type QueuePath,
  type TrainingOverview,
} from './api.js';
import { certificationNames, certificationStatus } from './certification-words.js';

/**
 * Every employee's training page: their certifications with their end, their modules with their progress, and the
 * path to each team (what the queue asks for, what is still to pass).
 */
export function TrainingPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('training.title'));
  const training = useApiData((signal) => getTraining(signal), 'training');
  return (
    <>
      <h1>{t('training.title')}</h1>
      <p className="muted">{t('training.intro')}</p>
      {can(me.role, 'training.team') ? (
        <p>
          <Link to="/training/team">{t('training.teamLink')}</Link>
        </p>
      ) : null}
      <AsyncContent data={training} onRetry={training.reload}>
        {(found) => (
          <>
            <Certifications found={found} />
            <Modules modules={found.modules} />
            <Paths queues={found.queues} modules={found.modules} />
          </>
        )}
      </AsyncContent>
    </>
  );
}

function Certifications({ found }: { found: TrainingOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="training-certifications">
      <h2 id="training-certifications">{t('training.certificationsHeading')}</h2>
      <DataTable<CertificationView>
        caption={t('training.certificationsHeading')}
        rows={found.certifications}
        rowKey={(row) => row.kind}
        columns={[
          {
            header: t('training.columns.certification'),
            rowHeader: true,
            cell: (row) => t(`training.certificationNames.${row.kind}`),
          },
          {
            header: t('training.columns.status'),
            cell: (row) => (
              <span className={`training-status training-${row.status}`}>{certificationStatus(t, row)}</span>
            ),
          },
          {
            header: t('training.columns.earnedOn'),
            cell: (row) => (row.earnedOn ? format.date(row.earnedOn) : t('common.none')),
          },
          {
            header: t('training.columns.countsUntil'),
            cell: (row) => (row.countsUntil ? format.date(row.countsUntil) : t('common.none')),
          },
        ]}
      />
    </section>
  );
}

function ModuleProgress({ module }: { module: ModuleSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { progress } = module;
  if (progress.lastPassedAt)
    return <>{t('training.progress.passedOn', { date: format.instantDate(new Date(progress.lastPassedAt)) })}</>;
  if (progress.attempts > 0)
    return <>{t('training.progress.best', { percent: progress.bestPercent ?? 0, count: progress.attempts })}</>;
  return <>{t('training.progress.notStarted')}</>;
}

function Modules({ modules }: { modules: ModuleSummary[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="training-modules">
      <h2 id="training-modules">{t('training.modulesHeading')}</h2>
      <ul className="training-modules">
        {modules.map((module) => (
          <li key={module.id} className="training-module">
            <h3>
              <Link to={`/training/modules/${module.id}`}>{module.title}</Link>
            </h3>
            <p>{module.summary}</p>
            <p className="muted">
              {t('training.minutes', { count: module.minutes })} · <ModuleProgress module={module} />
              {module.certifications.length > 0
                ? ` · ${t('training.countsFor', { certifications: certificationNames(t, module.certifications) })}`
                : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Paths({ queues, modules }: { queues: QueuePath[]; modules: ModuleSummary[] }) {
  const { t } = useTranslation();
  const titles = new Map(modules.map((module) => [module.id, module.title]));
  return (
    <section aria-labelledby="training-paths">
      <h2 id="training-paths">{t('training.pathsHeading')}</h2>
      <ul className="training-paths">
        {queues
          .filter((path) => path.queue !== 'amicable')
          .map((path) => (
            <li key={path.queue}>
              <h3>{t(`training.queueNames.${path.queue}`)}</h3>
              <p className="muted">
                {t('training.path.asks', { certifications: certificationNames(t, QUEUE_CERTIFICATIONS[path.queue]) })}
              </p>
              {path.open ? (
                <p>{t('training.path.open')}</p>
              ) : (
                <>
                  <p>{t('training.path.toEarn', { certifications: certificationNames(t, path.missing) })}</p>
                  <p>{t('training.path.modules')}</p>
                  <ul>
                    {path.modulesToPass.map((id) => (
                      <li key={id}>
                        <Link to={`/training/modules/${id}`}>{titles.get(id) ?? id}</Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
      </ul>
    </section>
  );
}
