import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable, type Column } from '../../ui/DataTable.js';
import { Loading } from '../../ui/Loading.js';
import { useFocusAfterLoad } from '../../ui/PagedTable.js';
import { Pager } from '../../ui/Pager.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { listPlacementErrors, type Placement, type PlacementError } from './api.js';
import { isFileError, rowErrorText, WHOLE_FILE_COLUMN } from './placements.js';

const ERRORS_PAGE_SIZE = 50;

/**
 * A rejected file imported nothing. Either the mandate refuses files with any bad row, or the file itself could not
 * be read (its header, its encoding), which no mandate accepts: the first rejected rows tell which.
 */
export function RejectedExplanation({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const firstErrors = useApiData(
    (signal) => listPlacementErrors(placement.id, { limit: 5, offset: 0 }, signal),
    placement.id,
  );
  const fileRefused =
    placement.rowsRejected === 0 || (firstErrors.status === 'ready' && firstErrors.data.items.some(isFileError));
  // Wait for the first errors rather than show one explanation and then the other.
  if (!fileRefused && firstErrors.status === 'loading') return <Loading />;
  return (
    <div className="outcome outcome-bad">
      <p>
        <strong>
          {fileRefused ? t('placement.fileRefused') : t('placement.rejected', { mandate: placement.mandateCode })}
        </strong>
      </p>
    </div>
  );
}

/** The problems of the file, row by row, fifty at a time. */
export function RejectedRows({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const errors = useApiData(
    (signal) => listPlacementErrors(placement.id, { limit: ERRORS_PAGE_SIZE, offset }, signal),
    `${placement.id}:${offset}`,
  );

  // After "previous"/"next" the focus goes to the table's heading instead of being lost with the old buttons.
  const heading = useFocusAfterLoad(errors.status);
  const turnPage = (next: number) => {
    heading.focusWhenLoaded();
    setOffset(next);
  };

  const rows = t('placement.errorRows', { count: placement.rowsRejected, n: format.count(placement.rowsRejected) });
  const counted = { count: placement.errorCount, n: format.count(placement.errorCount) };
  // Problems of the file as a whole (a bad header) reject no particular row.
  const wholeFile = placement.rowsRejected === 0;
  return (
    <section className="card" aria-labelledby="placement-errors-heading">
      <h2 id="placement-errors-heading" ref={heading.ref} tabIndex={-1}>
        {wholeFile ? t('placement.fileErrorsHeading') : t('placement.errorsHeading')}
      </h2>
      <p>{wholeFile ? t('placement.fileErrorsIntro', counted) : t('placement.errorsIntro', { ...counted, rows })}</p>
      <ExportButtons
        path={`/api/v1/placements/${placement.id}/errors/export`}
        what={t('exports.lists.rejectedLines')}
      />
      <AsyncContent data={errors} onRetry={errors.reload}>
        {(page) => (
          <>
            {page.total < placement.errorCount ? (
              <p>{t('placement.errorsTruncated', { stored: format.count(page.total) })}</p>
            ) : null}
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
  const columns: Column<{ error: PlacementError; index: number }>[] = [
    {
      header: t('placement.line'),
      rowHeader: true,
      className: 'number',
      cell: ({ error }) => (error.line > 0 ? error.line : t('common.none')),
    },
    {
      header: t('placement.column'),
      cell: ({ error }) =>
        error.column === WHOLE_FILE_COLUMN ? (
          <span className="muted">{t('placement.wholeFile')}</span>
        ) : error.column ? (
          <code>{error.column}</code>
        ) : (
          <span className="muted">{t('placement.wholeLine')}</span>
        ),
    },
    {
      header: t('placement.value'),
      cellClassName: 'error-value',
      cell: ({ error }) =>
        error.value ? <code>{error.value}</code> : <span className="muted">{t('placement.emptyValue')}</span>,
    },
    {
      header: t('placement.problem'),
      lang: ({ error }) => rowErrorText(t, error).lang,
      cell: ({ error }) => rowErrorText(t, error).text,
    },
  ];
  return (
    <DataTable
      caption={t('placement.errorsCaption')}
      className="errors-table"
      columns={columns}
      rows={items.map((error, index) => ({ error, index }))}
      rowKey={({ error, index }) => `${error.line}:${error.column}:${index}`}
    />
  );
}
