import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { can } from './core/permissions.js';
import { ROLES, type Role } from './core/roles.js';

/**
 * Every API route, tried by every role: a role without the route's permission gets 403 (auth.forbidden),
 * a role with it gets anything but 401/403. A route added without a probe here fails the first test.
 */
interface Probe {
  url: (ids: Ids) => string;
  payload?: (ids: Ids, role: Role) => unknown;
  /** Needs its own session (it ends it). */
  fresh?: boolean;
}

interface Ids {
  caseId: string;
  creditorId: string;
  userId: string;
}

const PROBES: Record<string, Probe> = {
  'POST /api/v1/auth/login': { url: () => '/api/v1/auth/login', payload: () => ({ email: 'nobody@demo.accord.test', password: 'x' }) },
  'POST /api/v1/auth/logout': { url: () => '/api/v1/auth/logout', fresh: true },
  'GET /api/v1/me': { url: () => '/api/v1/me' },
  'PATCH /api/v1/me': { url: () => '/api/v1/me', payload: () => ({ locale: 'fr' }) },
  'GET /api/v1/users': { url: () => '/api/v1/users' },
  'POST /api/v1/users': {
    url: () => '/api/v1/users',
    payload: (_ids, role) => ({ email: `probe.${role}@demo.accord.test`, displayName: 'Probe', role: 'agent', password: 'probe-password-long' }),
  },
  'PATCH /api/v1/users/:id': { url: (ids) => `/api/v1/users/${ids.userId}`, payload: () => ({ displayName: 'Probe target' }) },
  'GET /api/v1/creditors': { url: () => '/api/v1/creditors' },
  'GET /api/v1/creditors/:id': { url: (ids) => `/api/v1/creditors/${ids.creditorId}` },
  'GET /api/v1/cases': { url: () => '/api/v1/cases' },
  'GET /api/v1/cases/:id': { url: (ids) => `/api/v1/cases/${ids.caseId}` },
  'GET /api/v1/dashboard': { url: () => '/api/v1/dashboard' },
  'GET /api/v1/audit': { url: () => '/api/v1/audit' },
  'GET /api/v1/audit/verification': { url: () => '/api/v1/audit/verification' },
  'POST /api/v1/jobs/nightly-refresh/runs': { url: () => '/api/v1/jobs/nightly-refresh/runs' },
  // Denied roles are refused before the body is read; allowed ones get 503 here (no job runner in this test).
  'POST /api/v1/placements': { url: (ids) => `/api/v1/placements?creditorId=${ids.creditorId}&mandateCode=BH-2026`, payload: () => ({}) },
  'GET /api/v1/placements': { url: () => '/api/v1/placements' },
  'GET /api/v1/placements/:id': { url: () => '/api/v1/placements/00000000-0000-4000-8000-000000000000' },
  'GET /api/v1/placements/:id/errors': { url: () => '/api/v1/placements/00000000-0000-4000-8000-000000000000/errors' },
  'GET /api/v1/debtor-matches': { url: () => '/api/v1/debtor-matches' },
  // Allowed roles get 404: no such match. Denied roles are refused before.
  'POST /api/v1/debtor-matches/:id/decision': {
    url: () => '/api/v1/debtor-matches/00000000-0000-4000-8000-000000000000/decision',
    payload: () => ({ decision: 'different_people' }),
  },
};

describe.each(ENGINES)('permission matrix through the API on %s', (engine) => {
  let t: TestApp;
  let ids: Ids;
  const sessions = new Map<Role, Session>();

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    for (const role of ROLES) sessions.set(role, await signIn(t.app, demoEmail(role)));
    // Ids inside the creditor user's own scope, so scope never hides a permission problem.
    const creditorId = sessions.get('creditor_user')!.creditorId!;
    const aCase = await t.deps.db.selectFrom('cases').select('id').where('creditor_id', '=', creditorId).executeTakeFirstOrThrow();
    const target = await t.deps.db.selectFrom('users').select('id').where('email', '=', demoEmail('judicial_specialist')).executeTakeFirstOrThrow();
    ids = { caseId: aCase.id, creditorId, userId: target.id };
  });
  afterAll(() => t.close());

  it('has a probe for every API route', () => {
    const routes = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(PROBES).sort());
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const route of t.app.apiRoutes) {
      if (route.access === 'public') continue;
      const probe = PROBES[`${route.method} ${route.url}`]!;
      const response = await t.app.inject({ method: route.method as 'GET', url: probe.url(ids), payload: probe.payload?.(ids, 'agent') as object });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it.each(ROLES)('enforces the matrix for %s', async (role) => {
    for (const route of t.app.apiRoutes) {
      const probe = PROBES[`${route.method} ${route.url}`]!;
      const session = probe.fresh ? await signIn(t.app, demoEmail(role)) : sessions.get(role)!;
      const response = await as(t.app, session)(route.method as 'GET', probe.url(ids), probe.payload?.(ids, role));
      const label = `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
      expect(response.statusCode, label).toBeLessThan(500);
      if (route.access === 'public') {
        // The login probe sends unknown credentials: a 401 there is the login's answer, not an access refusal.
        expect(response.statusCode, label).not.toBe(403);
      } else if (can(role, route.access.permission)) {
        expect([401, 403], label).not.toContain(response.statusCode);
      } else {
        expect(response.statusCode, label).toBe(403);
        expect(response.json(), label).toMatchObject({ code: 'auth.forbidden', permission: route.access.permission });
      }
    }
  });
});
