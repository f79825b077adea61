import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { caseCreditorReference, printedReference } from '../payments/core/creditor-reference.js';
import type { PaymentView } from '../payments/contract.js';
import { loadPayment } from '../payments/payment-view.js';
import { receiptPdf } from '../payments/receipt-pdf.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { configuredProvider } from './card/configured-provider.js';
import { ProviderUnavailable } from './card/provider.js';
import { MIN_CARD_CENTS, type CardPaymentView, type Paying, type StartCardPaymentInput } from './payments/contract.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import type { PortalVisitor } from './portal-sessions.js';

/**
 * Paying on the portal (docs/portal.md, "Paying"): a card payment started here on the provider's hosted page (the
 * card never reaches Accord) and recorded when the provider's signed notice says it is paid (card-webhook.ts); a bank
 * transfer with the case's RF reference; each payment's receipt. Only ever the person's own cases (404 otherwise).
 */

type Db = Kysely<DB> | Transaction<DB>;

async function ownCase(db: Db, visitor: PortalVisitor, caseId: string) {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'debtor_id', 'creditor_id', 'reference', 'status', 'balance_cents'])
    .where('id', '=', caseId)
    .where('debtor_id', '=', visitor.debtorId)
    .executeTakeFirst();
  if (!row) throw notFound('case');
  return { ...row, balanceCents: Number(row.balance_cents) };
}

/** The bounds of an amount paid by card: at least 1 € (or what is left, when less), at most what is left. */
export function cardBounds(balanceCents: number): { minCents: number; maxCents: number } {
  return { minCents: Math.min(MIN_CARD_CENTS, Math.max(balanceCents, 0)), maxCents: Math.max(balanceCents, 0) };
}

/** How the person can pay the case: card (when set up and something is left) and the bank transfer's details. */
export function payingOf(deps: Deps, found: { reference: string; status: string; balanceCents: number }): Paying {
  const { SEPA_CREDITOR_NAME, SEPA_CREDITOR_IBAN, SEPA_CREDITOR_BIC } = deps.config;
  const owed = found.status !== 'closed' && found.balanceCents > 0;
  return {
    card: owed && configuredProvider(deps.config) !== null,
    ...cardBounds(found.balanceCents),
    transfer:
      owed && SEPA_CREDITOR_NAME && SEPA_CREDITOR_IBAN
        ? {
            holder: SEPA_CREDITOR_NAME,
            iban: SEPA_CREDITOR_IBAN.replace(/(.{4})(?=.)/g, '$1 '),
            bic: SEPA_CREDITOR_BIC ?? null,
            reference: printedReference(caseCreditorReference(found.reference)),
          }
        : null,
  };
}

