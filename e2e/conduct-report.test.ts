import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('responsible collection', () => {
  it('a manager reads the months beside the money, the contacts against the caps drawn and tabled, and exports them', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: 'Pratiques responsables' }).click();
      await page.waitForURL(`${base}/reports/conduct`);
      await waitForPage(page);
      expect(await page.title()).toBe('Pratiques responsables – Accord');

      // Twelve months, each with its money; the demo's year has contacts, refusals and complaints.
      const months = page.locator('section[aria-labelledby="conduct-months"] tbody tr');
      expect(await months.count()).toBe(12);
      expect(await months.first().locator('td').first().textContent()).toMatch(/€/);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('Aucune semaine au-delà du plafond.');
      expect(main).toMatch(/Tentatives refusées : [1-9]/);
      expect(main).toMatch(/Réclamations reçues : [1-9]/);
      // Both drawings arrive with the chart library, each an image with its words; the cap is named in the table.
      await expect.poll(() => page.locator('.chart[role="img"] svg').count()).toBe(2);
      expect(await page.locator('.chart[role="img"]').first().getAttribute('aria-label')).toContain('plafond 10');
      await page.getByLabel('Canal affiché').selectOption({ label: 'Téléphone' });
      await expect
        .poll(() => page.locator('.chart[role="img"]').first().getAttribute('aria-label'))
        .toContain('plafond 7');
      expect(await page.getByRole('rowheader', { name: '7 (plafond)' }).count()).toBe(1);
      await expectNoAxeViolations(page, 'responsible collection');
      await screenshot(page, 'conduct-report-1366x768', { fullPage: false });
      await screenshot(page, 'conduct-report-1366x768-full');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter les chiffres des pratiques responsables en CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^responsible-collection-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = (await readFile(await download.path())).toString('utf8');
      expect(text).toContain('Refus de la politique');
      expect(text).toContain('Réclamations');

      await page.setViewportSize({ width: 390, height: 844 });
      await waitForPage(page);
      await expectNoAxeViolations(page, 'responsible collection, phone');
      await screenshot(page, 'conduct-report-390x844', { fullPage: false });
      await screenshot(page, 'conduct-report-390x844-full');
    } finally {
      await context.close();
    }
  });

  it('a creditor reads its own portfolio only, with no creditor to choose, and its mandates', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: 'Pratiques responsables' }).click();
      await page.waitForURL(`${base}/reports/conduct`);
      await waitForPage(page);
      expect(await page.getByLabel('Créancier').count()).toBe(0);
      expect(await page.getByLabel('Mandat').locator('option').count()).toBeGreaterThan(1);
      await expect.poll(() => page.locator('.chart[role="img"] svg').count()).toBe(2);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).not.toContain('Énergie Rhône');
      expect(main).not.toMatch(/vulnerab/i);
      // No team to choose and no table by team: the teams are the agency's.
      expect(await page.getByLabel('Équipe', { exact: true }).count()).toBe(0);
      expect(await page.locator('section[aria-labelledby="conduct-teams"]').count()).toBe(0);
      await expectNoAxeViolations(page, 'responsible collection, creditor');
      await screenshot(page, 'conduct-report-creditor', { fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('a manager compares the teams against the caps, then narrows the page to one team; a team leader sees their own', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/reports/conduct`);
      await waitForPage(page);
      const teams = page.locator('section[aria-labelledby="conduct-teams"]');
      const rows = teams.locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(1);
      // Above a cap: every team's column reads 0.
      const overCap = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[4]?.textContent));
      expect(overCap.every((cell) => cell === '0')).toBe(true);
      await page.getByLabel('Équipe', { exact: true }).selectOption({ label: 'Amiable Lyon' });
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(/teamId=/);
      await expect.poll(() => page.locator('main').textContent()).toContain('Chiffres de l’équipe Amiable Lyon');
      await waitForPage(page);
      expect(await rows.count()).toBe(1);
      expect(await rows.first().locator('th').textContent()).toBe('Amiable Lyon');
      await expectNoAxeViolations(page, 'responsible collection, one team');
      await teams.scrollIntoViewIfNeeded();
      await screenshot(page, 'conduct-report-team-1366x768', { fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });
      await waitForPage(page);
      await expectNoAxeViolations(page, 'responsible collection, one team, phone');
      await teams.scrollIntoViewIfNeeded();
      await screenshot(page, 'conduct-report-team-390x844', { fullPage: false });
    } finally {
      await context.close();
    }
    const leaderContext = await newContext(fixture.browser);
    const leaderPage = await leaderContext.newPage();
    try {
      await signInWithKeyboard(leaderPage, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await leaderPage.goto(`${base}/reports/conduct`);
      await waitForPage(leaderPage);
      await expect.poll(() => leaderPage.locator('main').textContent()).toContain('Chiffres de l’équipe');
      expect(await leaderPage.getByLabel('Équipe', { exact: true }).count()).toBe(0);
      expect(await leaderPage.locator('section[aria-labelledby="conduct-teams"] tbody tr').count()).toBe(1);
      await expectNoAxeViolations(leaderPage, 'responsible collection, team leader');
    } finally {
      await leaderContext.close();
    }
  });
});
