import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import {
  expectNoAxeViolations,
  newContext,
  screenshot,
  signInWithKeyboard,
  tabTo,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** Spaces of every kind as plain spaces, so amounts formatted by Intl compare as typed. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('household budget', () => {
  it('an agent fills a budget by keyboard, reads the capacity and why, and saves it as a version', async () => {
    const base = fixture.server.url;
    const aCase = await fixture.server.deps.db
      .selectFrom('cases')
      .select(['id', 'reference', 'debtor_id'])
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
      await page.getByRole('link', { name: 'Évaluer le budget et la capacité de remboursement' }).click();
      await page.waitForURL(`${base}/cases/${aCase.id}/budget`);
      await waitForPage(page);
      expect(await page.title()).toMatch(/^Budget du foyer : .+ – Accord$/);
      expect(await page.getByText('Aucun budget enregistré pour ce débiteur.').count()).toBe(1);

      // The worked example of REGULATION.md §2, typed with the keyboard.
      await tabTo(page, '#budget-date');
      await page.getByLabel('Date de l’évaluation').fill('2026-05-01');
      // The date field's own segments take Tab presses: move on with Tab until the next field.
      for (const [id, value] of [
        ['budget-adults', '2'],
        ['budget-children', '2'],
        ['budget-dependants', '3'],
      ] as const) {
        await tabTo(page, `#${id}`);
        await page.keyboard.press('Control+A');
        await page.keyboard.type(value);
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('budget-dependants');
      await page.getByLabel('Type de la ressource 1').selectOption('salary');
      await page.getByLabel('Montant mensuel de la ressource 1, en euros').fill('2200');
      await page.getByLabel('Catégorie de la dépense 1').selectOption('housing');
      await page.getByLabel('Montant mensuel de la dépense 1, en euros').fill('700');
      await page.getByRole('button', { name: 'Ajouter une dépense' }).click();
      await page.getByLabel('Catégorie de la dépense 2').selectOption({ label: 'Alimentation et entretien' });
      await page.getByLabel('Montant mensuel de la dépense 2, en euros').fill('1300,00');
      await page.getByLabel('Montant mensuel de la dépense 2, en euros').press('Enter');

      const result = page.locator('section[aria-labelledby="result-heading"]');
      await page.getByTestId('capacity').waitFor();
      expect(plain(await page.getByTestId('capacity').textContent())).toBe('200,00 € par mois');
      const text = plain(await result.textContent());
      expect(text).toContain('Limite qui s’applique : les ressources moins les dépenses.');
      expect(text).toContain('Quotité saisissable : sur 26 400,00 € par an, avec le barème 2026');
      expect(text).toContain('soit 344,85 € par mois');
      // Each step's source in words, never a file name or a tag.
      expect(text).toContain('Source : Code du travail, art. R3252-2, R3252-3');
      expect(text).not.toContain('REGULATION');
      expect(text).not.toMatch(/\[(CHECK|CHOICE)\]/);
      // What the household keeps after its expenses, then after the repayment, and a plain word below the floor.
      expect(text).toContain('Reste après les dépenses200,00 €');
      expect(text).toContain('Reste après les dépenses et le remboursement0,00 €');
      expect(text).toContain('Attention : avec un remboursement de 200,00 € par mois, le foyer ne garde que 0,00 €');
      expect(await result.locator('.budget-trace li').count()).toBe(9); // the last two: left after the expenses, then after the repayment
      await expectNoAxeViolations(page, '/cases/:id/budget computed');
      await screenshot(page, 'budget-computed');

      // An invalid amount is named, and nothing is sent.
      await page.getByLabel('Montant mensuel de la dépense 2, en euros').fill('douze');
      await page.getByRole('button', { name: 'Calculer la capacité' }).click();
      await page.getByText('Montant 2 à corriger : un montant en euros, par exemple 1250,50.').waitFor();
      await expectNoAxeViolations(page, '/cases/:id/budget invalid');

      // Expenses of 1,500: the seizable share binds; saved as version 1.
      await page.getByLabel('Montant mensuel de la dépense 2, en euros').fill('800');
      await page.getByRole('button', { name: 'Enregistrer comme nouvelle version' }).click();
      await page.getByText('Version 1 enregistrée.').waitFor();
      expect(plain(await page.getByTestId('capacity').textContent())).toBe('344,00 € par mois');
      const versions = page.locator('section[aria-labelledby="versions-heading"]');
      await versions.locator('tbody tr').first().waitFor();
      expect(plain(await versions.locator('tbody tr').first().textContent())).toMatch(
        /^101\/05\/2026344,00 €Camille Martin/,
      );
      const saved = await fixture.server.deps.db
        .selectFrom('debtor_assessments')
        .selectAll()
        .where('debtor_id', '=', aCase.debtor_id)
        .execute();
      expect(saved.map((s) => [s.version, s.capacity_cents, s.binding_constraint])).toEqual([
        [1, 34400, 'seizable_share'],
      ]);
      await expectNoAxeViolations(page, '/cases/:id/budget saved');
      await screenshot(page, 'budget-saved');

      // The same explanation in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('The computation, step by step').waitFor();
      expect(plain(await result.textContent())).toContain('that is €344.85 a month');
    } finally {
      await context.close();
    }
  });
});
