import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECOND_MANAGER } from '../src/demo/administration.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** A page's own API call, with its session cookie and CSRF token, as a crafted request would be. */
async function postAsPage(page: Page, path: string) {
  const base = fixture.server.url;
  const me = (await (await page.request.get(`${base}/api/v1/me`)).json()) as { csrfToken: string };
  const response = await page.request.post(`${base}${path}`, { headers: { 'x-csrf-token': me.csrfToken }, data: {} });
  return { status: response.status(), body: (await response.json()) as { code?: string } };
}

/** The page at both sizes people use: a laptop and a phone. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, `${name}-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('four-eyes on money out', () => {
  it('a remittance prepared by one manager is refused to them and released by another, then its transfer can be taken', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const prepared = await db
      .selectFrom('remittances as r')
      .innerJoin('users as u', 'u.id', 'r.prepared_by')
      .select(['r.id', 'r.number', 'u.email'])
      .where('r.status', '=', 'prepared')
      // One that pays something out: a bought portfolio's remittance has no transfer to take.
      .where('r.net_cents', '>', 0)
      .executeTakeFirstOrThrow();
    expect(prepared.email).not.toBe(SECOND_MANAGER.email);

    const preparerContext = await newContext(fixture.browser);
    const releaserContext = await newContext(fixture.browser);
    try {
      const preparer = await preparerContext.newPage();
      await signInWithKeyboard(preparer, base, prepared.email, DEMO_PASSWORD);
      await preparer.goto(`${base}/remittances/${prepared.id}`);
      await waitForPage(preparer);
      await preparer.getByText('Vous avez préparé ce reversement').waitFor();
      expect(await preparer.getByTestId('remittance-status').first().textContent()).toBe('À libérer');
      expect(await preparer.getByRole('button', { name: 'Libérer le reversement' }).count()).toBe(0);
      expect(await preparer.getByRole('link', { name: /pain\.001/ }).count()).toBe(0);
      // The server refuses the preparer even when the button is not there to click.
      expect(await postAsPage(preparer, `/api/v1/remittances/${prepared.id}/release`)).toEqual({
        status: 409,
        body: expect.objectContaining({ code: 'remittances.own_preparation' }),
      });
      await expectNoAxeViolations(preparer, '/remittances/:id (preparer)');
      await screenshots(preparer, 'remittance-waiting-release');

      const releaser = await releaserContext.newPage();
      await signInWithKeyboard(releaser, base, SECOND_MANAGER.email, DEMO_PASSWORD);
      await releaser.goto(`${base}/payments`);
      await waitForPage(releaser);
      await releaser.getByRole('link', { name: prepared.number }).click();
      await waitForPage(releaser);
      await releaser.getByRole('button', { name: 'Libérer le reversement' }).click();
      await releaser.getByTestId('remittance-status').filter({ hasText: 'Libéré' }).waitFor();
      await releaser.getByRole('link', { name: /pain\.001/ }).waitFor();
      await releaser.locator('#main').getByText(SECOND_MANAGER.displayName).waitFor();
      await expectNoAxeViolations(releaser, '/remittances/:id (released)');
      await screenshots(releaser, 'remittance-released');

      const row = await db
        .selectFrom('remittances')
        .select(['status', 'released_by', 'transaction_id'])
        .where('id', '=', prepared.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('released');
      const actions = await db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', prepared.id)
        .orderBy('seq')
        .execute();
      expect(actions.map((a) => a.action)).toEqual(['remittance.prepared', 'remittance.released']);
    } finally {
      await preparerContext.close();
      await releaserContext.close();
    }
  });
});

const NEW_PASSWORD = 'Lanterne-verte-sur-le-quai-47';
const demoUser = (role: string) => DEMO_USERS.find((user) => user.role === role)!;

describe('user administration', () => {
  it('an administrator moves a user to another team, asks a raise and a password reset; a compliance officer approves; the user chooses a new password at sign-in', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const agent = demoUser('agent');
    const adminContext = await newContext(fixture.browser);
    const complianceContext = await newContext(fixture.browser);
    const agentContext = await newContext(fixture.browser);
    try {
      const admin = await adminContext.newPage();
      await signInWithKeyboard(admin, base, demoUser('administrator').email, DEMO_PASSWORD);
      await admin.goto(`${base}/users`);
      await waitForPage(admin);
      await admin.getByRole('link', { name: agent.displayName }).click();
      await admin.waitForURL(/\/users\/[0-9a-f-]{36}$/);
      await waitForPage(admin);
      await expectNoAxeViolations(admin, '/users/:id');
      await screenshots(admin, 'user-administration');

      // The team changes at once, audited with the administrator as actor.
      await admin
        .getByRole('combobox', { name: 'Équipe', exact: true })
        .selectOption({ label: 'Surendettement — Pôle contentieux' });
      await admin.getByRole('button', { name: 'Changer d’équipe' }).click();
      await admin.getByText('Surendettement (Pôle contentieux)').waitFor();
      const moved = await db
        .selectFrom('users as u')
        .innerJoin('teams as t', 't.id', 'u.team_id')
        .select(['u.id', 't.name'])
        .where('u.email', '=', agent.email)
        .executeTakeFirstOrThrow();
      expect(moved.name).toBe('Surendettement');

      // A raise waits for a second person; the reset ends the agent's sessions and waits too.
      await admin.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption({ label: 'Chef d’équipe' });
      await admin.getByRole('button', { name: 'Changer le rôle' }).click();
      await admin.getByText('En attente d’approbation').first().waitFor();
      await admin.getByRole('button', { name: `Réinitialiser le mot de passe de ${agent.displayName}` }).click();
      await admin.getByText('Réinitialisation en attente d’approbation').waitFor();
      const before = await db.selectFrom('users').select('role').where('id', '=', moved.id).executeTakeFirstOrThrow();
      expect(before.role).toBe('agent');

      const compliance = await complianceContext.newPage();
      await signInWithKeyboard(compliance, base, demoUser('compliance_officer').email, DEMO_PASSWORD);
      await compliance.goto(`${base}/users`);
      await waitForPage(compliance);
      const approve = compliance.getByRole('button', { name: `Approuver l’accès de ${agent.displayName}` });
      await approve.first().waitFor();
      await expectNoAxeViolations(compliance, '/users (approvals)');
      await approve.first().click();
      await compliance.getByText(`L’accès de ${agent.displayName} est approuvé.`).waitFor();
      await approve.first().click();
      await expect.poll(() => approve.count(), { timeout: 60_000 }).toBe(0);

      // The agent signs in with the current password and must choose a new one, which nobody else ever saw.
      const page = await agentContext.newPage();
      await page.goto(`${base}/login`);
      await page.getByLabel('Adresse e-mail').fill(agent.email);
      await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByLabel('Nouveau mot de passe', { exact: true }).waitFor();
      await expectNoAxeViolations(page, '/login (new password)');
      await screenshots(page, 'login-new-password');
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirmez le nouveau mot de passe').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
      await page.waitForURL(`${base}/`);
      await waitForPage(page);
      const after = await db
        .selectFrom('users')
        .select(['role', 'password_change_required'])
        .where('id', '=', moved.id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual({ role: 'team_leader', password_change_required: false });
      const actions = await db
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id'])
        .where('target_id', '=', moved.id)
        .where('action', 'in', [
          'user.updated',
          'user_access.requested',
          'user_access.approved',
          'user.password_set_at_sign_in',
        ])
        .orderBy('seq')
        .execute();
      expect(actions.map((a) => a.action).sort()).toEqual([
        'user.password_set_at_sign_in',
        'user.updated',
        'user.updated',
        'user_access.approved',
        'user_access.approved',
        'user_access.requested',
        'user_access.requested',
      ]);

      // Teams: a new team in a pole, listed with it.
      await admin.goto(`${base}/teams`);
      await waitForPage(admin);
      await admin.getByLabel('Nom de l’équipe').fill('Amiable Marseille');
      await admin.getByRole('combobox', { name: 'Pôle', exact: true }).selectOption({ label: 'Pôle amiable' });
      await admin.getByRole('button', { name: 'Créer l’équipe' }).click();
      await admin.getByRole('textbox', { name: 'Nouveau nom de Amiable Marseille' }).waitFor();
      await expectNoAxeViolations(admin, '/teams');
      await screenshots(admin, 'teams');
    } finally {
      await adminContext.close();
      await complianceContext.close();
      await agentContext.close();
    }
  });
});
