import type { Transaction } from 'kysely';
import { appendAudit } from '../../audit/append.js';
import { MESSAGES_DISPATCH } from '../../communications/queue-message.js';
import { documentStorage } from '../../documents/storage.js';
import type { IsoDate } from '../../platform/calendar/dates.js';
import type { DB } from '../../platform/db/schema.js';
import { recordText } from '../../cases/append-case-event.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/index.js';
import type { Deps } from '../../platform/deps.js';
import type { ReferralSendingBody, ReferralView } from './contract.js';
import { send } from './core/referral.js';
import { sendReferralEmailIn, type SentEmail } from './referral-email.js';
import { sendReferralLetterIn, type SentLetter } from './referral-letter.js';
import { appendReferralLine, lockReferral, referralView, refusalError, stateOf } from './referral-facts.js';

/**
 * Sends a proposed referral, in one transaction. By letter, the letter goes out here (referral-letter.ts): composed in
 * the debtor's language, its PDF kept on the case. By e-mail, the e-mail is written here (referral-email.ts) and kept
 * in the outbox, which hands it to the SMTP relay once this transaction committed. Neither is a collection contact:
 * the contact policy does not decide them. A refusal sends nothing and leaves the referral proposed. By e-mail or
 * letter the audit entry keeps what the debtor was given: the organisation's name and contact details as they stood.
 * A warm handoff is a call the care specialist made with the debtor to the organisation: nothing was sent, the act is
 * recorded.
 */
export async function sendReferral(
  deps: Deps,
  actor: Actor,
  referralId: string,
  body: ReferralSendingBody,
  requestId: string | null,
): Promise<ReferralView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const stored: { id: string | null } = { id: null };
  try {
    const sent = await deps.db.transaction().execute(async (trx) => {
      const row = await lockReferral(trx, referralId);
      const decision = send(stateOf(row), body.how);
      if (!decision.ok) throw refusalError(decision.refusal);
      const letter =
        body.how === 'letter'
          ? await sendReferralLetterIn(trx, deps, actor, row, {
              now,
              requestId,
              onStored: (id) => {
                stored.id = id;
              },
            })
          : null;
      const email = body.how === 'email' ? await sendReferralEmailIn(trx, deps, actor, row, { now, requestId }) : null;
      return await recordSending(trx, actor, row, body, { now, today, requestId, letter, email });
    });
    // Handed to the relay now rather than at the next minute's sweep; a queue that is down leaves it to the sweep.
    if (body.how === 'email') await deps.jobs?.send(MESSAGES_DISPATCH, {}).catch(() => null);
    return sent;
  } catch (error) {
    // The letter's file, written before a failure rolled its record back, goes with it.
    if (stored.id) await documentStorage(deps.config).delete(stored.id);
    throw error;
  }
}

/** The referral marked sent, its timeline line, and the audit entry with what the debtor was given. */
async function recordSending(
  trx: Transaction<DB>,
  actor: Actor,
  row: Awaited<ReturnType<typeof lockReferral>>,
  body: ReferralSendingBody,
  sending: {
    now: Date;
    today: IsoDate;
    requestId: string | null;
    letter: SentLetter | null;
    email: SentEmail | null;
  },
): Promise<ReferralView> {
  const { now, today, requestId, letter, email } = sending;
  await trx
    .updateTable('care_referrals')
    .set({
      status: 'sent',
      sent_at: now,
      sent_by: actor.userId,
      sent_how: body.how,
      letter_document_id: letter?.documentId ?? null,
      email_message_id: email?.messageId ?? null,
    })
    .where('id', '=', row.id)
    .execute();
  const sent =
    body.how === 'warm_handoff'
      ? null
      : {
          name: row.organisation_name,
          phone: row.phone,
          email: row.email,
          website: row.website,
          address: row.address,
        };
  await appendReferralLine(trx, actor, row, recordText('care_referral_sent', {}), now);
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'care_referral.sent',
    targetType: 'care_referral',
    targetId: row.id,
    before: { status: row.status },
    after: {
      debtorId: row.debtor_id,
      caseId: row.case_id,
      status: 'sent',
      how: body.how,
      sent,
      letter: letter && { caseId: letter.caseId, reference: letter.letterReference, documentId: letter.documentId },
      // The message and the hash of its content, never its text or the address it went to.
      email: email && {
        caseId: email.caseId,
        reference: email.reference,
        messageId: email.messageId,
        contentSha256: email.contentSha256,
      },
    },
    requestId,
    at: now,
  });
  return referralView(trx, row.id, today);
}
