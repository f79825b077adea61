import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getTeamTraining, type TeamTraining } from './api.js';
import { certificationStatus } from './certification-words.js';

type Member = TeamTraining['members'][number];

/** A team leader's view of their team's training (a manager's: everyone's): modules, certifications, open queues. */
export function TeamTrainingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('training.team.title'));
  const team = useApiData((signal) => getTeamTraining(signal), 'training-team');
  return (
    <>
      <h1>{t('training.team.title')}</h1>
      <p className="muted">{t('training.team.intro')}</p>
      <AsyncContent data={team} onRetry={team.reload}>
        {(found) =>
          found.members.length === 0 ? (
            <p>{t('training.team.empty')}</p>
          ) : (
            <DataTable<Member>
              caption={t('training.team.title')}
              rows={found.members}
              rowKey={(row) => row.userId}
              columns={[
                { header: t('training.team.columns.person'), rowHeader: true, cell: (row) => row.displayName },
                { header: t('training.team.columns.team'), cell: (row) => row.teamName ?? t('common.none') },
                {
                  header: t('training.team.columns.modules'),
                  cell: (row) => t('training.team.modules', { passed: row.modulesPassed, total: row.modulesTotal }),
                },
                {
                  header: t('training.team.columns.certifications'),
                  cell: (row) => (
                    <ul className="plain-list">
                      {row.certifications
                        .filter((cert) => cert.status !== 'none')
                        .map((cert) => (
                          <li key={cert.kind}>
                            {cert.countsUntil && cert.status !== 'expired'
                              ? t('training.team.until', {
                                  name: t(`training.certificationNames.${cert.kind}`),
                                  status: certificationStatus(t, cert),
                                  date: format.date(cert.countsUntil),
                                })
                              : t('training.team.certification', {
                                  name: t(`training.certificationNames.${cert.kind}`),
                                  status: certificationStatus(t, cert),
                                })}
                          </li>
                        ))}
                    </ul>
                  ),
                },
                {
                  header: t('training.team.columns.queues'),
                  cell: (row) => row.openQueues.map((queue) => t(`training.queueNames.${queue}`)).join(', '),
                },
              ]}
            />
          )
        }
      </AsyncContent>
    </>
  );
}
