import { caseInScope } from '../cases/scope.js';
import { creditorScope } from '../identity/scope.js';
import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { CaseMessages } from './contract.js';
import { caseSmsReplies } from './sms/sms-replies.js';
import type { MessageTemplate } from './core/message-templates.js';

/**
 * The e-mails and SMS of a case, newest first, with what their transports said, and the SMS the debtor wrote back. A
 * creditor user reads its own case's messages, their text as sent, and not the address or number they went to (the
 * debtor's contact details), nor the debtor's replies.
 */
export async function caseMessages(deps: Deps, actor: Actor, caseId: string): Promise<CaseMessages> {
  await caseInScope(deps.db, actor, caseId);
  const staff = creditorScope(actor) === null;
  const rows = await deps.db
    .selectFrom('outbound_messages')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('queued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      contactId: row.contact_id,
      channel: row.channel,
      template: row.template as MessageTemplate,
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
