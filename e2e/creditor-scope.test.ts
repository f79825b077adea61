import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { newContext, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the creditor user of Banque Horizon', () => {
  it('sees only Banque Horizon cases and creditors, and another creditor’s case is not found', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    try {
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      expect(await page.locator('.creditor-cards h3').allTextContents()).toEqual(['Banque Horizon']);

      await page.getByRole('link', { name: 'Créanciers' }).click();
      await page.waitForURL(`${base}/creditors`);
      await waitForPage(page);
      expect(await page.locator('tbody th').allTextContents()).toEqual(['Banque Horizon']);

      await page.getByRole('link', { name: 'Dossiers' }).click();
      await page.waitForURL(`${base}/cases`);
      await waitForPage(page);
      const creditorColumn = await page.locator('tbody tr td:nth-child(3)').allTextContents();
      expect(creditorColumn.length).toBeGreaterThan(0);
      expect(new Set(creditorColumn)).toEqual(new Set(['Banque Horizon']));
      const creditorOptions = await page.locator('#case-creditor option').allTextContents();
      expect(creditorOptions).toEqual(['Tous les créanciers', 'Banque Horizon']);

      // A case of Énergie Rhône, opened by its address: the server says 404 and the page says so.
      const foreign = await fixture.server.deps.db
        .selectFrom('cases')
        .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
        .select('cases.id')
        .where('creditors.code', '=', 'ENERHONE')
        .executeTakeFirstOrThrow();
      await page.goto(`${base}/cases/${foreign.id}`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Introuvable');
      expect(await alert.textContent()).toContain('Ce dossier n’existe pas, ou vous n’avez pas le droit de le voir.');

      // A page outside the role says so instead of calling the API.
      await page.goto(`${base}/users`);
      await page.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
