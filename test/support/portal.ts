import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { hashToken, newSessionTokens } from '../../src/identity/sessions.js';
import type { Deps } from '../../src/platform/deps.js';
import { sessionEnd, sessionExpiry } from '../../src/portal/core/access.js';
import type { Session } from './app.js';

/** The e-mails the local SMTP sink kept, oldest first, as text. */
export async function sinkMails(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  return Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
}

/** The one-time code of the latest e-mail the sink received. */
export async function lastMailedCode(dir: string): Promise<string> {
  const mails = await sinkMails(dir);
  const code = /\b(\d{6})\b/.exec(mails.at(-1) ?? '')?.[1];
  if (!code) throw new Error('no one-time code in the last e-mail of the sink');
  return code;
}

/**
 * Signs a debtor in to the portal the way a person does: access code and birth date, a one-time code by e-mail to
 * the sink in `mailDir`, then that code. Answers a session usable with `as()`.
 */
export async function portalSignIn(
  app: FastifyInstance,
  mailDir: string,
  access: { accessCode: string; birthDate: string },
): Promise<Session & { challengeId: string }> {
  const started = await app.inject({
    method: 'POST',
    url: '/api/portal/v1/sign-in',
    payload: { accessCode: access.accessCode, birthDate: access.birthDate },
  });
  if (started.statusCode !== 200) throw new Error(`portal sign-in failed: ${started.statusCode} ${started.body}`);
  const { challengeId, destinations } = started.json() as {
    challengeId: string;
    destinations: { id: string; channel: string }[];
  };
  const email = destinations.find((destination) => destination.channel === 'email');
  if (!email) throw new Error('no e-mail address offered for the code');
  const sent = await app.inject({
    method: 'POST',
    url: '/api/portal/v1/sign-in/code',
    payload: { challengeId, contactPointId: email.id },
  });
  if (sent.statusCode !== 200) throw new Error(`portal code not sent: ${sent.statusCode} ${sent.body}`);
  const code = await lastMailedCode(mailDir);
  const verified = await app.inject({
    method: 'POST',
    url: '/api/portal/v1/sign-in/verify',
    payload: { challengeId, code },
  });
  if (verified.statusCode !== 200) throw new Error(`portal code refused: ${verified.statusCode} ${verified.body}`);
  const cookie = verified.cookies.find((c) => c.name === 'accord_portal')!;
  return {
    cookie: `accord_portal=${cookie.value}`,
    csrf: (verified.json() as { csrfToken: string }).csrfToken,
    userId: '',
    creditorId: null,
    challengeId,
  };
}

/**
 * A portal session for a debtor, written straight into the table as the sign-in would (for tests that drive the
 * portal's routes without going through a mail sink: the matrix, the fuzzer).
 */
export async function portalSessionOf(deps: Deps, debtorId: string): Promise<Session> {
  const now = deps.now();
  const session = newSessionTokens(now, 1);
  await deps.db
    .insertInto('portal_sessions')
    .values({
      token_hash: hashToken(session.token),
      csrf_token: session.csrfToken,
      debtor_id: debtorId,
      created_at: now,
      last_seen_at: now,
      expires_at: sessionExpiry(now, sessionEnd(now)),
      ends_at: sessionEnd(now),
      ip: null,
      user_agent: null,
    })
    .execute();
  return { cookie: `accord_portal=${session.token}`, csrf: session.csrfToken, userId: '', creditorId: null };
}

/**
 * Gives a person of the demo a plan the way they would on the portal: a budget leaving about a sixth of the case's
 * balance a month, then the six or so monthly payments proposed within it, signed with consent. The plan's id.
 */
export async function signPlanOnPortal(
  app: FastifyInstance,
  session: Session,
  caseId: string,
  balanceCents: number,
): Promise<string> {
  const monthly = Math.ceil(balanceCents / 6 / 100);
  const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) },
      ...(payload ? { payload } : {}),
    });
  const budget = await send('POST', `/api/portal/v1/cases/${caseId}/budget`, {
    household: { adults: 1, children: 0, dependants: 0 },
    resources: [{ type: 'salary', amountCents: 300_000 }],
    expenses: [
      { category: 'housing', amountCents: 300_000 - monthly * 100 - 40_000 },
      { category: 'food_household', amountCents: 40_000 },
    ],
  });
  if (budget.statusCode !== 201) throw new Error(`portal budget refused: ${budget.statusCode} ${budget.body}`);
  const plans = (await send('GET', `/api/portal/v1/cases/${caseId}/plans`)).json() as {
    consentVersion: string;
    proposals: { kind: string; firstDueOn: string; count: number; totalCents: number }[];
  };
  const chosen = plans.proposals.find((p) => p.kind === 'instalments');
  if (!chosen) throw new Error('no monthly plan proposed');
  const signed = await send('POST', `/api/portal/v1/cases/${caseId}/plans`, {
    kind: chosen.kind,
    firstDueOn: chosen.firstDueOn,
    count: chosen.count,
    totalCents: chosen.totalCents,
    consent: true,
    consentVersion: plans.consentVersion,
  });
  if (signed.statusCode !== 201) throw new Error(`portal plan refused: ${signed.statusCode} ${signed.body}`);
  return (signed.json() as { planId: string }).planId;
}

/**
 * People of the demo a test can give a plan and a direct debit on the portal, as a person would: one open amicable
 * case under a mandate that allows a year's plan, no budget, no plan, no hold, no mandate yet; with a verified e-mail
 * address when asked. By reference, so every run picks the same.
 */
export async function portalPlanCandidates(
  db: Kysely<DB>,
  options: { count: number; withEmail?: boolean },
): Promise<{ case_id: string; debtor_id: string; balance_cents: string }[]> {
  const email = options.withEmail
    ? sql`and exists (select 1 from debtor_contact_points p where p.debtor_id = c.debtor_id and p.channel = 'email'
          and p.verified_at is not null and p.undeliverable_at is null and p.wrong_number_at is null)`
    : sql``;
  const rows = await sql<{ case_id: string; debtor_id: string; balance_cents: string }>`
    select c.id as case_id, c.debtor_id, c.balance_cents from cases c
    join mandates m on m.id = c.mandate_id
    where c.status = 'open' and m.max_plan_months >= 12 and c.stage = 'amicable'
      and c.balance_cents between 30000 and 800000
      and (select count(*) from cases o where o.debtor_id = c.debtor_id and o.status <> 'closed') = 1
      and not exists (select 1 from plans p where p.case_id = c.id)
      and not exists (select 1 from holds h where h.debtor_id = c.debtor_id)
      and not exists (select 1 from debtor_assessments a where a.debtor_id = c.debtor_id)
      and not exists (select 1 from sepa_mandates s where s.case_id = c.id)
      ${email}
    order by c.reference limit ${options.count}`.execute(db);
  return rows.rows;
}
