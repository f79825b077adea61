import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

interface NoticeOptions {
  at?: Date;
  eventId?: string;
  secret?: string;
  /** What the notice says was paid, when a test needs it to differ from the checkout (another currency). */
  currency?: string;
}

/**
 * A local stand-in of the few endpoints of Stripe's API the portal uses (POST /v1/checkout/sessions, honouring
 * Idempotency-Key as Stripe does: the same key gives the same session, with other parameters a 400), and of its
 * hosted payment page (GET /pay/:id). It serves two purposes:
 * - the tests, which sign the notices they post with the SDK's `webhooks.generateTestHeaderString`, as Stripe signs
 *   them (`notice`);
 * - `npm run demo`, where no card provider is set up: given where Accord takes notices (`notifyTo`), the page's
 *   "Pay" button posts the signed notice of a paid checkout there before sending the person back, as Stripe would,
 *   so that a new user can pay by card on the portal end to end. No card number is asked and nothing is charged:
 *   the page says so.
 * Its keys are drawn at random each start, so a demo's configuration opens nothing elsewhere.
 */
export interface CardStandIn {
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
  /** Where the page's "Pay" posts the paid checkout's signed notice (the demo); without it, the test posts its own. */
  notifyTo(url: string): void;
  /** A notice of `type` about session `id`, signed with the webhook secret at `at` (default now): body and header. */
  notice(type: string, sessionId: string, options?: NoticeOptions): { payload: string; signature: string };
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

type Session = { fields: Record<string, string>; idempotencyKey: string | undefined };

/** What one stand-in holds: its keys, its sessions, where the demo's notices go. */
interface State {
  secretKey: string;
  webhookSecret: string;
  stripe: Stripe;
  port: number;
  sessions: Map<string, Session>;
  byKey: Map<string, { id: string; body: string }>;
  requests: number;
  events: number;
  notifyUrl: string | null;
}

const amountOf = (fields: Record<string, string>) => Number(fields['line_items[0][price_data][unit_amount]']);

function sessionJson(state: State, id: string) {
  const fields = state.sessions.get(id)!.fields;
  return {
    id,
    object: 'checkout.session',
    mode: 'payment',
    status: 'open',
    payment_status: 'unpaid',
    amount_total: amountOf(fields),
    currency: fields['line_items[0][price_data][currency]'],
    client_reference_id: fields.client_reference_id ?? null,
    success_url: fields.success_url,
    url: `http://127.0.0.1:${state.port}/pay/${id}`,
  };
}

function signedNotice(state: State, type: string, sessionId: string, options: NoticeOptions = {}) {
  const at = options.at ?? new Date();
  const session = state.sessions.has(sessionId)
    ? sessionJson(state, sessionId)
    : { id: sessionId, object: 'checkout.session', amount_total: 100, currency: 'eur' };
  if (options.currency) Object.assign(session, { currency: options.currency });
  const paid = type === 'checkout.session.completed' || type === 'checkout.session.async_payment_succeeded';
  const payload = JSON.stringify({
    id: options.eventId ?? `evt_test_${(state.events += 1)}_${Math.random().toString(36).slice(2, 8)}`,
    object: 'event',
    type,
    created: Math.floor(at.getTime() / 1000),
    data: {
      object: { ...session, status: paid ? 'complete' : 'expired', payment_status: paid ? 'paid' : 'unpaid' },
    },
  });
  const signature = state.stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? state.webhookSecret,
    timestamp: Math.floor(at.getTime() / 1000),
  });
  return { payload, signature };
}

/** POST /v1/checkout/sessions: the secret key checked, the same Idempotency-Key giving the same session. */
function createSession(state: State, request: IncomingMessage, body: string): [number, unknown] {
  state.requests += 1;
  if (request.headers.authorization !== `Bearer ${state.secretKey}`)
    return [401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } }];
  const key = request.headers['idempotency-key'] as string | undefined;
  const earlier = key ? state.byKey.get(key) : undefined;
  if (earlier && earlier.body !== body)
    return [
      400,
      {
        error: {
          type: 'idempotency_error',
          message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.',
        },
      },
    ];
  if (earlier) return [200, sessionJson(state, earlier.id)];
  const id = `cs_test_${state.sessions.size + 1}_${Math.random().toString(36).slice(2, 10)}`;
  state.sessions.set(id, { fields: Object.fromEntries(new URLSearchParams(body)), idempotencyKey: key });
  if (key) state.byKey.set(key, { id, body });
  return [200, sessionJson(state, id)];
}

/**
 * The hosted page: shown, then "Pay" (with a place to notify, the paid checkout's signed notice posted there first,
 * so the page the person comes back to already shows the payment) or "Cancel", each sending the person back.
 */
async function hostedPage(state: State, id: string, request: IncomingMessage, body: string, response: ServerResponse) {
  const fields = state.sessions.get(id)!.fields;
  if (request.method !== 'POST') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return response.end(paymentPage(amountOf(fields)));
  }
  const cancelled = new URLSearchParams(body).get('choice') === 'cancel';
  if (!cancelled && state.notifyUrl) {
    const notice = signedNotice(state, 'checkout.session.completed', id);
    await fetch(state.notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': notice.signature },
      body: notice.payload,
    }).catch(() => null);
  }
  response.writeHead(303, { location: (cancelled ? fields.cancel_url : fields.success_url) ?? '/' });
  response.end();
}

export async function startCardStandIn(): Promise<CardStandIn> {
  const secretKey = `sk_test_standin_${randomBytes(12).toString('hex')}`;
  const state: State = {
    secretKey,
    webhookSecret: `whsec_standin_${randomBytes(12).toString('hex')}`,
    stripe: new Stripe(secretKey),
    port: 0,
    sessions: new Map(),
    byKey: new Map(),
    requests: 0,
    events: 0,
    notifyUrl: null,
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const send = ([status, json]: [number, unknown]) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions')
        return send(createSession(state, request, body));
      const page = /^\/pay\/([\w-]+)$/.exec(url.pathname);
      if (page && state.sessions.has(page[1]!)) return hostedPage(state, page[1]!, request, body, response);
      send([404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } }]);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  return {
    port: state.port,
    config: {
      STRIPE_SECRET_KEY: state.secretKey,
      STRIPE_WEBHOOK_SECRET: state.webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: state.port,
      STRIPE_API_PROTOCOL: 'http',
    },
    sessions: state.sessions,
    get requests() {
      return state.requests;
    },
    notice: (type, sessionId, options) => signedNotice(state, type, sessionId, options),
    notifyTo(url) {
      state.notifyUrl = url;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** The demo's payment page: what is paid, that nothing is charged, and the two ways out. Plain HTML, no script. */
function paymentPage(amountCents: number): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Paiement par carte (démonstration)</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;margin:0;padding:1.5rem;color:#1a1a1a}main{max-width:28rem;margin:auto}
button{font:inherit;padding:.6rem 1.2rem;margin:.4rem .4rem 0 0;border-radius:.4rem;border:2px solid #1d4ed8;cursor:pointer}
.pay{background:#1d4ed8;color:#fff}.cancel{background:#fff;color:#1d4ed8}</style></head>
<body><main><h1>Paiement par carte</h1>
<p>Montant : <strong>${EUROS.format(amountCents / 100)}</strong></p>
<p>Page de démonstration d’Accord : aucune carte n’est demandée et rien n’est débité. Avec un prestataire réel, la
banque demanderait ici le numéro de la carte et sa confirmation.</p>
<form method="post"><button class="pay" name="choice" value="pay">Payer</button>
<button class="cancel" name="choice" value="cancel">Annuler et revenir</button></form></main></body></html>`;
}
