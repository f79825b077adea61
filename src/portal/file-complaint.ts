import { registerComplaintIn } from '../complaints/register-complaint.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type { ComplaintFiled, ComplaintSubject } from './contract.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import type { PortalVisitor } from './portal-sessions.js';

/**
 * A complaint the person files on their own space: registered like one an agent takes down (the `portal` channel,
 * received today), with its legal deadlines to acknowledge and to answer counted on the person's calendar, and in
 * the complaints register for the agency to handle. A closed file may be complained about too.
 */
export async function fileComplaint(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  input: { subject: ComplaintSubject; summary: string },
  requestId: string,
): Promise<ComplaintFiled> {
  const receivedOn = agencyToday(deps.now(), deps.config);
  const id = await deps.db.transaction().execute(async (trx) => {
    const kase = await trx
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'creditor_id'])
      .where('id', '=', caseId)
      .where('debtor_id', '=', visitor.debtorId)
      .executeTakeFirst();
    if (!kase) throw notFound('case');
    return registerComplaintIn(
      trx,
      deps,
      kase,
      { audit: PORTAL_ACTOR, userId: null },
      { channel: 'portal', subject: input.subject, summary: input.summary },
      receivedOn,
      requestId,
    );
  });
  const row = await deps.db
    .selectFrom('complaints')
    .select(['reference', 'acknowledge_by', 'answer_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { reference: row.reference, acknowledgeBy: row.acknowledge_by, answerBy: row.answer_by };
}
