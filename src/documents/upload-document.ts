import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { appendAudit, type AuditRecord } from '../audit/append.js';
import { caseInScope } from '../cases/scope.js';
import { actedVia, actingUserId, partyAuditActor, type ActingParty, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { Deps } from '../platform/deps.js';
import { AppError, invalid } from '../platform/errors.js';
import type { DocumentUploadQuery, DocumentView } from './contract.js';
import { cleanFileName } from './core/file-name.js';
import { periodInForce, type RetentionBasis, type RetentionPeriod } from './core/retention.js';
import { MEDIA_TYPES, sniffMediaType, SNIFF_BYTES, type MediaType } from './core/sniff.js';
import { decideUpload, type DocumentSource, type DocumentType } from './core/types.js';
import { loadDocumentView } from './read-documents.js';
import { documentStorage, FileTooLarge, type StoredFile } from './storage.js';

const REFUSALS = {
  'documents.special_category_not_shared':
    'A special-category document (health, for instance) is never shared with the creditor: untick the sharing.',
  'documents.creditor_source_only': 'A creditor uploads its own evidence: choose the creditor as the source.',
} as const;

/**
 * Uploads a document on a case for a user of Accord: its metadata decided first (scope, who may share what), then the
 * file received (`receiveDocument`). `cutOff` on a thrown error tells the route the body was not read.
 */
export async function uploadDocument(
  deps: Deps,
  actor: Actor,
  caseId: string,
  query: DocumentUploadQuery,
  body: NodeJS.ReadableStream,
  requestId: string,
): Promise<DocumentView> {
  const found = await caseInScope(deps.db, actor, caseId);
  const decision = decideUpload(query, { creditorUser: actor.role === 'creditor_user' });
  if (!decision.ok) throw invalid(decision.code, REFUSALS[decision.code]);
  const id = await receiveDocument(
    deps,
    actor,
    { ...found, type: query.type, fileName: query.fileName, description: query.description, ...decision },
    body,
    requestId,
  );
  return loadDocumentView(deps, actor, id);
}

/** A document received on a case, its metadata already decided by the caller. */
export interface IncomingDocument {
  id: string;
  creditor_id: string;
  debtor_id: string;
  type: DocumentType;
  source: DocumentSource;
  fileName: string;
  description?: string | undefined;
  sharedWithCreditor: boolean;
  specialCategory: boolean;
}

/**
 * Receives a document on a case, from a user of Accord or from the debtor on the portal: the retention period in
 * force today, then the file streamed to storage under a fresh id while counted and hashed (up to `limit.bytes`), its
 * type read from its bytes (refused, audited and removed when it is none of `limit.mediaTypes`), and the record
 * written with its audit entry, the acting party as the uploader. A file whose record could not be written is removed.
 * Answers the document's id.
 */
export async function receiveDocument(
  deps: Deps,
  party: ActingParty,
  incoming: IncomingDocument,
  body: NodeJS.ReadableStream,
  requestId: string,
  limit: { bytes: number; mediaTypes: readonly MediaType[] } = {
    bytes: deps.config.DOCUMENT_LIMIT_BYTES,
    mediaTypes: MEDIA_TYPES,
  },
): Promise<string> {
  const now = deps.now();
  const caseId = incoming.id;
  const period = await retentionPeriod(deps, incoming.type, agencyToday(now, deps.config));
  const { id } = await sql<{ id: string }>`select uuid_time_ordered() as id`.execute(deps.db).then((r) => r.rows[0]!);

  const storage = documentStorage(deps.config);
  let stored;
  try {
    stored = await storage.put(id, body, limit.bytes);
  } catch (error) {
    if (!(error instanceof FileTooLarge)) throw error;
    throw Object.assign(
      new AppError('request.too_large', 413, `The document is larger than ${limit.bytes} bytes: send a smaller scan.`, {
        limitBytes: limit.bytes,
      }),
      { cutOff: true },
    );
  }
  if (stored.bytes === 0) {
    await storage.delete(id);
    throw invalid('documents.empty', 'The file is empty: choose the document again.');
  }
  const sniffed = sniffMediaType(stored.head, stored.bytes <= SNIFF_BYTES);
  const mediaType = sniffed !== null && limit.mediaTypes.includes(sniffed) ? sniffed : null;
  const audit = {
    actor: partyAuditActor(party),
    targetType: 'document',
    targetId: id,
    creditorId: incoming.creditor_id,
    requestId,
  };
  if (mediaType === null) {
    await storage.delete(id);
    await deps.db.transaction().execute((trx) =>
      appendAudit(trx, {
        ...audit,
        action: 'document.refused',
        after: { caseId, sizeBytes: stored.bytes, sha256: stored.sha256, failure: 'type not allowed' },
        at: now,
      }),
    );
    throw new AppError(
      'documents.type_not_allowed',
      415,
      `This file is not one of the admitted types (${limit.mediaTypes.join(', ')}): scan or save it as PDF.`,
      { allowed: limit.mediaTypes },
    );
  }
  try {
    await recordDocument(deps, { id, caseId, party, incoming, stored, mediaType, period, audit, now });
  } catch (error) {
    await storage.delete(id);
    throw error;
  }
  return id;
}

/** The retention period in force `today` for a type of document; 409 when none is (an administrator adds one). */
export async function retentionPeriod(
  deps: { db: Kysely<DB> | Transaction<DB> },
  type: DocumentUploadQuery['type'],
  today: string,
) {
  const rows = await deps.db
    .selectFrom('document_retention_periods')
    .select(['document_type', 'valid_from', 'months_after_closure', 'basis'])
    .where('document_type', '=', type)
    .execute();
  const period = periodInForce(
    rows.map((row) => ({
      documentType: row.document_type,
      validFrom: row.valid_from,
      monthsAfterClosure: row.months_after_closure,
      basis: row.basis as RetentionBasis,
    })),
    type,
    today,
  );
  if (!period)
    throw new AppError(
      'documents.no_retention_period',
      409,
      `No retention period is in force for ${type} documents: an administrator must add one before they are accepted.`,
    );
  return period;
}

interface NewDocument {
  id: string;
  caseId: string;
  party: ActingParty;
  incoming: IncomingDocument;
  stored: StoredFile;
  mediaType: MediaType;
  period: RetentionPeriod;
  audit: Omit<AuditRecord, 'action' | 'at'>;
  now: Date;
}

/** The document's record and its audit entry, in one transaction. */
async function recordDocument(deps: Deps, d: NewDocument) {
  const { id, caseId, party, incoming, stored, mediaType, period, audit, now } = d;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_documents')
      .values({
        id,
        case_id: caseId,
        creditor_id: incoming.creditor_id,
        debtor_id: incoming.debtor_id,
        document_type: incoming.type,
        source: incoming.source,
        file_name: cleanFileName(incoming.fileName, 'document'),
        media_type: mediaType,
        size_bytes: stored.bytes,
        sha256: stored.sha256,
        description: incoming.description === undefined || incoming.description === '' ? null : incoming.description,
        shared_with_creditor: incoming.sharedWithCreditor,
        special_category: incoming.specialCategory,
        uploaded_by: actingUserId(party),
        uploaded_via: actedVia(party),
        uploaded_at: now,
        retention_months: period.monthsAfterClosure,
        retention_basis: period.basis,
      })
      .execute();
    // Never the file's name or description in the append-only trail: they may name the person, and outlive the file.
    await appendAudit(trx, {
      ...audit,
      action: 'document.uploaded',
      after: {
        caseId,
        type: incoming.type,
        source: incoming.source,
        via: actedVia(party),
        mediaType,
        sizeBytes: stored.bytes,
        sha256: stored.sha256,
        sharedWithCreditor: incoming.sharedWithCreditor,
        specialCategory: incoming.specialCategory,
        retentionMonths: period.monthsAfterClosure,
      },
      at: now,
    });
  });
}
