import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { appendAudit, type AuditWriter } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict } from '../platform/errors.js';
import { decideContact, type Decision } from './core/decide.js';
import type { CompiledPolicy } from './core/compile.js';
import { checkContactInput, timelineKind } from './core/contact-input.js';
import type { ContactFacts } from './core/facts.js';
import { isoDateOf, toLocal } from '../platform/calendar/index.js';
import { isConversation } from './core/outcomes.js';
import type { Channel } from './core/policy-document.js';
import { assertDebtorInScope } from '../cases/scope.js';
import { usableOverride } from './contact-permission.js';
import type { ContactView, DecisionView } from './contract.js';
import { decisionView, type OverrideRef } from './decision-view.js';
import { loadContactFacts } from './load-facts.js';
import { policyInForce } from './policy-store.js';
import { contactView } from './contact-view.js';
import { keepRefusal } from './record-refusal.js';
import { decisionsAsReadBy } from '../need-to-know/decisions.js';

export interface ContactInput {
  debtorId: string;
  caseId: string;
  channel: Channel;
  direction: 'outbound' | 'inbound';
  outcome: string;
  at?: Date | undefined;
  note?: string | undefined;
  firstLetter?: boolean | undefined;
  /** The law the first letter was written under (its timeline line names it); French when not given. */
  firstLetterLaw?: 'FR' | 'IT' | undefined;
}

/** The reference of a case's first letter (CPCE R124-4), which every later step cites. */
export const firstLetterReference = (caseReference: string): string => `LR-${caseReference}`;

/**
 * Records a contact. An outbound contact goes through the policy in the same transaction that records it,
 * under a lock on the debtor, so two agents racing on the same person cannot together exceed a cap. A refused
 * contact is not recorded: the caller gets 409 with every reason and the next allowed moment, unless a
 * compliance officer or a manager granted an override, which this contact then uses up.
 */
export async function recordContact(
  deps: Deps,
  actor: Actor,
  input: ContactInput,
  requestId: string | null = null,
): Promise<{ contact: ContactView; decision: DecisionView }> {
  const now = deps.now();
  try {
    return await deps.db.transaction().execute((trx) => recordContactIn(trx, now, actor, input, requestId));
  } catch (error) {
    // A refused attempt is not a contact, but it is kept by rule for the conduct report (record-refusal.ts).
    await keepRefusal(deps.db, error, {
      caseId: input.caseId,
      channel: input.channel,
      source: 'agent',
      at: input.at ?? now,
    });
    throw error;
  }
}

/**
 * Records a contact inside the caller's transaction: the guided conversation writes the call, its checklist and
 * what it leads to (a promise, a hold, a follow-up) all or nothing. The checks of `recordContact` come first.
 */
export async function recordContactIn(
  trx: Transaction<DB>,
  now: Date,
  actor: Actor,
  input: ContactInput,
  requestId: string | null = null,
  audit: AuditWriter = (record) => appendAudit(trx, record),
): Promise<{ contact: ContactView; decision: DecisionView }> {
  const at = input.at ?? now;
  checkContactInput(input, at, now);
  const caseRow = await lockDebtorAndCase(trx, actor, input);
  const judged = await judgeContact(trx, now, actor, input, at);
  const contactId = await writeContact(trx, now, actor, input, at, caseRow, judged);
  await recordContactTrail(trx, now, actor, input, at, caseRow, judged, contactId, requestId, audit);
  const row = await trx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow();
  // The contact keeps the decision in full; its answer says it as the recorder may read it.
  const [readable] = await decisionsAsReadBy(trx, actor, input.debtorId, now, [judged.view]);
  return {
    contact: { ...contactView({ ...row, recorded_by_name: actor.displayName }), decision: readable! },
    decision: readable!,
  };
}

interface CaseRow {
  id: string;
  reference: string;
  status: string;
  creditor_id: string;
  first_letter_sent_on: string | null;
}

/** Takes the lock that orders every contact decision about this person, checks scope, and reads the case. */
async function lockDebtorAndCase(trx: Transaction<DB>, actor: Actor, input: ContactInput): Promise<CaseRow> {
  const debtor = await trx
    .selectFrom('debtors')
    .select('id')
    .where('id', '=', input.debtorId)
    .forUpdate()
    .executeTakeFirst();
  if (!debtor) throw new AppError('not_found', 404, 'The debtor was not found, or you may not see it.');
  await assertDebtorInScope(trx, actor, input.debtorId, input.caseId);
  const caseRow = await trx
    .selectFrom('cases')
    .select(['id', 'reference', 'status', 'creditor_id', 'first_letter_sent_on'])
    .where('id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  if (input.firstLetter && caseRow.first_letter_sent_on) {
    throw conflict(
      'contact.first_letter_already_sent',
      `The first letter of case ${caseRow.reference} went out on ${caseRow.first_letter_sent_on}; record this one as a reminder letter.`,
    );
  }
  return caseRow;
}

interface Judged {
  policy: CompiledPolicy;
  facts: ContactFacts;
  decision: Decision;
  override: OverrideRef | null;
  view: DecisionView;
}

