import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();
const NEW_PASSWORD = 'Copper-lantern-meadow-58';

describe('a forgotten password', () => {
  it('is asked from the sign-in page, says what happens next whatever the address, and waits for an approver', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/login`);
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.waitForURL(`${base}/password-forgotten`);
      // The title is set once the page has rendered, a moment after the address changes.
      await waitForPage(page);
      await page.waitForFunction(() => document.title === 'Mot de passe oublié – Accord');
      await page.getByLabel('Adresse e-mail').fill('care@demo.accord.test');
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirmez le nouveau mot de passe').fill(NEW_PASSWORD);
      await expectNoAxeViolations(page, '/password-forgotten');
      await screenshot(page, 'password-forgotten');
      await page.getByRole('button', { name: 'Envoyer la demande' }).click();
      await page.getByText('Demande reçue.').waitFor();
      const answer = await page.locator('main [role="status"]').textContent();
      expect(answer).toContain('un responsable ou un agent de conformité vous contactera');
      expect(answer).toContain('votre mot de passe actuel reste valable');
      await expectNoAxeViolations(page, '/password-forgotten sent');
      await screenshot(page, 'password-forgotten-sent');

      const care = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'care@demo.accord.test')
        .executeTakeFirstOrThrow();
      const request = await db
        .selectFrom('user_access_requests')
        .select(['status', 'requested_by'])
        .where('user_id', '=', care.id)
        .where('kind', '=', 'password_reset')
        .executeTakeFirstOrThrow();
      expect(request).toEqual({ status: 'pending', requested_by: care.id });

      // An address with no account: the same words, and nothing opened.
      const before = await db.selectFrom('user_access_requests').select('id').execute();
      await page.goto(`${base}/password-forgotten`);
      await page.getByLabel('Adresse e-mail').fill('nobody.here@demo.accord.test');
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirmez le nouveau mot de passe').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Envoyer la demande' }).click();
      await page.getByText('Demande reçue.').waitFor();
      expect(await page.locator('main [role="status"]').textContent()).toBe(answer);
      expect((await db.selectFrom('user_access_requests').select('id').execute()).length).toBe(before.length);
    } finally {
      await context.close();
    }

    // The compliance officer finds it in the bell and on the users page.
    const approver = await newContext(fixture.browser);
    const officer = await approver.newPage();
    try {
      await signInWithKeyboard(officer, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      const bell = officer.getByRole('button', { name: /^Notifications : \d+ éléments? en attente$/ });
      await bell.click();
      await officer
        .locator('.bell-panel')
        .getByRole('link')
        .filter({ hasText: 'Réinitialisation de mot de passe à approuver' })
        .first()
        .waitFor();
      await expectNoAxeViolations(officer, 'the bell with a forgotten password');
    } finally {
      await approver.close();
    }
  });
});
