import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedText } from '../src/communications/core/message-templates.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import {
  expectNoAxeViolations,
  fetchedFileHead,
  newContext,
  screenshot,
  signInWithKeyboard,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();
const EDITOR = '/templates/reminder/letter/fr';
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * A case the agent may write to now: open, its first letter gone out, no hold, a French address that receives mail,
 * no reminder letter yet; the policy asked through the page's own session (this file's server is its own copy of the
 * demo, so issuing a letter here changes no other test's case).
 */
async function pickCase(page: Page): Promise<{ id: string; reference: string; firstLetterReference: string }> {
  const candidates = await fixture.server.deps.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .select(['c.id', 'c.reference', 'c.debtor_id', 'c.first_letter_reference'])
    .where('c.status', '=', 'open')
    .where('c.stage', '=', 'amicable')
    .where('c.balance_cents', '>', 0)
    .where('c.first_letter_sent_on', 'is not', null)
    .where('c.first_letter_reference', 'is not', null)
    .where('d.deceased_on', 'is', null)
    .where('d.merged_into', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('debtor_addresses as a')
          .select('a.id')
          .whereRef('a.debtor_id', '=', 'd.id')
          .where('a.country', '=', 'FR')
          .where('a.undeliverable_at', 'is', null),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('holds as h')
            .select('h.id')
            .whereRef('h.debtor_id', '=', 'd.id')
            .where('h.status', '=', 'active'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('reminder_letters as r').select('r.id').whereRef('r.case_id', '=', 'c.id'))),
    )
    .orderBy('c.reference')
    .limit(40)
    .execute();
  for (const candidate of candidates) {
    const allowed = await page.evaluate(
      async ({ debtorId, caseId }) => {
        const response = await fetch(`/api/v1/debtors/${debtorId}/contact-permission?channel=letter&caseId=${caseId}`);
        return response.ok && ((await response.json()) as { allowed: boolean }).allowed;
      },
      { debtorId: candidate.debtor_id, caseId: candidate.id },
    );
    if (allowed)
      return {
        id: candidate.id,
        reference: candidate.reference,
        firstLetterReference: candidate.first_letter_reference!,
      };
  }
  throw new Error('No demo case the policy lets the agency write to now');
}

