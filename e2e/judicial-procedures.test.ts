import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** The page at a laptop's and a phone's size: it never scrolls sideways. */
async function fitsBothScreens(page: Page, name: string) {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}`);
    // What the reader sees first, without scrolling.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `${name}-${size.width}-first-screen`, { fullPage: false });
    const sideways = await page.evaluate(() => {
      const root = document.scrollingElement!;
      return root.scrollWidth > root.clientWidth;
    });
    expect(sideways, `${name} at ${size.width}`).toBe(false);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('the judicial procedure', () => {
  it('the judicial specialist finds the queue, opens a procedure, records a step and a cost; no call script; the creditor sees the state', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const target = await db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select(['cases.id', 'cases.reference'])
      .where('creditors.code', '=', 'BHORIZON')
      .where('cases.status', '=', 'open')
      .where('cases.stage', '=', 'amicable')
      .orderBy('cases.reference')
      .offset(5)
      .executeTakeFirstOrThrow();
    // The review's escalation moves a case to the judicial stage; the fixture puts this one there.
    await db.updateTable('cases').set({ stage: 'judicial' }).where('id', '=', target.id).execute();

    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'judicial@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: 'File judiciaire' }).click();
      await page.waitForURL(`${base}/judicial/procedures`);
      await waitForPage(page);
      const queue = page.getByRole('table', { name: 'Dossiers au pôle judiciaire par prochaine échéance' });
      await expect.poll(() => queue.getByRole('link', { name: target.reference }).count()).toBe(1);
      // The cases without a procedure come first, to open; the demo's procedures follow by their next deadline.
      await expect.poll(() => queue.getByText('À ouvrir').count()).toBeGreaterThan(0);
      await expect.poll(() => queue.getByText('Ordonnance signifiée (délai d’opposition)').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/judicial/procedures');
      await fitsBothScreens(page, 'judicial-queue');

      await queue.getByRole('link', { name: target.reference }).click();
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Procédure judiciaire' });
      await expect
        .poll(() => section.getByText('Aucune procédure judiciaire n’est ouverte sur ce dossier.').count())
        .toBe(1);
      // At the judicial stage the specialist works the procedure: no amicable call script on the page, the procedure
      // above the case's summary, and what comes next in the key facts is the procedure's.
      expect(await page.locator('#call-heading').count()).toBe(0);
      expect(
        await page.evaluate(() => {
          const procedure = document.querySelector('#procedure-heading')!;
          return Boolean(procedure.compareDocumentPosition(document.querySelector('#summary-heading')!) & 4);
        }),
      ).toBe(true);
      await expect.poll(() => page.getByTestId('key-next').textContent()).toBe('Ouvrir la procédure');
      await section.getByLabel('Voie').selectOption('injonction_de_payer');
      await section.getByRole('button', { name: 'Ouvrir la procédure' }).click();
      await expect.poll(() => section.getByText('Requête à déposer', { exact: true }).count()).toBe(1);
      await expect.poll(() => section.getByTestId('procedure-next').textContent()).toContain('Déposer la requête');
      await expect.poll(() => page.getByTestId('key-next').textContent()).toContain('Déposer la requête');

      await section.getByLabel('Étape', { exact: true }).selectOption('requete_filed');
      await section.getByRole('button', { name: 'Enregistrer l’étape' }).click();
      await expect.poll(() => section.getByText('Requête déposée', { exact: true }).count()).toBe(1);
      await expect
        .poll(() => section.getByRole('table', { name: 'Étapes de la procédure' }).getByRole('row').count())
        .toBe(3);
      // The step is a line of the case's timeline, of its own kind, said in the reader's language.
      const timeline = page.getByRole('region', { name: 'Chronologie' });
      const stepLine = timeline
        .getByRole('listitem')
        .filter({ hasText: 'Procédure judiciaire : Requête en injonction de payer déposée le' });
      await expect.poll(() => stepLine.count()).toBe(1);
      expect(await stepLine.locator('.timeline-kind').textContent()).toBe('Procédure judiciaire');
      expect(await stepLine.textContent()).toContain('(source : Agence) ; état : Requête déposée');
      await expect
        .poll(() => timeline.getByText('Procédure judiciaire ouverte : Injonction de payer (CPC 1405)').count())
        .toBe(1);

      await section.getByLabel('Nature', { exact: true }).selectOption('amicable_collection_fee');
      expect(await section.getByLabel('À la charge de').locator('option').allTextContents()).toEqual(['Créancier']);
      await section.getByLabel('Nature', { exact: true }).selectOption('court_fee');
      await section.getByLabel('Montant (€)').first().fill('35,00');
      await section.getByRole('button', { name: 'Enregistrer le frais' }).click();
      await expect
        .poll(() => section.getByRole('table', { name: 'Frais de la procédure' }).getByText('CPC 695 (dépens)').count())
        .toBe(1);
      // The debtor's cost is in the balance: the line names the claim it was added to.
      await expect
        .poll(() =>
          section
            .getByRole('table', { name: 'Frais de la procédure' })
            .getByText('ajouté au solde de la créance', { exact: false })
            .count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page, '/cases/:id judicial procedure');
      await fitsBothScreens(page, 'judicial-procedure');
    } finally {
      await context.close();
    }

    const creditorContext = await newContext(fixture.browser);
    try {
      const page = await creditorContext.newPage();
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Procédure judiciaire' });
      await expect.poll(() => section.getByText('Requête déposée', { exact: true }).count()).toBe(1);
      expect(await section.getByRole('table', { name: 'Frais de la procédure' }).count()).toBe(0);
      expect(await section.getByRole('button').count()).toBe(0);
      // The procedure's acts stay with the agency: not on the creditor's timeline either.
      const timeline = page.getByRole('region', { name: 'Chronologie' });
      await expect.poll(() => timeline.getByRole('listitem').count()).toBeGreaterThan(0);
      expect(await timeline.getByText('Procédure judiciaire').count()).toBe(0);
      await expectNoAxeViolations(page, '/cases/:id judicial procedure (creditor)');
    } finally {
      await creditorContext.close();
    }
  });
});
