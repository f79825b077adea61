import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { caseInScope } from '../cases/scope.js';
import { firstLetterReference, recordContactIn } from '../contact-policy/record-contact.js';
import { documentStorage } from '../documents/storage.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { debtorToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid } from '../platform/errors.js';
import type { FirstLetterState, IssuedFirstLetter } from './contract.js';
import { composeFirstLetter, type FirstLetter, type FirstLetterLaw } from './core/first-letter.js';
import { composeItalianFirstLetter } from './core/first-letter-it.js';
import type { ItalianFirstLetter, ItalianLetterRefusal } from './core/first-letter-it-check.js';
import { keepLetterDocument } from './keep-letter.js';
import { italianLetterFacts, loadLetterFacts, type LetterFacts } from './first-letter-facts.js';
import { firstLetterPdf, renderFirstLetter } from './first-letter-pdf.js';

type Db = Kysely<DB> | Transaction<DB>;

const REFUSALS = {
  'communications.no_letter_address': () =>
    invalid(
      'communications.no_letter_address',
      'The debtor has no address that can receive mail: record or trace one before the first letter.',
    ),
  'communications.nothing_due': () =>
    conflict('communications.nothing_due', 'Nothing is due on this case: there is no amount to demand.'),
} as const;

function refusal(refused: ItalianLetterRefusal): AppError {
  if (refused.code !== 'communications.first_letter_incomplete') return REFUSALS[refused.code]();
  const what = refused.findings.map((f) =>
    f.code === 'mention_missing' ? `${f.mention} missing` : 'word' in f ? `${f.code}: ${f.word}` : f.code,
  );
  return new AppError(
    'communications.first_letter_incomplete',
    422,
    `The Italian first letter of this case cannot go out as it would be written: ${what.join('; ')}.`,
    { findings: refused.findings },
  );
}

/** A case's first letter: the French one (R124-4) or the Italian one, as the case's country calls for. */
export type AnyFirstLetter = FirstLetter | ItalianFirstLetter;

/** The kept PDF's name, in the letter's language. */
const fileNameOf = (reference: string, law: FirstLetterLaw) =>
  `${law === 'IT' ? 'prima-lettera' : 'premiere-lettre'}-${reference}.pdf`;

