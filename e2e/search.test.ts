import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { join } from 'node:path';
import {
  SCREENSHOT_DIR,
  expectNoAxeViolations,
  newContext,
  signInWithKeyboard,
  screenshot,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** A case of the creditor, with its debtor's last name and first phone number. */
async function caseOf(creditorCode: string) {
  return fixture.server.deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .innerJoin('debtor_contact_points as p', 'p.debtor_id', 'cases.debtor_id')
    .select(['cases.id', 'cases.reference', 'debtors.last_name', 'p.value as phone'])
    .where('creditors.code', '=', creditorCode)
    .where('debtors.kind', '=', 'person')
    .where('p.channel', '=', 'phone')
    .orderBy('cases.reference')
    .executeTakeFirstOrThrow();
}

const box = (page: Page) => page.getByRole('combobox', { name: 'Rechercher un dossier' });

/** Types in the box and waits until the list answers this text (the status line names the count or nothing found). */
async function typeInBox(page: Page, text: string) {
  await page.keyboard.type(text);
  await page
    .getByRole('status')
    .filter({ hasText: /dossiers? trouvés?|Aucun dossier/ })
    .waitFor();
}

describe('the search box', () => {
  it('lets an agent find a case by name as they type and open it, with the keyboard only', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    const wanted = await caseOf('BHORIZON');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      // "/" from anywhere in the page puts the focus in the box, which says its shortcut to screen readers.
      await page.keyboard.press('/');
      expect(await box(page).evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await box(page).getAttribute('aria-keyshortcuts')).toContain('Control+K');
      await typeInBox(page, wanted.last_name!.slice(0, 4).toLowerCase());
      expect(await box(page).getAttribute('aria-expanded')).toBe('true');
      const option = page.getByRole('option').filter({ hasText: wanted.reference });
      await option.waitFor();
      expect(await page.getByRole('group', { name: 'Noms' }).count()).toBe(1);
      expect((await option.locator('mark').first().textContent())!.toLowerCase()).toBe(
        wanted.last_name!.slice(0, 4).toLowerCase(),
      );
      await expectNoAxeViolations(page, 'search box open');
      await screenshot(page, 'search-box-1366');

      // Arrow down to the case, Enter opens it.
      const options = await page.getByRole('option').allTextContents();
      const index = options.findIndex((text) => text.includes(wanted.reference));
      for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
      expect(await box(page).getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/cases/${wanted.id}`);
      await waitForPage(page);

      // On a phone's screen the box takes the header's full width.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/`);
      await waitForPage(page);
      await page.keyboard.press('Control+K');
      await typeInBox(page, wanted.reference);
      await page.getByRole('option').filter({ hasText: wanted.reference }).waitFor();
      await expectNoAxeViolations(page, 'search box on a phone');
      // The window only: the list opens over the page's top.
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'search-box-390.png') });
    } finally {
      await context.close();
    }
  });

  it('starts an inbound call from the caller’s number', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    const wanted = await caseOf('BHORIZON');
    const e164 = wanted.phone.replace(/\s/g, '');
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/search?phone=${encodeURIComponent(e164)}`);
      await waitForPage(page);
      await page.getByRole('heading', { name: `Appel entrant du ${e164}` }).waitFor();
      const link = page.getByRole('link').filter({ hasText: wanted.reference });
      await link.waitFor();
      await expectNoAxeViolations(page, 'inbound call');
      await screenshot(page, 'search-inbound-1366');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'search-inbound-390');
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/cases/${wanted.id}`);
    } finally {
      await context.close();
    }
  });

  it('lets a creditor user find its own cases, never another creditor’s', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    const own = await caseOf('BHORIZON');
    const foreign = await caseOf('ENERHONE');
    try {
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.keyboard.press('Control+K');
      await typeInBox(page, foreign.reference);
      await page
        .getByRole('status')
        .filter({ hasText: `Aucun dossier ne correspond à « ${foreign.reference} »` })
        .waitFor();
      expect(await page.getByRole('option').count()).toBe(0);

      await box(page).fill('');
      await typeInBox(page, own.reference);
      await page.getByRole('option').filter({ hasText: own.reference }).waitFor();
      await expectNoAxeViolations(page, 'search box of a creditor user');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/cases/${own.id}`);
      await waitForPage(page);
    } finally {
      await context.close();
    }
  });
});
