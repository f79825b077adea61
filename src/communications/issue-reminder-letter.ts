import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { caseInScope } from '../cases/scope.js';
import { recordContactIn } from '../contact-policy/record-contact.js';
import { documentStorage } from '../documents/storage.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { debtorToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid } from '../platform/errors.js';
import type { MessageLanguage } from './core/template-text.js';
import {
  composeReminderLetter,
  reminderLetterLanguage,
  reminderReference,
  type ReminderLetter,
  type ReminderRefusal,
} from './core/reminder-letter.js';
import { loadLetterFacts } from './first-letter-facts.js';
import { renderFirstLetter } from './first-letter-pdf.js';
import { keepLetterDocument } from './keep-letter.js';
import { templateInForce } from './templates/template-store.js';

const REFUSALS: Record<ReminderRefusal['code'], () => AppError> = {
  'communications.no_letter_address': () =>
    invalid(
      'communications.no_letter_address',
      'The debtor has no address that can receive mail (none, or each came back): record or trace one.',
    ),
  'communications.nothing_due': () =>
    conflict('communications.nothing_due', 'Nothing is due on this case: there is no amount to remind of.'),
  'communications.first_letter_missing': () =>
    conflict(
      'communications.first_letter_missing',
      'The first letter of this case has not gone out: nothing may precede it (CPCE R124-4). Send it first.',
    ),
  'communications.template_invalid': () =>
    invalid(
      'communications.template_invalid',
      'The reminder letter template in force has an error: compliance must publish a corrected version.',
    ),
};

/** A reminder letter as issued: what a campaign counts, and the letter as composed for the print run. */
export interface IssuedReminder {
  id: string | null;
  letter: ReminderLetter;
  pages: number;
}

export interface ReminderOptions {
  requestId?: string | null;
  campaignRunId?: string | null;
  /** A campaign's preview: the policy asked and the letter composed, nothing stored (its transaction is rolled back). */
  dryRun?: boolean;
}

/**
 * Issues a case's reminder letter inside the caller's transaction: composed from the case's facts and the letter
 * template in force in its language (refused before anything is recorded when it cannot be written: no first letter,
 * no address that receives mail, nothing due), the contact policy asked through the contacts' own path (caps, holds,
 * opt-outs, the first letter first), which records the contact and its timeline line; the PDF kept as a
 * correspondence document, the letter recorded for the next print run, and the act audited with the PDF's SHA-256.
 * A file written for a transaction that then fails is removed by the caller's `onStored` bookkeeping.
 */
export async function issueReminderLetterIn(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'config'>,
  now: Date,
  actor: Actor,
  caseId: string,
  options: ReminderOptions,
  onStored: (id: string) => void,
): Promise<IssuedReminder> {
  const found = await caseInScope(trx, actor, caseId);
  // The lock that orders every contact decision about the person, taken before the letter is numbered and its amount
  // and address read: two letters at once for one case cannot take the same number or a stale balance.
  await trx.selectFrom('debtors').select('id').where('id', '=', found.debtor_id).forUpdate().execute();
  const { letter, loaded, template, language } = await composeFor(trx, deps, now, found);
  const { contact } = await recordContactIn(
    trx,
    now,
    actor,
    { debtorId: found.debtor_id, caseId, channel: 'letter', direction: 'outbound', outcome: 'sent' },
    options.requestId ?? null,
  );
  const { pdf, pages } = await renderFirstLetter(letter, now);
  if (options.dryRun) return { id: null, letter, pages };
  const kept = {
    found,
    actor,
    pdf,
    fileName: `relance-${letter.letterReference}.pdf`,
    description: `Relance par courrier ${letter.letterReference} (suite à ${letter.firstLetter.reference})`,
    specialCategory: false,
    now,
    requestId: options.requestId ?? null,
  };
  const documentId = await keepLetterDocument(trx, deps, kept, onStored);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const address = loaded.address!;
  const inserted = await trx
    .insertInto('reminder_letters')
    .values({
      case_id: caseId,
      debtor_id: found.debtor_id,
      contact_id: contact.id,
      address_id: address.id,
      reference: letter.letterReference,
      sent_on: letter.sentOn,
      language,
      template_version: template.version,
      first_letter_reference: letter.firstLetter.reference,
      body: letter.body,
      content_sha256: sha256,
      document_id: documentId,
      pages,
      composed: JSON.stringify({
        letter,
        addresseeName: loaded.facts.debtor.name,
        postalCode: address.postalCode,
        city: address.city,
        country: address.country,
      }),
      campaign_run_id: options.campaignRunId ?? null,
      created_by: actor.userId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'reminder_letter.issued',
    targetType: 'case',
    targetId: caseId,
    creditorId: found.creditor_id,
    // The PDF's hash, not its text: the document keeps the letter, the chained audit proves it unchanged.
    after: {
      caseId,
      reminderLetterId: inserted.id,
      reference: letter.letterReference,
      sentOn: letter.sentOn,
      firstLetterReference: letter.firstLetter.reference,
      firstLetterSentOn: letter.firstLetter.sentOn,
      language,
      templateVersion: template.version,
      documentId,
      contentSha256: sha256,
      contactId: contact.id,
      amountCents: letter.amountDemandedCents,
      campaignRunId: options.campaignRunId ?? null,
    },
    requestId: options.requestId ?? null,
    at: now,
  });
  return { id: inserted.id, letter, pages };
}

/** The case's reminder letter as it would go out now, or its refusal; nothing recorded. */
export async function composeFor(
  trx: Kysely<DB> | Transaction<DB>,
  deps: Pick<Deps, 'config'>,
  now: Date,
  found: { id: string; reference: string; creditor_id: string; debtor_id: string },
) {
  const caseId = found.id;
  const loaded = await loadLetterFacts(trx, deps.config, found, now);
  const row = await trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .select([
      'c.first_letter_sent_on',
      'c.first_letter_reference',
      'd.language',
      sql<number>`(select count(*)::int from reminder_letters r where r.case_id = c.id)`.as('reminders'),
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const language = reminderLetterLanguage(loaded.law, row.language as MessageLanguage);
  const template = await templateInForce(trx, { template: 'reminder', channel: 'letter', language }, now);
  const composed = composeReminderLetter({
    facts: loaded.facts,
    language,
    firstLetter:
      row.first_letter_sent_on && row.first_letter_reference
        ? { reference: row.first_letter_reference, sentOn: row.first_letter_sent_on }
        : null,
    template,
    letterReference: reminderReference(found.reference, row.reminders + 1),
    sentOn: debtorToday(now, loaded.timeZone),
    debtorName: loaded.facts.debtor.name,
  });
  if (!composed.ok) throw REFUSALS[composed.code]();
  const { letter } = composed;
  return { letter, loaded, template, language };
}

/** `issueReminderLetterIn` in a transaction of its own; the file written is removed when the transaction fails. */
export async function issueReminderLetter(
  deps: Deps,
  actor: Actor,
  caseId: string,
  options: ReminderOptions = {},
): Promise<IssuedReminder> {
  const stored: { id: string | null } = { id: null };
  try {
    return await deps.db
      .transaction()
      .execute((trx) => issueReminderLetterIn(trx, deps, deps.now(), actor, caseId, options, (id) => (stored.id = id)));
  } catch (error) {
    if (stored.id) await documentStorage(deps.config).delete(stored.id);
    throw error;
  }
}
