/**
 * The two doors messages leave by. The dispatcher (`dispatch-messages.ts`) hands each queued message to one of these
 * after the transaction that decided it has committed; the SMTP one is `email/smtp-transport.ts`, the SMPP one
 * `sms/smpp-transport.ts`. Each answers with the provider's identifier of the message, by which a later delivery
 * receipt, bounce or complaint finds it again, or throws: the message then waits for another attempt.
 */

export interface OutgoingEmail {
  /** The outbox row's id; also the local part of the Message-ID, so a bounce quoting it finds the message. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  /**
   * The one-click opt-out (RFC 8058): an https URL that takes a POST with `List-Unsubscribe=One-Click`. Every message
   * about a debt has one; only a message the person asked for themselves (a sign-in code) goes without.
   */
  unsubscribeUrl: string | null;
  /** Files sent with it: only a creditor's monthly report has some (never a message to a debtor). */
  attachments?: readonly { filename: string; content: Buffer; contentType: string }[];
}

export interface OutgoingSms {
  messageId: string;
  /** The number in E.164 form (`+33612345678`). */
  to: string;
  text: string;
}

export interface Sent {
  /** The transport's identifier: the SMTP Message-ID, the SMPP message_id. */
  providerId: string;
}

export interface EmailTransport {
  send(email: OutgoingEmail): Promise<Sent>;
  close(): Promise<void>;
}

export interface SmsTransport {
  send(sms: OutgoingSms): Promise<Sent>;
  /**
   * Keeps a session open from now on, bound again after the provider drops it, so delivery receipts and "STOP"
   * replies arrive even when nothing is being sent (the worker calls it at start).
   */
  listen(): void;
  close(): Promise<void>;
}

/** What the dispatcher sends with; a channel whose transport is not configured keeps its messages queued. */
export interface Transports {
  email: EmailTransport | null;
  sms: SmsTransport | null;
}
