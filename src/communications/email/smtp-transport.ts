import { createTransport } from 'nodemailer';
import type { Config } from '../../platform/config.js';
import type { EmailTransport, OutgoingEmail, Sent } from '../transports.js';
import { messageIdFor, senderDomain } from './core/message-id.js';
import { assertNeutralSubject } from './core/subject.js';

/**
 * E-mail through the agency's SMTP relay (`SMTP_URL`), from its neutral sender (`MAIL_FROM`). Each e-mail carries:
 * - a Message-ID made of the outbox id at the sender's domain, so a bounce or a complaint that quotes the original's
 *   headers finds the message (`inbound-mail.ts`); the same id goes to the relay as the DSN envelope id (RFC 3461),
 *   which a bounce quotes even when it returns no headers;
 * - the one-click opt-out (RFC 8058): `List-Unsubscribe: <https://…/api/v1/unsubscribe/{token}>` and
 *   `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so the mailbox shows its own "unsubscribe" button;
 * - a plain text body, and a subject that must not disclose the debt (`core/subject.ts`; refused before sending).
 * Null when any of the three settings is missing: e-mails then wait in the outbox.
 */
export function createSmtpTransport(
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'PUBLIC_URL'>,
): EmailTransport | null {
  if (!config.SMTP_URL || !config.MAIL_FROM || !config.PUBLIC_URL) return null;
  const from = config.MAIL_FROM;
  const domain = senderDomain(from);
  const transporter = createTransport({ url: config.SMTP_URL, pool: true, maxConnections: 2 });
  return {
    async send(email: OutgoingEmail): Promise<Sent> {
      assertNeutralSubject(email.subject);
      const messageId = messageIdFor(email.messageId, domain);
      await transporter.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.attachments ? { attachments: [...email.attachments] } : {}),
        messageId,
        headers: email.unsubscribeUrl
          ? {
              'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            }
          : {},
        dsn: { id: email.messageId, return: 'headers', notify: ['failure'] },
      });
      return { providerId: messageId };
    },
    async close() {
      transporter.close();
    },
  };
}
