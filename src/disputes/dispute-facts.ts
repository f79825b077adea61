import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { invalid } from '../platform/errors.js';

/** The documents given must be on the dispute's case (and never a special-category one, which no creditor sees). */
export async function assertDocumentsOnCase(trx: Transaction<DB>, caseId: string, documentIds: readonly string[]) {
  if (documentIds.length === 0) return;
  const unique = [...new Set(documentIds)];
  const found = await trx
    .selectFrom('case_documents')
    .select('id')
    .where('case_id', '=', caseId)
    .where('id', 'in', unique)
    .where('special_category', '=', false)
    .execute();
  if (found.length !== unique.length)
    throw invalid('disputes.document_not_on_case', 'A document given is not on this case (or may not be shared).');
}

export async function attachDocuments(
  trx: Transaction<DB>,
  disputeId: string,
  documentIds: readonly string[],
  part: 'dispute' | 'answer',
) {
  const unique = [...new Set(documentIds)];
  if (unique.length === 0) return;
  await trx
    .insertInto('dispute_documents')
    .values(unique.map((documentId) => ({ dispute_id: disputeId, document_id: documentId, part })))
    .onConflict((oc) => oc.columns(['dispute_id', 'document_id']).doNothing())
    .execute();
}

/** The dispute locked for the transaction, with its claim's reference. */
export async function lockDispute(trx: Transaction<DB>, disputeId: string) {
  return trx
    .selectFrom('disputes as d')
    .innerJoin('claims as cl', 'cl.id', 'd.claim_id')
    .selectAll('d')
    .select('cl.reference as claim_reference')
    .where('d.id', '=', disputeId)
    .forUpdate('d')
    .executeTakeFirst();
}
