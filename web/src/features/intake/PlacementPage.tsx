import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isAbort } from '../../api/client.js';
import { getPlacement } from './api.js';
import type { Placement } from './api.js';
import { Facts } from '../../ui/Facts.js';
import { Loading } from '../../ui/Loading.js';
import { PlacementStatusBadge } from './PlacementStatusBadge.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf, SERVER_TEXT_LANG } from '../../i18n/labels.js';
import { can } from '../identity/permissions.js';
import { countGroups, countText, isImporting, placementName, placementSummary } from './placements.js';
import { RejectedExplanation, RejectedRows } from './PlacementErrors.js';
import { useMe } from '../identity/SessionProvider.js';

/** How often a placement still being imported is asked for again. */
const POLL_MS = 1000;
/** After this long without an answer, the page says the server is busy rather than look stuck. */
const SLOW_ANSWER_MS = 3000;

/**
 * Loads a placement and, while it is pending or running, loads it again every second. Unlike useApiData, the last
 * answer stays on screen while the next one is awaited, so the page does not flicker as it follows the import.
 */
function usePolledPlacement(id: string) {
  const [state, setState] = useState<{ id: string; placement: Placement | null; error: unknown }>({
    id,
    placement: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  // An answer that keeps the page waiting: on the embedded database an import holds the only connection.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    let slowTimer: number | undefined;
    const load = () => {
      slowTimer = window.setTimeout(() => setSlow(true), SLOW_ANSWER_MS);
      const settled = () => {
        window.clearTimeout(slowTimer);
        setSlow(false);
      };
      getPlacement(id, controller.signal).then(
        (placement) => {
          settled();
          setState({ id, placement, error: null });
          if (isImporting(placement.status)) timer = window.setTimeout(load, POLL_MS);
        },
        (error: unknown) => {
          if (isAbort(error)) return;
          settled();
          setState((current) => ({ id, placement: current.id === id ? current.placement : null, error }));
        },
      );
    };
    load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
      window.clearTimeout(slowTimer);
    };
  }, [id, attempt]);
  const current = state.id === id ? state : { id, placement: null, error: null };
  return { ...current, slow, retry: () => setAttempt((n) => n + 1) };
}

export function PlacementPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const { placement, error, slow, retry } = usePolledPlacement(id);
  usePageTitle(placement ? t('placement.title', { name: placementName(t, format, placement) }) : t('placements.title'));

  return (
    <>
      <p className="back-link">
        <Link to="/placements">
          <span aria-hidden="true">← </span>
          {t('placement.back')}
        </Link>
      </p>
      {placement ? (
        <>
          {/* A failed refresh keeps the last state on screen and says why it stopped following. */}
          {error ? <ProblemMessage error={error} onRetry={retry} /> : null}
          <PlacementView placement={placement} slow={slow} />
        </>
      ) : error ? (
        <ProblemMessage error={error} onRetry={retry} />
      ) : (
        <Loading />
      )}
    </>
  );
}

