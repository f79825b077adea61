import type { Config } from '../../platform/config.js';
import type { PaymentProvider } from './provider.js';
import { stripeProvider } from './stripe-provider.js';

const made = new WeakMap<Config, PaymentProvider | null>();

/** The card provider the configuration names, made once per configuration; null when card payment is not set up. */
export function configuredProvider(config: Config): PaymentProvider | null {
  if (made.has(config)) return made.get(config)!;
  const provider =
    config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET
      ? stripeProvider({
          secretKey: config.STRIPE_SECRET_KEY,
          webhookSecret: config.STRIPE_WEBHOOK_SECRET,
          host: config.STRIPE_API_HOST,
          port: config.STRIPE_API_PORT,
          protocol: config.STRIPE_API_PROTOCOL,
        })
      : null;
  made.set(config, provider);
  return provider;
}
