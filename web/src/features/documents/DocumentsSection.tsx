import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REASON_ROLES } from '../../../../src/documents/contract.js';
import { documentFileUrl, eraseDocument, getCaseDocuments, readDocumentWithReason, type DocumentView } from './api.js';
import { ReasonDialog } from './ReasonDialog.js';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable, type Column } from '../../ui/DataTable.js';
import { useFormat, type Formatters } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { UploadDocumentForm } from './UploadDocumentForm.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';

/** What a reader may do to a document beyond downloading it, each asking why first. */
interface DocumentActs {
  mayErase: boolean;
  /** A team leader or manager opens a protected (special-category) document by stating why. */
  mayReadWithReason: boolean;
  ask: (act: 'erase' | 'read', document: DocumentView) => void;
}

/**
 * The documents of a case: the list (download, source, retention), erasure with a reason for those who may, a
 * protected document opened with a reason by the roles that may, and the upload form. `onChanged` tells the page a
 * document was added or erased, for the other sections that offer the case's documents.
 */
export function DocumentsSection({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const documents = useLiveData((signal) => getCaseDocuments(caseId, signal), caseId);
  const creditorUser = me.role === 'creditor_user';
  const [asking, setAsking] = useState<{ act: 'erase' | 'read'; document: DocumentView } | null>(null);
  const [done, setDone] = useState<Saying | null>(null);
  const acts: DocumentActs = {
    mayErase: can(me.role, 'documents.erase'),
    mayReadWithReason: REASON_ROLES.includes(me.role),
    ask: (act, document) => {
      setDone(null);
      setAsking({ act, document });
    },
  };
  const label = (document: DocumentView, say = t) => document.fileName ?? say('documents.restricted');
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
                columns={columns(t, format, acts)}
                rows={found.items}
                rowKey={(row) => row.id}
              />
            )}
            <div role="status" className="status-area">
              <SuccessMessage saying={done} />
            </div>
            {asking?.act === 'erase' ? (
              <ReasonDialog
                heading={t('documents.erase.heading', { name: label(asking.document) })}
                intro={t('documents.erase.intro')}
                submitLabel={t('documents.erase.confirm')}
                onConfirm={async (reason) => {
                  await eraseDocument(asking.document.id, reason);
                  const erased = asking.document;
                  setDone(() => (say: TFunction) => say('documents.erase.done', { name: label(erased, say) }));
                  documents.reload();
                  onChanged?.();
                }}
                onClose={() => setAsking(null)}
              />
            ) : null}
            {asking?.act === 'read' ? (
              <ReasonDialog
                heading={t('documents.readWithReason.heading')}
                intro={t('documents.readWithReason.intro')}
                submitLabel={t('documents.readWithReason.confirm')}
                onConfirm={(reason) => readDocumentWithReason(asking.document.id, reason)}
                onClose={() => setAsking(null)}
              />
            ) : null}
            {can(me.role, 'documents.upload') ? (
              <UploadDocumentForm
                caseId={caseId}
                limitBytes={found.limitBytes}
                creditorUser={creditorUser}
                onUploaded={() => {
                  documents.reload();
                  onChanged?.();
                }}
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

function actsCell(t: TFunction, acts: DocumentActs, row: DocumentView) {
  const name = row.fileName ?? t('documents.restricted');
  return (
    <div className="row-actions">
      {row.restricted && acts.mayReadWithReason ? (
        <button
          type="button"
          className="button secondary small"
          aria-haspopup="dialog"
          onClick={() => acts.ask('read', row)}
        >
          {t('documents.readWithReason.button')}
        </button>
      ) : null}
      {acts.mayErase ? (
        <button
          type="button"
          className="button secondary small"
          aria-haspopup="dialog"
          aria-label={t('documents.erase.buttonLabel', { name })}
          onClick={() => acts.ask('erase', row)}
        >
          {t('documents.erase.button')}
        </button>
      ) : null}
    </div>
  );
}

function columns(t: TFunction, format: Formatters, acts: DocumentActs): Column<DocumentView>[] {
  const withActs = acts.mayErase || acts.mayReadWithReason;
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
        row.uploadedVia === 'portal'
          ? t('documents.uploadedOnPortal', { date: format.dateTime(row.uploadedAt) })
          : row.uploadedBy
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
    { header: t('documents.column.actions'), hidden: !withActs, cell: (row) => actsCell(t, acts, row) },
  ];
}