describe('reminder letters by post', () => {
  it('compliance edits the reminder letter in French with its live checks and preview, and saves a draft; axe on each page', async () => {
    const base = fixture.server.url;
    const shipped = shippedText({ template: 'reminder', channel: 'letter', language: 'fr' }).body;
    const edited = shipped.replace('Sauf erreur de notre part', 'Sauf erreur ou omission de notre part');
    const kase = await fixture.server.deps.db
      .selectFrom('cases')
      .select(['reference', 'first_letter_reference'])
      .where('first_letter_sent_on', 'is not', null)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.setViewportSize(LAPTOP);
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: /^Modèles de messages$/ }).click();
      await page.waitForURL(`${base}/templates`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('row').count()).toBe(25);
      await expectNoAxeViolations(page, '/templates (compliance)');

      await page
        .getByRole('row', { name: /— Courrier Français/ })
        .getByRole('link')
        .click();
      await page.waitForURL(`${base}${EDITOR}`);
      await waitForPage(page);
      const body = page.getByLabel('Texte', { exact: true });
      await expect.poll(() => body.inputValue()).toBe(shipped);
      await expectNoAxeViolations(page, `${EDITOR} (compliance)`);

      // The checks follow the typing: how to dispute taken out, a threat of court put in.
      await body.fill(`${shipped.replace('{{howToDispute}}', '')}\n\nDernier avis avant saisie.`);
      const dispute = page.getByRole('listitem').filter({ hasText: 'La façon de contester' });
      await expect.poll(() => dispute.textContent()).toContain('manquante');
      await expect
        .poll(() => page.getByRole('listitem').filter({ hasText: 'évoque un tribunal' }).count())
        .toBeGreaterThan(0);
      await expectNoAxeViolations(page, `${EDITOR} with findings (compliance)`);

      await body.fill(edited);
      await expect.poll(() => page.getByText('Aucune erreur : ce texte peut être soumis.').count()).toBe(1);
      await expect.poll(() => dispute.textContent()).toContain('présente');
      // The preview on an edge case, then on a real case of the demo: the first letter it cites, the amount itemised.
      const preview = page.locator('.message-preview');
      await expect.poll(() => preview.textContent()).toContain('aucuns frais de recouvrement');
      expect(await preview.locator('figcaption').textContent()).toContain('Le corps du courrier');
      await page.getByLabel('Aperçu sur').selectOption('case');
      await page.getByLabel('Référence du dossier').fill(kase.reference);
      await expect.poll(() => preview.textContent()).toContain(kase.first_letter_reference!);
      await expect.poll(() => preview.textContent()).toContain('ou omission');
      await expect.poll(() => page.locator('.diff-text ins').allTextContents()).toContain('ou omission ');

      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Brouillon enregistré.' }).count()).toBe(1);
      await expectNoAxeViolations(page, `${EDITOR} draft saved (compliance)`);
      await screenshot(page, 'reminder-letter-template-1366', { fullPage: false });
      await screenshot(page, 'reminder-letter-template-1366-full');
      await page.setViewportSize(PHONE);
      await expectNoAxeViolations(page, `${EDITOR} at 390 px (compliance)`);
      await screenshot(page, 'reminder-letter-template-390', { fullPage: false });
    } finally {
      await context.close();
    }
    const draft = await fixture.server.deps.db
      .selectFrom('message_template_versions')
      .select(['body', 'status'])
      .where('template', '=', 'reminder')
      .where('channel', '=', 'letter')
      .where('language', '=', 'fr')
      .executeTakeFirstOrThrow();
    expect(draft).toEqual({ body: edited, status: 'draft' });
  });

  it('an agent previews a reminder letter on a case, text and PDF, and issues it through the policy; axe on the page', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.setViewportSize(LAPTOP);
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      const target = await pickCase(page);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.locator('section', {
        has: page.getByRole('heading', { name: 'E-mails, SMS et relances par courrier' }),
      });
      await section.waitFor();
      await section.getByLabel('Canal').selectOption('letter');
      expect(await section.getByLabel('Modèle').inputValue()).toBe('reminder');
      await section.getByRole('button', { name: 'Prévisualiser' }).click();
      const letter = section.locator('.message-preview');
      await letter.locator('.message-text').waitFor();
      expect(await letter.textContent()).toContain(`rappelle la première lettre ${target.firstLetterReference}`);
      expect(await letter.locator('.message-text').textContent()).toContain('aucuns frais de recouvrement');
      const pdfLink = letter.getByRole('link', { name: /Voir la lettre telle qu’elle sera imprimée/ });
      expect(await fetchedFileHead(page, await pdfLink.getAttribute('href'))).toEqual({
        status: 200,
        type: 'application/pdf',
        head: '%PDF-',
      });
      await expectNoAxeViolations(page, `/cases/${target.id} (reminder letter preview)`);
      await letter.scrollIntoViewIfNeeded();
      await screenshot(page, 'case-reminder-letter-preview-1366', { fullPage: false });
      await page.setViewportSize(PHONE);
      await letter.scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page, `/cases/${target.id} (reminder letter preview, 390 px)`);
      await screenshot(page, 'case-reminder-letter-preview-390', { fullPage: false });
      await page.setViewportSize(LAPTOP);

      await letter.getByRole('button', { name: 'Envoyer la relance par courrier' }).click();
      await section.getByRole('status').getByText('acceptée par la politique de contact').waitFor();
      const issued = await fixture.server.deps.db
        .selectFrom('reminder_letters')
        .select(['reference', 'print_run_id', 'first_letter_reference'])
        .where('case_id', '=', target.id)
        .executeTakeFirstOrThrow();
      expect(issued).toMatchObject({ print_run_id: null, first_letter_reference: target.firstLetterReference });
      expect(await section.getByRole('status').textContent()).toContain(issued.reference);
      await expectNoAxeViolations(page, `/cases/${target.id} (reminder letter issued)`);

      // A second one the same day: the policy refuses it, and says why.
      await section.getByRole('button', { name: 'Prévisualiser' }).click();
      await letter.getByRole('button', { name: 'Envoyer la relance par courrier' }).click();
      const refusal = section.getByRole('alert');
      await refusal.getByText('La politique de contact refuse cet envoi maintenant').waitFor();
      expect(await refusal.locator('.decision-reasons li').count()).toBeGreaterThan(0);
      expect(await refusal.locator('.next-allowed').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      await expectNoAxeViolations(page, `/cases/${target.id} (reminder letter refused)`);
      await screenshot(page, 'case-reminder-letter-refused-1366', { fullPage: false });
      expect(
        await fixture.server.deps.db
          .selectFrom('reminder_letters')
          .select('id')
          .where('case_id', '=', target.id)
          .execute(),
      ).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});
