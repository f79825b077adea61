import { caseInScope } from '../cases/scope.js';
import { creditorScope } from '../identity/scope.js';
import type { Actor } from '../identity/actor.js';
import { needToKnow, recordSensitiveRead } from '../need-to-know/access.js';
import type { Deps } from '../platform/deps.js';
import type { CaseMessage, CaseMessages } from './contract.js';
import { caseSmsReplies } from './sms/sms-replies.js';

/**
 * The e-mails and SMS of a case, newest first, with what their transports said, and the SMS the debtor wrote back. A
 * creditor user reads its own case's messages, their text as sent, and not the address or number they went to (the
 * debtor's contact details), nor the debtor's replies. A special-category message (a care referral's e-mail) is the
 * care unit's: a creditor user never learns of it, and a member of staff reads it under need-to-know, the read
 * recorded; without it, it is left out.
 */
export async function caseMessages(deps: Deps, actor: Actor, caseId: string): Promise<CaseMessages> {
  const found = await caseInScope(deps.db, actor, caseId);
  const staff = creditorScope(actor) === null;
  const rows = await deps.db
    .selectFrom('outbound_messages')
    .selectAll()
    .where('case_id', '=', caseId)
    .$if(!staff, (query) => query.where('special_category', '=', false))
    .orderBy('queued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  let shown = rows;
  if (staff && rows.some((row) => row.special_category)) {
    const decision = await needToKnow(deps, actor, found.debtor_id, null);
    if (decision.access === 'full')
      await recordSensitiveRead(deps, {
        actor,
        debtorId: found.debtor_id,
        caseId,
        subject: 'care_referral',
        basis: decision.basis,
        reason: null,
        requestId: null,
      });
    else shown = rows.filter((row) => !row.special_category);
  }
  return {
    items: shown.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      contactId: row.contact_id,
      channel: row.channel,
      template: row.template as CaseMessage['template'],
      status: row.status,
      language: row.language,
      queuedAt: row.queued_at.toISOString(),
      sentAt: row.sent_at?.toISOString() ?? null,
      deliveredAt: row.delivered_at?.toISOString() ?? null,
      failedAt: row.failed_at?.toISOString() ?? null,
      recipient: staff ? row.recipient : null,
      subject: row.subject,
      body: row.body,
      contentSha256: row.content_sha256,
    })),
    // What the debtor wrote back may hold special-category data: the agency's to answer, never the creditor's to read.
    replies: staff ? await caseSmsReplies(deps, caseId) : [],
  };
}
