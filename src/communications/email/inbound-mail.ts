import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/deps.js';
import { recordMessageEventIn } from '../message-events.js';
import type { InboundMailResult } from './contract.js';
import { outboundIdOf, senderDomain } from './core/message-id.js';
import { parseReport } from './parse-report.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A message the mail relay hands on (`POST /api/v1/inbound-mail`): a bounce, a complaint, a delivery report, or
 * anything else that reached the sender's address. What it reports is applied to the e-mail it is about through
 * `message-events.ts`, in one transaction (the message, the contact point, the opt-out, the timeline, the audit);
 * a message that is no report, or about no e-mail of Accord's, changes nothing.
 */
export async function receiveInboundMail(deps: Deps, raw: Buffer): Promise<InboundMailResult> {
  const report = await parseReport(raw);
  const domain = deps.config.MAIL_FROM ? senderDomain(deps.config.MAIL_FROM) : null;
  const fromHeaders = report.originalMessageId && domain ? outboundIdOf(report.originalMessageId, domain) : null;
  const fromEnvelope = report.envelopeId && UUID.test(report.envelopeId.toLowerCase()) ? report.envelopeId : null;
  const messageId = (fromHeaders ?? fromEnvelope)?.toLowerCase() ?? null;
  if (!messageId) return { understood: report.understood, matched: false };
  return deps.db.transaction().execute(async (trx) => {
    const message = await trx
      .selectFrom('outbound_messages')
      .select(['id', 'status'])
      .where('id', '=', messageId)
      .where('channel', '=', 'email')
      .forUpdate()
      .executeTakeFirst();
    if (!message) return { understood: report.understood, matched: false };
    if (report.understood === 'ignored') return { understood: 'ignored', matched: true };
    // The dispatcher marks a message sent just after the relay took it: a report that outruns that mark waits.
    if (message.status === 'queued') {
      throw new AppError(
        'inbound_mail.not_sent_yet',
        503,
        'This report is about an e-mail not yet recorded as sent: hand it on again in a few minutes.',
        { retryAfterSeconds: 300 },
      );
    }
    await recordMessageEventIn(trx, deps.now(), {
      channel: 'email',
      messageId: message.id,
      outcome: report.understood,
      at: deps.now(),
      detail: report.detail,
    });
    return { understood: report.understood, matched: true };
  });
}
