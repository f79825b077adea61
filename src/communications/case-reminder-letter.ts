import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { caseInScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import type { IssuedReminderLetter, ReminderLetterPreview } from './contract.js';
import type { ReminderLetter } from './core/reminder-letter.js';
import { renderFirstLetter } from './first-letter-pdf.js';
import { composeFor, issueReminderLetter } from './issue-reminder-letter.js';

/**
 * A reminder letter by post from its case page: previewed as the debtor will receive it (its text, or the PDF itself),
 * then issued by the same path as a letter campaign's (the contact policy asked in the transaction that records it;
 * the print run takes it next).
 */

/**
 * The case's reminder letter as it would go out now, composed by the same facts and template as the issue, and
 * refused as it would be (no first letter, no address that receives mail, nothing due); nothing recorded but the read:
 * the letter names the debtor, their address and the amount, so its preview is audited as one.
 */
async function previewIn(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'config'>,
  now: Date,
  actor: Actor,
  caseId: string,
  format: 'text' | 'pdf',
  requestId: string | null,
): Promise<ReminderLetter> {
  const found = await caseInScope(trx, actor, caseId);
  const { letter } = await composeFor(trx, deps, now, found);
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'reminder_letter.previewed',
    targetType: 'case',
    targetId: caseId,
    creditorId: found.creditor_id,
    after: { caseId, reference: letter.letterReference, format },
    requestId,
    at: now,
  });
  return letter;
}

/** The letter's text as it would go out now, and the lines of the envelope's window. */
export async function previewCaseReminderLetter(
  deps: Deps,
  actor: Actor,
  caseId: string,
  requestId: string | null = null,
): Promise<ReminderLetterPreview> {
  const now = deps.now();
  const letter = await deps.db
    .transaction()
    .execute((trx) => previewIn(trx, deps, now, actor, caseId, 'text', requestId));
  return {
    caseId,
    reference: letter.letterReference,
    sentOn: letter.sentOn,
    firstLetterReference: letter.firstLetter.reference,
    firstLetterSentOn: letter.firstLetter.sentOn,
    language: letter.language,
    recipient: letter.window.recipient,
    body: letter.body,
    amountDemandedCents: letter.amountDemandedCents,
  };
}

/** The letter's PDF as it would go out now, drawn as the issue draws it; nothing kept. */
export async function previewCaseReminderLetterPdf(
  deps: Deps,
  actor: Actor,
  caseId: string,
  requestId: string | null = null,
): Promise<{ pdf: Buffer; fileName: string }> {
  const now = deps.now();
  const letter = await deps.db
    .transaction()
    .execute((trx) => previewIn(trx, deps, now, actor, caseId, 'pdf', requestId));
  const { pdf } = await renderFirstLetter(letter, now);
  return { pdf, fileName: `apercu-relance-${letter.letterReference}.pdf` };
}

/** Issues the case's reminder letter now: the contact policy decides in its transaction (409 `contact.refused`). */
export async function issueCaseReminderLetter(
  deps: Deps,
  actor: Actor,
  caseId: string,
  requestId: string | null = null,
): Promise<IssuedReminderLetter> {
  const issued = await issueReminderLetter(deps, actor, caseId, { requestId });
  const { letter } = issued;
  return {
    id: issued.id!,
    caseId,
    reference: letter.letterReference,
    sentOn: letter.sentOn,
    firstLetterReference: letter.firstLetter.reference,
    pages: issued.pages,
    amountDemandedCents: letter.amountDemandedCents,
  };
}
