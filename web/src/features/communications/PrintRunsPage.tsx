import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat, type Formatters } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable, type Column } from '../../ui/DataTable.js';
import { browserToday } from '../../ui/today.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { ReturnedLetters } from './ReturnedLetters.js';
import {
  confirmPosting,
  listPrintRuns,
  preparePrintRun,
  recoverPrintRun,
  printRunManifestUrl,
  printRunPdfUrl,
  type PrintRunSummary,
  type PrintRunView,
} from './api.js';

/**
 * The day's print runs for the mail house (team leaders and managers): prepare today's (every first letter due,
 * each case on its own, refusals listed), download its PDF and manifest, confirm the day it was posted.
 */
export function PrintRunsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('printRuns.title'));
  const runs = useLiveData((signal) => listPrintRuns(signal), 'print-runs');
  const submit = useSubmit();
  const [prepared, setPrepared] = useState<PrintRunView | null>(null);
  async function prepare() {
    const ok = await submit.run(async () => {
      const run = await preparePrintRun();
      setPrepared(run);
      return (t) =>
        t('printRuns.prepared', { letters: run.letterCount, pages: run.pageCount, refused: run.refusedCount });
    });
    if (ok) runs.reload();
  }
  return (
    <>
      <h1>{t('printRuns.title')}</h1>
      <p className="muted">{t('printRuns.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={submit.busy} onClick={() => void prepare()}>
          {submit.busy ? t('printRuns.preparing') : t('printRuns.prepare')}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
      {prepared && prepared.refused.length > 0 ? <RefusedCases run={prepared} /> : null}
      <AsyncContent data={runs} onRetry={runs.reload}>
        {(found) =>
          found.runs.length === 0 ? (
            <p>{t('printRuns.none')}</p>
          ) : (
            <DataTable
              caption={t('printRuns.caption')}
              columns={columns(t, format, runs.reload)}
              rows={found.runs}
              rowKey={(run) => run.id}
            />
          )
        }
      </AsyncContent>
      <ReturnedLetters onMarked={runs.reload} />
    </>
  );
}

/** The cases the run just prepared left out, each with why (the problem's text). */
function RefusedCases({ run }: { run: PrintRunView }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="print-run-refused">
      <h2 id="print-run-refused">{t('printRuns.refusedHeading', { count: run.refused.length })}</h2>
      <ul>
        {run.refused.map((refused) => (
          <li key={refused.caseId}>
            <Link to={`/cases/${refused.caseId}`}>{refused.caseReference}</Link>
            {' : '}
            {t(`problems.${refused.code}`, { defaultValue: refused.code })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function columns(t: TFunction, format: Formatters, reload: () => void): Column<PrintRunSummary>[] {
  return [
    { header: t('printRuns.column.date'), cell: (r) => format.date(r.runDate), rowHeader: true },
    { header: t('printRuns.column.status'), cell: (r) => t(`printRuns.status.${r.status}`) },
    { header: t('printRuns.column.letters'), cell: (r) => format.count(r.letterCount), className: 'number' },
    {
      header: t('printRuns.column.pages'),
      cell: (r) => t('printRuns.pagesSheets', { pages: r.pageCount, sheets: r.sheetCount }),
    },
    { header: t('printRuns.column.refused'), cell: (r) => format.count(r.refusedCount), className: 'number' },
    { header: t('printRuns.column.returned'), cell: (r) => format.count(r.returnedCount), className: 'number' },
    { header: t('printRuns.column.preparedBy'), cell: (r) => r.preparedBy },
    {
      header: t('printRuns.column.files'),
      cell: (r) =>
        r.letterCount === 0 ? (
          t('printRuns.noFiles')
        ) : (
          <>
            <div>
              <a href={printRunPdfUrl(r.id)} download>
                {t('printRuns.downloadPdf', { date: format.date(r.runDate) })}
              </a>
            </div>
            <div>
              <a href={printRunManifestUrl(r.id)} download>
                {t('printRuns.downloadManifest', { date: format.date(r.runDate) })}
              </a>
            </div>
          </>
        ),
    },
    {
      header: t('printRuns.column.posting'),
      cell: (r) =>
        r.postedOn ? (
          t('printRuns.postedOn', { date: format.date(r.postedOn), by: r.postedBy ?? '' })
        ) : r.status === 'preparing' ? (
          <StuckRun run={r} onDone={reload} />
        ) : r.status === 'abandoned' ? (
          t('printRuns.abandonedOn', {
            date: format.dateTime(r.abandonedAt!),
            by: r.abandonedBy ?? t('printRuns.abandonedByJob'),
          })
        ) : r.status === 'ready' && r.letterCount > 0 ? (
          <PostingForm run={r} onDone={reload} />
        ) : (
          '—'
        ),
    },
  ];
}

/** The day the run was handed to the mail house: today by default, confirmed once. */
function PostingForm({ run, onDone }: { run: PrintRunSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const submit = useSubmit();
  const [postedOn, setPostedOn] = useState(browserToday);
  const id = `posting-${run.id}`;
  async function confirm() {
    const ok = await submit.run(async () => {
      await confirmPosting(run.id, postedOn);
      return (t) => t('printRuns.posted');
    });
    if (ok) onDone();
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <label htmlFor={id}>{t('printRuns.postingDay', { date: format.date(run.runDate) })}</label>
      <input
        id={id}
        type="date"
        required
        min={run.runDate}
        value={postedOn}
        onChange={(e) => setPostedOn(e.target.value)}
      />
      <button type="submit" className="button secondary" disabled={submit.busy}>
        {t('printRuns.confirmPosting')}
      </button>
      <SubmitFeedback submit={submit} />
    </form>
  );
}

/**
 * A run still preparing: once silent past the limit, the process preparing it died; a manager finishes it with the
 * letters it issued, or abandons it (they go with the next run).
 */
function StuckRun({ run, onDone }: { run: PrintRunSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const submit = useSubmit();
  if (!run.stuck || !can(me.role, 'print_runs.recover'))
    return <>{t('printRuns.preparingSince', { at: format.dateTime(run.stuckFrom!) })}</>;
  async function recover(act: 'resume' | 'abandon') {
    const ok = await submit.run(async () => {
      await recoverPrintRun(run.id, act);
      return (t) => t(act === 'resume' ? 'printRuns.resumed' : 'printRuns.abandonedDone');
    });
    if (ok) onDone();
  }
  return (
    <div>
      <p>{t('printRuns.stuck', { since: format.dateTime(run.activeAt) })}</p>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={submit.busy} onClick={() => void recover('resume')}>
          {t('printRuns.resume')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={submit.busy}
          onClick={() => void recover('abandon')}
        >
          {t('printRuns.abandon')}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
    </div>
  );
}
