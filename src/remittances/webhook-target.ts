import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Config } from '../platform/config.js';
import { invalid } from '../platform/errors.js';
import { parseCidrs, refusedAddresses, type WebhookNetworkRule } from './core/webhook-address.js';

export type Resolve = (hostname: string) => Promise<string[]>;

/** Every address the name resolves to (A and AAAA), as the connection may use any of them. */
export const resolveAll: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export function webhookRule(config: Config): WebhookNetworkRule {
  return {
    allowPrivate: config.WEBHOOK_ALLOW_PRIVATE === 'true',
    allowedCidrs: parseCidrs(config.WEBHOOK_ALLOWED_CIDRS),
  };
}

export class WebhookTargetRefused extends Error {}

/** A target that passed the check, with the addresses checked: a delivery connects only to one of these. */
export interface CheckedTarget {
  url: URL;
  /** The host as the URL names it, without IPv6 brackets: the Host header and the TLS server name. */
  host: string;
  addresses: string[];
}

/**
 * Checks a webhook address: https (plain http only where private targets are allowed, for a test server), and every
 * address its host resolves to is public or allowed by the operator. Run when the address is saved and again before
 * each delivery, since a name can be pointed elsewhere later. Throws WebhookTargetRefused saying why; returns the
 * addresses it checked, so that the delivery connects to one of them rather than resolving the name again.
 */
export async function checkWebhookTarget(
  url: string,
  config: Config,
  resolve: Resolve = resolveAll,
): Promise<CheckedTarget> {
  const rule = webhookRule(config);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookTargetRefused('it is not a valid address');
  }
  if (
    parsed.protocol !== 'https:' &&
    !(parsed.protocol === 'http:' && (rule.allowPrivate || rule.allowedCidrs.length > 0))
  ) {
    throw new WebhookTargetRefused('it must use https');
  }
  if (parsed.username || parsed.password) throw new WebhookTargetRefused('it must not carry a user name or password');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new WebhookTargetRefused(`its host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new WebhookTargetRefused(`its host ${host} does not resolve`);
  const refused = refusedAddresses(addresses, rule);
  if (refused.length > 0) {
    throw new WebhookTargetRefused(
      `its host ${host} leads to a private, loopback or link-local address (${refused.join(', ')})`,
    );
  }
  return { url: parsed, host, addresses };
}

/** The same check as a 422 problem for the settings form. */
export async function assertWebhookTarget(url: string, config: Config, resolve?: Resolve): Promise<void> {
  try {
    await checkWebhookTarget(url, config, resolve);
  } catch (error) {
    if (!(error instanceof WebhookTargetRefused)) throw error;
    throw invalid(
      'creditors.webhook_target_refused',
      `This webhook address is refused: ${error.message}. Give a public https address of the creditor's server (an operator may allow private networks with WEBHOOK_ALLOWED_CIDRS).`,
      { reason: error.message },
    );
  }
}
