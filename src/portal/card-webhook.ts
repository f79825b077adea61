import type { Selectable, Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import type { Actor } from '../identity/actor.js';
import { paymentRequest, recordPaymentsIn } from '../payments/record-payments.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB, Role } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { configuredProvider } from './card/configured-provider.js';
import { InvalidSignature, type ProviderEvent } from './card/provider.js';
import type { WebhookAck } from './payments/contract.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import { openTask } from '../workspace/tasks.js';

/**
 * The person paying by card, as the payments service records it: no user of Accord (recorded_by stays empty, the
 * timeline names no agent), the debtor in the audit trail, no creditor scope (the checkout named the case).
 */
const CARD_PAYER: Actor = {
  userId: null as unknown as string,
  role: PORTAL_ACTOR.role as Role,
  creditorId: null,
  displayName: 'portal',
  email: '',
  locale: 'fr',
};

/** What each audit entry of a notice shares: the portal as actor, the case as target. */
interface CardAudit {
  actor: typeof PORTAL_ACTOR;
  targetType: 'case';
  targetId: string;
  creditorId: string;
  requestId: string;
  at: Date;
}

/**
 * The card provider's notice (docs/portal.md, "Paying"): its signature checked on the raw body (400 otherwise, never
 * read), then, for a paid checkout of ours, the payment recorded through the payments service (allocated by the
 * ledger, on the timeline, audited) in the same transaction that marks the checkout paid. The checkout's row lock and
 * its unique payment make a replayed or concurrent notice a no-op: one checkout, one payment.
 */
export async function receiveCardNotice(
  deps: Deps,
  rawBody: Buffer,
  signature: string | undefined,
  requestId: string,
): Promise<WebhookAck> {
  const provider = configuredProvider(deps.config);
  if (!provider)
    throw new AppError('portal.card_unavailable', 503, 'Card payment is not set up: no notice is expected.');
  let event: ProviderEvent;
  try {
    event = provider.parseWebhook(rawBody, signature, deps.now());
  } catch (error) {
    if (!(error instanceof InvalidSignature)) throw error;
    throw new AppError('portal.card_notice_signature', 400, 'The signature of this notice does not hold: refused.');
  }
  if (event.kind === 'ignored') return { received: true, outcome: 'ignored' };
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('portal_card_payments')
      .selectAll()
      .where('provider', '=', provider.name)
      .where('provider_ref', '=', event.ref)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { received: true, outcome: 'unknown' } as const;
    if (row.status === 'paid') return { received: true, outcome: 'already_recorded' } as const;
    if (row.status === 'to_check') return { received: true, outcome: 'to_check' } as const;
    const audit: CardAudit = {
      actor: PORTAL_ACTOR,
      targetType: 'case',
      targetId: row.case_id,
      creditorId: row.creditor_id,
      requestId,
      at,
    };
    if (event.kind !== 'paid') {
      if (row.status !== 'pending') return { received: true, outcome: event.kind } as const;
      await trx
        .updateTable('portal_card_payments')
        .set({ status: event.kind, event_id: event.eventId, settled_at: at })
        .where('id', '=', row.id)
        .execute();
      await appendAudit(trx, {
        ...audit,
        action: 'portal.card_payment_failed',
        after: { cardPaymentId: row.id, debtorId: row.debtor_id, status: event.kind, eventId: event.eventId },
      });
      return { received: true, outcome: event.kind } as const;
    }
    // The money was taken: what cannot be recorded as it came is kept for a person to check, never refused back to a
    // provider that would send it again and again.
    const taken = { amountCents: event.amountCents, currency: event.currency };
    if (event.currency !== 'EUR')
      return toCheck(trx, deps, { row, eventId: event.eventId, reason: 'currency', taken, audit });
    // What the provider says was paid is what was received (the amount asked, unless the provider says otherwise).
    const [outcome] = await recordPaymentsIn(
      trx,
      deps,
      CARD_PAYER,
      [
        paymentRequest(
          {
            caseId: row.case_id,
            amountCents: event.amountCents,
            channel: 'card',
            receivedOn: agencyToday(at, deps.config),
            reference: event.ref,
          },
          { idempotencyKey: `card:${provider.name}:${event.ref}`, source: 'portal' },
        ),
      ],
      requestId,
    );
    if (outcome!.kind === 'refused')
      return toCheck(trx, deps, { row, eventId: event.eventId, reason: outcome!.error.code, taken, audit });
    await trx
      .updateTable('portal_card_payments')
      .set({ status: 'paid', event_id: event.eventId, payment_id: outcome!.paymentId, settled_at: at })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, {
      ...audit,
      action: 'portal.card_payment_confirmed',
      after: {
        cardPaymentId: row.id,
        debtorId: row.debtor_id,
        paymentId: outcome!.paymentId,
        amountCents: event.amountCents,
        eventId: event.eventId,
      },
    });
    return { received: true, outcome: 'recorded' } as const;
  });
}

/**
 * A paid notice Accord cannot record as it came: the checkout marked "to check" with the reason, a payment check
 * opened for the case's team (today, in the bell and the case's follow-ups), audited; the provider gets its 200.
 */
async function toCheck(
  trx: Transaction<DB>,
  deps: Deps,
  facts: {
    row: Selectable<DB['portal_card_payments']>;
    eventId: string;
    reason: string;
    /** What the provider says it took, which the person checking records or refunds: not always what was asked. */
    taken: { amountCents: number; currency: string };
    audit: CardAudit;
  },
): Promise<WebhookAck> {
  const { row, eventId, reason, taken, audit } = facts;
  await trx
    .updateTable('portal_card_payments')
    .set({ status: 'to_check', check_reason: reason, event_id: eventId, settled_at: audit.at })
    .where('id', '=', row.id)
    .execute();
  const team = await trx
    .selectFrom('cases')
    .select('assigned_team_id')
    .where('id', '=', row.case_id)
    .executeTakeFirstOrThrow();
  const taskId = await openTask(
    trx,
    {
      caseId: row.case_id,
      debtorId: row.debtor_id,
      kind: 'card_payment_check',
      dueAt: audit.at,
      teamId: team.assigned_team_id,
      source: {
        cardPaymentId: row.id,
        askedCents: Number(row.amount_cents),
        takenCents: taken.amountCents,
        takenCurrency: taken.currency,
        reason,
      },
    },
    null,
    audit.at,
    deps.config,
  );
  await appendAudit(trx, {
    ...audit,
    action: 'portal.card_payment_to_check',
    after: {
      cardPaymentId: row.id,
      debtorId: row.debtor_id,
      reason,
      askedCents: Number(row.amount_cents),
      takenCents: taken.amountCents,
      takenCurrency: taken.currency,
      eventId,
      taskId,
    },
  });
  return { received: true, outcome: 'to_check' };
}
