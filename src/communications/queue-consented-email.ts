import type { Transaction } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/append.js';
import type { DB } from '../platform/db/schema.js';
import type { MessageLanguage } from './core/message-templates.js';
import { assertNeutralSubject } from './email/core/subject.js';
import { contentHash } from './queue-message.js';

/**
 * What an e-mail outside the contact policy is for: the care team's referral the person agreed to
 * (src/care/referrals/referral-email.ts), special-category; the notice of direct debits a SEPA mandate the person
 * signed requires (src/portal/debit-notices.ts).
 */
export type ConsentedEmailPurpose = 'care_referral' | 'debit_notice';

export interface ConsentedEmail {
  purpose: ConsentedEmailPurpose;
  /** The case it is filed on: its outbox row, its timeline lines, its sender's audit. */
  found: { id: string; debtor_id: string };
  /** The debtor's address it goes to, chosen by the caller under its own rule. */
  recipient: { contactPointId: string; address: string };
  language: MessageLanguage;
  subject: string;
  body: string;
}

export interface QueuedConsentedEmail {
  id: string;
  contentSha256: string;
  queuedAt: Date;
}

/**
 * Keeps in the outbox, in the caller's transaction, an e-mail that is no collection contact: one the debtor agreed to
 * receive (a care referral's contact details, or the notice of the debits of a mandate they signed). The contact
 * policy does not decide it and no contact is recorded, so it counts against no cap and waits for no hold; the caller
 * answers for the consent and the address. A care referral is special-category (need-to-know; never a creditor's to
 * read: `case-messages.ts`). It has no
 * one-click opt-out link (a single message the person asked for, as a sign-in code), and leaves by the same
 * dispatcher, relay, retries and reports as every e-mail. Its subject is checked as any other's. The audit entry
 * names the message and the hash of its content, never the content or the address.
 */
export async function queueConsentedEmailIn(
  trx: Transaction<DB>,
  now: Date,
  actor: AuditActor,
  email: ConsentedEmail,
  requestId: string | null,
): Promise<QueuedConsentedEmail> {
  assertNeutralSubject(email.subject);
  const hash = contentHash(email);
  const row = await trx
    .insertInto('outbound_messages')
    .values({
      debtor_id: email.found.debtor_id,
      case_id: email.found.id,
      contact_id: null,
      channel: 'email',
      contact_point_id: email.recipient.contactPointId,
      recipient: email.recipient.address,
      template: email.purpose,
      template_version: 0,
      language: email.language,
      subject: email.subject,
      body: email.body,
      content_sha256: hash,
      unsubscribe_token: null,
      purpose: email.purpose,
      special_category: email.purpose === 'care_referral',
      queued_at: now,
      next_attempt_at: now,
      created_by: actor.userId,
    })
    .returning(['id', 'queued_at'])
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    actor,
    action: 'message.queued',
    targetType: 'outbound_message',
    targetId: row.id,
    after: {
      caseId: email.found.id,
      channel: 'email',
      purpose: email.purpose,
      language: email.language,
      contactPointId: email.recipient.contactPointId,
      contentSha256: hash,
    },
    requestId,
    at: now,
  });
  return { id: row.id, contentSha256: hash, queuedAt: row.queued_at };
}
