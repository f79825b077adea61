import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { portalSignIn } from '../../test/support/portal.js';
import { assertCredential, createCredential, type TestCredential } from '../../test/support/webauthn.js';
import { closeTransports } from '../communications/configured-transports.js';
import { startDemoMailSink, type DemoMailSink } from '../communications/email/demo-mail-sink.js';
import { demoPortalAccess, type DemoPortalAccess } from '../demo/portal.js';
import type { PortalMe } from './contract.js';
import type { PortalPasskeys } from './passkeys/contract.js';

const START = new Date('2026-11-25T09:00:00Z');
const SITE = { rpId: 'accord.example.fr', origin: 'https://accord.example.fr' };

describe.each(ENGINES)('passkeys on the debtor portal on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  let sink: DemoMailSink;
  let a: DemoPortalAccess;
  let b: DemoPortalAccess;
  let keyA: TestCredential;
  let keyB: TestCredential;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-passkey-mail-'));
    sink = await startDemoMailSink({ dir, port: 0 });
    t = await createTestApp(engine, {
      demo: true,
      now: START,
      config: {
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        MAIL_FROM: 'Accord <contact@accord.example.fr>',
        PUBLIC_URL: 'https://accord.example.fr',
      },
    });
    const byEmail = (await demoPortalAccess(t.deps, 12)).filter((candidate) => candidate.channel === 'email');
    a = byEmail[0]!;
    b = byEmail.find((candidate) => candidate.name !== a.name)!;
  });
  afterAll(async () => {
    await closeTransports(t.deps.config);
    await t.close();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Signs in with the code, then makes a passkey the way the page does. */
  async function makePasskey(access: DemoPortalAccess, name?: string) {
    const session = await portalSignIn(t.app, dir, access);
    const send = as(t.app, session);
    const options = await send('POST', '/api/portal/v1/passkeys/options');
    expect(options.statusCode, options.body).toBe(200);
    const ceremony = options.json() as { challengeId: string; options: Parameters<typeof createCredential>[0] };
    const made = createCredential(ceremony.options, SITE);
    const created = await send('POST', '/api/portal/v1/passkeys', {
      challengeId: ceremony.challengeId,
      response: made.response,
      ...(name ? { name } : {}),
    });
    return { session, send, ceremony, made, created };
  }

  async function passkeySignIn(credential: TestCredential, change: Parameters<typeof assertCredential>[3] = {}) {
    const options = await t.app.inject({ method: 'POST', url: '/api/portal/v1/sign-in/passkey/options' });
    expect(options.statusCode, options.body).toBe(200);
    const ceremony = options.json() as { challengeId: string; options: { challenge: string } };
    const response = assertCredential(credential, ceremony.options, SITE, change);
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in/passkey',
      payload: { challengeId: ceremony.challengeId, response },
    });
    return { signedIn, ceremony, response };
  }

  const sessionOf = (response: { cookies: { name: string; value: string }[]; json: () => unknown }): Session => ({
    cookie: `accord_portal=${response.cookies.find((c) => c.name === 'accord_portal')!.value}`,
    csrf: (response.json() as PortalMe).csrfToken,
    userId: '',
    creditorId: null,
  });

  it('offers a passkey after a full sign-in and makes one with a random user handle and verification required', async () => {
    const { send, ceremony, made, created } = await makePasskey(a, '  Mon   téléphone ');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Mon téléphone', lastUsedAt: null });
    const options = ceremony.options as unknown as {
      rp: { id: string };
      user: { id: string; name: string; displayName: string };
      authenticatorSelection: { residentKey: string; userVerification: string };
      attestation: string;
    };
    expect(options.rp.id).toBe('accord.example.fr');
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'preferred', userVerification: 'required' });
    expect(options.attestation).toBe('none');
    // Nothing of the person: the user handle is 32 random bytes; the names are the agency's.
    expect(Buffer.from(options.user.id, 'base64url')).toHaveLength(32);
    expect(`${options.user.name} ${options.user.displayName}`).not.toContain(a.name.split(' ')[0]!);
    // Made once: the offer is closed in this session, and the same answer again is refused.
    const listed = (await send('GET', '/api/portal/v1/passkeys')).json() as PortalPasskeys;
    expect(listed.offer).toBe(false);
    expect(listed.passkeys).toHaveLength(1);
    const again = await send('POST', '/api/portal/v1/passkeys', {
      challengeId: ceremony.challengeId,
      response: made.response,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'portal.passkey_not_created' });
    keyA = made.credential;
    // The audit trail names the passkey by its own id: never the credential's id or key.
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', 'like', 'portal.passkey%')
      .execute();
    expect(audit.map((row) => row.action)).toContain('portal.passkey_created');
    expect(JSON.stringify(audit)).not.toContain(made.response.id);
  });

  it('never offers twice in a session once declined', async () => {
    const session = await portalSignIn(t.app, dir, b);
    const send = as(t.app, session);
    expect(((await send('GET', '/api/portal/v1/passkeys')).json() as PortalPasskeys).offer).toBe(true);
    expect((await send('POST', '/api/portal/v1/passkeys/offer/decline')).statusCode).toBe(204);
    expect(((await send('GET', '/api/portal/v1/passkeys')).json() as PortalPasskeys).offer).toBe(false);
    // A registration challenge is bound to the session that asked for it.
    const other = await portalSignIn(t.app, dir, b);
    const ceremony = (await send('POST', '/api/portal/v1/passkeys/options')).json() as {
      challengeId: string;
      options: Parameters<typeof createCredential>[0];
    };
    const made = createCredential(ceremony.options, SITE);
    const elsewhere = await as(t.app, other)('POST', '/api/portal/v1/passkeys', {
      challengeId: ceremony.challengeId,
      response: made.response,
    });
    expect(elsewhere.statusCode).toBe(422);
    const made2 = await makePasskey(b);
    expect(made2.created.statusCode, made2.created.body).toBe(201);
    keyB = made2.made.credential;
  });

  it('signs in with the passkey alone into the same kind of session, audited with its method', async () => {
    const { signedIn, ceremony, response } = await passkeySignIn(keyA);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const me = signedIn.json() as PortalMe;
    expect(me.cases.map((c) => c.id)).toContain(a.caseId);
    const session = sessionOf(signedIn);
    const send = as(t.app, session);
    expect((await send('GET', `/api/portal/v1/cases/${a.caseId}`)).statusCode).toBe(200);
    // A passkey of A never opens B's case.
    expect((await send('GET', `/api/portal/v1/cases/${b.caseId}`)).statusCode).toBe(404);
    // No offer in a session a passkey opened; its list shows when it was last used.
    const listed = (await send('GET', '/api/portal/v1/passkeys')).json() as PortalPasskeys;
    expect(listed.offer).toBe(false);
    expect(listed.canAdd).toBe(false);
    expect(listed.passkeys[0]!.lastUsedAt).not.toBeNull();
    // Nor may it add one: whoever holds one device must not enrol another that outlives its removal.
    const more = await send('POST', '/api/portal/v1/passkeys/options');
    expect(more.statusCode).toBe(403);
    expect(more.json()).toMatchObject({ code: 'portal.passkey_needs_code' });
    // The portal session opens no staff route.
    expect((await send('GET', '/api/v1/cases')).statusCode).toBe(401);
    const entry = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'portal.signed_in')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ method: 'passkey' });
    // The same answer again meets a used challenge.
    const replayed = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in/passkey',
      payload: { challengeId: ceremony.challengeId, response },
    });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ code: 'portal.passkey_refused' });
  });

  it('refuses a counter that goes back, another person’s user handle, no verification and an unknown passkey, alike', async () => {
    const back = await passkeySignIn(keyA, { counter: 1 });
    const swapped = await passkeySignIn(keyA, { userHandle: keyB.userHandle });
    const unverified = await passkeySignIn(keyA, { verified: false });
    const unknown = createCredential({ challenge: 'x', rp: {}, user: { id: keyA.userHandle } }, SITE).credential;
    const stranger = await passkeySignIn(unknown);
    for (const refused of [back, swapped, unverified, stranger]) {
      expect(refused.signedIn.statusCode).toBe(401);
      expect(refused.signedIn.json()).toMatchObject({ code: 'portal.passkey_refused' });
    }
    // Still good afterwards, with the counter moving on.
    expect((await passkeySignIn(keyA)).signedIn.statusCode).toBe(200);
  });

  it('lets the person remove their own passkey only; a removed passkey opens nothing', async () => {
    const { signedIn } = await passkeySignIn(keyA);
    const send = as(t.app, sessionOf(signedIn));
    const mine = ((await send('GET', '/api/portal/v1/passkeys')).json() as PortalPasskeys).passkeys[0]!;
    const theirs = await t.deps.db
      .selectFrom('portal_passkeys')
      .select('id')
      .where('credential_id', '=', keyB.id.toString('base64url'))
      .executeTakeFirstOrThrow();
    expect((await send('POST', `/api/portal/v1/passkeys/${theirs.id}/remove`)).statusCode).toBe(404);
    expect((await send('POST', `/api/portal/v1/passkeys/${mine.id}/remove`)).statusCode).toBe(204);
    expect((await passkeySignIn(keyA)).signedIn.statusCode).toBe(401);
  });

  it('lets the agency revoke all of a person’s passkeys from their case, ending their portal sessions', async () => {
    const { signedIn } = await passkeySignIn(keyB);
    expect(signedIn.statusCode).toBe(200);
    const portal = as(t.app, sessionOf(signedIn));
    const agent = await signIn(t.app, demoEmail('agent'));
    // The case says whether the person has passkeys: how many, when last used; never a credential.
    const before = await as(t.app, agent)('GET', `/api/v1/cases/${b.caseId}/portal-passkeys`);
    expect(before.statusCode, before.body).toBe(200);
    expect(Object.keys(before.json() as object).sort()).toEqual(['count', 'lastUsedAt']);
    expect(before.json()).toMatchObject({ count: 1, lastUsedAt: expect.any(String) });
    const reset = await as(t.app, agent)('POST', `/api/v1/cases/${b.caseId}/portal-passkeys/revoke`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ revoked: 1 });
    expect((reset.json() as { sessionsEnded: number }).sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await portal('GET', '/api/portal/v1/me')).statusCode).toBe(401);
    expect((await passkeySignIn(keyB)).signedIn.statusCode).toBe(401);
    expect((await as(t.app, agent)('GET', `/api/v1/cases/${b.caseId}/portal-passkeys`)).json()).toEqual({
      count: 0,
      lastUsedAt: null,
    });
    // Again: nothing left to revoke.
    expect((await as(t.app, agent)('POST', `/api/v1/cases/${b.caseId}/portal-passkeys/revoke`)).json()).toMatchObject({
      revoked: 0,
    });
    const creditor = await signIn(t.app, demoEmail('creditor_user'));
    expect((await as(t.app, creditor)('POST', `/api/v1/cases/${b.caseId}/portal-passkeys/revoke`)).statusCode).toBe(
      403,
    );
  });
  // Last: it spends the client's allowance of sign-in requests for the minute (each step has its own).
  it('limits each step of the passkey sign-in per client: past 20 requests a minute, 429 with a wait', async () => {
    const steps = [
      { method: 'POST' as const, url: '/api/portal/v1/sign-in/passkey/options' },
      {
        method: 'POST' as const,
        url: '/api/portal/v1/sign-in/passkey',
        payload: { challengeId: '00000000-0000-4000-8000-000000000000', response: {} },
      },
    ];
    for (const step of steps) {
      const answers = [];
      for (let i = 0; i < 22; i++) answers.push(await t.app.inject(step));
      const codes = answers.map((answer) => answer.statusCode);
      const first = codes.indexOf(429);
      expect(first, step.url).toBeGreaterThan(0);
      expect(first, step.url).toBeLessThanOrEqual(20);
      expect(codes.slice(first).every((code) => code === 429)).toBe(true);
      expect(Number(answers[first]!.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});
