import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { lastMailedCode, portalSessionOf, portalSignIn, sinkMails } from '../../test/support/portal.js';
import { DEMO_USERS } from '../demo/seed.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { closeTransports } from '../communications/configured-transports.js';
import { startDemoMailSink, type DemoMailSink } from '../communications/email/demo-mail-sink.js';
import { demoPortalAccess, type DemoPortalAccess } from '../demo/portal.js';
import type { PortalCase, PortalMe } from './contract.js';

async function onePagePdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

// A Wednesday, 10:00 in Paris.
const START = new Date('2026-11-25T09:00:00Z');

describe.each(ENGINES)('the debtor portal on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  let sink: DemoMailSink;
  let access: DemoPortalAccess;
  let other: DemoPortalAccess;
  let debtor: Session;
  let agent: Session;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-portal-mail-'));
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
    const all = await demoPortalAccess(t.deps, 12);
    const byEmail = all.filter((candidate) => candidate.channel === 'email');
    expect(byEmail.length).toBeGreaterThanOrEqual(2);
    access = byEmail[0]!;
    other = byEmail[1]!;
    agent = await signIn(t.app, demoEmail('agent'));
  });
  const caseOwner = (caseId: string) =>
    t.deps.db.selectFrom('cases').select('debtor_id').where('id', '=', caseId).executeTakeFirstOrThrow();

  afterAll(async () => {
    await closeTransports(t.deps.config);
    await t.close();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs a person in with the letter’s code, the birth date and a one-time code by e-mail', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in',
      // As typed from paper: lower case, a space instead of the dash.
      payload: { accessCode: access.accessCode.toLowerCase().replace('-', ' '), birthDate: access.birthDate },
    });
    expect(started.statusCode, started.body).toBe(200);
    const { challengeId, destinations } = started.json() as {
      challengeId: string;
      destinations: { id: string; channel: string; masked: string }[];
    };
    const email = destinations.find((destination) => destination.channel === 'email')!;
    // Masked: whoever holds a letter does not learn the address.
    expect(email.masked).toMatch(/^.•••@/);
    const full = await t.deps.db
      .selectFrom('debtor_contact_points')
      .select('value')
      .where('id', '=', email.id)
      .executeTakeFirstOrThrow();
    expect(started.body).not.toContain(full.value);

    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in/code',
      payload: { challengeId, contactPointId: email.id },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const mail = (await sinkMails(dir)).at(-1)!;
    expect(mail).toContain(full.value);
    expect(mail).not.toMatch(/List-Unsubscribe/i);
    const code = await lastMailedCode(dir);
    const stored = await t.deps.db
      .selectFrom('portal_sign_in_challenges')
      .select('code_sha256')
      .where('id', '=', challengeId)
      .executeTakeFirstOrThrow();
    expect(stored.code_sha256).not.toContain(code);

    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in/verify',
      payload: { challengeId, code: wrongCode },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'portal.code_wrong', triesLeft: 4 });

    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in/verify',
      payload: { challengeId, code },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const cookie = verified.cookies.find((c) => c.name === 'accord_portal')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = verified.json() as PortalMe;
    debtor = { cookie: `accord_portal=${cookie.value}`, csrf: me.csrfToken, userId: '', creditorId: null };
    const owner = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', access.caseId)
      .executeTakeFirstOrThrow();
    const theirs = await t.deps.db.selectFrom('cases').select('id').where('debtor_id', '=', owner.debtor_id).execute();
    expect(me.cases.map((c) => c.id).sort()).toEqual(theirs.map((c) => c.id).sort());

    // A code is used once.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in/verify',
      payload: { challengeId, code },
    });
    expect(again.json()).toMatchObject({ code: 'portal.attempt_over' });
  });

  it('gives one answer for a code that does not exist and a wrong birth date, then slows the guessing', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in',
      payload: { accessCode: '00000-00000', birthDate: '1970-01-01' },
    });
    const wrongBirth = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in',
      payload: { accessCode: other.accessCode, birthDate: '1900-01-02' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrongBirth.statusCode).toBe(401);
    const { requestId: _a, ...unknownBody } = unknown.json() as Record<string, unknown>;
    const { requestId: _b, ...wrongBody } = wrongBirth.json() as Record<string, unknown>;
    expect(unknownBody).toEqual(wrongBody);
    // Four more wrong birth dates are free (five in all), the sixth waits.
    for (let i = 0; i < 4; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/portal/v1/sign-in',
        payload: { accessCode: other.accessCode, birthDate: '1900-01-02' },
      });
    const throttled = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in',
      payload: { accessCode: other.accessCode, birthDate: other.birthDate },
    });
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(31_000);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in',
      payload: { accessCode: other.accessCode, birthDate: other.birthDate },
    });
    expect(after.statusCode, after.body).toBe(200);
  });

  it('shows the person’s case itemised, where it stands, and the letters sent, as PDF', async () => {
    const response = await as(t.app, debtor)('GET', `/api/portal/v1/cases/${access.caseId}?lang=fr`);
    expect(response.statusCode, response.body).toBe(200);
    let view = response.json() as PortalCase;
    expect(view.claims.length).toBeGreaterThan(0);
    const { totals } = view;
    const placed = totals.principalCents + totals.interestCents + totals.feesCents;
    expect(placed).toBe(view.claims.reduce((sum, c) => sum + c.principalCents + c.interestCents + c.feesCents, 0));
    expect(view.claims.reduce((sum, c) => sum + c.balanceCents, 0)).toBe(view.balanceCents);
    expect(view.standing.procedure.length).toBeGreaterThan(10);
    expect(view.standing.ifNoSolution.length).toBeGreaterThan(10);
    expect(view.why).toContain(view.creditorName);
    // Nothing only the agency reads: no agent, no note.
    expect(response.body).not.toMatch(/"(createdBy|note|agent|displayName)"/);

    // The agency keeps a letter it sent (as the print run and the first letter do): the person finds it.
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${access.caseId}/documents?type=correspondence&source=agent&fileName=relance.pdf`,
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/pdf' },
      payload: await onePagePdf('Relance du 20 novembre'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    view = (await as(t.app, debtor)('GET', `/api/portal/v1/cases/${access.caseId}?lang=fr`)).json() as PortalCase;
    expect(view.letters.map((letter) => letter.fileName)).toContain('relance.pdf');
    const pdf = await as(t.app, debtor)('GET', `/api/portal/v1/cases/${access.caseId}/letters/${view.letters[0]!.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_role', 'target_id'])
      .where('action', '=', 'portal.letter_downloaded')
      .execute();
    expect(audited).toContainEqual({ actor_role: 'debtor', target_id: view.letters[0]!.id });
  });

  it('opens every portal route to a portal session only: never to a staff session of any role, nor to nobody', async () => {
    const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/portal/v1/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })))
      // Signing out ends the session the others use: last.
      .sort((a, b) => Number(a.path.endsWith('/sign-out')) - Number(b.path.endsWith('/sign-out')));
    expect(operations.length).toBeGreaterThanOrEqual(21);
    const staff = await Promise.all(
      [...new Set(DEMO_USERS.map((user) => user.email))].map((email) => signIn(t.app, email)),
    );
    const own = await portalSessionOf(t.deps, (await caseOwner(access.caseId)).debtor_id);
    for (const { method, path } of operations) {
      const url = path
        .replace('{caseId}', access.caseId)
        .replace('{documentId}', '00000000-0000-4000-8000-000000000000')
        .replace('{planId}', '00000000-0000-4000-8000-000000000000')
        .replace('{cardPaymentId}', '00000000-0000-4000-8000-000000000000')
        .replace('{paymentId}', '00000000-0000-4000-8000-000000000000');
      const call = (headers: Record<string, string>) =>
        t.app.inject({ method: method as 'GET', url, headers, ...(method === 'GET' ? {} : { payload: {} }) });
      // The three steps of signing in are the only routes open to anyone, beside the card provider's notice, which
      // no session opens: its signature does (here card payment is not set up: 503 to anyone).
      if (path.startsWith('/api/portal/v1/sign-in')) continue;
      if (path === '/api/portal/v1/card-notices') {
        const sessions: Record<string, string>[] = [
          {},
          { cookie: own.cookie, 'x-csrf-token': own.csrf },
          { cookie: staff[0]!.cookie },
        ];
        for (const headers of sessions) expect((await call(headers)).statusCode, `${method} ${path}`).toBe(503);
        continue;
      }
      expect((await call({})).statusCode, `${method} ${path} anonymous`).toBe(401);
      for (const session of staff)
        expect(
          (await call({ cookie: session.cookie, 'x-csrf-token': session.csrf })).statusCode,
          `${method} ${path} as staff ${session.userId}`,
        ).toBe(401);
      // The person's own session reaches the route (its answer may be a 400 for the empty body, a 404 for the letter).
      const reached = await call({ cookie: own.cookie, 'x-csrf-token': own.csrf });
      expect([401, 403], `${method} ${path} as the debtor: ${reached.body}`).not.toContain(reached.statusCode);
    }
  });

  it('never opens another person’s case, a staff route, or a write without its token', async () => {
    const foreign = await t.deps.db
      .selectFrom('cases')
      .innerJoin('case_documents as d', 'd.case_id', 'cases.id')
      .select(['cases.id', 'd.id as document_id'])
      .where('cases.id', '=', other.caseId)
      .executeTakeFirst();
    expect((await as(t.app, debtor)('GET', `/api/portal/v1/cases/${other.caseId}`)).statusCode).toBe(404);
    if (foreign)
      expect(
        (await as(t.app, debtor)('GET', `/api/portal/v1/cases/${access.caseId}/letters/${foreign.document_id}`))
          .statusCode,
      ).toBe(404);
    expect(
      (
        await as(t.app, debtor)('POST', `/api/portal/v1/cases/${other.caseId}/difficulties`, {
          kind: 'job_loss',
          consent: true,
        })
      ).statusCode,
    ).toBe(404);
    const contest = { claimReference: 'X', grounds: 'not_mine', note: 'Ce n’est pas mon dossier.' };
    expect((await as(t.app, debtor)('POST', `/api/portal/v1/cases/${other.caseId}/disputes`, contest)).statusCode).toBe(
      404,
    );
    // Paying: another person's case, their card payment or their receipt, as if none existed.
    const pay = { purpose: 'balance', idempotencyKey: 'probe-key-0001' };
    expect(
      (await as(t.app, debtor)('POST', `/api/portal/v1/cases/${other.caseId}/card-payments`, pay)).statusCode,
    ).toBe(404);
    const unknownCard = `/card-payments/00000000-0000-4000-8000-000000000000`;
    expect((await as(t.app, debtor)('GET', `/api/portal/v1/cases/${other.caseId}${unknownCard}`)).statusCode).toBe(404);
    const theirPayment = await t.deps.db
      .selectFrom('payments')
      .innerJoin('cases', 'cases.id', 'payments.case_id')
      .select(['payments.id', 'payments.case_id'])
      .where('cases.debtor_id', '<>', (await caseOwner(access.caseId)).debtor_id)
      .executeTakeFirstOrThrow();
    for (const caseId of [access.caseId, theirPayment.case_id])
      expect(
        (await as(t.app, debtor)('GET', `/api/portal/v1/cases/${caseId}/payments/${theirPayment.id}/receipt.pdf`))
          .statusCode,
      ).toBe(404);
    const foreignUpload = await t.app.inject({
      method: 'POST',
      url: `/api/portal/v1/cases/${other.caseId}/documents?fileName=a.pdf`,
      headers: { cookie: debtor.cookie, 'x-csrf-token': debtor.csrf, 'content-type': 'application/pdf' },
      payload: await onePagePdf('Pas mon dossier'),
    });
    expect(foreignUpload.statusCode).toBe(404);
    // The portal session opens no staff route, a staff session no portal route.
    expect((await as(t.app, debtor)('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await as(t.app, debtor)('GET', `/api/v1/cases/${access.caseId}`)).statusCode).toBe(401);
    expect((await as(t.app, agent)('GET', '/api/portal/v1/me')).statusCode).toBe(401);
    const noToken = await t.app.inject({
      method: 'PUT',
      url: '/api/portal/v1/contact-preferences',
      headers: { cookie: debtor.cookie },
      payload: { channels: ['letter'], windows: null },
    });
    expect(noToken.statusCode).toBe(403);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: `/api/portal/v1/cases/${access.caseId}/plans`,
      headers: { cookie: debtor.cookie },
      payload: {},
    });
    expect(unsigned.statusCode).toBe(403);
  });

  it('takes a declared difficulty as a signal for the care team, in neutral words everywhere else', async () => {
    const declared = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${access.caseId}/difficulties`, {
      kind: 'illness',
      note: 'Hospitalisé depuis octobre',
      consent: true,
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const again = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${access.caseId}/difficulties`, {
      kind: 'job_loss',
      consent: true,
    });
    expect(again.statusCode).toBe(201);
    const signals = await t.deps.db
      .selectFrom('vulnerability_signals')
      .innerJoin('cases', 'cases.debtor_id', 'vulnerability_signals.debtor_id')
      .select(['vulnerability_signals.id', 'vulnerability_signals.status'])
      .where('cases.id', '=', access.caseId)
      .where('vulnerability_signals.kind', '=', 'debtor_declaration')
      .execute();
    // One open signal for the person, both declarations behind it.
    expect(signals).toHaveLength(1);
    const declarations = await t.deps.db
      .selectFrom('portal_declarations')
      .select(['signal_id', 'kind'])
      .where('case_id', '=', access.caseId)
      .execute();
    expect(declarations.map((d) => d.signal_id)).toEqual([signals[0]!.id, signals[0]!.id]);
    const events = await t.deps.db
      .selectFrom('case_events')
      .select(['kind', 'summary_key', 'summary_params'])
      .where('case_id', '=', access.caseId)
      .where('kind', '=', 'care')
      .execute();
    expect(JSON.stringify(events)).toContain('portal_difficulty_declared');
    expect(JSON.stringify(events)).not.toMatch(/illness|Hospitalis/);
    const trail = await t.deps.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'portal.difficulty_declared')
      .execute();
    expect(trail).toHaveLength(2);
    expect(JSON.stringify(trail)).not.toMatch(/illness|job_loss|Hospitalis/);
    // The care team reads what the person declared, under need-to-know, the read recorded.
    const owner = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', access.caseId)
      .executeTakeFirstOrThrow();
    const care = await signIn(t.app, demoEmail('care_specialist'));
    const read = await as(t.app, care)('GET', `/api/v1/debtors/${owner.debtor_id}/vulnerabilities`);
    expect(read.statusCode, read.body).toBe(200);
    const signal = (
      read.json() as { signals: { kind: string; declarations: { kind: string; note: string | null }[] }[] }
    ).signals.find((s) => s.kind === 'debtor_declaration')!;
    expect(signal.declarations).toHaveLength(2);
    expect(signal.declarations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'job_loss', note: null }),
        expect.objectContaining({ kind: 'illness', note: 'Hospitalisé depuis octobre' }),
      ]),
    );
    const reads = await t.deps.db
      .selectFrom('sensitive_reads')
      .select('subject')
      .where('debtor_id', '=', owner.debtor_id)
      .execute();
    expect(reads.map((r) => r.subject)).toContain('vulnerability');
    // The care team proposes an organisation, with the person's consent: the person finds how to reach it.
    const suggestions = (await as(t.app, care)('GET', `/api/v1/debtors/${owner.debtor_id}/referrals`)).json() as {
      suggestions: { id: string; name: string; helpsWith: string[] }[];
    };
    const organisation = suggestions.suggestions.find((o) => o.helpsWith.includes('job_loss'))!;
    const proposed = await as(t.app, care)('POST', `/api/v1/debtors/${owner.debtor_id}/referrals`, {
      consent: true,
      organisationId: organisation.id,
      need: 'Perte d’emploi',
      caseId: access.caseId,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const me = (await as(t.app, debtor)('GET', '/api/portal/v1/me')).json() as PortalMe;
    expect(me.help.map((help) => help.organisation)).toContain(organisation.name);
    expect(JSON.stringify(me)).not.toContain('Perte d’emploi');
    const refused = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${access.caseId}/difficulties`, {
      kind: 'illness',
      consent: false,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('books a callback within the agency’s hours only, seen by the agents', async () => {
    // Sunday 29 November at 11:00 in Paris: closed.
    const closed = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${access.caseId}/callbacks`, {
      day: '2026-11-29',
      time: '11:00',
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().code).toBe('portal.callback_closed');
    // Thursday 26 November at 18:30 in Paris.
    const booked = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${access.caseId}/callbacks`, {
      day: '2026-11-26',
      time: '18:30',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const row = await t.deps.db
      .selectFrom('contact_callbacks')
      .select(['via', 'recorded_by', 'status'])
      .where('id', '=', (booked.json() as { id: string }).id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ via: 'portal', recorded_by: null, status: 'pending' });
    const view = (await as(t.app, debtor)('GET', `/api/portal/v1/cases/${access.caseId}`)).json() as PortalCase;
    expect(view.callbacks.map((c) => c.at)).toContain('2026-11-26T17:30:00.000Z');
  });

  it('narrows the contact policy to the channels the person chose', async () => {
    const caseRow = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', access.caseId)
      .executeTakeFirstOrThrow();
    const set = await as(t.app, debtor)('PUT', '/api/portal/v1/contact-preferences', {
      channels: ['email', 'letter'],
      windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '12:00', to: '14:00' }],
    });
    expect(set.statusCode, set.body).toBe(200);
    const read = (await as(t.app, debtor)('GET', '/api/portal/v1/contact-preferences')).json();
    expect(read).toEqual(set.json());
    const sms = await as(t.app, agent)(
      'GET',
      `/api/v1/debtors/${caseRow.debtor_id}/contact-permission?channel=sms&caseId=${access.caseId}`,
    );
    expect(sms.statusCode).toBe(200);
    expect((sms.json() as { allowed: boolean }).allowed).toBe(false);
    const empty = await as(t.app, debtor)('PUT', '/api/portal/v1/contact-preferences', {
      channels: null,
      windows: [{ days: ['mon'], from: '14:00', to: '12:00' }],
    });
    expect(empty.statusCode).toBe(422);
  });

  it('files a complaint with its legal deadlines, registered for the agency to handle', async () => {
    const filed = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${access.caseId}/complaints`, {
      subject: 'contact_frequency',
      summary: 'Vous m’appelez tous les jours depuis une semaine.',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const body = filed.json() as { reference: string; acknowledgeBy: string; answerBy: string };
    expect(body.reference).toMatch(/^RCL-2026-/);
    expect(body.acknowledgeBy > '2026-11-25').toBe(true);
    expect(body.answerBy >= body.acknowledgeBy).toBe(true);
    const row = await t.deps.db
      .selectFrom('complaints')
      .select(['channel', 'registered_by', 'received_on'])
      .where('reference', '=', body.reference)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'portal', registered_by: null, received_on: '2026-11-25' });
    const trail = await t.deps.db
      .selectFrom('audit_log')
      .select('actor_role')
      .where('action', '=', 'complaint.registered')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(trail.actor_role).toBe('debtor');
    const other_ = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${other.caseId}/complaints`, {
      subject: 'amount',
      summary: 'Ce n’est pas mon dossier du tout.',
    });
    expect(other_.statusCode).toBe(404);
    const short = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${access.caseId}/complaints`, {
      subject: 'amount',
      summary: 'Non.',
    });
    expect(short.statusCode).toBe(400);
  });

  it('ends a session left unused, and on sign-out', async () => {
    const second = await portalSignIn(t.app, dir, other);
    t.clock.advance(21 * 60_000);
    expect((await as(t.app, debtor)('GET', '/api/portal/v1/me')).statusCode).toBe(401);
    const fresh = await portalSignIn(t.app, dir, access);
    expect((await as(t.app, fresh)('GET', '/api/portal/v1/me')).statusCode).toBe(200);
    expect((await as(t.app, fresh)('POST', '/api/portal/v1/sign-out')).statusCode).toBe(204);
    expect((await as(t.app, fresh)('GET', '/api/portal/v1/me')).statusCode).toBe(401);
    expect(second.challengeId).toBeTruthy();
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
