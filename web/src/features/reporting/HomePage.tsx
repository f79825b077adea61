import { TableScroll } from '../../ui/TableScroll.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDashboard, runNightlyRefresh } from './api.js';
import type { Dashboard, NightlyRefreshReport } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { byLifecycle } from '../portfolio/stages.js';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const dashboard = useApiData(getDashboard, 'dashboard');
  usePageTitle(t('home.title'));

  return (
    <>
      <h1>{t('home.heading')}</h1>
      <p className="muted">{t('home.intro')}</p>
      <AsyncContent data={dashboard} onRetry={dashboard.reload}>
        {(data) => <DashboardFigures dashboard={data} />}
      </AsyncContent>
      {can(me.role, 'jobs.run') ? <NightlyRefresh onDone={dashboard.reload} /> : null}
    </>
  );
}

function DashboardFigures({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <dl className="figures">
        <div className="figure">
          <dt>{t('home.openCases')}</dt>
          <dd>{format.count(dashboard.openCases)}</dd>
        </div>
        <div className="figure">
          <dt>{t('home.totalBalance')}</dt>
          <dd>{format.money(dashboard.balanceCents)}</dd>
        </div>
        <div className="figure">
          <dt>{t('home.creditorsCount')}</dt>
          <dd>{format.count(dashboard.creditors.length)}</dd>
        </div>
      </dl>
      <h2>{t('home.byCreditor')}</h2>
      {dashboard.creditors.length === 0 ? <p>{t('home.empty')}</p> : null}
      <div className="creditor-cards">
        {dashboard.creditors.map((creditor) => (
          <CreditorStages key={creditor.creditorId} creditor={creditor} />
        ))}
      </div>
    </>
  );
}

function CreditorStages({ creditor }: { creditor: Dashboard['creditors'][number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `creditor-${creditor.creditorId}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{creditor.creditorName}</h3>
      <p className="muted">
        {t('home.creditorSummary', {
          cases: format.count(creditor.openCases),
          balance: format.money(creditor.balanceCents),
        })}
      </p>
      <TableScroll label={t('home.stageTable', { creditor: creditor.creditorName })}>
        <table>
          <caption className="visually-hidden">{t('home.stageTable', { creditor: creditor.creditorName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('home.stage')}</th>
              <th scope="col" className="number">
                {t('home.cases')}
              </th>
              <th scope="col" className="number">
                {t('home.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...creditor.stages]
              .sort((a, b) => byLifecycle(a.stage, b.stage))
              .map((stage) => (
                <tr key={stage.stage}>
                  <th scope="row">{labelOf(t, 'stages', stage.stage)}</th>
                  <td className="number">{format.count(stage.cases)}</td>
                  <td className="number">{format.money(stage.balanceCents)}</td>
                </tr>
              ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('home.total')}</th>
              <td className="number">{format.count(creditor.openCases)}</td>
              <td className="number">{format.money(creditor.balanceCents)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}

function NightlyRefresh({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useSubmit();
  const [report, setReport] = useState<NightlyRefreshReport | null>(null);

  async function run() {
    setReport(null);
    await refresh.run(async () => {
      setReport(await runNightlyRefresh());
      onDone();
    });
  }

  return (
    <section className="card nightly" aria-labelledby="nightly-heading">
      <h2 id="nightly-heading">{t('home.nightly.heading')}</h2>
      <p>{t('home.nightly.explain')}</p>
      <button type="button" className="button primary" onClick={() => void run()} disabled={refresh.busy}>
        {t('home.nightly.run')}
      </button>
      <div role="status" className="status-area">
        {refresh.busy ? <p>{t('home.nightly.running')}</p> : null}
        {report ? (
          <>
            <p className="success">{t('home.nightly.done', { date: format.date(report.snapshotOn) })}</p>
            <Facts
              items={[
                { label: t('home.nightly.snapshotRows'), value: format.count(report.snapshotRows) },
                { label: t('home.nightly.holdsLapsed'), value: format.count(report.holdsLapsed) },
                { label: t('home.nightly.holdsDueForReview'), value: format.count(report.holdsDueForReview) },
                { label: t('home.nightly.sessionsDeleted'), value: format.count(report.sessionsDeleted) },
              ]}
            />
          </>
        ) : null}
      </div>
      {refresh.error ? <ProblemMessage error={refresh.error} /> : null}
    </section>
  );
}
