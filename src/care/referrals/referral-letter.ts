import type { Transaction } from 'kysely';
import { COUNTRY_NAMES, letterAddress } from '../../communications/first-letter-facts.js';
import { configuredAddress, postalLines } from '../../communications/core/first-letter.js';
import { keepLetterDocument } from '../../communications/keep-letter.js';
import { debtorName } from '../../debtors/core/debtor-name.js';
import type { Actor } from '../../identity/actor.js';
import { debtorToday } from '../../platform/calendar/today.js';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid } from '../../platform/errors.js';
import type { HelpsWith } from '../core/vocabulary.js';
import { composeReferralLetter, referralLetterReference, type ReferralLetterLanguage } from './core/referral-letter.js';
import { referralLetterPdf } from './referral-letter-pdf.js';

/** The referral as `lockReferral` reads it: the organisation's details with it. */
export interface ReferralRow {
  id: string;
  debtor_id: string;
  case_id: string | null;
  proposed_at: Date;
  follow_up_on: string;
  helps_with: string[];
  organisation_name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
}

export interface SentLetter {
  caseId: string;
  letterReference: string;
  documentId: string;
}

/**
 * Sends a referral by letter, in the referral's transaction: composed in the debtor's language for the address their
 * letters go to, its PDF kept on the case as a need-to-know correspondence document (never shared with the creditor).
 * A referral made for the person rather than one file is filed in their most recently opened open case.
 *
 * It is not a collection contact, so the contact policy does not weigh it: it says nothing of the debt (the letter's
 * facts hold no amount and no creditor), it goes only because the debtor agreed to receive it (the consent recorded
 * with the proposal), and it is most needed while a vulnerability hold pauses collection. It therefore counts against
 * no cap and waits for no hold to end; the timeline and the audit trail record it.
 */
export async function sendReferralLetterIn(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'config'>,
  actor: Actor,
  row: ReferralRow,
  context: { now: Date; requestId: string | null; onStored: (id: string) => void },
): Promise<SentLetter> {
  const { now, requestId } = context;
  // Unlike the first letter, no law asks this one to name the agency's address: its name and phone suffice.
  const agencyAddress = configuredAddress(deps.config.AGENCY_ADDRESS)?.lines ?? [];
  const found = await referralCase(trx, row);
  const [debtor, addresses] = await Promise.all([
    trx
      .selectFrom('debtors')
      .select(['kind', 'first_name', 'last_name', 'company_name', 'language'])
      .where('id', '=', row.debtor_id)
      .executeTakeFirstOrThrow(),
    trx.selectFrom('debtor_addresses').selectAll().where('debtor_id', '=', row.debtor_id).execute(),
  ]);
  const address = letterAddress(addresses);
  if (!address)
    throw invalid(
      'care.referral_no_letter_address',
      'The debtor has no address that can receive mail: send the details by e-mail, or give them in a warm handoff.',
    );
  const letterReference = referralLetterReference(row.id);
  const timeZone = address.time_zone;
  const letter = composeReferralLetter({
    language: debtor.language as ReferralLetterLanguage,
    agency: { name: deps.config.AGENCY_NAME, phone: deps.config.AGENCY_PHONE, address: agencyAddress },
    debtor: {
      name: debtorName(debtor),
      address: postalLines(
        {
          line1: address.line1,
          line2: address.line2,
          postalCode: address.postal_code,
          city: address.city,
          country: address.country,
        },
        COUNTRY_NAMES,
      ).lines,
    },
    letterReference,
    caseReference: found.reference,
    sentOn: debtorToday(now, timeZone),
    proposedOn: debtorToday(row.proposed_at, timeZone),
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
  const pdf = await referralLetterPdf(letter, now);
  const documentId = await keepLetterDocument(
    trx,
    deps,
    {
      found,
      actor,
      pdf,
      fileName: `${letterReference}.pdf`,
      description: `Courrier d’orientation ${letterReference}`,
      // The organisation a person was referred to can say more than the debt (health, for one): need-to-know.
      specialCategory: true,
      now,
      requestId,
    },
    context.onStored,
  );
  return { caseId: found.id, letterReference, documentId };
}

/**
 * The case a referral's letter or e-mail is filed on: the referral's own, or the debtor's most recently opened open
 * case; none is `care.referral_no_case` (409).
 */
export async function referralCase(trx: Transaction<DB>, row: ReferralRow) {
  let query = trx
    .selectFrom('cases')
    .select(['id', 'reference', 'creditor_id', 'debtor_id'])
    .where('debtor_id', '=', row.debtor_id);
  query = row.case_id ? query.where('id', '=', row.case_id) : query.where('status', '=', 'open');
  const found = await query.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!found)
    throw conflict(
      'care.referral_no_case',
      'The debtor has no open case to file the letter or the e-mail on: give the details in a warm handoff instead.',
    );
  return found;
}
