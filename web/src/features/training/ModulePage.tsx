import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { useSubmit, SubmitFeedback } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getModule, startAttempt, type ModuleDetail } from './api.js';
import { ModuleText } from './ModuleText.js';

type AttemptLine = ModuleDetail['attempts'][number];

/** A module: its text (the server's blocks, never HTML), the quiz to take, and the reader's attempts. */
export function ModulePage() {
  const { t } = useTranslation();
  const { moduleId = '' } = useParams();
  const module = useApiData((signal) => getModule(moduleId, signal), `training-module-${moduleId}`);
  usePageTitle(module.status === 'ready' ? module.data.title : t('training.title'));
  return (
    <>
      <p>
        <Link to="/training">{t('training.module.back')}</Link>
      </p>
      <AsyncContent data={module} onRetry={module.reload}>
        {(found) => <ModuleBody module={found} />}
      </AsyncContent>
    </>
  );
}

function ModuleBody({ module }: { module: ModuleDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const submit = useSubmit();
  const take = () =>
    submit.run(async () => {
      const attempt = await startAttempt(module.id);
      await navigate(`/training/attempts/${attempt.id}`);
    });
  return (
    <article lang={module.language}>
      <h1>{module.title}</h1>
      <p className="muted">
        {t('training.module.meta', {
          version: module.version,
          minutes: module.minutes,
          draw: module.draw,
          bank: module.bankSize,
          passMark: module.passMark,
        })}
      </p>
      <ModuleText blocks={module.blocks} />
      <p>
        <button type="button" className="primary" onClick={() => void take()} disabled={submit.busy}>
          {submit.busy ? t('training.module.starting') : t('training.module.start')}
        </button>
      </p>
      <SubmitFeedback submit={submit} />
      <section aria-labelledby="module-attempts">
        <h2 id="module-attempts">{t('training.module.attemptsHeading')}</h2>
        {module.attempts.length === 0 ? (
          <p>{t('training.module.noAttempts')}</p>
        ) : (
          <DataTable<AttemptLine>
            caption={t('training.module.attemptsHeading')}
            rows={module.attempts}
            rowKey={(row) => row.id}
            columns={[
              {
                header: t('training.module.columns.startedAt'),
                rowHeader: true,
                cell: (row) => format.dateTime(row.startedAt),
              },
              {
                header: t('training.module.columns.score'),
                cell: (row) =>
                  row.correct === null
                    ? t('common.none')
                    : t('training.module.score', { correct: row.correct, outOf: row.outOf }),
              },
              {
                header: t('training.module.columns.outcome'),
                cell: (row) =>
                  row.passed === null ? (
                    <Link to={`/training/attempts/${row.id}`}>{t('training.module.resume')}</Link>
                  ) : row.passed ? (
                    t('training.module.passed')
                  ) : (
                    t('training.module.failed')
                  ),
              },
            ]}
          />
        )}
      </section>
    </article>
  );
}
