import { caseInScope } from '../cases/scope.js';
import type { DisputeGrounds } from '../disputes/core/dispute.js';
import { recordDisputeIn } from '../disputes/record-dispute.js';
import { receiveDocument } from '../documents/upload-document.js';
import { debtorOnPortal } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid } from '../platform/errors.js';
import {
  PORTAL_DOCUMENT_MAX_BYTES,
  PORTAL_DOCUMENT_TYPES,
  type PortalDisputeRecorded,
  type PortalDocumentReceived,
} from './contract.js';
import type { PortalVisitor } from './portal-sessions.js';

/**
 * A dispute the person records on their own space (docs/portal.md, docs/disputes.md): the same writer as the agency's
 * (`recordDisputeIn`), with the debtor on the portal as the acting party. Collection stops at once (the same dispute
 * hold), the case goes to the dispute stage, the creditor is asked for its evidence, and the dispute waits in the
 * agency's disputes queue; the documents the person sent with it are theirs, on that case.
 */
export async function disputeFromPortal(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  input: { claimReference: string; grounds: DisputeGrounds; note: string; documentIds: string[] },
  requestId: string,
): Promise<PortalDisputeRecorded> {
  const party = debtorOnPortal(visitor.debtorId);
  return deps.db.transaction().execute(async (trx) => {
    const found = await caseInScope(trx, party, caseId);
    const claim = await trx
      .selectFrom('claims')
      .select('id')
      .where('case_id', '=', found.id)
      .where('reference', '=', input.claimReference)
      .executeTakeFirst();
    if (!claim) throw invalid('portal.claim_unknown', 'This contract is not one of this file: choose it in the list.');
    const unique = [...new Set(input.documentIds)];
    if (unique.length > 0) {
      const own = await trx
        .selectFrom('case_documents')
        .select('id')
        .where('case_id', '=', found.id)
        .where('id', 'in', unique)
        .where('uploaded_via', '=', 'portal')
        .where('source', '=', 'debtor')
        .execute();
      if (own.length !== unique.length)
        throw invalid('portal.document_unknown', 'A document given is not one you sent on this file: send it again.');
    }
    const recorded = await recordDisputeIn(
      trx,
      deps,
      party,
      found.id,
      { claimId: claim.id, grounds: input.grounds, note: input.note, documentIds: unique },
      requestId,
    );
    return {
      id: recorded.id,
      claimReference: input.claimReference,
      grounds: input.grounds,
      evidenceDueOn: recorded.evidenceDueOn,
      documents: unique.length,
    };
  });
}

/**
 * A document the person sends on one of their open files (a proof of payment, a letter, a contract): PDF, JPEG or
 * PNG only, read from its bytes, at most `PORTAL_DOCUMENT_MAX_BYTES`; kept as the debtor's document of that case,
 * shared with the creditor (it answers the person's dispute with it), never a special-category one.
 */
export async function receivePortalDocument(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  fileName: string,
  body: NodeJS.ReadableStream,
  requestId: string,
): Promise<PortalDocumentReceived> {
  const party = debtorOnPortal(visitor.debtorId);
  const found = await caseInScope(deps.db, party, caseId);
  if (found.status === 'closed')
    throw conflict('portal.case_closed', 'This file is closed: nothing more can be asked on it. Call us if needed.');
  const id = await receiveDocument(
    deps,
    party,
    {
      ...found,
      type: 'correspondence',
      source: 'debtor',
      fileName,
      description: undefined,
      sharedWithCreditor: true,
      specialCategory: false,
    },
    body,
    requestId,
    { bytes: Math.min(PORTAL_DOCUMENT_MAX_BYTES, deps.config.DOCUMENT_LIMIT_BYTES), mediaTypes: PORTAL_DOCUMENT_TYPES },
  );
  const row = await deps.db
    .selectFrom('case_documents')
    .select(['file_name', 'size_bytes', 'media_type'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, fileName: row.file_name, sizeBytes: row.size_bytes, mediaType: row.media_type };
}
