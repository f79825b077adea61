import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { agencyToday } from '../src/platform/calendar/index.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the mediators a complaint refusal names', () => {
  it('a compliance officer changes the Italian default mediator’s address from today; the row is in force, the old one replaced; axe on the page', async () => {
    const base = fixture.server.url;
    const today = agencyToday(fixture.server.deps.now(), fixture.server.deps.config);
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: /^Médiateurs$/ }).click();
      await page.waitForURL(`${base}/mediators`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Médiateurs', level: 1 }).count()).toBe(1);
      await expectNoAxeViolations(page, '/mediators (compliance officer)');

      await page.getByRole('button', { name: /^Modifier : Italie, par défaut/ }).click();
      const form = page.getByRole('form', { name: 'Modifier le médiateur (Italie, par défaut)' });
      await expect.poll(() => form.getByLabel('Nom').inputValue()).toBe('Arbitro Bancario Finanziario (ABF)');
      await form.getByLabel('Adresse postale').fill('Via Nazionale 91, 00184 Roma RM');
      await expectNoAxeViolations(page, '/mediators (form open)');
      await form.getByRole('button', { name: 'Enregistrer' }).click();

      // The form leaves; the confirmation stays, announced politely; the new row is in force, the old one replaced.
      await expect.poll(() => form.count()).toBe(0);
      const status = page
        .getByRole('status')
        .filter({ hasText: /Médiateur «\u00a0Arbitro Bancario Finanziario \(ABF\)\u00a0» enregistré/ });
      await expect.poll(() => status.count()).toBe(1);
      expect(await status.getAttribute('aria-live')).toBe('polite');
      const rows = page.getByRole('row').filter({ hasText: 'Italie, par défaut' });
      await expect.poll(() => rows.count()).toBe(2);
      await expect.poll(() => rows.first().textContent()).toContain('Via Nazionale 91, 00184 Roma RM');
      expect(await rows.first().textContent()).toContain('En vigueur');
      expect(await rows.last().textContent()).toContain('Remplacé');
      await expectNoAxeViolations(page, '/mediators (saved)');
      await screenshot(page, 'mediators-1366');
    } finally {
      await context.close();
    }
    const saved = await fixture.server.deps.db
      .selectFrom('mediators')
      .select(['address', 'valid_from'])
      .where('country', '=', 'IT')
      .orderBy('valid_from', 'desc')
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ address: 'Via Nazionale 91, 00184 Roma RM', valid_from: today });
  });
});
