import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { escalationFactsOf } from '../src/judicial/review-facts.js';
import { agencyToday } from '../src/platform/calendar/today.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** Nothing sticks out sideways on a phone: the page is as wide as the window. */
async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390x844`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, `${name} at 390×844`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, `${name}-1366x768`);
}

describe('the review before the judicial stage', () => {
  it('the judicial specialist reads the queue, narrows it to the escalable cases and to a reason, reads a review with its facts, sees a time-barred case blocked, escalates a clear one; each page passes axe', async () => {
    const base = fixture.server.url;
    const deps = fixture.server.deps;
    const today = agencyToday(deps.now(), deps.config);
    // The demo's waiting reviews: one nothing blocks, one blocked by a time bar.
    const waiting = await deps.db
      .selectFrom('judicial_reviews as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select(['r.id', 'r.case_id', 'c.reference'])
      .where('r.status', '=', 'waiting')
      .execute();
    const facts = await escalationFactsOf(
      deps.db,
      waiting.map((r) => r.case_id),
      today,
    );
    const clear = waiting.find((r) => facts.get(r.case_id)?.blocks.length === 0)!;
    const barred = waiting.find((r) => facts.get(r.case_id)?.blocks.includes('time_barred'))!;
    expect(clear).toBeDefined();
    expect(barred).toBeDefined();

    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'judicial@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Revues judiciaires' }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Revues avant la phase judiciaire' }).count()).toBe(1);
      await expect
        .poll(() => page.getByRole('table', { name: 'Dossiers à revoir, par date d’échéance' }).count())
        .toBe(1);
      await expectNoAxeViolations(page, '/judicial-reviews');
      await fitsPhone(page, 'judicial-review-queue');

      // The cases a person may escalate now: the filter is kept in the address, every row is clear.
      const counts = page.getByRole('region', { name: 'Dossiers de la file par état' });
      await expect.poll(() => counts.getByRole('link', { name: /dossiers? bloqués?$/ }).count()).toBe(1);
      await page.getByLabel('Dossiers affichés').selectOption('none');
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await page.waitForURL(`${base}/judicial-reviews?blocked=none`);
      const table = page.getByRole('table', { name: 'Dossiers à revoir, par date d’échéance' });
      await expect.poll(() => table.getByRole('link', { name: clear.reference }).count()).toBe(1);
      const clearRows = await table.locator('tbody tr').allTextContents();
      expect(clearRows.length).toBeGreaterThan(0);
      for (const row of clearRows) expect(row).toContain('Aucun blocage');
      await expectNoAxeViolations(page, '/judicial-reviews?blocked=none');
      // A reason's count leads to its cases; reloaded, the page keeps the filter.
      await counts.getByRole('link', { name: /^Créance prescrite : / }).click();
      await page.waitForURL(`${base}/judicial-reviews?blocked=time_barred`);
      await page.reload();
      await waitForPage(page);
      expect(await page.getByLabel('Dossiers affichés').inputValue()).toBe('time_barred');
      await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
      for (const row of await table.locator('tbody tr').allTextContents()) expect(row).toContain('Créance prescrite');
      await expectNoAxeViolations(page, '/judicial-reviews?blocked=time_barred');
      await fitsPhone(page, 'judicial-review-queue-time-barred');

      // A time-barred case: the block is named and escalation is not offered.
      await page.goto(`${base}/judicial-reviews/${barred.id}`);
      await waitForPage(page);
      await expect
        .poll(() => page.getByRole('heading', { name: `Revue du dossier ${barred.reference}` }).count())
        .toBe(1);
      const checks = page.getByRole('region', { name: 'Ce qui empêche le passage en phase judiciaire' });
      await expect.poll(() => checks.getByText('Créance prescrite').count()).toBe(1);
      const barredOptions = await page.getByLabel('Décision', { exact: true }).locator('option').allTextContents();
      expect(barredOptions).not.toContain('Passer en phase judiciaire');
      await expectNoAxeViolations(page, '/judicial-reviews/:id (time-barred)');

      // A clear case: every fact, then the escalation by the proposed route.
      await page.goto(`${base}/judicial-reviews/${clear.id}`);
      await waitForPage(page);
      await expect.poll(() => page.getByText('Rien n’empêche le passage en phase judiciaire.').count()).toBe(1);
      for (const heading of [
        'Montant et frais',
        'Voie proposée',
        'Prescription',
        'Contestations',
        'Vulnérabilité',
        'Historique des contacts',
        'Budget et capacité',
        'Solutions proposées',
        'Paiements',
      ])
        expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
      await expect.poll(() => page.getByText(/Version 1 du .* \(annulé\)/).count()).toBe(1);
      await expectNoAxeViolations(page, '/judicial-reviews/:id');
      await fitsPhone(page, 'judicial-review');
      await page.getByLabel('Décision', { exact: true }).selectOption('escalate');
      await expect.poll(() => page.getByLabel('Voie choisie').count()).toBe(1);
      await page
        .getByLabel('Motif', { exact: true })
        .fill('Plan abandonné, aucune réponse depuis cinq mois : procédure simplifiée.');
      await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
      const decided = page.getByRole('region', { name: 'Décision' });
      await expect.poll(() => decided.getByText(/Passer en phase judiciaire le/).count()).toBe(1);
      await expect.poll(() => decided.getByText(/rien n’est déposé avant le/).count()).toBe(1);
      await expectNoAxeViolations(page, '/judicial-reviews/:id (decided)');
      await screenshot(page, 'judicial-review-decided-1366x768');
    } finally {
      await context.close();
    }
    const kase = await deps.db
      .selectFrom('cases')
      .select('stage')
      .where('id', '=', clear.case_id)
      .executeTakeFirstOrThrow();
    expect(kase.stage).toBe('judicial');
  });
});