/** The policy's decision on this contact; an outbound refusal stands unless an override lets it through. */
async function judgeContact(
  trx: Transaction<DB>,
  now: Date,
  actor: Actor,
  input: ContactInput,
  at: Date,
): Promise<Judged> {
  const policy = await policyInForce(trx, at);
  const { facts } = await loadContactFacts(trx, policy, { debtorId: input.debtorId, caseId: input.caseId, at });
  const decision = decideContact(policy, facts, input.channel, at.getTime());
  let override = null;
  if (input.direction === 'outbound' && !decision.allowed) {
    override = await usableOverride(trx, input.debtorId, input.caseId, input.channel, at, true);
    if (!override) {
      // Need-to-know: the refusal names a care hold only to those who may know it; it refuses all the same.
      const [view] = await decisionsAsReadBy(trx, actor, input.debtorId, now, [decisionView(decision, actor.locale)]);
      throw conflict('contact.refused', refusalMessage(view!), {
        reasons: view!.reasons,
        nextAllowedAt: view!.nextAllowedAt,
        policyVersion: view!.policyVersion,
        decision: view,
      });
    }
  }
  return { policy, facts, decision, override, view: decisionView(decision, actor.locale, override) };
}

/** Writes the contact and what it settles: the override it uses up, the case's first letter, a callback kept. */
async function writeContact(
  trx: Transaction<DB>,
  now: Date,
  actor: Actor,
  input: ContactInput,
  at: Date,
  caseRow: CaseRow,
  { policy, facts, decision, override, view }: Judged,
): Promise<string> {
  const inserted = await trx
    .insertInto('contacts')
    .values({
      debtor_id: input.debtorId,
      case_id: input.caseId,
      channel: input.channel,
      direction: input.direction,
      outcome: input.outcome,
      conversation: isConversation(input.channel, input.outcome),
      first_letter: input.firstLetter ?? false,
      occurred_at: at,
      recorded_at: now,
      recorded_by: actor.userId,
      note: input.note?.trim() || null,
      policy_version: decision.policyVersion,
      decision: JSON.stringify(view),
      override_id: override?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (override)
    await trx.updateTable('contact_overrides').set({ used_at: now }).where('id', '=', override.id).execute();
  if (input.firstLetter) {
    const localDay = isoDateOf(toLocal(facts.location.timeZone, at.getTime()).dayNumber);
    await trx
      .updateTable('cases')
      .set({
        first_letter_sent_on: localDay,
        first_letter_reference: firstLetterReference(caseRow.reference),
        updated_at: now,
      })
      .where('id', '=', input.caseId)
      .execute();
  }
  if (decision.callback) {
    await trx
      .updateTable('contact_callbacks')
      .set({ status: 'done' })
      .where('debtor_id', '=', input.debtorId)
      .where('status', '=', 'pending')
      .where('callback_at', '<=', new Date(at.getTime() + policy.callback.toleranceMs))
      .where('callback_at', '>=', new Date(at.getTime() - policy.callback.toleranceMs))
      .execute();
  }
  return inserted.id;
}

/** The case's timeline entry and the audit record of the contact. */
async function recordContactTrail(
  trx: Transaction<DB>,
  now: Date,
  actor: Actor,
  input: ContactInput,
  at: Date,
  caseRow: CaseRow,
  { decision, override }: Judged,
  contactId: string,
  requestId: string | null,
  audit: AuditWriter,
): Promise<void> {
  await appendCaseEvent(trx, {
    caseId: input.caseId,
    debtorId: input.debtorId,
    at,
    kind: timelineKind(input.channel, isConversation(input.channel, input.outcome)),
    channel: input.channel,
    direction: input.direction,
    outcome: input.outcome,
    summary: input.firstLetter
      ? recordText(input.firstLetterLaw === 'IT' ? 'first_letter_it' : 'first_letter', {
          reference: firstLetterReference(caseRow.reference),
        })
      : recordText('contact_recorded', { channel: input.channel }),
    actorUserId: actor.userId,
    data: { contactId, policyVersion: decision.policyVersion, overrideId: override?.id ?? null },
  });
  await audit({
    actor: auditActor(actor),
    action: override ? 'contact.recorded_with_override' : 'contact.recorded',
    targetType: 'contact',
    targetId: contactId,
    creditorId: caseRow.creditor_id,
    after: {
      debtorId: input.debtorId,
      caseId: input.caseId,
      channel: input.channel,
      direction: input.direction,
      outcome: input.outcome,
      at: at.toISOString(),
      policyVersion: decision.policyVersion,
      allowedByPolicy: decision.allowed,
      overrideId: override?.id ?? null,
      firstLetter: input.firstLetter ?? false,
    },
    requestId,
    at: now,
  });
}

function refusalMessage(view: DecisionView): string {
  const reasons = view.reasons.map((reason) => reason.messages.en).join(' ');
  const next = view.nextAllowedAt
    ? ` Next allowed: ${view.nextAllowedAt}.`
    : ' No time is allowed until someone acts (see the reasons).';
  return `The contact policy refuses this contact. ${reasons}${next}`;
}
