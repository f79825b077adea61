import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { changeCase } from '../cases/change-case.js';
import { caseInScope } from '../cases/scope.js';
import { placeHoldIn } from '../contact-policy/holds/manage-holds.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { addDays, agencyToday, startOfLocalDay } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import type { DeathReportBody, EstateView } from './contract.js';
import { loadEstateView } from './read-estate.js';

/** When a person looks again at a reported death whose certificate has not come. */
const PROOF_REVIEW_DAYS = 30;

/**
 * Reports a debtor's death on a case, in one transaction: every contact stops at once (the contact policy's
 * `deceased` hold on the debtor, reviewed after 30 days if no certificate came), the case moves to the deceased stage,
 * the estate starts at `reported`, and the timeline and the audit trail say so.
 */
export async function reportDeath(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: DeathReportBody,
  requestId: string | null = null,
): Promise<EstateView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const found = await caseInScope(trx, actor, caseId);
    await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
    if (found.status === 'closed')
      throw conflict('estates.case_closed', 'The case is closed: no death is reported on it.');
    const existing = await trx.selectFrom('estates').select('id').where('case_id', '=', caseId).executeTakeFirst();
    if (existing) throw conflict('estates.already_reported', 'A death is already reported on this case.');
    const held = await trx
      .selectFrom('holds')
      .select('id')
      .where('debtor_id', '=', found.debtor_id)
      .where('kind', '=', 'deceased')
      .where('status', '=', 'active')
      .executeTakeFirst();
    const hold =
      held ??
      (await placeHoldIn(
        trx,
        now,
        actor,
        found.debtor_id,
        {
          kind: 'deceased',
          reason: body.note,
          reviewAt: startOfLocalDay(addDays(today, PROOF_REVIEW_DAYS), deps.config.AGENCY_TZ),
        },
        requestId,
      ));
    const estate = await trx
      .insertInto('estates')
      .values({
        case_id: caseId,
        debtor_id: found.debtor_id,
        creditor_id: found.creditor_id,
        step: 'reported',
        reported_on: today,
        reported_by: actor.userId,
        report_note: body.note,
        hold_id: hold.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendCaseEvent(trx, {
      caseId,
      debtorId: found.debtor_id,
      at: now,
      kind: 'estate',
      summary: recordText('estate_death_reported', {}),
      actorUserId: actor.userId,
      data: { estateId: estate.id, holdId: hold.id },
    });
    await changeCase(trx, {
      caseId,
      change: { reason: 'death_reported', estateId: estate.id },
      actorUserId: actor.userId,
      now,
      today,
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'estate.death_reported',
      targetType: 'case',
      targetId: caseId,
      creditorId: found.creditor_id,
      before: { stage: found.stage, status: found.status },
      after: { estateId: estate.id, holdId: hold.id, note: body.note },
      requestId,
      at: now,
    });
    return (await loadEstateView(trx, actor, caseId, today))!;
  });
}
