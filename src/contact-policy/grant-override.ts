import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { decisionsAsReadBy } from '../need-to-know/decisions.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import { decideContact } from './core/decide.js';
import type { Channel } from './core/policy-document.js';
import type { OverrideView } from './contract.js';
import { decisionView } from './decision-view.js';
import { loadContactFacts } from './load-facts.js';
import { policyInForce } from './policy-store.js';

export interface OverrideInput {
  caseId: string;
  channel: Channel;
  reason: string;
  validForMinutes?: number | undefined;
}

/**
 * An override lets one contact through that the policy refuses now. It is a separate act from the contact:
 * a compliance officer or a manager grants it with a written reason, it is audited and shown on the case, and
 * it expires unused after at most a day. Granting one for a contact the policy already allows is refused,
 * so overrides only ever mark real exceptions.
 */
export async function grantOverride(
  deps: Deps,
  actor: Actor,
  input: OverrideInput,
  requestId: string | null = null,
): Promise<OverrideView> {
  const now = deps.now();
  const validUntil = new Date(now.getTime() + (input.validForMinutes ?? 60) * 60_000);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await trx
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'creditor_id', 'reference'])
      .where('id', '=', input.caseId)
      .executeTakeFirst();
    if (!caseRow) throw notFound('The case');
    await trx.selectFrom('debtors').select('id').where('id', '=', caseRow.debtor_id).forUpdate().execute();
    const policy = await policyInForce(trx, now);
    const { facts } = await loadContactFacts(trx, policy, { debtorId: caseRow.debtor_id, caseId: caseRow.id, at: now });
    const decision = decideContact(policy, facts, input.channel, now.getTime());
    if (decision.allowed) {
      throw conflict(
        'contact.override_not_needed',
        'The policy already allows this contact now: no override is needed.',
      );
    }
    const refusal = decisionView(decision, actor.locale);
    const row = await trx
      .insertInto('contact_overrides')
      .values({
        debtor_id: caseRow.debtor_id,
        case_id: caseRow.id,
        channel: input.channel,
        reason: input.reason.trim(),
        refusal: JSON.stringify(refusal),
        granted_by: actor.userId,
        granted_at: now,
        valid_until: validUntil,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await appendCaseEvent(trx, {
      caseId: caseRow.id,
      debtorId: caseRow.debtor_id,
      at: now,
      kind: 'contact_override',
      channel: input.channel,
      summary: recordText('contact_override', { channel: input.channel, reason: input.reason.trim() }),
      actorUserId: actor.userId,
      data: { overrideId: row.id, rules: refusal.reasons.map((reason) => reason.rule) },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'contact.override_granted',
      targetType: 'contact_override',
      targetId: row.id,
      creditorId: caseRow.creditor_id,
      after: {
        caseId: caseRow.id,
        channel: input.channel,
        reason: input.reason.trim(),
        validUntil: validUntil.toISOString(),
        refusedBy: refusal.reasons.map((reason) => reason.rule),
        policyVersion: refusal.policyVersion,
      },
      requestId,
      at: now,
    });
    return {
      id: row.id,
      caseId: caseRow.id,
      channel: input.channel,
      reason: input.reason.trim(),
      grantedBy: actor.displayName,
      grantedAt: now.toISOString(),
      validUntil: validUntil.toISOString(),
      usedAt: null,
      // Kept in full with the override; said to the granter as they may read it (need-to-know).
      refusal: (await decisionsAsReadBy(trx, actor, caseRow.debtor_id, now, [refusal]))[0]!,
    };
  });
}
