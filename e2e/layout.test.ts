import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** The common screens of the agency: two laptops, a desktop monitor, and a phone. */
const SCREENS = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

/** Whether the page scrolls sideways, and the tables whose last column lies beyond their card. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const clipped = [...document.querySelectorAll('.card table')]
      .filter((table) => {
        const card = table.closest('.card')!.getBoundingClientRect();
        const scroller = table.closest('.table-scroll');
        // A table in its own scrolling area may be wider than the card: that is what the area is for.
        if (scroller && scroller.scrollWidth > scroller.clientWidth) return false;
        return table.getBoundingClientRect().right > card.right + 0.5;
      })
      .map(
        (table) =>
          `${table.querySelector('caption')?.textContent ?? ''} (${Math.round(table.getBoundingClientRect().width)} in ${Math.round(table.closest('.card')!.clientWidth)})`,
      );
    return { sideways: root.scrollWidth > root.clientWidth, clipped };
  });
}

describe('layout on the common screens', () => {
  it('the dashboard never scrolls sideways and no card clips its last column', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      for (const screen of SCREENS) {
        await page.setViewportSize(screen);
        await page.goto(`${base}/`);
        await waitForPage(page);
        await page.locator('.creditor-cards table').first().waitFor();
        const found = await overflow(page);
        expect({ screen, ...found }).toEqual({ screen, sideways: false, clipped: [] });
        await screenshot(page, `dashboard-${screen.width}x${screen.height}`);
      }
      await expectNoAxeViolations(page, '/ (390 wide)');
    } finally {
      await context.close();
    }
  });

  it('the case page dials by tel: links, the skip link reaches the page, the focus shows on the dark header; looked at on every screen', async () => {
    const base = fixture.server.url;
    const aCase = await fixture.server.deps.db
      .selectFrom('cases')
      .innerJoin('debtor_contact_points as p', 'p.debtor_id', 'cases.debtor_id')
      .select(['cases.id', 'p.value'])
      .where('cases.status', '=', 'open')
      .where('p.channel', '=', 'phone')
      .orderBy('cases.reference')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${base}/cases/${aCase.id}`);
      await waitForPage(page);
      const dial = page.locator(`a[href="tel:${aCase.value.replace(/[^+\d]/g, '')}"]`).first();
      expect(await dial.textContent()).toBe(aCase.value);

      // The skip link shows when it has the focus; Enter puts the focus on the page's content.
      await page.locator('.skip-link').focus();
      expect(await page.locator('.skip-link').evaluate((link) => link.getBoundingClientRect().top >= 0)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // On the dark header, the focus ring turns yellow.
      await page.getByRole('button', { name: 'Se déconnecter' }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { width: style.outlineWidth, color: style.outlineColor };
      });
      expect(ring).toEqual({ width: '3px', color: 'rgb(255, 212, 92)' });

      for (const screen of SCREENS) {
        await page.setViewportSize(screen);
        for (const [name, path] of [
          ['case', `/cases/${aCase.id}`],
          ['workspace', '/workspace'],
        ] as const) {
          await page.goto(`${base}${path}`);
          await waitForPage(page);
          expect({ name, screen, sideways: (await overflow(page)).sideways }).toEqual({
            name,
            screen,
            sideways: false,
          });
          await page.screenshot({ path: `test-results/${name}-${screen.width}x${screen.height}.png` });
        }
      }
      await expectNoAxeViolations(page, '/workspace (390 wide)');
    } finally {
      await context.close();
    }
  });
});