/** 409 with the day and the reference when the case's first letter already went out. */
async function assertNotSent(db: Db, caseId: string): Promise<void> {
  const row = await db
    .selectFrom('cases')
    .select(['reference', 'first_letter_sent_on', 'first_letter_reference'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (row.first_letter_sent_on)
    throw conflict(
      'communications.first_letter_already_sent',
      `The first letter of case ${row.reference} went out on ${row.first_letter_sent_on} (reference ${row.first_letter_reference ?? '—'}): a later letter is a reminder.`,
      { sentOn: row.first_letter_sent_on, reference: row.first_letter_reference },
    );
}

/** The letter the case's law calls for, or its refusal; the Italian one reads the reference data in force that day. */
async function compose(db: Db, loaded: LetterFacts, letterReference: string, sentOn: string): Promise<AnyFirstLetter> {
  const letter = { letterReference, sentOn };
  const composed =
    loaded.law === 'IT'
      ? composeItalianFirstLetter(await italianLetterFacts(db, loaded, letter))
      : composeFirstLetter({ ...loaded.facts, ...letter });
  if (!composed.ok) throw refusal(composed);
  return composed.letter;
}

/** The first letter as it would go out today, as a PDF: nothing recorded (for a check before sending). */
export async function previewFirstLetter(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const found = await caseInScope(deps.db, actor, caseId);
  await assertNotSent(deps.db, caseId);
  const loaded = await loadLetterFacts(deps.db, deps.config, found, deps.now());
  const now = deps.now();
  const reference = firstLetterReference(found.reference);
  const letter = await compose(deps.db, loaded, reference, debtorToday(now, loaded.timeZone));
  return { pdf: await firstLetterPdf(letter, now), fileName: fileNameOf(reference, letter.law) };
}

/**
 * Issues a case's first letter in one transaction: under the debtor's lock, refused when it already went out; the
 * contact policy asked and the letter recorded as the case's first (its day and reference on the case, a contact on
 * the timeline) by the contacts' own path; the PDF, dated and referenced as recorded, kept as a correspondence
 * document of the case; the act audited. The file written is removed when the transaction fails.
 */
export async function issueFirstLetter(
  deps: Deps,
  actor: Actor,
  caseId: string,
  requestId: string | null,
): Promise<IssuedFirstLetter> {
  return (await issueFirstLetterWith(deps, actor, caseId, requestId)).issued;
}

/** A first letter as issued, with what a print run needs of it: the letter itself, its pages and its address. */
export interface IssuedLetter {
  issued: IssuedFirstLetter;
  letter: AnyFirstLetter;
  pages: number;
  caseReference: string;
  debtorId: string;
  address: NonNullable<LetterFacts['address']>;
  addresseeName: string;
}

/**
 * issueFirstLetter, giving the letter as issued; `within` runs last in the letter's transaction (a print run records
 * its line there, so a letter issued is always on its run).
 */
export async function issueFirstLetterWith(
  deps: Deps,
  actor: Actor,
  caseId: string,
  requestId: string | null,
  within?: (trx: Transaction<DB>, issued: IssuedLetter) => Promise<void>,
): Promise<IssuedLetter> {
  const now = deps.now();
  const storage = documentStorage(deps.config);
  const stored: { id: string | null } = { id: null };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const found = await caseInScope(trx, actor, caseId);
      await trx.selectFrom('debtors').select('id').where('id', '=', found.debtor_id).forUpdate().execute();
      await assertNotSent(trx, caseId);
      const loaded = await loadLetterFacts(trx, deps.config, found, now);
      // Composed before the policy is asked: a letter that cannot be written (no address, nothing due, an Italian
      // letter the checker finds lacking) is refused as such, and never recorded as sent.
      await compose(trx, loaded, firstLetterReference(found.reference), debtorToday(now, loaded.timeZone));
      const { contact } = await recordContactIn(
        trx,
        now,
        actor,
        {
          debtorId: found.debtor_id,
          caseId,
          channel: 'letter',
          direction: 'outbound',
          outcome: 'sent',
          firstLetter: true,
          firstLetterLaw: loaded.law,
        },
        requestId,
      );
      const recorded = await trx
        .selectFrom('cases')
        .select(['first_letter_sent_on', 'first_letter_reference'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      const sentOn = recorded.first_letter_sent_on!;
      const reference = recorded.first_letter_reference!;
      const letter = await compose(trx, loaded, reference, sentOn);
      const { pdf, pages } = await renderFirstLetter(letter, now);
      const kept = {
        found,
        actor,
        pdf,
        fileName: fileNameOf(reference, letter.law),
        description: letter.law === 'IT' ? `Prima lettera ${reference}` : `Première lettre (R124-4) ${reference}`,
        specialCategory: false,
        now,
        requestId,
      };
      const documentId = await keepLetterDocument(trx, deps, kept, (id) => {
        stored.id = id;
      });
      await appendAudit(trx, {
        actor: auditActor(actor),
        action: 'first_letter.issued',
        targetType: 'case',
        targetId: caseId,
        creditorId: found.creditor_id,
        after: {
          caseId,
          debtorId: found.debtor_id,
          reference,
          sentOn,
          law: letter.law,
          documentId,
          contactId: contact.id,
          amountCents: letter.itemisation.amountDemandedCents,
        },
        requestId,
        at: now,
      });
      const issued: IssuedLetter = {
        issued: {
          caseId,
          sentOn,
          reference,
          documentId,
          contactId: contact.id,
          amountDemandedCents: letter.itemisation.amountDemandedCents,
        },
        letter,
        pages,
        caseReference: found.reference,
        debtorId: found.debtor_id,
        // Composed, so the debtor has a letter address (compose refuses a letter without one).
        address: loaded.address!,
        addresseeName: loaded.facts.debtor.name,
      };
      if (within) await within(trx, issued);
      return issued;
    });
  } catch (error) {
    if (stored.id) await storage.delete(stored.id);
    throw error;
  }
}

/** A case's first letter: when it went out, its reference, and the document kept when Accord issued it. */
export async function firstLetterState(deps: Deps, actor: Actor, caseId: string): Promise<FirstLetterState> {
  const found = await caseInScope(deps.db, actor, caseId);
  const row = await deps.db
    .selectFrom('cases')
    .select(['first_letter_sent_on', 'first_letter_reference'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const document = row.first_letter_reference
    ? await deps.db
        .selectFrom('case_documents')
        .select('id')
        .where('case_id', '=', found.id)
        .where('file_name', 'in', [
          fileNameOf(row.first_letter_reference, 'FR'),
          fileNameOf(row.first_letter_reference, 'IT'),
        ])
        .orderBy('uploaded_at', 'desc')
        .executeTakeFirst()
    : undefined;
  return {
    caseId,
    sentOn: row.first_letter_sent_on,
    reference: row.first_letter_reference,
    documentId: document?.id ?? null,
  };
}
