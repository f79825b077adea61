import type { Readable } from 'node:stream';
import { appendAudit } from '../audit/append.js';
import { assertVisible, caseInScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { needToKnow, readBasis, recordSensitiveRead } from '../need-to-know/access.js';
import type { NeedToKnowDecision } from '../need-to-know/core/need-to-know.js';
import type { Deps } from '../platform/deps.js';
import { AppError, notFound } from '../platform/errors.js';
import type { DocumentList, DocumentView } from './contract.js';
import { contentDisposition } from './core/file-name.js';
import { retainUntil, type RetentionBasis } from './core/retention.js';
import { EXTENSIONS, type MediaType } from './core/sniff.js';
import { creditorMaySee, type DocumentSource, type DocumentType } from './core/types.js';
import { documentStorage } from './storage.js';

/**
 * Reading documents: a creditor user sees only the documents of its own cases that are shared with it (others are
 * 404, like a missing one); a special-category document is named and opened only on need-to-know, and every download
 * is audited with the ground it was allowed on.
 */

function documentQuery(deps: Deps) {
  return deps.db
    .selectFrom('case_documents as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .leftJoin('users as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.case_id',
      'd.creditor_id',
      'd.debtor_id',
      'd.document_type',
      'd.source',
      'd.file_name',
      'd.description',
      'd.media_type',
      'd.size_bytes',
      'd.sha256',
      'd.shared_with_creditor',
      'd.special_category',
      'd.uploaded_at',
      'd.uploaded_via',
      'd.retention_months',
      'd.retention_basis',
      'u.id as uploader_id',
      'u.display_name as uploader_name',
      'u.role as uploader_role',
      'c.closed_on',
    ]);
}
type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentQuery>['executeTakeFirstOrThrow']>>;

const isCreditorUser = (actor: Actor) => actor.role === 'creditor_user';

/** Whether the actor may know of this document at all (scope checked apart). */
function visibleTo(actor: Actor, row: DocumentRow): boolean {
  return (
    !isCreditorUser(actor) ||
    creditorMaySee({ sharedWithCreditor: row.shared_with_creditor, specialCategory: row.special_category })
  );
}

function toView(actor: Actor, row: DocumentRow, restricted: boolean): DocumentView {
  // A creditor user learns who uploaded only when it was one of its own users.
  const uploaderShown = !isCreditorUser(actor) || row.uploader_role === 'creditor_user';
  return {
    id: row.id,
    caseId: row.case_id,
    type: restricted ? null : (row.document_type as DocumentType),
    source: row.source as DocumentSource,
    fileName: restricted ? null : row.file_name,
    description: restricted ? null : row.description,
    mediaType: row.media_type as MediaType,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    sharedWithCreditor: row.shared_with_creditor,
    specialCategory: row.special_category,
    restricted,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy:
      uploaderShown && row.uploader_id !== null && row.uploader_name !== null
        ? { id: row.uploader_id, displayName: row.uploader_name }
        : null,
    uploadedVia: row.uploaded_via as 'user' | 'portal',
    retention: {
      monthsAfterClosure: row.retention_months,
      basis: row.retention_basis as RetentionBasis,
      until: retainUntil(row.closed_on, row.retention_months),
    },
  };
}

/** The documents of a case the actor may know of, newest first. */
export async function listCaseDocuments(deps: Deps, actor: Actor, caseId: string): Promise<DocumentList> {
  const found = await caseInScope(deps.db, actor, caseId);
  let query = documentQuery(deps).where('d.case_id', '=', caseId).orderBy('d.uploaded_at', 'desc').orderBy('d.id');
  if (isCreditorUser(actor))
    query = query.where('d.shared_with_creditor', '=', true).where('d.special_category', '=', false);
  const rows = await query.execute();
  const special = rows.some((row) => row.special_category);
  const decision = special ? await needToKnow(deps, actor, found.debtor_id, null) : null;
  const restricted = decision?.access === 'restricted';
  return {
    items: rows.map((row) => toView(actor, row, row.special_category && restricted)),
    limitBytes: deps.config.DOCUMENT_LIMIT_BYTES,
  };
}

async function visibleDocument(deps: Deps, actor: Actor, id: string): Promise<DocumentRow> {
  const row = await documentQuery(deps).where('d.id', '=', id).executeTakeFirst();
  assertVisible(actor, row, 'The document');
  if (!visibleTo(actor, row)) throw notFound('The document');
  return row;
}

/** One document as the actor sees it (after an upload). */
export async function loadDocumentView(deps: Deps, actor: Actor, id: string): Promise<DocumentView> {
  const row = await visibleDocument(deps, actor, id);
  const restricted =
    row.special_category && (await needToKnow(deps, actor, row.debtor_id, null)).access === 'restricted';
  return toView(actor, row, restricted);
}

export interface OpenedDocument {
  stream: Readable;
  sizeBytes: number;
  mediaType: MediaType;
  contentDisposition: string;
}

/**
 * Opens a document's file for download and audits the read (with its need-to-know ground for a special-category
 * document). A reader without need-to-know is refused with what to do; a file missing from storage is 404.
 */
export async function openDocument(
  deps: Deps,
  actor: Actor,
  id: string,
  reason: string | undefined,
  requestId: string,
): Promise<OpenedDocument> {
  const row = await visibleDocument(deps, actor, id);
  let decision: NeedToKnowDecision | null = null;
  if (row.special_category) {
    decision = await needToKnow(deps, actor, row.debtor_id, reason);
    if (decision.access === 'restricted')
      throw new AppError(
        'documents.need_to_know',
        403,
        decision.reasonAccepted
          ? 'This document holds special-category details: say why you need it (at least 10 characters) to open it.'
          : 'This document holds special-category details: it opens for the care team, compliance and whoever holds the case.',
        { reasonAccepted: decision.reasonAccepted },
      );
  }
  const file = await documentStorage(deps.config).get(row.id);
  if (!file) throw new AppError('documents.file_missing', 404, 'The file of this document is no longer stored.');
  try {
    // Opening special-category details is a sensitive read too: kept with its ground, sealed into the chain in batches.
    if (decision)
      await recordSensitiveRead(deps, {
        actor,
        debtorId: row.debtor_id,
        caseId: row.case_id,
        subject: 'document',
        basis: readBasis(decision),
        reason: reason ?? null,
        requestId,
      });
    await deps.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: auditActor(actor),
        action: 'document.downloaded',
        targetType: 'document',
        targetId: row.id,
        creditorId: row.creditor_id,
        after: {
          caseId: row.case_id,
          sha256: row.sha256,
          ...(decision?.access === 'full'
            ? { basis: decision.basis, reason: decision.basis === 'stated_reason' ? reason : null }
            : {}),
        },
        requestId,
        at: deps.now(),
      }),
    );
  } catch (error) {
    file.stream.destroy();
    throw error;
  }
  const name = row.file_name.includes('.')
    ? row.file_name
    : `${row.file_name}.${EXTENSIONS[row.media_type as MediaType]}`;
  return {
    stream: file.stream,
    sizeBytes: file.bytes,
    mediaType: row.media_type as MediaType,
    contentDisposition: contentDisposition(name),
  };
}
