import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { getCaseDocuments, documentFileUrl, type DocumentView } from './api.js';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable, type Column } from '../../ui/DataTable.js';
import { useFormat, type Formatters } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { UploadDocumentForm } from './UploadDocumentForm.js';

/** The documents of a case: the list (download, source, retention) and, for those who may, the upload form. */
export function DocumentsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const documents = useLiveData((signal) => getCaseDocuments(caseId, signal), caseId);
  const creditorUser = me.role === 'creditor_user';
  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('documents.heading')}</h2>
      {creditorUser ? <p className="hint">{t('documents.creditorIntro')}</p> : null}
      <AsyncContent data={documents} onRetry={documents.reload}>
        {(found) => (
          <>
            {found.items.length === 0 ? (
              <p>{t('documents.none')}</p>
            ) : (
              <DataTable
                caption={t('documents.caption')}
                columns={columns(t, format)}
                rows={found.items}
                rowKey={(row) => row.id}
              />
            )}
            {can(me.role, 'documents.upload') ? (
              <UploadDocumentForm
                caseId={caseId}
                limitBytes={found.limitBytes}
                creditorUser={creditorUser}
                onUploaded={documents.reload}
              />
            ) : null}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function retentionText(t: TFunction, format: Formatters, document: DocumentView): string {
  const { monthsAfterClosure: months, until } = document.retention;
  if (until !== null) return t('documents.retentionUntil', { date: format.date(until) });
  const period =
    months % 12 === 0 ? t('documents.years', { count: months / 12 }) : t('documents.months', { count: months });
  return t('documents.retentionOpen', { period });
}

function columns(t: TFunction, format: Formatters): Column<DocumentView>[] {
  return [
    {
      header: t('documents.column.document'),
      rowHeader: true,
      cell: (row) =>
        row.restricted || row.fileName === null ? (
          <span className="muted">{t('documents.restricted')}</span>
        ) : (
          <>
            <a
              href={documentFileUrl(row.id)}
              download={row.fileName}
              aria-label={t('documents.download', { name: row.fileName })}
            >
              {row.fileName}
            </a>
            {row.description ? <span className="hint document-description">{row.description}</span> : null}
          </>
        ),
    },
    {
      header: t('documents.column.type'),
      cell: (row) => (
        <>
          {row.type === null ? '—' : t(`documents.types.${row.type}`)}
          {row.sharedWithCreditor ? <span className="badge">{t('documents.sharedBadge')}</span> : null}
          {row.specialCategory ? <span className="badge">{t('documents.specialBadge')}</span> : null}
        </>
      ),
    },
    { header: t('documents.column.source'), cell: (row) => t(`documents.sources.${row.source}`) },
    {
      header: t('documents.column.uploaded'),
      cell: (row) =>
        row.uploadedBy
          ? t('documents.uploadedBy', { date: format.dateTime(row.uploadedAt), name: row.uploadedBy.displayName })
          : t('documents.uploadedAt', { date: format.dateTime(row.uploadedAt) }),
    },
    {
      header: t('documents.column.retention'),
      cell: (row) => (
        <>
          {retentionText(t, format, row)}
          <span className="hint document-basis">{t(`documents.bases.${row.retention.basis}`)}</span>
        </>
      ),
    },
    { header: t('documents.column.size'), className: 'number', cell: (row) => format.bytes(row.sizeBytes) },
  ];
}
