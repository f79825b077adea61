import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { changeCase } from '../cases/change-case.js';
import { caseInScope } from '../cases/scope.js';
import { placeHoldIn } from '../contact-policy/holds/manage-holds.js';
import { actedVia, actingUserId, partyAuditActor, type ActingParty, type Actor } from '../identity/actor.js';
import { queueCreditorCaseNotice } from '../payments/creditor-notice.js';
import { addDays, agencyToday, startOfLocalDay, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import type { DisputeRecordBody, DisputeView } from './contract.js';
import {
  evidenceDueOn,
  evidenceToRequest,
  linkTarget,
  type DisputeGrounds,
  type DisputeStatus,
} from './core/dispute.js';
import { assertDocumentsOnCase, attachDocuments } from './dispute-facts.js';
import { loadDispute } from './read-disputes.js';

/**
 * Records a dispute of a claim, in one transaction: collection stops at once (a dispute hold on the case, reviewed the
 * day after the creditor's deadline), the case moves to the dispute stage, the creditor is asked for the evidence
 * REGULATION §9 lists by the mandate's deadline (its view, and its webhook), the timeline and the audit trail say so.
 * A dispute on the same claim and grounds as one still waiting is kept and linked to it: the creditor is not asked
 * twice, and the first one's outcome answers both.
 */
export async function recordDispute(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: DisputeRecordBody,
  requestId: string | null = null,
): Promise<DisputeView> {
  const today = agencyToday(deps.now(), deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const recorded = await recordDisputeIn(trx, deps, actor, caseId, body, requestId);
    return loadDispute(trx, actor, recorded.id, today);
  });
}

/** A dispute as its writer answers it, whoever recorded it. */
export interface RecordedDispute {
  id: string;
  status: 'evidence_requested' | 'linked';
  evidenceDueOn: IsoDate;
  holdId: string | null;
}

/**
 * Records a dispute inside the caller's transaction, for the staff route and for the debtor on the portal alike: the
 * acting party is recorded as the opener (no user, `opened_via` the portal, for the debtor), places the hold and is
 * named in the audit trail.
 */
