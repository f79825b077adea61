import Stripe from 'stripe';
import {
  InvalidSignature,
  ProviderUnavailable,
  type Checkout,
  type CheckoutRequest,
  type PaymentProvider,
  type ProviderEvent,
} from './provider.js';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Stripe's API unless set: a local stand-in of it in tests. */
  host?: string | undefined;
  port?: number | undefined;
  protocol?: 'https' | 'http' | undefined;
}

/** How old a notice may be when it arrives (Stripe's own default): an older one is a replay. */
const TOLERANCE_SECONDS = 300;

/**
 * Card payments through Stripe Checkout: a hosted page for one amount in euros (the person's card never reaches
 * Accord), made with Stripe's idempotency key so a retry gets the same page, and the webhook's signature checked with
 * the SDK's `webhooks.constructEvent`.
 */
export function stripeProvider(settings: StripeSettings): PaymentProvider {
  const stripe = new Stripe(settings.secretKey, {
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.port ? { port: settings.port } : {}),
    ...(settings.protocol ? { protocol: settings.protocol } : {}),
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
  });
  return {
    name: 'stripe',
    async createCheckout(request: CheckoutRequest): Promise<Checkout> {
      try {
        const session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: 'eur',
                  unit_amount: request.amountCents,
                  product_data: { name: request.description },
                },
              },
            ],
            client_reference_id: request.caseId,
            metadata: { caseId: request.caseId },
            success_url: request.returnUrl,
            cancel_url: request.cancelUrl,
          },
          { idempotencyKey: request.idempotencyKey },
        );
        if (!session.url) throw new ProviderUnavailable('Stripe gave no payment page.');
        return { ref: session.id, redirectUrl: session.url };
      } catch (error) {
        if (error instanceof ProviderUnavailable) throw error;
        // The SDK's error names the request, never the key; the person is told to try again.
        throw new ProviderUnavailable(error instanceof Error ? error.message : 'Stripe could not be reached.');
      }
    },
    parseWebhook(rawBody: Buffer, signature: string | undefined, receivedAt: Date): ProviderEvent {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature ?? '',
          settings.webhookSecret,
          TOLERANCE_SECONDS,
          undefined,
          receivedAt.getTime(),
        );
      } catch {
        throw new InvalidSignature('The signature of the notice does not hold.');
      }
      return readEvent(event);
    },
  };
}

/** The events of a Checkout session that settle it; any other is acknowledged and left. */
function readEvent(event: Stripe.Event): ProviderEvent {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      // A completed session whose payment is still on its way (a delayed method) waits for its own event.
      if (session.payment_status !== 'paid') return { kind: 'ignored', eventId: event.id, type: event.type };
      return {
        kind: 'paid',
        eventId: event.id,
        ref: session.id,
        amountCents: session.amount_total ?? 0,
        currency: (session.currency ?? '').toUpperCase(),
      };
    }
    case 'checkout.session.async_payment_failed':
      return { kind: 'failed', eventId: event.id, ref: event.data.object.id };
    case 'checkout.session.expired':
      return { kind: 'expired', eventId: event.id, ref: event.data.object.id };
    default:
      return { kind: 'ignored', eventId: event.id, type: event.type };
  }
}
