import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CardStandIn } from '../../../src/portal/card/card-stand-in.js';
import type { Visitor } from './load.js';
import type { Mailboxes } from './mailboxes.js';

// One person's visit, over the portal's HTTP API (the Fastify app, inject()): sign in with the letter's access code,
// the birth date and the code mailed to them; read the case; declare a budget and read the plans proposed within it;
// pay part of the balance by card with a key made once for that choice; then the provider's signed notice that it is
// paid. Each step is timed; any answer other than the expected one is an error of that step.

export const STEPS = ['sign-in', 'case view', 'budget', 'plan', 'pay', 'notice'] as const;
export type Step = (typeof STEPS)[number];

export interface Tally {
  times: Record<Step, number[]>;
  errors: Record<Step, number>;
  firstErrors: string[];
  /** Visits whose plans included monthly instalments (the others were told why not, or offered help). */
  instalmentsOffered: number;
  /** Card payments the provider confirmed (one per visit that got that far). */
  paid: number;
  /** Double clicks on "pay" (the same key twice at once) and notices delivered twice. */
  doubleClicks: number;
  replays: number;
}

export const newTally = (): Tally => ({
  times: Object.fromEntries(STEPS.map((s) => [s, []])) as unknown as Record<Step, number[]>,
  errors: Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>,
  firstErrors: [],
  instalmentsOffered: 0,
  paid: 0,
  doubleClicks: 0,
  replays: 0,
});

class StepFailed extends Error {}

export interface VisitContext {
  app: FastifyInstance;
  mailboxes: Mailboxes;
  stripe: CardStandIn;
  tally: Tally;
  /** A pause between steps, as a person reads and taps. */
  pause(): Promise<void>;
  /** The network address of this person (the sign-in's throttles count per address). */
  ip: string;
  /** Where the provider's notices come from (it delivers them from a few addresses of its own). */
  providerIp: string;
}

type Answer = LightMyRequestResponse;

async function timed(ctx: VisitContext, step: Step, act: () => Promise<Answer>, expected: number): Promise<Answer> {
  const began = performance.now();
  let answer: Answer;
  try {
    answer = await act();
  } catch (error) {
    fail(ctx, step, (error as Error).message);
  }
  if (answer.statusCode !== expected) fail(ctx, step, `${answer.statusCode} ${answer.body.slice(0, 300)}`);
  ctx.tally.times[step].push(performance.now() - began);
  return answer;
}

function fail(ctx: VisitContext, step: Step, message: string): never {
  ctx.tally.errors[step] += 1;
  if (ctx.tally.firstErrors.length < 5) ctx.tally.firstErrors.push(`${step}: ${message}`);
  throw new StepFailed(message);
}

/** The three steps of the sign-in, timed as one (the person waits through the mail): the session's cookie and token. */
async function signIn(ctx: VisitContext, visitor: Visitor) {
  const began = performance.now();
  const post = (url: string, payload: object) =>
    ctx.app.inject({ method: 'POST', url, payload, remoteAddress: ctx.ip });
  const step = async (act: () => Promise<Answer>) => {
    const answer = await act().catch((error: unknown) => fail(ctx, 'sign-in', (error as Error).message));
    if (answer.statusCode !== 200) fail(ctx, 'sign-in', `${answer.statusCode} ${answer.body.slice(0, 300)}`);
    return answer;
  };
  const started = await step(() =>
    post('/api/portal/v1/sign-in', { accessCode: visitor.accessCode, birthDate: visitor.birthDate }),
  );
  const { challengeId, destinations } = started.json<{
    challengeId: string;
    destinations: { id: string; channel: string }[];
  }>();
  const email = destinations.find((d) => d.channel === 'email');
  if (!email) fail(ctx, 'sign-in', 'no e-mail address offered for the code');
  const mailed = ctx.mailboxes.nextCode(visitor.email, 30_000);
  // A code that never comes is this step's error, counted once (below), not an unhandled rejection.
  mailed.catch(() => {});
  await step(() => post('/api/portal/v1/sign-in/code', { challengeId, contactPointId: email.id }));
  const code = await mailed.catch((error: unknown) => fail(ctx, 'sign-in', (error as Error).message));
  const verified = await step(() => post('/api/portal/v1/sign-in/verify', { challengeId, code }));
  ctx.tally.times['sign-in'].push(performance.now() - began);
  const cookie = verified.cookies.find((c) => c.name === 'accord_portal');
  if (!cookie) fail(ctx, 'sign-in', 'no session cookie');
  return { cookie: `accord_portal=${cookie.value}`, csrf: verified.json<{ csrfToken: string }>().csrfToken };
}

