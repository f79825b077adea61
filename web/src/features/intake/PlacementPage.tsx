import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isAbort } from '../../api/client.js';
import { getPlacement, listPlacementErrors } from './api.js';
import type { Placement, PlacementError } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Pager } from '../../ui/Pager.js';
import { Facts } from '../../ui/Facts.js';
import { Loading } from '../../ui/Loading.js';
import { PlacementStatusBadge } from './PlacementStatusBadge.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf, SERVER_TEXT_LANG } from '../../i18n/labels.js';
import { can } from '../identity/permissions.js';
import { countGroups, countText, isFileError, isImporting, placementName, placementSummary, rowErrorText, WHOLE_FILE_COLUMN } from './placements.js';
import { useMe } from '../identity/SessionProvider.js';

/** How often a placement still being imported is asked for again. */
const POLL_MS = 1000;
const ERRORS_PAGE_SIZE = 50;
/** After this long without an answer, the page says the server is busy rather than look stuck. */
const SLOW_ANSWER_MS = 3000;

/**
 * Loads a placement and, while it is pending or running, loads it again every second. Unlike useApiData, the last
 * answer stays on screen while the next one is awaited, so the page does not flicker as it follows the import.
 */
function usePolledPlacement(id: string) {
  const [state, setState] = useState<{ id: string; placement: Placement | null; error: unknown }>({ id, placement: null, error: null });
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
          ? t('placement.finished', { status: labelOf(t, 'placements.statuses', placement.status), summary: placementSummary(t, format, placement) })
          : placement.status === 'rejected' && placement.rowsRejected > 0
            ? t('placement.finishedRejected', {
                status: labelOf(t, 'placements.statuses', placement.status),
                rejected: t('placements.summary.rowsRejected', { count: placement.rowsRejected, n: format.count(placement.rowsRejected) }),
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
            { label: t('placement.format'), value: placement.format ? labelOf(t, 'placements.formats', placement.format) : t('common.none') },
            { label: t('placement.createdAt'), value: format.dateTime(placement.createdAt) },
            { label: t('placement.completedAt'), value: placement.completedAt ? format.dateTime(placement.completedAt) : t('common.none') },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="placement-report-heading">
        <h2 id="placement-report-heading">{importing ? t('placement.progressHeading') : t('placement.reportHeading')}</h2>
        {/* One status line for the whole life of the page, so the end of the import is announced where it was followed. */}
        <p id="placement-status-line" role="status" className={importing ? 'import-status' : 'import-status import-done'}>
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
          {placement.status === 'completed' && (placement.counts?.casesCreated ?? 0) > 0 && can(me.role, 'cases.read') ? (
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

/**
 * A rejected file imported nothing. Either the mandate refuses files with any bad row, or the file itself could not
 * be read (its header, its encoding), which no mandate accepts: the first rejected rows tell which.
 */
function RejectedExplanation({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const firstErrors = useApiData((signal) => listPlacementErrors(placement.id, { limit: 5, offset: 0 }, signal), placement.id);
  const fileRefused = placement.rowsRejected === 0 || (firstErrors.status === 'ready' && firstErrors.data.items.some(isFileError));
  // Wait for the first errors rather than show one explanation and then the other.
  if (!fileRefused && firstErrors.status === 'loading') return <Loading />;
  return (
    <div className="outcome outcome-bad">
      <p>
        <strong>{fileRefused ? t('placement.fileRefused') : t('placement.rejected', { mandate: placement.mandateCode })}</strong>
      </p>
    </div>
  );
}

function RejectedRows({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const errors = useApiData(
    (signal) => listPlacementErrors(placement.id, { limit: ERRORS_PAGE_SIZE, offset }, signal),
    `${placement.id}:${offset}`,
  );

  // After "previous"/"next" the focus goes to the table's heading instead of being lost with the old buttons.
  const heading = useRef<HTMLHeadingElement>(null);
  const focusWhenLoaded = useRef(false);
  useEffect(() => {
    if (errors.status !== 'loading' && focusWhenLoaded.current) {
      focusWhenLoaded.current = false;
      heading.current?.focus();
    }
  }, [errors.status]);
  const turnPage = (next: number) => {
    focusWhenLoaded.current = true;
    setOffset(next);
  };

  const rows = t('placement.errorRows', { count: placement.rowsRejected, n: format.count(placement.rowsRejected) });
  const counted = { count: placement.errorCount, n: format.count(placement.errorCount) };
  // Problems of the file as a whole (a bad header) reject no particular row.
  const wholeFile = placement.rowsRejected === 0;
  return (
    <section className="card" aria-labelledby="placement-errors-heading">
      <h2 id="placement-errors-heading" ref={heading} tabIndex={-1}>
        {wholeFile ? t('placement.fileErrorsHeading') : t('placement.errorsHeading')}
      </h2>
      <p>{wholeFile ? t('placement.fileErrorsIntro', counted) : t('placement.errorsIntro', { ...counted, rows })}</p>
      <AsyncContent data={errors} onRetry={errors.reload}>
        {(page) => (
          <>
            {page.total < placement.errorCount ? <p>{t('placement.errorsTruncated', { stored: format.count(page.total) })}</p> : null}
            <ErrorTable items={page.items} />
            {page.total > ERRORS_PAGE_SIZE ? (
              <>
                <p className="result-count" role="status">
                  {t('placement.errorsRange', {
                    from: format.count(offset + 1),
                    to: format.count(offset + page.items.length),
                    total: format.count(page.total),
                  })}
                </p>
                <Pager
                  label={t('placement.errorsPagination')}
                  offset={offset}
                  pageSize={ERRORS_PAGE_SIZE}
                  hasMore={offset + ERRORS_PAGE_SIZE < page.total}
                  onPage={turnPage}
                />
              </>
            ) : null}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function ErrorTable({ items }: { items: PlacementError[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t('placement.errorsCaption')}>
      <table className="errors-table">
        <caption className="visually-hidden">{t('placement.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t('placement.line')}
            </th>
            <th scope="col">{t('placement.column')}</th>
            <th scope="col">{t('placement.value')}</th>
            <th scope="col">{t('placement.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((error, index) => {
            const message = rowErrorText(t, error);
            return (
              <tr key={`${error.line}:${error.column}:${index}`}>
                <th scope="row" className="number">
                  {error.line > 0 ? error.line : t('common.none')}
                </th>
                <td>
                  {error.column === WHOLE_FILE_COLUMN ? (
                    <span className="muted">{t('placement.wholeFile')}</span>
                  ) : error.column ? (
                    <code>{error.column}</code>
                  ) : (
                    <span className="muted">{t('placement.wholeLine')}</span>
                  )}
                </td>
                <td className="error-value">
                  {error.value ? <code>{error.value}</code> : <span className="muted">{t('placement.emptyValue')}</span>}
                </td>
                <td lang={message.lang}>{message.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
