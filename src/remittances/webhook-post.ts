import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { CheckedTarget } from './webhook-target.js';

export interface WebhookRequest {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Sends a notice to a checked target; answers the HTTP status. Redirects are never followed. */
export type WebhookSend = (target: CheckedTarget, request: WebhookRequest) => Promise<{ status: number }>;

/**
 * A DNS lookup that answers the address already checked, whatever the name: the connection cannot go to an address
 * the name resolves to a moment later (DNS rebinding). Answers in both forms Node asks for (one address, or all of
 * them when it races IPv4 and IPv6).
 */
export function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  if (family === 0) throw new Error(`pinnedLookup needs an IP address, not ${address}`);
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

/**
 * POSTs with node:http(s) to the first checked address, never resolving the name again; the URL's host stays in the
 * Host header and is the TLS server name (SNI) the certificate is checked against. One connection per delivery
 * (agent: false), so no pooled socket from an earlier resolution is reused.
 */
export const postToCheckedAddress: WebhookSend = (target, request) =>
  new Promise((resolve, reject) => {
    const address = target.addresses[0];
    if (!address) return reject(new Error('no checked address to connect to'));
    const https = target.url.protocol === 'https:';
    const options: RequestOptions & { servername?: string } = {
      method: 'POST',
      hostname: target.host,
      port: target.url.port || (https ? 443 : 80),
      path: `${target.url.pathname}${target.url.search}`,
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: pinnedLookup(address),
      agent: false,
      signal: AbortSignal.timeout(request.timeoutMs),
      ...(https && isIP(target.host) === 0 ? { servername: target.host } : {}),
    };
    const sent = (https ? httpsRequest : httpRequest)(options, (response: IncomingMessage) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(request.body);
  });