/** A budget that leaves about a sixth of the balance a month (as test/support/portal.ts declares one). */
function budgetFor(balanceCents: number) {
  const monthly = Math.ceil(balanceCents / 6);
  return {
    household: { adults: 1, children: 0, dependants: 0 },
    resources: [{ type: 'salary', amountCents: monthly + 160_000 }],
    expenses: [
      { category: 'housing', amountCents: 70_000 },
      { category: 'food_household', amountCents: 40_000 },
    ],
  };
}

/** One visit, start to end; a failed step ends it (counted in the tally). */
export async function visit(ctx: VisitContext, visitor: Visitor, turn: number): Promise<void> {
  try {
    const session = await signIn(ctx, visitor);
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      ctx.app.inject({
        method,
        url,
        remoteAddress: ctx.ip,
        headers: { cookie: session.cookie, ...(method === 'POST' ? { 'x-csrf-token': session.csrf } : {}) },
        ...(payload ? { payload } : {}),
      });
    const base = `/api/portal/v1/cases/${visitor.caseId}`;
    await ctx.pause();
    await timed(ctx, 'case view', () => send('GET', base), 200);
    await ctx.pause();
    await timed(ctx, 'budget', () => send('POST', `${base}/budget`, budgetFor(visitor.balanceCents)), 201);
    await ctx.pause();
    const plans = await timed(ctx, 'plan', () => send('GET', `${base}/plans`), 200);
    if (plans.json<{ proposals: { kind: string }[] }>().proposals.some((p) => p.kind === 'instalments'))
      ctx.tally.instalmentsOffered += 1;
    await ctx.pause();
    await payByCard(ctx, visitor, turn, (payload) => send('POST', `${base}/card-payments`, payload));
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
  }
}

/**
 * Pays a sixth of the balance by card with a key made once for the choice; one visit in four taps twice at once
 * (the same key), and one in four has the provider's notice delivered twice (Stripe retries).
 */
async function payByCard(
  ctx: VisitContext,
  visitor: Visitor,
  turn: number,
  start: (payload: object) => Promise<Answer>,
) {
  const payload = {
    purpose: 'amount',
    amountCents: Math.max(100, Math.min(visitor.balanceCents, Math.ceil(visitor.balanceCents / 6))),
    idempotencyKey: `pay-${randomUUID()}`,
  };
  const twice = turn % 4 === 1;
  const answers = await Promise.all(
    Array.from({ length: twice ? 2 : 1 }, () => timed(ctx, 'pay', () => start(payload), 201)),
  );
  if (twice) ctx.tally.doubleClicks += 1;
  const pages = answers.map((a) => a.json<{ id: string; redirectUrl: string | null }>());
  if (new Set(pages.map((p) => p.id)).size !== 1) fail(ctx, 'pay', 'the same key gave two card payments');
  const sessionId = /\/pay\/([\w-]+)$/.exec(pages[0]!.redirectUrl ?? '')?.[1];
  if (!sessionId) fail(ctx, 'pay', `no provider page in ${JSON.stringify(pages[0])}`);
  // The person pays on the provider's page; the provider tells Accord, signed.
  const notice = ctx.stripe.notice('checkout.session.completed', sessionId);
  const deliver = () =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/portal/v1/card-notices',
      remoteAddress: ctx.providerIp,
      headers: { 'content-type': 'application/json', 'stripe-signature': notice.signature },
      payload: notice.payload,
    });
  const replay = turn % 4 === 3;
  const notices = await Promise.all(Array.from({ length: replay ? 2 : 1 }, () => timed(ctx, 'notice', deliver, 200)));
  if (replay) ctx.tally.replays += 1;
  const outcomes = notices.map((n) => n.json<{ outcome?: string }>().outcome ?? '');
  if (outcomes.filter((o) => o === 'recorded').length !== 1)
    fail(ctx, 'notice', `the notice's outcomes: ${outcomes.join(', ')}`);
  ctx.tally.paid += 1;
}
