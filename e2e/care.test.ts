import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { debtorName } from '../src/debtors/core/debtor-name.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';
import { widerThanWindow } from './support/layout.js';

const fixture = useAccordAndBrowser();

/** The page on a phone: nothing wider than the window, then back to a laptop's width. */
async function fitsOnPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await widerThanWindow(page);
  expect(wide.scrollWidth, `${name} scrolls sideways at 390 px: ${wide.culprits.join(', ')}`).toBeLessThanOrEqual(
    wide.width,
  );
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('the care specialist’s day', () => {
  it('records a vulnerability from the case page, finds it in the care queue, opens the case and reviews it', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const target = await db
      .selectFrom('cases as c')
      .innerJoin('creditors as k', 'k.id', 'c.creditor_id')
      .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
      .select(['c.id', 'c.reference', 'd.kind', 'd.first_name', 'd.last_name', 'd.company_name'])
      .where('k.code', '=', 'BHORIZON')
      .where('c.status', '=', 'open')
      .where('c.stage', '=', 'amicable')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'c.debtor_id'))),
      )
      .orderBy('c.reference')
      .offset(5)
      .executeTakeFirstOrThrow();
    const name = debtorName(target);

    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'care@demo.accord.test', DEMO_PASSWORD);

      // The person first: the care panel comes before the case's summary, and says nothing is recorded yet.
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const panel = page.getByRole('region', { name: 'Accompagnement' });
      await expect.poll(() => panel.getByText('Aucune fragilité n’est enregistrée pour ce débiteur.').count()).toBe(1);
      const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
      expect(headings.indexOf('Accompagnement')).toBeLessThan(headings.indexOf('Synthèse'));
      expect(headings).toContain('Budget');

      await panel.locator('summary', { hasText: 'Enregistrer une fragilité' }).click();
      await panel.getByLabel('Événement de vie').check();
      await panel
        .getByLabel('Comment adapter le contact')
        .fill('Contact écrit uniquement, la personne est hospitalisée.');
      await panel.getByLabel('Contact écrit uniquement (courrier, e-mail)').check();
      await panel.getByLabel('Un tiers de confiance doit être présent').check();
      await expectNoAxeViolations(page, '/cases/:id record form (care specialist)');
      await panel.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(() => panel.getByText(/^Seulement par : /).count()).toBe(1);
      await expect.poll(() => panel.getByText('Un tiers de confiance doit être présent').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/cases/:id care panel (care specialist)');
      await screenshot(page, 'care-case-1366');
      await fitsOnPhone(page, 'care-case');

      // The queue: the new record waits for the team's first contact.
      await page.goto(`${base}/care`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Accompagnement' }).count()).toBe(1);
      const row = page.getByRole('row').filter({ hasText: name });
      await expect.poll(() => row.filter({ hasText: 'Nouvelle fragilité' }).count()).toBe(1);
      await page.getByLabel('Afficher').selectOption('review_due');
      await expect.poll(() => row.count()).toBe(0);
      await page.getByLabel('Afficher').selectOption('new_record');
      await expect.poll(() => row.count()).toBe(1);
      await expectNoAxeViolations(page, '/care (care specialist)');
      await fitsOnPhone(page, 'care-queue');

      // From the queue to the case, and a review that keeps the record with a new date.
      await row.getByRole('link', { name }).click();
      await waitForPage(page);
      const opened = page.getByRole('region', { name: 'Accompagnement' });
      await opened.locator('summary', { hasText: 'Revoir la fragilité' }).click();
      await opened.getByLabel('Décision').selectOption('kept');
      await opened.getByLabel('Note de revue').fill('Point avec la personne : toujours hospitalisée.');
      await opened.getByRole('button', { name: 'Enregistrer la revue' }).click();
      await expect.poll(() => opened.getByText('Revue enregistrée.').count()).toBe(1);
      const reviews = await db
        .selectFrom('vulnerability_reviews as r')
        .innerJoin('vulnerabilities as v', 'v.id', 'r.vulnerability_id')
        .innerJoin('cases as c', 'c.debtor_id', 'v.debtor_id')
        .select('r.outcome')
        .where('c.id', '=', target.id)
        .execute();
      expect(reviews).toEqual([{ outcome: 'kept' }]);
      await expectNoAxeViolations(page, '/cases/:id after a review (care specialist)');
    } finally {
      await context.close();
    }

    // A team leader who does not hold the case reads that a care rule applies, and the details once they say why.
    const leaderContext = await newContext(fixture.browser);
    try {
      const page = await leaderContext.newPage();
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const panel = page.getByRole('region', { name: 'Accompagnement' });
      await expect.poll(() => panel.getByText(/^Une règle de soin s’applique/).count()).toBe(1);
      expect(await panel.getByText('Contact écrit uniquement, la personne est hospitalisée.').count()).toBe(0);
      await panel.locator('summary', { hasText: 'Lire les détails en indiquant pourquoi' }).click();
      await panel.getByLabel('Pourquoi vous en avez besoin').fill('Revue mensuelle des dossiers de l’équipe');
      await panel.getByRole('button', { name: 'Lire les détails' }).click();
      await expect
        .poll(() => panel.getByText('Contact écrit uniquement, la personne est hospitalisée.').count())
        .toBe(1);
      await expectNoAxeViolations(page, '/cases/:id care panel (team leader, by reason)');
    } finally {
      await leaderContext.close();
    }
  });
});