export async function recordDisputeIn(
  trx: Transaction<DB>,
  deps: Deps,
  party: ActingParty,
  caseId: string,
  body: DisputeRecordBody,
  requestId: string | null = null,
): Promise<RecordedDispute> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const { found, claim, firstRow, dueOn, evidence } = await disputeFacts(trx, party, caseId, body, today);
  const userId = actingUserId(party);
  const hold = firstRow ? null : await placeDisputeHold(trx, deps, now, party, { ...claim, caseId, dueOn }, requestId);
  const row = await trx
    .insertInto('disputes')
    .values({
      case_id: caseId,
      claim_id: claim.id,
      creditor_id: claim.creditor_id,
      debtor_id: claim.debtor_id,
      grounds: body.grounds,
      note: body.note,
      linked_to: firstRow?.id ?? null,
      status: firstRow ? 'linked' : 'evidence_requested',
      hold_id: hold?.id ?? null,
      evidence_due_on: dueOn,
      evidence_requested: JSON.stringify(evidence),
      opened_by: userId,
      opened_via: actedVia(party),
      opened_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await attachDocuments(trx, row.id, body.documentIds, 'dispute');
  await appendCaseEvent(trx, {
    caseId,
    debtorId: claim.debtor_id,
    at: now,
    kind: 'dispute',
    direction: 'inbound',
    summary: firstRow
      ? recordText('dispute_linked', { grounds: body.grounds, claimReference: claim.reference })
      : recordText('dispute_recorded', { grounds: body.grounds, claimReference: claim.reference, dueOn }),
    actorUserId: userId,
    data: { disputeId: row.id, linkedTo: firstRow?.id ?? null, via: actedVia(party) },
  });
  if (!firstRow) {
    await changeCase(trx, {
      caseId,
      change: { reason: 'dispute_opened', disputeId: row.id, evidenceDueOn: dueOn },
      actorUserId: userId,
      now,
      today,
    });
    await notifyEvidenceRequest(
      trx,
      { ...claim, caseReference: found.reference },
      row.id,
      body.grounds,
      dueOn,
      evidence,
      now,
    );
  }
  await appendAudit(trx, {
    actor: partyAuditActor(party),
    action: firstRow ? 'dispute.linked' : 'dispute.recorded',
    targetType: 'dispute',
    targetId: row.id,
    creditorId: claim.creditor_id,
    after: {
      caseId,
      claimId: claim.id,
      grounds: body.grounds,
      via: actedVia(party),
      linkedTo: firstRow?.id ?? null,
      evidenceDueOn: dueOn,
      evidenceRequested: evidence,
      documentIds: body.documentIds,
      holdId: hold?.id ?? null,
    },
    requestId,
    at: now,
  });
  return {
    id: row.id,
    status: firstRow ? 'linked' : 'evidence_requested',
    evidenceDueOn: dueOn,
    holdId: hold?.id ?? null,
  };
}

/** The dispute hold: collection stops at once, reviewed the day after the creditor's deadline. */
function placeDisputeHold(
  trx: Transaction<DB>,
  deps: Deps,
  now: Date,
  party: ActingParty,
  claim: { debtor_id: string; reference: string; caseId: string; dueOn: IsoDate },
  requestId: string | null,
) {
  return placeHoldIn(
    trx,
    now,
    party,
    claim.debtor_id,
    {
      kind: 'dispute',
      reason: `Contestation de la créance ${claim.reference}`,
      caseId: claim.caseId,
      reviewAt: startOfLocalDay(addDays(claim.dueOn, 1), deps.config.AGENCY_TZ),
    },
    requestId,
  );
}

/** The case (locked, open), the disputed claim (open, of this case) with its mandate, and the dispute it may join. */
async function disputeFacts(
  trx: Transaction<DB>,
  actor: ActingParty,
  caseId: string,
  body: DisputeRecordBody,
  today: IsoDate,
) {
  const found = await caseInScope(trx, actor, caseId);
  await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
  if (found.status === 'closed')
    throw conflict('disputes.case_not_open', 'The case is closed: a dispute is recorded on an open case.');
  const claim = await trx
    .selectFrom('claims as cl')
    .innerJoin('cases as c', 'c.id', 'cl.case_id')
    .innerJoin('mandates as m', 'm.id', 'c.mandate_id')
    .select(['cl.id', 'cl.reference', 'cl.status', 'cl.contract_type', 'cl.original_creditor'])
    .select(['m.kind as mandate_kind', 'm.dispute_evidence_days', 'c.debtor_id', 'c.creditor_id'])
    .where('cl.id', '=', body.claimId)
    .where('cl.case_id', '=', caseId)
    .executeTakeFirst();
  if (!claim || claim.status !== 'open')
    throw conflict('disputes.claim_not_open', 'The claim is not an open claim of this case: it cannot be disputed.');
  await assertDocumentsOnCase(trx, caseId, body.documentIds);
  const existing = await trx
    .selectFrom('disputes')
    .select(['id', 'claim_id', 'grounds', 'status', 'evidence_due_on', 'evidence_requested'])
    .where('case_id', '=', caseId)
    .orderBy('opened_at')
    .execute();
  const first = linkTarget(
    existing.map((d) => ({
      id: d.id,
      claimId: d.claim_id,
      grounds: d.grounds as DisputeGrounds,
      status: d.status as DisputeStatus,
    })),
    claim.id,
    body.grounds,
  );
  const firstRow = first ? existing.find((d) => d.id === first.id)! : null;
  const dueOn = firstRow?.evidence_due_on ?? evidenceDueOn(today, claim.dispute_evidence_days);
  const evidence =
    firstRow?.evidence_requested ??
    evidenceToRequest(body.grounds, {
      contractType: claim.contract_type,
      assigned: claim.mandate_kind === 'purchased' || claim.original_creditor !== null,
    });
  return { found, claim, firstRow, dueOn, evidence };
}

async function notifyEvidenceRequest(
  trx: Transaction<DB>,
  claim: { id: string; reference: string; creditor_id: string; caseReference: string },
  disputeId: string,
  grounds: DisputeGrounds,
  dueOn: string,
  evidence: unknown,
  at: Date,
) {
  await queueCreditorCaseNotice(trx, {
    creditorId: claim.creditor_id,
    caseId: (await trx.selectFrom('claims').select('case_id').where('id', '=', claim.id).executeTakeFirstOrThrow())
      .case_id,
    event: 'dispute.evidence_requested',
    payload: {
      disputeId,
      caseReference: claim.caseReference,
      claimReference: claim.reference,
      grounds,
      evidenceDueOn: dueOn,
      evidenceRequested: evidence,
    },
    at,
  });
}
