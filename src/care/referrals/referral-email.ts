import type { Transaction } from 'kysely';
import { letterAddress } from '../../communications/first-letter-facts.js';
import { queueConsentedEmailIn } from '../../communications/queue-consented-email.js';
import { debtorName } from '../../debtors/core/debtor-name.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { debtorToday } from '../../platform/calendar/today.js';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { invalid } from '../../platform/errors.js';
import type { HelpsWith } from '../core/vocabulary.js';
import { composeReferralEmail } from './core/referral-email.js';
import { referralLetterReference, type ReferralLetterLanguage } from './core/referral-letter.js';
import { referralCase, type ReferralRow } from './referral-letter.js';

export interface SentEmail {
  caseId: string;
  reference: string;
  messageId: string;
  contentSha256: string;
}

/**
 * Sends a referral by e-mail, in the referral's transaction: composed in the debtor's language (`core/referral-email.ts`)
 * and kept in the communications outbox, which the dispatcher hands to the SMTP relay after the commit (retried,
 * its status reported back like every e-mail's). Filed on the referral's case, or the debtor's most recently opened
 * open case.
 *
 * Like the letter it is not a collection contact and the contact policy does not decide it: it says nothing of the debt,
 * goes only because the debtor agreed to receive it (the consent kept with the proposal), and is most needed while a
 * vulnerability hold pauses collection. But it goes only where the agency knows it may write: an e-mail address of the
 * debtor's that a person verified and that is not opted out, refused, wrong or undeliverable; and never to a debtor
 * who asked for no e-mail from the agency (an e-mail opt-out, by a person, the one-click link or a complaint, is a
 * person's word about the channel, not about collection alone). Refused, nothing is kept and the referral stays
 * proposed.
 */
export async function sendReferralEmailIn(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'config'>,
  actor: Actor,
  row: ReferralRow,
  context: { now: Date; requestId: string | null },
): Promise<SentEmail> {
  const found = await referralCase(trx, row);
  const [debtor, optedOut, recipient, addresses] = await Promise.all([
    trx
      .selectFrom('debtors')
      .select(['kind', 'first_name', 'last_name', 'company_name', 'language'])
      .where('id', '=', row.debtor_id)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('contact_opt_outs')
      .select('id')
      .where('debtor_id', '=', row.debtor_id)
      .where('channel', '=', 'email')
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst(),
    verifiedEmail(trx, row.debtor_id),
    trx.selectFrom('debtor_addresses').selectAll().where('debtor_id', '=', row.debtor_id).execute(),
  ]);
  if (optedOut)
    throw invalid(
      'care.referral_email_opted_out',
      'The debtor asked for no e-mail from the agency: send the details by letter, or give them in a warm handoff.',
    );
  if (!recipient)
    throw invalid(
      'care.referral_no_email_address',
      'The debtor has no verified e-mail address that may receive one: send the details by letter, or give them in a warm handoff.',
    );
  // The days as the debtor lives them: in the zone of the address their letters go to, else the agency's.
  const zone = letterAddress(addresses)?.time_zone ?? deps.config.AGENCY_TZ;
  const reference = referralLetterReference(row.id);
  const email = composeReferralEmail({
    language: debtor.language as ReferralLetterLanguage,
    agency: { name: deps.config.AGENCY_NAME, phone: deps.config.AGENCY_PHONE },
    debtorName: debtorName(debtor),
    reference,
    proposedOn: debtorToday(row.proposed_at, zone),
    followUpOn: row.follow_up_on,
    organisation: {
      name: row.organisation_name,
      helpsWith: row.helps_with as HelpsWith[],
      phone: row.phone,
      email: row.email,
      website: row.website,
      address: row.address,
    },
  });
  const queued = await queueConsentedEmailIn(
    trx,
    context.now,
    auditActor(actor),
    {
      purpose: 'care_referral',
      found,
      recipient: { contactPointId: recipient.id, address: recipient.value.trim() },
      language: email.language,
      subject: email.subject,
      body: email.body,
    },
    context.requestId,
  );
  return { caseId: found.id, reference, messageId: queued.id, contentSha256: queued.contentSha256 };
}

/**
 * The debtor's e-mail address the agency may write a care e-mail to: verified by a person (an unverified address may be
 * someone else's, and this e-mail tells of a difficulty), its consent not withdrawn, not opted out, not marked wrong,
 * never bounced; the most recently verified first.
 */
function verifiedEmail(trx: Transaction<DB>, debtorId: string) {
  return trx
    .selectFrom('debtor_contact_points')
    .select(['id', 'value'])
    .where('debtor_id', '=', debtorId)
    .where('channel', '=', 'email')
    .where('verified_at', 'is not', null)
    .where('consent', '<>', 'withdrawn')
    .where('opted_out_at', 'is', null)
    .where('wrong_number_at', 'is', null)
    .where('undeliverable_at', 'is', null)
    .orderBy('verified_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
