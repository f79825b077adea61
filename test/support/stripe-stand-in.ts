import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in of the few endpoints of Stripe's API the portal uses (POST /v1/checkout/sessions, honouring
 * Idempotency-Key as Stripe does: the same key gives the same session, with other parameters a 400), and of its
 * hosted payment page (GET /pay/:id, a button that sends the person back to the session's success URL). The test signs
 * the notices it posts with the SDK's `webhooks.generateTestHeaderString`, as Stripe signs them.
 */
export interface StripeStandIn {
  port: number;
  /** The configuration that points the portal at the stand-in. */
  config: {
    STRIPE_SECRET_KEY: string;
    STRIPE_WEBHOOK_SECRET: string;
    STRIPE_API_HOST: string;
    STRIPE_API_PORT: number;
    STRIPE_API_PROTOCOL: 'http';
  };
  /** The sessions made, by id, with their form fields as sent. */
  sessions: Map<string, { fields: Record<string, string>; idempotencyKey: string | undefined }>;
  /** How many creation requests reached the stand-in (replays included). */
  requests: number;
  /** A notice of `type` about session `id`, signed with the webhook secret at `at` (default now): body and header. */
  notice(
    type: string,
    sessionId: string,
    options?: { at?: Date; eventId?: string; secret?: string },
  ): { payload: string; signature: string };
  close(): Promise<void>;
}

const SECRET_KEY = 'sk_test_standin_0000000000';
const WEBHOOK_SECRET = 'whsec_standin_0000000000';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const sessions: StripeStandIn['sessions'] = new Map();
  const byKey = new Map<string, { id: string; body: string }>();
  let count = 0;
  let port = 0;
  const sessionJson = (id: string) => {
    const fields = sessions.get(id)!.fields;
    return {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: Number(fields['line_items[0][price_data][unit_amount]']),
      currency: fields['line_items[0][price_data][currency]'],
      client_reference_id: fields.client_reference_id ?? null,
      success_url: fields.success_url,
      url: `http://127.0.0.1:${port}/pay/${id}`,
    };
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        count += 1;
        if (request.headers.authorization !== `Bearer ${SECRET_KEY}`)
          return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
        const key = request.headers['idempotency-key'] as string | undefined;
        const earlier = key ? byKey.get(key) : undefined;
        if (earlier && earlier.body !== body)
          return send(400, {
            error: {
              type: 'idempotency_error',
              message:
                'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            },
          });
        if (earlier) return send(200, sessionJson(earlier.id));
        const id = `cs_test_${sessions.size + 1}_${Math.random().toString(36).slice(2, 10)}`;
        sessions.set(id, { fields: Object.fromEntries(new URLSearchParams(body)), idempotencyKey: key });
        if (key) byKey.set(key, { id, body });
        return send(200, sessionJson(id));
      }
      const page = /^\/pay\/([\w-]+)$/.exec(url.pathname);
      if (page && sessions.has(page[1]!)) {
        const session = sessions.get(page[1]!)!;
        if (request.method === 'POST') {
          response.writeHead(303, { location: session.fields.success_url! });
          return response.end();
        }
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(
          `<!doctype html><html lang="en"><head><title>Test payment page</title></head><body><main><h1>Test payment page</h1>` +
            `<p>${Number(session.fields['line_items[0][price_data][unit_amount]']) / 100} EUR</p>` +
            `<form method="post"><button type="submit">Pay</button></form></main></body></html>`,
        );
      }
      send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const stripe = new Stripe(SECRET_KEY);
  let events = 0;
  return {
    port,
    config: {
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: port,
      STRIPE_API_PROTOCOL: 'http',
    },
    sessions,
    get requests() {
      return count;
    },
    notice(type, sessionId, options = {}) {
      const at = options.at ?? new Date();
      const session = sessions.has(sessionId)
        ? sessionJson(sessionId)
        : { id: sessionId, object: 'checkout.session', amount_total: 100, currency: 'eur' };
      const paid = type === 'checkout.session.completed' || type === 'checkout.session.async_payment_succeeded';
      const payload = JSON.stringify({
        id: options.eventId ?? `evt_test_${(events += 1)}_${Math.random().toString(36).slice(2, 8)}`,
        object: 'event',
        type,
        created: Math.floor(at.getTime() / 1000),
        data: {
          object: { ...session, status: paid ? 'complete' : 'expired', payment_status: paid ? 'paid' : 'unpaid' },
        },
      });
      const signature = stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? WEBHOOK_SECRET,
        timestamp: Math.floor(at.getTime() / 1000),
      });
      return { payload, signature };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
