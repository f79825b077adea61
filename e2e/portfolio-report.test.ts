import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadDemoPlacement } from '../src/demo/placement.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { refreshPerformance } from '../src/reporting/refresh-performance.js';
import { join } from 'node:path';
import {
  expectNoAxeViolations,
  newContext,
  screenshot,
  SCREENSHOT_DIR,
  signInWithKeyboard,
  TAKING_SCREENSHOTS,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('portfolio performance', () => {
  it('a manager reads every creditor’s recovery rate, narrows to one, reads its curves drawn and tabled, and exports them', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: 'Performance du portefeuille' }).click();
      await page.waitForURL(`${base}/reports/portfolio`);
      await waitForPage(page);
      expect(await page.title()).toBe('Performance du portefeuille – Accord');

      // One row per creditor of the demo, each with a rate; a chart and a table per creditor.
      const summary = page.locator('table').first();
      const creditors = await summary.locator('tbody th[scope="row"]').allTextContents();
      expect(creditors.length).toBeGreaterThanOrEqual(3);
      for (const row of await summary.locator('tbody tr').allTextContents()) expect(row).toMatch(/\d+,\d{2}\s%/);
      // The chart library arrives with the first chart: wait for every drawing.
      await expect.poll(() => page.locator('.chart[role="img"] svg').count()).toBe(creditors.length);
      expect(await page.locator('.chart[role="img"]').first().getAttribute('aria-label')).toContain(
        'Courbes de liquidation de',
      );
      await expectNoAxeViolations(page, 'portfolio performance');
      await screenshot(page, 'portfolio-performance', { fullPage: true });

      // Narrow to one creditor: one curve set, the filter kept in the address.
      const chosen = creditors[0]!;
      await page.getByLabel('Créancier').selectOption({ label: chosen });
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(/creditorId=/);
      // The new figures replace the old ones when they arrive: one creditor's chart, drawn.
      await expect.poll(() => page.locator('.chart[role="img"]').count()).toBe(1);
      await page.locator('.chart[role="img"] svg').waitFor();
      const table = page.locator('table.curve-table');
      expect(await table.locator('caption').textContent()).toContain(chosen);
      // The vintages, then the whole portfolio's line; M+0 is the first month column.
      expect(await table.locator('thead th').nth(2).textContent()).toBe('M+0');
      expect(await table.locator('tbody tr').last().locator('th').textContent()).toBe('Ensemble');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter la performance du portefeuille en CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^portfolio-performance-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = (await readFile(await download.path())).toString('utf8');
      const lines = text.slice(1).split('\r\n').filter(Boolean);
      expect(lines[0]).toContain('Millésime');
      expect(lines.slice(1).every((line) => line.startsWith(chosen))).toBe(true);

      // Then to one of its mandates: the creditor's mandates to choose from, the choice kept in the address.
      const mandate = page.getByLabel('Mandat');
      await expect.poll(() => mandate.locator('option').count()).toBeGreaterThan(1);
      await mandate.selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(/mandateId=/);
      await page.locator('.chart[role="img"] svg').waitFor();
      expect(await table.locator('caption').textContent()).toContain(chosen);
      await expectNoAxeViolations(page, 'portfolio performance of one mandate');
    } finally {
      await context.close();
    }
  });

  it('a manager reads the portfolio outcomes, each drawn with its table, on a wide screen and a phone, and exports them', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${base}/reports/portfolio`);
      await waitForPage(page);
      const section = page.locator('section[aria-labelledby="outcomes-heading"]');
      await section.getByRole('heading', { name: 'Résultats du portefeuille' }).waitFor();
      // Seven figures, each an image with its description and a table beside it; the drawings arrive with the library.
      await expect.poll(() => section.locator('.outcome-chart[role="img"]:has(svg)').count()).toBe(7);
      expect(await section.locator('.outcome-chart[role="img"]').first().getAttribute('aria-label')).toContain(
        'le tableau à côté donne les mêmes chiffres',
      );
      // The demo's year of calls, first payments and stages shows: some month with calls, some vintage that paid.
      const byMonth = section.locator('table', {
        has: page.locator('caption', { hasText: 'Contacts avec le débiteur, par mois' }),
      });
      const attempts = (await byMonth.locator('tbody tr td:nth-of-type(1)').allTextContents()).map((cell) =>
        Number(cell.replace(/\s/g, '')),
      );
      expect(attempts.some((count) => count > 0)).toBe(true);
      const firstPayment = section.locator('table', { has: page.locator('caption', { hasText: 'premier paiement' }) });
      expect(await firstPayment.locator('tbody').textContent()).toMatch(/\d/);
      expect(await section.textContent()).toContain('Frais de recouvrement facturés aux débiteurs par l’agence : 0,00');
      await expectNoAxeViolations(page, 'portfolio outcomes');
      if (TAKING_SCREENSHOTS)
        await section.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-outcomes-1366x768.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter les résultats du portefeuille en CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^portfolio-outcomes-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = (await readFile(await download.path())).toString('utf8').slice(1).split('\r\n').filter(Boolean);
      expect(lines[0]).toContain('Indicateur');
      expect(lines.some((line) => line.startsWith('stages;;amicable;'))).toBe(true);

      // On a phone the figures stack and nothing scrolls sideways (wide tables scroll in their own box).
      await page.setViewportSize({ width: 390, height: 844 });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
        .toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, 'portfolio outcomes, phone');
      if (TAKING_SCREENSHOTS)
        await section.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-outcomes-390x844.png') });
    } finally {
      await context.close();
    }
  });

  it('a creditor reads its own portfolio only, with no creditor to choose', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/reports/portfolio`);
      await waitForPage(page);
      expect(await page.getByLabel('Créancier').count()).toBe(0);
      expect(await page.locator('table').first().locator('tbody tr').allTextContents()).toHaveLength(1);
      expect(await page.locator('main').textContent()).toContain('Banque Horizon');
      expect(await page.locator('main').textContent()).not.toContain('Énergie Rhône');
      // Every drawing in place (the outcomes' charts arrive with the library), so that the page is checked as shown.
      await expect.poll(() => page.locator('.outcome-chart[role="img"]:has(svg)').count()).toBe(7);
      await expectNoAxeViolations(page, 'portfolio performance, creditor');
    } finally {
      await context.close();
    }
  });

  // Last: it adds Banque Horizon's example placement to this file's demo.
  it('a creditor narrows the page to one of its placements, named by its date and file, and exports it', async () => {
    const { deps, url: base } = fixture.server;
    await loadDemoPlacement(deps);
    await refreshPerformance(deps);
    const placed = await deps.db
      .selectFrom('vintage_placed as v')
      .innerJoin('placements as p', 'p.id', 'v.placement_id')
      .select(({ fn }) => fn.sum<number>('v.cases').as('cases'))
      .where('p.source_file_name', '=', 'placement-example.csv')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/reports/portfolio`);
      await waitForPage(page);
      const select = page.getByLabel('Remise');
      await expect.poll(() => select.locator('option').count()).toBe(2);
      const label = (await select.locator('option').nth(1).textContent())!;
      expect(label).toContain('placement-example.csv');
      await select.selectOption({ label });
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(/placementId=/);
      const summary = page.locator('table').first();
      await expect.poll(() => summary.locator('tbody tr td').first().textContent()).toBe(String(Number(placed.cases)));
      await page.locator('.chart[role="img"] svg').first().waitFor();
      expect(await page.locator('main').textContent()).toContain('ne se lit pas par remise');
      await expectNoAxeViolations(page, 'portfolio performance of one placement');
      await screenshot(page, 'portfolio-placement-1366x768', { fullPage: false });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter la performance du portefeuille en CSV' }).click(),
      ]);
      const lines = (await readFile(await download.path())).toString('utf8').slice(1).split('\r\n').filter(Boolean);
      const cases = new Set(lines.slice(1).map((line) => line.split(';')[2]));
      expect(cases).toEqual(new Set([String(Number(placed.cases))]));

      await page.setViewportSize({ width: 390, height: 844 });
      await waitForPage(page);
      await expectNoAxeViolations(page, 'portfolio performance of one placement, phone');
      await screenshot(page, 'portfolio-placement-390x844', { fullPage: false });
    } finally {
      await context.close();
    }
  });
});
