import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { DEFAULT_POLICY } from '../contact-policy/core/default-policy.js';
import { can, type Permission } from './core/permissions.js';
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
  debtorId: string;
  creditorId: string;
  userId: string;
}

const PROBES: Record<string, Probe> = {
  'POST /api/v1/auth/login': {
    url: () => '/api/v1/auth/login',
    payload: () => ({ email: 'nobody@demo.accord.test', password: 'x' }),
  },
  'POST /api/v1/auth/password-forgotten': {
    url: () => '/api/v1/auth/password-forgotten',
    payload: () => ({ email: 'nobody@demo.accord.test', newPassword: 'x' }),
  },
  'POST /api/v1/auth/logout': { url: () => '/api/v1/auth/logout', fresh: true },
  'GET /api/v1/me': { url: () => '/api/v1/me' },
  'PATCH /api/v1/me': { url: () => '/api/v1/me', payload: () => ({ locale: 'fr' }) },
  'GET /api/v1/users': { url: () => '/api/v1/users' },
  'POST /api/v1/users': {
    url: () => '/api/v1/users',
    payload: (_ids, role) => ({
      email: `probe.${role}@demo.accord.test`,
      displayName: 'Probe',
      role: 'agent',
      password: 'probe-password-long',
    }),
  },
  'PATCH /api/v1/users/:id': {
    url: (ids) => `/api/v1/users/${ids.userId}`,
    payload: () => ({ displayName: 'Probe target' }),
  },
  'GET /api/v1/user-access-requests': { url: () => '/api/v1/user-access-requests?status=pending' },
  'POST /api/v1/user-access-requests/:id/decision': {
    url: () => '/api/v1/user-access-requests/00000000-0000-4000-8000-000000000000/decision',
    payload: () => ({ decision: 'refuse', reason: 'Probe' }),
  },
  'GET /api/v1/creditors': { url: () => '/api/v1/creditors' },
  'GET /api/v1/creditors/:id': { url: (ids) => `/api/v1/creditors/${ids.creditorId}` },
  'GET /api/v1/cases': { url: () => '/api/v1/cases' },
  'GET /api/v1/notifications': { url: () => '/api/v1/notifications' },
  'GET /api/v1/audit/export': { url: () => '/api/v1/audit/export?format=csv&family=access' },
  'GET /api/v1/cases/export': { url: () => '/api/v1/cases/export?format=csv' },
  'GET /api/v1/cases/:id': { url: (ids) => `/api/v1/cases/${ids.caseId}` },
  'GET /api/v1/search': { url: () => '/api/v1/search?q=du' },
  'GET /api/v1/dashboard': { url: () => '/api/v1/dashboard' },
  'GET /api/v1/reports/care': { url: () => '/api/v1/reports/care' },
  'GET /api/v1/reports/portfolio': { url: () => '/api/v1/reports/portfolio' },
  'GET /api/v1/reports/portfolio/export': { url: () => '/api/v1/reports/portfolio/export?format=xlsx' },
  'GET /api/v1/reports/portfolio/outcomes': { url: () => '/api/v1/reports/portfolio/outcomes' },
  'GET /api/v1/reports/portfolio/placements': { url: () => '/api/v1/reports/portfolio/placements' },
  'GET /api/v1/reports/portfolio/outcomes/export': {
    url: () => '/api/v1/reports/portfolio/outcomes/export?format=xlsx',
  },
  'GET /api/v1/reports/conduct': { url: () => '/api/v1/reports/conduct' },
  'GET /api/v1/reports/conduct/export': { url: () => '/api/v1/reports/conduct/export?format=xlsx' },
  'GET /api/v1/reports/monthly': { url: () => '/api/v1/reports/monthly' },
  // Staff must name the creditor: the allowed manager gets 422, a creditor user its own report.
  'GET /api/v1/reports/monthly/file': { url: () => '/api/v1/reports/monthly/file?month=2026-01&format=xlsx' },
  'GET /api/v1/reports/teams': { url: () => '/api/v1/reports/teams' },
  'GET /api/v1/reports/teams/export': { url: () => '/api/v1/reports/teams/export?format=csv' },
  'GET /api/v1/reports/champion-challenger': { url: () => '/api/v1/reports/champion-challenger' },
  'GET /api/v1/reports/champion-challenger/export': {
    url: () => '/api/v1/reports/champion-challenger/export?format=xlsx',
  },
  // A segment with no challenger: the allowed role gets 409, nothing published.
  'POST /api/v1/reports/champion-challenger/decisions': {
    url: () => '/api/v1/reports/champion-challenger/decisions',
    payload: () => ({ segmentId: 'standard', decision: 'keep', note: 'Probe of the permission matrix' }),
  },
  'GET /api/v1/audit': { url: () => '/api/v1/audit' },
  'GET /api/v1/audit/verification': { url: () => '/api/v1/audit/verification' },
  'GET /api/v1/sensitive-reads': { url: (ids) => `/api/v1/sensitive-reads?debtorId=${ids.debtorId}` },
  'GET /api/v1/debtors/:id/audit-trail': { url: (ids) => `/api/v1/debtors/${ids.debtorId}/audit-trail` },
  'POST /api/v1/jobs/nightly-refresh/runs': { url: () => '/api/v1/jobs/nightly-refresh/runs' },
  // Denied roles are refused before the body is read; allowed ones get 503 here (no job runner in this test).
  'GET /api/v1/debtors/:id/contact-permission': {
    url: (ids) => `/api/v1/debtors/${ids.debtorId}/contact-permission?channel=letter`,
  },
  'GET /api/v1/cases/:id/contact': { url: (ids) => `/api/v1/cases/${ids.caseId}/contact` },
  'POST /api/v1/contact-attempts': {
    url: () => '/api/v1/contact-attempts',
    payload: (ids) => ({
      debtorId: ids.debtorId,
      caseId: ids.caseId,
      channel: 'phone',
      direction: 'inbound',
      outcome: 'no_answer',
    }),
  },
  'POST /api/v1/contact-overrides': {
    url: () => '/api/v1/contact-overrides',
    payload: (ids) => ({ caseId: ids.caseId, channel: 'phone', reason: 'Probe of the permission matrix' }),
  },
  'GET /api/v1/cases/:id/portal-passkeys': { url: (ids) => `/api/v1/cases/${ids.caseId}/portal-passkeys` },
  'POST /api/v1/cases/:id/portal-passkeys/revoke': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/portal-passkeys/revoke`,
  },
  'POST /api/v1/debtors/:id/holds': {
    url: (ids) => `/api/v1/debtors/${ids.debtorId}/holds`,
    payload: () => ({ kind: 'time_barred', reason: 'Probe', reviewAt: '2099-01-01T00:00:00Z' }),
  },
  'POST /api/v1/holds/:id/lift': {
    url: () => '/api/v1/holds/00000000-0000-4000-8000-000000000000/lift',
    payload: () => ({ reason: 'Probe' }),
  },
  'PUT /api/v1/debtors/:id/contact-preferences': {
    url: (ids) => `/api/v1/debtors/${ids.debtorId}/contact-preferences`,
    payload: () => ({ channels: null, windows: null }),
  },
  'POST /api/v1/debtors/:id/opt-outs': {
    url: (ids) => `/api/v1/debtors/${ids.debtorId}/opt-outs`,
    payload: () => ({ channel: 'email' }),
  },
  'DELETE /api/v1/debtors/:id/opt-outs/:channel': { url: (ids) => `/api/v1/debtors/${ids.debtorId}/opt-outs/email` },
  'POST /api/v1/callbacks/:id/cancel': { url: () => '/api/v1/callbacks/00000000-0000-4000-8000-000000000000/cancel' },
  'POST /api/v1/debtors/:id/callbacks': {
    url: (ids) => `/api/v1/debtors/${ids.debtorId}/callbacks`,
    payload: (ids) => ({ caseId: ids.caseId, at: '2020-01-01T10:00:00Z' }),
  },
  'POST /api/v1/payments': {
    url: (ids) => `/api/v1/payments?case=${ids.caseId}`,
    payload: (ids) => ({ caseId: ids.caseId, amountCents: 100, channel: 'card', receivedOn: '2026-01-01' }),
  },
  'GET /api/v1/payments/:id': { url: () => '/api/v1/payments/00000000-0000-4000-8000-000000000000' },
  'GET /api/v1/cases/:id/payments': { url: (ids) => `/api/v1/cases/${ids.caseId}/payments` },
  'POST /api/v1/payments/:id/reversal': {
    url: () => '/api/v1/payments/00000000-0000-4000-8000-000000000000/reversal',
    payload: () => ({ kind: 'error', reason: 'Probe' }),
  },
  'POST /api/v1/debtors/:id/credit/refunds': {
    url: (ids) => `/api/v1/debtors/${ids.debtorId}/credit/refunds`,
    payload: () => ({ amountCents: 1, reason: 'Probe' }),
  },
  'POST /api/v1/cases/:id/credit/allocation': { url: (ids) => `/api/v1/cases/${ids.caseId}/credit/allocation` },
  'POST /api/v1/claims/:id/adjustments': {
    url: () => '/api/v1/claims/00000000-0000-4000-8000-000000000000/adjustments',
    payload: () => ({ component: 'fees', amountCents: -1, reason: 'Probe' }),
  },
  'POST /api/v1/remittances': {
    url: () => '/api/v1/remittances',
    payload: (ids) => ({ creditorId: ids.creditorId, periodTo: '2000-01-01' }),
  },
  'GET /api/v1/users/:id': { url: () => '/api/v1/users/00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/users/:id/password-reset': {
    url: () => '/api/v1/users/00000000-0000-4000-8000-000000000000/password-reset',
  },
  'GET /api/v1/teams': { url: () => '/api/v1/teams' },
  'POST /api/v1/teams': { url: () => '/api/v1/teams', payload: () => ({ name: '', kind: 'amicable' }) },
  'PATCH /api/v1/teams/:id': {
    url: () => '/api/v1/teams/00000000-0000-4000-8000-000000000000',
    payload: () => ({ name: 'Probe' }),
  },
  'POST /api/v1/poles': { url: () => '/api/v1/poles', payload: () => ({ name: '' }) },
  'PATCH /api/v1/poles/:id': {
    url: () => '/api/v1/poles/00000000-0000-4000-8000-000000000000',
    payload: () => ({ name: 'Probe' }),
  },
  'POST /api/v1/remittances/:id/release': {
    url: () => '/api/v1/remittances/00000000-0000-4000-8000-000000000000/release',
  },
  'POST /api/v1/remittances/:id/cancel': {
    url: () => '/api/v1/remittances/00000000-0000-4000-8000-000000000000/cancel',
  },
  'GET /api/v1/remittances': { url: () => '/api/v1/remittances' },
  'GET /api/v1/remittances/:id': { url: () => '/api/v1/remittances/00000000-0000-4000-8000-000000000000' },
  'GET /api/v1/remittances/:id/statement.pdf': {
    url: () => '/api/v1/remittances/00000000-0000-4000-8000-000000000000/statement.pdf',
  },
  'GET /api/v1/remittances/:id/statement.csv': {
    url: () => '/api/v1/remittances/00000000-0000-4000-8000-000000000000/statement.csv',
  },
  'GET /api/v1/remittances/:id/transfer.xml': {
    url: () => '/api/v1/remittances/00000000-0000-4000-8000-000000000000/transfer.xml',
  },
  'PUT /api/v1/creditors/:id/remittance-settings': {
    url: () => '/api/v1/creditors/00000000-0000-4000-8000-000000000000/remittance-settings',
    payload: () => ({ remittanceIban: null, remittanceBic: null, webhookUrl: null }),
  },
  'GET /api/v1/creditor-payments': { url: () => '/api/v1/creditor-payments?from=2026-01-01&to=2026-12-31' },
  'GET /api/v1/creditor-payments/export': {
    url: () => '/api/v1/creditor-payments/export?from=2026-01-01&to=2026-12-31&format=xlsx',
  },
  'GET /api/v1/payments/:id/receipt.pdf': {
    url: () => '/api/v1/payments/00000000-0000-4000-8000-000000000000/receipt.pdf',
  },
  // Bank files: allowed roles get 415 (not XML), 404 (no such line or mandate), 201/409 on the mandate, 409 (no SEPA creditor configured).
  'POST /api/v1/bank-statements': { url: () => '/api/v1/bank-statements', payload: () => ({ not: 'xml' }) },
  'GET /api/v1/bank-statements': { url: () => '/api/v1/bank-statements' },
  'GET /api/v1/bank-statements/:id': { url: () => '/api/v1/bank-statements/00000000-0000-4000-8000-000000000000' },
  'GET /api/v1/bank-match-queue': { url: () => '/api/v1/bank-match-queue' },
  'POST /api/v1/bank-match-queue/:id/assignment': {
    url: () => '/api/v1/bank-match-queue/00000000-0000-4000-8000-000000000000/assignment',
    payload: (ids) => ({ caseId: ids.caseId }),
  },
  'POST /api/v1/bank-match-queue/:id/dismissal': {
    url: () => '/api/v1/bank-match-queue/00000000-0000-4000-8000-000000000000/dismissal',
    payload: () => ({ note: 'Probe' }),
  },
  'GET /api/v1/sepa-mandates': { url: () => '/api/v1/sepa-mandates' },
  'POST /api/v1/sepa-mandates': {
    url: () => '/api/v1/sepa-mandates',
    payload: (ids) => ({
      reference: 'PROBE-MANDATE',
      caseId: ids.caseId,
      debtorName: 'Probe',
      debtorIban: 'FR7630006000010001234560183',
      signedOn: '2020-01-01',
    }),
  },
  'GET /api/v1/sepa-mandates/:id': { url: () => '/api/v1/sepa-mandates/00000000-0000-4000-8000-000000000000' },
  'PATCH /api/v1/sepa-mandates/:id': {
    url: () => '/api/v1/sepa-mandates/00000000-0000-4000-8000-000000000000',
    payload: () => ({ debtorName: 'Probe' }),
  },
  'POST /api/v1/sepa-mandates/:id/revocation': {
    url: () => '/api/v1/sepa-mandates/00000000-0000-4000-8000-000000000000/revocation',
    payload: () => ({ reason: 'Probe' }),
  },
  'GET /api/v1/direct-debits/pain008': { url: () => '/api/v1/direct-debits/pain008?date=2026-04-05' },
  'GET /api/v1/contact-policy': { url: () => '/api/v1/contact-policy' },
  'GET /api/v1/contact-policy/versions/:version': { url: () => '/api/v1/contact-policy/versions/1' },
  'GET /api/v1/contact-policy/draft': { url: () => '/api/v1/contact-policy/draft' },
  'PUT /api/v1/contact-policy/draft': {
    url: () => '/api/v1/contact-policy/draft',
    payload: () => ({ document: DEFAULT_POLICY, basedOnVersion: 1 }),
  },
  'DELETE /api/v1/contact-policy/draft': { url: () => '/api/v1/contact-policy/draft' },
  'POST /api/v1/contact-policy/draft/publish': {
    url: () => '/api/v1/contact-policy/draft/publish',
    payload: () => ({ effectiveFrom: '2090-01-01T00:00:00Z', note: 'Probe' }),
  },
  'POST /api/v1/contact-policy/simulations': {
    url: () => '/api/v1/contact-policy/simulations',
    payload: () => ({ days: 1, policy: DEFAULT_POLICY }),
  },
  'POST /api/v1/contact-policy/decisions': {
    url: () => '/api/v1/contact-policy/decisions',
    payload: () => ({
      facts: { location: { country: 'FR', timeZone: 'Europe/Paris' }, firstLetterSentAt: null },
      channel: 'letter',
      at: '2026-11-24T10:00:00Z',
    }),
  },
  'GET /api/v1/contact-policy/holidays': {
    url: () => '/api/v1/contact-policy/holidays?country=FR&region=57&year=2026',
  },
  'POST /api/v1/placements': {
    url: (ids) => `/api/v1/placements?creditorId=${ids.creditorId}&mandateCode=BH-2026`,
    payload: () => ({}),
  },
  'GET /api/v1/placements': { url: () => '/api/v1/placements' },
  'GET /api/v1/placements/:id': { url: () => '/api/v1/placements/00000000-0000-4000-8000-000000000000' },
  'GET /api/v1/placements/:id/errors': { url: () => '/api/v1/placements/00000000-0000-4000-8000-000000000000/errors' },
  'GET /api/v1/placements/:id/errors/export': {
    url: () => '/api/v1/placements/00000000-0000-4000-8000-000000000000/errors/export?format=csv',
  },
  'POST /api/v1/cases/:id/documents': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/documents?type=other&source=creditor&fileName=probe.txt`,
    payload: () => ({}),
  },
  'GET /api/v1/cases/:id/documents': { url: (ids) => `/api/v1/cases/${ids.caseId}/documents` },
  // Allowed roles get 404: no such document.
  'GET /api/v1/documents/:id/file': { url: () => '/api/v1/documents/00000000-0000-4000-8000-000000000000/file' },
  'POST /api/v1/documents/:id/erasure': {
    url: () => '/api/v1/documents/00000000-0000-4000-8000-000000000000/erasure',
    payload: () => ({ reason: 'Probe of the permission matrix' }),
  },
  'GET /api/v1/cases/:id/disputes': { url: (ids) => `/api/v1/cases/${ids.caseId}/disputes` },
  // Allowed roles get 404: no such case (a probe records no dispute and closes no case of the demo).
  'POST /api/v1/cases/:id/disputes': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/disputes',
    payload: () => ({
      claimId: '00000000-0000-4000-8000-000000000000',
      grounds: 'amount_wrong',
      note: 'Probe of the permission matrix',
    }),
  },
  'GET /api/v1/disputes': { url: () => '/api/v1/disputes' },
  'POST /api/v1/disputes/:id/answer': {
    url: () => '/api/v1/disputes/00000000-0000-4000-8000-000000000000/answer',
    payload: () => ({ answer: 'confirmed', note: 'Probe of the permission matrix' }),
  },
  'POST /api/v1/disputes/:id/decision': {
    url: () => '/api/v1/disputes/00000000-0000-4000-8000-000000000000/decision',
    payload: () => ({ decision: 'resume', note: 'Probe of the permission matrix' }),
  },
  'GET /api/v1/care/organisations': { url: () => '/api/v1/care/organisations?country=FR' },
  'POST /api/v1/care/organisations': {
    url: () => '/api/v1/care/organisations',
    payload: (_ids, role) => ({
      country: 'FR',
      name: `Probe ${role}`,
      helpsWith: ['budget_advice'],
      coverage: 'national',
      website: 'https://probe.example',
    }),
  },
  // Allowed roles get 404: no such organisation, debtor or referral (a probe proposes nothing on the demo's debtors).
  'PUT /api/v1/care/organisations/:id': {
    url: () => '/api/v1/care/organisations/00000000-0000-4000-8000-000000000000',
    payload: () => ({
      country: 'FR',
      name: 'Probe',
      helpsWith: ['budget_advice'],
      coverage: 'national',
      website: 'https://probe.example',
    }),
  },
  'GET /api/v1/debtors/:id/referrals': { url: (ids) => `/api/v1/debtors/${ids.debtorId}/referrals` },
  'POST /api/v1/debtors/:id/referrals': {
    url: () => '/api/v1/debtors/00000000-0000-4000-8000-000000000000/referrals',
    payload: () => ({
      consent: true,
      organisationId: '00000000-0000-4000-8000-000000000000',
      need: 'Probe of the permission matrix',
    }),
  },
  'POST /api/v1/referrals/:id/sending': {
    url: () => '/api/v1/referrals/00000000-0000-4000-8000-000000000000/sending',
    payload: () => ({ how: 'letter' }),
  },
  'POST /api/v1/referrals/:id/follow-up': {
    url: () => '/api/v1/referrals/00000000-0000-4000-8000-000000000000/follow-up',
    payload: () => ({ followUpOn: '2199-01-01' }),
  },
  'POST /api/v1/referrals/:id/closing': {
    url: () => '/api/v1/referrals/00000000-0000-4000-8000-000000000000/closing',
    payload: () => ({ outcome: 'refused' }),
  },
  'POST /api/v1/cases/:id/closure': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/closure',
    payload: () => ({ reason: 'settled', note: 'Probe of the permission matrix' }),
  },
  'POST /api/v1/cases/:id/reopening': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/reopening',
    payload: () => ({ note: 'Probe of the permission matrix' }),
  },
  'GET /api/v1/cases/:id/overindebtedness': { url: (ids) => `/api/v1/cases/${ids.caseId}/overindebtedness` },
  'GET /api/v1/overindebtedness/queue': { url: () => '/api/v1/overindebtedness/queue' },
  // Allowed roles get 404: no such debtor, no such procedure (a probe files nothing on the demo's debtors).
  'GET /api/v1/overindebtedness/:id': { url: () => '/api/v1/overindebtedness/00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/debtors/:id/overindebtedness': {
    url: () => '/api/v1/debtors/00000000-0000-4000-8000-000000000000/overindebtedness',
    payload: () => ({ filedOn: '2026-01-05', fileReference: 'PROBE-1', note: 'Probe of the permission matrix' }),
  },
  'POST /api/v1/overindebtedness/:id/steps': {
    url: () => '/api/v1/overindebtedness/00000000-0000-4000-8000-000000000000/steps',
    payload: () => ({ state: 'admissible', on: '2026-01-05', note: 'Probe of the permission matrix' }),
  },
  'POST /api/v1/overindebtedness/:id/document': {
    url: () => '/api/v1/overindebtedness/00000000-0000-4000-8000-000000000000/document',
    payload: () => ({ documentRef: 'PROBE-LETTER-1' }),
  },
  'GET /api/v1/judicial-reviews': { url: () => '/api/v1/judicial-reviews' },
  'GET /api/v1/judicial-reviews/counts': { url: () => '/api/v1/judicial-reviews/counts' },
  'POST /api/v1/judicial-reviews/refresh': { url: () => '/api/v1/judicial-reviews/refresh' },
  // Allowed roles get 404: no such review (a probe decides no review of the demo).
  'GET /api/v1/judicial-reviews/:id': { url: () => '/api/v1/judicial-reviews/00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/judicial-reviews/:id/decision': {
    url: () => '/api/v1/judicial-reviews/00000000-0000-4000-8000-000000000000/decision',
    payload: () => ({
      decision: 'keep_amicable',
      nextReviewOn: '2099-01-01',
      reason: 'Probe of the permission matrix',
    }),
  },
  'GET /api/v1/cases/:id/judicial-reviews': { url: (ids) => `/api/v1/cases/${ids.caseId}/judicial-reviews` },
  'GET /api/v1/cases/:id/estate': { url: (ids) => `/api/v1/cases/${ids.caseId}/estate` },
  'GET /api/v1/cases/:id/first-letter': { url: (ids) => `/api/v1/cases/${ids.caseId}/first-letter` },
  'GET /api/v1/cases/:id/first-letter/preview': { url: (ids) => `/api/v1/cases/${ids.caseId}/first-letter/preview` },
  'POST /api/v1/cases/:id/first-letter': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/first-letter',
  },
  // Public: an unknown opt-out link is a 404 for anyone; the relay's door is closed without INBOUND_MAIL_TOKEN (404).
  'GET /api/v1/cases/:id/messages': { url: (ids) => `/api/v1/cases/${ids.caseId}/messages` },
  'POST /api/v1/cases/:id/messages/preview': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/messages/preview`,
    payload: () => ({ channel: 'email', template: 'reminder' }),
  },
  'POST /api/v1/cases/:id/messages': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/messages',
    payload: () => ({ channel: 'email', template: 'reminder' }),
  },
  'GET /api/v1/cases/:id/reminder-letters/preview': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/reminder-letters/preview`,
  },
  'GET /api/v1/cases/:id/reminder-letters/preview.pdf': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/reminder-letters/preview.pdf`,
  },
  // Allowed roles get 404: no such case.
  'POST /api/v1/cases/:id/reminder-letters': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/reminder-letters',
  },
  'GET /api/v1/campaigns': { url: () => '/api/v1/campaigns' },
  'POST /api/v1/campaigns': {
    url: () => '/api/v1/campaigns',
    payload: (_ids, role) => ({
      name: `Probe ${role}`,
      channel: 'sms',
      template: 'call_us',
      segmentIds: [],
      intervalDays: 7,
      dailyLimit: 10,
    }),
  },
  'POST /api/v1/campaigns/:id/status': {
    url: () => '/api/v1/campaigns/00000000-0000-4000-8000-000000000000/status',
    payload: () => ({ status: 'paused' }),
  },
  'POST /api/v1/campaigns/:id/runs': {
    url: () => '/api/v1/campaigns/00000000-0000-4000-8000-000000000000/runs',
    payload: () => ({ preview: true }),
  },
  'GET /api/v1/message-templates': { url: () => '/api/v1/message-templates' },
  'GET /api/v1/message-templates/:template/:channel/:language': {
    url: () => '/api/v1/message-templates/call_us/email/it',
  },
  'PUT /api/v1/message-templates/:template/:channel/:language/draft': {
    url: () => '/api/v1/message-templates/call_us/email/it/draft',
    // An empty text: refused (422) for whoever may write, so the probes leave no draft behind.
    payload: () => ({ subject: 'x', body: ' ' }),
  },
  'DELETE /api/v1/message-templates/:template/:channel/:language/draft': {
    url: () => '/api/v1/message-templates/call_us/email/it/draft',
  },
  'POST /api/v1/message-templates/:template/:channel/:language/draft/submit': {
    url: () => '/api/v1/message-templates/call_us/email/it/draft/submit',
  },
  'POST /api/v1/message-templates/:template/:channel/:language/draft/return': {
    url: () => '/api/v1/message-templates/call_us/email/it/draft/return',
    payload: () => ({ comment: 'Probe' }),
  },
  'POST /api/v1/message-templates/:template/:channel/:language/draft/publish': {
    url: () => '/api/v1/message-templates/call_us/email/it/draft/publish',
    payload: () => ({ effectiveFrom: '2099-01-01T00:00:00Z', note: 'Probe' }),
  },
  'POST /api/v1/message-templates/preview': {
    url: () => '/api/v1/message-templates/preview',
    payload: () => ({
      template: 'call_us',
      channel: 'sms',
      language: 'fr',
      subject: null,
      body: '{{agencyName}} {{caseReference}} {{firstLetterReference}} STOP',
      sample: { kind: 'edge', edge: 'company' },
    }),
  },
  'GET /api/v1/unsubscribe/:token': { url: () => '/api/v1/unsubscribe/no-such-link-0000000000' },
  'POST /api/v1/unsubscribe/:token': { url: () => '/api/v1/unsubscribe/no-such-link-0000000000' },
  'POST /api/v1/inbound-mail': { url: () => '/api/v1/inbound-mail' },
  'GET /api/v1/print-runs': { url: () => '/api/v1/print-runs' },
  // Allowed roles get 409 or 201: a probe prepares no run unless the demo has letters to send (none at this day).
  'POST /api/v1/print-runs': { url: () => '/api/v1/print-runs' },
  // Allowed roles get 404: no such run.
  'GET /api/v1/print-runs/:id': { url: () => '/api/v1/print-runs/00000000-0000-4000-8000-000000000000' },
  'GET /api/v1/print-runs/:id/letters.pdf': {
    url: () => '/api/v1/print-runs/00000000-0000-4000-8000-000000000000/letters.pdf',
  },
  'GET /api/v1/print-runs/:id/manifest.csv': {
    url: () => '/api/v1/print-runs/00000000-0000-4000-8000-000000000000/manifest.csv',
  },
  'POST /api/v1/print-runs/:id/posting': {
    url: () => '/api/v1/print-runs/00000000-0000-4000-8000-000000000000/posting',
    payload: () => ({ postedOn: '2026-01-05' }),
  },
  'POST /api/v1/print-runs/:id/returns': {
    url: () => '/api/v1/print-runs/00000000-0000-4000-8000-000000000000/returns',
    payload: () => ({}),
  },
  // Allowed roles get 404: no such run.
  'POST /api/v1/print-runs/:id/resume': {
    url: () => '/api/v1/print-runs/00000000-0000-4000-8000-000000000000/resume',
  },
  'POST /api/v1/print-runs/:id/abandon': {
    url: () => '/api/v1/print-runs/00000000-0000-4000-8000-000000000000/abandon',
  },
  'GET /api/v1/sms-replies/unmatched': { url: () => '/api/v1/sms-replies/unmatched' },
  'GET /api/v1/print-run-letters': { url: () => '/api/v1/print-run-letters?q=LR-PROBE' },
  // Allowed roles get 200 with the letter reported unknown: nothing is marked.
  'POST /api/v1/print-run-letters/returned': {
    url: () => '/api/v1/print-run-letters/returned',
    payload: () => ({ letterReferences: ['LR-PROBE'], returnedOn: '2026-01-05' }),
  },
  // Allowed roles get 404: no such case.
  'POST /api/v1/cases/:id/returned-mail': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/returned-mail',
    payload: () => ({ addressId: '00000000-0000-4000-8000-000000000000', returnedOn: '2026-01-05' }),
  },
  // Allowed roles get 404: no such case (a probe reports no death on a case of the demo).
  'POST /api/v1/cases/:id/estate': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/estate',
    payload: () => ({ note: 'Probe of the permission matrix' }),
  },
  'POST /api/v1/cases/:id/estate/proof': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/estate/proof',
    payload: () => ({ diedOn: '2026-01-10', documentId: '00000000-0000-4000-8000-000000000000' }),
  },
  'POST /api/v1/cases/:id/estate/parties': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/estate/parties',
    payload: () => ({ role: 'notary', name: 'Probe' }),
  },
  'POST /api/v1/cases/:id/estate/parties/:partyId/option': {
    url: () =>
      '/api/v1/cases/00000000-0000-4000-8000-000000000000/estate/parties/00000000-0000-4000-8000-000000000000/option',
    payload: () => ({ option: 'accept' }),
  },
  'POST /api/v1/cases/:id/estate/claim': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/estate/claim',
    payload: () => ({}),
  },
  'GET /api/v1/judicial/procedures/queue': { url: () => '/api/v1/judicial/procedures/queue' },
  'GET /api/v1/cases/:id/judicial-procedure': { url: (ids) => `/api/v1/cases/${ids.caseId}/judicial-procedure` },
  // Allowed roles get 404: no such case.
  'POST /api/v1/cases/:id/judicial-procedure': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/judicial-procedure',
    payload: () => ({ route: 'injonction_de_payer' }),
  },
  'POST /api/v1/cases/:id/judicial-procedure/steps': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/judicial-procedure/steps',
    payload: () => ({ kind: 'requete_filed', occurredOn: '2026-01-10' }),
  },
  'POST /api/v1/cases/:id/judicial-procedure/costs': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/judicial-procedure/costs',
    payload: () => ({ kind: 'court_fee', amountCents: 100, incurredOn: '2026-01-10' }),
  },
  'POST /api/v1/cases/:id/judicial-procedure/partner-payments': {
    url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/judicial-procedure/partner-payments',
    payload: () => ({
      amountCents: 100,
      receivedOn: '2026-01-10',
      reference: 'Probe',
      paymentKey: '00000000-0000-4000-8000-000000000000',
    }),
  },
  'POST /api/v1/cases/:id/complaints': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/complaints`,
    payload: () => ({ channel: 'phone', subject: 'other', summary: 'Probe of the permission matrix' }),
  },
  'GET /api/v1/cases/:id/complaints': { url: (ids) => `/api/v1/cases/${ids.caseId}/complaints` },
  'GET /api/v1/complaints': { url: () => '/api/v1/complaints' },
  'GET /api/v1/complaints/export': { url: () => '/api/v1/complaints/export?format=csv' },
  // Allowed roles get 404: no such complaint.
  'GET /api/v1/complaints/:id': { url: () => '/api/v1/complaints/00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/complaints/:id/acknowledgement': {
    url: () => '/api/v1/complaints/00000000-0000-4000-8000-000000000000/acknowledgement',
  },
  'POST /api/v1/complaints/:id/answer': {
    url: () => '/api/v1/complaints/00000000-0000-4000-8000-000000000000/answer',
    payload: () => ({ outcome: 'upheld', answer: 'Probe', rootCause: 'process' }),
  },
  'POST /api/v1/complaints/:id/closure': {
    url: () => '/api/v1/complaints/00000000-0000-4000-8000-000000000000/closure',
    payload: () => ({}),
  },
  'GET /api/v1/judicial-partners': { url: () => '/api/v1/judicial-partners' },
  'POST /api/v1/judicial-partners': {
    url: () => '/api/v1/judicial-partners',
    payload: (_ids, role) => ({
      firmName: `Probe ${role}`,
      kind: 'lawyer',
      address: '1 rue de la Sonde, 69001 Lyon',
      channel: 'post',
      area: 'Lyon',
    }),
  },
  // Allowed roles get 404: no such partner, no such handoff file, no such case.
  'PUT /api/v1/judicial-partners/:id': {
    url: () => '/api/v1/judicial-partners/00000000-0000-4000-8000-000000000000',
    payload: () => ({ firmName: 'Probe', kind: 'lawyer', address: 'Lyon', channel: 'post', area: 'Lyon' }),
  },
  // A partner's keys; allowed roles get 404: no such partner, no such key, no such report.
  'GET /api/v1/judicial-partners/:id/keys': {
    url: () => '/api/v1/judicial-partners/00000000-0000-4000-8000-000000000000/keys',
  },
  'POST /api/v1/judicial-partners/:id/keys': {
    url: () => '/api/v1/judicial-partners/00000000-0000-4000-8000-000000000000/keys',
    payload: () => ({ label: 'Probe' }),
  },
  'POST /api/v1/judicial-partners/:id/keys/:keyId/revoke': {
    url: () =>
      '/api/v1/judicial-partners/00000000-0000-4000-8000-000000000000/keys/00000000-0000-4000-8000-000000000000/revoke',
  },
  'POST /api/v1/judicial/partner-reports/:id/apply': {
    url: () => '/api/v1/judicial/partner-reports/00000000-0000-4000-8000-000000000000/apply',
  },
  'POST /api/v1/judicial/partner-reports/:id/reject': {
    url: () => '/api/v1/judicial/partner-reports/00000000-0000-4000-8000-000000000000/reject',
    payload: () => ({ reason: 'Probe of the permission matrix' }),
  },
  'GET /api/v1/cases/:id/handoffs': { url: (ids) => `/api/v1/cases/${ids.caseId}/handoffs` },
  'POST /api/v1/cases/:id/handoffs': { url: () => '/api/v1/cases/00000000-0000-4000-8000-000000000000/handoffs' },
  'GET /api/v1/handoffs/:id/json': { url: () => '/api/v1/handoffs/00000000-0000-4000-8000-000000000000/json' },
  'GET /api/v1/handoffs/:id/pdf': { url: () => '/api/v1/handoffs/00000000-0000-4000-8000-000000000000/pdf' },
  'POST /api/v1/handoffs/:id/sending': {
    url: () => '/api/v1/handoffs/00000000-0000-4000-8000-000000000000/sending',
    payload: () => ({ partnerId: '00000000-0000-4000-8000-000000000000', sentOn: '2026-01-10' }),
  },
  'POST /api/v1/handoffs/:id/acknowledgement': {
    url: () => '/api/v1/handoffs/00000000-0000-4000-8000-000000000000/acknowledgement',
    payload: () => ({ acknowledgedOn: '2026-01-10' }),
  },
  'GET /api/v1/cases/:id/time-bars': { url: (ids) => `/api/v1/cases/${ids.caseId}/time-bars` },
  // Allowed roles get 404: no such claim on the case.
  'POST /api/v1/cases/:id/time-bar-interruptions': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/time-bar-interruptions`,
    payload: () => ({
      claimId: '00000000-0000-4000-8000-000000000000',
      kind: 'acknowledgement',
      occurredOn: '2020-01-01',
    }),
  },
  'GET /api/v1/time-bars/approaching': { url: () => '/api/v1/time-bars/approaching' },
  'GET /api/v1/debtor-matches': { url: () => '/api/v1/debtor-matches' },
  // Allowed roles get 404: no such match. Denied roles are refused before.
  'POST /api/v1/debtor-matches/:id/decision': {
    url: () => '/api/v1/debtor-matches/00000000-0000-4000-8000-000000000000/decision',
    payload: () => ({ decision: 'different_people' }),
  },
  'POST /api/v1/affordability/assessments': { url: () => '/api/v1/affordability/assessments', payload: () => BUDGET },
  'GET /api/v1/debtors/:id/assessments': { url: (ids) => `/api/v1/debtors/${ids.debtorId}/assessments` },
  'POST /api/v1/debtors/:id/assessments': {
    url: (ids) => `/api/v1/debtors/${ids.debtorId}/assessments`,
    payload: () => BUDGET,
  },
  'GET /api/v1/mediators': { url: () => '/api/v1/mediators' },
  'POST /api/v1/mediators': {
    url: () => '/api/v1/mediators',
    payload: () => ({ country: 'FR', name: 'Médiateur', address: 'Paris', validFrom: '2199-01-01' }),
  },
  'GET /api/v1/affordability/reference-data': { url: () => '/api/v1/affordability/reference-data' },
  'GET /api/v1/legal-figures': { url: () => '/api/v1/legal-figures' },
  // The second allowed role meets the first one's row of that day: a 409, which is not a refusal of access.
  'POST /api/v1/legal-figures/deadlines': {
    url: () => '/api/v1/legal-figures/deadlines',
    payload: () => ({
      procedure: 'judicial',
      deadline: 'seizure_follow_up',
      amount: 1,
      unit: 'months',
      movesToWorkingDay: false,
      tag: 'choice',
      source: 'probe',
      validFrom: '2190-01-01',
    }),
  },
  'POST /api/v1/legal-figures/fee-tables': {
    url: () => '/api/v1/legal-figures/fee-tables',
    payload: () => ({
      floorCents: 0,
      floorUptoCents: 0,
      capCents: 1,
      bands: [{ uptoCents: null, rateBp: 1 }],
      tag: 'check',
      source: 'probe',
      validFrom: '2190-01-01',
    }),
  },
  // Allowed roles write a year, a date and an allowance no other test reads.
  'PUT /api/v1/affordability/reference-data/seizure-scales/:year': {
    url: () => '/api/v1/affordability/reference-data/seizure-scales/2090',
    payload: () => ({
      brackets: [
        { upToCents: 100000, numerator: 1, denominator: 20 },
        { upToCents: null, numerator: 1, denominator: 1 },
      ],
      upliftPerDependantCents: 0,
      status: 'check',
      source: 'probe',
    }),
  },
  'PUT /api/v1/affordability/reference-data/rsa-amounts/:effectiveFrom': {
    url: () => '/api/v1/affordability/reference-data/rsa-amounts/2090-04-01',
    payload: () => ({
      singleCents: 1,
      coupleCents: 1,
      coupleOneChildCents: 1,
      coupleTwoChildrenCents: 1,
      furtherPersonCents: 1,
      status: 'check',
      source: 'probe',
    }),
  },
  'PUT /api/v1/affordability/reference-data/standard-allowances/:category/:effectiveFrom': {
    url: () => '/api/v1/affordability/reference-data/standard-allowances/other/2090-01-01',
    payload: () => ({ baseCents: 0, perExtraPersonCents: 0, status: 'placeholder', source: 'probe' }),
  },
  'PUT /api/v1/affordability/reference-data/living-floors/:effectiveFrom': {
    url: () => '/api/v1/affordability/reference-data/living-floors/2090-01-01',
    payload: () => ({ baseCents: 0, perExtraPersonCents: 0, status: 'placeholder', source: 'probe' }),
  }, // Plans: allowed roles get 201, 409 or 422 on the case (a budget was recorded by the probe above), 404 on no plan.
  'GET /api/v1/cases/:id/plan-proposals': { url: (ids) => `/api/v1/cases/${ids.caseId}/plan-proposals` },
  'GET /api/v1/cases/:id/plans': { url: (ids) => `/api/v1/cases/${ids.caseId}/plans` },
  'POST /api/v1/cases/:id/plans': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/plans`,
    payload: () => ({ kind: 'pay_in_full', firstDueOn: '2099-01-01' }),
  },
  'POST /api/v1/plans/:id/versions': {
    url: () => '/api/v1/plans/00000000-0000-4000-8000-000000000000/versions',
    payload: () => ({ kind: 'pay_in_full', firstDueOn: '2099-01-01', reason: 'Probe' }),
  },
  'POST /api/v1/plans/:id/cancellation': {
    url: () => '/api/v1/plans/00000000-0000-4000-8000-000000000000/cancellation',
    payload: () => ({ reason: 'Probe' }),
  },
  'POST /api/v1/plans/:id/instalments/:number/payment': {
    url: () => '/api/v1/plans/00000000-0000-4000-8000-000000000000/instalments/1/payment',
    payload: () => ({ paidOn: '2020-01-01', reference: 'probe' }),
  },
  'GET /api/v1/plans/:id/schedule.pdf': {
    url: () => '/api/v1/plans/00000000-0000-4000-8000-000000000000/schedule.pdf',
  },
  'GET /api/v1/plan-approvals': { url: () => '/api/v1/plan-approvals' },
  'POST /api/v1/plan-approvals/:id/decision': {
    url: () => '/api/v1/plan-approvals/00000000-0000-4000-8000-000000000000/decision',
    payload: () => ({ decision: 'refuse', reason: 'Probe' }),
  },
  'POST /api/v1/cases/:id/orientation': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/orientation`,
    payload: () => ({}),
  },
  'GET /api/v1/case-reviews': { url: () => '/api/v1/case-reviews' },
  'GET /api/v1/workspace': { url: () => '/api/v1/workspace' },
  'POST /api/v1/workspace/next-case': { url: () => '/api/v1/workspace/next-case' },
  'POST /api/v1/workspace/cases/:id/lease': { url: (ids) => `/api/v1/workspace/cases/${ids.caseId}/lease` },
  'POST /api/v1/workspace/cases/:id/release': { url: (ids) => `/api/v1/workspace/cases/${ids.caseId}/release` },
  'GET /api/v1/cases/:id/workspace': { url: (ids) => `/api/v1/cases/${ids.caseId}/workspace` },
  'POST /api/v1/cases/:id/calls': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/calls`,
    payload: () => ({ outcome: 'voicemail', result: 'promise', checklist: {} }),
  },
  'POST /api/v1/promises/:id/cancel': {
    url: () => '/api/v1/promises/00000000-0000-4000-8000-000000000000/cancel',
    payload: () => ({ reason: 'Probe' }),
  },
  'POST /api/v1/tasks/:id/done': {
    url: () => '/api/v1/tasks/00000000-0000-4000-8000-000000000000/done',
    payload: () => ({}),
  },
  'GET /api/v1/team-queues': { url: () => '/api/v1/team-queues' },
  'GET /api/v1/team-queues/export': { url: () => '/api/v1/team-queues/export?format=xlsx' },
  'PUT /api/v1/segment-controls/:segmentId': {
    url: () => '/api/v1/segment-controls/probe',
    payload: () => ({ paused: false, priorityBoost: 0, note: 'Probe' }),
  },
  'POST /api/v1/cases/:id/assignment': {
    url: (ids) => `/api/v1/cases/${ids.caseId}/assignment`,
    payload: () => ({ teamId: '00000000-0000-4000-8000-000000000000', userId: null, note: 'Probe' }),
  },
  'GET /api/v1/strategies': { url: () => '/api/v1/strategies' },
  'GET /api/v1/strategies/versions/:version': { url: () => '/api/v1/strategies/versions/1' },
  'POST /api/v1/strategies/previews': {
    url: () => '/api/v1/strategies/previews',
    payload: () => ({ document: { title: 'Probe', segments: [] } }),
  },
  'POST /api/v1/strategies/versions': {
    url: () => '/api/v1/strategies/versions',
    payload: () => ({ document: { title: 'Probe', segments: [] }, note: 'Probe' }),
  },
  'POST /api/v1/jobs/workspace-sweep/runs': { url: () => '/api/v1/jobs/workspace-sweep/runs' },
  'POST /api/v1/case-reviews/:id/closure': {
    url: () => '/api/v1/case-reviews/00000000-0000-4000-8000-000000000000/closure',
    payload: () => ({ outcome: 'Probe' }),
  },
  // The care unit: allowed roles get 404 on writes (no such debtor, record, hold or signal).
  'GET /api/v1/debtors/:id/vulnerabilities': { url: (ids) => `/api/v1/debtors/${ids.debtorId}/vulnerabilities` },
  'POST /api/v1/debtors/:id/vulnerabilities': {
    url: () => '/api/v1/debtors/00000000-0000-4000-8000-000000000000/vulnerabilities',
    payload: () => ({
      drivers: ['health'],
      note: 'Probe',
      legalBasis: 'legal_claims',
      consent: 'not_asked',
      reviewOn: '2099-01-01',
    }),
  },
  'POST /api/v1/vulnerabilities/:id/reviews': {
    url: () => '/api/v1/vulnerabilities/00000000-0000-4000-8000-000000000000/reviews',
    payload: () => ({ outcome: 'ended', note: 'Probe' }),
  },
  'POST /api/v1/vulnerabilities/:id/end': {
    url: () => '/api/v1/vulnerabilities/00000000-0000-4000-8000-000000000000/end',
    payload: () => ({ reason: 'Probe' }),
  },
  'POST /api/v1/debtors/:id/breathing-spaces': {
    url: () => '/api/v1/debtors/00000000-0000-4000-8000-000000000000/breathing-spaces',
    payload: () => ({ reason: 'Probe' }),
  },
  'POST /api/v1/breathing-spaces/:id/renewal': {
    url: () => '/api/v1/breathing-spaces/00000000-0000-4000-8000-000000000000/renewal',
    payload: () => ({ reason: 'Probe' }),
  },
  'POST /api/v1/vulnerability-signals/:id/dismissal': {
    url: () => '/api/v1/vulnerability-signals/00000000-0000-4000-8000-000000000000/dismissal',
    payload: () => ({ note: 'Probe' }),
  },
  'GET /api/v1/care/queue': { url: () => '/api/v1/care/queue' },
  'GET /api/v1/training': { url: () => '/api/v1/training' },
  'GET /api/v1/training/team': { url: () => '/api/v1/training/team' },
  'GET /api/v1/training/modules/:moduleId': { url: () => '/api/v1/training/modules/contact-policy' },
  'POST /api/v1/training/modules/:moduleId/attempts': { url: () => '/api/v1/training/modules/contact-policy/attempts' },
  'GET /api/v1/training/attempts/:id': {
    url: () => '/api/v1/training/attempts/00000000-0000-4000-8000-000000000000',
  },
  'POST /api/v1/training/attempts/:id/answers': {
    url: () => '/api/v1/training/attempts/00000000-0000-4000-8000-000000000000/answers',
    payload: () => ({ answers: {} }),
  },
  'GET /api/v1/satisfaction/figures': { url: () => '/api/v1/satisfaction/figures' },
  'GET /api/v1/satisfaction/comments': { url: () => '/api/v1/satisfaction/comments' },
  'GET /api/v1/satisfaction/settings': { url: () => '/api/v1/satisfaction/settings' },
  'PUT /api/v1/satisfaction/settings': {
    url: () => '/api/v1/satisfaction/settings',
    payload: () => ({
      invitationGapDays: 30,
      interactionWindowDays: 3,
      tokenValidDays: 14,
      minimumAnswers: 5,
      askRecommendation: true,
      source: 'Permission probe: the defaults again',
    }),
  },
  // Public: an unknown link answers 404 to everyone, signed in or not.
  'GET /api/v1/satisfaction/survey/:token': { url: () => `/api/v1/satisfaction/survey/${'p'.repeat(32)}` },
  'POST /api/v1/satisfaction/survey/:token': {
    url: () => `/api/v1/satisfaction/survey/${'p'.repeat(32)}`,
    payload: () => ({ score: 4 }),
  },
  'GET /api/v1/quality/grids': { url: () => '/api/v1/quality/grids' },
  // Bodies the schema refuses: a role allowed answers 400, one refused 403 before the body is read.
  'POST /api/v1/quality/grids': { url: () => '/api/v1/quality/grids', payload: () => ({}) },
  'GET /api/v1/quality/sample': { url: () => '/api/v1/quality/sample' },
  'GET /api/v1/quality/trends': { url: () => '/api/v1/quality/trends' },
  'POST /api/v1/quality/reviews': { url: () => '/api/v1/quality/reviews', payload: () => ({}) },
  'GET /api/v1/quality/reviews/:id': { url: () => '/api/v1/quality/reviews/00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/quality/reviews/:id/acknowledge': {
    url: () => '/api/v1/quality/reviews/00000000-0000-4000-8000-000000000000/acknowledge',
  },
  'POST /api/v1/quality/coaching': { url: () => '/api/v1/quality/coaching', payload: () => ({}) },
  'POST /api/v1/quality/coaching/:id/acknowledge': {
    url: () => '/api/v1/quality/coaching/00000000-0000-4000-8000-000000000000/acknowledge',
  },
  'GET /api/v1/quality/mine': { url: () => '/api/v1/quality/mine' },
  // Another team's agent is refused with 403 quality.not_your_team: an id that is no id answers 400 instead.
  'GET /api/v1/quality/agents/:id': { url: () => '/api/v1/quality/agents/not-an-id' },
};

