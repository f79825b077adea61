import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { assertVisible } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday, dayNumberOf, fromLocal } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import type { HandoffAcknowledgeBody, HandoffSendBody, HandoffView } from './contract.js';
import { latestEscalation } from './decide-review.js';
import { loadHandoff } from './handoff-read.js';

/**
 * Sending a handoff file to a partner and its acknowledgement. Accord has no mail sender of its own: the person sends
 * the file (downloaded here) by the partner's channel, e-mail, portal or post, and records here that it went, on which
 * day and by which channel; then the partner's acknowledgement. Each in one transaction under the file's row lock,
 * audited.
 */

function lockHandoff(trx: Transaction<DB>, actor: Actor, id: string) {
  return trx
    .selectFrom('judicial_handoffs')
    .select(['id', 'case_id', 'creditor_id', 'version', 'status', 'sent_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
    .then((row) => {
      assertVisible(actor, row, 'The handoff file');
      return row;
    });
}

/** The instant a day given by a person stands for: noon of that day in the agency's zone (today: now). */
function instantOf(deps: Deps, day: string, now: Date): Date {
  const today = agencyToday(now, deps.config);
  if (day > today) throw invalid('handoffs.date_in_future', `The day ${day} is after today (${today}).`);
  return day === today ? now : new Date(fromLocal(deps.config.AGENCY_TZ, dayNumberOf(day), 12 * 60));
}

export async function sendHandoff(
  deps: Deps,
  actor: Actor,
  handoffId: string,
  body: HandoffSendBody,
  requestId: string | null = null,
): Promise<HandoffView> {
  const now = deps.now();
  const sentAt = instantOf(deps, body.sentOn, now);
  return deps.db.transaction().execute(async (trx) => {
    const handoff = await lockHandoff(trx, actor, handoffId);
    if (handoff.status !== 'built')
      throw conflict(
        'handoffs.not_sendable',
        `Version ${handoff.version} is ${handoff.status}: only a built file is sent.`,
      );
    // The debtor is told before anything is filed: the file leaves for the partner who files no earlier than the
    // first filing day the escalation set.
    const escalation = await latestEscalation(trx, handoff.case_id);
    if (escalation?.file_not_before && body.sentOn < escalation.file_not_before)
      throw conflict(
        'handoffs.before_file_not_before',
        `The debtor was told of the escalation; nothing is filed before ${escalation.file_not_before}: send the file from that day.`,
        { fileNotBefore: escalation.file_not_before },
      );
    const partner = await trx
      .selectFrom('judicial_partners')
      .select(['id', 'firm_name', 'channel', 'active'])
      .where('id', '=', body.partnerId)
      .executeTakeFirst();
    if (!partner) throw notFound('The partner');
    if (!partner.active)
      throw conflict('handoffs.partner_inactive', `${partner.firm_name} is no longer an active partner.`);
    const channel = body.channel ?? partner.channel;
    await trx
      .updateTable('judicial_handoffs')
      .set({ status: 'sent', partner_id: partner.id, channel, sent_at: sentAt, sent_by: actor.userId })
      .where('id', '=', handoffId)
      .execute();
    // The partner the file went to handles the case's procedure, when no one was named when it was opened.
    await trx
      .updateTable('judicial_procedures')
      .set({ partner_id: partner.id, updated_at: now })
      .where('case_id', '=', handoff.case_id)
      .where('partner_id', 'is', null)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'handoff.sent',
      targetType: 'judicial_handoff',
      targetId: handoffId,
      creditorId: handoff.creditor_id,
      before: { status: handoff.status },
      after: { caseId: handoff.case_id, version: handoff.version, partnerId: partner.id, channel, sentOn: body.sentOn },
      requestId,
      at: now,
    });
    return loadHandoff(trx, actor, handoffId);
  });
}

export async function acknowledgeHandoff(
  deps: Deps,
  actor: Actor,
  handoffId: string,
  body: HandoffAcknowledgeBody,
  requestId: string | null = null,
): Promise<HandoffView> {
  const now = deps.now();
  const acknowledgedAt = instantOf(deps, body.acknowledgedOn, now);
  return deps.db.transaction().execute(async (trx) => {
    const handoff = await lockHandoff(trx, actor, handoffId);
    if (handoff.status !== 'sent' || !handoff.sent_at)
      throw conflict(
        'handoffs.not_sent',
        `Version ${handoff.version} is ${handoff.status}: only a file sent is acknowledged.`,
      );
    if (body.acknowledgedOn < agencyToday(handoff.sent_at, deps.config))
      throw invalid('handoffs.acknowledged_before_sent', 'A file is acknowledged on or after the day it was sent.');
    await trx
      .updateTable('judicial_handoffs')
      .set({ status: 'acknowledged', acknowledged_at: acknowledgedAt, acknowledged_by: actor.userId })
      .where('id', '=', handoffId)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'handoff.acknowledged',
      targetType: 'judicial_handoff',
      targetId: handoffId,
      creditorId: handoff.creditor_id,
      before: { status: handoff.status },
      after: { caseId: handoff.case_id, version: handoff.version, acknowledgedOn: body.acknowledgedOn },
      requestId,
      at: now,
    });
    return loadHandoff(trx, actor, handoffId);
  });
}
