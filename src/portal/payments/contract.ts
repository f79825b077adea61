import { z } from 'zod';
import { centsAmount } from '../../platform/money.js';

/** The portal's payments (docs/portal.md, "Paying"): a card payment, its state, the provider's notice. */

export const PAY_PURPOSES = ['balance', 'instalment', 'amount'] as const;
export type PayPurpose = (typeof PAY_PURPOSES)[number];

/** The smallest amount paid by card, unless less is left. */
export const MIN_CARD_CENTS = 100;

export const startCardPaymentBody = z.strictObject({
  /** What the person pays: all that is left, the plan's next instalment, or an amount of their own (`amountCents`). */
  purpose: z.enum(PAY_PURPOSES),
  amountCents: centsAmount.optional(),
  /** Made by the page once per submission: a retry or a double click gives the same payment page. */
  idempotencyKey: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type StartCardPaymentInput = z.infer<typeof startCardPaymentBody>;

export const CARD_PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'expired', 'to_check'] as const;

export const cardPaymentSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(CARD_PAYMENT_STATUSES),
  amountCents: z.number().int(),
  createdAt: z.string().datetime(),
  settledAt: z.string().datetime().nullable(),
  /** The provider's payment page (while pending). */
  redirectUrl: z.string().nullable(),
  /** The payment recorded once the provider confirmed it, with its receipt. */
  payment: z.object({ id: z.string().uuid(), receiptNumber: z.string() }).nullable(),
});
export type CardPaymentView = z.infer<typeof cardPaymentSchema>;

export const cardPaymentParams = z.strictObject({ caseId: z.string().uuid(), cardPaymentId: z.string().uuid() });
export const receiptParams = z.strictObject({ caseId: z.string().uuid(), paymentId: z.string().uuid() });

/** How the person can pay a case: by card when it is set up, by transfer with the case's RF reference. */
export const payingSchema = z.object({
  card: z.boolean(),
  minCents: z.number().int(),
  maxCents: z.number().int(),
  transfer: z
    .object({
      holder: z.string(),
      iban: z.string(),
      bic: z.string().nullable(),
      /** The case's structured creditor reference (ISO 11649), in groups of four. */
      reference: z.string(),
    })
    .nullable(),
});
export type Paying = z.infer<typeof payingSchema>;

export const webhookAckSchema = z.object({
  received: z.literal(true),
  outcome: z.enum(['recorded', 'already_recorded', 'to_check', 'failed', 'expired', 'ignored', 'unknown']),
});
export type WebhookAck = z.infer<typeof webhookAckSchema>;