function PlacementView({ placement, slow }: { placement: Placement; slow: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const importing = isImporting(placement.status);
  const statusLine =
    placement.status === 'pending'
      ? t('placement.pending')
      : placement.status === 'running'
        ? placement.rowsRead === null
          ? t('placement.runningNoCount')
          : t('placement.running', { count: placement.rowsRead, n: format.count(placement.rowsRead) })
        : placement.status === 'completed'
          ? t('placement.finished', {
              status: labelOf(t, 'placements.statuses', placement.status),
              summary: placementSummary(t, format, placement),
            })
          : placement.status === 'rejected' && placement.rowsRejected > 0
            ? t('placement.finishedRejected', {
                status: labelOf(t, 'placements.statuses', placement.status),
                rejected: t('placements.summary.rowsRejected', {
                  count: placement.rowsRejected,
                  n: format.count(placement.rowsRejected),
                }),
              })
            : t('placement.finishedNothing', { status: labelOf(t, 'placements.statuses', placement.status) });

  return (
    <>
      <h1>
        {placementName(t, format, placement)}{' '}
        <span className="heading-sub">
          {placement.creditor.name} · <code>{placement.mandateCode}</code>
        </span>
      </h1>
      <section className="card" aria-labelledby="placement-details-heading">
        <h2 id="placement-details-heading">{t('placement.details')}</h2>
        <Facts
          items={[
            { label: t('placement.status'), value: <PlacementStatusBadge status={placement.status} /> },
            { label: t('placement.creditor'), value: placement.creditor.name },
            { label: t('placement.mandate'), value: <code>{placement.mandateCode}</code> },
            { label: t('placement.placedOn'), value: format.date(placement.placedOn) },
            { label: t('placement.file'), value: placement.fileName ?? t('common.none') },
            {
              label: t('placement.format'),
              value: placement.format ? labelOf(t, 'placements.formats', placement.format) : t('common.none'),
            },
            { label: t('placement.createdAt'), value: format.dateTime(placement.createdAt) },
            {
              label: t('placement.completedAt'),
              value: placement.completedAt ? format.dateTime(placement.completedAt) : t('common.none'),
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="placement-report-heading">
        <h2 id="placement-report-heading">
          {importing ? t('placement.progressHeading') : t('placement.reportHeading')}
        </h2>
        {/* One status line for the whole life of the page, so the end of the import is announced where it was followed. */}
        <p
          id="placement-status-line"
          role="status"
          className={importing ? 'import-status' : 'import-status import-done'}
        >
          {statusLine}
        </p>
        {importing ? (
          <div className="import-progress">
            <label htmlFor="placement-import-progress">{t('placement.progressLabel')}</label>
            <progress id="placement-import-progress" aria-describedby="placement-status-line" />
            <p className="hint">{slow ? t('placement.serverBusy') : t('placement.pollHint')}</p>
          </div>
        ) : (
          <Outcome placement={placement} />
        )}
      </section>
      {!importing && placement.errorCount > 0 ? <RejectedRows placement={placement} /> : null}
      {!importing ? (
        <p className="after-report">
          {placement.status === 'completed' &&
          (placement.counts?.casesCreated ?? 0) > 0 &&
          can(me.role, 'cases.read') ? (
            <Link to={`/cases?creditorId=${encodeURIComponent(placement.creditor.id)}`}>
              {t('placement.viewCases', { creditor: placement.creditor.name })}
            </Link>
          ) : null}
          {can(me.role, 'placements.create') ? <Link to="/placements/new">{t('placement.uploadAnother')}</Link> : null}
        </p>
      ) : null}
    </>
  );
}

/** What the finished import did, or why it imported nothing. */
function Outcome({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (placement.status === 'failed') {
    return (
      <div className="outcome outcome-bad">
        <p>{t('placement.failed')}</p>
        {placement.failure ? (
          <p>
            <code lang={SERVER_TEXT_LANG}>{placement.failure}</code>
          </p>
        ) : null}
      </div>
    );
  }
  if (placement.status === 'rejected') return <RejectedExplanation placement={placement} />;
  const counts = placement.counts;
  return (
    <>
      <p>
        {t('placement.rowsRead', { count: placement.rowsTotal, n: format.count(placement.rowsTotal) })}{' '}
        {placement.rowsRejected > 0 ? t('placement.completedWithErrors') : t('placement.completedClean')}
      </p>
      {counts ? (
        <div className="count-groups">
          {countGroups(counts).map((group) => (
            <section key={group.heading} className="count-group" aria-labelledby={`counts-${group.heading}`}>
              <h3 id={`counts-${group.heading}`}>{t(`placement.${group.heading}`)}</h3>
              <ul>
                {group.keys.map((key) => (
                  <li key={key} className={(counts[key] ?? 0) === 0 ? 'muted' : undefined}>
                    {countText(t, format, key, counts[key] ?? 0)}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </>
  );
}
