import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('a call in progress', () => {
  it('keeps its checklist when the agent opens the budget and comes back, and after a reload, until abandoned or signed out', async () => {
    const base = fixture.server.url;
    const aCase = await fixture.server.deps.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'open')
      .where('stage', '=', 'amicable')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${aCase.id}`);
      await waitForPage(page);
      const call = page.locator('section', { has: page.getByRole('heading', { name: 'Conversation guidée' }) });
      await call.getByLabel('Confirmer l’identité').check();
      await call.getByLabel('Écouter').check();
      await call.getByLabel('Promesse de paiement').check();
      await call.getByLabel('Montant promis (€)').fill('45,50');
      await call.getByLabel('Note (facultative)').fill('Préfère être appelée le matin');

      // Mid-call, the budget; then back to the case: the call is as it was left, note included.
      await page.getByRole('link', { name: 'Évaluer le budget et la capacité de remboursement' }).click();
      await page.waitForURL(`${base}/cases/${aCase.id}/budget`);
      await waitForPage(page);
      await page.goBack();
      await waitForPage(page);
      expect(await call.getByLabel('Confirmer l’identité').isChecked()).toBe(true);
      expect(await call.getByLabel('Écouter').isChecked()).toBe(true);
      expect(await call.getByLabel('J’ai parlé au débiteur (identité confirmée)').isChecked()).toBe(true);
      expect(await call.getByLabel('Promesse de paiement').isChecked()).toBe(true);
      expect(await call.getByLabel('Montant promis (€)').inputValue()).toBe('45,50');
      expect(await call.getByLabel('Note (facultative)').inputValue()).toBe('Préfère être appelée le matin');
      await call.locator('.call-resumed').waitFor();
      await expectNoAxeViolations(page, '/cases/:id (call resumed)');

      // A reload keeps the checklist and the promise; the free text never went to the browser's storage.
      const stored = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
      expect(stored).toContain('45,50');
      expect(stored).not.toContain('matin');
      await page.reload();
      await waitForPage(page);
      expect(await call.getByLabel('Écouter').isChecked()).toBe(true);
      expect(await call.getByLabel('Promesse de paiement').isChecked()).toBe(true);
      expect(await call.getByLabel('Montant promis (€)').inputValue()).toBe('45,50');
      expect(await call.getByLabel('Note (facultative)').inputValue()).toBe('');

      // Abandoned: the form starts afresh, and a reload does not bring the call back.
      await call.getByRole('button', { name: 'Abandonner l’appel' }).click();
      expect(await call.getByLabel('Confirmer l’identité').isChecked()).toBe(false);
      await page.reload();
      await waitForPage(page);
      expect(await call.getByLabel('Confirmer l’identité').isChecked()).toBe(false);
      expect(await call.locator('.call-resumed').count()).toBe(0);

      // Signing out forgets a call left in progress.
      await call.getByLabel('Confirmer l’identité').check();
      expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL(/\/login/);
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('speaks Italian to an Italian reader: the script, the outcomes, what the policy says and what was recorded', async () => {
    const base = fixture.server.url;
    const aCase = await fixture.server.deps.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'open')
      .where('stage', '=', 'amicable')
      .orderBy('reference', 'desc')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Italiano' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'it');
      await page.goto(`${base}/cases/${aCase.id}`);
      await waitForPage(page);
      const call = page.locator('section', { has: page.getByRole('heading', { name: 'Conversazione guidata' }) });
      await call.getByLabel('Confermare l’identità').check();
      await call.getByLabel('Ascoltare').check();
      await call.getByLabel('Ho parlato con il debitore (identità confermata)').check();
      await call.getByLabel('Solo informazione').check();
      const standing = page.locator('section.standing');
      expect(await standing.textContent()).not.toMatch(/Solde|Dossier|échéance|Balance/);
      const words = (await call.textContent()) ?? '';
      expect(words).not.toMatch(/Confirmer l’identité|Écouter|Conversation guidée|Confirm identity/);
      await expectNoAxeViolations(page, '/cases/:id call guide in Italian');
      await page.setViewportSize({ width: 1366, height: 768 });
      await screenshot(page, 'call-guide-it');

      // Recorded or refused by the contact policy (whichever the demo's history allows now), it is said in Italian.
      await call.getByRole('button', { name: 'Registra la chiamata' }).click();
      const answer = call.locator('.call-recorded, .refusal');
      await answer.waitFor();
      const said = (await answer.textContent()) ?? '';
      expect(said).toMatch(/^(Chiamata registrata: Ho parlato con il debitore|La politica di contatto rifiuta)/);
      expect(said).not.toMatch(/Appel enregistré|La politique de contact|Prochain contact possible|Next allowed/);
      expect(await answer.locator('[lang]').count()).toBe(0);
      await expectNoAxeViolations(page, '/cases/:id call answered in Italian');
      await page.getByRole('button', { name: 'Français' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
    } finally {
      await context.close();
    }
  });
});