/** The id of the card payment a key makes on a case: the same key, the same id (and the same provider request). */
function cardPaymentId(caseId: string, key: string): string {
  const h = createHash('sha256').update(`${caseId}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const unavailable = () =>
  new AppError('portal.card_unavailable', 503, 'Card payment is not available: pay by bank transfer, or call us.');

/** The plan's next unpaid instalment, if the case has a live plan. */
async function nextInstalmentCents(db: Db, caseId: string): Promise<number | null> {
  const row = await db
    .selectFrom('plans')
    .innerJoin('plan_instalments as i', 'i.plan_id', 'plans.id')
    .select('i.amount_cents')
    .where('plans.case_id', '=', caseId)
    .where('plans.status', 'in', ['agreed', 'active', 'broken'])
    .where('i.status', '<>', 'paid')
    .orderBy('i.due_on')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.amount_cents) : null;
}

/** The amount the person chose, checked against what is left (422 beyond the bounds, 409 with no instalment). */
async function chosenAmount(db: Db, found: { id: string; balanceCents: number }, input: StartCardPaymentInput) {
  const { minCents, maxCents } = cardBounds(found.balanceCents);
  let amount: number | null;
  if (input.purpose === 'balance') amount = maxCents;
  else if (input.purpose === 'instalment') {
    amount = await nextInstalmentCents(db, found.id);
    if (amount === null) throw conflict('portal.no_instalment', 'This file has no payment of a plan to make now.');
    amount = Math.min(amount, maxCents);
  } else amount = input.amountCents ?? null;
  if (amount === null || amount < minCents || amount > maxCents)
    throw invalid(
      'portal.card_amount_out_of_bounds',
      'Choose an amount between the smallest allowed and what is left.',
      {
        field: 'amountCents',
        minCents,
        maxCents,
      },
    );
  return amount;
}

type CardRow = {
  id: string;
  status: CardPaymentView['status'];
  amount_cents: number;
  created_at: Date;
  settled_at: Date | null;
  redirect_url: string;
  payment_id: string | null;
  receipt_number: string | null;
};

function cardView(row: CardRow): CardPaymentView {
  return {
    id: row.id,
    status: row.status,
    amountCents: Number(row.amount_cents),
    createdAt: row.created_at.toISOString(),
    settledAt: row.settled_at?.toISOString() ?? null,
    redirectUrl: row.status === 'pending' ? row.redirect_url : null,
    payment: row.payment_id && row.receipt_number ? { id: row.payment_id, receiptNumber: row.receipt_number } : null,
  };
}

async function loadCardPayment(db: Db, caseId: string, id: string): Promise<CardRow | undefined> {
  return db
    .selectFrom('portal_card_payments as c')
    .leftJoin('payments as p', 'p.id', 'c.payment_id')
    .select([
      'c.id',
      'c.status',
      'c.amount_cents',
      'c.created_at',
      'c.settled_at',
      'c.redirect_url',
      'c.payment_id',
      'p.receipt_number',
    ])
    .where('c.id', '=', id)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
}

/**
 * While a card payment the provider took waits for a person to check it (another currency, a refusal on recording),
 * the money it took is not on the balance yet: a new card payment could take the same balance twice. 409 until the
 * agency has settled it (its follow-up closed).
 */
async function noPaymentBeingChecked(db: Db, caseId: string): Promise<void> {
  const waiting = await db
    .selectFrom('case_tasks')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'card_payment_check')
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (waiting)
    throw conflict(
      'portal.card_payment_being_checked',
      'A card payment on this file is being checked by the agency: wait for its answer before paying again.',
    );
}

/**
 * A card payment the person starts: the amount they chose within the bounds, the provider's page made with the
 * page's key (the same key gives the same page; with another amount, 409), recorded pending and audited. The payment
 * itself is recorded when the provider's notice says it is paid.
 */
export async function startCardPayment(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  input: StartCardPaymentInput,
  context: { origin: string; requestId: string },
): Promise<CardPaymentView> {
  const provider = configuredProvider(deps.config);
  const found = await ownCase(deps.db, visitor, caseId);
  if (!provider) throw unavailable();
  if (found.status === 'closed')
    throw conflict('portal.case_closed', 'This file is closed: nothing more can be asked on it.');
  if (found.balanceCents <= 0) throw conflict('portal.nothing_owed', 'Nothing is left to pay on this file.');
  const id = cardPaymentId(found.id, input.idempotencyKey);
  const earlier = await loadCardPayment(deps.db, found.id, id);
  const amountCents = await chosenAmount(deps.db, found, input);
  if (earlier) {
    if (Number(earlier.amount_cents) !== amountCents)
      throw conflict('portal.card_key_reused', 'This payment was already started for another amount: start again.');
    return cardView(earlier);
  }
  await noPaymentBeingChecked(deps.db, found.id);
  const base = (deps.config.PUBLIC_URL ?? context.origin).replace(/\/+$/, '');
  const page = `${base}/portal/cases/${found.id}/pay/${id}`;
  let checkout;
  try {
    checkout = await provider.createCheckout({
      amountCents,
      idempotencyKey: `accord-portal-${id}`,
      description: found.reference,
      returnUrl: page,
      cancelUrl: page,
      caseId: found.id,
    });
  } catch (error) {
    if (!(error instanceof ProviderUnavailable)) throw error;
    throw new AppError('portal.card_provider_failed', 503, 'The card payment service did not answer: try again later.');
  }
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const made = await trx
      .insertInto('portal_card_payments')
      .values({
        id,
        case_id: found.id,
        debtor_id: found.debtor_id,
        creditor_id: found.creditor_id,
        provider: provider.name,
        provider_ref: checkout.ref,
        redirect_url: checkout.redirectUrl,
        amount_cents: amountCents,
        purpose: input.purpose,
        idempotency_key: input.idempotencyKey,
        created_at: at,
      })
      // No conflict target: a twin's row clashes on each unique key at once (its id, made from the case and the key;
      // the case and the key; the provider's checkout), and a target names one index only, so a twin committed
      // between the check and the insert would fail on another of them (a 500 on a double click, seen by
      // bench:portal).
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    // A concurrent twin of this request wrote it first: its audit entry stands for both.
    if (!made) return;
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.card_payment_started',
      targetType: 'case',
      targetId: found.id,
      creditorId: found.creditor_id,
      after: {
        cardPaymentId: id,
        debtorId: found.debtor_id,
        amountCents,
        purpose: input.purpose,
        provider: provider.name,
      },
      requestId: context.requestId,
      at,
    });
  });
  return cardView((await loadCardPayment(deps.db, found.id, id))!);
}

/** Where a card payment of the person's stands: pending until the provider's notice, then paid (with its receipt). */
export async function portalCardPayment(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  cardPaymentId: string,
): Promise<CardPaymentView> {
  const found = await ownCase(deps.db, visitor, caseId);
  const row = await loadCardPayment(deps.db, found.id, cardPaymentId);
  if (!row) throw notFound('card payment');
  return cardView(row);
}

/** The receipt (quittance) of a payment on the person's case, as PDF; the download audited. */
export async function portalReceipt(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  paymentId: string,
  requestId: string,
): Promise<{ fileName: string; pdf: Buffer }> {
  const found = await ownCase(deps.db, visitor, caseId);
  const owned = await deps.db
    .selectFrom('payments')
    .select('id')
    .where('id', '=', paymentId)
    .where('case_id', '=', found.id)
    .executeTakeFirst();
  if (!owned) throw notFound('payment');
  const payment: PaymentView = await loadPayment(deps.db, owned.id);
  const pdf = await receiptPdf(deps, payment);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.receipt_downloaded',
      targetType: 'payment',
      targetId: payment.id,
      creditorId: found.creditor_id,
      after: { caseId: found.id, debtorId: found.debtor_id, receiptNumber: payment.receiptNumber },
      requestId,
      at: deps.now(),
    }),
  );
  return { fileName: `${payment.receiptNumber.replace(/[^A-Za-z0-9_-]/g, '-')}.pdf`, pdf };
}
