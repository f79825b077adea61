import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('champion and challenger', () => {
  it('a manager reads the default strategy’s test drawn and tabled, with its recommendation, and records a decision', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/reports/portfolio`);
      await waitForPage(page);
      const section = page.locator('section[aria-labelledby="champion-challenger-heading"]');
      await section.getByRole('heading', { name: 'Champion et challenger' }).waitFor();
      const segment = section.locator('section.comparison').filter({ hasText: 'Nouveaux dossiers, montants élevés' });
      await segment.waitFor();
      // The two bars drawn, named for screen readers; the table beside them with both arms' sample sizes.
      await segment.locator('.comparison-chart[role="img"] svg').waitFor();
      expect(await segment.locator('.comparison-chart').getAttribute('aria-label')).toMatch(
        /Encaissé moyen par dossier, .*champion .*€.*challenger .*€/,
      );
      const table = segment.locator('table');
      expect(await table.locator('caption').textContent()).toContain('Nouveaux dossiers, montants élevés');
      const cases = table.locator('tbody tr').first();
      expect(await cases.locator('th').textContent()).toBe('Dossiers');
      const [champion, challenger] = await cases.locator('td').allTextContents();
      expect(Number(champion!.replace(/\D/g, ''))).toBeGreaterThan(0);
      expect(Number(challenger!.replace(/\D/g, ''))).toBeGreaterThan(0);
      expect(await table.locator('tbody tr').nth(1).textContent()).toContain('t de Welch');
      expect(await segment.locator('dl.recommendation dd').textContent()).toMatch(
        /Garder le champion|Promouvoir le challenger|Poursuivre le test/,
      );
      await expectNoAxeViolations(page, 'portfolio performance, champion and challenger');
      await screenshot(page, 'champion-challenger', { fullPage: true });

      // The manager keeps the test running, with a reason: recorded and shown.
      await segment.getByLabel('Poursuivre le test').check();
      await segment.getByLabel('Motif').fill('Trop tôt pour conclure : on attend trois mois de plus.');
      await segment.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await section.getByRole('status').filter({ hasText: 'Décision enregistrée.' }).waitFor();
      await expect
        .poll(async () => (await section.textContent()) ?? '')
        .toContain('Dernière décision : Poursuivre le test');
      await expectNoAxeViolations(page, 'champion and challenger, decision recorded');
    } finally {
      await context.close();
    }
  });

  it('a creditor reads its own cases’ comparison, with no decision to take', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/reports/portfolio`);
      await waitForPage(page);
      const section = page.locator('section[aria-labelledby="champion-challenger-heading"]');
      await section.getByRole('heading', { name: 'Champion et challenger' }).waitFor();
      await section.locator('section.comparison').first().waitFor();
      expect(await section.getByRole('button', { name: 'Enregistrer la décision' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'champion and challenger, creditor');
    } finally {
      await context.close();
    }
  });
});
