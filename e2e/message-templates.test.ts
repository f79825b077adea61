import { describe, expect, it } from 'vitest';
import { shippedText } from '../src/communications/core/message-templates.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();
const EDITOR = '/templates/reminder/sms/fr';

describe('message templates', () => {
  it('compliance writes an SMS template with its live checks and preview, a manager publishes it; axe on each page', async () => {
    const base = fixture.server.url;
    const shipped = shippedText({ template: 'reminder', channel: 'sms', language: 'fr' }).body;
    const polite = shipped.replace('merci de nous contacter', 'merci de bien vouloir nous contacter');
    const kase = await fixture.server.deps.db
      .selectFrom('cases')
      .select(['reference', 'first_letter_reference'])
      .where('first_letter_sent_on', 'is not', null)
      .orderBy('reference')
      .executeTakeFirstOrThrow();

    const writer = await newContext(fixture.browser);
    try {
      const page = await writer.newPage();
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: /^Modèles de messages$/ }).click();
      await page.waitForURL(`${base}/templates`);
      await waitForPage(page);
      // The header and eight templates in three languages (the reminder by post among them).
      await expect.poll(() => page.getByRole('row').count()).toBe(25);
      await expectNoAxeViolations(page, '/templates (compliance)');

      await page
        .getByRole('row', { name: /Relance : merci de nous contacter — SMS Français/ })
        .getByRole('link')
        .click();
      await page.waitForURL(`${base}${EDITOR}`);
      await waitForPage(page);
      const body = page.getByLabel('Texte', { exact: true });
      await expect.poll(() => body.inputValue()).toBe(shipped);

      // The checks follow the typing: STOP taken out, a word that tells of the debt put in.
      await body.fill(shipped.replace('STOP', 'stop').replace('votre dossier', 'votre dette, dossier'));
      const stopMention = page.getByRole('listitem').filter({ hasText: 'Le mot STOP pour ne plus recevoir de SMS' });
      await expect.poll(() => stopMention.textContent()).toContain('manquante');
      await expect
        .poll(() => page.getByRole('listitem').filter({ hasText: 'un mot qui dit la dette' }).count())
        .toBe(1);
      await expectNoAxeViolations(page, `${EDITOR} with findings (compliance)`);

      await body.fill(polite);
      await expect.poll(() => page.getByText('Aucune erreur : ce texte peut être soumis.').count()).toBe(1);
      // The preview on an edge case, then on a real case of the demo.
      const preview = page.locator('.message-preview');
      await expect.poll(() => preview.textContent()).toContain('C-2026-104871');
      await page.getByLabel('Aperçu sur').selectOption('case');
      await page.getByLabel('Référence du dossier').fill(kase.reference);
      await expect.poll(() => preview.textContent()).toContain(kase.first_letter_reference!);
      await expect.poll(() => preview.textContent()).toContain('bien vouloir');
      // The change against the text in force, word by word.
      await expect.poll(() => page.locator('.diff-text ins').allTextContents()).toContain('bien vouloir ');

      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Brouillon enregistré.' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Soumettre à relecture' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Brouillon soumis à relecture' }).count())
        .toBe(1);
      await expect
        .poll(() => page.getByText('Vous avez rédigé ou soumis ce brouillon : une autre personne le relit.').count())
        .toBe(1);
      await expectNoAxeViolations(page, `${EDITOR} in review (author)`);
      await screenshot(page, 'message-template-in-review-1366');
    } finally {
      await writer.close();
    }

    const reviewer = await newContext(fixture.browser);
    try {
      const page = await reviewer.newPage();
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}${EDITOR}`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Relecture', exact: true }).count()).toBe(1);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoAxeViolations(page, `${EDITOR} review at 390 px (manager)`);
      await screenshot(page, 'message-template-review-390');
      await page.setViewportSize({ width: 1366, height: 900 });

      await page.getByLabel('Note de version').fill('Tournure plus polie');
      await page.getByRole('button', { name: 'Publier cette version' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Version publiée' }).count()).toBe(1);
      await expect.poll(() => page.getByText(/La version 1 s’appliquera le/).count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { name: 'Relecture', exact: true }).count()).toBe(0);
      await expectNoAxeViolations(page, `${EDITOR} published (manager)`);
    } finally {
      await reviewer.close();
    }
    const published = await fixture.server.deps.db
      .selectFrom('message_template_versions')
      .select(['version', 'body', 'status'])
      .where('template', '=', 'reminder')
      .where('channel', '=', 'sms')
      .where('language', '=', 'fr')
      .executeTakeFirstOrThrow();
    expect(published).toEqual({ version: 1, body: polite, status: 'published' });
  });
});
