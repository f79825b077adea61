/**
 * The one door to a card payment provider (docs/portal.md, "Paying"): a hosted payment page made for an amount, and
 * the provider's signed notice of what became of it. The portal knows this interface only; `stripe-provider.ts` is
 * its implementation, chosen by `configuredProvider` (configured-provider.ts).
 */

export interface CheckoutRequest {
  /** Whole cents, euros. */
  amountCents: number;
  /** The same key gives the same page: a retry never makes a second one. */
  idempotencyKey: string;
  /** What the provider's page says is paid ("Case ACC-2026-000123"). */
  description: string;
  /** Where the person comes back to, paid or not. */
  returnUrl: string;
  cancelUrl: string;
  /** Our own reference, kept with the provider's record (the case). */
  caseId: string;
}

export interface Checkout {
  /** The provider's id of the checkout: its notices name it. */
  ref: string;
  /** The provider's payment page. */
  redirectUrl: string;
}

/** What a provider's notice says, once its signature is checked. */
export type ProviderEvent =
  | { kind: 'paid'; eventId: string; ref: string; amountCents: number; currency: string }
  | { kind: 'failed' | 'expired'; eventId: string; ref: string }
  | { kind: 'ignored'; eventId: string; type: string };

export interface PaymentProvider {
  /** The provider's name, as recorded with each checkout ('stripe'). */
  readonly name: string;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /**
   * The notice, verified against its signature header with the shared secret (throws `InvalidSignature` when it does
   * not hold, is too old at `receivedAt`, or the body is not what was signed), then read.
   */
  parseWebhook(rawBody: Buffer, signature: string | undefined, receivedAt: Date): ProviderEvent;
}

/** A notice whose signature does not hold: refused, never read. */
export class InvalidSignature extends Error {}

/** The provider could not be reached or refused the request: the person may try again later. */
export class ProviderUnavailable extends Error {}
