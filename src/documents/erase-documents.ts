import { appendAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/append.js';
import { assertVisible } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { Deps } from '../platform/deps.js';
import type { DocumentErasureBody } from './contract.js';
import { pastRetention } from './core/retention.js';
import { documentStorage } from './storage.js';

/** The nightly job that deletes documents past their retention. */
export const DOCUMENTS_RETENTION = 'documents-retention';

/** Documents looked at per query by the retention job. */
const BATCH = 500;

interface Erasure {
  id: string;
  caseId: string;
  creditorId: string;
  type: string;
  sha256: string;
}

/**
 * Deletes one document: its record and the audit entry in one transaction, then its file. A file left behind by a
 * crash between the two has no record any more, so nothing reads it; the audit entry says it was erased.
 */
async function erase(
  deps: Deps,
  document: Erasure,
  audit: { actor: AuditActor; action: string; after: Record<string, unknown>; requestId: string | null },
) {
  const deleted = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('case_documents').where('id', '=', document.id).returning('id').executeTakeFirst();
    if (!row) return false;
    await appendAudit(trx, {
      actor: audit.actor,
      action: audit.action,
      targetType: 'document',
      targetId: document.id,
      creditorId: document.creditorId,
      before: { caseId: document.caseId, type: document.type, sha256: document.sha256 },
      after: audit.after,
      requestId: audit.requestId,
      at: deps.now(),
    });
    return true;
  });
  if (deleted) await documentStorage(deps.config).delete(document.id);
  return deleted;
}

/** Erases a document before its retention ends (the person's request, an upload by mistake), with the reason. */
export async function eraseDocument(
  deps: Deps,
  actor: Actor,
  id: string,
  body: DocumentErasureBody,
  requestId: string,
): Promise<{ id: string; erased: true }> {
  const row = await deps.db
    .selectFrom('case_documents')
    .select(['id', 'case_id', 'creditor_id', 'document_type', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
  assertVisible(actor, row, 'The document');
  await erase(
    deps,
    { id: row.id, caseId: row.case_id, creditorId: row.creditor_id, type: row.document_type, sha256: row.sha256 },
    { actor: auditActor(actor), action: 'document.erased', after: { reason: body.reason }, requestId },
  );
  return { id, erased: true };
}

/**
 * Deletes every document whose case closed and whose retention period after closure has passed (REGULATION.md §14),
 * one audited deletion each. Documents of open cases are never looked at.
 */
export async function deleteExpiredDocuments(deps: Deps): Promise<{ deleted: number }> {
  const today = agencyToday(deps.now(), deps.config);
  let deleted = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await deps.db
      .selectFrom('case_documents as d')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .select([
        'd.id',
        'd.case_id',
        'd.creditor_id',
        'd.document_type',
        'd.sha256',
        'd.retention_months',
        'c.closed_on',
      ])
      .where('c.closed_on', 'is not', null)
      .where('c.closed_on', '<', today)
      .where('d.id', '>', after)
      .orderBy('d.id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      if (!pastRetention(row.closed_on, row.retention_months, today)) continue;
      const erased = await erase(
        deps,
        { id: row.id, caseId: row.case_id, creditorId: row.creditor_id, type: row.document_type, sha256: row.sha256 },
        {
          actor: SYSTEM_ACTOR,
          action: 'document.retention_deleted',
          after: { closedOn: row.closed_on, retentionMonths: row.retention_months, today },
          requestId: null,
        },
      );
      if (erased) deleted += 1;
    }
    if (rows.length < BATCH) return { deleted };
    after = rows[rows.length - 1]!.id;
  }
}
