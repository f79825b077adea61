import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../../audit/append.js';
import type { AuditActor } from '../../audit/append.js';
import { appendCaseEvent, recordText } from '../../cases/append-case-event.js';
import { decideContact } from '../../contact-policy/core/decide.js';
import { loadContactFacts } from '../../contact-policy/load-facts.js';
import { policyInForce } from '../../contact-policy/policy-store.js';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { itemiseCharges } from '../core/first-letter.js';
import { reminderWithdrawal, type ReminderLetter, type ReminderWithdrawalReason } from '../core/reminder-letter.js';
import { loadLetterFacts } from '../first-letter-facts.js';
import { nextPlace, stampRun } from './run-lines.js';

/**
 * The reminder letters issued (by a campaign or from the case, through the contact policy, kept on their cases) and
 * not yet printed: each joins the next print run once, after its first letters. Taking a letter sets its run and
 * writes its line, as composed, in one transaction under the run's stamp, so a letter is on one run or on none, never
 * lost between two. It is checked again first, under the debtor's lock: what changed since it was written (a dispute,
 * an over-indebtedness filing, an opt-out, a closed case, a payment, a new address) withdraws it instead.
 */
const unprinted = (db: Kysely<DB>) =>
  db.selectFrom('reminder_letters').where('print_run_id', 'is', null).where('withdrawn_at', 'is', null);

export async function countUnprintedReminders(db: Kysely<DB>): Promise<number> {
  const row = await unprinted(db)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** What the reader of the case's timeline is told, in each language, of why a letter was not printed. */
const WITHDRAWN_BECAUSE: Record<ReminderWithdrawalReason, { fr: string; en: string; it: string }> = {
  no_longer_allowed: {
    fr: 'la politique de contact ne le permet plus (suspension, opposition ou dossier clos)',
    en: 'the contact policy no longer allows it (a hold, an opt-out or a closed case)',
    it: 'la politica di contatto non lo consente più (sospensione, opposizione o pratica chiusa)',
  },
  amount_changed: {
    fr: 'le montant dû a changé depuis sa rédaction',
    en: 'the amount due changed after it was written',
    it: "l'importo dovuto è cambiato dopo la redazione",
  },
  address_changed: {
    fr: 'l’adresse postale a changé depuis sa rédaction',
    en: 'the postal address changed after it was written',
    it: "l'indirizzo postale è cambiato dopo la redazione",
  },
};

/** Up to `limit` reminder letters added to the run (or withdrawn), oldest first; gives how many were added. */
export async function takeReminderLetters(
  deps: Deps,
  actor: AuditActor,
  runId: string,
  limit: number,
): Promise<number> {
  const waiting = await unprinted(deps.db).select('id').orderBy('created_at').orderBy('id').limit(limit).execute();
  let taken = 0;
  for (const { id } of waiting) {
    // One letter that cannot be checked (a fault in its facts) waits for the next run; the others are printed.
    const done = await takeOne(deps, actor, runId, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'communications.print_run_closed') throw error;
      console.error(
        JSON.stringify({ level: 'error', msg: 'reminder letter not taken', reminderLetterId: id, err: String(error) }),
      );
      return false;
    });
    if (done) taken += 1;
  }
  return taken;
}

