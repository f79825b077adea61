import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import {
  axeViolations,
  describeViolations,
  navigationLabels,
  newContext,
  screenshot,
  signInWithKeyboard,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('user administration', () => {
  it('the administrator creates a user, who can then sign in', async () => {
    const base = fixture.server.url;
    const admin = await newContext(fixture.browser);
    const page = await admin.newPage();
    try {
      await signInWithKeyboard(page, base, 'admin@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Utilisateurs' }).click();
      await page.waitForURL(`${base}/users`);
      await waitForPage(page);

      // Too short a password is refused before anything is sent.
      await page.getByLabel('Adresse e-mail', { exact: true }).fill('lea.petit@demo.accord.test');
      await page.getByLabel('Nom affiché').fill('Léa Petit');
      await page.getByLabel('Rôle', { exact: true }).selectOption('care_specialist');
      await page.getByLabel('Mot de passe initial').fill('court');
      await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
      expect(await page.locator('#new-user-password-error').textContent()).toContain('12 caractères');

      // A creditor user needs a creditor: the field appears with the role.
      await page.getByLabel('Rôle', { exact: true }).selectOption('creditor_user');
      await page.getByLabel('Créancier rattaché').waitFor();
      await page.getByLabel('Rôle', { exact: true }).selectOption('care_specialist');

      await page.getByLabel('Mot de passe initial').fill('une-phrase-de-passe-sure');
      await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
      const created = page.getByRole('status').filter({ hasText: 'est créé' });
      await created.waitFor();
      expect(await created.textContent()).toContain('Léa Petit (lea.petit@demo.accord.test)');
      const newRow = page
        .getByRole('table', { name: 'Utilisateurs d’Accord' })
        .locator('tbody tr', { hasText: 'lea.petit@demo.accord.test' });
      await newRow.waitFor();
      expect(await newRow.textContent()).toContain('Spécialiste accompagnement');
      // A care specialist reads case data: the account waits for a second person, listed without buttons here.
      expect(await newRow.textContent()).toContain('En attente d’approbation');
      const request = page
        .locator('section', { has: page.getByRole('heading', { name: 'Demandes d’accès aux dossiers' }) })
        .locator('tbody tr', { hasText: 'Léa Petit' });
      await request.waitFor();
      expect(await request.getByRole('button').count()).toBe(0);

      // The same email twice: the server's conflict is shown.
      await page.getByLabel('Adresse e-mail', { exact: true }).fill('lea.petit@demo.accord.test');
      await page.getByLabel('Nom affiché').fill('Léa Petit');
      await page.getByLabel('Mot de passe initial').fill('une-autre-phrase-sure');
      await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
      const conflict = page.getByRole('alert').filter({ hasText: 'Création impossible' });
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('Un utilisateur existe déjà avec cette adresse e-mail.');

      const violations = await axeViolations(page);
      const report = describeViolations('/users', violations);
      if (violations.length > 0) console.log(report);
      expect(violations, report).toEqual([]);
      await screenshot(page, 'users');
    } finally {
      await admin.close();
    }

    // A manager approves the access; until then the newcomer cannot sign in.
    const managerContext = await newContext(fixture.browser);
    const manager = await managerContext.newPage();
    try {
      await signInWithKeyboard(manager, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await manager.goto(`${base}/users`);
      await waitForPage(manager);
      await manager.getByRole('button', { name: 'Approuver l’accès de Léa Petit' }).click();
      await manager.getByRole('status').filter({ hasText: 'L’accès de Léa Petit est approuvé.' }).waitFor();
      const violations = await axeViolations(manager);
      const report = describeViolations('/users (manager)', violations);
      expect(violations, report).toEqual([]);
    } finally {
      await managerContext.close();
    }

    const newcomer = await newContext(fixture.browser);
    const newPage = await newcomer.newPage();
    try {
      await signInWithKeyboard(newPage, base, 'lea.petit@demo.accord.test', 'une-phrase-de-passe-sure');
      expect(await newPage.locator('header').textContent()).toContain('Léa Petit');
      expect(await newPage.locator('header').textContent()).toContain('Spécialiste accompagnement');
      expect(await navigationLabels(newPage)).toEqual([
        'Accueil',
        'Mon poste',
        'Dossiers',
        'Dossiers à revoir',
        'Contestations',
        'Accompagnement',
        'Politique de contact',
        'Créanciers',
        'Formation',
        'Qualité des appels',
      ]);
    } finally {
      await newcomer.close();
    }
  });

  it('the administrator deactivates and reactivates a user', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'admin@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/users`);
      await waitForPage(page);
      await page.getByRole('button', { name: 'Désactiver Julien Roux' }).click();
      await page.getByRole('status').filter({ hasText: 'Julien Roux est désactivé' }).waitFor();
      await page.getByRole('button', { name: 'Réactiver Julien Roux' }).click();
      await page.getByRole('status').filter({ hasText: 'Julien Roux est réactivé' }).waitFor();
      // The administrator cannot deactivate themself: no button is offered.
      expect(await page.getByRole('button', { name: 'Désactiver Marc Administrateur' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
