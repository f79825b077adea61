import { Readable } from 'node:stream';
import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { documentStorage } from '../documents/storage.js';
import { retentionPeriod } from '../documents/upload-document.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';

export interface LetterToKeep {
  found: { id: string; creditor_id: string; debtor_id: string };
  actor: Actor;
  pdf: Buffer;
  fileName: string;
  description: string;
  /** Need-to-know (a care letter): never shared with the creditor, its reads recorded as the documents rule says. */
  specialCategory: boolean;
  now: Date;
  requestId: string | null;
}

/**
 * A letter the agency sent, its PDF stored and recorded as a correspondence document of the case with its audit
 * entry, in the caller's transaction (the letter's own). `onStored` learns the file's id as soon as it is written, so
 * the caller removes it if the transaction fails afterwards.
 */
export async function keepLetterDocument(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'config'>,
  letter: LetterToKeep,
  onStored: (id: string) => void,
): Promise<string> {
  const { found, actor, pdf, now, requestId } = letter;
  const period = await retentionPeriod({ db: trx }, 'correspondence', agencyToday(now, deps.config));
  const { id } = await sql<{ id: string }>`select uuid_time_ordered() as id`.execute(trx).then((r) => r.rows[0]!);
  const stored = await documentStorage(deps.config).put(id, Readable.from([pdf]), Math.max(pdf.length, 1));
  onStored(id);
  await trx
    .insertInto('case_documents')
    .values({
      id,
      case_id: found.id,
      creditor_id: found.creditor_id,
      debtor_id: found.debtor_id,
      document_type: 'correspondence',
      source: 'agent',
      file_name: letter.fileName,
      media_type: 'application/pdf',
      size_bytes: stored.bytes,
      sha256: stored.sha256,
      description: letter.description,
      shared_with_creditor: false,
      special_category: letter.specialCategory,
      uploaded_by: actor.userId,
      uploaded_at: now,
      retention_months: period.monthsAfterClosure,
      retention_basis: period.basis,
    })
    .execute();
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'document.uploaded',
    targetType: 'document',
    targetId: id,
    creditorId: found.creditor_id,
    after: {
      caseId: found.id,
      type: 'correspondence',
      source: 'agent',
      mediaType: 'application/pdf',
      sizeBytes: stored.bytes,
      sha256: stored.sha256,
      sharedWithCreditor: false,
      specialCategory: letter.specialCategory,
      retentionMonths: period.monthsAfterClosure,
    },
    requestId,
    at: now,
  });
  return id;
}