const BUDGET = {
  date: '2026-05-01',
  household: { adults: 2, children: 2, dependants: 3 },
  resources: [{ type: 'salary', amountCents: 220000 }],
  expenses: [{ category: 'housing', amountCents: 70000 }],
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
    const aCase = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('creditor_id', '=', creditorId)
      .executeTakeFirstOrThrow();
    const target = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('judicial_specialist'))
      .executeTakeFirstOrThrow();
    ids = { caseId: aCase.id, debtorId: aCase.debtor_id, creditorId, userId: target.id };
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
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: probe.url(ids),
        payload: probe.payload?.(ids, 'agent') as object,
      });
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

  it.each(ROLES)('enforces the permissions a parameter adds for %s', async (role) => {
    const team = await t.deps.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
    for (const probe of PARAMETER_PROBES) {
      const response = await as(t.app, sessions.get(role)!)('GET', probe.url(team.id));
      const label = `${role} ${probe.url(team.id)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
      const missing = probe.needs.find((permission) => !can(role, permission));
      if (missing === undefined) expect(response.statusCode, label).toBe(200);
      else expect(response.json(), label).toMatchObject({ code: 'auth.forbidden', permission: missing });
    }
  });
});

/** Routes whose parameter asks for one more permission than the route: every permission named, in order. */
const PARAMETER_PROBES: { url: (teamId: string) => string; needs: Permission[] }[] = [
  // The conduct report for one team: the teams report's readers only.
  { url: (teamId) => `/api/v1/reports/conduct?teamId=${teamId}`, needs: ['reports.portfolio', 'reports.teams'] },
  {
    url: (teamId) => `/api/v1/reports/conduct/export?format=csv&teamId=${teamId}`,
    needs: ['reports.portfolio', 'reports.teams'],
  },
];