/** One letter checked, then on the run or withdrawn, in one transaction under the run's stamp; true when printed. */
async function takeOne(deps: Deps, actor: AuditActor, runId: string, id: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    await stampRun(trx, runId, now);
    const letter = await trx
      .selectFrom('reminder_letters as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      // The case's debtor now: a merge of two records moves the case to the one kept.
      .select(['r.id', 'r.case_id', 'c.debtor_id', 'c.creditor_id', 'c.reference as case_reference', 'r.address_id'])
      .select(['r.reference', 'r.composed'])
      .where('r.id', '=', id)
      .executeTakeFirstOrThrow();
    // The lock that orders every contact decision about the person: nothing changes them while this one is judged.
    await trx.selectFrom('debtors').select('id').where('id', '=', letter.debtor_id).forUpdate().execute();
    const withdrawal = await stillDue(trx, deps, letter, now);
    if (withdrawal) return withdraw(trx, actor, letter, withdrawal, runId, now);
    // Claimed by the update itself: a run preparing at the same moment finds it taken.
    const claimed = await trx
      .updateTable('reminder_letters')
      .set({ print_run_id: runId })
      .where('id', '=', id)
      .where('print_run_id', 'is', null)
      .where('withdrawn_at', 'is', null)
      .returning(['case_id', 'debtor_id', 'address_id', 'reference', 'document_id', 'pages', 'composed'])
      .executeTakeFirst();
    if (!claimed) return false;
    const place = await nextPlace(trx, runId);
    await trx
      .insertInto('print_run_letters')
      .values({
        print_run_id: runId,
        sequence: place.sequence,
        case_id: claimed.case_id,
        debtor_id: letter.debtor_id,
        address_id: claimed.address_id,
        letter_reference: claimed.reference,
        document_id: claimed.document_id,
        first_page: place.firstPage,
        pages: claimed.pages,
        composed: JSON.stringify(claimed.composed),
      })
      .execute();
    return true;
  });
}

interface WaitingLetter {
  id: string;
  case_id: string;
  debtor_id: string;
  creditor_id: string;
  case_reference: string;
  address_id: string;
  reference: string;
  composed: unknown;
}

/** Why the letter must not go out now, or null: the policy for a letter now, the amount due and the address now. */
async function stillDue(trx: Transaction<DB>, deps: Deps, letter: WaitingLetter, now: Date) {
  const found = {
    id: letter.case_id,
    reference: letter.case_reference,
    creditor_id: letter.creditor_id,
    debtor_id: letter.debtor_id,
  };
  const policy = await policyInForce(trx, now);
  const { facts } = await loadContactFacts(trx, policy, {
    debtorId: letter.debtor_id,
    caseId: letter.case_id,
    at: now,
  });
  const decision = decideContact(policy, facts, 'letter', now.getTime());
  const loaded = await loadLetterFacts(trx, deps.config, found, now);
  const amountNow = itemiseCharges(loaded.facts.charges).amountDemandedCents;
  const written = (letter.composed as { letter: ReminderLetter }).letter;
  return reminderWithdrawal({
    policyRules: decision.reasons.map((reason) => reason.rule),
    amountNowCents: amountNow === 0 ? null : amountNow,
    amountOnLetterCents: written.amountDemandedCents,
    addressNowId: loaded.facts.debtor.address ? (loaded.address?.id ?? null) : null,
    addressOnLetterId: letter.address_id,
  });
}

/** The letter withdrawn, on its case's timeline and in the audit trail with the rules that recalled it. */
async function withdraw(
  trx: Transaction<DB>,
  actor: AuditActor,
  letter: WaitingLetter,
  withdrawal: { reason: ReminderWithdrawalReason; rules: string[] },
  runId: string,
  now: Date,
): Promise<false> {
  const updated = await trx
    .updateTable('reminder_letters')
    .set({ withdrawn_at: now, withdrawn_reason: withdrawal.reason, withdrawn_rules: withdrawal.rules })
    .where('id', '=', letter.id)
    .where('print_run_id', 'is', null)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!updated) return false;
  await appendCaseEvent(trx, {
    caseId: letter.case_id,
    debtorId: letter.debtor_id,
    at: now,
    kind: 'letter',
    channel: 'letter',
    direction: 'outbound',
    outcome: 'withdrawn',
    summary: recordText('reminder_letter_withdrawn', {
      reference: letter.reference,
      because: WITHDRAWN_BECAUSE[withdrawal.reason],
    }),
  });
  await appendAudit(trx, {
    actor,
    action: 'reminder_letter.withdrawn',
    targetType: 'case',
    targetId: letter.case_id,
    creditorId: letter.creditor_id,
    after: {
      reminderLetterId: letter.id,
      reference: letter.reference,
      reason: withdrawal.reason,
      rules: withdrawal.rules,
      printRunId: runId,
    },
    at: now,
  });
  return false;
}
